/** Range: a rectangle of one sheet, with Apps Script's shapes, checks and wording. */
import { a1Of } from './a1';
import { readCell } from './cells';
import { DEFAULT_NUMBER_FORMAT, displayValue } from './displayFormat';
import { sortedOrderBy } from './sheetOrder';
import type { CellFormat, CellValue } from './sheetStore';
import type { Doc } from './spreadsheet';
import type { FakeSheet } from './sheet';
import type { SheetState } from './state';

export interface FakeRange {
  getValues(): unknown[][];
  setValues(values: unknown[][]): FakeRange;
  getValue(): unknown;
  setValue(value: unknown): FakeRange;
  getDisplayValues(): string[][];
  getDisplayValue(): string;
  getFormula(): string;
  getFormulas(): string[][];
  setFormula(formula: string): FakeRange;
  setFormulas(formulas: string[][]): FakeRange;
  getNumberFormat(): string;
  getNumberFormats(): string[][];
  setNumberFormat(format: string): FakeRange;
  setNumberFormats(formats: string[][]): FakeRange;
  getFontWeight(): string;
  getFontWeights(): string[][];
  setFontWeight(weight: string | null): FakeRange;
  setFontWeights(weights: (string | null)[][]): FakeRange;
  getBackground(): string;
  getBackgrounds(): string[][];
  setBackground(color: string | null): FakeRange;
  setBackgrounds(colors: (string | null)[][]): FakeRange;
  clearContent(): FakeRange;
  clearFormat(): FakeRange;
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): FakeRange;
  isBlank(): boolean;
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange;
  getCell(row: number, column: number): FakeRange;
  sort(sortSpec: number | { column: number; ascending?: boolean } | (number | { column: number; ascending?: boolean })[]): FakeRange;
  activate(): FakeRange;
  getNumRows(): number;
  getNumColumns(): number;
  getHeight(): number;
  getWidth(): number;
  getRow(): number;
  getColumn(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getA1Notation(): string;
  getSheet(): FakeSheet;
  /** The id of the range's sheet (Apps Script: "the grid ID of the range's parent sheet"). */
  getGridId(): number;
}

/** Sheets stores colours as lower-case #rrggbb. */
function normalizeColor(color: string): string {
  const c = color.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : c;
}

/** Moves whole rows of a rectangle (values, formulas, formats) into `order` (new row i = old row order[i]). */
export function reorderRows(sheet: SheetState, top: number, left: number, numRows: number, numColumns: number, order: number[]): void {
  const { store } = sheet;
  type Cell = { value: CellValue; formula: string; format: Readonly<CellFormat> | undefined };
  const rows: Cell[][] = [];
  for (let r = 0; r < numRows; r++) {
    const line: Cell[] = [];
    for (let c = 0; c < numColumns; c++) {
      line.push({ value: store.value(top + r, left + c), formula: store.formula(top + r, left + c), format: store.format(top + r, left + c) });
    }
    rows.push(line);
  }
  order.forEach((from, to) => {
    rows[from].forEach((cell, c) => {
      store.write(top + to, left + c, cell.formula ? { formula: cell.formula } : { value: cell.value });
      const f = cell.format;
      store.setFormat(top + to, left + c, { numberFormat: f?.numberFormat, fontWeight: f?.fontWeight, background: f?.background });
    });
  });
}

/**
 * The Range object for a rectangle (1-based). `active`: this is the range the custom function is
 * computed in, whose formula the test may set (Doc.activeFormula).
 */
export function makeRange(doc: Doc, sheet: SheetState, row: number, column: number, numRows: number, numColumns: number, active = false): FakeRange {
  const { rt, state } = doc;
  const { store } = sheet;
  const r0 = row - 1;
  const c0 = column - 1;

  // A range made before rows were deleted can reach past the sheet; Sheets refuses to use it.
  const live = (): void => {
    if (r0 + numRows > store.rowCount() || c0 + numColumns > store.columnCount()) {
      throw rt.error('The coordinates of the range are outside the dimensions of the sheet.');
    }
  };
  const cells = <T>(cell: (r: number, c: number) => T): T[][] => {
    live();
    const RealmArray = rt.realm.Array;
    const out: T[][] = new RealmArray(numRows);
    for (let r = 0; r < numRows; r++) {
      const line: T[] = new RealmArray(numColumns);
      for (let c = 0; c < numColumns; c++) line[c] = cell(r0 + r, c0 + c);
      out[r] = line;
    }
    return out;
  };
  const each = (fn: (r: number, c: number) => void): void => {
    live();
    for (let r = 0; r < numRows; r++) for (let c = 0; c < numColumns; c++) fn(r0 + r, c0 + c);
  };
  /** Apps Script's check of a 2D argument against the range's shape. */
  const checkShape = (grid: unknown): unknown[][] => {
    if (!Array.isArray(grid) || grid.length !== numRows) {
      const has = Array.isArray(grid) ? grid.length : 0;
      throw rt.error(`The number of rows in the data does not match the number of rows in the range. The data has ${has} but the range has ${numRows}.`);
    }
    for (const line of grid) {
      const has = Array.isArray(line) ? line.length : 0;
      if (has !== numColumns) {
        throw rt.error(`The number of columns in the data does not match the number of columns in the range. The data has ${has} but the range has ${numColumns}.`);
      }
    }
    return grid as unknown[][];
  };
  const eachOf = <T>(grid: unknown, fn: (r: number, c: number, v: T) => void): void => {
    const rows = checkShape(grid);
    live();
    rows.forEach((line, r) => line.forEach((v, c) => fn(r0 + r, c0 + c, v as T)));
  };
  const fontWeight = (w: unknown): CellFormat['fontWeight'] => {
    if (w === null || w === undefined || w === 'normal') return undefined;
    if (w === 'bold') return 'bold';
    throw rt.error(`Invalid argument: fontWeight (${String(w)})`);
  };
  const color = (c: unknown): string | undefined => (c === null || c === undefined || c === '' ? undefined : normalizeColor(String(c)));
  const formulaAt = (r: number, c: number): string => (active && doc.activeFormula !== null ? doc.activeFormula : store.formula(r, c));

  const range: FakeRange = {
    getValues() {
      // The hot path of every run (whole tables in one call): a plain loop, no per-cell closure.
      live();
      const { Date: RealmDate, Array: RealmArray } = rt.realm;
      const out: unknown[][] = new RealmArray(numRows);
      for (let r = 0; r < numRows; r++) {
        const line: unknown[] = new RealmArray(numColumns);
        for (let c = 0; c < numColumns; c++) line[c] = readCell(store.value(r0 + r, c0 + c), RealmDate);
        out[r] = line;
      }
      return out;
    },
    setValues(values) {
      eachOf(values, (r, c, v) => doc.writeCell(sheet, r, c, v));
      return range;
    },
    getValue: () => (live(), readCell(store.value(r0, c0), rt.realm.Date)),
    setValue(value) {
      // Apps Script writes the one value into every cell of the range.
      each((r, c) => doc.writeCell(sheet, r, c, value));
      return range;
    },
    getDisplayValues: () => cells((r, c) => displayValue(store.value(r, c), store.format(r, c)?.numberFormat, state.timeZone)),
    getDisplayValue: () => (live(), displayValue(store.value(r0, c0), store.format(r0, c0)?.numberFormat, state.timeZone)),
    getFormula: () => (live(), formulaAt(r0, c0)),
    getFormulas: () => cells(formulaAt),
    setFormula(formula) {
      each((r, c) => doc.writeCell(sheet, r, c, String(formula)));
      return range;
    },
    setFormulas(formulas) {
      eachOf<string>(formulas, (r, c, f) => doc.writeCell(sheet, r, c, String(f)));
      return range;
    },
    getNumberFormat: () => (live(), store.format(r0, c0)?.numberFormat ?? DEFAULT_NUMBER_FORMAT),
    getNumberFormats: () => cells((r, c) => store.format(r, c)?.numberFormat ?? DEFAULT_NUMBER_FORMAT),
    setNumberFormat(format) {
      each((r, c) => store.setFormat(r, c, { numberFormat: String(format) }));
      return range;
    },
    setNumberFormats(formats) {
      eachOf<string>(formats, (r, c, f) => store.setFormat(r, c, { numberFormat: String(f) }));
      return range;
    },
    getFontWeight: () => (live(), store.format(r0, c0)?.fontWeight ?? 'normal'),
    getFontWeights: () => cells((r, c) => store.format(r, c)?.fontWeight ?? 'normal'),
    setFontWeight(weight) {
      const w = fontWeight(weight);
      each((r, c) => store.setFormat(r, c, { fontWeight: w }));
      return range;
    },
    setFontWeights(weights) {
      eachOf<string | null>(weights, (r, c, w) => store.setFormat(r, c, { fontWeight: fontWeight(w) }));
      return range;
    },
    getBackground: () => (live(), store.format(r0, c0)?.background ?? '#ffffff'),
    getBackgrounds: () => cells((r, c) => store.format(r, c)?.background ?? '#ffffff'),
    setBackground(c) {
      const bg = color(c);
      each((r, col) => store.setFormat(r, col, { background: bg }));
      return range;
    },
    setBackgrounds(colors) {
      eachOf<string | null>(colors, (r, c, bg) => store.setFormat(r, c, { background: color(bg) }));
      return range;
    },
    clearContent() {
      each((r, c) => store.write(r, c, { value: '' }));
      return range;
    },
    clearFormat() {
      each((r, c) => store.setFormat(r, c, { numberFormat: undefined, fontWeight: undefined, background: undefined }));
      return range;
    },
    clear(options = {}) {
      if (!options.formatOnly) each((r, c) => store.write(r, c, { value: '' }));
      if (!options.contentsOnly) each((r, c) => store.setFormat(r, c, { numberFormat: undefined, fontWeight: undefined, background: undefined }));
      return range;
    },
    isBlank() {
      let blank = true;
      each((r, c) => {
        if (store.value(r, c) !== '' || store.formula(r, c) !== '') blank = false;
      });
      return blank;
    },
    offset: (rowOffset, columnOffset, rows = numRows, columns = numColumns) =>
      doc.rangeOn(sheet, row + Number(rowOffset), column + Number(columnOffset), rows, columns),
    getCell(r, c) {
      if (!(r >= 1 && r <= numRows && c >= 1 && c <= numColumns)) throw rt.error('Cell reference out of range');
      return doc.rangeOn(sheet, row + r - 1, column + c - 1, 1, 1);
    },
    sort(sortSpec) {
      const specs = (Array.isArray(sortSpec) ? sortSpec : [sortSpec]).map((s) =>
        typeof s === 'number' ? { column: s, ascending: true } : { column: Number(s.column), ascending: s.ascending !== false },
      );
      for (const s of specs) {
        if (!(s.column >= column && s.column < column + numColumns)) throw rt.error(`The column ${s.column} is outside the range being sorted.`);
      }
      live();
      const keys = cells((r, c) => store.value(r, c));
      const order = sortedOrderBy(keys, specs.map((s) => ({ index: s.column - column, ascending: s.ascending })));
      reorderRows(sheet, r0, c0, numRows, numColumns, order);
      return range;
    },
    activate() {
      doc.select(sheet, row, column, numRows, numColumns);
      return range;
    },
    getNumRows: () => numRows,
    getNumColumns: () => numColumns,
    getHeight: () => numRows,
    getWidth: () => numColumns,
    getRow: () => row,
    getColumn: () => column,
    getLastRow: () => row + numRows - 1,
    getLastColumn: () => column + numColumns - 1,
    getA1Notation: () => a1Of(row, column, numRows, numColumns),
    getSheet: () => doc.sheetOf(sheet),
    getGridId: () => sheet.id,
  };
  return range;
}
