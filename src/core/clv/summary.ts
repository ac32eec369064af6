/**
 * From orders to the customer summaries both models use, and the grouping that makes the
 * BG/NBD fit fast.
 *
 * Purchases on the same calendar day are one purchase (the papers' and lifetimes' convention):
 * x = days with a purchase − 1, t_x = weeks from the first to the last purchase day, T = weeks
 * from the first purchase day to the analysis day. A returning customer's monetary value is the
 * mean, over its repeat purchase days, of each day's total (the first day is left out, as the
 * Gamma-Gamma model of repeat spending asks).
 */
import type { BgNbdGroups } from './bgnbd';

export const DAYS_PER_WEEK = 7;

/** Orders as plain columns. customerOf[i] < 0 skips order i. Days are whole day numbers. */
export interface ColumnarOrders {
  customerOf: Int32Array;
  day: ArrayLike<number>;
  /** Amount per order; without it, meanRepeat is NaN for everyone. */
  amount?: ArrayLike<number>;
  customers: number;
  analysisDay: number;
}

export interface CustomerSummaries {
  /** Days with a purchase (0 for a customer without orders). */
  purchaseDays: Int32Array;
  firstDay: Float64Array;
  lastDay: Float64Array;
  /** Mean of the repeat purchase days' totals; NaN without repeat purchases. */
  meanRepeat: Float64Array;
  analysisDay: number;
}

const INSERTION_SORT_MAX = 24;

export function summarize(o: ColumnarOrders): CustomerSummaries {
  const { customerOf, day, amount, customers } = o;
  const n = customerOf.length;
  // Bucket the orders by customer (a counting sort), then order each bucket by day.
  const start = new Int32Array(customers + 1);
  let minDay = Infinity;
  for (let i = 0; i < n; i++) {
    const c = customerOf[i];
    if (c < 0) continue;
    start[c + 1]++;
    if (day[i] < minDay) minDay = day[i];
  }
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const order = new Int32Array(start[customers]);
  const fill = start.slice(0, customers);
  for (let i = 0; i < n; i++) {
    const c = customerOf[i];
    if (c >= 0) order[fill[c]++] = i;
  }

  const purchaseDays = new Int32Array(customers);
  const firstDay = new Float64Array(customers).fill(NaN);
  const lastDay = new Float64Array(customers).fill(NaN);
  const meanRepeat = new Float64Array(customers).fill(NaN);
  let keys = new Float64Array(64);
  for (let c = 0; c < customers; c++) {
    const from = start[c];
    const k = start[c + 1] - from;
    if (k === 0) continue;
    if (k > keys.length) keys = new Float64Array(Math.max(k, keys.length * 2));
    // key = day offset × k + position in the bucket: sorting keys sorts by day and still says
    // which order each key came from (exact: both factors are far below 2^53 / k).
    for (let j = 0; j < k; j++) keys[j] = (day[order[from + j]] - minDay) * k + j;
    if (k <= INSERTION_SORT_MAX) insertionSort(keys, k);
    else keys.subarray(0, k).sort();

    const first = Math.floor(keys[0] / k);
    let current = first;
    let days = 1;
    let repeatSum = 0;
    for (let j = 0; j < k; j++) {
      const d = Math.floor(keys[j] / k);
      if (d !== current) {
        days++;
        current = d;
      }
      if (d !== first && amount) repeatSum += amount[order[from + (keys[j] - d * k)]];
    }
    purchaseDays[c] = days;
    firstDay[c] = first + minDay;
    lastDay[c] = current + minDay;
    if (days > 1 && amount) meanRepeat[c] = repeatSum / (days - 1);
  }
  return { purchaseDays, firstDay, lastDay, meanRepeat, analysisDay: o.analysisDay };
}

function insertionSort(a: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/** Groups of customers with identical (x, t_x, T), and each customer's group (-1: no orders). */
export interface Grouped {
  groups: BgNbdGroups;
  groupOf: Int32Array;
}

export function groupCustomers(s: CustomerSummaries): Grouped {
  const customers = s.purchaseDays.length;
  const groupOf = new Int32Array(customers).fill(-1);
  let span = 1;
  for (let c = 0; c < customers; c++) if (s.purchaseDays[c] > 0) span = Math.max(span, s.analysisDay - s.firstDay[c] + 1);
  // x, t_x and T (in days) are whole numbers below span, so one number names the triple while
  // span³ stays exact; an order log spanning centuries (a mistyped year) falls back to text keys.
  const numeric = span * span * span < Number.MAX_SAFE_INTEGER;
  const index = new Map<number | string, number>();
  const x: number[] = [];
  const txDays: number[] = [];
  const TDays: number[] = [];
  const count: number[] = [];
  for (let c = 0; c < customers; c++) {
    const days = s.purchaseDays[c];
    if (days === 0) continue;
    const cx = days - 1;
    const ctx = s.lastDay[c] - s.firstDay[c];
    const cT = s.analysisDay - s.firstDay[c];
    const key = numeric ? (cx * span + ctx) * span + cT : `${cx},${ctx},${cT}`;
    let g = index.get(key);
    if (g === undefined) {
      g = count.length;
      index.set(key, g);
      x.push(cx);
      txDays.push(ctx);
      TDays.push(cT);
      count.push(0);
    }
    count[g]++;
    groupOf[c] = g;
  }
  return {
    groups: {
      x: Float64Array.from(x),
      tx: Float64Array.from(txDays, (d) => d / DAYS_PER_WEEK),
      T: Float64Array.from(TDays, (d) => d / DAYS_PER_WEEK),
      count: Float64Array.from(count),
    },
    groupOf,
  };
}

/** The returning customers with a positive mean repeat amount: the Gamma-Gamma fit's data. */
export function spendingData(s: CustomerSummaries): { x: Float64Array; m: Float64Array } {
  const x: number[] = [];
  const m: number[] = [];
  for (let c = 0; c < s.purchaseDays.length; c++) {
    if (s.purchaseDays[c] > 1 && s.meanRepeat[c] > 0) {
      x.push(s.purchaseDays[c] - 1);
      m.push(s.meanRepeat[c]);
    }
  }
  return { x: Float64Array.from(x), m: Float64Array.from(m) };
}
