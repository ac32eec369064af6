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
