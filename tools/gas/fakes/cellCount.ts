/**
 * A spreadsheet's size as Sheets counts it toward its limit of 10 million cells: every sheet's
 * rows × columns (max rows × max columns, used or not), 1,000 × 26 for a fresh sheet.
 */
import type { SheetState } from './state';

export interface SheetCells {
  name: string;
  rows: number;
  columns: number;
  cells: number;
  hidden: boolean;
}

export interface CellCount {
  total: number;
  sheets: SheetCells[];
}

export function cellCountOf(sheets: readonly SheetState[]): CellCount {
  const out = sheets.map((s) => {
    const rows = s.store.rowCount();
    const columns = s.store.columnCount();
    return { name: s.name, rows, columns, cells: rows * columns, hidden: s.hidden };
  });
  return { total: out.reduce((n, s) => n + s.cells, 0), sheets: out };
}
