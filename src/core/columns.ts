/**
 * Reading one column of a range as numbers, dates or labels, with an error that names the
 * argument, the row and the value when a cell cannot be read.
 *
 * A column is kept as the rows Sheets passed (cell = rows[i][0]) rather than copied: on a
 * 2-million-row order log a copy per column costs more than the whole analysis.
 */
import { Arg, CellValue, isBlank, isDate, toRows } from './cells';
import { DayClock, parseDateText } from './dates';
import { InputError } from './errors';

export type Column = readonly (readonly CellValue[])[];

/** The rows of a one-column range. A single cell is a column of one. */
export function readColumn(arg: Arg, argName: string): Column {
  const rows = toRows(arg);
  // Sheets passes rectangular ranges, so the first row's width is the range's width.
  const width = rows.length ? rows[0].length : 0;
  if (width > 1) throw new InputError('notSingleColumn', { arg: argName, columns: width });
  return rows;
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

export function numberAt(col: Column, i: number, argName: string): number {
  const v = col[i][0];
  if (typeof v === 'number') return v;
  if (isBlank(v)) throw new InputError('emptyCell', { arg: argName, index: i });
  throw new InputError('notNumber', { arg: argName, index: i, value: v });
}

/** The calendar day of a date cell (a Date, or text in an unambiguous year-first form). */
export function dayAt(col: Column, i: number, argName: string, clock: DayClock): number {
  const v = col[i][0];
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

/** A label (customer id, group): text trimmed, other values as written; blank gives ''. */
export function labelOf(v: CellValue): string {
  if (typeof v === 'string') return v.trim();
  if (isBlank(v)) return '';
  return String(v);
}

/** The cell at row i of a column. */
export function cellAt(col: Column, i: number): CellValue {
  return col[i][0];
}
