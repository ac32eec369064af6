/**
 * ScriptApp: installable triggers (time-driven and spreadsheet), authorization info, enums.
 * Add-on rules (workspace/add-ons/concepts/editor-triggers): one trigger of each type per user
 * per document, time-driven triggers at most once an hour; and 20 triggers per user per script
 * (guides/triggers/installable). Time-driven triggers fire when a test asks (fireDueTriggers),
 * exactly on schedule: Apps Script's random minute within the hour is not modelled.
 */
import { wallTime, zonedInstant } from '../zone';
import { isDate } from './cells';
import { LIMITS } from './limits';
import { counted, type Runtime } from './runtime';

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;
export const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED' } as const;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;
export const WeekDay = { SUNDAY: 'SUNDAY', MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY' } as const;

export type EventTypeName = keyof typeof EventType;

/** When a time-driven trigger runs. */
export type ClockSchedule =
  | { kind: 'hours'; every: number; minute: number }
  | { kind: 'days'; every: number; hour: number; minute: number; timeZone: string }
  | { kind: 'weeks'; every: number; weekday: number; hour: number; minute: number; timeZone: string }
  | { kind: 'once'; at: number };

export interface TriggerRecord {
  uid: string;
  handler: string;
  /** The user who made it; it runs as this user. */
  user: string;
  eventType: EventTypeName;
  source: keyof typeof TriggerSource;
  sourceId: string | null;
  schedule?: ClockSchedule;
  /** Epoch ms of the next run (time-driven only). */
  nextRun?: number;
  created: number;
  /** Times it fired. */
  runs: number;
}

const H = 3_600_000;
const WEEKDAYS = Object.values(WeekDay);

/**
 * The first slot (the schedule's local hour and minute, on its weekday) strictly after `after`;
 * after a run, the first one at least a period minus a day later (missed runs are skipped).
 */
function nextWallSlot(s: Extract<ClockSchedule, { kind: 'days' | 'weeks' }>, after: number, first: boolean): number {
  const stepDays = s.kind === 'days' ? s.every : 7 * s.every;
  const from = first ? after : after + (stepDays - 1) * 24 * H;
  const w = wallTime(s.timeZone, from);
  for (let d = 0; d <= 8; d++) {
    const at = zonedInstant(s.timeZone, w.year, w.month, w.day + d, s.hour, s.minute);
    if (at <= from) continue;
    if (s.kind === 'weeks' && wallTime(s.timeZone, at).weekday !== s.weekday) continue;
    return at;
  }
  throw new Error('unreachable: no next slot within 8 days');
}

/**
 * The next run strictly after `after`. `first`: the first run after creation at `after` (an
 * hourly trigger first runs one period later, at its minute); otherwise `previous` is the run
 * that just happened and missed runs are skipped, not caught up (as Apps Script does).
 */
export function nextRunOf(s: ClockSchedule, after: number, first: boolean, previous?: number): number | undefined {
  switch (s.kind) {
    case 'once':
      return first ? s.at : undefined;
    case 'hours': {
      const period = s.every * H;
      let at: number;
      if (first || previous === undefined) {
        const due = after + period;
        at = period < H ? due : Math.floor(due / H) * H + s.minute * 60_000;
        if (at <= after) at += H;
      } else {
        at = previous + period;
      }
      while (at <= after) at += period;
      return at;
    }
    case 'days':
    case 'weeks':
      return nextWallSlot(s, after, first);
  }
}

interface BuilderSpec {
  handler: string;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  after?: number;
  at?: number;
  timeZone?: string;
}

export function createScriptApp(rt: Runtime) {
  const { state } = rt;
  const myTriggers = (): TriggerRecord[] => state.triggers.filter((t) => t.user === rt.execution.user);

  const triggerObject = (t: TriggerRecord) =>
    counted('Trigger', {
      getHandlerFunction: () => t.handler,
      getUniqueId: () => t.uid,
      getEventType: () => t.eventType,
      getTriggerSource: () => t.source,
      getTriggerSourceId: () => t.sourceId,
    }, rt);
  const records = new WeakMap<object, TriggerRecord>();
  const wrap = (t: TriggerRecord) => {
    const o = triggerObject(t);
    records.set(o, t);
    return o;
  };

  const install = (t: Omit<TriggerRecord, 'uid' | 'user' | 'created' | 'runs'>) => {
    const mine = myTriggers();
    if (mine.length >= LIMITS.triggersPerUser) {
      throw rt.error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    if (state.addOn && mine.some((m) => m.eventType === t.eventType && m.sourceId === t.sourceId)) {
      throw rt.error(
        t.eventType === 'CLOCK'
          ? 'This add-on has created too many time-based triggers in this document for this Google user account.'
          : `This add-on has created too many ${t.eventType} triggers in this document for this Google user account.`,
      );
    }
    const record: TriggerRecord = { ...t, uid: String(4_000_000_000 + ++state.seq.trigger), user: rt.execution.user, created: rt.now(), runs: 0 };
    if (record.schedule) record.nextRun = nextRunOf(record.schedule, record.created, true);
    state.triggers.push(record);
    return wrap(record);
  };

  const clockBuilder = (spec: BuilderSpec) => {
    const int = (n: unknown, lo: number, hi: number, what: string): number => {
      const v = Number(n);
      if (!Number.isInteger(v) || v < lo || v > hi) throw rt.error(`Invalid argument: ${what}`);
      return v;
    };
    const b = counted('ClockTriggerBuilder', {
      everyMinutes(n: number) {
        if (state.addOn) throw rt.error('Add-ons can only create time-based triggers that run at most once per hour.');
        if (![1, 5, 10, 15, 30].includes(Number(n))) throw rt.error('Invalid argument: minutes (1, 5, 10, 15 or 30)');
        spec.everyMinutes = Number(n);
        return b;
      },
      everyHours(n: number) {
        spec.everyHours = int(n, 1, 24 * 7, 'hours');
        return b;
      },
      everyDays(n: number) {
        spec.everyDays = int(n, 1, 366, 'days');
        return b;
      },
      everyWeeks(n: number) {
        spec.everyWeeks = int(n, 1, 52, 'weeks');
        return b;
      },
      atHour(h: number) {
        spec.atHour = int(h, 0, 23, 'hour');
        return b;
      },
      nearMinute(m: number) {
        spec.nearMinute = int(m, 0, 59, 'minute');
        return b;
      },
      onWeekDay(day: string) {
        if (!WEEKDAYS.includes(day as never)) throw rt.error('Invalid argument: day');
        spec.onWeekDay = day;
        return b;
      },
      inTimezone(tz: string) {
        spec.timeZone = String(tz);
        return b;
      },
      after(ms: number) {
        spec.after = int(ms, 0, Number.MAX_SAFE_INTEGER, 'durationMilliseconds');
        return b;
      },
      at(date: Date) {
        if (!isDate(date)) throw rt.error('Invalid argument: date');
        spec.at = date.getTime();
        return b;
      },
      create() {
        const periodic = [spec.everyMinutes, spec.everyHours, spec.everyDays, spec.everyWeeks].filter((x) => x !== undefined).length;
        const once = [spec.after, spec.at].filter((x) => x !== undefined).length;
        if (periodic + once !== 1) throw rt.error('A time-based trigger needs exactly one of everyMinutes, everyHours, everyDays, everyWeeks, after or at.');
        if (spec.atHour !== undefined && spec.everyDays === undefined && spec.everyWeeks === undefined) {
          throw rt.error('atHour can only be used with everyDays or everyWeeks.');
        }
        const timeZone = spec.timeZone ?? state.scriptTimeZone;
        const created = rt.now();
        const minute = spec.nearMinute ?? wallTime(timeZone, created).minute;
        let schedule: ClockSchedule;
        if (spec.after !== undefined) schedule = { kind: 'once', at: created + spec.after };
        else if (spec.at !== undefined) schedule = { kind: 'once', at: spec.at };
        else if (spec.everyMinutes !== undefined) schedule = { kind: 'hours', every: spec.everyMinutes / 60, minute: 0 };
        else if (spec.everyHours !== undefined) schedule = { kind: 'hours', every: spec.everyHours, minute };
        else {
          const hour = spec.atHour ?? wallTime(timeZone, created).hour;
          schedule =
            spec.everyDays !== undefined
              ? { kind: 'days', every: spec.everyDays, hour, minute, timeZone }
              : { kind: 'weeks', every: spec.everyWeeks!, weekday: WEEKDAYS.indexOf((spec.onWeekDay ?? 'MONDAY') as never), hour, minute, timeZone };
        }
        return install({ handler: spec.handler, eventType: 'CLOCK', source: 'CLOCK', sourceId: null, schedule });
      },
    }, rt);
    return b;
  };

  const spreadsheetBuilder = (handler: string, sourceId: string) => {
    let eventType: EventTypeName | null = null;
    const b = counted('SpreadsheetTriggerBuilder', {
      onOpen() { eventType = 'ON_OPEN'; return b; },
      onEdit() { eventType = 'ON_EDIT'; return b; },
      onChange() { eventType = 'ON_CHANGE'; return b; },
      onFormSubmit() { eventType = 'ON_FORM_SUBMIT'; return b; },
      create() {
        if (!eventType) throw rt.error('A spreadsheet trigger needs onOpen, onEdit, onChange or onFormSubmit.');
        return install({ handler, eventType, source: 'SPREADSHEETS', sourceId });
      },
    }, rt);
    return b;
  };

  const sourceIdOf = (ss: unknown): string => {
    if (typeof ss === 'string') return ss;
    const id = (ss as { getId?: () => string })?.getId;
    if (typeof id !== 'function') throw rt.error('Invalid argument: spreadsheet');
    return state.spreadsheet.id;
  };

  return counted('ScriptApp', {
    newTrigger(functionName: string) {
      const handler = String(functionName);
      return counted('TriggerBuilder', {
        timeBased: () => clockBuilder({ handler }),
        forSpreadsheet: (ss: unknown) => spreadsheetBuilder(handler, sourceIdOf(ss)),
      }, rt);
    },
    getProjectTriggers: () => myTriggers().map(wrap),
    getUserTriggers: (ss: unknown) => {
      const id = sourceIdOf(ss);
      return myTriggers().filter((t) => t.sourceId === null || t.sourceId === id).map(wrap);
    },
    deleteTrigger(trigger: unknown) {
      const t = trigger && typeof trigger === 'object' ? records.get(trigger) : undefined;
      const uid = t?.uid ?? (trigger as { getUniqueId?: () => string })?.getUniqueId?.();
      if (uid === undefined) throw rt.error('Invalid argument: trigger');
      const i = state.triggers.findIndex((x) => x.uid === uid);
      if (i >= 0) state.triggers.splice(i, 1);
    },
    getAuthorizationInfo(authMode: string) {
      if (!Object.values(AuthMode).includes(authMode as never)) throw rt.error('Invalid argument: authMode');
      const auth = state.authorization.get(rt.execution.user) ?? { status: 'NOT_REQUIRED' as const, url: '' };
      return counted('AuthorizationInfo', {
        getAuthorizationStatus: () => auth.status,
        getAuthorizationUrl: () => (auth.status === 'REQUIRED' ? auth.url : null),
      }, rt);
    },
    // Granular consent: a scope the user declined ends the execution (Apps Script then shows the
    // consent screen when a person is there; a trigger just fails).
    requireScopes(authMode: string, scopes: unknown) {
      if (!Object.values(AuthMode).includes(authMode as never)) throw rt.error('Invalid argument: authMode');
      if (!Array.isArray(scopes) || scopes.some((x) => typeof x !== 'string')) throw rt.error('Invalid argument: oAuthScopes');
      const missing = scopes.filter((x) => state.declinedScopes?.has(x as string));
      if (missing.length) throw rt.error(`Authorization is required to perform that action. Missing scopes: ${missing.join(', ')}`);
    },
    getScriptId: () => `script-of-${state.spreadsheet.id}`,
    AuthMode,
    AuthorizationStatus,
    EventType,
    TriggerSource,
    WeekDay,
  }, rt);
}

/** The event object Apps Script passes a time-driven trigger's handler (fields in UTC). */
export function clockEvent(t: TriggerRecord, at: number): Record<string, unknown> {
  const d = new Date(at);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    authMode: AuthMode.FULL,
    triggerUid: t.uid,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    'day-of-month': d.getUTCDate(),
    'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
    'week-of-year': Math.ceil(((at - jan1) / 86_400_000 + new Date(jan1).getUTCDay() + 1) / 7),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    timezone: 'UTC',
  };
}
