/**
 * Date cells between an instant (what Apps Script hands a script: a Date) and a Sheets serial
 * number (days since 1899-12-30, the fraction is the time of day: a wall-clock reading with no
 * zone). The spreadsheet's time zone links the two, as in Sheets, so 2026-11-20 typed into a
 * Shanghai file is 2026-11-20T00:00+08:00 to a script whatever zone the Node process runs in.
 */
import { wallTime, zonedInstant } from '../gas/zone';

const MS_PER_DAY = 86_400_000;
/** Day 0 of Sheets' serial numbers, as a day count from 1970-01-01. */
const SERIAL_EPOCH_DAY = Date.UTC(1899, 11, 30) / MS_PER_DAY;

const two = (n: number): string => String(n).padStart(2, '0');

// Reading a zone's offset costs a few Intl calls; a file's dates repeat (an order log's days), so
// both directions are remembered, per zone, up to a bound.
const MEMO_LIMIT = 200_000;
const toMsMemo = new Map<string, Map<number, number>>();
const toSerialMemo = new Map<string, Map<number, number>>();

function memo(store: Map<string, Map<number, number>>, timeZone: string, key: number, compute: () => number): number {
  let m = store.get(timeZone);
  if (!m) store.set(timeZone, (m = new Map()));
  let v = m.get(key);
  if (v === undefined) {
    v = compute();
    if (m.size >= MEMO_LIMIT) m.clear();
    m.set(key, v);
  }
  return v;
}

/** The instant (epoch ms) a date cell holding `serial` stands for in `timeZone`. */
export function serialToMs(serial: number, timeZone: string): number {
  return memo(toMsMemo, timeZone, serial, () => computeMs(serial, timeZone));
}

function computeMs(serial: number, timeZone: string): number {
  const day = Math.floor(serial);
  // Whole milliseconds: a serial's fraction seldom lands exactly on one.
  const msOfDay = Math.round((serial - day) * MS_PER_DAY);
  const civil = new Date((SERIAL_EPOCH_DAY + day) * MS_PER_DAY);
  const minutes = Math.floor(msOfDay / 60_000);
  // Clocks change on whole minutes, so seconds and milliseconds add without crossing a change.
  const start = zonedInstant(timeZone, civil.getUTCFullYear(), civil.getUTCMonth() + 1, civil.getUTCDate(), Math.floor(minutes / 60), minutes % 60);
  return start + (msOfDay - minutes * 60_000);
}

/** The serial number Sheets shows for the instant `ms` in `timeZone`. */
export function msToSerial(ms: number, timeZone: string): number {
  return memo(toSerialMemo, timeZone, ms, () => computeSerial(ms, timeZone));
}

function computeSerial(ms: number, timeZone: string): number {
  const w = wallTime(timeZone, ms);
  const civil = new Date(0);
  civil.setUTCFullYear(w.year, w.month - 1, w.day);
  const day = civil.getTime() / MS_PER_DAY - SERIAL_EPOCH_DAY;
  return day + (((w.hour * 60 + w.minute) * 60 + w.second) * 1000 + w.millisecond) / MS_PER_DAY;
}

/**
 * A Date as text HyperFormula reads back as the same date cell (with the engine's date formats
 * YYYY-MM-DD and its default times): '2026-11-20' (a date), '2026-11-20 09:30:00' (a date and
 * time), '09:30:00' (a time of day, which scripts see on 1899-12-30, as Sheets hands them).
 * Null for an instant HyperFormula cannot hold as a date (before 1899-12-31 other than times).
 */
export function dateInput(ms: number, timeZone: string): string | null {
  const serial = msToSerial(ms, timeZone);
  const day = Math.floor(serial);
  const msOfDay = Math.round((serial - day) * MS_PER_DAY);
  const c = new Date((SERIAL_EPOCH_DAY + day) * MS_PER_DAY + msOfDay);
  const w = { year: c.getUTCFullYear(), month: c.getUTCMonth() + 1, day: c.getUTCDate(), hour: c.getUTCHours(), minute: c.getUTCMinutes(), second: c.getUTCSeconds(), millisecond: c.getUTCMilliseconds() };
  const time = `${two(w.hour)}:${two(w.minute)}:${two(w.second)}${w.millisecond ? `.${String(w.millisecond).padStart(3, '0')}` : ''}`;
  if (w.year === 1899 && w.month === 12 && w.day === 30) return time;
  if (w.year < 1900 || w.year > 9999) return null;
  const date = `${w.year}-${two(w.month)}-${two(w.day)}`;
  return w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0 ? date : `${date} ${time}`;
}
