/**
 * The dashboard's blocks from plain classification data: bounded sizes (101 curve points at
 * 50,000 customers, top-N lists), the Pareto curve through the tier cuts, segments and the R x F
 * grid that add up to the customers, movement from the previous tier, value at risk ordered by
 * value x (1 - P(alive)), and a layout whose size does not depend on the customers.
 */
import type { Tier } from '../../src/core/analytics/abc';
import { dashboardData, PARETO_POINTS, RISK_LENGTH, VALUE8_ORDER, type DashboardInput } from '../../src/core/dashboard/blocks';
import { layoutDashboard } from '../../src/core/dashboard/layout';
import type { CustomerClass, Movement } from '../../src/core/model';
import { dashboardLabels } from '../../src/app/steps/dashboard';

const TODAY = 20_000;

/** A small random team, deterministic: values falling off like a power law, tiers cut 80/95. */
function team(n: number, seed = 7): DashboardInput {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const values = Array.from({ length: n }, (_, i) => Math.round(100000 / (i + 1) ** 1.1 * (0.5 + rnd())));
  const sorted = [...values].sort((a, b) => b - a);
  const total = values.reduce((a, b) => a + b, 0);
  let run = 0;
  const tierOfValue = new Map<number, Tier>();
  for (const v of sorted) {
    const before = run / total;
    run += v;
    if (!tierOfValue.has(v)) tierOfValue.set(v, before < 0.8 ? 'A' : before < 0.95 ? 'B' : 'C');
  }
  const classes: CustomerClass[] = values.map((value, i) => {
    const r = 1 + Math.floor(rnd() * 5);
    const f = 1 + Math.floor(rnd() * 5);
    const previousTier: Tier | '' = i % 7 === 0 ? '' : (['A', 'B', 'C'] as const)[Math.floor(rnd() * 3)];
    const tier = tierOfValue.get(value)!;
    const rank = { A: 0, B: 1, C: 2 };
    const movement: Movement = previousTier === '' ? 'new' : rank[tier] < rank[previousTier] ? 'up' : rank[tier] > rank[previousTier] ? 'down' : '';
    return {
      id: `C${i + 1}`,
      rfm: i % 11 === 10 ? null : { r, f, m: 3, code: `${r}${f}3`, segment: VALUE8_ORDER[i % 8], lastDay: TODAY - 10 * i, recencyDays: 10 * i, orders: f, amount: value },
      tier,
      value,
      cumulativeShare: 0,
      rank: i + 1,
      quadrant: '',
      previousTier,
      movement,
      pAlive: i % 11 === 10 ? undefined : 1 - (i % 10) / 10,
    };
  });
  const orders = values.map((amount, i) => ({ customer: `C${i + 1}`, day: TODAY - (i % 400), amount }));
  return { classes, names: values.map((_, i) => `Name ${i + 1}`), orders, today: TODAY, bins: 5 };
}

describe('dashboard blocks', () => {
  test('the Pareto curve has at most 101 points at 50,000 customers, runs from (0,0) to (1,1) and passes through both cuts', () => {
    const input = team(50_000);
    const d = dashboardData(input);
    expect(d.pareto.length).toBeLessThanOrEqual(PARETO_POINTS);
    expect(d.pareto[0]).toEqual({ x: 0, y: 0, tier: 'A' });
    expect(d.pareto.at(-1)!.x).toBe(1);
    expect(d.pareto.at(-1)!.y).toBeCloseTo(1, 12);
    for (let i = 1; i < d.pareto.length; i++) {
      expect(d.pareto[i].x).toBeGreaterThan(d.pareto[i - 1].x);
      expect(d.pareto[i].y).toBeGreaterThanOrEqual(d.pareto[i - 1].y);
    }
    const [a, b] = d.tiers;
    const cutA = d.pareto.find((p) => Math.abs(p.x - a.customers / 50_000) < 1e-12)!;
    expect(cutA.tier).toBe('A');
    expect(cutA.y).toBeCloseTo(a.cumulativeShare, 12);
    const cutB = d.pareto.find((p) => Math.abs(p.x - (a.customers + b.customers) / 50_000) < 1e-12)!;
    expect(cutB.tier).toBe('B');
    expect(cutB.y).toBeCloseTo(b.cumulativeShare, 12);
    expect(a.cumulativeShare).toBeGreaterThanOrEqual(0.8);
    expect(d.kpi.shareA).toBeCloseTo(a.cumulativeShare, 12);
  });

  test('a team smaller than 100 gets one point per customer', () => {
    const d = dashboardData(team(30));
    expect(d.pareto.map((p) => Math.round(p.x * 30))).toEqual(Array.from({ length: 31 }, (_, k) => k));
  });

  test('segments, tiers and the R x F grid add up to the customers; revenue per segment to the KPI', () => {
    const input = team(500);
    const d = dashboardData(input);
    expect(d.segments.reduce((t, s) => t + s.customers, 0)).toBe(500);
    expect(d.segments.at(-1)!.customers).toBe(input.classes.filter((c) => !c.rfm).length);
    expect(d.segments.reduce((t, s) => t + s.revenue12, 0)).toBeCloseTo(d.kpi.revenue12, 2);
    expect(d.tiers.reduce((t, s) => t + s.customers, 0)).toBe(500);
    expect(d.heat.counts.flat().reduce((a, b) => a + b, 0)).toBe(input.classes.filter((c) => c.rfm).length);
    // Row 0 is R5, column 0 is F1.
    const r5f1 = input.classes.filter((c) => c.rfm?.r === 5 && c.rfm.f === 1);
    expect(d.heat.counts[0][0]).toBe(r5f1.length);
    expect(d.heat.averages[0][0]).toBeCloseTo(r5f1.reduce((t, c) => t + c.rfm!.amount, 0) / r5f1.length, 2);
  });

  test('the KPI counts only orders of the last 12 months, up to today', () => {
    const input = team(20);
    input.orders = [
      { customer: 'C1', day: TODAY, amount: 10 },
      { customer: 'C2', day: TODAY - 365, amount: 20 },
      { customer: 'C3', day: TODAY - 366, amount: 40 },
      { customer: 'C4', day: TODAY + 1, amount: 80 },
    ];
    expect(dashboardData(input).kpi).toMatchObject({ customers: 20, active12: 2, revenue12: 30 });
  });

  test('movement: the matrix counts customers that had a tier; promoted and demoted listed by value, ten at most', () => {
    const input = team(400);
    const d = dashboardData(input, '2026-10');
    const had = input.classes.filter((c) => c.previousTier !== '');
    expect(d.movement.matrix.flat().reduce((a, b) => a + b, 0)).toBe(had.length);
    expect(d.movement.promoted).toBe(input.classes.filter((c) => c.movement === 'up').length);
    expect(d.movement.demoted).toBe(input.classes.filter((c) => c.movement === 'down').length);
    expect(d.movement.newCustomers).toBe(input.classes.filter((c) => c.movement === 'new').length);
    expect(d.movement.topPromoted).toHaveLength(10);
    const values = d.movement.topPromoted.map((m) => m.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(Math.max(...input.classes.filter((c) => c.movement === 'up' && !d.movement.topPromoted.some((m) => m.id === c.id)).map((c) => c.value)));
  });

  test('value at risk: 12-month revenue x (1 - P(alive)), highest first; none known → null', () => {
    const input = team(300);
    const d = dashboardData(input);
    expect(d.risk).toHaveLength(RISK_LENGTH);
    for (const r of d.risk!) expect(r.atRisk).toBeCloseTo(r.value12 * (1 - r.pAlive), 1);
    const risks = d.risk!.map((r) => r.atRisk);
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    for (const c of input.classes) c.pAlive = undefined;
    expect(dashboardData(input).risk).toBeNull();
  });
});

test('a team without sales: no share from A, a flat curve, everyone without orders, no value at risk', () => {
  const input = team(8);
  for (const c of input.classes) Object.assign(c, { rfm: null, value: 0, tier: 'C', pAlive: undefined, previousTier: '', movement: '' });
  input.orders = [];
  const d = dashboardData(input);
  expect(d.kpi).toEqual({ customers: 8, active12: 0, revenue12: 0, shareA: null });
  expect(d.pareto.every((p) => p.y === 0)).toBe(true);
  expect(d.segments.at(-1)!.customers).toBe(8);
  expect(d.risk).toBeNull();
  const l = layoutDashboard(d, dashboardLabels('en', '', '2026-11'), '2026-11-20 09:00');
  expect(l.values.flat()).toContain("'No P(alive): the order log is too small or too uniform to fit the lifetime model.");
});

describe('dashboard layout', () => {
  test('one size whatever the number of customers, charts anchored right of the tables', () => {
    const small = layoutDashboard(dashboardData(team(12)), dashboardLabels('zh', '', '2026-11'), '2026-11-20 09:00');
    const big = layoutDashboard(dashboardData(team(50_000)), dashboardLabels('zh', '', '2026-11'), '2026-11-20 09:00');
    expect([small.rows, small.columns]).toEqual([big.rows, big.columns]);
    expect(big.rows * big.columns).toBeLessThan(3500);
    for (const l of [small, big]) {
      expect(l.values).toHaveLength(l.rows);
      for (const line of l.values) expect(line).toHaveLength(l.columns);
      for (const c of l.charts) {
        expect(c.anchor.column).toBeGreaterThan(8);
        for (const r of c.ranges) expect(r.row + r.numRows - 1).toBeLessThanOrEqual(l.rows);
      }
    }
    expect(big.charts.map((c) => c.key)).toEqual(['segments', 'pareto', 'risk']);
  });

  test('text is written as text and labels come in the file’s language', () => {
    const zh = layoutDashboard(dashboardData(team(40), '2026-10'), dashboardLabels('zh', '2026-10', '2026-11'), '2026-11-20 09:00');
    const en = layoutDashboard(dashboardData(team(40), '2026-10'), dashboardLabels('en', '2026-10', '2026-11'), '2026-11-20 09:00');
    expect(zh.values[0][0]).toBe("'Kehu · 仪表盘");
    expect(en.values[0][0]).toBe("'Kehu · Dashboard");
    expect(zh.values.flat()).toContain("'等级变动（能上能下）：上期 2026-10 → 本期 2026-11");
    expect(en.values.flat()).toContain("'Tier movement: 2026-10 → 2026-11");
    expect(en.charts[1].options.title).toBe('Pareto curve: cumulative share of revenue');
  });
});
