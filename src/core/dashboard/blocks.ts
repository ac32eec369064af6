/**
 * The figures of the dashboard sheet, computed from one run's classification (plain data, no
 * cells): the KPI line, the Pareto curve sampled to at most 101 points, customers and revenue per
 * segment, the R x F grid, the tier movement since the previous period, and the value at risk.
 *
 * Every block is bounded (101 curve points, bins x bins grids, top-N lists), so the dashboard's
 * cells do not grow with the number of customers.
 */
import type { Tier } from '../analytics/abc';
import { DAYS_PER_MONTH } from '../automation/classify';
import type { CustomerClass } from '../model';
import type { Value8Key } from '../analytics/segments';

export const VALUE8_ORDER: readonly Value8Key[] = [
  'keyValue', 'keyRetain', 'keyDevelop', 'keyWinBack', 'generalValue', 'generalRetain', 'generalDevelop', 'generalWinBack',
];
export const TIERS: readonly Tier[] = ['A', 'B', 'C'];
/** At most this many points of the Pareto curve (every 1% of customers, both ends included). */
export const PARETO_POINTS = 101;
/** Customers listed as promoted, demoted, and at risk. */
export const LIST_LENGTH = 10;
export const RISK_LENGTH = 15;

export interface DashboardInput {
  classes: readonly CustomerClass[];
  /** Display name per customer, in the order of `classes` ('' when the table has none). */
  names: readonly string[];
  orders: readonly { customer: string; day: number; amount: number }[];
  /**
   * The same per customer (in the order of `classes`) when the orders are summed elsewhere (a
   * BigQuery query, src/core/sql/dailyQuery.ts): `orders` is then not read.
   */
  perCustomer?: { revenue12: Float64Array; active: Uint8Array; firstDay: Float64Array };
  today: number;
  bins: number;
  /** Customers with no visit or call on record (shown in the KPI line when given). */
  noContact?: number;
}

export interface Kpi {
  customers: number;
  active12: number;
  revenue12: number;
  /** Share of the ABC value (the tiers' basis) that A customers bring; null when nobody bought. */
  shareA: number | null;
  /** Customers with no visit or call on record, when the run knows it. */
  noContact?: number;
}

export interface ParetoPoint {
  /** Share of customers (0..1), ranked by value. */
  x: number;
  /** Cumulative share of value (0..1). */
  y: number;
  /** Tier of the customer at this rank (the first point: A). */
  tier: Tier;
}

export interface TierRow {
  tier: Tier;
  customers: number;
  value: number;
  /** Cumulative share of value up to the end of this tier. */
  cumulativeShare: number;
}

export interface SegmentRow {
  /** A value8 class, or null for customers without orders (the segment column left blank). */
  key: Value8Key | null;
  customers: number;
  revenue12: number;
}

export interface MovedCustomer {
  id: string;
  name: string;
  from: Tier;
  to: Tier;
  value: number;
}

export interface Movement {
  /** matrix[previous][current] over A, B, C; only customers that had a tier last period. */
  matrix: number[][];
  promoted: number;
  demoted: number;
  /** Customers with no tier last period while others had one. */
  newCustomers: number;
  /** The previous period, '' when no period has ended yet. */
  previousPeriod: string;
  topPromoted: MovedCustomer[];
  topDemoted: MovedCustomer[];
}

export interface RiskRow {
  id: string;
  name: string;
  tier: Tier;
  value12: number;
  pAlive: number;
  atRisk: number;
  recencyDays: number;
  orders: number;
  /** Average days between orders before the last one; null for a customer with one order. */
  gapDays: number | null;
}

export interface DashboardData {
  kpi: Kpi;
  pareto: ParetoPoint[];
  tiers: TierRow[];
  segments: SegmentRow[];
  /** counts[r][f] and average amount for R = bins..1 (rows, best first) and F = 1..bins (columns). */
  heat: { bins: number; counts: number[][]; averages: (number | null)[][] };
  movement: Movement;
  /** Null when no customer has a P(alive) (the model could not be fitted, or the setting is off). */
  risk: RiskRow[] | null;
}

export function dashboardData(input: DashboardInput, previousPeriod = ''): DashboardData {
  const { classes, today } = input;
  const n = classes.length;
  const index = new Map<string, number>();
  classes.forEach((c, i) => index.set(c.id, i));
  // The same window as the ABC tiers over 12 months: after today - 12 months, up to today.
  const start = today - 12 * DAYS_PER_MONTH;
  const revenue12 = input.perCustomer ? Float64Array.from(input.perCustomer.revenue12) : new Float64Array(n);
  const active = input.perCustomer ? Uint8Array.from(input.perCustomer.active) : new Uint8Array(n);
  for (const o of input.perCustomer ? [] : input.orders) {
    const i = index.get(o.customer);
    if (i === undefined || !(o.day > start && o.day <= today)) continue;
    revenue12[i] += o.amount;
    active[i] = 1;
  }
  let activeCount = 0;
  let revenue = 0;
  for (let i = 0; i < n; i++) {
    activeCount += active[i];
    revenue += revenue12[i];
  }

  const { pareto, tiers, shareA } = paretoOf(classes);
  return {
    kpi: { customers: n, active12: activeCount, revenue12: round2(revenue), shareA, ...(input.noContact !== undefined ? { noContact: input.noContact } : {}) },
    pareto,
    tiers,
    segments: segmentsOf(classes, revenue12),
    heat: heatOf(classes, input.bins),
    movement: movementOf(input, previousPeriod),
    risk: riskOf(input, revenue12),
  };
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

function paretoOf(classes: readonly CustomerClass[]): { pareto: ParetoPoint[]; tiers: TierRow[]; shareA: number | null } {
  const n = classes.length;
  const order = classes.map((_, i) => i).sort((a, b) => classes[b].value - classes[a].value || a - b);
  let total = 0;
  for (const c of classes) if (c.value > 0) total += c.value;
  // running[k]: share of value of the k best customers.
  const running = new Float64Array(n + 1);
  let sum = 0;
  order.forEach((c, k) => {
    if (classes[c].value > 0) sum += classes[c].value;
    running[k + 1] = total > 0 ? sum / total : 0;
  });
  const tiers: TierRow[] = TIERS.map((tier) => ({ tier, customers: 0, value: 0, cumulativeShare: 0 }));
  for (const c of classes) {
    const row = tiers[TIERS.indexOf(c.tier)];
    row.customers++;
    if (c.value > 0) row.value += c.value;
  }
  // Evenly spaced ranks plus the two cuts (the last A and the last B customer), so the curve
  // changes tier exactly where the tiers end: at most PARETO_POINTS points.
  const ranks = new Set<number>([tiers[0].customers, tiers[0].customers + tiers[1].customers]);
  const steps = Math.min(n, PARETO_POINTS - 1 - ranks.size);
  for (let p = 0; p <= steps && n > 0; p++) ranks.add(Math.round((p / steps) * n));
  const pareto: ParetoPoint[] = [...ranks]
    .filter((k) => n > 0 && k >= 0 && k <= n)
    .sort((a, b) => a - b)
    .map((k) => ({ x: k / n, y: running[k], tier: k === 0 ? 'A' : classes[order[k - 1]].tier }));
  let cumulative = 0;
  for (const row of tiers) {
    cumulative += row.value;
    row.value = round2(row.value);
    row.cumulativeShare = total > 0 ? cumulative / total : 0;
  }
  return { pareto, tiers, shareA: total > 0 ? tiers[0].value / total : null };
}

function segmentsOf(classes: readonly CustomerClass[], revenue12: Float64Array): SegmentRow[] {
  const rows: SegmentRow[] = [...VALUE8_ORDER.map((key) => ({ key, customers: 0, revenue12: 0 })), { key: null, customers: 0, revenue12: 0 }];
  classes.forEach((c, i) => {
    const row = c.rfm ? rows[VALUE8_ORDER.indexOf(c.rfm.segment)] : rows[rows.length - 1];
    row.customers++;
    row.revenue12 += revenue12[i];
  });
  for (const r of rows) r.revenue12 = round2(r.revenue12);
  return rows;
}

function heatOf(classes: readonly CustomerClass[], bins: number): DashboardData['heat'] {
  const counts = Array.from({ length: bins }, () => new Array<number>(bins).fill(0));
  const sums = Array.from({ length: bins }, () => new Array<number>(bins).fill(0));
  for (const c of classes) {
    if (!c.rfm) continue;
    const row = bins - c.rfm.r;
    const col = c.rfm.f - 1;
    if (row < 0 || row >= bins || col < 0 || col >= bins) continue;
    counts[row][col]++;
    sums[row][col] += c.rfm.amount;
  }
  const averages = counts.map((line, r) => line.map((k, f) => (k > 0 ? round2(sums[r][f] / k) : null)));
  return { bins, counts, averages };
}

function movementOf(input: DashboardInput, previousPeriod: string): Movement {
  const { classes, names } = input;
  const matrix = TIERS.map(() => [0, 0, 0]);
  let promoted = 0;
  let demoted = 0;
  let newCustomers = 0;
  const up: MovedCustomer[] = [];
  const down: MovedCustomer[] = [];
  classes.forEach((c, i) => {
    if (c.movement === 'new') newCustomers++;
    if (c.previousTier === '') return;
    matrix[TIERS.indexOf(c.previousTier)][TIERS.indexOf(c.tier)]++;
    const moved = { id: c.id, name: names[i] ?? '', from: c.previousTier, to: c.tier, value: c.value };
    if (c.movement === 'up') {
      promoted++;
      up.push(moved);
    } else if (c.movement === 'down') {
      demoted++;
      down.push(moved);
    }
  });
  const top = (list: MovedCustomer[]) => list.sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1)).slice(0, LIST_LENGTH);
  return { matrix, promoted, demoted, newCustomers, previousPeriod, topPromoted: top(up), topDemoted: top(down) };
}

function riskOf(input: DashboardInput, revenue12: Float64Array): RiskRow[] | null {
  const index = new Map<string, number>();
  input.classes.forEach((c, i) => index.set(c.id, i));
  const firstDay = input.perCustomer ? input.perCustomer.firstDay : new Float64Array(input.classes.length).fill(Infinity);
  for (const o of input.perCustomer ? [] : input.orders) {
    const i = index.get(o.customer);
    if (i !== undefined && o.day <= input.today && o.day < firstDay[i]) firstDay[i] = o.day;
  }
  const rows: RiskRow[] = [];
  let known = false;
  input.classes.forEach((c, i) => {
    const p = c.pAlive;
    if (p === undefined || p === null || !(p === p) || !c.rfm) return;
    known = true;
    const atRisk = revenue12[i] * (1 - p);
    if (!(atRisk > 0)) return;
    const { orders, lastDay, recencyDays } = c.rfm;
    const gapDays = orders > 1 && firstDay[i] < lastDay ? Math.round((lastDay - firstDay[i]) / (orders - 1)) : null;
    rows.push({ id: c.id, name: input.names[i] ?? '', tier: c.tier, value12: round2(revenue12[i]), pAlive: p, atRisk: round2(atRisk), recencyDays, orders, gapDays });
  });
  if (!known) return null;
  return rows.sort((a, b) => b.atRisk - a.atRisk || (a.id < b.id ? -1 : 1)).slice(0, RISK_LENGTH);
}
