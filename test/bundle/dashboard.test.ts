/**
 * The dashboard sheet through the built bundle, on the sample customer file: its figures equal
 * the customer table's own columns (and the order log, counted here independently), a second
 * refresh updates the same charts instead of adding charts, the sheet keeps one size whatever
 * the number of customers, and both languages label it from the text table.
 */
import { chartsOf, conditionalRulesOf, ManualClock, totalCalls, type SheetState } from '../../tools/gas/fakes';
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { generateSampleWorkbook, parseDay } from '../../tools/sample/generate';
import { exec, sampleFile, secondFile, sheetOf, sheetValues } from '../support/automation';

const ZH = 'Kehu · 仪表盘';
const EN = 'Kehu · Dashboard';
const TODAY = parseDay('2026-11-20');

function stateOf(b: LoadedBundle, name: string): SheetState {
  const s = b.fakes.state.spreadsheet.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

function refresh(b: LoadedBundle) {
  const r = exec(b, 'flagStaleRecords');
  expect(r.error).toBeUndefined();
  expect(r.ok).toBe(true);
  return r;
}

/** The row (0-based) whose first cell is `text`, searched from `from`. */
function rowOf(grid: unknown[][], text: string, from = 0): number {
  const at = grid.findIndex((row, i) => i >= from && row[0] === text);
  if (at < 0) throw new Error(`no row starting with ${text}`);
  return at;
}

/** The customer table's own column `header`, one value per customer row. */
function ownColumn(b: LoadedBundle, sheet: string, header: string): unknown[] {
  const grid = sheetValues(b, sheet)!;
  // The header row may sit below a title row (the second file).
  const head = grid.findIndex((r) => r.includes(header));
  expect(head).toBeGreaterThanOrEqual(0);
  const col = grid[head].indexOf(header);
  return grid.slice(head + 1).filter((r) => r.some((v) => v !== '')).map((r) => r[col]);
}

const countOf = (values: unknown[], v: unknown) => values.filter((x) => x === v).length;

describe('the dashboard on the sample file (zh)', () => {
  const b = sampleFile();
  let first: ReturnType<typeof refresh>;
  beforeAll(() => {
    first = refresh(b);
  });

  test('the refresh makes the dashboard sheet with three native charts and two gradient rules', () => {
    expect(b.fakes.ui.alerts().at(-1)?.prompt).toContain('仪表盘已更新');
    const charts = chartsOf(stateOf(b, ZH));
    expect(charts.map((c) => c.type)).toEqual(['COLUMN', 'LINE', 'BAR']);
    expect(charts.map((c) => c.options.title)).toEqual(['各类别客户数与近 12 个月销售额', '帕累托曲线：累计销售额占比', '流失风险金额最高的客户']);
    for (const c of charts) expect(c.numHeaders).toBe(1);
    expect(totalCalls(first.calls, 'Sheet.insertChart')).toBe(3);
    const rules = conditionalRulesOf(stateOf(b, ZH));
    expect(rules).toHaveLength(2);
    for (const r of rules) {
      expect(r.gradient.min).toBeDefined();
      expect(r.gradient.max).toBeDefined();
      expect(r.ranges[0].numRows).toBe(5);
      expect(r.ranges[0].numColumns).toBe(5);
    }
  });

  test('segment counts equal the customer table’s segment column, and revenue sums to the KPI', () => {
    const grid = sheetValues(b, ZH)!;
    const segments = ownColumn(b, 'Customers', 'Kehu · 类别');
    const head = rowOf(grid, '客户类别');
    const rows = grid.slice(head + 1, head + 10);
    let total = 0;
    let revenue = 0;
    for (const row of rows) {
      const label = row[0] === '（无订单）' ? '' : row[0];
      expect(row[1]).toBe(countOf(segments, label));
      total += row[1] as number;
      revenue += row[2] as number;
    }
    expect(total).toBe(segments.length);
    const kpi = grid[rowOf(grid, '客户数') + 1];
    expect(kpi[0]).toBe(segments.length);
    expect(revenue).toBeCloseTo(kpi[2] as number, 2);
  });

  test('the KPI line equals the order log counted here: customers active and revenue in the last 12 months', () => {
    const orders = generateSampleWorkbook({ customers: 120 }).sheets.Orders.slice(1);
    const start = TODAY - 12 * 30.4375;
    const inWindow = orders.filter((o) => {
      const day = parseDay(String(o[1]));
      return day > start && day <= TODAY;
    });
    const grid = sheetValues(b, ZH)!;
    const kpi = grid[rowOf(grid, '客户数') + 1];
    expect(kpi[1]).toBe(new Set(inWindow.map((o) => o[0])).size);
    expect(kpi[2]).toBeCloseTo(inWindow.reduce((t, o) => t + Number(o[2]), 0), 2);
    // Share of revenue from A = the A row of the Pareto table's cumulative share.
    const tiers = rowOf(grid, '等级');
    expect(grid[tiers + 1][0]).toBe('A 类');
    expect(kpi[3]).toBeCloseTo(grid[tiers + 1][4] as number, 12);
  });

  test('tier counts equal the ABC column; the R x F grid equals the RFM codes', () => {
    const grid = sheetValues(b, ZH)!;
    const abc = ownColumn(b, 'Customers', 'Kehu · ABC');
    const tiers = rowOf(grid, '等级');
    ['A', 'B', 'C'].forEach((t, i) => expect(grid[tiers + 1 + i][1]).toBe(countOf(abc, t)));
    const codes = ownColumn(b, 'Customers', 'Kehu · RFM').filter((c) => c !== '').map(String);
    const heat = rowOf(grid, 'R \\ F');
    for (let r = 5; r >= 1; r--) {
      const row = grid[heat + 1 + (5 - r)];
      expect(row[0]).toBe(`R${r}`);
      for (let f = 1; f <= 5; f++) expect(row[f]).toBe(codes.filter((c) => c[0] === String(r) && c[1] === String(f)).length);
    }
  });

  test('the Pareto chart reads a curve of at most 101 points that ends at (100%, 100%) and turns B and C at the cuts', () => {
    const charts = chartsOf(stateOf(b, ZH));
    const pareto = charts[1];
    const range = pareto.ranges[0];
    const values = sheetOf(b, ZH).getRange(range.row, range.column, range.numRows, range.numColumns).getValues();
    expect(values[0]).toEqual(['客户占比', 'A 类', 'B 类', 'C 类']);
    const points = values.slice(1);
    expect(points.length).toBeLessThanOrEqual(101);
    expect(points[0][0]).toBe(0);
    expect(points.at(-1)![0]).toBe(1);
    expect(points.at(-1)![3]).toBeCloseTo(1, 12);
    // The last A point is where B starts: 27 A customers of 120 here, as the ABC column says.
    const abc = ownColumn(b, 'Customers', 'Kehu · ABC');
    const cut = points.find((p) => p[1] !== '' && p[2] !== '')!;
    expect(cut[0]).toBeCloseTo(countOf(abc, 'A') / abc.length, 12);
    const grid = sheetValues(b, ZH)!;
    expect(cut[1]).toBeCloseTo(grid[rowOf(grid, '等级') + 1][4] as number, 12);
  });

  test('numbers carry number formats: counts, amounts and shares', () => {
    const grid = sheetValues(b, ZH)!;
    const kpiRow = rowOf(grid, '客户数') + 2;
    const shown = sheetOf(b, ZH).getRange(kpiRow, 1, 1, 4).getDisplayValues()[0];
    expect(sheetOf(b, ZH).getRange(kpiRow, 1, 1, 4).getNumberFormats()[0]).toEqual(['#,##0', '#,##0', '#,##0', '0.0%']);
    expect(shown[3]).toMatch(/^\d{1,3}\.\d%$/);
    expect(shown[2]).toMatch(/^\d{1,3}(,\d{3})+$/);
  });

  test('the sheet is trimmed to the rows and columns it uses, the same size at 120 and 400 customers', () => {
    const sheet = sheetOf(b, ZH);
    const grid = sheetValues(b, ZH)!;
    expect(sheet.getMaxColumns()).toBe(16);
    expect(sheet.getMaxRows()).toBeGreaterThanOrEqual(grid.length);
    expect(sheet.getMaxRows() * sheet.getMaxColumns()).toBeLessThan(3500);
    const big = sampleFile({ customers: 400 });
    refresh(big);
    expect(sheetOf(big, ZH).getMaxRows()).toBe(sheet.getMaxRows());
    expect(sheetOf(big, ZH).getMaxColumns()).toBe(16);
  });

  test('a second refresh updates the same charts and rules: nothing is added', () => {
    const before = chartsOf(stateOf(b, ZH));
    const second = refresh(b);
    const after = chartsOf(stateOf(b, ZH));
    expect(after.map((c) => c.chartId)).toEqual(before.map((c) => c.chartId));
    expect(after).toEqual(before);
    expect(totalCalls(second.calls, 'Sheet.insertChart')).toBe(0);
    expect(totalCalls(second.calls, 'Sheet.updateChart')).toBe(3);
    expect(conditionalRulesOf(stateOf(b, ZH))).toHaveLength(2);
    expect(b.fakes.state.spreadsheet.sheets.filter((s) => s.name === ZH)).toHaveLength(1);
  });

  test('a chart a person deleted is made again; one they added is removed', () => {
    const direct = b.fakes.direct.spreadsheet.getSheetByName(ZH)!;
    direct.removeChart(direct.getCharts()[2]);
    refresh(b);
    expect(chartsOf(stateOf(b, ZH)).map((c) => c.type)).toEqual(['COLUMN', 'LINE', 'BAR']);
    direct.insertChart(direct.newChart().setChartType('PIE').addRange(direct.getRange('A1:B2')).setPosition(1, 1, 0, 0).build());
    refresh(b);
    expect(chartsOf(stateOf(b, ZH)).map((c) => c.type)).toEqual(['COLUMN', 'LINE', 'BAR']);
  });

  test('next month: the movement matrix and counts equal the movement column', () => {
    const later = sampleFileLater(b);
    refresh(later);
    const grid = sheetValues(later, ZH)!;
    const moves = ownColumn(later, 'Customers', 'Kehu · 变动').map(String);
    const title = grid.findIndex((r) => String(r[0]).startsWith('等级变动'));
    expect(grid[title][0]).toBe('等级变动（能上能下）：上期 2026-11 → 本期 2026-12');
    const matrix = grid.slice(title + 2, title + 5).map((r) => r.slice(1, 4) as number[]);
    const upper = matrix[1][0] + matrix[2][0] + matrix[2][1];
    const lower = matrix[0][1] + matrix[0][2] + matrix[1][2];
    expect(upper).toBeGreaterThan(0);
    expect(lower).toBeGreaterThan(0);
    expect(upper).toBe(moves.filter((m) => m.startsWith('上升')).length);
    expect(lower).toBe(moves.filter((m) => m.startsWith('下降')).length);
    const counts = grid[title + 5];
    expect(counts[1]).toBe(upper);
    expect(counts[3]).toBe(lower);
    expect(matrix.flat().reduce((a, c) => a + c, 0)).toBe(moves.length - moves.filter((m) => m === '新客户').length);
    // The top promoted are listed (at most ten), each with its change.
    const listed = grid.slice(title + 9, title + 19).filter((r) => r[0] !== '');
    expect(listed.length).toBe(Math.min(10, upper));
    for (const r of listed) expect(String(r[2])).toMatch(/^[BC] → [AB]$/);
  });
});

describe('the dashboard after a cut run', () => {
  /** The dashboard as a person sees it: cells, formats, rules, and the charts without their ids. */
  const picture = (b: LoadedBundle) => ({
    values: sheetValues(b, ZH),
    formats: sheetOf(b, ZH).getRange(1, 1, sheetOf(b, ZH).getMaxRows(), sheetOf(b, ZH).getMaxColumns()).getNumberFormats(),
    size: [sheetOf(b, ZH).getMaxRows(), sheetOf(b, ZH).getMaxColumns()],
    rules: conditionalRulesOf(stateOf(b, ZH)),
    charts: chartsOf(stateOf(b, ZH)).map(({ chartId, ...rest }) => rest),
  });

  test('a refresh cut at any call of the dashboard step, then run again, leaves what one uncut refresh does', () => {
    // A small file: forty runs of the whole refresh.
    const whole = sampleFile({ customers: 40 });
    const first = whole.next();
    const r = first.run('flagStaleRecords', { ui: true });
    const uncut = picture(whole);
    const log = first.fakes.callLog();
    // The dashboard step starts where the refresh makes its last sheet.
    const start = log.lastIndexOf('Spreadsheet.insertSheet');
    expect(start).toBeGreaterThan(0);
    const cuts = [];
    for (let n = start + 1; n <= log.length; n += 4) cuts.push(n);
    cuts.push(log.length);
    const failures: string[] = [];
    for (const n of cuts) {
      for (const when of ['before', 'after'] as const) {
        const b = sampleFile({ customers: 40 });
        const run = b.next();
        run.fakes.failAt(n, { when });
        run.run('flagStaleRecords', { ui: true });
        refresh(b);
        if (JSON.stringify(picture(b)) !== JSON.stringify(uncut)) failures.push(`call ${n} (${log[n - 1]}, ${when})`);
      }
    }
    expect(failures).toEqual([]);
    expect(cuts.length).toBeGreaterThan(15);
    expect(r.ok).toBe(true);
  });

  test('a chart a person moved stays where they put it; its data and options are the add-on’s again', () => {
    const b = sampleFile();
    refresh(b);
    const direct = b.fakes.direct.spreadsheet.getSheetByName(ZH)!;
    const pareto = direct.getCharts()[1];
    direct.updateChart(pareto.modify().setPosition(2, 3, 5, 5).setOption('title', 'mine').build());
    refresh(b);
    const after = chartsOf(stateOf(b, ZH))[1];
    expect(after.position).toEqual({ anchorRow: 2, anchorColumn: 3, offsetX: 5, offsetY: 5 });
    expect(after.options.title).toBe('帕累托曲线：累计销售额占比');
  });
});

/** The same file a month later, with new orders that move some customers between tiers. */
function sampleFileLater(b: LoadedBundle): LoadedBundle {
  b.fakes.state.clock = new ManualClock('2026-12-20T09:00:00+08:00');
  const orders = b.fakes.direct.spreadsheet.getSheetByName('Orders')!;
  const ids = ownColumn(b, 'Customers', '客户代码').map(String);
  // Twelve small customers buy a lot in December: they move up, and push others down.
  const rows = ids.slice(-12).map((id, i) => [id, `2026-12-${String(1 + i).padStart(2, '0')}`, 400000 + i, '', '']);
  for (const row of rows) orders.appendRow(row);
  return b;
}

test('with the P(alive) flag off in Settings, the value at risk is still listed', () => {
  const b = sampleFile();
  refresh(b);
  const settings = sheetOf(b, '设置');
  const rows = settings.getRange(1, 1, settings.getLastRow(), 2).getValues();
  const at = rows.findIndex((r: unknown[]) => r[0] === '存活概率阈值');
  expect(at).toBeGreaterThan(0);
  settings.getRange(at + 1, 2).setValue(0);
  refresh(b);
  const grid = sheetValues(b, ZH)!;
  const head = rowOf(grid, '客户代码', rowOf(grid, '价值以近 12 个月销售额代替终身价值；存活概率来自“设置”中选定的终身价值模型。'));
  const listed = grid.slice(head + 1, head + 16).filter((r) => r[0] !== '');
  expect(listed).toHaveLength(15);
  for (const r of listed) expect((r[3] as number) * (1 - (r[4] as number))).toBeCloseTo(r[5] as number, 1);
  // No flag was raised for it.
  expect(ownColumn(b, 'Customers', 'Kehu · 提醒').some((f) => String(f).includes('可能流失'))).toBe(false);
});

describe('the dashboard in English', () => {
  test('an en_US file gets "Kehu · Dashboard", English labels and chart titles', () => {
    const b = secondFile();
    refresh(b);
    const grid = sheetValues(b, EN)!;
    expect(grid[0][0]).toBe('Kehu · Dashboard');
    expect(grid.some((r) => r[0] === 'Key figures')).toBe(true);
    const segments = ownColumn(b, 'Client list', 'Kehu · Segment');
    const head = rowOf(grid, 'Segment');
    expect(grid[head + 1][0]).toBe('Key value');
    expect(grid[head + 1][1]).toBe(countOf(segments, 'Key value'));
    expect(chartsOf(stateOf(b, EN)).map((c) => c.options.title)).toEqual(['Customers and 12-month revenue per segment', 'Pareto curve: cumulative share of revenue', 'Highest value at risk']);
    expect(b.fakes.state.spreadsheet.sheets.some((s) => s.name === ZH)).toBe(false);
  });
});
