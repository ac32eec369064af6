/** How Sheets stores what a script writes into a cell. */
import { zonedInstant } from '../zone';
import type { CellValue, CellWrite } from './sheetStore';

/** True for Dates from any realm (instanceof fails across the vm boundary). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * A cell as given: '=' strings are formulas, a leading apostrophe forces text and is not part
 * of the value, null/undefined are empty, Dates are copied, other objects become their text.
 * Used for the sheets a test starts from (cells as they already are in the file).
 */
export function literalCell(v: unknown): CellWrite {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'string') {
    if (v.startsWith('=')) return { formula: v };
    if (v.startsWith("'")) return { value: v.slice(1) };
    return { value: v };
  }
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (isDate(v)) return { value: new Date(v.getTime()) };
  return { value: String(v) };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YEAR_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** What a script-written string turns into, plus the number format Sheets gives the cell. */
export interface TypedCell {
  cell: CellWrite;
  /** Set when Sheets picks a format for the parsed text (a date, a percentage). */
  numberFormat?: string;
}

/**
 * Like literalCell, but a string is read as if a person typed it, as setValue/setValues do in
 * Sheets: '123' and '00123' become the number 123, 'TRUE' a boolean, '12%' the number 0.12,
 * '2024-03-05' (or '2024/3/5', with an optional time) a date at local midnight in `timeZone`
 * ('2024-03' the first of the month),
 * '09:30' a time of day (a Date on Sheets' day 0, 1899-12-30, as getValues answers for times).
 * Only the unambiguous forms are parsed (no locale-dependent '3/5/2024', no '1,234'). A cell
 * formatted as plain text ('@') keeps the string, as does a leading apostrophe.
 */
export function typedCell(v: unknown, plainText: boolean, timeZone: string): TypedCell {
  const literal = literalCell(v);
  if (plainText || typeof v !== 'string' || !('value' in literal) || v.startsWith("'")) return { cell: literal };
  const text = v.trim();
  if (NUMBER.test(text)) return { cell: { value: Number(text) } };
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { cell: { value: upper === 'TRUE' } };
  const percent = PERCENT.exec(text);
  if (percent) return { cell: { value: Number(percent[1]) / 100 }, numberFormat: '0%' };
  const date = ISO_DATE.exec(text);
  if (date) {
    const [y, m, d, h, min, s] = date.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31 && h <= 23 && min <= 59 && s <= 59) {
      const at = new Date(zonedInstant(timeZone, y, m, d, h, min) + s * 1000);
      return { cell: { value: at }, numberFormat: date[4] === undefined ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss' };
    }
  }
  // '2026-11' is read as the first of that month.
  const month = YEAR_MONTH.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) {
    return { cell: { value: new Date(zonedInstant(timeZone, Number(month[1]), Number(month[2]), 1)) }, numberFormat: 'yyyy-mm' };
  }
  const time = TIME.exec(text);
  if (time) {
    const [h, min, s] = time.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    if (h <= 23 && min <= 59 && s <= 59) {
      const at = new Date(zonedInstant(timeZone, 1899, 12, 30, h, min) + s * 1000);
      return { cell: { value: at }, numberFormat: time[3] === undefined ? 'hh:mm' : 'hh:mm:ss' };
    }
  }
  return { cell: literal };
}

/** A stored value as a script receives it: Dates rebuilt with the script realm's constructor. */
export function readCell(v: CellValue, RealmDate: DateConstructor): CellValue {
  return isDate(v) ? new RealmDate(v.getTime()) : v;
}
