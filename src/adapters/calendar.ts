/**
 * The Advanced Calendar service (Calendar API v3): runs one planned sync action and answers its
 * outcome as plain data (src/core/calendar/sync.ts says what each outcome means). Apps Script
 * reports API errors as exceptions whose message carries the API's reason ("API call to
 * calendar.events.insert failed with error: The requested identifier already exists.").
 */
import { classifyCalendarError, type CallOutcome, type SyncAction } from '../core/calendar/sync';
import type { CalendarEventLike } from '../core/calendar/events';

type Event = GoogleAppsScript.Calendar.Schema.Event;

function events(): GoogleAppsScript.Calendar.Collection.EventsCollection {
  // Calendar is undefined when the advanced service is not enabled in the project.
  if (typeof Calendar === 'undefined' || !Calendar || !Calendar.Events) throw new Error('Calendar advanced service is not enabled');
  return Calendar.Events;
}

export function calendarAvailable(): boolean {
  try {
    events();
    return true;
  } catch (e) {
    return false;
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Sends one action. On 409 the event is read, so the caller can reconcile it with the row. */
export function sendAction(calendarId: string, action: SyncAction): CallOutcome {
  try {
    const api = events();
    if (action.kind === 'insert') api.insert(action.resource as Event, calendarId, { sendUpdates: action.sendUpdates });
    else api.patch(action.body as Event, calendarId, action.eventId, { sendUpdates: action.sendUpdates });
    return { kind: 'ok' };
  } catch (e) {
    const message = messageOf(e);
    switch (classifyCalendarError(message)) {
      case 'alreadyExists':
        return readExisting(calendarId, action.eventId);
      case 'notFound':
        return { kind: 'notFound' };
      case 'quota':
        return { kind: 'quota', message };
      default:
        return { kind: 'failed', message };
    }
  }
}

function readExisting(calendarId: string, eventId: string): CallOutcome {
  try {
    return { kind: 'alreadyExists', current: events().get(calendarId, eventId) as CalendarEventLike };
  } catch (e) {
    const message = messageOf(e);
    const kind = classifyCalendarError(message);
    if (kind === 'notFound') return { kind: 'notFound' };
    if (kind === 'quota') return { kind: 'quota', message };
    return { kind: 'failed', message };
  }
}

/**
 * A rate limit (too many calls in a short time: 403/429 rateLimitExceeded, "Service invoked too
 * many times in a short time") passes after a pause; Google's advice is exponential backoff. A
 * usage limit ("Calendar usage limits exceeded", quotaExceeded) does not: Google may keep the
 * calendar read-only for hours, so the caller stops for the day.
 */
export function isRateLimit(message: string): boolean {
  return /rate ?limit|too many (requests|times)|\b429\b/i.test(message) && !/usage limit|quotaExceeded|quota exceeded/i.test(message);
}

/** Pauses before the n-th retry (0-based): 1 s, 2 s, 4 s, 8 s. */
export const BACKOFF_MS: readonly number[] = [1000, 2000, 4000, 8000];

/**
 * Sends one action, and on a rate limit waits and tries again (up to BACKOFF_MS.length times)
 * while `mayWait(ms)` allows the pause (the run's time budget). Answers the last outcome: a
 * 'quota' outcome then means the calendar still refuses.
 */
export function sendActionWithBackoff(calendarId: string, action: SyncAction, mayWait: (ms: number) => boolean): CallOutcome {
  for (let retry = 0; ; retry++) {
    const outcome = sendAction(calendarId, action);
    if (outcome.kind !== 'quota' || !isRateLimit(outcome.message) || retry >= BACKOFF_MS.length) return outcome;
    const wait = BACKOFF_MS[retry];
    if (!mayWait(wait)) return outcome;
    Utilities.sleep(wait);
  }
}
