/**
 * `npm start -- --sample team`: the playground opens the second sample (a named East China team,
 * today 2026-09-21) with the Analysis sheet over its own order log, and the first schedule built
 * on it shows what issue 10 asks the playground to show: no contact on 中秋 or National Day, the
 * make-up working Saturday used, a lunar birthday greeted before the holiday it falls on.
 */
import { formatDay } from '../src/core/dates';
import { chinaPublicDaysBetween } from '../src/core/workdays';
import { parseDay } from '../tools/sample/generate';
import { TEAM_FILE_SHEETS, TEAM_FILE_TODAY } from '../tools/sample/team';
import { createPlayground, type Playground } from '../tools/start/playground';
import { buildStartWorkbook } from '../tools/start/workbook';

describe('the team sample in the playground', () => {
  let pg: Playground;
  beforeAll(() => {
    pg = createPlayground({ sampleFile: 'team' });
  });
  afterAll(() => pg?.close());

  it('builds the Analysis sheet over the team file’s order log (quoted sheet name, its own columns)', () => {
    const wb = buildStartWorkbook('zh', {}, 'team');
    expect(Object.keys(wb.sheets)).toEqual([...Object.values(TEAM_FILE_SHEETS), '分析']);
    expect(wb.today).toBe(TEAM_FILE_TODAY);
    const cuts = wb.examples.find((e) => e.kind === 'RFMCUTS')!;
    const orders = wb.sheets[TEAM_FILE_SHEETS.orders].length;
    expect(cuts.formula).toBe(`=RFMCUTS('销售订单'!B2:B${orders}, '销售订单'!A2:A${orders}, '销售订单'!D2:D${orders})`);
    // The standard sample keeps its formulas, over its order sheet named in the file's language.
    expect(buildStartWorkbook('zh').examples.find((e) => e.kind === 'RFMCUTS')!.formula).toMatch(/^=RFMCUTS\('订单'!A2:A\d+, '订单'!B2:B\d+, '订单'!C2:C\d+\)$/);
    expect(buildStartWorkbook('en').examples.find((e) => e.kind === 'RFMCUTS')!.formula).toMatch(/^=RFMCUTS\(Orders!A2:A\d+, Orders!B2:B\d+, Orders!C2:C\d+\)$/);
  });

  it('opens with the team file’s sheets and no example formula in error', () => {
    expect(pg.tabs().map((t) => t.name)).toEqual([...Object.values(TEAM_FILE_SHEETS), '分析']);
    expect(pg.warnings).toEqual([]);
    expect(pg.state.spreadsheet.name).toBe('华东销售团队客户档案（示例）');
  });

  it('plans four weeks that skip 中秋 and National Day, use the make-up Saturday and greet the 中秋 birthday the day before', () => {
    const run = pg.runMenu('buildVisitSchedule');
    expect([run.ok, run.error]).toEqual([true, undefined]);
    const sheet = pg.tabs().map((t) => t.name).find((n) => n === '拜访计划')!;
    const [header, ...rows] = pg.view(sheet, 3000).cells.map((r) => (r ?? []).map((c) => (c ? String(c.v) : '')));
    const col = (name: string) => header.indexOf(name);
    const today = parseDay(TEAM_FILE_TODAY);
    const holidays = chinaPublicDaysBetween(today, today + 27).filter((d) => d.kind === 'holiday').map((d) => formatDay(d.day));
    expect(holidays).toEqual(expect.arrayContaining(['2026-09-25', '2026-10-01', '2026-10-07']));
    const dates = new Set(rows.map((r) => r[col('日期')]));
    expect(rows.length).toBeGreaterThan(50);
    for (const h of holidays) expect([h, dates.has(h)]).toEqual([h, false]);
    expect(dates.has('2026-10-10')).toBe(true);
    const greeting = rows.find((r) => r[col('客户代码')] === 'KH1001' && r[col('事由')].includes('农历八月十五'));
    expect(greeting?.[col('日期')]).toBe('2026-09-24');
  });
});
