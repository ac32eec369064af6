/**
 * How the automation is started and bounded: the menu in every authorization mode, the hourly
 * trigger and the day's run, the lock, the time budget, the daily event limit and the calendar's
 * own quota, and the .ics export read back by a real parser.
 */
import ICAL from 'ical.js';
import { ManualClock, totalCalls, type Clock } from '../../tools/gas/fakes';
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { exec, fileState, lastAlert, sampleFile, sheetValues, sheetOf, eventOf } from '../support/automation';

jest.setTimeout(120_000);

const daily = (b: LoadedBundle) => exec(b, 'runDailyAutomation', { ui: false });

/** Sets a parameter on the Settings sheet as a person would (the value cell beside its name). */
function setSetting(b: LoadedBundle, name: string, value: unknown): void {
  const sheet = sheetOf(b, '设置');
  const rows = sheet.getRange(1, 1, sheet.getLastRow(), 2).getValues();
  const at = rows.findIndex((r: unknown[]) => r[0] === name);
  if (at < 0) throw new Error(`no setting ${name}`);
  sheet.getRange(at + 1, 2).setValue(value);
}

describe('the add-on menu', () => {
  it('is built in AuthMode.NONE without any service that needs authorization, in the user\'s language', () => {
    const b = sampleFile();
    const r = b.next().run('onOpen', { authMode: 'NONE', ui: true, userLocale: 'zh_CN', args: [{ authMode: 'NONE' }] });
    expect(r.error).toBeUndefined();
    const captions = JSON.stringify(b.fakes.ui.menus());
    for (const c of ['客户卡片', '刷新分类和提醒', '生成拜访计划', '发送日历邀请', '导出日历文件 (.ics)', '设置', '开启每日自动运行', '关闭每日自动运行']) expect(captions).toContain(c);
  });

  it('follows the spreadsheet\'s locale once the add-on is enabled (LIMITED)', () => {
    const b = sampleFile({ locale: 'en_US' });
    const r = b.next().run('onOpen', { authMode: 'LIMITED', ui: true, userLocale: 'zh_CN', args: [{ authMode: 'LIMITED' }] });
    expect(r.error).toBeUndefined();
    expect(JSON.stringify(b.fakes.ui.menus())).toContain('Refresh classification and flags');
  });
});

describe('automation on and off, and the daily run', () => {
  it('installs one hourly trigger, says so twice, and removes it', () => {
    const b = sampleFile();
    exec(b, 'installAutomation');
    expect(lastAlert(b)).toContain('每日自动运行已开启');
    exec(b, 'installAutomation');
    expect(lastAlert(b)).toBe('每日自动运行本来就是开启的。');
    expect(b.fakes.triggers.list().map((t: { handler: string }) => t.handler)).toEqual(['runDailyAutomation']);
    exec(b, 'removeAutomation');
    expect(lastAlert(b)).toBe('每日自动运行已关闭。');
    expect(b.fakes.triggers.list()).toEqual([]);
  });

  it('runs the day\'s work once after the daily hour, and an hourly firing later that day does nothing', () => {
    const clock = new ManualClock('2026-11-20T04:10:00+08:00');
    const b = sampleFile({ clock });
    const early = daily(b);
    expect(early.ok).toBe(true);
    expect(b.fakes.direct.spreadsheet.getSheetByName('拜访计划')).toBeNull();
    clock.set('2026-11-20T06:20:00+08:00');
    expect(daily(b).ok).toBe(true);
    expect(sheetValues(b, '拜访计划')!.length).toBeGreaterThan(10);
    expect(b.fakes.calendar.events().length).toBeGreaterThan(0);
    clock.advanceHours(1);
    const later = daily(b);
    expect(later.callCount).toBeLessThan(10);
    expect(totalCalls(later.calls, 'Range.setValues')).toBe(0);
    // The next day, a firing before the daily hour returns at once: no lock, no Settings read.
    clock.set('2026-11-21T03:20:00+08:00');
    const before = daily(b);
    expect(before.ok).toBe(true);
    expect(totalCalls(before.calls, 'LockService')).toBe(0);
    expect(totalCalls(before.calls, 'Range.getValues')).toBe(0);
    expect(before.callCount).toBeLessThan(12);
    // After the hour it runs again.
    clock.set('2026-11-21T06:20:00+08:00');
    expect(totalCalls(daily(b).calls, 'Range.setValues')).toBeGreaterThan(0);
  });

  it('skips, and says so, while another run holds the document lock', () => {
    const b = sampleFile();
    const other = b.next();
    other.fakes.beginExecution({});
    const lockService = other.fakes.globals.LockService as { getDocumentLock(): { tryLock(ms: number): boolean } };
    expect(lockService.getDocumentLock().tryLock(0)).toBe(true);
    const r = exec(b, 'flagStaleRecords');
    expect(r.ok).toBe(true);
    expect(lastAlert(b)).toBe('另一个 Kehu 任务正在处理这个文件，本次未运行。请几分钟后再试。');
    expect(b.fakes.direct.spreadsheet.getSheetByName('Kehu · 客户状态')).toBeNull();
    other.fakes.endExecution();
    exec(b, 'flagStaleRecords');
    expect(lastAlert(b)).toMatch(/^已为 120 位客户刷新分类和提醒/);
  });
});

describe('limits of one run', () => {
  /** A clock where every look at the time costs 200 ms (a slow run), from 09:00. */
  function slowClock(): Clock {
    let t = Date.parse('2026-11-20T09:00:00+08:00');
    return { now: () => (t += 200), sleep: (ms: number) => void (t += ms) };
  }

  it('stops the calendar step before the time budget, and the next run finishes the same way an unhurried one does', () => {
    const calm = sampleFile({ customers: 40 });
    daily(calm);
    const expected = fileState(calm);

    const clock = slowClock();
    const b = sampleFile({ customers: 40, clock });
    exec(b, 'flagStaleRecords');
    setSetting(b, '时间预算（秒）', 30);
    const first = daily(b);
    expect(JSON.stringify(first.value)).toContain('暂停');
    const made = b.fakes.calendar.events().length;
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(calm.fakes.calendar.events().length);
    setSetting(b, '时间预算（秒）', 240);
    daily(b);
    expect(b.fakes.calendar.events().length).toBe(calm.fakes.calendar.events().length);
    const got = fileState(b) as { calendars?: unknown };
    expect(got.calendars).toEqual((expected as { calendars?: unknown }).calendars);
  });

  it('keeps to the daily limit of new events and continues the next day', () => {
    const clock = new ManualClock('2026-11-20T09:00:00+08:00');
    const b = sampleFile({ customers: 40, clock });
    exec(b, 'buildVisitSchedule');
    setSetting(b, '每日新日历邀请上限', 10);
    const r = exec(b, 'sendVisitInvites');
    expect(totalCalls(r.calls, 'Calendar.Events.insert')).toBe(10);
    expect(lastAlert(b)).toMatch(/新建 10.*已达到每日新邀请上限（10），其余 \d+ 项明天继续/);
    expect(totalCalls(exec(b, 'sendVisitInvites').calls, 'Calendar.Events.insert')).toBe(0);
    clock.advanceDays(1);
    expect(totalCalls(exec(b, 'sendVisitInvites').calls, 'Calendar.Events.insert')).toBe(10);
  });

  it('stops at the calendar\'s own quota error for the day and goes on the next day', () => {
    const clock = new ManualClock('2026-11-20T09:00:00+08:00');
    const b = sampleFile({ customers: 40, clock });
    exec(b, 'buildVisitSchedule');
    b.fakes.calendar.setDailyLimit(5);
    const r = exec(b, 'sendVisitInvites');
    expect(r.ok).toBe(true);
    expect(b.fakes.calendar.events().length).toBe(5);
    expect(totalCalls(r.calls, 'Calendar.Events.insert')).toBe(6);
    b.fakes.calendar.setDailyLimit(5000);
    // Google may keep the calendar read-only for hours: not again today (test/bundle/invites.test.ts).
    clock.advanceDays(1);
    exec(b, 'sendVisitInvites');
    // Every planned row from the new day on has its event; yesterday's unsent rows are past and left alone.
    const from = Date.parse('2026-11-21T00:00:00+08:00');
    const [header, ...body] = sheetValues(b, '拜访计划')!;
    const [email, status, event] = ['邮箱', '状态', '日历事件 ID'].map((h) => header.indexOf(h));
    const rows = body.filter((row) => row[0] instanceof Date && row[email] !== '' && row[status] === '计划');
    const due = rows.filter((row) => (row[0] as Date).getTime() >= from);
    expect(due.length).toBeGreaterThan(5);
    expect(due.every((row) => row[event] !== '')).toBe(true);
    expect(b.fakes.calendar.events().length).toBe(rows.filter((row) => row[event] !== '').length);
  });
});

describe('export as .ics', () => {
  it('offers a calendar file that ical.js reads back with one event per dated row', () => {
    const b = sampleFile({ customers: 40 });
    exec(b, 'buildVisitSchedule');
    const r = exec(b, 'exportVisitSchedule');
    expect(r.ok).toBe(true);
    const dialog = b.fakes.ui.lastDialog();
    expect(dialog?.kind).toBe('modal');
    const html = String(dialog?.html);
    const json = /var ics = (".*");/.exec(html)![1];
    const ics = JSON.parse(json) as string;
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents('vevent');
    const dated = sheetValues(b, '拜访计划')!.slice(1).filter((row) => row[0] !== '');
    expect(events.length).toBe(dated.length);
    const uids = new Set(events.map((e: ICAL.Component) => String(e.getFirstPropertyValue('uid'))));
    expect(uids.size).toBe(events.length);
    expect(cal.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
  });
});

describe('user text stays text', () => {
  it('a customer name that looks like a formula is written to the schedule as text', () => {
    const b = sampleFile({ customers: 40 });
    const customers = sheetOf(b, 'Customers');
    customers.getRange(2, 2).setValue("'=IMPORTXML(\"http://evil.example\",\"//a\")");
    const id = customers.getRange(2, 1).getValue();
    exec(b, 'buildVisitSchedule');
    const sheet = sheetOf(b, '拜访计划');
    const values = sheet.getDataRange().getValues();
    const at = values.findIndex((r: unknown[]) => r[2] === id);
    expect(at).toBeGreaterThan(0);
    expect(values[at][3]).toBe('=IMPORTXML("http://evil.example","//a")');
    expect(sheet.getRange(at + 1, 4).getFormula()).toBe('');
  });
});
