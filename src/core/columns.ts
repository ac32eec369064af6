/**
 * Reading one column of a range as numbers, dates or labels, with an error that names the
 * argument, the row and the value when a cell cannot be read.
 */
import { Arg, CellValue, isBlank, isDate, toRows, widthOf } from './cells';
import { DayClock, parseDateText } from './dates';
import { InputError } from './errors';

/** The cells of a one-column range, top to bottom. A single cell is a column of one. */
export function readColumn(arg: Arg, argName: string): CellValue[] {
  const rows = toRows(arg);
  const width = widthOf(rows);
  if (width > 1) throw new InputError('notSingleColumn', { arg: argName, columns: width });
  const out = new Array<CellValue>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i][0];
  return out;
}

/** Every aligned column must cover the same rows. */
export function requireSameLength(columns: readonly { name: string; values: readonly unknown[] }[]): void {
  const [first, ...rest] = columns;
  for (const c of rest) {
    if (c.values.length !== first.values.length) {
      throw new InputError('lengthMismatch', { arg: first.name, rows: first.values.length, other: c.name, otherRows: c.values.length });
    }
  }
}

export function numberAt(values: readonly CellValue[], i: number, argName: string): number {
  const v = values[i];
  if (typeof v === 'number') return v;
  if (isBlank(v)) throw new InputError('emptyCell', { arg: argName, index: i });
  throw new InputError('notNumber', { arg: argName, index: i, value: v });
}

/** The calendar day of a date cell (a Date, or text in an unambiguous year-first form). */
export function dayAt(values: readonly CellValue[], i: number, argName: string, clock: DayClock): number {
  const v = values[i];
  if (isDate(v)) {
    const ms = v.getTime();
    if (ms === ms) return clock.dayOf(ms);
  } else if (typeof v === 'string') {
    const day = parseDateText(v);
    if (day !== null) return day;
  } else if (isBlank(v)) {
    throw new InputError('emptyCell', { arg: argName, index: i });
  }
  throw new InputError('notDate', { arg: argName, index: i, value: v });
}

/** A label (customer id, group): text trimmed, numbers as written; blank gives ''. */
export function labelOf(v: CellValue): string {
  if (typeof v === 'string') return v.trim();
  if (isBlank(v)) return '';
  if (typeof v === 'number') return String(v);
  return String(v);
}
