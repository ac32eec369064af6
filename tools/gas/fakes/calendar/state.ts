/** What the calendar remembers: events per calendar, the notifications sent, quota counters. */

/** An event as the Calendar API v3 stores it (a plain JSON resource). */
export type EventResource = Record<string, unknown> & { id: string; status: string };

/** An e-mail a real calendar would have sent a guest. */
export interface CalendarNotification {
  type: 'invite' | 'update' | 'cancel';
  /** The guest's e-mail. */
  to: string;
  calendarId: string;
  eventId: string;
  summary: string;
  /** The event's start (its dateTime or date) when the mail went out. */
  start: string | null;
  at: number;
}

export interface CalendarState {
  /** Calendar id (a user's e-mail for a primary calendar) → event id → event. */
  calendars: Map<string, Map<string, EventResource>>;
  /** Calendars other than users' primary ones that scripts may use (CalendarFakes.addCalendar). */
  extraCalendars: Set<string>;
  notifications: CalendarNotification[];
  /** Events a user may create in 24 hours. */
  dailyLimit: number;
  /** Inserts per user in the current 24-hour window. */
  quota: Map<string, { windowStart: number; created: number }>;
  /** Optional burst limit: at most `calls` Calendar calls within `perMs`. */
  burst: { calls: number; perMs: number } | null;
  recentCalls: number[];
  /** Counter for server-made ids and etags. */
  seq: number;
}

export function createCalendarState(dailyLimit: number): CalendarState {
  return { calendars: new Map(), extraCalendars: new Set(), notifications: [], dailyLimit, quota: new Map(), burst: null, recentCalls: [], seq: 0 };
}
