/**
 * Reading and writing the schedule's cells. Each reader answers a value or, for a cell it cannot
 * read, `UNREADABLE` (the caller records a problem and keeps the row as a person's).
 */
import { CellValue, isBlank, isDate } from '../cells';
import { DayClock, formatDay, parseDateText } from '../dates';
import { cellText } from '../text';

export const UNREADABLE = Symbol('unreadable');
export type Read<T> = T | null | typeof UNREADABLE;

/** Sheets' day 0 for times: a typed 09:30 reads back as a Date on 1899-12-30 at 09:30 local time. */
export const TIME_ONLY_DAY = -25569;

/** A date cell: a Date (its day in the file's zone), a year-first date text, or blank (null). */
export function readDate(v: CellValue, clock: DayClock): Read<number> {
  if (isDate(v)) {
    const ms = v.getTime();
    return ms === ms ? clock.dayOf(ms) : UNREADABLE;
  }
  if (typeof v === 'string') {
    if (v.trim() === '') return null;
    return parseDateText(v) ?? UNREADABLE;
  }
  return isBlank(v) ? null : UNREADABLE;
}

const TIME_TEXT = /^'?\s*([01]?\d|2[0-3])\s*[:：]\s*([0-5]\d)(?:[:：][0-5]\d)?\s*$/;

/**
 * A time cell, in minutes after midnight: 'HH:MM' text (as the add-on writes it), a Date on
 * 1899-12-30 (a time a person typed), a fraction of a day (a time cell formatted as a number),
 * or blank (null). A Date on any other day is a date, not a time: unreadable.
 */
export function readTime(v: CellValue, clock: DayClock): Read<number> {
  if (typeof v === 'string') {
    if (v.trim() === '') return null;
    const m = TIME_TEXT.exec(v);
    return m ? +m[1] * 60 + +m[2] : UNREADABLE;
  }
  if (isDate(v)) {
    const ms = v.getTime();
    if (ms !== ms) return UNREADABLE;
    const minutes = minutesAfterTimeZero(ms, clock);
    return minutes >= 0 && minutes < 1440 ? minutes : UNREADABLE;
  }
  if (typeof v === 'number') {
    const minutes = Math.round(v * 1440);
    return v >= 0 && minutes < 1440 ? minutes : UNREADABLE;
  }
  return isBlank(v) ? null : UNREADABLE;
}

/**
 * Whole minutes from local midnight of 1899-12-30 to `ms`. In 1899 most zones kept local mean
 * time, with offsets in seconds (Shanghai +08:05:43); Sheets makes the Date with the exact
 * offset, while the clock learns offsets in whole minutes cut toward zero (+08:05, as
 * Utilities.formatDate's 'Z' prints them). So a typed 09:00 reads up to a minute early east of
 * Greenwich and up to a minute late west of it: rounding up in the east and down in the west
 * gives back the minute typed.
 */
function minutesAfterTimeZero(ms: number, clock: DayClock): number {
  const start = clock.startOfDay(TIME_ONLY_DAY);
  const diff = (ms - start) / 60_000;
  const east = TIME_ONLY_DAY * 86_400_000 - start > 0;
  // + 0: a time just after midnight rounds up from below to -0, which is not the 0 written.
  return (east ? Math.ceil(diff - 1e-6) : Math.floor(diff + 1e-6)) + 0;
}

/** Any cell as the text a person sees in it (trimmed): numbers as written, a date as 2026-11-20. */
export function readText(v: CellValue, clock: DayClock): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    const ms = v.getTime();
    return ms === ms ? formatDay(clock.dayOf(ms)) : '';
  }
  return '';
}

/** 'HH:MM' of minutes after midnight. */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/**
 * Text written so that Sheets keeps it as the same text. setValues parses what it is given as if
 * typed: '=…' becomes a formula (cellText's concern), and '09:00', '00101', '2026-11', 'TRUE' or
 * '3/4' become a time, a number, a date or a boolean. A leading apostrophe keeps any text as text
 * and is not part of the value, so every non-empty text gets one (cellText's own apostrophe
 * already does it for a formula start).
 */
export function sheetText(text: string): string {
  if (text === '') return '';
  const safe = cellText(text);
  return safe !== text ? safe : `'${text}`;
}

/** A cell read from the sheet, written back so that it reads back the same. */
export function rewriteCell(v: CellValue): CellValue {
  if (typeof v === 'string') return sheetText(v);
  if (v === null || v === undefined) return '';
  return v;
}
