/**
 * Flags a team can act on (issue 12), through the built bundle on the sample file: a customer with
 * no visit or call on record is counted from the first run (not flagged at once), and the log,
 * the run's summary and the dashboard say how many such customers there are.
 */
import { ManualClock } from '../../tools/gas/fakes';
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
