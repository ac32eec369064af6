/**
 * The daily classification of every customer of the file: RFM (within a group when the settings
 * say so), ABC tier on the recent sales, quadrant when margins exist, the Pareto position, and
 * the tier's movement since the previous period (能上能下).
 *
 * Works on typed records (the tables module has already left out and reported unusable rows),
 * reusing the scoring core of the custom functions so a formula and the daily run agree.
 */
import { abcTiers, type Tier } from '../analytics/abc';
import type { CellValue } from '../cells';
import { civilFromDays } from '../dates';
import type { CustomerClass, CustomerRecord, Movement, OrderRecord, Settings } from '../model';
import { DEFAULT_QUADRANT_LABELS, quadrants } from '../analytics/quadrant';
import { scoreGathered } from '../analytics/rfm';
import type { CustomerState } from './state';

/** Days in a month on average (365.25 / 12), for windows given in months. */
export const DAYS_PER_MONTH = 30.4375;

export interface ClassifyInput {
  customers: readonly CustomerRecord[];
  orders: readonly OrderRecord[];
  settings: Pick<Settings, 'rfmBins' | 'rfmGroupBy' | 'abcBy' | 'abcAShare' | 'abcBShare' | 'abcMonths' | 'tierPeriod'>;
  /** Recency is counted to this day (today, in the spreadsheet's calendar). */
  today: number;
  /** What the previous runs left per customer id; null on the very first run. */
  state: ReadonlyMap<string, CustomerState> | null;
  /** Label for customers whose group cell is empty. */
  blankGroup: string;
  /**
   * The per-customer figures when the orders are summed elsewhere (a warehouse query, see
   * src/core/sql/dailyQuery.ts); `orders` is then not read.
   */
  figures?: OrderFigures;
}

/** What the classification needs of the orders, per customer in table order. */
export interface OrderFigures {
  /** Latest order day; -Infinity without orders. */
  lastDay: Float64Array;
  count: Int32Array;
  total: Float64Array;
  /** Sales and margin in the ABC window (after today - abcMonths, up to today). */
  windowSales: Float64Array;
  windowMargin: Float64Array;
  marginSeen: boolean;
}

/** The first day of the ABC window: orders after `today - abcMonths` months (day numbers are whole). */
export function abcWindowFirstDay(today: number, abcMonths: number): number {
  return Math.floor(today - abcMonths * DAYS_PER_MONTH) + 1;
}

export interface ClassifyResult {
  classes: CustomerClass[];
  /** The state to keep for the next run (one entry per customer of the file). */
  state: Map<string, CustomerState>;
  /** The team's Pareto curve: [share of customers, share of value] at up to 41 points. */
  curve: [number, number][];
  period: string;
  /** Whether the quadrant could be computed (the file has margins and sales). */
  hasQuadrant: boolean;
}

/** 'YYYY-MM' or 'YYYY-Qn': the period a tier belongs to. */
export function periodOf(day: number, period: Settings['tierPeriod']): string {
  const { y, m } = civilFromDays(day);
  return period === 'quarter' ? `${y}-Q${Math.floor((m - 1) / 3) + 1}` : `${y}-${String(m).padStart(2, '0')}`;
}

const TIER_RANK: Record<Tier, number> = { A: 0, B: 1, C: 2 };

export function movementOf(previous: Tier | '', current: Tier): Movement {
  if (previous === '') return '';
  const d = TIER_RANK[current] - TIER_RANK[previous];
  return d < 0 ? 'up' : d > 0 ? 'down' : '';
}

function groupLabel(v: CellValue | undefined, blank: string): string {
  if (v === undefined || v === null || v === '') return blank;
  return String(v).trim() || blank;
}

/** One pass over the orders: per customer last day, order count, total, window sales and margin. */
export function orderFiguresOf(customers: readonly CustomerRecord[], orders: readonly OrderRecord[], abcMonths: number, today: number): OrderFigures {
  const n = customers.length;
  const index = new Map<string, number>();
  customers.forEach((c, i) => index.set(c.id, i));
  const lastDay = new Float64Array(n).fill(-Infinity);
  const count = new Int32Array(n);
  const total = new Float64Array(n);
  const windowSales = new Float64Array(n);
  const windowMargin = new Float64Array(n);
  let marginSeen = false;
  const windowFirst = abcWindowFirstDay(today, abcMonths);
  for (const o of orders) {
    const c = index.get(o.customer);
    if (c === undefined) continue;
    if (o.day > lastDay[c]) lastDay[c] = o.day;
    count[c]++;
    total[c] += o.amount;
    if (o.day >= windowFirst && o.day <= today) {
      windowSales[c] += o.amount;
      if (o.margin !== undefined) {
        windowMargin[c] += o.margin;
        marginSeen = true;
      }
    }
  }
  return { lastDay, count, total, windowSales, windowMargin, marginSeen };
}

export function classifyCustomers(input: ClassifyInput): ClassifyResult {
  const { customers, settings, today } = input;
  const n = customers.length;
  const { lastDay, count, total, windowSales, windowMargin, marginSeen } = input.figures ?? orderFiguresOf(customers, input.orders, settings.abcMonths, today);

  // RFM over the customers who ordered, within their group when asked.
  const scored: number[] = [];
  for (let c = 0; c < n; c++) if (count[c] > 0) scored.push(c);
  const groupField = settings.rfmGroupBy === 'region' ? 'region' : settings.rfmGroupBy === 'urbanRural' ? 'urbanRural' : null;
  const rfmOf = new Array<CustomerClass['rfm']>(n).fill(null);
  if (scored.length > 0) {
    const { customers: rfm } = scoreGathered(
      {
        ids: scored.map((c) => customers[c].id),
        groups: scored.map((c) => (groupField ? groupLabel(customers[c].fields[groupField], input.blankGroup) : '')),
        lastDay: Float64Array.from(scored, (c) => lastDay[c]),
        orders: Int32Array.from(scored, (c) => count[c]),
        amount: Float64Array.from(scored, (c) => total[c]),
      },
      settings.rfmBins,
      today,
    );
    scored.forEach((c, j) => {
      const s = rfm[j];
      rfmOf[c] = { r: s.r, f: s.f, m: s.m, code: s.code, segment: s.segment, lastDay: s.lastDay, recencyDays: s.recencyDays, orders: s.orders, amount: s.amount };
    });
  }

  // ABC on the window's sales: zero and refunds are C.
  const values = Float64Array.from(windowSales, (v) => (Number.isInteger(v) ? v : Number(v.toPrecision(15))));
  const tiers = n > 0 ? abcTiers(values, settings.abcAShare, settings.abcBShare, settings.abcBy) : [];
  const { rank, cumulative, curve } = paretoPositions(values);

  // Quadrant: turnover (window sales) × margin rate, for customers with sales, when margins exist.
  let quadrant = new Array<string>(n).fill('');
  let hasQuadrant = false;
  if (marginSeen) {
    const x: CellValue[][] = [];
    const y: CellValue[][] = [];
    for (let c = 0; c < n; c++) {
      const sales = values[c] > 0;
      x.push([sales ? values[c] : '']);
      y.push([sales ? windowMargin[c] / values[c] : '']);
    }
    if (values.some((v) => v > 0)) {
      quadrant = quadrants({ x, y, labels: DEFAULT_QUADRANT_LABELS });
      hasQuadrant = true;
    }
  }

  const period = periodOf(today, settings.tierPeriod);
  const firstRun = input.state === null;
  const state = new Map<string, CustomerState>();
  const classes: CustomerClass[] = customers.map((c, i) => {
    const tier = (tiers[i] || 'C') as Tier;
    const before = input.state?.get(c.id);
    // In a new period, the last tier of the previous one becomes the tier to compare with.
    const previousTier: Tier | '' = before ? (before.period === period ? before.previousTier : before.tier) : '';
    const previousPeriod = before ? (before.period === period ? before.previousPeriod : before.period) : '';
    state.set(c.id, { id: c.id, tier, period, previousTier, previousPeriod, flags: before?.flags ?? [], card: before?.card ?? '' });
    const movement: Movement = before ? movementOf(previousTier, tier) : firstRun ? '' : 'new';
    return {
      id: c.id,
      rfm: rfmOf[i],
      tier,
      value: values[i],
      cumulativeShare: cumulative[i],
      rank: rank[i],
      quadrant: quadrant[i],
      previousTier,
      movement,
    };
  });
  return { classes, state, curve, period, hasQuadrant };
}

/**
 * Rank by value (1 = largest; ties by table order), the cumulative share of the positive total
 * up to each customer, and the curve sampled at 41 points of the share of customers.
 */
function paretoPositions(values: Float64Array): { rank: Int32Array; cumulative: Float64Array; curve: [number, number][] } {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
  let positive = 0;
  for (let i = 0; i < n; i++) if (values[i] > 0) positive += values[i];
  const rank = new Int32Array(n);
  const cumulative = new Float64Array(n);
  const running = new Float64Array(n + 1);
  let sum = 0;
  order.forEach((c, k) => {
    if (values[c] > 0) sum += values[c];
    rank[c] = k + 1;
    cumulative[c] = positive > 0 ? sum / positive : 0;
    running[k + 1] = cumulative[c];
  });
  const curve: [number, number][] = [];
  const POINTS = 40;
  for (let p = 0; p <= POINTS && n > 0; p++) {
    const k = Math.round((p / POINTS) * n);
    curve.push([k / n, running[k]]);
  }
  return { rank, cumulative, curve };
}
