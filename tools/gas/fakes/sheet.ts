/** Sheet: one tab of the spreadsheet, with the row/column operations users and scripts make. */
import { parseA1 } from './a1';
import { sheetChartMethods, type SheetChartMethods } from './charts';
import type { FakeRange } from './range';
import { reorderRows } from './range';
import { sortedOrderBy } from './sheetOrder';
import type { Doc, FakeSpreadsheet } from './spreadsheet';
import type { SheetState } from './state';

export interface FakeSheet extends SheetChartMethods {
  getName(): string;
  setName(name: string): FakeSheet;
  getSheetId(): number;
  /** 1-based position among the tabs. */
  getIndex(): number;
  getParent(): FakeSpreadsheet;
  getDataRange(): FakeRange;
  getRange(a1: string): FakeRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  appendRow(values: unknown[]): FakeSheet;
  activate(): FakeSheet;
  hideSheet(): FakeSheet;
  showSheet(): FakeSheet;
  isSheetHidden(): boolean;
  hideColumns(columnIndex: number, numColumns?: number): void;
  showColumns(columnIndex: number, numColumns?: number): void;
  isColumnHiddenByUser(columnPosition: number): boolean;
  setFrozenRows(rows: number): void;
  getFrozenRows(): number;
  setFrozenColumns(columns: number): void;
  getFrozenColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet;
  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet;
  insertRowAfter(afterPosition: number): FakeSheet;
  insertRowBefore(beforePosition: number): FakeSheet;
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet;
  insertColumnsBefore(beforePosition: number, howMany: number): FakeSheet;
  insertColumnAfter(afterPosition: number): FakeSheet;
  insertColumnBefore(beforePosition: number): FakeSheet;
  deleteRows(rowPosition: number, howMany: number): void;
  deleteRow(rowPosition: number): FakeSheet;
  deleteColumns(columnPosition: number, howMany: number): void;
  deleteColumn(columnPosition: number): FakeSheet;
  sort(columnPosition: number, ascending?: boolean): FakeSheet;
  clear(): FakeSheet;
  clearContents(): FakeSheet;
  clearFormats(): FakeSheet;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;

export function makeSheet(doc: Doc, sheet: SheetState): FakeSheet {
  const { rt, state } = doc;
  const { store } = sheet;
  const rowsOutOfBounds = () => rt.error('Those rows are out of bounds.');
  const columnsOutOfBounds = () => rt.error('Those columns are out of bounds.');

  const insertRows = (at0: number, n: number): FakeSheet => {
    if (!isCount(n) || !(at0 >= 0 && at0 <= store.rowCount())) throw rowsOutOfBounds();
    store.insertRows(at0, n);
    // Rows inserted inside the frozen band widen it, as in Sheets.
    if (at0 < sheet.frozenRows) sheet.frozenRows += n;
    return self;
  };
  const insertColumns = (at0: number, n: number): FakeSheet => {
    if (!isCount(n) || !(at0 >= 0 && at0 <= store.columnCount())) throw columnsOutOfBounds();
    store.insertColumns(at0, n);
    sheet.hiddenColumns = new Set([...sheet.hiddenColumns].map((c) => (c > at0 ? c + n : c)));
    if (at0 < sheet.frozenColumns) sheet.frozenColumns += n;
    return self;
  };
  const deleteRows = (start: number, n: number): void => {
    if (!isCount(start) || !isCount(n) || start + n - 1 > store.rowCount()) throw rowsOutOfBounds();
    const frozenLeft = Math.min(sheet.frozenRows, start - 1) + Math.max(0, sheet.frozenRows - (start + n - 1));
    if (store.rowCount() - n <= frozenLeft) throw rt.error('Sorry, it is not possible to delete all non-frozen rows.');
    store.deleteRows(start - 1, n);
    sheet.frozenRows = frozenLeft;
  };
  const deleteColumns = (start: number, n: number): void => {
    if (!isCount(start) || !isCount(n) || start + n - 1 > store.columnCount()) throw columnsOutOfBounds();
    if (store.columnCount() - n <= sheet.frozenColumns) throw rt.error('Sorry, it is not possible to delete all non-frozen columns.');
    store.deleteColumns(start - 1, n);
    const end = start + n - 1;
    sheet.hiddenColumns = new Set([...sheet.hiddenColumns].filter((c) => c < start || c > end).map((c) => (c > end ? c - n : c)));
  };
  const columnSpan = (columnIndex: number, n: number): number[] => {
    if (!isCount(columnIndex) || !isCount(n) || columnIndex + n - 1 > store.columnCount()) throw columnsOutOfBounds();
    return Array.from({ length: n }, (_, i) => columnIndex + i);
  };
  const clearCells = (contents: boolean, formats: boolean): FakeSheet => {
    const rows = store.lastRow();
    const columns = store.columnCount();
    for (let r = 0; r < Math.max(rows, formats ? store.rowCount() : 0); r++) {
      for (let c = 0; c < columns; c++) {
        if (contents && r < rows) store.write(r, c, { value: '' });
        if (formats && store.format(r, c)) store.setFormat(r, c, { numberFormat: undefined, fontWeight: undefined, background: undefined });
      }
    }
    return self;
  };

  const getRange = (a: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange => {
    if (typeof a === 'string') {
      try {
        return doc.rangeOn(sheet, ...parseA1(a, store.rowCount(), store.columnCount()));
      } catch (e) {
        if ((e as Error).message === 'Range not found') throw rt.error('Range not found');
        throw e;
      }
    }
    return doc.rangeOn(sheet, a, column ?? NaN, numRows, numColumns);
  };

  const self: FakeSheet = {
    getName: () => sheet.name,
    setName(name) {
      const text = String(name);
      if (state.sheets.some((s) => s !== sheet && s.name === text)) {
        throw rt.error(`A sheet with the name "${text}" already exists. Please enter another name.`);
      }
      sheet.name = text;
      return self;
    },
    getSheetId: () => sheet.id,
    getIndex: () => state.sheets.indexOf(sheet) + 1,
    getParent: () => doc.spreadsheet(),
    getDataRange: () => doc.rangeOn(sheet, 1, 1, Math.max(store.lastRow(), 1), Math.max(store.lastColumn(), 1)),
    getRange: getRange as FakeSheet['getRange'],
    getLastRow: () => store.lastRow(),
    getLastColumn: () => store.lastColumn(),
    getMaxRows: () => store.rowCount(),
    getMaxColumns: () => store.columnCount(),
    appendRow(values: unknown[]) {
      const r = store.lastRow();
      // Sheets grows the sheet to fit the new row.
      if (r + 1 > store.rowCount()) store.insertRows(store.rowCount(), r + 1 - store.rowCount());
      if (values.length > store.columnCount()) store.insertColumns(store.columnCount(), values.length - store.columnCount());
      values.forEach((v, c) => doc.writeCell(sheet, r, c, v));
      return self;
    },
    activate() {
      doc.select(sheet, 1, 1, 1, 1);
      return self;
    },
    hideSheet() {
      sheet.hidden = true;
      return self;
    },
    showSheet() {
      sheet.hidden = false;
      return self;
    },
    isSheetHidden: () => sheet.hidden,
    hideColumns(columnIndex, n = 1) {
      for (const c of columnSpan(columnIndex, n)) sheet.hiddenColumns.add(c);
    },
    showColumns(columnIndex, n = 1) {
      for (const c of columnSpan(columnIndex, n)) sheet.hiddenColumns.delete(c);
    },
    isColumnHiddenByUser: (columnPosition) => sheet.hiddenColumns.has(columnPosition),
    setFrozenRows(rows) {
      if (!(Number.isInteger(rows) && rows >= 0 && rows < store.rowCount())) throw rowsOutOfBounds();
      sheet.frozenRows = rows;
    },
    getFrozenRows: () => sheet.frozenRows,
    setFrozenColumns(columns) {
      if (!(Number.isInteger(columns) && columns >= 0 && columns < store.columnCount())) throw columnsOutOfBounds();
      sheet.frozenColumns = columns;
    },
    getFrozenColumns: () => sheet.frozenColumns,
    insertRowsAfter: (after, n) => insertRows(after, n),
    insertRowsBefore: (before, n) => insertRows(before - 1, n),
    insertRowAfter: (after) => insertRows(after, 1),
    insertRowBefore: (before) => insertRows(before - 1, 1),
    insertColumnsAfter: (after, n) => insertColumns(after, n),
    insertColumnsBefore: (before, n) => insertColumns(before - 1, n),
    insertColumnAfter: (after) => insertColumns(after, 1),
    insertColumnBefore: (before) => insertColumns(before - 1, 1),
    deleteRows: (start, n) => deleteRows(start, n),
    deleteRow(start) {
      deleteRows(start, 1);
      return self;
    },
    deleteColumns: (start, n) => deleteColumns(start, n),
    deleteColumn(start) {
      deleteColumns(start, 1);
      return self;
    },
    sort(columnPosition, ascending = true) {
      if (!(isCount(columnPosition) && columnPosition <= store.columnCount())) throw columnsOutOfBounds();
      // Sorting a sheet leaves its frozen header rows where they are.
      const top = sheet.frozenRows;
      const rows = store.lastRow() - top;
      if (rows > 1) {
        const width = store.columnCount();
        const keys = Array.from({ length: rows }, (_, r) => [store.value(top + r, columnPosition - 1)]);
        reorderRows(sheet, top, 0, rows, width, sortedOrderBy(keys, [{ index: 0, ascending }]));
      }
      return self;
    },
    clear: () => clearCells(true, true),
    clearContents: () => clearCells(true, false),
    clearFormats: () => clearCells(false, true),
    ...sheetChartMethods(doc, sheet),
  };
  return self;
}
