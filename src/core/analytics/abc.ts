/**
 * ABC (Pareto) tiers. Sorting only the values (not rows) into a typed array and then finding
 * the two threshold values keeps a million rows fast: each row's tier is then one comparison,
 * and equal values share the higher tier by construction.
 */
import { isBlank } from '../cells';
import type { Column } from '../columns';
import { InputError } from '../errors';

export type Tier = 'A' | 'B' | 'C';
export type AbcBy = 'value' | 'count';

export const ABC_DEFAULTS: Record<AbcBy, { a: number; b: number }> = {
  value: { a: 0.8, b: 0.95 },
  count: { a: 0.2, b: 0.5 },
};

// Shares are compared with a little slack so that values adding up to exactly 80% on paper
// are not pushed past the cut by floating-point rounding. (RFMSQL's query uses the same slack.)
export const SLACK = 1e-12;

/** Numbers of a column as a typed array; blank rows are NaN. */
export function readValues(col: Column, argName: string): Float64Array {
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) {
    const v = col[i][0];
    if (typeof v === 'number') out[i] = v;
    else if (isBlank(v)) out[i] = NaN;
    else throw new InputError('notNumber', { arg: argName, index: i, value: v });
  }
  return out;
}

/** The values that take part in the cut, ascending: positive ones by value, all filled ones by count. */
function sortedCounted(values: Float64Array, by: AbcBy): Float64Array {
  const picked = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (by === 'value' ? v > 0 : v === v) picked[n++] = v;
  }
  return picked.subarray(0, n).sort();
}

/** The smallest A value and the smallest B value; a positive value at or above them takes that tier. */
function thresholds(values: Float64Array, a: number, b: number, by: AbcBy): { minA: number; minB: number } {
  if (b < a) throw new InputError('sharesOrder', { arg: 'b_share', a, b });
  const sorted = sortedCounted(values, by); // ascending; walk from the top
  const n = sorted.length;
  if (n === 0) return { minA: Infinity, minB: Infinity };
  if (by === 'count') {
    const kA = Math.max(1, Math.ceil(a * n - SLACK * n));
    const kB = Math.max(kA, Math.ceil(b * n - SLACK * n));
    return { minA: sorted[n - kA], minB: sorted[n - kB] };
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i];
  if (!Number.isFinite(total)) throw new InputError('sumTooLarge', { arg: 'values' });
  const reachA = a * total * (1 - SLACK);
  const reachB = b * total * (1 - SLACK);
  // Smallest top set reaching a_share: add from the largest down until the share is reached.
  let cum = 0;
  let j = n - 1;
  for (; j > 0; j--) {
    cum += sorted[j];
    if (cum >= reachA) break;
  }
  if (j === 0) cum += sorted[0];
  const minA = sorted[j];
  // B continues from there to b_share; if A already reaches it, B holds only A's equals.
  for (j--; j >= 0 && cum < reachB; j--) cum += sorted[j];
  return { minA, minB: sorted[j + 1] };
}

export type TierOrBlank = Tier | '';

/** A/B/C per row, '' for blank rows; zero and negative values are C. */
export function abcTiers(values: Float64Array, a: number, b: number, by: AbcBy): TierOrBlank[] {
  const { minA, minB } = thresholds(values, a, b, by);
  const out = new Array<TierOrBlank>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v !== v ? '' : v > 0 && v >= minA ? 'A' : v > 0 && v >= minB ? 'B' : 'C';
  }
  return out;
}

export interface TierSummary {
  tier: Tier;
  customers: number;
  customerShare: number;
  /** Net value of the tier's customers (a net refund counts here, in C). */
  value: number;
  /**
   * Share of sales: the tier's positive values over all positive values, the same total the
   * tiers are cut on, so A shows the share that made it A and the three shares add up to 1.
   * Null when nothing is positive.
   */
  valueShare: number | null;
}

export function abcSummary(values: Float64Array, a: number, b: number, by: AbcBy): { tiers: TierSummary[]; customers: number; total: number } {
  const tiers = abcTiers(values, a, b, by);
  const count: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  const net: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  const sales: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  let customers = 0;
  let total = 0;
  let salesTotal = 0;
  tiers.forEach((t, i) => {
    if (t === '') return;
    const v = values[i];
    count[t]++;
    net[t] += v;
    customers++;
    total += v;
    if (v > 0) {
      sales[t] += v;
      salesTotal += v;
    }
  });
  if (!Number.isFinite(total) || !Number.isFinite(salesTotal)) throw new InputError('sumTooLarge', { arg: 'values' });
  const rows = (['A', 'B', 'C'] as const).map((tier) => ({
    tier,
    customers: count[tier],
    customerShare: customers ? count[tier] / customers : 0,
    value: net[tier],
    valueShare: salesTotal > 0 ? sales[tier] / salesTotal : null,
  }));
  return { tiers: rows, customers, total };
}
