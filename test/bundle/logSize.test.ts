/**
 * The add-on's footprint (issue 11): the log keeps at most 20,000 lines, the oldest days
 * summarized per day and kind in one rewrite, and the add-on's own sheets are trimmed to the
 * rows and columns they use (Sheets makes a new sheet 1,000 × 26, and every cell counts toward
 * the file's 10 million).
 */
import { ManualClock } from '../../tools/gas/fakes';
import { loadBundle, type LoadedBundle } from '../../tools/gas/loadBundle';
import { generateSampleWorkbook } from '../../tools/sample/generate';
import { exec, sampleFile, sheetValues, teamSheet } from '../support/automation';

jest.setTimeout(120_000);

const LOG = 'Kehu · 日志';
const HEADER = ['时间', '客户代码', '提醒', '变化', '原因'];
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.parse('2026-10-01T00:00:00+08:00');

/** 40 days of 500 lines: 200 raised and 100 cleared of one flag, 200 daily runs. */
function oldLog(days = 40): unknown[][] {
  const rows: unknown[][] = [HEADER];
  for (let d = 0; d < days; d++) {
    const at = new Date(FIRST_DAY + d * DAY_MS + 7 * 3_600_000);
    for (let i = 0; i < 200; i++) rows.push([at, `KH${i}`, '久未购买', '新增', '90 天未购买']);
    for (let i = 0; i < 100; i++) rows.push([at, `KH${i}`, '久未购买', '解除', '']);
    for (let i = 0; i < 200; i++) rows.push([at, '', '运行', 'Kehu · 每日运行', '完成']);
  }
  // The newest line's reason looks like a formula: it must stay text through the rewrite.
  rows[rows.length - 1][4] = "'=1+1";
  return rows;
}

function fileWithLog(log: unknown[][]): LoadedBundle {
  const wb = generateSampleWorkbook({ customers: 40 });
  return loadBundle({
    sheets: { ...wb.sheets, 销售团队: teamSheet(), [LOG]: log } as Record<string, unknown[][]>,
    locale: 'zh_CN',
    timeZone: 'Asia/Shanghai',
    clock: new ManualClock('2026-11-20T09:00:00+08:00'),
  });
}

const sizeOf = (b: LoadedBundle, name: string) => b.fakes.cellCount().sheets.find((s) => s.name === name)!;

describe('the log keeps at most 20,000 lines', () => {
  it('summarizes the oldest days per day and kind when an append would pass the limit, keeping every count', () => {
    const b = fileWithLog(oldLog());
    expect(sheetValues(b, LOG)!.length - 1).toBe(20_000);
    const r = exec(b, 'buildVisitSchedule');
    expect(r.ok).toBe(true);
    const rows = sheetValues(b, LOG)!.slice(1);
    expect(rows.length).toBeLessThanOrEqual(15_000);
    const summaries = rows.filter((row) => row[3] === '汇总');
    // Whole days, oldest first: two lines a day (the flag, the runs).
    expect(summaries.length % 2).toBe(0);
    const days = summaries.length / 2;
    expect(days).toBeGreaterThan(0);
    expect(rows.slice(0, summaries.length)).toEqual(summaries);
    expect(summaries[0]).toEqual([new Date(FIRST_DAY), '', '久未购买', '汇总', '新增 200，解除 100']);
    expect(summaries[1]).toEqual([new Date(FIRST_DAY), '', '运行', '汇总', 'Kehu · 每日运行 200']);
    // Nothing lost: the lines kept plus the summarized counts are the 20,000 old lines and the run's new ones.
    const fresh = rows.filter((row) => row[0] instanceof Date && row[0].getTime() >= Date.parse('2026-11-20T00:00:00+08:00') && row[3] !== '汇总');
    expect(fresh.map((row) => row[3])).toContain('生成拜访计划');
    expect(rows.slice(-fresh.length)).toEqual(fresh);
    expect(rows.length - summaries.length + days * 500).toBe(20_000 + fresh.length);
    const formulaAt = rows.length - fresh.length;
    expect(rows[formulaAt - 1][4]).toBe('=1+1');
    const sheet = b.fakes.direct.spreadsheet.getSheetByName(LOG)!;
    expect(sheet.getRange(formulaAt + 1, 5).getFormula()).toBe('');
    // Trimmed to the lines: no empty rows or columns left over.
    expect(sizeOf(b, LOG)).toMatchObject({ rows: rows.length + 1, columns: 5 });
  });

  it('appends without rewriting while under the limit', () => {
    const b = fileWithLog(oldLog(2));
    const r = exec(b, 'buildVisitSchedule');
    expect(r.ok).toBe(true);
    const rows = sheetValues(b, LOG)!.slice(1);
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.length).toBeLessThan(1010);
    expect(rows.some((row) => row[3] === '汇总')).toBe(false);
  });
});

describe('own sheets are trimmed to what they use', () => {
  it('a new log is its header and lines, 5 columns wide, and grows as lines are appended', () => {
    const b = sampleFile({ customers: 40 });
    exec(b, 'flagStaleRecords');
    const lines = sheetValues(b, LOG)!.length;
    expect(lines).toBeGreaterThan(1);
    expect(sizeOf(b, LOG)).toMatchObject({ columns: 5 });
    expect(sizeOf(b, LOG).rows).toBeLessThanOrEqual(lines + 1);
    exec(b, 'buildVisitSchedule');
    const more = sheetValues(b, LOG)!.length;
    expect(more).toBeGreaterThan(lines);
    expect(sizeOf(b, LOG)).toMatchObject({ rows: more, columns: 5 });
  });
});
