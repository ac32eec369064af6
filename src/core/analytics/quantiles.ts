/**
 * Quantile cut points and the scores they give, defined exactly as the issue states so that a
 * user can check any score with Sheets' own PERCENTILE.
 */

/** PERCENTILE.INC of ascending values: linear interpolation at rank p·(n-1). */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 1) return sorted[0];
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, n - 1);
  const frac = rank - lo;
  return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

/** The bins-1 cut points c_k = PERCENTILE.INC(values, k/bins). `values` is not modified. */
export function cutPoints(values: ArrayLike<number>, bins: number): number[] {
  const sorted = Float64Array.from(values).sort();
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) cuts.push(percentileInc(sorted, k / bins));
  return cuts;
}

/** How many cut points lie strictly below v (cuts are ascending). */
export function cutsBelow(cuts: readonly number[], v: number): number {
  let n = 0;
  while (n < cuts.length && cuts[n] < v) n++;
  return n;
}

/** Score where more is better (frequency, money): 1 + cut points strictly below. */
export function scoreHigherBetter(cuts: readonly number[], v: number): number {
  return 1 + cutsBelow(cuts, v);
}

/** Score where less is better (recency days): bins - cut points strictly below. */
export function scoreLowerBetter(cuts: readonly number[], v: number): number {
  return cuts.length + 1 - cutsBelow(cuts, v);
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length ? s / values.length : 0;
}
