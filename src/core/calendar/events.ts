/**
 * The Calendar event a schedule row asks for (Calendar API v3 Events resource), its id, and
 * the signature that tells whether an event already sent still matches the row.
 */
import type { DayClock, OffsetAt } from '../dates';
import { hash128, signature } from '../hash';
import type { Lang } from '../locale';
import type { ScheduleRow } from '../model';
import { fullDate, instantOf, rfc3339, type Zone } from './time';
import { eventDescription, eventLocation, eventSummary, type CustomerDetails } from './words';

export type { CustomerDetails };

/**
 * The event id of a schedule row: 'kehu' + 26 base32hex characters (30 in all; Calendar accepts
 * a-v and 0-9, 5 to 1024 long). The same file and row give the same id on every run, so a
 * retried or cut run's second insert answers 409 instead of making a second event; another
 * file (a copy of the spreadsheet) gives other ids, so a copy never touches the original's events.
 */
export function eventIdFor(spreadsheetId: string, rowId: string): string {
  return `kehu${hash128(JSON.stringify([spreadsheetId, rowId]))}`;
}

/** True for a text Calendar accepts as a client-chosen event id. */
export function isEventId(text: string): boolean {
  return /^[a-v0-9]{5,1024}$/.test(text);
}

const ADDRESS = /^[^\s@,;:<>()[\]"\\\u0000-\u001f\u007f]+@[^\s@,;:<>()[\]"\\\u0000-\u001f\u007f]+\.[^\s@,;:<>()[\]"\\\u0000-\u001f\u007f.][^\s@,;:<>()[\]"\\\u0000-\u001f\u007f]*$/;

/**
 * The addresses an e-mail cell holds: [] when blank, several when separated by commas,
 * semicolons, 、 or spaces, and null when any part is not an address (the row then gets no
 * invite: the add-on never guesses an address; the schedule's note should say why).
 */
export function inviteAddresses(cell: string): string[] | null {
  const parts = cell.split(/[\s,;，；、]+/).filter((p) => p !== '');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts) {
    if (p.length > 254 || !ADDRESS.test(p)) return null;
    const key = p.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/** A timed start or end (with the zone's offset in dateTime), or a whole day. */
export type EventTime = { dateTime: string; timeZone: string } | { date: string };

export interface EventResource {
  id: string;
  summary: string;
  description: string;
  /** The customer's address; '' rather than absent, so a patch clears an old one. */
  location: string;
  start: EventTime;
  end: EventTime;
  attendees: { email: string; displayName?: string }[];
  reminders: { useDefault: boolean };
  extendedProperties: { private: { kehuRow: string; kehuFile: string } };
  status: 'confirmed';
}

/** What the invites need to know besides the row. */
export interface EventContext {
  /** Today in the spreadsheet's calendar: rows before it are past and left alone. */
  today: number;
  /** The spreadsheet's IANA zone name, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** The spreadsheet's DayClock and the offset function it was built on (asked only on days with a clock change). */
  clock: DayClock;
  offsetAt: OffsetAt;
  visitMinutes: number;
  callMinutes: number;
  spreadsheetId: string;
  spreadsheetUrl: string;
  lang: Lang;
  /** The customers' details for the description, by customer id. */
  customers?: ReadonlyMap<string, CustomerDetails>;
}

/** When a row's contact happens: instants for a row with a time slot, or the whole day without one. */
export type Timing = { allDay: false; start: number; end: number } | { allDay: true; day: number };

function durationOf(row: ScheduleRow, ctx: Pick<EventContext, 'visitMinutes' | 'callMinutes'>): number {
  const minutes = row.kind === 'call' ? ctx.callMinutes : ctx.visitMinutes;
  // Settings are validated when read; a caller passing something else is a bug, not a user's typo.
  if (!(Number.isFinite(minutes) && minutes > 0)) throw new Error(`calendar: ${row.kind} duration must be a positive number of minutes, got ${minutes}`);
  return minutes;
}

/** A slot is minutes after midnight within the day; anything else means "no time" (an all-day event). */
function isSlot(slot: number | null): slot is number {
  return slot !== null && Number.isInteger(slot) && slot >= 0 && slot < 24 * 60;
}

/** The timing of a dated row (call only for rows whose day is not null). */
export function timingOf(row: ScheduleRow & { day: number }, zone: Zone, ctx: Pick<EventContext, 'visitMinutes' | 'callMinutes'>): Timing {
  if (!isSlot(row.slot)) return { allDay: true, day: row.day };
  const start = instantOf(zone, row.day, row.slot);
  return { allDay: false, start, end: start + durationOf(row, ctx) * 60_000 };
}

/**
 * The event a schedule row asks for:
 * - done rows and rows dated before today → 'leave' (what happened is not rewritten), and so are
 *   rows with a cell the add-on cannot read (the row says so; the invite stays as it was);
 * - cancelled or unscheduled rows, undated rows, rows whose e-mail cell is blank or not an
 *   address → 'cancel' (no event; one made before is cancelled);
 * - planned and moved rows dated today or later with an address → a confirmed event with the
 *   person as guest. A row without a valid time slot becomes an all-day event.
 */
export function desiredEvent(row: ScheduleRow, ctx: EventContext): EventResource | 'cancel' | 'leave' {
  if (row.status === 'done') return 'leave';
  // A date, time, word or person a person typed that cannot be read: the invite stays as it was
  // (a time of 25:00 must never turn a visit into an all-day event); the row says why.
  if (row.unreadable && row.unreadable.length > 0) return 'leave';
  if (row.day !== null && row.day < ctx.today) return 'leave';
  if (row.status !== 'planned' && row.status !== 'moved') return 'cancel';
  if (row.day === null) return 'cancel';
  const emails = inviteAddresses(row.email);
  if (emails === null || emails.length === 0) return 'cancel';
  const zone: Zone = { clock: ctx.clock, offsetAt: ctx.offsetAt };
  const timing = timingOf({ ...row, day: row.day }, zone, ctx);
  const details = ctx.customers?.get(row.customerId);
  const person = row.person.trim();
  const named = emails.length === 1 && person !== '' && person.toLowerCase() !== emails[0].toLowerCase();
  return {
    id: eventIdFor(ctx.spreadsheetId, row.rowId),
    summary: eventSummary(row, ctx.lang),
    description: eventDescription(row, details, ctx.spreadsheetUrl, ctx.lang),
    location: eventLocation(details),
    start: timing.allDay ? { date: fullDate(timing.day) } : { dateTime: rfc3339(zone, timing.start), timeZone: ctx.timeZone },
    end: timing.allDay ? { date: fullDate(timing.day + 1) } : { dateTime: rfc3339(zone, timing.end), timeZone: ctx.timeZone },
    attendees: emails.map((email) => (named ? { email, displayName: person } : { email })),
    reminders: { useDefault: true },
    extendedProperties: { private: { kehuRow: row.rowId, kehuFile: ctx.spreadsheetId } },
    status: 'confirmed',
  };
}

/** An event as Events.get answers it (only the fields the signature reads; all may be missing). */
export interface CalendarEventLike {
  id?: string;
  status?: string;
  summary?: string;
  description?: string;
  location?: string;
  start?: { dateTime?: string | null; date?: string | null; timeZone?: string | null } | null;
  end?: { dateTime?: string | null; date?: string | null; timeZone?: string | null } | null;
  attendees?: readonly { email?: string | null }[] | null;
}

/** A start or end as one comparable key: the instant for a timed one (any offset form), the date for a day. */
function timeKey(t: CalendarEventLike['start']): string {
  if (!t) return '';
  if (t.dateTime) {
    const ms = Date.parse(t.dateTime);
    return ms === ms ? `t${ms}` : `s${t.dateTime}`;
  }
  return t.date ? `d${t.date}` : '';
}

/**
 * What matters for change detection, as 26 characters: 13 for what guests are told about
 * (start, end, guests, title, place, status) then 13 for the description. A change in the
 * first half is sent to the guests; a change in the description alone is patched quietly.
 */
export function eventSignature(event: CalendarEventLike): string {
  const emails = (event.attendees ?? [])
    .map((a) => (a.email ?? '').trim().toLowerCase())
    .filter((e) => e !== '')
    .sort();
  const notified = [timeKey(event.start), timeKey(event.end), emails, event.summary ?? '', event.location ?? '', event.status ?? 'confirmed'];
  return signature(JSON.stringify(notified)) + signature(JSON.stringify([event.description ?? '']));
}

/** True when two signatures differ in what guests are told about (not only in the description). */
export function notifiedChange(a: string, b: string): boolean {
  return a.slice(0, 13) !== b.slice(0, 13);
}
