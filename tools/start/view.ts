/** A sheet as the page shows it: display text per cell, formulas, and which cells are dates or errors. */
import { displayValue, type CellFormat, type CellValue } from '../gas/fakes';
import type { SheetsEngine } from '../sheets/engine';
import { a1Of } from '../sheets/a1';

/** n number, d date, s text, b boolean, e error. */
export type CellKind = 'n' | 'd' | 's' | 'b' | 'e';

export interface CellView {
  /** What the cell shows. */
  v: string;
  t: CellKind;
  /** The formula typed into the cell (only on the cell that holds it, not on its spill). */
  f?: string;
  /** What typing it back reproduces: full-precision numbers, dates as yyyy-mm-dd, text as is. */
  raw?: string;
  /** An error's message (shown as a tooltip and in the status line). */
  m?: string;
  /** Bold (a header the add-on wrote). */
  b?: 1;
  /** Background colour, '#rrggbb'. */
  bg?: string;
}

/**
 * What the document knows about a sheet beyond its cells (the playground's fake Spreadsheet):
 * formatting per cell, the cell's value as a script reads it (for number formats), hidden
 * columns and frozen rows.
 */
export interface SheetDecor {
  formatAt(row: number, col: number): Readonly<CellFormat> | undefined;
  /** The formula as typed, where the engine holds another text (an open range it closed). */
  typedFormulaAt?(a1: string): string | undefined;
  valueAt(row: number, col: number): CellValue;
  /** 0-based columns a user or the add-on hid. */
  hiddenColumns: number[];
  frozenRows: number;
  timeZone: string;
}

export interface SheetView {
  name: string;
  /** Used rows and columns of the whole sheet. */
  rowCount: number;
  colCount: number;
  /** Rows included in `cells` (the first `shownRows` of the sheet). */
  shownRows: number;
  /** shownRows rows of colCount cells each; empty cells are null. */
  cells: (CellView | null)[][];
  /** 0-based hidden columns (none unless the sheet has decor). */
  hiddenColumns?: number[];
  frozenRows?: number;
}

export const DEFAULT_VIEW_ROWS = 1000;
export const MAX_VIEW_ROWS = 50_000;

/**
 * Numbers as a reader wants them: integers whole, amounts with up to 2 decimals, shares and
 * other fractions below 1 with up to 4 (0.2133), no exponent for ordinary magnitudes.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
  const digits = Math.abs(n) < 1 ? 4 : 2;
  const text = n.toFixed(digits).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/** A number format's text for a cell, or null when the engine's own text should stay (no format, or one the fake cannot show). */
function formatted(decor: SheetDecor, r: number, c: number, format: string | undefined): string | null {
  if (format === undefined || format === 'General' || format === '@') return null;
  try {
    return displayValue(decor.valueAt(r, c), format, decor.timeZone);
  } catch {
    return null;
  }
}

export function sheetView(engine: SheetsEngine, name: string, maxRows = DEFAULT_VIEW_ROWS, decor?: SheetDecor): SheetView {
  const values = engine.getSheetValues(name);
  const rowCount = values.length;
  let colCount = 0;
  for (const row of values) if (row.length > colCount) colCount = row.length;
  const shownRows = Math.min(rowCount, Math.max(0, maxRows));
  const cells: (CellView | null)[][] = [];
  for (let r = 0; r < shownRows; r++) {
    const row = values[r];
    const out: (CellView | null)[] = new Array(colCount).fill(null);
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      const a1 = a1Of(c, r);
      const held = engine.getFormula(name, a1);
      const formula = held === undefined ? undefined : decor?.typedFormulaAt?.(a1) ?? held;
      let cell: CellView | null = null;
      if (value !== null && typeof value === 'object') {
        cell = { v: value.error, t: 'e', m: value.message };
      } else if (typeof value === 'number') {
        if (engine.isDateCell(name, a1)) {
          const shown = engine.getDisplay(name, a1);
          cell = { v: shown, t: 'd', raw: shown };
        } else {
          const shown = engine.getDisplay(name, a1);
          // Percents and times keep the engine's own text; plain numbers get the page's format.
          cell = { v: /[%:]/.test(shown) ? shown : formatNumber(value), t: 'n', raw: shown.endsWith('%') ? shown : String(value) };
        }
      } else if (typeof value === 'boolean') {
        cell = { v: value ? 'TRUE' : 'FALSE', t: 'b', raw: value ? 'TRUE' : 'FALSE' };
      } else if (typeof value === 'string') {
        cell = { v: value, t: 's', raw: value };
      }
      if (formula !== undefined) cell = { ...(cell ?? { v: '', t: 's' }), f: formula };
      const format = decor?.formatAt(r, c);
      if (decor && format) {
        if (cell && (cell.t === 'n' || cell.t === 'd')) {
          const text = formatted(decor, r, c, format.numberFormat);
          if (text !== null) cell = { ...cell, v: text };
        }
        if (format.fontWeight === 'bold' || format.background) {
          cell = { ...(cell ?? { v: '', t: 's' }) };
          if (format.fontWeight === 'bold') cell.b = 1;
          if (format.background) cell.bg = format.background;
        }
      }
      out[c] = cell;
    }
    cells.push(out);
  }
  const view: SheetView = { name, rowCount, colCount, shownRows, cells };
  if (decor) {
    view.hiddenColumns = decor.hiddenColumns;
    view.frozenRows = decor.frozenRows;
  }
  return view;
}

/** Error cells of a sheet, as 'A2: #ERROR! message'. */
export function errorCells(engine: SheetsEngine, name: string): string[] {
  const found: string[] = [];
  engine.getSheetValues(name).forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && typeof v === 'object') found.push(`${name}!${a1Of(c, r)}: ${v.error} ${v.message}`);
    }),
  );
  return found;
}
