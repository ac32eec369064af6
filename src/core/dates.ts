/**
 * Calendar days without a time zone library.
 *
 * A "day" here is a whole number: days since 1970-01-01 in the proleptic Gregorian calendar.
 * Dates typed as text are read straight into days; `Date` objects (instants) become days
 * through the spreadsheet's time zone, via `DayClock`.
 */

export const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (inverse of daysFromCivil). */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** 'YYYY-MM-DD' of a day number, for messages. */
export function formatDay(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Only forms that cannot be misread: year first (2024-03-05, 2024/3/5, 2024.3.5) or the
// Chinese 2024年3月5日. An optional time after the date is allowed and ignored.
const TIME = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]${TIME})?$`);
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日(?: ?${TIME})?$`);

/** The day of an unambiguous ISO-like date text, or null when the text is not one (or not a real date). */
export function parseDateText(text: string): number | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const a = YEAR_FIRST.exec(t);
  if (a) {
    y = +a[1]; m = +a[3]; d = +a[4];
  } else {
    const c = CHINESE.exec(t);
    if (!c) return null;
    y = +c[1]; m = +c[2]; d = +c[3];
  }
  if (m < 1 || m > 12 || d < 1) return null;
  const day = daysFromCivil(y, m, d);
  // 2024-02-30 is not a date: the round trip through the calendar must give the same day of month.
  return civilFromDays(day).d === d ? day : null;
}

const MINUTES_PER_DAY = 1440;

/** Minutes east of UTC in the spreadsheet's time zone at the instant `ms`. */
export type OffsetAt = (ms: number) => number;

/**
 * Part of what a clock learnt about its zone, as plain data to keep between executions: over
 * the whole UTC minutes first..last (minutes since 1970-01-01T00:00Z) the offset is `offset`
 * minutes east of UTC.
 */
export type LearntRun = readonly [first: number, last: number, offset: number];

/** Where a clock keeps what it learnt between executions (in Apps Script, the document cache). */
export interface OffsetMemory {
  /** The runs kept by earlier executions for this zone, or null. */
  recall(): readonly LearntRun[] | null;
  /** Keeps these runs, in place of whatever was kept (they include what recall gave). */
  keep(runs: readonly LearntRun[]): void;
}

/** Java's ZoneOffset range; a kept run outside it is not a real offset. */
const MAX_OFFSET_MINUTES = 18 * 60;

/**
 * How far apart looks at the zone may be: two looks that agree prove the offset constant
 * between them only if no two changes of the offset are closer than the looks. Per period,
 * [first minute, spacing in minutes], below the closest consecutive changes touching it in the
 * IANA database (2025c, every zone, 1850-2100 scanned with Intl at 3-hour steps): before 1946,
 * 8.1 days (Tunis 1943); 1946-1976, 16.9 days (El Aaiun 1976); 1977-1999, 34.9 days (Simferopol
 * 1994); 2000-2010, 6.9 days (Boa Vista and Recife 2000; Argentina 2004 and Egypt 2010 about 12
 * and 21); 2011-2039, 28 days (Fiji 2020-12-20 to 2021-01-17; Morocco's Ramadan breaks last about
 * 35 days); from 2040, 7 days (Gaza's predicted Ramadan break of 2040).
 */
const PERIODS: readonly (readonly [from: number, spacing: number])[] = [
  [-Infinity, 6 * MINUTES_PER_DAY],
  [Date.UTC(1946, 0, 1) / MS_PER_MINUTE, 15 * MINUTES_PER_DAY],
  [Date.UTC(1977, 0, 1) / MS_PER_MINUTE, 27 * MINUTES_PER_DAY],
  [Date.UTC(2000, 0, 1) / MS_PER_MINUTE, 6 * MINUTES_PER_DAY],
  [Date.UTC(2011, 0, 1) / MS_PER_MINUTE, 27 * MINUTES_PER_DAY],
  [Date.UTC(2040, 0, 1) / MS_PER_MINUTE, 6 * MINUTES_PER_DAY],
];

/** Names the rules above, so that runs learnt under other rules are never mixed in (a cache key part). */
export const OFFSET_RULES = 'r2';

function periodOf(m: number): number {
  let i = PERIODS.length - 1;
  while (PERIODS[i][0] > m) i--;
  return i;
}

/** Whether two looks at minutes e < s that agree prove the offset constant from e to s. */
function bounded(e: number, s: number): boolean {
  // A change between the looks lies in e + 1 .. s: every period those minutes touch counts.
  let spacing = Infinity;
  for (let i = periodOf(e + 1); i < PERIODS.length && PERIODS[i][0] <= s; i++) spacing = Math.min(spacing, PERIODS[i][1]);
  return s - e <= spacing;
}

/**
 * The two points of a fixed grid around minute m (g0 ≤ m ≤ g1), within m's period, where the
 * first looks at a stretch of time are made: a fixed grid lets later questions (and later
 * executions, through the memory) reuse them.
 */
function gridAround(m: number): [number, number] {
  const i = periodOf(m);
  const [from, spacing] = PERIODS[i];
  const until = i + 1 < PERIODS.length ? PERIODS[i + 1][0] : Infinity;
  const anchor = from === -Infinity ? until : from;
  const g = anchor + Math.floor((m - anchor) / spacing) * spacing;
  // The last minute of the period ends its last cell, so that a cell never reaches into the next.
  return [g, Math.min(g + spacing, until - 1)];
}

function isRun(r: unknown): r is LearntRun {
  if (!Array.isArray(r) || r.length !== 3) return false;
  const [first, last, offset] = r as unknown[];
  return Number.isSafeInteger(first) && Number.isSafeInteger(last) && Number.isSafeInteger(offset)
    && (first as number) <= (last as number) && Math.abs(offset as number) <= MAX_OFFSET_MINUTES;
}

/** Days of offsets kept in a flat array (about 11 years); UNKNOWN marks a day not yet settled. */
const WINDOW_DAYS = 4096;
const UNKNOWN = Infinity;

/**
 * Turns instants into the spreadsheet's calendar days and back.
 *
 * Asking the time zone is the costly part (in Apps Script it is a Utilities call), and offsets
 * change a few times a year, so the clock looks sparsely and only where a question needs it:
 * first on a grid (27 days apart for 2011-2039, closer in other periods: see PERIODS), then,
 * between two looks that disagree (a change lies between them), halfway across the days between
 * them at the time of day asked about, until the day asked about no longer depends on where the
 * change lies. Dates at one time of day (date cells are local midnights) cost a handful of looks
 * per change: two recent years of them about 30 looks without daylight saving, 50 with it. Runs
 * of minutes with one known offset hold what was learnt; an optional memory keeps them between
 * executions.
 */
export class DayClock {
  // What is known: runs of whole minutes with one offset (minutes east of UTC), in order and
  // apart, in parallel arrays. Between two runs with different offsets and a bounded gap lies
  // exactly one change; no gap between them means the change is known to the minute.
  private readonly firsts: number[] = [];
  private readonly lasts: number[] = [];
  private readonly offsets: number[] = [];
  private recalled = false;
  private unsaved = false;

  // For the per-row path: per UTC day, the offset in ms when one run covers the whole day, NaN
  // when a change known to the minute falls inside it (see `changes`), UNKNOWN otherwise. A flat
  // window of days around the first one asked for answers most rows with one array read; days
  // outside it go to a Map.
  private readonly window = new Float64Array(WINDOW_DAYS).fill(UNKNOWN);
  private windowStart = NaN;
  private readonly outside = new Map<number, number>();
  /** UTC day with a change → [instant of the change, offset before, offset after] in ms. */
  private readonly changes = new Map<number, [number, number, number]>();
  private lastMs = NaN;
  private lastDay = 0;

  constructor(
    private readonly offsetAt: OffsetAt,
    private readonly memory: OffsetMemory | null = null,
  ) {}

  /** The calendar day of the instant `ms` in the spreadsheet's time zone. */
  dayOf(ms: number): number {
    if (ms === this.lastMs) return this.lastDay;
    const utcDay = Math.floor(ms / MS_PER_DAY);
    if (this.windowStart !== this.windowStart) this.windowStart = utcDay - WINDOW_DAYS / 2;
    const slot = utcDay - this.windowStart;
    const off = slot >= 0 && slot < WINDOW_DAYS ? this.window[slot] : (this.outside.get(utcDay) ?? UNKNOWN);
    let day: number;
    if (off === UNKNOWN) {
      day = this.learnDayOf(ms);
      this.settleUtcDay(utcDay);
    } else if (off === off) {
      day = Math.floor((ms + off) / MS_PER_DAY);
    } else {
      const [at, before, after] = this.changes.get(utcDay)!;
      day = Math.floor((ms + (ms < at ? before : after)) / MS_PER_DAY);
    }
    this.lastMs = ms;
    this.lastDay = day;
    return day;
  }

  /**
   * The first instant of a calendar day: its local midnight; where a change skips midnight, the
   * instant of the change (the first minute the clocks show that day); where midnight happens
   * twice, the first one.
   */
  startOfDay(day: number): number {
    const guess = day * MS_PER_DAY;
    // Midnight is `guess` minus the offset then, and offsets lie within 18 hours of UTC: the
    // candidates are the offsets known from 18 hours before `guess` to 18 hours after it.
    const from = Math.floor(guess / MS_PER_MINUTE) - MAX_OFFSET_MINUTES;
    const to = from + 2 * MAX_OFFSET_MINUTES;
    this.bracket(from);
    const last = Math.min(this.bracket(to) + 1, this.firsts.length - 1);
    const candidates: number[] = [];
    for (let k = this.bracket(from); k <= last; k++) candidates.push(guess - this.offsets[k] * MS_PER_MINUTE);
    candidates.sort((a, b) => a - b);
    // The first instant of the day is the earliest candidate already on it, unless a change
    // skips midnight: then the instant before it is on that day too. Checking the candidates in
    // order asks no more of the zone than that answer needs.
    let lo = guess - MAX_OFFSET_MINUTES * MS_PER_MINUTE; // surely the day before
    let hi = guess + MAX_OFFSET_MINUTES * MS_PER_MINUTE; // surely that day or later
    for (const t of candidates) {
      if (this.learnDayOf(t, true) < day) {
        lo = t;
        continue;
      }
      if (this.learnDayOf(t - 1, true) < day) return t;
      hi = t;
      break;
    }
    // No midnight: the day starts with the change that skips it, found to the minute.
    while (hi - lo > MS_PER_MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (this.learnDayOf(mid, true) >= day) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /**
   * Hands everything known to the memory, merged with what other executions kept meanwhile,
   * when this clock learnt something since it last did (else it does nothing: cheap to call).
   */
  saveLearnt(): void {
    if (!this.unsaved || !this.memory) return;
    this.absorb(this.memory.recall());
    this.memory.keep(this.learnt());
    this.unsaved = false;
  }

  /** Everything known, as plain data. */
  learnt(): LearntRun[] {
    return this.firsts.map((first, i): LearntRun => [first, this.lasts[i], this.offsets[i]]);
  }

  /**
   * The day of `ms`, looking at the zone only as far as that day needs: at `ms` itself for a
   * single question (`atPoint`), else across the days of the gap at that time of day, so that a
   * column of dates at one time of day shares the looks.
   */
  private learnDayOf(ms: number, atPoint = false): number {
    const m = Math.floor(ms / MS_PER_MINUTE);
    for (;;) {
      const i = this.bracket(m);
      const before = Math.floor((ms + this.offsets[i] * MS_PER_MINUTE) / MS_PER_DAY);
      if (m <= this.lasts[i]) return before;
      // One change lies between run i and the next: the day may not depend on where.
      const after = Math.floor((ms + this.offsets[i + 1] * MS_PER_MINUTE) / MS_PER_DAY);
      if (before === after) return before;
      this.look(atPoint ? m : this.seriesPoint(m, this.lasts[i], this.firsts[i + 1]));
    }
  }

  /**
   * The index of the run holding minute m or, when m lies in a bounded gap, of the run before
   * it; looks at the grid (after recalling the memory, once) until there is one.
   */
  private bracket(m: number): number {
    for (;;) {
      const i = this.runAtOrBefore(m);
      if (i >= 0 && m <= this.lasts[i]) return i;
      if (i >= 0 && i + 1 < this.firsts.length && bounded(this.lasts[i], this.firsts[i + 1])) return i;
      if (!this.recalled) {
        this.recalled = true;
        this.absorb(this.memory ? this.memory.recall() : null);
        continue;
      }
      const [g0, g1] = gridAround(m);
      // g0 ≤ m < g1, and neither is known yet: a known run reaching past g0 and one starting
      // before g1 would make the gap at m bounded.
      this.look(i < 0 || this.lasts[i] < g0 ? g0 : g1);
    }
  }

  /**
   * Where to look next for the day of minute m inside the gap (e, s) holding one change: at the
   * same time of day as m, halfway across the days of the gap. Other dates at that time of day
   * (a column of date cells) then share the looks, a binary search over days.
   */
  private seriesPoint(m: number, e: number, s: number): number {
    const fromDays = Math.ceil((e + 1 - m) / MINUTES_PER_DAY);
    const toDays = Math.floor((s - 1 - m) / MINUTES_PER_DAY);
    return m + Math.floor((fromDays + toDays) / 2) * MINUTES_PER_DAY;
  }

  private look(minute: number): void {
    const offset = this.offsetAt(minute * MS_PER_MINUTE);
    // Anything else would never join the runs, and the search would ask forever.
    if (!Number.isSafeInteger(offset) || Math.abs(offset) > MAX_OFFSET_MINUTES) throw new Error(`Unexpected time zone offset: ${offset} minutes`);
    this.unsaved = true;
    this.addRun(minute, minute, offset);
  }

  private absorb(runs: readonly LearntRun[] | null): void {
    if (!Array.isArray(runs)) return;
    for (const r of runs) if (isRun(r)) this.addRun(r[0], r[1], r[2]);
  }

  /**
   * Adds a run of minutes with one offset, joined with the runs it overlaps or touches and with
   * neighbours of the same offset across a bounded gap. A run that contradicts a known one is
   * dropped (what this execution saw wins over what was kept).
   */
  private addRun(first: number, last: number, offset: number): void {
    const n = this.firsts.length;
    let lo = this.runAtOrBefore(first);
    if (lo < 0 || this.lasts[lo] < first) lo++;
    let hi = lo;
    for (; hi < n && this.firsts[hi] <= last; hi++) if (this.offsets[hi] !== offset) return;
    if (hi > lo) {
      first = Math.min(first, this.firsts[lo]);
      last = Math.max(last, this.lasts[hi - 1]);
    }
    if (lo > 0 && this.offsets[lo - 1] === offset && bounded(this.lasts[lo - 1], first)) first = this.firsts[--lo];
    if (hi < n && this.offsets[hi] === offset && bounded(last, this.firsts[hi])) last = this.lasts[hi++];
    this.firsts.splice(lo, hi - lo, first);
    this.lasts.splice(lo, hi - lo, last);
    this.offsets.splice(lo, hi - lo, offset);
  }

  /** The last run starting at or before minute m, or -1. */
  private runAtOrBefore(m: number): number {
    let lo = 0;
    let hi = this.firsts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.firsts[mid] <= m) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Records, for the per-row path, what is known of a whole UTC day, if it is all known. */
  private settleUtcDay(utcDay: number): void {
    const first = utcDay * MINUTES_PER_DAY;
    const last = first + MINUTES_PER_DAY - 1;
    const i = this.runAtOrBefore(first);
    if (i < 0 || this.lasts[i] < first) return;
    let value: number;
    if (this.lasts[i] >= last) {
      value = this.offsets[i] * MS_PER_MINUTE;
    } else if (i + 1 < this.firsts.length && this.firsts[i + 1] === this.lasts[i] + 1 && this.lasts[i + 1] >= last) {
      this.changes.set(utcDay, [this.firsts[i + 1] * MS_PER_MINUTE, this.offsets[i] * MS_PER_MINUTE, this.offsets[i + 1] * MS_PER_MINUTE]);
      value = NaN;
    } else {
      return;
    }
    const slot = utcDay - this.windowStart;
    if (slot >= 0 && slot < WINDOW_DAYS) this.window[slot] = value;
    else this.outside.set(utcDay, value);
  }
}
