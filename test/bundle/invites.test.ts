/**
 * Sending invites: from the menu the person first sees what will happen and is asked (issue 10);
 * the daily trigger sends without asking; Google's rate limits are waited out with backoff, and
 * a usage limit (or a rate limit that lasts) stops the sending for the day (issue 11).
 */
import { ManualClock, totalCalls } from '../../tools/gas/fakes';
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { exec, lastAlert, sampleFile, sheetOf, sheetValues } from '../support/automation';

jest.setTimeout(120_000);

const SCHEDULE = '拜访计划';
const REGISTRY = 'Kehu · 日历记录';
const daily = (b: LoadedBundle) => exec(b, 'runDailyAutomation', { ui: false });

/** The yes/no questions shown so far. */
const questions = (b: LoadedBundle) => b.fakes.ui.alerts().filter((a) => a.buttons === 'YES_NO');

/** The figures of the question: new, changed, cancelled, people. */
function figures(question: string): number[] {
  const m = /新建 (\d+) 项，更新 (\d+) 项，取消 (\d+) 项，涉及 (\d+) 人/.exec(question);
  if (!m) throw new Error(`not the invite question: ${question}`);
  return m.slice(1).map(Number);
}

function scheduled(b: LoadedBundle): LoadedBundle {
  exec(b, 'buildVisitSchedule');
  return b;
}

const guests = (b: LoadedBundle) => new Set(b.fakes.calendar.events().flatMap((e) => ((e.attendees ?? []) as { email: string }[]).map((g) => g.email)));

describe('sending from the menu asks first', () => {
  it('shows the counts of the plan it will send, and "Yes" sends exactly that', () => {
    const b = scheduled(sampleFile({ customers: 40 }));
    b.fakes.ui.answer('YES');
    const r = exec(b, 'sendVisitInvites');
    expect(r.ok).toBe(true);
    const [asked] = questions(b);
    expect(asked.title).toBe('Kehu · 日历邀请');
    const [inserted, patched, cancelled, people] = figures(asked.prompt);
    expect(inserted).toBeGreaterThan(0);
    expect([patched, cancelled]).toEqual([0, 0]);
    expect(totalCalls(r.calls, 'Calendar.Events.insert')).toBe(inserted);
    expect(b.fakes.calendar.events()).toHaveLength(inserted);
    expect(people).toBe(guests(b).size);
    // The registry sheet holds its lines only, not a new sheet's 1,000 × 26.
    const registry = sheetValues(b, REGISTRY)!;
    expect(b.fakes.cellCount().sheets.find((s) => s.name === REGISTRY)).toMatchObject({ rows: registry.length, columns: registry[0].length });
  });

  it('"No" sends nothing and writes nothing', () => {
    const b = scheduled(sampleFile({ customers: 40 }));
    b.fakes.ui.answer('NO');
    const r = exec(b, 'sendVisitInvites');
    expect(r.ok).toBe(true);
    expect(questions(b)).toHaveLength(1);
    expect(totalCalls(r.calls, 'Calendar')).toBe(0);
    expect(totalCalls(r.calls, 'Range.setValues')).toBe(0);
    expect(b.fakes.calendar.events()).toEqual([]);
    expect(b.fakes.direct.spreadsheet.getSheetByName(REGISTRY)).toBeNull();
    expect(lastAlert(b)).toBe('没有发送任何邀请。');
  });

  it('counts changed and cancelled events after a person edits the schedule, and sends them on "Yes"', () => {
    const b = scheduled(sampleFile({ customers: 40 }));
    exec(b, 'sendVisitInvites');
    const before = b.fakes.calendar.events().length;
    const sheet = sheetOf(b, SCHEDULE);
    const rows = sheetValues(b, SCHEDULE)!;
    const eventCol = rows[0].indexOf('日历事件 ID');
    const invited = rows.map((r, i) => ({ r, i })).filter(({ r, i }) => i > 0 && r[eventCol] !== '');
    // One visit moves to another time; another row is deleted.
    sheet.getRange(invited[0].i + 1, 2).setValue('16:30');
    const removedEvent = String(invited[1].r[eventCol]);
    sheet.deleteRow(invited[1].i + 1);

    b.fakes.ui.answer('NO');
    exec(b, 'sendVisitInvites');
    const no = questions(b).at(-1)!;
    expect(figures(no.prompt)).toEqual([0, 1, 1, expect.any(Number)]);
    expect(b.fakes.calendar.event(removedEvent)?.status).toBe('confirmed');

    b.fakes.ui.answer('YES');
    const r = exec(b, 'sendVisitInvites');
    expect(totalCalls(r.calls, 'Calendar.Events.patch')).toBe(2);
    expect(b.fakes.calendar.event(removedEvent)?.status).toBe('cancelled');
    expect(b.fakes.calendar.events()).toHaveLength(before);
  });

  it('asks nothing when there is nothing to send', () => {
    const b = scheduled(sampleFile({ customers: 40 }));
    exec(b, 'sendVisitInvites');
    const asked = questions(b).length;
    const r = exec(b, 'sendVisitInvites');
    expect(questions(b)).toHaveLength(asked);
    expect(totalCalls(r.calls, 'Calendar')).toBe(0);
  });

  it('the daily trigger sends without asking', () => {
    const b = sampleFile({ customers: 40, clock: new ManualClock('2026-11-20T09:00:00+08:00') });
    const r = daily(b);
    expect(r.ok).toBe(true);
    expect(b.fakes.ui.alerts()).toEqual([]);
    expect(b.fakes.calendar.events().length).toBeGreaterThan(0);
  });
});

describe('Google\'s limits', () => {
  it('waits out a rate limit with backoff and sends everything', () => {
    const clock = new ManualClock('2026-11-20T09:00:00+08:00');
    const calm = scheduled(sampleFile({ customers: 40 }));
    exec(calm, 'sendVisitInvites');
    const b = scheduled(sampleFile({ customers: 40, clock }));
    b.fakes.calendar.setBurstLimit({ calls: 30, perMs: 1500 });
    const r = exec(b, 'sendVisitInvites');
    expect(r.ok).toBe(true);
    expect(totalCalls(r.calls, 'Utilities.sleep')).toBeGreaterThan(0);
    expect(b.fakes.calendar.events().length).toBe(calm.fakes.calendar.events().length);
    expect(lastAlert(b)).not.toMatch(/失败|限制/);
  });

  it('stops for the day on a usage limit: later runs that day do not knock again, the next day continues', () => {
    const clock = new ManualClock('2026-11-20T09:00:00+08:00');
    const b = sampleFile({ customers: 40, clock });
    b.fakes.calendar.setDailyLimit(5);
    const first = daily(b);
    expect(JSON.stringify(first.value)).toContain('今天不再发送');
    expect(b.fakes.calendar.events()).toHaveLength(5);
    // No backoff for a usage limit: it lasts hours.
    expect(totalCalls(first.calls, 'Utilities.sleep')).toBe(0);

    clock.advanceHours(1);
    b.fakes.calendar.setDailyLimit(5000);
    expect(totalCalls(daily(b).calls, 'Calendar')).toBe(0);
    const fromMenu = exec(b, 'sendVisitInvites');
    expect(totalCalls(fromMenu.calls, 'Calendar')).toBe(0);
    expect(lastAlert(b)).toContain('明天继续');

    clock.advanceDays(1);
    b.fakes.calendar.resetQuota();
    daily(b);
    const rows = sheetValues(b, SCHEDULE)!;
    const eventCol = rows[0].indexOf('日历事件 ID');
    const invited = rows.slice(1).filter((r) => r[eventCol] !== '');
    expect(invited.length).toBeGreaterThan(5);
    expect(b.fakes.calendar.events().filter((e) => e.status !== 'cancelled').length).toBeGreaterThanOrEqual(invited.length);
  });

  it('stops for the day when a rate limit outlasts the backoff (1 + 2 + 4 + 8 s)', () => {
    const clock = new ManualClock('2026-11-20T09:00:00+08:00');
    const b = scheduled(sampleFile({ customers: 40, clock }));
    b.fakes.calendar.setBurstLimit({ calls: 3, perMs: 3_600_000 });
    const r = exec(b, 'sendVisitInvites');
    expect(r.ok).toBe(true);
    expect(totalCalls(r.calls, 'Utilities.sleep')).toBe(4);
    expect(b.fakes.calendar.events()).toHaveLength(3);
    expect(lastAlert(b)).toContain('今天不再发送');
    b.fakes.calendar.setBurstLimit(null);
    expect(totalCalls(exec(b, 'sendVisitInvites').calls, 'Calendar')).toBe(0);
  });
});
