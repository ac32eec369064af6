/**
 * The Advanced Calendar service (Calendar API v3) as the global `Calendar`: Events.insert, get,
 * patch, update, remove, list, with the API's documented behaviour:
 * - a client-chosen id is base32hex (a-v, 0-9), 5 to 1024 characters; an id that exists,
 *   including a cancelled event's, answers 409 "The requested identifier already exists.";
 * - remove marks the event cancelled (get still returns it; a second remove answers 410);
 * - patch merges objects, replaces arrays, deletes fields set to null; update replaces;
 * - sendUpdates 'all' mails guests (recorded: invite, update, cancel); 'none' (the default) does not;
 * - events created per user per day are limited ("Calendar usage limits exceeded."), and an
 *   optional burst limit answers "Service invoked too many times in a short time: calendar.".
 * Apps Script surfaces API errors as GoogleJsonResponseException: "API call to
 * calendar.events.<method> failed with error: <message>", with `details` { code, message, errors }.
 */
import { LIMITS } from '../limits';
import { counted, type Runtime } from '../runtime';
import type { CalendarNotification, EventResource } from './state';
import { eventTime, lacksZone, parseInstant } from './times';

const ID = /^[a-v0-9]{5,1024}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Fields the server owns: a client cannot set or change them. */
const SERVER_FIELDS = ['kind', 'etag', 'id', 'htmlLink', 'created', 'updated', 'creator', 'organizer', 'iCalUID'];
/** Fields whose change makes Google Calendar mail the guests an update. */
const NOTIFIED_FIELDS = ['summary', 'description', 'location', 'start', 'end', 'recurrence'];

type Args = Record<string, unknown> | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const copy = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** Patch semantics of Google APIs: objects merge, arrays and scalars replace, null deletes. */
function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (isObject(v) && isObject(out[k])) out[k] = merge(out[k] as Record<string, unknown>, v);
    else out[k] = copy(v);
  }
  return out;
}

const attendeeEmails = (e: EventResource | undefined): string[] =>
  Array.isArray(e?.attendees) ? (e!.attendees as { email?: unknown }[]).map((a) => String(a.email ?? '').toLowerCase()) : [];

export function createCalendar(rt: Runtime) {
  const cal = rt.state.calendar;

  class ApiError {
    constructor(readonly code: number, readonly reason: string, readonly message: string) {}
  }
  const fail = (code: number, reason: string, message: string): never => {
    throw new ApiError(code, reason, message);
  };

  /** Runs one API method, turning its failure into what Apps Script throws. */
  const api = <T>(method: string, body: () => T): T => {
    try {
      burstGate();
      return body();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      throw rt.error(`API call to calendar.events.${method} failed with error: ${e.message}`, 'GoogleJsonResponseException', {
        details: { code: e.code, message: e.message, errors: [{ domain: e.code === 403 ? 'usageLimits' : 'global', reason: e.reason, message: e.message }] },
      });
    }
  };

  const burstGate = (): void => {
    if (!cal.burst) return;
    const now = rt.now();
    cal.recentCalls = cal.recentCalls.filter((t) => t > now - cal.burst!.perMs);
    if (cal.recentCalls.length >= cal.burst.calls) {
      throw rt.error('Service invoked too many times in a short time: calendar. Try Utilities.sleep(1000) between calls.');
    }
    cal.recentCalls.push(now);
  };

  /** The user's e-mail for 'primary', or a calendar the script may use; 404 otherwise. */
  const owner = (): string => rt.execution.user.toLowerCase();
  const calendarKey = (calendarId: unknown): string => {
    const id = String(calendarId ?? '').toLowerCase();
    if (id === 'primary' || id === owner()) return owner();
    if (cal.extraCalendars.has(id)) return id;
    return fail(404, 'notFound', 'Not Found');
  };
  const eventsOf = (key: string): Map<string, EventResource> => {
    let m = cal.calendars.get(key);
    if (!m) cal.calendars.set(key, (m = new Map()));
    return m;
  };
  const find = (calendarId: unknown, eventId: unknown): { key: string; event: EventResource } => {
    const key = calendarKey(calendarId);
    const event = eventsOf(key).get(String(eventId));
    if (!event) fail(404, 'notFound', 'Not Found');
    return { key, event: event! };
  };

  const iso = (ms: number): string => new Date(ms).toISOString();
  const stamp = (e: Record<string, unknown>): void => {
    e.updated = iso(rt.now());
    e.etag = `"${3_000_000_000_000 + ++cal.seq}"`;
  };

  /** The API's checks of an event's content. */
  const validate = (e: Record<string, unknown>): void => {
    if (!isObject(e.start)) fail(400, 'required', 'Missing start time.');
    if (!isObject(e.end)) fail(400, 'required', 'Missing end time.');
    if (lacksZone(e.start)) fail(400, 'timeZoneRequired', 'Missing time zone definition for start time.');
    if (lacksZone(e.end)) fail(400, 'timeZoneRequired', 'Missing time zone definition for end time.');
    const start = eventTime(e.start);
    const end = eventTime(e.end);
    if (Number.isNaN(start) || Number.isNaN(end)) fail(400, 'invalid', 'Invalid start or end time.');
    if (end < start) fail(400, 'timeRangeEmpty', 'The specified time range is empty.');
    if (e.attendees !== undefined) {
      if (!Array.isArray(e.attendees)) fail(400, 'invalid', 'Invalid value for attendees.');
      for (const a of e.attendees as unknown[]) {
        if (!isObject(a) || typeof a.email !== 'string' || !EMAIL.test(a.email)) fail(400, 'invalid', 'Invalid attendee email.');
      }
    }
  };
  const withAttendeeDefaults = (e: Record<string, unknown>): void => {
    if (Array.isArray(e.attendees)) {
      e.attendees = (e.attendees as Record<string, unknown>[]).map((a) => ({ responseStatus: 'needsAction', ...a }));
    }
  };

  const notify = (type: CalendarNotification['type'], to: string[], calendarId: string, e: EventResource): void => {
    const start = isObject(e.start) ? ((e.start.dateTime ?? e.start.date ?? null) as string | null) : null;
    for (const email of to) {
      if (email === calendarId) continue; // the organizer is not mailed about their own event
      cal.notifications.push({ type, to: email, calendarId, eventId: e.id, summary: String(e.summary ?? ''), start, at: rt.now() });
    }
  };
  const sendsUpdates = (args: Args): boolean => args?.sendUpdates === 'all' || (args?.sendUpdates === undefined && args?.sendNotifications === true);

  /** The mails a change from `before` to `after` makes, when the script asked for updates. */
  const notifyChange = (args: Args, key: string, before: EventResource, after: EventResource): void => {
    if (!sendsUpdates(args)) return;
    const wasOn = before.status !== 'cancelled';
    const isOn = after.status !== 'cancelled';
    const old = attendeeEmails(before);
    const now = attendeeEmails(after);
    if (wasOn && !isOn) return notify('cancel', old, key, after);
    if (!wasOn && isOn) return notify('invite', now, key, after);
    if (!isOn) return;
    notify('invite', now.filter((a) => !old.includes(a)), key, after);
    notify('cancel', old.filter((a) => !now.includes(a)), key, after);
    const changed = NOTIFIED_FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    if (changed) notify('update', now.filter((a) => old.includes(a)), key, after);
  };

  const takeQuota = (): void => {
    const user = owner();
    const now = rt.now();
    let q = cal.quota.get(user);
    // Apps Script's daily quotas refresh 24 hours after the window opened.
    if (!q || now - q.windowStart >= 86_400_000) cal.quota.set(user, (q = { windowStart: now, created: 0 }));
    if (q.created >= cal.dailyLimit) fail(403, 'quotaExceeded', 'Calendar usage limits exceeded.');
    q.created++;
  };

  const Events = counted('Calendar.Events', {
    insert(resource: unknown, calendarId: unknown, optionalArgs?: Args) {
      return api('insert', () => {
        if (!isObject(resource)) fail(400, 'required', 'Missing resource.');
        const r = resource as Record<string, unknown>;
        const key = calendarKey(calendarId);
        const events = eventsOf(key);
        let id: string;
        if (r.id !== undefined) {
          id = String(r.id);
          if (!ID.test(id)) fail(400, 'invalid', 'Invalid resource id value.');
          if (events.has(id)) fail(409, 'duplicate', 'The requested identifier already exists.');
        } else {
          do id = `f${(++cal.seq).toString(32).padStart(12, '0')}`; while (events.has(id));
        }
        const content = copy(r);
        for (const f of SERVER_FIELDS) delete content[f];
        validate(content);
        takeQuota();
        const now = iso(rt.now());
        const event = {
          kind: 'calendar#event',
          id,
          status: 'confirmed',
          htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${key}`).toString('base64url')}`,
          created: now,
          creator: { email: key },
          organizer: { email: key, self: true },
          iCalUID: `${id}@google.com`,
          sequence: 0,
          reminders: { useDefault: true },
          eventType: 'default',
          ...content,
        } as EventResource;
        withAttendeeDefaults(event);
        stamp(event);
        events.set(id, event);
        if (sendsUpdates(optionalArgs) && event.status !== 'cancelled') notify('invite', attendeeEmails(event), key, event);
        return rt.copyOut(event);
      });
    },
    get(calendarId: unknown, eventId: unknown) {
      return api('get', () => rt.copyOut(find(calendarId, eventId).event));
    },
    patch(resource: unknown, calendarId: unknown, eventId: unknown, optionalArgs?: Args) {
      return api('patch', () => {
        if (!isObject(resource)) fail(400, 'required', 'Missing resource.');
        const { key, event } = find(calendarId, eventId);
        const change = copy(resource as Record<string, unknown>);
        for (const f of SERVER_FIELDS) delete change[f];
        const next = merge(event, change) as EventResource;
        validate(next);
        withAttendeeDefaults(next);
        next.sequence = Number(event.sequence ?? 0) + 1;
        stamp(next);
        eventsOf(key).set(event.id, next);
        notifyChange(optionalArgs, key, event, next);
        return rt.copyOut(next);
      });
    },
    update(resource: unknown, calendarId: unknown, eventId: unknown, optionalArgs?: Args) {
      return api('update', () => {
        if (!isObject(resource)) fail(400, 'required', 'Missing resource.');
        const { key, event } = find(calendarId, eventId);
        const content = copy(resource as Record<string, unknown>);
        for (const f of SERVER_FIELDS) delete content[f];
        const kept = Object.fromEntries(SERVER_FIELDS.filter((f) => f in event).map((f) => [f, event[f]]));
        // A full replace: whatever the resource leaves out returns to its default (a cancelled event comes back).
        const next = { ...kept, id: event.id, status: 'confirmed', reminders: { useDefault: true }, eventType: 'default', ...content } as EventResource;
        validate(next);
        withAttendeeDefaults(next);
        next.sequence = Number(event.sequence ?? 0) + 1;
        stamp(next);
        eventsOf(key).set(event.id, next);
        notifyChange(optionalArgs, key, event, next);
        return rt.copyOut(next);
      });
    },
    remove(calendarId: unknown, eventId: unknown, optionalArgs?: Args) {
      api('remove', () => {
        const { key, event } = find(calendarId, eventId);
        if (event.status === 'cancelled') fail(410, 'deleted', 'Resource has been deleted');
        const next = { ...event, status: 'cancelled', sequence: Number(event.sequence ?? 0) + 1 } as EventResource;
        stamp(next);
        eventsOf(key).set(event.id, next);
        notifyChange(optionalArgs, key, event, next);
      });
    },
    list(calendarId: unknown, optionalArgs?: Args) {
      return api('list', () => {
        const key = calendarKey(calendarId);
        const args = optionalArgs ?? {};
        const bound = (name: string): number | null => {
          if (args[name] === undefined) return null;
          const t = parseInstant(args[name]);
          if (Number.isNaN(t)) fail(400, 'badRequest', 'Bad Request');
          return t;
        };
        const timeMin = bound('timeMin');
        const timeMax = bound('timeMax');
        const updatedMin = bound('updatedMin');
        const props = (name: string): [string, string][] =>
          ([] as unknown[]).concat(args[name] ?? []).map((p) => {
            const text = String(p);
            const eq = text.indexOf('=');
            if (eq < 0) fail(400, 'badRequest', 'Bad Request');
            return [text.slice(0, eq), text.slice(eq + 1)];
          });
        const privateProps = props('privateExtendedProperty');
        const sharedProps = props('sharedExtendedProperty');
        const q = typeof args.q === 'string' ? args.q.toLowerCase() : null;
        const hasAll = (e: EventResource, kind: 'private' | 'shared', wanted: [string, string][]): boolean => {
          const store = (isObject(e.extendedProperties) && isObject(e.extendedProperties[kind]) ? e.extendedProperties[kind] : {}) as Record<string, unknown>;
          return wanted.every(([k, v]) => store[k] === v);
        };
        let items = [...eventsOf(key).values()].filter((e) => {
          if (e.status === 'cancelled' && args.showDeleted !== true) return false;
          if (timeMin !== null && !(eventTime(e.end) > timeMin)) return false;
          if (timeMax !== null && !(eventTime(e.start) < timeMax)) return false;
          if (updatedMin !== null && !(Date.parse(String(e.updated)) >= updatedMin)) return false;
          if (!hasAll(e, 'private', privateProps) || !hasAll(e, 'shared', sharedProps)) return false;
          if (q && ![e.summary, e.description, e.location].some((f) => String(f ?? '').toLowerCase().includes(q))) return false;
          return true;
        });
        if (args.orderBy === 'startTime') items.sort((a, b) => eventTime(a.start) - eventTime(b.start));
        else if (args.orderBy === 'updated') items.sort((a, b) => String(a.updated).localeCompare(String(b.updated)));
        const max = Math.min(Math.max(Number(args.maxResults ?? LIMITS.calendarListDefault) || LIMITS.calendarListDefault, 1), LIMITS.calendarListMax);
        let offset = 0;
        if (args.pageToken !== undefined) {
          const m = /^page-(\d+)$/.exec(Buffer.from(String(args.pageToken), 'base64url').toString());
          if (!m) fail(400, 'invalid', 'Invalid page token value.');
          offset = Number(m![1]);
        }
        const page = items.slice(offset, offset + max);
        const more = offset + max < items.length;
        items = page;
        return rt.copyOut({
          kind: 'calendar#events',
          summary: key,
          updated: iso(rt.now()),
          timeZone: rt.state.scriptTimeZone,
          accessRole: 'owner',
          items,
          ...(more ? { nextPageToken: Buffer.from(`page-${offset + max}`).toString('base64url') } : {}),
        });
      });
    },
  }, rt);

  return { Events };
}
