/**
 * Values as Google Sheets hands them to a custom function, and the small helpers every
 * function needs to read them. A range arrives as rows of values (a 2D array), a single cell
 * as a bare value, an empty cell as '' and an omitted argument as undefined.
 */

/** One cell's value as Sheets passes it. Dates are `Date` objects. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** An argument: a bare value (one cell) or rows of values (a range). */
export type Arg = CellValue | readonly (readonly CellValue[])[];

/** What a custom function returns: a value or rows of values that spill. */
export type Output = CellValue | CellValue[][];

export function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined;
}

const toStringTag = Object.prototype.toString;

/**
 * True for Date objects, including ones made in another realm (the local test harness runs the
 * bundle in a separate `vm` context, where `instanceof Date` is false for outside dates).
 */
export function isDate(v: unknown): v is Date {
  return v instanceof Date || (typeof v === 'object' && v !== null && toStringTag.call(v) === '[object Date]');
}

/** Rows of an argument: a bare value becomes one row of one cell. */
export function toRows(arg: Arg): readonly (readonly CellValue[])[] {
  if (Array.isArray(arg)) return arg as readonly (readonly CellValue[])[];
  return [[arg as CellValue]];
}

/** True when the argument was left out (or given as an empty cell / empty text). */
export function isOmitted(arg: Arg): boolean {
  if (Array.isArray(arg)) return arg.length === 0 || (arg.length === 1 && arg[0].length === 1 && isBlank(arg[0][0]));
  return isBlank(arg);
}

/** Width of a range argument: its widest row (for tables a user builds, such as a rules table). */
export function widthOf(rows: readonly (readonly CellValue[])[]): number {
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}
