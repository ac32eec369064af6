/**
 * ABC (Pareto) tiers. Sorting only the values (not rows) into a typed array and then finding
 * the two threshold values keeps a million rows fast: each row's tier is then one comparison,
 * and equal values share the higher tier by construction.
 */
import { CellValue, isBlank } from './cells';
import { InputError } from './errors';

export type Tier = 'A' | 'B' | 'C';
export type AbcBy = 'value' | 'count';

export const ABC_DEFAULTS: Record<AbcBy, { a: number; b: number }> = {
  value: { a: 0.8, b: 0.95 },
  count: { a: 0.2, b: 0.5 },
};

// Shares are compared with a little slack so that values adding up to exactly 80% on paper
// are not pushed past the cut by floating-point rounding.
const SLACK = 1e-12;

/** Numbers of a column; blank rows are null. */
export function readValues(values: readonly CellValue[], argName: string): (number | null)[] {
  return values.map((v, i) => {
    if (typeof v === 'number') return v;
    if (isBlank(v)) return null;
    throw new InputError('notNumber', { arg: argName, index: i, value: v });
  });
}

/** The smallest A value and the smallest B value; a positive value at or above them takes that tier. */
function thresholds(values: readonly (number | null)[], a: number, b: number, by: AbcBy): { minA: number; minB: number } {
  if (b < a) throw new InputError('sharesOrder', { arg: 'b_share', a, b });
  const counted = by === 'value' ? values.filter((v): v is number => v !== null && v > 0) : values.filter((v): v is number => v !== null);
  const sorted = Float64Array.from(counted).sort(); // ascending; walk from the top
  const n = sorted.length;
  if (n === 0) return { minA: Infinity, minB: Infinity };
  if (by === 'count') {
    const kA = Math.max(1, Math.ceil(a * n - SLACK * n));
    const kB = Math.max(kA, Math.ceil(b * n - SLACK * n));
    return { minA: sorted[n - kA], minB: sorted[n - kB] };
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i];
  const reachA = a * total * (1 - SLACK);
  const reachB = b * total * (1 - SLACK);
  let cum = 0;
  let j = n - 1;
  for (; j > 0; j--) {
    cum += sorted[j];
    if (cum >= reachA) break;
  }
  if (j === 0) cum += sorted[0];
  const minA = sorted[j];
  for (j--; j >= 0 && cum < reachB; j--) cum += sorted[j];
  const minB = j + 1 < n ? Math.min(minA, sorted[j + 1]) : minA;
  return { minA, minB };
}

/** A/B/C per row, '' for blank rows; zero and negative values are C. */
export function abcTiers(values: readonly (number | null)[], a: number, b: number, by: AbcBy): (Tier | '')[] {
  const { minA, minB } = thresholds(values, a, b, by);
  const out = new Array<Tier | ''>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null ? '' : v > 0 && v >= minA ? 'A' : v > 0 && v >= minB ? 'B' : 'C';
  }
  return out;
}

export interface TierSummary {
  tier: Tier;
  customers: number;
  customerShare: number;
  value: number;
  /** Share of the net total; null when the net total is not positive (no meaningful share). */
  valueShare: number | null;
}

export function abcSummary(values: readonly (number | null)[], a: number, b: number, by: AbcBy): { tiers: TierSummary[]; customers: number; total: number } {
  const tiers = abcTiers(values, a, b, by);
  const count: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  const sum: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  let customers = 0;
  let total = 0;
  tiers.forEach((t, i) => {
    if (t === '') return;
    count[t]++;
    sum[t] += values[i]!;
    customers++;
    total += values[i]!;
  });
  const rows = (['A', 'B', 'C'] as const).map((tier) => ({
    tier,
    customers: count[tier],
    customerShare: customers ? count[tier] / customers : 0,
    value: sum[tier],
    valueShare: total > 0 ? sum[tier] / total : null,
  }));
  return { tiers: rows, customers, total };
}
