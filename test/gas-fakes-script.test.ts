/** ScriptApp fakes: installable triggers with the add-on limits, authorization info, Session. */
import { createGasFakes, ManualClock, nextRunOf } from '../tools/gas/fakes';
import { zonedInstant } from '../tools/gas/zone';

type Trigger = { getHandlerFunction(): string; getUniqueId(): string; getEventType(): string; getTriggerSource(): string };
type Builder = Record<string, (...a: unknown[]) => Builder> & { create(): Trigger };
type Script = {
  newTrigger(fn: string): { timeBased(): Builder; forSpreadsheet(ss: unknown): Builder };
  getProjectTriggers(): Trigger[];
  getUserTriggers(ss: unknown): Trigger[];
  deleteTrigger(t: Trigger): void;
  getAuthorizationInfo(mode: string): { getAuthorizationStatus(): string; getAuthorizationUrl(): string | null };
  AuthMode: Record<string, string>;
  AuthorizationStatus: Record<string, string>;
  EventType: Record<string, string>;
  TriggerSource: Record<string, string>;
};
type Session = {
  getActiveUser(): { getEmail(): string };
  getEffectiveUser(): { getEmail(): string };
  getActiveUserLocale(): string;
  getScriptTimeZone(): string;
  getTemporaryActiveUserKey(): string;
};

const H = 3_600_000;

function fakes(options: Parameters<typeof createGasFakes>[0] = {}) {
  const clock = new ManualClock('2026-03-02T01:10:00Z'); // 09:10 in Shanghai, a Monday
  const f = createGasFakes({ clock, ...options });
  return { ...f, clock, ScriptApp: f.globals.ScriptApp as Script, Session: f.globals.Session as Session };
}

describe('time-driven triggers', () => {
  it('creates an hourly trigger and lists it for its user', () => {
    const f = fakes();
    const t = f.ScriptApp.newTrigger('runDailyAutomation').timeBased().everyHours(1).create();
    expect(t.getHandlerFunction()).toBe('runDailyAutomation');
    expect(t.getEventType()).toBe(f.ScriptApp.EventType.CLOCK);
    expect(t.getTriggerSource()).toBe(f.ScriptApp.TriggerSource.CLOCK);
    expect(f.ScriptApp.getProjectTriggers().map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    expect(f.ScriptApp.getUserTriggers(f.spreadsheet)).toHaveLength(1);
    expect(f.triggers.list()[0]).toMatchObject({ handler: 'runDailyAutomation', user: 'owner@example.com', nextRun: f.clock.now() + H, runs: 0 });
    f.beginExecution({ user: 'rep@example.com' });
    expect(f.ScriptApp.getProjectTriggers()).toEqual([]); // another user's triggers are theirs
    f.endExecution();
    f.ScriptApp.deleteTrigger(f.ScriptApp.getProjectTriggers()[0]);
    expect(f.triggers.list()).toEqual([]);
    expect(f.calls.get('ScriptApp.newTrigger')).toBe(1);
    expect(f.calls.get('ClockTriggerBuilder.create')).toBe(1);
  });

  it('enforces the add-on rules: at most hourly, one clock trigger per user per document', () => {
    const f = fakes();
    expect(() => f.ScriptApp.newTrigger('tick').timeBased().everyMinutes(30)).toThrow('at most once per hour');
    f.ScriptApp.newTrigger('a').timeBased().everyHours(1).create();
    expect(() => f.ScriptApp.newTrigger('b').timeBased().everyDays(1).atHour(6).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    f.beginExecution({ user: 'rep@example.com' });
    expect(() => f.ScriptApp.newTrigger('a').timeBased().everyHours(1).create()).not.toThrow(); // a different user
  });

  it('allows 20 triggers per user per script outside add-on rules', () => {
    const f = fakes({ addOn: false });
    for (let i = 0; i < 20; i++) f.ScriptApp.newTrigger(`f${i}`).timeBased().everyMinutes(5).create();
    expect(() => f.ScriptApp.newTrigger('one-more').timeBased().everyHours(2).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  });

  it('checks the builder the way Apps Script does', () => {
    const f = fakes();
    expect(() => f.ScriptApp.newTrigger('x').timeBased().everyHours(1).atHour(6).create()).toThrow('atHour can only be used with everyDays or everyWeeks');
    expect(() => f.ScriptApp.newTrigger('x').timeBased().create()).toThrow('needs exactly one of');
    expect(() => f.ScriptApp.newTrigger('x').timeBased().atHour(24)).toThrow('Invalid argument: hour');
  });

  it('schedules daily runs at the local hour, across a daylight-saving change', () => {
    const f = fakes({ timeZone: 'America/New_York', clock: new ManualClock('2026-03-07T12:00:00Z') });
    f.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).nearMinute(30).create();
    const first = f.triggers.list()[0].nextRun!;
    expect(first).toBe(zonedInstant('America/New_York', 2026, 3, 8, 6, 30)); // Sunday, the day clocks go forward
    const second = nextRunOf(f.state.triggers[0].schedule!, first, false, first)!;
    expect(second).toBe(zonedInstant('America/New_York', 2026, 3, 9, 6, 30));
    expect(second - first).toBe(24 * H); // 06:30 EDT to 06:30 EDT
  });

  it('lists due triggers by the fake clock', () => {
    const f = fakes();
    f.ScriptApp.newTrigger('later').timeBased().after(10 * 60_000).create();
    expect(f.triggers.due()).toEqual([]);
    f.clock.advanceMinutes(10);
    expect(f.triggers.due().map((t) => t.handler)).toEqual(['later']);
  });

  it('makes spreadsheet triggers, one of each type per user', () => {
    const f = fakes();
    f.ScriptApp.newTrigger('onEditHandler').forSpreadsheet(f.spreadsheet).onEdit().create();
    expect(f.triggers.list()[0]).toMatchObject({ eventType: 'ON_EDIT', nextRun: null });
    expect(() => f.ScriptApp.newTrigger('other').forSpreadsheet(f.spreadsheet).onEdit().create()).toThrow('too many ON_EDIT triggers');
  });
});

describe('authorization', () => {
  it('answers getAuthorizationInfo as the test sets it, and lapsed authorization stops services', () => {
    const f = fakes();
    const info = () => f.ScriptApp.getAuthorizationInfo(f.ScriptApp.AuthMode.FULL);
    expect(info().getAuthorizationStatus()).toBe(f.ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(info().getAuthorizationUrl()).toBeNull();
    f.setAuthorization('REQUIRED', { url: 'https://example.com/auth' });
    expect(info().getAuthorizationStatus()).toBe('REQUIRED');
    expect(info().getAuthorizationUrl()).toBe('https://example.com/auth');
    expect(() => f.spreadsheet.getSheets()).toThrow('Authorization is required to perform that action.');
    expect(() => f.ScriptApp.getAuthorizationInfo('SOME')).toThrow('Invalid argument: authMode');
  });

  it('has the enums', () => {
    const { ScriptApp } = fakes();
    expect(Object.keys(ScriptApp.AuthMode)).toEqual(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
    expect(ScriptApp.AuthMode.NONE).toBe('NONE');
  });
});

describe('Session', () => {
  it('answers who runs the script, their locale and the script time zone', () => {
    const f = fakes({ userLocale: 'zh-CN', scriptTimeZone: 'Asia/Shanghai' });
    expect(f.Session.getActiveUser().getEmail()).toBe('owner@example.com');
    expect(f.Session.getActiveUserLocale()).toBe('zh-CN');
    expect(f.Session.getScriptTimeZone()).toBe('Asia/Shanghai');
    const key = f.Session.getTemporaryActiveUserKey();
    expect(key).toBe(f.Session.getTemporaryActiveUserKey());
    f.beginExecution({ user: 'rep@example.com', activeUserHidden: true, userLocale: 'en' });
    expect(f.Session.getActiveUser().getEmail()).toBe(''); // a consumer account in someone else's file
    expect(f.Session.getEffectiveUser().getEmail()).toBe('rep@example.com');
    expect(f.Session.getActiveUserLocale()).toBe('en');
    expect(f.Session.getTemporaryActiveUserKey()).not.toBe(key);
    expect(f.calls.get('User.getEmail')).toBe(3);
  });

  it('gives only the locale where user data is not allowed', () => {
    const f = fakes();
    f.beginExecution({ authMode: 'NONE' });
    expect(() => f.Session.getActiveUserLocale()).not.toThrow();
    expect(() => f.Session.getActiveUser()).toThrow(
      'You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
  });
});
