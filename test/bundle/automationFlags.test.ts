/**
 * Flags a team can act on (issue 12), through the built bundle on the sample file: a customer with
 * no visit or call on record is counted from the first run (not flagged at once), and the log,
 * the run's summary and the dashboard say how many such customers there are.
 */
import { booleanRulesOf, conditionalRulesOf, ManualClock, totalCalls, type SheetState } from '../../tools/gas/fakes';
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { exec, lastAlert, sampleFile, secondFile, sheetValues } from '../support/automation';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;

/** Ids of the customer table that the contact log never names with a visit or a call. */
function withoutContact(customers: unknown[][], contacts: unknown[][]): Set<string> {
  const idCol = contacts[0].indexOf('客户代码');
  const kindCol = contacts[0].indexOf('类型');
  const contacted = new Set(contacts.slice(1).filter((r) => r[kindCol] === '拜访' || r[kindCol] === '电话').map((r) => String(r[idCol])));
  return new Set(customers.slice(1).map((r) => String(r[0])).filter((id) => !contacted.has(id)));
}

function stateOf(b: LoadedBundle, name: string): SheetState {
  const s = b.fakes.state.spreadsheet.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

const NEVER_ZH = /启用 Kehu 已 (\d+) 天，仍没有拜访或电话记录/;

describe('customers with no contact on record', () => {
  const clock = new ManualClock('2026-11-20T09:00:00+08:00');
  const b = sampleFile({ clock });
  const never = withoutContact(sheetValues(b, 'Customers')!, sheetValues(b, 'Contacts')!);

  it('are not flagged overdue on the first run; the summary, the log and the dashboard count them', () => {
    expect(never.size).toBeGreaterThan(10);
    exec(b, 'flagStaleRecords');
    const customers = sheetValues(b, 'Customers')!;
    const flagsCol = customers[0].indexOf('Kehu · 提醒');
    expect(customers.slice(1).filter((r) => NEVER_ZH.test(String(r[flagsCol])))).toEqual([]);
    const note = `${never.size} 位客户没有拜访或电话记录，其联系节奏自 2026-11-20 首次运行起计算。`;
    expect(lastAlert(b)).toContain(note);
    const log = sheetValues(b, 'Kehu · 日志')!;
    expect(log.filter((l) => String(l[4]).includes(note))).toHaveLength(1);
    const dash = sheetValues(b, 'Kehu · 仪表盘')!;
    const at = dash.findIndex((r) => r.includes('没有联系记录的客户'));
    expect(at).toBeGreaterThan(0);
    expect(dash[at + 1][dash[at].indexOf('没有联系记录的客户')]).toBe(never.size);
  });

  it('are flagged once the first run is older than their tier\'s overdue interval, counted from it', () => {
    // Every default tier asks for a contact at least every 15.2 days; twice that is 31 days.
    clock.advance(40 * DAY_MS);
    exec(b, 'flagStaleRecords');
    const customers = sheetValues(b, 'Customers')!;
    const flagsCol = customers[0].indexOf('Kehu · 提醒');
    const flagged = customers.slice(1).filter((r) => NEVER_ZH.test(String(r[flagsCol])));
    expect(new Set(flagged.map((r) => String(r[0])))).toEqual(never);
    for (const r of flagged) expect(String(r[flagsCol]).match(NEVER_ZH)![1]).toBe('40');
    // The first run's day is kept, not moved to the latest run.
    expect(lastAlert(b)).toContain('自 2026-11-20 首次运行起计算');
  });
});

describe('in English', () => {
  it('the summary counts customers with no contact on record', () => {
    const b = secondFile();
    exec(b, 'flagStaleRecords');
    expect(lastAlert(b)).toMatch(/ \d+ customers have no visit or call on record; their contact rhythm counts from the first run on 2026-11-20\./);
    const dash = sheetValues(b, 'Kehu · Dashboard')!;
    expect(dash.some((r) => r.includes('No contact on record'))).toBe(true);
  });
});

describe('the status column is coloured, the quadrant column worded', () => {
  const b = sampleFile();
  // A rule of the team's on the customer table before Kehu's first run: a gradient on column B.
  const direct = b.fakes.direct.spreadsheet.getSheetByName('Customers')!;
  const app = b.fakes.direct.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  direct.setConditionalFormatRules([app.newConditionalFormatRule().setGradientMinpoint('#ffffff').setGradientMaxpoint('#ff0000').setRanges([direct.getRange('B2:B50') as unknown as GoogleAppsScript.Spreadsheet.Range]).build()]);
  const first = exec(b, 'flagStaleRecords');

  it('one text-equals rule per status word in both languages, on the status column from the first data row to the end', () => {
    const customers = sheetValues(b, 'Customers')!;
    const statusColumn = customers[0].indexOf('Kehu · 状态') + 1;
    const rules = booleanRulesOf(stateOf(b, 'Customers'));
    expect(rules.map((r) => r.boolean.values[0])).toEqual(['红', '黄', '绿', 'red', 'amber', 'green']);
    const maxRows = direct.getMaxRows();
    for (const r of rules) expect(r.ranges.map(({ row, column, numRows, numColumns }) => [row, column, numRows, numColumns])).toEqual([[2, statusColumn, maxRows - 1, 1]]);
    // Red, amber and green differ; a word's colour is the same in both languages.
    expect(new Set(rules.map((r) => r.boolean.background)).size).toBe(3);
    expect(rules[0].boolean.background).toBe(rules[3].boolean.background);
    // Every status the run wrote is coloured by one of them.
    const words = new Set(rules.map((r) => r.boolean.values[0]));
    for (const row of customers.slice(1)) expect(words.has(String(row[statusColumn - 1]))).toBe(true);
    // The team's rule is kept, first as it was.
    expect(conditionalRulesOf(stateOf(b, 'Customers'))).toEqual([expect.objectContaining({ gradient: { min: '#ffffff', max: '#ff0000' } })]);
    expect(totalCalls(first.calls, 'Sheet.setConditionalFormatRules')).toBeGreaterThanOrEqual(1);
  });

  it('a second run writes no rule and adds none', () => {
    const before = booleanRulesOf(stateOf(b, 'Customers'));
    const second = exec(b, 'flagStaleRecords');
    // The dashboard writes its own sheet's rules; the customer table's are left as they are.
    const dashboardWrites = totalCalls(first.calls, 'Sheet.setConditionalFormatRules') - 1;
    expect(totalCalls(second.calls, 'Sheet.setConditionalFormatRules')).toBe(dashboardWrites);
    expect(booleanRulesOf(stateOf(b, 'Customers'))).toEqual(before);
    expect(conditionalRulesOf(stateOf(b, 'Customers'))).toHaveLength(1);
  });

  it('a rule a person changed or deleted is put back, the others left as they are', () => {
    const rules = direct.getConditionalFormatRules();
    // Drop Kehu's '黄' rule.
    direct.setConditionalFormatRules(rules.filter((_: unknown, i: number) => i !== 2));
    exec(b, 'flagStaleRecords');
    expect(booleanRulesOf(stateOf(b, 'Customers')).map((r) => r.boolean.values[0])).toEqual(['红', '黄', '绿', 'red', 'amber', 'green']);
    expect(conditionalRulesOf(stateOf(b, 'Customers'))).toHaveLength(1);
  });

  it('the quadrant column says turnover and margin in words, with no A-D beside the tier', () => {
    const customers = sheetValues(b, 'Customers')!;
    const q = customers[0].indexOf('Kehu · 象限');
    const values = new Set(customers.slice(1).map((r) => String(r[q])));
    expect([...values].filter((v) => v !== '').sort()).toEqual(['低周转·低毛利', '低周转·高毛利', '高周转·低毛利', '高周转·高毛利']);
  });
});
