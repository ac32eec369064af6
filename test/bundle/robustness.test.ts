/**
 * What people do to a file that the add-on must survive without hurting anyone: renaming its
 * schedule, an unrecognised header beside a team list, orders for ids nobody has, a wrong calendar
 * ID, a calendar that refuses every call, the daily limit reached or set to 0, a lapsed
 * authorization, a failing flush, a Settings sheet made before the tables could be found, and
 * many archive sheets.
 */
import { ManualClock, totalCalls } from '../../tools/gas/fakes';
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { exec, lastAlert, sampleFile, sheetNames, sheetOf, sheetValues } from '../support/automation';

jest.setTimeout(120_000);

function setSetting(b: LoadedBundle, name: string, value: unknown): void {
  const sheet = sheetOf(b, '设置');
  const rows = sheet.getRange(1, 1, sheet.getLastRow(), 2).getValues();
  const at = rows.findIndex((r: unknown[]) => r[0] === name);
  if (at < 0) throw new Error(`no setting ${name}`);
  sheet.getRange(at + 1, 2).setValue(value);
}

const daily = (b: LoadedBundle) => exec(b, 'runDailyAutomation', { ui: false });

describe('the schedule sheet renamed by a person', () => {
  it('is still the schedule: planned in place, and no invite is cancelled', () => {
    const b = sampleFile({ customers: 40 });
    exec(b, 'buildVisitSchedule');
    exec(b, 'sendVisitInvites');
    const events = b.fakes.calendar.events().filter((e) => e.status !== 'cancelled').length;
    sheetOf(b, '拜访计划').setName('拜访计划（11月存档）');
    expect(exec(b, 'buildVisitSchedule').ok).toBe(true);
    expect(sheetNames(b)).not.toContain('拜访计划');
    const r = exec(b, 'sendVisitInvites');
    expect(totalCalls(r.calls, 'Calendar')).toBe(0);
    expect(b.fakes.calendar.events().filter((e) => e.status !== 'cancelled').length).toBe(events);
  });

  it('deleted: a new schedule is planned with the same rows and their invites stay', () => {
    const b = sampleFile({ customers: 40 });
    exec(b, 'buildVisitSchedule');
    exec(b, 'sendVisitInvites');
    const before = b.fakes.calendar.events().filter((e) => e.status !== 'cancelled').length;
    b.fakes.direct.spreadsheet.deleteSheet(sheetOf(b, '拜访计划'));
    exec(b, 'buildVisitSchedule');
    exec(b, 'sendVisitInvites');
    const cancelled = b.fakes.calendar.events().filter((e) => e.status === 'cancelled').length;
    expect(cancelled).toBeLessThan(before / 10);
  });
});

describe('finding the tables', () => {
  it('never takes the team list for the customer file: an unknown id header stops with a sentence', () => {
    const b = sampleFile({ customers: 40 });
    sheetOf(b, 'Customers').getRange(1, 1).setValue('客户号码');
    exec(b, 'flagStaleRecords');
    expect(lastAlert(b)).toMatch(/客户表.*客户代码/);
    expect(sheetValues(b, '销售团队')![0].some((h) => String(h).startsWith('Kehu'))).toBe(false);
  });

  it('logs orders for customer ids the customer table does not have', () => {
    const b = sampleFile({ customers: 40 });
    const orders = sheetOf(b, 'Orders');
    orders.getRange(2, 1).setValue('KH9999');
    exec(b, 'flagStaleRecords');
    const log = sheetValues(b, 'Kehu · 日志')!.map((r) => String(r[4]));
    expect(log.some((line) => line.includes('KH9999') && line.includes('第 2 行'))).toBe(true);
  });

  it('stops when most orders name customers the table found does not have', () => {
    const b = sampleFile({ customers: 40 });
    const orders = sheetOf(b, 'Orders');
    const n = orders.getLastRow() - 1;
    orders.getRange(2, 1, n, 1).setValues(Array.from({ length: n }, (_, i) => [`X${i}`]));
    exec(b, 'flagStaleRecords');
    expect(lastAlert(b)).toMatch(/行的客户不在工作表“Customers”的“客户代码”列中/);
    const customers = sheetOf(b, 'Customers');
    expect(customers.getRange(1, 1, 1, customers.getLastColumn()).getValues()[0].some((h: unknown) => String(h).startsWith('Kehu'))).toBe(false);
  });

  it('reads only the first rows of sheets that are not tables', () => {
    const plain = sampleFile({ customers: 40 });
    const archive = sampleFile({ customers: 40 });
    for (let k = 0; k < 5; k++) {
      const s = archive.fakes.direct.spreadsheet.insertSheet(`存档 ${k}`);
      s.getRange(1, 1, 900, 3).setValues(Array.from({ length: 900 }, (_, i) => [`a${i}`, i, 'x']));
    }
    const small = exec(plain, 'flagStaleRecords');
    const big = exec(archive, 'flagStaleRecords');
    // A few calls per extra sheet to look at its first rows, none reading it whole.
    expect(big.callCount - small.callCount).toBeLessThanOrEqual(5 * 5);
    expect(totalCalls(big.calls, 'Sheet.getDataRange') - totalCalls(small.calls, 'Sheet.getDataRange')).toBe(0);
  });

  it('fills the Team table once the tables are found, when Settings was made before', () => {
    const b = sampleFile({ customers: 40 });
    const orders = sheetOf(b, 'Orders');
    orders.getRange(1, 3).setValue('备用列');
    exec(b, 'openSettings');
    orders.getRange(1, 3).setValue('金额');
    exec(b, 'flagStaleRecords');
    const settings = sheetValues(b, '设置')!;
    expect(settings.some((r) => r[3] === 's01@example.com')).toBe(true);
    exec(b, 'buildVisitSchedule');
    expect(sheetValues(b, '拜访计划')!.slice(1).some((r) => String(r[10]).split(', ').includes('s01@example.com'))).toBe(true);
  });
});

describe('the calendar step', () => {
  it('says so when the calendar ID is wrong, and does not retry it all day', () => {
    const b = sampleFile({ customers: 40 });
    exec(b, 'buildVisitSchedule');
    setSetting(b, '日历 ID', 'nobody@example.com');
    const r = exec(b, 'sendVisitInvites');
    expect(totalCalls(r.calls, 'Calendar.Events.insert')).toBe(1);
    expect(lastAlert(b)).toContain('找不到日历 “nobody@example.com”');
  });

  it('sums failures up in one sentence and one log append, and stops when they all say the same', () => {
    const b = sampleFile({ customers: 40 });
    exec(b, 'buildVisitSchedule');
    // Where the inserts come in a run (the same each time on the same file), each made to fail.
    const probe = sampleFile({ customers: 40 });
    exec(probe, 'buildVisitSchedule');
    const probeRun = probe.next();
    probeRun.run('sendVisitInvites', { ui: true });
    const inserts = [...probeRun.fakes.callLog()].map((name, i) => (name === 'Calendar.Events.insert' ? i + 1 : 0)).filter((i) => i > 0);
    const run = b.next();
    // The first five fail alike: the run stops there (the rest would fail the same way).
    for (const n of inserts.slice(0, 5)) run.fakes.failAt(n, { message: 'API call to calendar.events.insert failed with error: Forbidden' });
    const r = run.run('sendVisitInvites', { ui: true });
    expect(r.ok).toBe(true);
    expect(totalCalls(r.calls, 'Calendar.Events.insert')).toBe(5);
    expect(lastAlert(b)).toMatch(/5 项失败（例如：API call to calendar.events.insert failed with error: Forbidden），详见日志/);
    expect(totalCalls(r.calls, 'Range.setValues')).toBeLessThanOrEqual(4);
    const log = sheetValues(b, 'Kehu · 日志')!;
    // One line per failed row (its Kehu ID and the message), besides the run's own summary line.
    expect(log.filter((l) => /^k[0-9a-v]{25}: .*Forbidden$/.test(String(l[4]))).length).toBe(5);
  });

  it('finishes the day when the daily limit is reached, and sends nothing with a limit of 0', () => {
    const clock = new ManualClock('2026-11-20T09:00:00+08:00');
    const b = sampleFile({ customers: 40, clock });
    exec(b, 'flagStaleRecords');
    setSetting(b, '每日新日历邀请上限', 10);
    daily(b);
    expect(b.fakes.calendar.events().length).toBe(10);
    clock.advanceHours(1);
    expect(daily(b).callCount).toBeLessThan(10);
    setSetting(b, '每日新日历邀请上限', 0);
    clock.advanceDays(1);
    daily(b);
    expect(b.fakes.calendar.events().length).toBe(10);
    expect(String(sheetValues(b, 'Kehu · 日志')!.slice(-1)[0][4])).toContain('日历邀请已关闭');
  });
});

describe('two people in one file', () => {
  const colleague = 'colleague@example.com';

  it('only the person whose calendar holds the invites sends them; the colleague is told whose they are', () => {
    const b = sampleFile({ customers: 40 });
    exec(b, 'buildVisitSchedule');
    exec(b, 'sendVisitInvites');
    const made = b.fakes.calendar.events().length;
    const r = b.next().run('sendVisitInvites', { ui: true, user: colleague });
    expect(r.ok).toBe(true);
    expect(totalCalls(r.calls, 'Calendar')).toBe(0);
    expect(lastAlert(b)).toBe('这个文件的日历邀请从 owner@example.com 的日历发出，只能由 owner@example.com 发送（或由其开启的每日自动运行发送），以免重复或遗漏。');
    expect(b.fakes.calendar.events(colleague)).toEqual([]);
    expect(b.fakes.calendar.events().length).toBe(made);
  });

  it('one daily automation per file: a colleague can neither add a second nor turn off the owner\'s', () => {
    const b = sampleFile({ customers: 40 });
    exec(b, 'installAutomation');
    b.next().run('installAutomation', { ui: true, user: colleague });
    expect(lastAlert(b)).toContain('由 owner@example.com 开启');
    b.next().run('removeAutomation', { ui: true, user: colleague });
    expect(lastAlert(b)).toBe('每日自动运行由 owner@example.com 开启，只有 owner@example.com 能关闭。');
    expect(b.fakes.triggers.list().length).toBe(1);
    exec(b, 'removeAutomation');
    expect(b.fakes.triggers.list()).toEqual([]);
    b.next().run('installAutomation', { ui: true, user: colleague });
    expect(lastAlert(b)).toContain('每日自动运行已开启');
  });
});

describe('the run frame', () => {
  it('a trigger whose authorization lapsed stops at once, saying so, without touching the file', () => {
    const b = sampleFile({ customers: 40 });
    b.fakes.setAuthorization('REQUIRED');
    const r = daily(b);
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r.value)).toContain('需要重新授权');
    expect(r.callCount).toBeLessThan(3);
  });

  it('a failing flush at the end does not hide what the run did', () => {
    const b = sampleFile({ customers: 40 });
    const total = exec(sampleFile({ customers: 40 }), 'flagStaleRecords').callCount;
    const run = b.next();
    // The flush is the call before the lock's release, near the end of the run.
    const log = (() => {
      const probe = sampleFile({ customers: 40 }).next();
      probe.run('flagStaleRecords', { ui: true });
      return [...probe.fakes.callLog()];
    })();
    const flushAt = log.lastIndexOf('SpreadsheetApp.flush') + 1;
    expect(flushAt).toBeGreaterThan(total / 2);
    run.fakes.failAt(flushAt);
    const r = run.run('flagStaleRecords', { ui: true });
    expect(r.ok).toBe(true);
    expect(lastAlert(b)).toMatch(/^已为 40 位客户刷新分类和提醒/);
  });
});
