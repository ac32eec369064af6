/**
 * Per-customer figures from fitted (or given) parameters: probability alive, expected purchases
 * over the horizon, expected average order value and the discounted lifetime value.
 *
 * Lifetime value follows lifetimes' customer_lifetime_value: month by month, the purchases
 * expected in that month times the expected order value, discounted by (1 + monthly_discount)
 * to the power of the month. The forecast is computed once per group of identical (x, t_x, T).
 */
import type { BgNbdGroups } from './bgnbd';
import { expectedAverageValue, GammaGammaParams } from './gammaGamma';
import { PurchaseParams, scorerOf } from './models';
import type { CustomerSummaries, Grouped } from './summary';

/** A month is a twelfth of a year of 365.25 days, in weeks. */
export const WEEKS_PER_MONTH = 365.25 / 12 / 7;

export interface ClvScores {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** Expected average order value; NaN where the spending model gives none (see gammaGamma.ts). */
  expectedValue: Float64Array;
  lifetimeValue: Float64Array;
}

export interface Horizon {
  months: number;
  monthlyDiscount: number;
}

/** Per group: P(alive), purchases expected over the horizon, and the discounted monthly sum of them. */
export function forecastGroups(groups: BgNbdGroups, purchase: PurchaseParams, h: Horizon): { pAlive: Float64Array; purchases: Float64Array; discounted: Float64Array } {
  const model = scorerOf(purchase);
  const n = groups.count.length;
  const pAlive = new Float64Array(n);
  const purchases = new Float64Array(n);
  const discounted = new Float64Array(n);
  for (let g = 0; g < n; g++) {
    const x = groups.x[g];
    const tx = groups.tx[g];
    const T = groups.T[g];
    const alive = model.pAlive(x, tx, T);
    pAlive[g] = alive;
    let before = 0;
    let sum = 0;
    let factor = 1;
    for (let m = 1; m <= h.months; m++) {
      const upTo = alive * model.ifAlive(x, T, m * WEEKS_PER_MONTH);
      factor /= 1 + h.monthlyDiscount;
      sum += (upTo - before) * factor;
      before = upTo;
    }
    purchases[g] = before;
    discounted[g] = sum;
  }
  return { pAlive, purchases, discounted };
}

export function scoreCustomers(s: CustomerSummaries, grouped: Grouped, purchase: PurchaseParams, gg: GammaGammaParams, h: Horizon): ClvScores {
  const forecast = forecastGroups(grouped.groups, purchase, h);
  const n = s.purchaseDays.length;
  const out: ClvScores = {
    pAlive: new Float64Array(n).fill(NaN),
    expectedPurchases: new Float64Array(n).fill(NaN),
    expectedValue: new Float64Array(n).fill(NaN),
    lifetimeValue: new Float64Array(n).fill(NaN),
  };
  for (let c = 0; c < n; c++) {
    const g = grouped.groupOf[c];
    if (g < 0) continue;
    const x = s.purchaseDays[c] - 1;
    out.pAlive[c] = forecast.pAlive[g];
    out.expectedPurchases[c] = forecast.purchases[g];
    // A returning customer whose repeat days net to zero or less (refunds) has no spend to model.
    const value = x === 0 ? expectedAverageValue(gg, 0, 0) : s.meanRepeat[c] > 0 ? expectedAverageValue(gg, x, s.meanRepeat[c]) : NaN;
    out.expectedValue[c] = value;
    out.lifetimeValue[c] = value * forecast.discounted[g];
  }
  return out;
}
