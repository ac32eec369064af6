/** The clock the fakes read (cache expiry, triggers, calendar timestamps) and, via loadBundle, the bundle's Date. */

export interface Clock {
  now(): number;
  /** Set on the real clock: loadBundle then leaves the bundle's Date alone. */
  readonly wall?: boolean;
  /** Utilities.sleep(ms) calls this; a manual clock moves forward, the wall clock does nothing. */
  sleep(ms: number): void;
}

/** Real time: Date.now, and sleeping returns at once (nothing runs concurrently in the fakes). */
export function wallClock(now: () => number = Date.now): Clock {
  return { now, sleep: () => undefined, wall: now === Date.now };
}

/**
 * A clock tests move by hand. `now` is a bound arrow, so `{ now: clock.now }` also works.
 * Utilities.sleep advances it, so code that backs off before a retry sees time pass.
 */
export class ManualClock implements Clock {
  private t: number;

  constructor(start: number | string | Date = Date.UTC(2026, 0, 5, 1, 0)) {
    this.t = toMs(start);
  }

  readonly now = (): number => this.t;

  readonly sleep = (ms: number): void => {
    this.advance(ms);
  };

  /** Moves forward by `ms` (negative moves back). */
  advance(ms: number): number {
    this.t += ms;
    return this.t;
  }

  advanceMinutes(n: number): number {
    return this.advance(n * 60_000);
  }

  advanceHours(n: number): number {
    return this.advance(n * 3_600_000);
  }

  advanceDays(n: number): number {
    return this.advance(n * 86_400_000);
  }

  set(at: number | string | Date): void {
    this.t = toMs(at);
  }
}

function toMs(at: number | string | Date): number {
  const ms = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms)) throw new Error(`ManualClock: not a time: ${String(at)}`);
  return ms;
}
