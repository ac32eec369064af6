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
  // Left out of the formula: say so, rather than read it as a column of one empty row.
  if (arg === undefined || arg === null) throw new InputError('missingArg', { arg: argName });
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

/** The calendar day of a value: a valid Date, or text in an unambiguous year-first form; else null. */
export function dayOfValue(v: CellValue, clock: DayClock): number | null {
  if (isDate(v)) {
    const ms = v.getTime();
    return ms === ms ? clock.dayOf(ms) : null;
  }
  return typeof v === 'string' ? parseDateText(v) : null;
}

/** The calendar day of a date cell, or an error naming the row. */
export function dayAt(col: Column, i: number, argName: string, clock: DayClock): number {
  const v = col[i][0];
  // Blank first: Sheets passes an empty cell as '' (text).
  if (isBlank(v)) throw new InputError('emptyCell', { arg: argName, index: i });
  const day = dayOfValue(v, clock);
  if (day === null) throw new InputError('notDate', { arg: argName, index: i, value: v });
  return day;
}

/**
 * A label (customer id, group): text trimmed, numbers as written (101 and '101' are one
 * customer); blank gives ''. TRUE/FALSE and dates are refused: their text would depend on how
 * the cell is shown, so two cells a user sees as equal could count as two customers.
 */
export function labelAt(col: Column, i: number, argName: string): string {
  const v = col[i][0];
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (isBlank(v)) return '';
  throw new InputError('notLabel', { arg: argName, index: i, value: v });
}

/** The cell at row i of a column. */
export function cellAt(col: Column, i: number): CellValue {
  return col[i][0];
}
