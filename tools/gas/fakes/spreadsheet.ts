/** SpreadsheetApp and Spreadsheet: the document, its tabs, the user's selection and toasts. */
import { parseA1, splitSheetName } from './a1';
import { typedCell } from './cells';
import { newConditionalFormatRule } from './charts';
import { makeRange, type FakeRange } from './range';
import { counted, type Runtime } from './runtime';
import { RANGE_CELLS } from './costMeter';
import { makeSheet, type FakeSheet } from './sheet';
import { buildSheet, type SheetState, type SpreadsheetState } from './state';
import type { FakeUi } from './ui';
import { LIMITS } from './limits';

export interface FakeSpreadsheet {
  getSpreadsheetLocale(): string;
  getSpreadsheetTimeZone(): string;
  getId(): string;
  getName(): string;
  getUrl(): string;
  getSheetByName(name: string): FakeSheet | null;
  getSheetById(id: number): FakeSheet | null;
  getSheets(): FakeSheet[];
  getNumSheets(): number;
  /** The active sheet's id and name (a Spreadsheet stands for its active sheet in these). */
  getSheetId(): number;
  getSheetName(): string;
  getActiveSheet(): FakeSheet;
  setActiveSheet(sheet: FakeSheet): FakeSheet;
  getActiveRange(): FakeRange;
  setActiveRange(range: FakeRange): FakeRange;
  getActiveCell(): FakeRange;
  getCurrentCell(): FakeRange;
  /** 'Sheet1!A1:B2' (a range of the active sheet without a sheet name). */
  getRange(a1: string): FakeRange;
  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet;
  deleteSheet(sheet: FakeSheet): void;
  toast(message: unknown, title?: unknown, timeoutSeconds?: number): void;
}

/** What Range and Sheet need from their document (shared per runtime). */
export interface Doc {
  rt: Runtime;
  state: SpreadsheetState;
  /** The formula getActiveRange() answers while a custom function computes (null: the cell's own). */
  activeFormula: string | null;
  sheetOf(sheet: SheetState): FakeSheet;
  /** A counted Range, after the checks Sheet.getRange makes in Apps Script. */
  rangeOn(sheet: SheetState, row: number, column: number, numRows?: number, numColumns?: number, active?: boolean): FakeRange;
  spreadsheet(): FakeSpreadsheet;
  /** Stores what a script wrote into a cell (0-based), as Sheets parses it. */
  writeCell(sheet: SheetState, r: number, c: number, v: unknown): void;
  select(sheet: SheetState, row: number, column: number, numRows: number, numColumns: number): void;
  stateOf(sheet: unknown): SheetState;
  /** Where a Range object of this document is (charts and rules keep ranges). */
  rangeInfo(range: unknown): { sheet: SheetState; row: number; column: number; numRows: number; numColumns: number };
}

export function createSpreadsheetServices(rt: Runtime, getUi: () => FakeUi) {
  const state = rt.state.spreadsheet;
  const sheetObjects = new Map<SheetState, FakeSheet>();
  const sheetStates = new WeakMap<object, SheetState>();
  const rangeStates = new WeakMap<object, { sheet: SheetState; row: number; column: number; numRows: number; numColumns: number }>();

  const findSheet = (id: number): SheetState | undefined => state.sheets.find((s) => s.id === id);
  const activeSheet = (): SheetState => findSheet(state.activeSheetId) ?? state.sheets[0];

  const doc: Doc = {
    rt,
    state,
    activeFormula: null,
    sheetOf(sheet) {
      let obj = sheetObjects.get(sheet);
      if (!obj) {
        obj = counted('Sheet', makeSheet(doc, sheet), rt);
        sheetObjects.set(sheet, obj);
        sheetStates.set(obj, sheet);
      }
      return obj;
    },
    rangeOn(sheet, row, column, numRows = 1, numColumns = 1, active = false) {
      if (!(row >= 1)) throw rt.error('The starting row of the range is too small.');
      if (!(column >= 1)) throw rt.error('The starting column of the range is too small.');
      if (!(numRows >= 1)) throw rt.error('The number of rows in the range must be at least 1.');
      if (!(numColumns >= 1)) throw rt.error('The number of columns in the range must be at least 1.');
      if (row + numRows - 1 > sheet.store.rowCount() || column + numColumns - 1 > sheet.store.columnCount()) {
        throw rt.error('The coordinates of the range are outside the dimensions of the sheet.');
      }
      const range = counted('Range', makeRange(doc, sheet, row, column, numRows, numColumns, active), rt);
      Object.defineProperty(range, RANGE_CELLS, { value: numRows * numColumns });
      rangeStates.set(range, { sheet, row, column, numRows, numColumns });
      return range;
    },
    spreadsheet: () => spreadsheet,
    writeCell(sheet, r, c, v) {
      const format = sheet.store.format(r, c);
      const typed = typedCell(v, format?.numberFormat === '@', state.timeZone);
      sheet.store.write(r, c, typed.cell);
      if (typed.numberFormat && !format?.numberFormat) sheet.store.setFormat(r, c, { numberFormat: typed.numberFormat });
    },
    select(sheet, row, column, numRows, numColumns) {
      state.activeSheetId = sheet.id;
      state.selection = { sheetId: sheet.id, row, column, numRows, numColumns };
    },
    stateOf(sheet) {
      const s = sheet && typeof sheet === 'object' ? sheetStates.get(sheet) : undefined;
      if (!s || !state.sheets.includes(s)) throw rt.error('Invalid argument: sheet');
      return s;
    },
    rangeInfo(range) {
      const r = range && typeof range === 'object' ? rangeStates.get(range) : undefined;
      if (!r) throw rt.error('Invalid argument: range');
      return r;
    },
  };

  const activeRange = (): FakeRange => {
    const sel = state.selection;
    const sheet = findSheet(sel.sheetId) ?? activeSheet();
    const fits = sel.row + sel.numRows - 1 <= sheet.store.rowCount() && sel.column + sel.numColumns - 1 <= sheet.store.columnCount();
    return fits ? doc.rangeOn(sheet, sel.row, sel.column, sel.numRows, sel.numColumns, true) : doc.rangeOn(sheet, 1, 1, 1, 1, true);
  };
  const activeCell = (): FakeRange => {
    const sel = state.selection;
    return doc.rangeOn(findSheet(sel.sheetId) ?? activeSheet(), sel.row, sel.column, 1, 1, true);
  };
  const nameTaken = (name: string): boolean => state.sheets.some((s) => s.name === name);
  const setActiveSheet = (sheet: FakeSheet): FakeSheet => {
    const s = doc.stateOf(sheet);
    doc.select(s, 1, 1, 1, 1);
    return doc.sheetOf(s);
  };

  const spreadsheet: FakeSpreadsheet = counted('Spreadsheet', {
    getSpreadsheetLocale: () => state.locale,
    getSpreadsheetTimeZone: () => state.timeZone,
    getId: () => state.id,
    getName: () => state.name,
    getUrl: () => `https://docs.google.com/spreadsheets/d/${state.id}/edit`,
    getSheetByName(name: string) {
      const sheet = state.sheets.find((s) => s.name === String(name));
      return sheet ? doc.sheetOf(sheet) : null;
    },
    getSheetById(id: number) {
      const sheet = findSheet(Number(id));
      return sheet ? doc.sheetOf(sheet) : null;
    },
    getSheets: () => state.sheets.map(doc.sheetOf),
    getNumSheets: () => state.sheets.length,
    getSheetId: () => activeSheet().id,
    getSheetName: () => activeSheet().name,
    getActiveSheet: () => doc.sheetOf(activeSheet()),
    setActiveSheet,
    getActiveRange: activeRange,
    setActiveRange(range: FakeRange) {
      const r = rangeStates.get(range);
      if (!r) throw rt.error('Invalid argument: range');
      doc.select(r.sheet, r.row, r.column, r.numRows, r.numColumns);
      return range;
    },
    getActiveCell: activeCell,
    getCurrentCell: activeCell,
    getRange(a1: string) {
      const [name, cells] = splitSheetName(String(a1));
      const sheet = name === null ? activeSheet() : state.sheets.find((s) => s.name === name);
      if (!sheet) throw rt.error('Range not found');
      try {
        return doc.rangeOn(sheet, ...parseA1(cells, sheet.store.rowCount(), sheet.store.columnCount()));
      } catch (e) {
        if ((e as Error).message === 'Range not found') throw rt.error('Range not found');
        throw e;
      }
    },
    insertSheet(nameOrIndex?: string | number, index?: number) {
      let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
      const at = typeof nameOrIndex === 'number' ? nameOrIndex : index;
      if (name === undefined) {
        let n = state.sheets.length + 1;
        while (nameTaken(`Sheet${n}`)) n++;
        name = `Sheet${n}`;
      }
      if (nameTaken(name)) throw rt.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
      if (at !== undefined && !(Number.isInteger(at) && at >= 0 && at <= state.sheets.length)) throw rt.error('Invalid argument: sheetIndex');
      const sheet = buildSheet(state, rt.state.createStore, name, []);
      state.sheets.splice(at ?? state.sheets.length, 0, sheet);
      // The new sheet becomes the active one, as in Sheets.
      doc.select(sheet, 1, 1, 1, 1);
      return doc.sheetOf(sheet);
    },
    deleteSheet(sheet: FakeSheet) {
      const s = doc.stateOf(sheet);
      if (state.sheets.length === 1) throw rt.error("You can't remove all the sheets in a document.");
      state.sheets.splice(state.sheets.indexOf(s), 1);
      if (state.activeSheetId === s.id) doc.select(state.sheets[0], 1, 1, 1, 1);
    },
    toast(message: unknown, title?: unknown, timeoutSeconds?: number) {
      rt.state.ui.toasts.push({
        message: String(message),
        title: title === undefined || title === null ? '' : String(title),
        seconds: timeoutSeconds ?? LIMITS.toastSeconds,
        execution: rt.execution.id,
      });
    },
  } satisfies FakeSpreadsheet, rt);

  const SpreadsheetApp = counted('SpreadsheetApp', {
    getActiveSpreadsheet: () => (rt.execution.noActiveSpreadsheet ? null : spreadsheet),
    getActive: () => (rt.execution.noActiveSpreadsheet ? null : spreadsheet),
    /** The one file of these fakes, by its id (needs the spreadsheets scope, see manifest.ts). */
    openById(id: string) {
      if (String(id) !== state.id) throw rt.error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
      return spreadsheet;
    },
    getActiveSheet: () => doc.sheetOf(activeSheet()),
    getActiveRange: activeRange,
    getCurrentCell: activeCell,
    setActiveSheet,
    getUi() {
      if (!rt.execution.ui) throw rt.error('Cannot call SpreadsheetApp.getUi() from this context.');
      return getUi();
    },
    flush: () => undefined,
    newConditionalFormatRule: () => newConditionalFormatRule(doc, rt),
  }, rt);

  return { SpreadsheetApp, spreadsheet, doc };
}
