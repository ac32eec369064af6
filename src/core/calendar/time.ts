/**
 * Wall-clock times of the spreadsheet's zone as instants, and back, for calendar events.
 *
 * A DayClock already knows where each local day starts, learnt cheaply and cached. A day that
 * lasts exactly 24 hours has one offset from its first instant to its last (zones change at
 * most once a day), so on such a day a slot's instant is simply startOfDay + minutes. Only a
 * day of 23 or 25 hours needs the zone's offset itself (OffsetAt: a Utilities call in Apps
 * Script), once per such day.
 */
import { civilFromDays, DayClock, MS_PER_DAY, type OffsetAt } from '../dates';

const MS_PER_MINUTE = 60_000;

/** The zone as the calendar code needs it: the cached clock and the offset function behind it. */
export interface Zone {
  clock: DayClock;
  offsetAt: OffsetAt;
}

/** The clock change on a local day of 23 or 25 hours: from instant `at` the offset is `after` (minutes). */
interface DayChange {
  at: number;
  before: number;
  after: number;
}

// Per DayClock (one per spreadsheet zone and run): change days learnt, so each costs its
// OffsetAt calls once (two ends and a bisection of the day to the minute, about 13 calls).
const changeDays = new WeakMap<DayClock, Map<number, DayChange | null>>();

/** The change on `day`, or null when the day is 24 hours long (one offset throughout). */
function changeOn(zone: Zone, day: number): DayChange | null {
  let known = changeDays.get(zone.clock);
  if (!known) changeDays.set(zone.clock, (known = new Map()));
  const cached = known.get(day);
  if (cached !== undefined) return cached;
  const start = zone.clock.startOfDay(day);
  const end = zone.clock.startOfDay(day + 1);
  let change: DayChange | null = null;
  if (end - start !== MS_PER_DAY) {
    let lo = start - MS_PER_MINUTE;
    let hi = end - MS_PER_MINUTE;
    const before = zone.offsetAt(lo);
    const after = zone.offsetAt(hi);
    while (hi - lo > MS_PER_MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (zone.offsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    change = { at: before === after ? start : hi, before, after };
  }
  known.set(day, change);
  return change;
}

/** Minutes east of UTC at the instant `ms`. */
export function offsetMinutesAt(zone: Zone, ms: number): number {
  const day = zone.clock.dayOf(ms);
  const change = changeOn(zone, day);
  if (change) return ms < change.at ? change.before : change.after;
  return Math.round((day * MS_PER_DAY - zone.clock.startOfDay(day)) / MS_PER_MINUTE);
}

/**
 * The instant at which the zone's clocks read `minutes` after midnight of `day`.
 *
 * On a day with a change the rules are RFC 5545's (and Sheets'): a time the clocks skip is read
 * with the offset before the gap (02:30 on a spring-forward day is 03:30 summer time), a time
 * that happens twice is its first occurrence.
 */
export function instantOf(zone: Zone, day: number, minutes: number): number {
  const change = changeOn(zone, day);
  if (!change) return zone.clock.startOfDay(day) + minutes * MS_PER_MINUTE;
  const wall = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
  const offAt = (ms: number): number => (ms < change.at ? change.before : change.after);
  const fits = [wall - change.before * MS_PER_MINUTE, wall - change.after * MS_PER_MINUTE]
    .filter((ms) => offAt(ms) * MS_PER_MINUTE === wall - ms)
    .sort((a, b) => a - b);
  return fits.length > 0 ? fits[0] : wall - change.before * MS_PER_MINUTE;
}

/**
 * True when the zone's clocks show the wall time of `ms` twice that day (the hour repeated when
 * summer time ends). RFC 5545 reads such a local time as its first occurrence, but not every
 * reader does (ical.js takes the second), so the export writes these in UTC.
 */
export function isRepeatedWallTime(zone: Zone, ms: number): boolean {
  const change = changeOn(zone, zone.clock.dayOf(ms));
  if (!change || change.before === change.after) return false;
  const wall = ms + offsetMinutesAt(zone, ms) * MS_PER_MINUTE;
  const offAt = (t: number): number => (t < change.at ? change.before : change.after);
  return [change.before, change.after].every((o) => offAt(wall - o * MS_PER_MINUTE) === o);
}

/** The wall-clock reading of an instant at a known offset. */
export interface Wall {
  y: number;
  m: number;
  d: number;
  hh: number;
  mm: number;
  ss: number;
}

export function wallAt(ms: number, offsetMinutes: number): Wall {
  const local = ms + offsetMinutes * MS_PER_MINUTE;
  const day = Math.floor(local / MS_PER_DAY);
  const inDay = local - day * MS_PER_DAY;
  const { y, m, d } = civilFromDays(day);
  const seconds = Math.floor(inDay / 1000);
  return { y, m, d, hh: Math.floor(seconds / 3600), mm: Math.floor(seconds / 60) % 60, ss: seconds % 60 };
}

const p2 = (n: number): string => String(n).padStart(2, '0');
const p4 = (n: number): string => String(n).padStart(4, '0');

/** "+08:00", "-04:00", "+05:45": an RFC 3339 offset (minutes east). */
export function rfc3339Offset(offsetMinutes: number): string {
  const a = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
}

/** "2024-03-11T09:00:00-04:00": the instant as the zone's clocks read it, with the offset. */
export function rfc3339(zone: Zone, ms: number): string {
  const off = offsetMinutesAt(zone, ms);
  const w = wallAt(ms, off);
  return `${p4(w.y)}-${p2(w.m)}-${p2(w.d)}T${p2(w.hh)}:${p2(w.mm)}:${p2(w.ss)}${rfc3339Offset(off)}`;
}

/** "2024-03-11": a day as an RFC 3339 full-date (all-day events). */
export function fullDate(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${p4(y)}-${p2(m)}-${p2(d)}`;
}

/** iCalendar DATE-TIME without zone (local to a TZID), "20240311T090000". */
export function icsLocal(w: Wall): string {
  return `${p4(w.y)}${p2(w.m)}${p2(w.d)}T${p2(w.hh)}${p2(w.mm)}${p2(w.ss)}`;
}

/** iCalendar DATE, "20240311". */
export function icsDate(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${p4(y)}${p2(m)}${p2(d)}`;
}

/** iCalendar UTC DATE-TIME, "20240311T130000Z" (DTSTAMP). */
export function icsUtc(ms: number): string {
  return `${icsLocal(wallAt(ms, 0))}Z`;
}

/** iCalendar UTC-OFFSET, "-0400", "+0545". */
export function icsOffset(offsetMinutes: number): string {
  return rfc3339Offset(offsetMinutes).replace(':', '');
}
