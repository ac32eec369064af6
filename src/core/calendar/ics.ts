/**
 * The visit schedule as an .ics file (RFC 5545) that any calendar imports: one VEVENT per
 * dated row, in the spreadsheet's zone (with a VTIMEZONE built from its offsets), the same
 * title, description and place as the invites, and UIDs that stay the same between exports.
 */
import type { RowStatus, ScheduleRow } from '../model';
import { ContentWriter, escapeText, quoteParam } from './contentLines';
import { eventIdFor, inviteAddresses, timingOf, type EventContext, type Timing } from './events';
import { icsDate, icsLocal, icsUtc, isRepeatedWallTime, offsetMinutesAt, wallAt, type Zone } from './time';
import { observancesFor, writeVtimezone } from './vtimezone';
import { eventDescription, eventLocation, eventSummary } from './words';

export interface IcsContext extends Omit<EventContext, 'today'> {
  /** The export's instant (DTSTAMP, and SEQUENCE: see below). */
  now: number;
  /** The calendar's name as importers show it (X-WR-CALNAME), e.g. "拜访计划 · 客户表". */
  calendarName: string;
}

const STATUS: Record<RowStatus, string> = {
  planned: 'CONFIRMED',
  moved: 'CONFIRMED',
  done: 'CONFIRMED',
  cancelled: 'CANCELLED',
  unscheduled: 'TENTATIVE',
};

/** SEQUENCE counts minutes since 2024-01-01 UTC at export: a later export of a changed row wins on re-import. */
const SEQUENCE_EPOCH = Date.UTC(2024, 0, 1);

/** A TZID parameter must be plain text; IANA names are, anything else is made so. */
function tzidOf(timeZone: string): string {
  const t = timeZone.replace(/[";:,\u0000-\u001f\u007f]/g, '_');
  return t === '' ? 'UTC' : t;
}

interface Dated {
  row: ScheduleRow & { day: number };
  timing: Timing;
}

function sortKey(d: Dated): number {
  return d.timing.allDay ? d.row.day * 86_400_000 : d.timing.start;
}

/**
 * The schedule as calendar file text (CRLF line ends, lines folded at 75 octets). Undated rows
 * and rows without a Kehu ID (none once the schedule has run) have no event and are left out;
 * a row without a time slot is an all-day event; cancelled rows are exported as CANCELLED.
 */
export function scheduleToIcs(rows: readonly ScheduleRow[], ctx: IcsContext): string {
  const zone: Zone = { clock: ctx.clock, offsetAt: ctx.offsetAt };
  const tzid = tzidOf(ctx.timeZone);
  const dated: Dated[] = [];
  for (const row of rows) {
    if (row.day === null || row.rowId === '') continue;
    const r = { ...row, day: row.day };
    dated.push({ row: r, timing: timingOf(r, zone, ctx) });
  }
  dated.sort((a, b) => sortKey(a) - sortKey(b) || (a.row.rowId < b.row.rowId ? -1 : a.row.rowId > b.row.rowId ? 1 : 0));

  const instants: number[] = [];
  for (const d of dated) if (!d.timing.allDay) instants.push(d.timing.start, d.timing.end);
  if (instants.length === 0) instants.push(ctx.now);

  const w = new ContentWriter();
  w.begin('VCALENDAR')
    .line('PRODID', `-//Kehu//Kehu visit schedule//${ctx.lang.toUpperCase()}`)
    .line('VERSION', '2.0')
    .line('CALSCALE', 'GREGORIAN')
    .line('METHOD', 'PUBLISH')
    .text('X-WR-CALNAME', ctx.calendarName)
    .text('X-WR-TIMEZONE', ctx.timeZone);
  writeVtimezone(w, tzid, observancesFor(zone, instants));

  const stamp = icsUtc(ctx.now);
  const sequence = String(Math.max(0, Math.floor((ctx.now - SEQUENCE_EPOCH) / 60_000)));
  // Local time with the TZID; in UTC where the local time happens twice (see isRepeatedWallTime).
  const time = (name: string, ms: number): void => {
    if (isRepeatedWallTime(zone, ms)) w.line(name, icsUtc(ms));
    else w.line(name, icsLocal(wallAt(ms, offsetMinutesAt(zone, ms))), [['TZID', tzid]]);
  };
  for (const { row, timing } of dated) {
    const details = ctx.customers?.get(row.customerId);
    w.begin('VEVENT')
      .line('UID', escapeText(`${eventIdFor(ctx.spreadsheetId, row.rowId)}@kehu`))
      .line('DTSTAMP', stamp);
    if (timing.allDay) {
      w.line('DTSTART', icsDate(timing.day), [['VALUE', 'DATE']]).line('DTEND', icsDate(timing.day + 1), [['VALUE', 'DATE']]);
    } else {
      time('DTSTART', timing.start);
      time('DTEND', timing.end);
    }
    w.text('SUMMARY', eventSummary(row, ctx.lang)).text('DESCRIPTION', eventDescription(row, details, ctx.spreadsheetUrl, ctx.lang));
    const location = eventLocation(details);
    if (location) w.text('LOCATION', location);
    const person = row.person.trim();
    const emails = inviteAddresses(row.email) ?? [];
    for (const email of emails) w.line('ATTENDEE', `mailto:${email}`, [['CN', quoteParam(emails.length === 1 && person ? person : email)]]);
    w.line('STATUS', STATUS[row.status]).line('SEQUENCE', sequence).end('VEVENT');
  }
  w.end('VCALENDAR');
  return w.toString();
}
