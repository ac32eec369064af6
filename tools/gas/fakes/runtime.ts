/**
 * One gas-local context's view of the services: its call counts, faults, current execution and
 * the realm its values must belong to. Several runtimes can share one GasState (one per load).
 */
import type { CallCounts } from './counting';
import { CostMeter, RANGE_CELLS } from './costMeter';
import { type Execution, type ExecutionOptions, permissionError } from './execution';
import { defaultFaultMessage, Faults, type FaultSpec } from './faults';
import { scopeError, type Manifest } from './manifest';
import type { GasState } from './state';

/** Constructors of the script's realm, so values and errors behave as the bundle's own. */
export interface RealmConstructors {
  Date: DateConstructor;
  Error: ErrorConstructor;
  /** Rows handed to the script are the realm's arrays, so `instanceof Array` holds as in Apps Script. */
  Array: ArrayConstructor;
  /** Parses API answers (calendar events) into the realm's objects. */
  JSON: JSON;
}

/** Keeps the call log from growing without bound in long benchmarks. */
const MAX_LOG = 1_000_000;

export class Runtime {
  readonly calls: CallCounts = new Map();
  readonly log: string[] = [];
  total = 0;
  readonly faults = new Faults();
  realm: RealmConstructors = { Date, Error, Array, JSON };
  execution: Execution;
  /** Set when the fakes follow the project manifest's scopes. */
  manifest: Manifest | null = null;
  /** The modeled Apps Script time of this runtime's calls (costModel.ts). */
  readonly cost: CostMeter;
  /** Listeners of every call with its modeled ms (GasFakes.onCall). */
  readonly callListeners: ((name: string, args: readonly unknown[], ms: number) => void)[] = [];
  /** When the last call ended (process.hrtime), for the modeled clock's cpuFactor. */
  private cpuMark: bigint | null = null;
  /** Modeled time not yet on the clock: the clock moves by whole ms, as Date.now() answers. */
  private pendingMs = 0;
  /** When the current execution started, by the state's clock (for the execution time limit). */
  private executionStart = 0;
  /** The execution Apps Script stopped for running too long (every later call of it throws). */
  killedExecution: number | null = null;

  /**
   * @param checked false for the "direct" view tests use to play a person editing the file:
   *   no authorization checks and no faults (calls are still counted, in its own map).
   */
  constructor(readonly state: GasState, private readonly checked = true, options: ExecutionOptions = {}) {
    this.execution = this.newExecution(options);
    this.cost = new CostMeter(state.costOverrides);
  }

  now(): number {
    return this.state.clock.now();
  }

  newExecution(options: ExecutionOptions = {}): Execution {
    this.cpuMark = null;
    this.executionStart = this.state.clock.now();
    const authMode = options.authMode ?? 'FULL';
    return {
      id: ++this.state.seq.execution,
      authMode,
      ui: options.ui ?? authMode !== 'CUSTOM_FUNCTION',
      user: options.user ?? this.state.owner,
      activeUserHidden: options.activeUserHidden ?? false,
      userLocale: options.userLocale ?? null,
    };
  }

  /** An Error of the script's realm, named as Apps Script names it ("Exception: …" when printed). */
  /** A deep copy of plain data (API answers) made of the script realm's objects. */
  copyOut<T>(value: T): T {
    return value === undefined ? value : (this.realm.JSON.parse(JSON.stringify(value)) as T);
  }

  error(message: string, name = 'Exception', extra: Record<string, unknown> = {}): Error {
    const e = new this.realm.Error(message);
    Object.defineProperty(e, 'name', { value: name, writable: true, configurable: true, enumerable: false });
    Object.assign(e, extra);
    return e;
  }

  /** Counts a call and throws what Apps Script would throw before it runs; returns an "after" fault to throw once it ran. */
  enter(name: string): FaultSpec | undefined {
    if (this.checked && this.state.modeledClock?.cpuFactor) this.chargeCpu(this.state.modeledClock.cpuFactor);
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
    this.total++;
    if (this.log.length < MAX_LOG) this.log.push(name);
    if (!this.checked) return undefined;
    this.checkTimeLimit();
    const auth = this.state.authorization.get(this.execution.user);
    const denied = permissionError(name, this.execution, auth?.status === 'REQUIRED');
    if (denied) throw this.error(denied);
    const unscoped = this.manifest && scopeError(name, this.manifest);
    if (unscoped) throw this.error(unscoped);
    const fault = this.faults.take(this.total);
    if (!fault) return undefined;
    if (fault.act) {
      fault.act();
      return undefined;
    }
    if (fault.when === 'after') return fault;
    throw this.faultError(name, fault);
  }

  /**
   * Adds a call's modeled cost (once it ran, or failed) and, under the modeled clock, moves the
   * clock by it. Utilities.sleep already moved the clock itself.
   */
  charge(name: string, args: readonly unknown[], result: unknown, target: object): void {
    const cells = (target as { [RANGE_CELLS]?: number })[RANGE_CELLS] ?? 0;
    const ms = this.cost.charge(name, args, result, cells);
    for (const listen of this.callListeners) listen(name, args, ms);
    if (!this.checked || !this.state.modeledClock) return;
    if (ms > 0 && name !== 'Utilities.sleep') this.advance(ms);
    if (this.state.modeledClock.cpuFactor) this.cpuMark = process.hrtime.bigint();
  }

  /**
   * Apps Script stops an execution that runs past its limit (6 minutes). The fakes see time only
   * at service calls: the first call past the limit throws, and so does every later call of
   * that execution, as the real script would be gone.
   */
  private checkTimeLimit(): void {
    const limit = this.state.executionLimitMs;
    if (!limit) return;
    if (this.killedExecution !== this.execution.id && this.state.clock.now() - this.executionStart < limit) return;
    this.killedExecution = this.execution.id;
    throw this.error('Exceeded maximum execution time');
  }

  /** Node's time since the last call ended, times `factor`, onto the modeled clock. */
  private chargeCpu(factor: number): void {
    const now = process.hrtime.bigint();
    if (this.cpuMark !== null) this.advance((Number(now - this.cpuMark) / 1e6) * factor);
    this.cpuMark = now;
  }

  private advance(ms: number): void {
    this.pendingMs += ms;
    const whole = Math.floor(this.pendingMs);
    if (whole > 0) {
      advanceClock(this.state.clock, whole);
      this.pendingMs -= whole;
    }
  }

  faultError(name: string, fault: FaultSpec): Error {
    const fallback = defaultFaultMessage(name, this.state.spreadsheet.id);
    const e = this.error(fault.message ?? fallback.message, fault.name ?? fallback.name);
    if ((fault.name ?? fallback.name) === 'GoogleJsonResponseException') {
      Object.assign(e, { details: { code: 503, message: 'Backend Error', errors: [{ domain: 'global', reason: 'backendError', message: 'Backend Error' }] } });
    }
    return e;
  }
}

/**
 * Replaces every method of `target` (own properties) with one that counts 'service.method',
 * applies the execution's checks and armed faults, and then runs the original. Mutates in
 * place, so methods that return the object itself (chaining) return the counted one.
 */
export function counted<T extends object>(service: string, target: T, rt: Runtime): T {
  const methods = target as Record<string, unknown>;
  for (const key of Object.keys(methods)) {
    const original = methods[key];
    if (typeof original !== 'function') continue;
    const name = `${service}.${key}`;
    methods[key] = function (this: unknown, ...args: unknown[]) {
      const after = rt.enter(name);
      let result: unknown;
      try {
        result = original.apply(this, args);
      } finally {
        // A call that throws (a bad range, a quota) made its round trip too.
        rt.charge(name, args, result, target);
      }
      if (after) throw rt.faultError(name, after);
      return result;
    };
  }
  return target;
}

/** Moves a clock that can be moved (ManualClock); createGasFakes refuses the modeled clock on any other. */
function advanceClock(clock: unknown, ms: number): void {
  (clock as { advance(ms: number): unknown }).advance(ms);
}
