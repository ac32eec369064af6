/**
 * Where the dashboard's blocks go on its sheet, as plain data the adapter writes in a few calls:
 * one grid of values with its number formats, weights and backgrounds, the gradient rules of the
 * R x F grids, and the charts (type, data ranges, anchor, options).
 *
 * The layout is fixed (tables in the left columns, charts to their right), so a second run
 * writes the same cells and updates the same charts; its size never depends on the number of
 * customers (see docs/dashboard.md for the cell count).
 */
import type { CellValue } from '../cells';
import { literalText } from '../text';
import { TIERS, type DashboardData, type Kpi, LIST_LENGTH, PARETO_POINTS, RISK_LENGTH } from './blocks';

/** The labels the layout needs, in the file's language (from the app's text table). */
export interface DashboardLabels {
  title: string;
  updated: string;
  kpi: string;
  customers: string;
  active12: string;
  revenue12: string;
  shareA: string;
  noContact: string;
  segments: string;
  segment: string;
  shareCustomers: string;
  shareRevenue: string;
  total: string;
  heatCounts: string;
  heatAverages: string;
  movement: string;
  movementNone: string;
  prevNow: string;
  promoted: string;
  demoted: string;
  newCustomers: string;
  topPromoted: string;
  topDemoted: string;
  id: string;
  name: string;
  change: string;
  value: string;
  risk: string;
  riskProxy: string;
  riskNone: string;
  tier: string;
  pAlive: string;
  atRisk: string;
  reason: string;
  pareto: string;
  paretoData: string;
  cumulativeShare: string;
  chartSegments: string;
  chartPareto: string;
  chartRisk: string;
  /** Per segment row (the eight classes, then customers without orders). */
  segmentNames: string[];
  tierName(tier: string): string;
  /** Why a customer is at risk: days since the last order against their usual gap (null: one order only). */
  riskReason(days: number, gapDays: number | null): string;
}

export interface Block {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export type ChartKind = 'COLUMN' | 'LINE' | 'BAR';

export interface ChartSpec {
  /** Stable name of the chart (the adapter matches charts by their order, this is for tests and readers). */
  key: 'segments' | 'pareto' | 'risk';
  type: ChartKind;
  ranges: Block[];
  /** Top-left cell the chart floats over. */
  anchor: { row: number; column: number };
  /** Rows of the ranges that are headers (series names). */
  headers: number;
  options: Record<string, unknown>;
}

export interface GradientRule {
  range: Block;
  min: string;
  max: string;
}

export interface DashboardLayout {
  rows: number;
  columns: number;
  values: CellValue[][];
  numberFormats: string[][];
  bold: boolean[][];
  backgrounds: (string | null)[][];
  rules: GradientRule[];
  charts: ChartSpec[];
}

const COUNT = '#,##0';
const MONEY = '#,##0';
const AVERAGE = '#,##0.00';
const SHARE = '0.0%';
const PROBABILITY = '0.00';
const HEAD_BG = '#f1f3f4';
const GRADIENT = { min: '#ffffff', max: '#57bb8a' };
/** Chart size in pixels (Sheets' default column is 100 px wide, a row 21 px high). */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 320;
const CHART_COLUMNS = 6;

class Sheet {
  values: CellValue[][] = [];
  formats: string[][] = [];
  bold: boolean[][] = [];
  backgrounds: (string | null)[][] = [];
  constructor(readonly width: number) {}

  private ensure(row: number): void {
    while (this.values.length < row) {
      this.values.push(new Array<CellValue>(this.width).fill(''));
      this.formats.push(new Array<string>(this.width).fill('General'));
      this.bold.push(new Array<boolean>(this.width).fill(false));
      this.backgrounds.push(new Array<string | null>(this.width).fill(null));
    }
  }

  /** Writes a value at (row, column), 1-based; text is kept as text. */
  put(row: number, column: number, value: CellValue, format = 'General'): void {
    this.ensure(row);
    this.values[row - 1][column - 1] = typeof value === 'string' ? literalText(value) : value;
    this.formats[row - 1][column - 1] = format;
  }

  /** A block's title: bold, no background, so its text runs over the empty cells to its right. */
  title(row: number, text: string): void {
    this.put(row, 1, text);
    this.bold[row - 1][0] = true;
  }

  header(row: number, column: number, texts: string[]): void {
    texts.forEach((t, i) => {
      this.put(row, column + i, t);
      this.bold[row - 1][column + i - 1] = true;
      this.backgrounds[row - 1][column + i - 1] = HEAD_BG;
    });
  }

  get rows(): number {
    return this.values.length;
  }
}

export function layoutDashboard(data: DashboardData, labels: DashboardLabels, updated: string): DashboardLayout {
  const bins = data.heat.bins;
  const chartColumn = Math.max(10, bins + 3);
  const s = new Sheet(chartColumn + CHART_COLUMNS);
  const charts: ChartSpec[] = [];
  const rules: GradientRule[] = [];

  s.put(1, 1, labels.title);
  s.bold[0][0] = true;
  s.put(2, 1, `${labels.updated} ${updated}`);

  // 1. KPI line.
  let row = 4;
  s.title(row, labels.kpi);
  kpiBlock(s, row + 1, data.kpi, labels);

  // 3. Segments: table and a column chart of customers and revenue.
  row = 8;
  s.title(row, labels.segments);
  s.header(row + 1, 1, [labels.segment, labels.customers, labels.revenue12, labels.shareCustomers, labels.shareRevenue]);
  const customers = data.kpi.customers;
  const revenue = data.segments.reduce((t, r) => t + r.revenue12, 0);
  data.segments.forEach((seg, i) => {
    const r = row + 2 + i;
    s.put(r, 1, labels.segmentNames[i]);
    s.put(r, 2, seg.customers, COUNT);
    s.put(r, 3, seg.revenue12, MONEY);
    s.put(r, 4, customers > 0 ? seg.customers / customers : 0, SHARE);
    s.put(r, 5, revenue > 0 ? seg.revenue12 / revenue : 0, SHARE);
  });
  const totalRow = row + 2 + data.segments.length;
  s.header(totalRow, 1, [labels.total]);
  s.put(totalRow, 2, customers, COUNT);
  s.put(totalRow, 3, Math.round(revenue * 100) / 100, MONEY);
  charts.push({
    key: 'segments',
    type: 'COLUMN',
    ranges: [{ row: row + 1, column: 1, numRows: data.segments.length + 1, numColumns: 3 }],
    anchor: { row, column: chartColumn },
    headers: 1,
    options: {
      title: labels.chartSegments,
      legend: { position: 'bottom' },
      series: { 0: { targetAxisIndex: 0, color: '#4285f4' }, 1: { targetAxisIndex: 1, color: '#f4b400' } },
      vAxes: { 0: { title: labels.customers }, 1: { title: labels.revenue12 } },
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    },
  });

  // 4. R x F heat maps: counts, then the average amount, each under a gradient rule.
  row = totalRow + 2;
  for (const [title, grid, format] of [
    [labels.heatCounts, data.heat.counts, COUNT],
    [labels.heatAverages, data.heat.averages, AVERAGE],
  ] as const) {
    s.title(row, title);
    s.header(row + 1, 1, ['R \\ F', ...Array.from({ length: bins }, (_, f) => `F${f + 1}`)]);
    grid.forEach((line, i) => {
      s.header(row + 2 + i, 1, [`R${bins - i}`]);
      line.forEach((v, f) => s.put(row + 2 + i, 2 + f, v ?? '', format));
    });
    rules.push({ range: { row: row + 2, column: 2, numRows: bins, numColumns: bins }, ...GRADIENT });
    row += bins + 3;
  }

  // 2. Pareto: the tiers' cut points beside the chart; the curve's data at the bottom.
  const paretoTitle = row;
  s.title(row, labels.pareto);
  s.header(row + 1, 1, [labels.tier, labels.customers, labels.shareCustomers, labels.value, labels.cumulativeShare]);
  data.tiers.forEach((t, i) => {
    const r = row + 2 + i;
    s.put(r, 1, labels.tierName(t.tier));
    s.put(r, 2, t.customers, COUNT);
    s.put(r, 3, customers > 0 ? t.customers / customers : 0, SHARE);
    s.put(r, 4, t.value, MONEY);
    s.put(r, 5, t.cumulativeShare, SHARE);
  });
  row += 6;

  // 5. Tier movement since the previous period.
  const m = data.movement;
  s.title(row, m.previousPeriod ? labels.movement : labels.movementNone);
  s.header(row + 1, 1, [labels.prevNow, ...TIERS.map(labels.tierName), labels.total]);
  TIERS.forEach((t, i) => {
    s.header(row + 2 + i, 1, [labels.tierName(t)]);
    m.matrix[i].forEach((v, j) => s.put(row + 2 + i, 2 + j, v, COUNT));
    s.put(row + 2 + i, 5, m.matrix[i].reduce((a, b) => a + b, 0), COUNT);
  });
  s.header(row + 5, 1, [labels.promoted]);
  s.put(row + 5, 2, m.promoted, COUNT);
  s.header(row + 5, 3, [labels.demoted]);
  s.put(row + 5, 4, m.demoted, COUNT);
  s.header(row + 5, 5, [labels.newCustomers]);
  s.put(row + 5, 6, m.newCustomers, COUNT);
  row += 7;
  const half = 4;
  s.header(row, 1, [labels.topPromoted]);
  s.header(row, 1 + half, [labels.topDemoted]);
  s.header(row + 1, 1, [labels.id, labels.name, labels.change, labels.value]);
  s.header(row + 1, 1 + half, [labels.id, labels.name, labels.change, labels.value]);
  for (const [list, col] of [[m.topPromoted, 1], [m.topDemoted, 1 + half]] as const) {
    list.forEach((c, i) => {
      const r = row + 2 + i;
      s.put(r, col, c.id);
      s.put(r, col + 1, c.name);
      s.put(r, col + 2, `${c.from} → ${c.to}`);
      s.put(r, col + 3, c.value, MONEY);
    });
  }
  row += LIST_LENGTH + 3;

  // 6. Value at risk.
  const riskTitle = row;
  s.title(row, labels.risk);
  s.put(row + 1, 1, data.risk ? labels.riskProxy : labels.riskNone);
  s.header(row + 2, 1, [labels.id, labels.name, labels.tier, labels.revenue12, labels.pAlive, labels.atRisk, labels.reason]);
  const risk = data.risk ?? [];
  risk.forEach((c, i) => {
    const r = row + 3 + i;
    s.put(r, 1, c.id);
    s.put(r, 2, c.name || c.id);
    s.put(r, 3, c.tier);
    s.put(r, 4, c.value12, MONEY);
    s.put(r, 5, c.pAlive, PROBABILITY);
    s.put(r, 6, c.atRisk, MONEY);
    s.put(r, 7, labels.riskReason(c.recencyDays, c.gapDays));
  });
  charts.push({
    key: 'risk',
    type: 'BAR',
    ranges: [
      { row: row + 2, column: 2, numRows: Math.max(risk.length, 1) + 1, numColumns: 1 },
      { row: row + 2, column: 6, numRows: Math.max(risk.length, 1) + 1, numColumns: 1 },
    ],
    anchor: { row: riskTitle, column: chartColumn },
    headers: 1,
    options: { title: labels.chartRisk, legend: { position: 'none' }, colors: ['#db4437'], width: CHART_WIDTH, height: CHART_HEIGHT },
  });
  row += RISK_LENGTH + 4;

  // The Pareto curve's points, one series per tier so the chart shows where A, B and C end.
  s.title(row, labels.paretoData);
  s.header(row + 1, 1, [labels.shareCustomers, ...TIERS.map(labels.tierName)]);
  const points = data.pareto;
  points.forEach((p, i) => {
    const r = row + 2 + i;
    s.put(r, 1, p.x, SHARE);
    // A point belongs to its tier's series, and also ends the series before it (no gap in the line).
    const next = points[i + 1];
    TIERS.forEach((t, j) => {
      const inTier = p.tier === t || (next !== undefined && next.tier === t && p.tier !== t && TIERS.indexOf(p.tier) < j);
      s.put(r, 2 + j, inTier ? p.y : '', SHARE);
    });
  });
  charts.push({
    key: 'pareto',
    type: 'LINE',
    ranges: [{ row: row + 1, column: 1, numRows: Math.max(points.length, 1) + 1, numColumns: 4 }],
    anchor: { row: paretoTitle, column: chartColumn },
    headers: 1,
    options: {
      title: labels.chartPareto,
      legend: { position: 'bottom' },
      colors: ['#0f9d58', '#f4b400', '#db4437'],
      hAxis: { title: labels.shareCustomers, format: 'percent', minValue: 0, maxValue: 1 },
      vAxis: { title: labels.cumulativeShare, format: 'percent', minValue: 0, maxValue: 1 },
      width: CHART_WIDTH,
      height: CHART_HEIGHT,
    },
  });
  // Room for a full curve, so the sheet keeps one size whatever the number of customers.
  const rows = Math.max(s.rows, row + 1 + PARETO_POINTS);
  if (rows > s.rows) s.put(rows, 1, '');
  // Charts in order: the adapter matches the sheet's charts to these by position in this list.
  charts.sort((a, b) => CHART_ORDER.indexOf(a.key) - CHART_ORDER.indexOf(b.key));
  return { rows, columns: s.width, values: s.values, numberFormats: s.formats, bold: s.bold, backgrounds: s.backgrounds, rules, charts };
}

export const CHART_ORDER: readonly ChartSpec['key'][] = ['segments', 'pareto', 'risk'];

function kpiBlock(s: Sheet, row: number, kpi: Kpi, labels: DashboardLabels): void {
  s.header(row, 1, [labels.customers, labels.active12, labels.revenue12, labels.shareA]);
  s.put(row + 1, 1, kpi.customers, COUNT);
  s.put(row + 1, 2, kpi.active12, COUNT);
  s.put(row + 1, 3, kpi.revenue12, MONEY);
  s.put(row + 1, 4, kpi.shareA ?? '', SHARE);
  // Customers with no visit or call on record: their contact rhythm counts from the first run.
  if (kpi.noContact !== undefined) {
    s.header(row, 5, [labels.noContact]);
    s.put(row + 1, 5, kpi.noContact, COUNT);
  }
}
