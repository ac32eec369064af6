/**
 * Adds up the modeled time of the calls a runtime makes (costModel.ts), beside the call counts,
 * and, when asked, moves the fakes' clock by it: the "modeled clock", so a run's time budget
 * (Date.now() inside the bundle) sees Apps Script's time rather than Node's.
 */
import { COST_TABLE, costRowOf, unitsOf, type CostOverrides, type CostRow } from './costModel';

/** A Range carries its cell count under this key (not a method: nothing counts reading it). */
export const RANGE_CELLS = Symbol('rangeCells');

export interface ModeledKind {
  calls: number;
  ms: number;
  /** Cells read or written (range reads and writes). */
  cells: number;
  /** Characters through the cache or the property stores. */
  chars: number;
}

export interface Modeled {
  /** Modeled Apps Script time of the calls, in ms. */
  ms: number;
  /** The same by kind of call (costModel's rows), for the calls made. */
  byKind: Record<string, ModeledKind>;
}

/** How the modeled clock runs; kept in the GasState so every later execution follows it. */
export interface ModeledClockOptions {
  /**
   * Also move the clock by Node's own time between service calls, times this factor (default 0:
   * service calls only, so a test is deterministic). 1 counts the script's computing at Node's
   * speed.
   */
  cpuFactor?: number;
}

/** Per-call ms a CostRow gives `name` under `overrides`. */
function rowFor(name: string, overrides: CostOverrides | undefined): CostRow {
  const row = costRowOf(name, COST_TABLE);
  const ms = overrides?.[name];
  return ms === undefined ? row : { ...row, ms, perUnitMs: 0 };
}

export class CostMeter {
  private total = 0;
  private kinds = new Map<string, ModeledKind>();
  private readonly rows = new Map<string, CostRow>();

  constructor(private readonly overrides?: CostOverrides) {}

  /** Adds one call's modeled cost and answers it (ms). */
  charge(name: string, args: readonly unknown[], result: unknown, rangeCells: number): number {
    let row = this.rows.get(name);
    if (!row) this.rows.set(name, (row = rowFor(name, this.overrides)));
    const units = row.perUnitMs ? unitsOf(row.size, args, result, rangeCells) : 0;
    const ms = row.ms + (row.perUnitMs ?? 0) * units;
    this.total += ms;
    let k = this.kinds.get(row.kind);
    if (!k) this.kinds.set(row.kind, (k = { calls: 0, ms: 0, cells: 0, chars: 0 }));
    k.calls++;
    k.ms += ms;
    if (row.size === 'resultText' || row.size === 'argText') k.chars += units;
    else if (row.size && row.size !== 'argMs') k.cells += units;
    return ms;
  }

  /** The kind of row `name` falls in (what charge() files it under). */
  kindOf(name: string): string {
    return rowFor(name, this.overrides).kind;
  }

  /** Total modeled ms so far (cheap: for before/after differences). */
  ms(): number {
    return this.total;
  }

  modeled(): Modeled {
    const byKind: Record<string, ModeledKind> = {};
    for (const [kind, k] of [...this.kinds].sort((a, b) => b[1].ms - a[1].ms)) byKind[kind] = { ...k };
    return { ms: this.total, byKind };
  }

  reset(): void {
    this.total = 0;
    this.kinds = new Map();
  }
}
