/** A sheet as the page shows it: display text per cell, formulas, and which cells are dates or errors. */
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

export function sheetView(engine: SheetsEngine, name: string, maxRows = DEFAULT_VIEW_ROWS): SheetView {
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
      const formula = engine.getFormula(name, a1);
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
      out[c] = cell;
    }
    cells.push(out);
  }
  return { name, rowCount, colCount, shownRows, cells };
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
