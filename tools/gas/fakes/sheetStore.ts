/**
 * The storage seam of the fake Spreadsheet: one sheet's cells behind a small interface, so the
 * same fake Spreadsheet/Sheet/Range objects (call counting, Apps Script's checks and wording)
 * can sit on another backend, e.g. the HyperFormula engine behind `npm start`, which computes
 * formulas instead of reading them as ''.
 *
 * Contract for a backend:
 * - Coordinates are 0-based (row r, column c). The grid is `rowCount() × columnCount()` (Sheets'
 *   max rows / max columns); callers check bounds before reading or writing.
 * - `value(r, c)` is what getValues() shows: '' for an empty cell, a number, string, boolean or
 *   Date (a Date from any realm; the fake copies it into the script's realm). A formula cell
 *   answers its computed value ('' when the backend cannot compute).
 * - `formula(r, c)` is the formula text with its '=' ('' when the cell holds a literal).
 * - `write(r, c, cell)` stores a literal (`{ value }`, already without a leading apostrophe, ''
 *   to empty it) or a formula (`{ formula: '=…' }`). The fake parses what a script wrote
 *   ('=' strings, apostrophes, null) before calling it, so every backend agrees on that rule.
 * - `format(r, c)` / `setFormat(r, c, patch)` keep the cell's formatting (number format, font
 *   weight, background): a backend keeps them beside the cells so they move with them.
 * - `insertRows/deleteRows/insertColumns/deleteColumns(at, n)` shift everything below / to the
 *   right (values, formulas, formats) and change the grid size, as Sheets does.
 * - `lastRow()` / `lastColumn()` are 1-based positions of the last row / column holding a value
 *   or formula (0 for an empty sheet); formats alone do not count, as in Sheets.
 */

export type CellValue = string | number | boolean | Date;

export interface CellFormat {
  numberFormat?: string;
  fontWeight?: 'bold' | 'normal';
  background?: string;
}

export type CellWrite = { value: CellValue } | { formula: string };

export interface SheetStore {
  rowCount(): number;
  columnCount(): number;
  lastRow(): number;
  lastColumn(): number;
  value(r: number, c: number): CellValue;
  formula(r: number, c: number): string;
  write(r: number, c: number, cell: CellWrite): void;
  format(r: number, c: number): Readonly<CellFormat> | undefined;
  /** Merges `patch` into the cell's format; a key set to undefined returns to the default. */
  setFormat(r: number, c: number, patch: Partial<CellFormat>): void;
  insertRows(at: number, n: number): void;
  deleteRows(at: number, n: number): void;
  insertColumns(at: number, n: number): void;
  deleteColumns(at: number, n: number): void;
}

/** Inserts `n` holes at `at` when the array reaches that far (nothing stored below needs no move). */
function spliceIn<T>(rows: T[], at: number, n: number): void {
  if (at < rows.length) rows.splice(at, 0, ...new Array<T>(n));
}

function spliceOut<T>(rows: T[], at: number, n: number): void {
  if (at < rows.length) rows.splice(at, n);
}

/** Sparse arrays of rows: a missing row or cell is empty, formulas and formats only where set. */
export class MemorySheetStore implements SheetStore {
  private readonly values: (CellValue[] | undefined)[] = [];
  private readonly formulas: (string[] | undefined)[] = [];
  private readonly formats: ((CellFormat | undefined)[] | undefined)[] = [];

  constructor(private rows: number, private columns: number) {}

  rowCount(): number {
    return this.rows;
  }

  columnCount(): number {
    return this.columns;
  }

  value(r: number, c: number): CellValue {
    return this.values[r]?.[c] ?? '';
  }

  formula(r: number, c: number): string {
    return this.formulas[r]?.[c] ?? '';
  }

  write(r: number, c: number, cell: CellWrite): void {
    if ('formula' in cell) {
      // The fake does not evaluate formulas: the cell's value reads as ''.
      (this.values[r] ??= [])[c] = '';
      (this.formulas[r] ??= [])[c] = cell.formula;
      return;
    }
    if (cell.value === '' && this.values[r] === undefined) return;
    (this.values[r] ??= [])[c] = cell.value;
    const f = this.formulas[r];
    if (f && f[c]) f[c] = '';
  }

  format(r: number, c: number): Readonly<CellFormat> | undefined {
    return this.formats[r]?.[c];
  }

  setFormat(r: number, c: number, patch: Partial<CellFormat>): void {
    const row = (this.formats[r] ??= []);
    const next: CellFormat = { ...row[c], ...patch };
    for (const key of Object.keys(next) as (keyof CellFormat)[]) if (next[key] === undefined) delete next[key];
    row[c] = Object.keys(next).length > 0 ? next : undefined;
  }

  private filled(r: number, c: number): boolean {
    return this.value(r, c) !== '' || this.formula(r, c) !== '';
  }

  lastRow(): number {
    for (let r = Math.max(this.values.length, this.formulas.length) - 1; r >= 0; r--) {
      const width = Math.max(this.values[r]?.length ?? 0, this.formulas[r]?.length ?? 0);
      for (let c = 0; c < width; c++) if (this.filled(r, c)) return r + 1;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    const height = Math.max(this.values.length, this.formulas.length);
    for (let r = 0; r < height; r++) {
      const width = Math.max(this.values[r]?.length ?? 0, this.formulas[r]?.length ?? 0);
      for (let c = width - 1; c >= last; c--) {
        if (this.filled(r, c)) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  insertRows(at: number, n: number): void {
    for (const grid of [this.values, this.formulas, this.formats] as unknown[][]) spliceIn(grid, at, n);
    this.rows += n;
  }

  deleteRows(at: number, n: number): void {
    for (const grid of [this.values, this.formulas, this.formats] as unknown[][]) spliceOut(grid, at, n);
    this.rows -= n;
  }

  insertColumns(at: number, n: number): void {
    for (const grid of [this.values, this.formulas, this.formats] as (unknown[] | undefined)[][]) {
      for (const row of grid) if (row) spliceIn(row, at, n);
    }
    this.columns += n;
  }

  deleteColumns(at: number, n: number): void {
    for (const grid of [this.values, this.formulas, this.formats] as (unknown[] | undefined)[][]) {
      for (const row of grid) if (row) spliceOut(row, at, n);
    }
    this.columns -= n;
  }
}
