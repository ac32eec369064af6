/**
 * Values crossing between HyperFormula and a custom function, shaped the way Google Sheets shapes
 * them (see platform-notes.md, "custom function arguments/results"):
 * - in: a range is rows of values, one cell is a bare value, an empty cell is '', a date cell is a
 *   Date (made by the caller's `toDate`, so it belongs to the caller's realm and time zone), a
 *   percent is its number (10% → 0.1), an error cell stops the call and is the result;
 * - out: a scalar or rows of values; Dates become date serials that still display as dates.
 */
import { CellError, CellValueDetailedType, EmptyValue, ErrorType, SimpleRangeValue } from 'hyperformula';
import type { ExtendedNumber, InternalScalarValue, InterpreterValue } from './hf-types';

/** How Dates cross the boundary; supplied by whoever runs the functions (maybe in a `vm` realm). */
export interface DateBridge {
  toDate: (serial: number) => unknown;
  fromDate: (date: unknown) => number;
  isDate: (v: unknown) => boolean;
}

/** Builds HyperFormula's date-typed number, so the cell keeps NUMBER_DATE / NUMBER_DATETIME. */
export type MakeDateNumber = (serial: number, type: typeof CellValueDetailedType.NUMBER_DATE | typeof CellValueDetailedType.NUMBER_DATETIME) => ExtendedNumber;

/**
 * HyperFormula keeps typed numbers (dates, times, percents, currency) as RichNumber objects
 * (DateNumber …), which the package does not export; they are recognised by shape instead.
 */
interface RichNumberLike {
  val: number;
  getDetailedType(): string;
}

function isRichNumber(v: unknown): v is RichNumberLike {
  return typeof v === 'object' && v !== null && typeof (v as RichNumberLike).getDetailedType === 'function' && typeof (v as RichNumberLike).val === 'number';
}

// Sheets hands time-only cells to scripts as Dates too (on 1899-12-30), so times count here.
const DATE_LIKE = new Set<string>([CellValueDetailedType.NUMBER_DATE, CellValueDetailedType.NUMBER_DATETIME, CellValueDetailedType.NUMBER_TIME]);

/** One cell's value as a custom function sees it. */
function cellToSheets(v: unknown, dates: DateBridge): unknown {
  if (v === EmptyValue) return '';
  if (isRichNumber(v)) return DATE_LIKE.has(v.getDetailedType()) ? dates.toDate(v.val) : v.val;
  return v;
}

/**
 * One evaluated argument as Sheets passes it, or the CellError that should become the result
 * (Sheets does not call a custom function whose argument range holds an error).
 */
export function argToSheets(v: unknown, dates: DateBridge): unknown {
  if (v instanceof CellError) return v;
  if (!(v instanceof SimpleRangeValue)) return cellToSheets(v, dates);
  const data = v.data;
  // HyperFormula already unwraps 1x1 ranges when it evaluates a reference; this keeps the rule
  // ("one cell is a bare value") true whatever path the value took.
  if (data.length === 1 && data[0].length === 1) {
    return data[0][0] instanceof CellError ? data[0][0] : cellToSheets(data[0][0], dates);
  }
  const rows: unknown[][] = new Array(data.length);
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const row: unknown[] = new Array(src.length);
    for (let c = 0; c < src.length; c++) {
      const cell = src[c];
      if (cell instanceof CellError) return cell;
      row[c] = cellToSheets(cell, dates);
    }
    rows[r] = row;
  }
  return rows;
}

/** A custom function's result in HyperFormula's terms, with the size it wants to spill to. */
export interface Produced {
  value: InterpreterValue;
  rows: number;
  cols: number;
}

function describe(v: unknown): string {
  if (typeof v === 'function') return 'a function';
  return Object.prototype.toString.call(v);
}

function cellFromSheets(v: unknown, dates: DateBridge, makeDate: MakeDateNumber): InternalScalarValue {
  if (v === undefined || v === null) return EmptyValue;
  if (typeof v === 'number') {
    return Number.isFinite(v) ? v : new CellError(ErrorType.NUM, `Result is not a finite number: ${v}.`);
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (dates.isDate(v)) {
    const serial = dates.fromDate(v);
    if (!Number.isFinite(serial)) return new CellError(ErrorType.NUM, 'Result is an invalid Date.');
    return makeDate(serial, Number.isInteger(serial) ? CellValueDetailedType.NUMBER_DATE : CellValueDetailedType.NUMBER_DATETIME);
  }
  // Sheets has no cell type for these; refusing loudly beats showing something plausible.
  return new CellError(ErrorType.VALUE, `Unsupported result value: ${describe(v)}.`);
}

/**
 * A custom function's return value for HyperFormula. Rows may be ragged (short rows are padded
 * with empty cells); an element that is not an array is a row of one cell, so a flat array
 * fills a column. An empty array shows as an empty cell.
 */
export function resultFromSheets(out: unknown, dates: DateBridge, makeDate: MakeDateNumber): Produced {
  if (!Array.isArray(out)) return { value: cellFromSheets(out, dates, makeDate), rows: 1, cols: 1 };
  const rows = out.map((r: unknown) => (Array.isArray(r) ? (r as unknown[]) : [r]));
  let cols = 0;
  for (const r of rows) if (r.length > cols) cols = r.length;
  if (rows.length === 0 || cols === 0) return { value: EmptyValue, rows: 1, cols: 1 };
  const data = rows.map((r) => {
    const cells: InternalScalarValue[] = r.map((v) => cellFromSheets(v, dates, makeDate));
    while (cells.length < cols) cells.push(EmptyValue);
    return cells;
  });
  if (data.length === 1 && cols === 1) return { value: data[0][0], rows: 1, cols: 1 };
  return { value: SimpleRangeValue.onlyValues(data), rows: data.length, cols };
}

/**
 * The result cut or padded to the size HyperFormula reserved for it. An array formula cell
 * cannot hold a bigger result than reserved (HyperFormula throws), so while the reservation is
 * being corrected the cells show the part that fits.
 */
export function fitTo(p: Produced, rows: number, cols: number): InterpreterValue {
  if (p.rows === rows && p.cols === cols) return p.value;
  const data: InternalScalarValue[][] = p.value instanceof SimpleRangeValue ? p.value.data : [[p.value as InternalScalarValue]];
  if (rows === 1 && cols === 1) return data[0][0];
  const out: InternalScalarValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = data[r];
    const row: InternalScalarValue[] = [];
    for (let c = 0; c < cols; c++) row.push(src !== undefined && c < src.length ? src[c] : EmptyValue);
    out.push(row);
  }
  return SimpleRangeValue.onlyValues(out);
}
