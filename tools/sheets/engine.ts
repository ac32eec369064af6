/**
 * A local stand-in for Google Sheets' formula engine: HyperFormula, plus custom functions that
 * receive arguments and spill results the way Sheets does (see plugin.ts and values.ts).
 *
 * Tests and the local tool type formulas such as `=RFM(Orders!A2:A5000, …)` into sheets and read
 * back what a user would see.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { RawCellContent, SimpleCellAddress } from 'hyperformula';
import { CellValueDetailedType } from 'hyperformula';
import { formatDisplay } from './display';
import { anchorKey, buildBound, registerNames, type CustomFunction, type EngineContext } from './plugin';
import type { DateBridge } from './values';

export interface SheetsEngineOptions extends DateBridge {
  /** Raw cell contents per sheet: numbers, strings ('=…' is a formula), booleans, null/'' for empty. */
  sheets: Record<string, unknown[][]>;
  /** Custom functions by name (matched upper-case, as Sheets does). */
  functions: Record<string, (...args: unknown[]) => unknown>;
  /** Called with the computing cell's formula before each custom function call. */
  onCompute?: (formula: string) => void;
  /**
   * Values exactly as computed (a date-time to the millisecond, 0.1 + 0.2 as the double), as
   * Sheets hands them to scripts. Default false: HyperFormula rounds to 10 significant digits.
   */
  exactValues?: boolean;
  /** The spreadsheet's language, for the engine's own messages (a blocked spill): Sheets says them in the file's locale. */
  lang?: 'zh' | 'en';
}

/** An error as getValue reports it: the code users see and the message behind it. */
export interface CellErrorValue {
  error: string;
  message: string;
}

export type SheetValue = number | string | boolean | null | CellErrorValue;

export interface SheetsEngine {
  /** Types into a cell (formula or value); custom functions whose result size changed re-spill. */
  setCell(sheet: string, a1: string, content: unknown): void;
  /** The cell's value; dates are serial numbers (see isDateCell), empty is null. */
  getValue(sheet: string, a1: string): SheetValue;
  /** What a user sees: dates yyyy-mm-dd, errors as '#ERROR!' etc. */
  getDisplay(sheet: string, a1: string): string;
  /** Values (as getValue) of a range such as 'B2:D9', rows of cells. */
  getRange(sheet: string, a1Range: string): SheetValue[][];
  /** Values of the whole used area of a sheet. */
  getSheetValues(sheet: string): SheetValue[][];
  getSheetNames(): string[];
  /** The formula typed into a cell, e.g. '=SUM(A1:A3)'; undefined for values and spilled cells. */
  getFormula(sheet: string, a1: string): string | undefined;
  isDateCell(sheet: string, a1: string): boolean;
  destroy(): void;

  // Positional access (0-based rows and columns), for a SheetStore over the same cells.
  addSheet(name: string): void;
  removeSheet(name: string): void;
  renameSheet(from: string, to: string): void;
  /** Types many cells in one recalculation (content as setCell takes it). */
  setCells(writes: readonly CellWriteAt[]): void;
  /** The cell's value and HyperFormula's detailed type of it (CellValueDetailedType). */
  cellAt(sheet: string, row: number, col: number): { value: SheetValue; type: string };
  /** The formula typed into the cell; undefined for values and spilled cells. */
  formulaAt(sheet: string, row: number, col: number): string | undefined;
  /** Rows and columns that may hold something (never shrinks when cells are cleared). */
  extent(sheet: string): { rows: number; cols: number };
  /** Inserts `n` empty rows (or columns) before 0-based `at`; formulas pointing below shift, as in Sheets. */
  insertRows(sheet: string, at: number, n: number): void;
  removeRows(sheet: string, at: number, n: number): void;
  insertColumns(sheet: string, at: number, n: number): void;
  removeColumns(sheet: string, at: number, n: number): void;
}

export interface CellWriteAt {
  sheet: string;
  row: number;
  col: number;
  content: unknown;
}

// Re-entering a formula settles it in one round unless its size depends on its own placement;
// the cap only stops a function whose size changes on every call from looping forever.
const MAX_SETTLE_ROUNDS = 10;

const DATE_TYPES = new Set<string>([CellValueDetailedType.NUMBER_DATE, CellValueDetailedType.NUMBER_DATETIME]);

// An unquoted sheet name before '!' that HyperFormula cannot read: one with a character outside
// ASCII (订单!A2:A). Sheets reads those unquoted; HyperFormula only reads them quoted.
const UNQUOTED_SHEET = /(^|[^A-Za-z0-9_.'\u0080-\uFFFF])([A-Za-z0-9_.\u0080-\uFFFF]*[\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*)!/g;

/** A formula as Sheets reads it, as HyperFormula reads it: non-ASCII sheet names quoted ('订单'!A2:A). */
export function quoteSheetNames(formula: string): string {
  const parts = formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/);
  for (let i = 0; i < parts.length; i += 2) parts[i] = parts[i].replace(UNQUOTED_SHEET, (_, before: string, name: string) => `${before}'${name}'!`);
  return parts.join('');
}

/** A cell's content as HyperFormula takes it; empty is null, as buildFromSheets expects. */
function rawContent(v: unknown): RawCellContent {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'string' && v.startsWith('=')) return quoteSheetNames(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v;
  throw new Error(`Unsupported cell content: ${Object.prototype.toString.call(v)}`);
}

function toSheetValue(v: unknown): SheetValue {
  if (v instanceof DetailedCellError) return { error: v.value, message: v.message };
  return v as SheetValue;
}

export function createSheetsEngine(o: SheetsEngineOptions): SheetsEngine {
  const functions = new Map<string, CustomFunction>();
  for (const [name, fn] of Object.entries(o.functions)) functions.set(name.toUpperCase(), fn);
  registerNames(functions.keys());

  const ctx: EngineContext = {
    functions,
    dates: { toDate: o.toDate, fromDate: o.fromDate, isDate: o.isDate },
    onCompute: o.onCompute,
    lang: o.lang ?? 'en',
    sizes: new Map(),
    anchors: new Map(),
    dirty: new Map(),
  };

  const sheets: Record<string, RawCellContent[][]> = {};
  for (const [name, rows] of Object.entries(o.sheets)) sheets[name] = rows.map((row) => row.map(rawContent));

  let hf: HyperFormula | undefined = buildBound(ctx, () =>
    HyperFormula.buildFromSheets(sheets, {
      licenseKey: 'gpl-v3',
      // The test data types dates as 2024-03-05; Sheets reads those as dates too.
      dateFormats: ['YYYY-MM-DD', 'YYYY/MM/DD'],
      // Nothing undoes; HyperFormula's undo history grows with every change and makes each
      // following change slower (it walks its old data versions).
      undoLimit: 0,
      smartRounding: !o.exactValues,
    }),
  );

  const live = (): HyperFormula => {
    if (hf === undefined) throw new Error('The sheets engine was destroyed');
    return hf;
  };

  const sheetId = (sheet: string): number => {
    const id = live().getSheetId(sheet);
    if (id === undefined) throw new Error(`No sheet named ${sheet}`);
    return id;
  };

  const address = (sheet: string, a1: string): SimpleCellAddress => {
    const id = sheetId(sheet);
    const a = live().simpleCellAddressFromString(a1, id);
    if (a === undefined) throw new Error(`Not a cell address: ${a1}`);
    return a;
  };

  /** Types marked formulas in again, so HyperFormula reserves the size they actually produce. */
  const settle = (): void => {
    const engine = live();
    for (let round = 0; round < MAX_SETTLE_ROUNDS && ctx.dirty.size > 0; round++) {
      const batch = [...ctx.dirty.values()];
      ctx.dirty.clear();
      engine.batch(() => {
        for (const a of batch) {
          const formula = engine.getCellFormula(a);
          if (formula !== undefined) engine.setCellContents(a, formula);
        }
      });
    }
    ctx.dirty.clear();
  };

  /**
   * After an edit at `at`: a custom call whose spill (wanted or placed) covers `at` must be
   * re-entered. HyperFormula alone would leave #SPILL! after typing into a spill and would not
   * re-spill after the blocking cell is cleared; Sheets does both.
   */
  const noteEdit = (at: SimpleCellAddress): void => {
    for (const [key, anchor] of ctx.anchors) {
      const a = anchor.address;
      if (a.sheet !== at.sheet) continue;
      if (a.row === at.row && a.col === at.col) {
        ctx.anchors.delete(key); // replaced; its new formula registers itself when evaluated
        continue;
      }
      const rows = Math.max(anchor.want.rows, anchor.placed.rows);
      const cols = Math.max(anchor.want.cols, anchor.placed.cols);
      if (at.row >= a.row && at.row < a.row + rows && at.col >= a.col && at.col < a.col + cols) {
        ctx.dirty.set(anchorKey(a), a);
      }
    }
  };

  settle();

  const getValue = (sheet: string, a1: string): SheetValue => toSheetValue(live().getCellValue(address(sheet, a1)));

  /**
   * Rows or columns inserted (n > 0) or removed (n < 0) at `at` on a sheet: the spill bookkeeping
   * is keyed by address, so it moves with the cells (a removed anchor is forgotten). Called
   * before HyperFormula moves the cells: the formulas it re-evaluates while doing so then find
   * their sizes at their new addresses and register there.
   */
  const shiftAnchors = (sheet: number, axis: 'row' | 'col', at: number, n: number): void => {
    const move = (a: SimpleCellAddress): SimpleCellAddress | null => {
      if (a.sheet !== sheet || a[axis] < at) return a;
      if (n < 0 && a[axis] < at - n) return null;
      return { ...a, [axis]: a[axis] + n };
    };
    const anchors = [...ctx.anchors.values()];
    ctx.anchors.clear();
    for (const anchor of anchors) {
      const to = move(anchor.address);
      if (to) ctx.anchors.set(anchorKey(to), { ...anchor, address: to });
    }
    const sizes = [...ctx.sizes];
    ctx.sizes.clear();
    for (const [key, size] of sizes) {
      const m = /^(\d+)!(\d+),(\d+)\|/.exec(key);
      if (!m) continue;
      const to = move({ sheet: Number(m[1]), row: Number(m[2]), col: Number(m[3]) });
      if (to) ctx.sizes.set(anchorKey(to) + key.slice(m[0].length - 1), size);
    }
    ctx.dirty.clear();
  };

  const at = (sheet: string, row: number, col: number): SimpleCellAddress => ({ sheet: sheetId(sheet), row, col });

  return {
    setCell(sheet, a1, content) {
      const a = address(sheet, a1);
      // Before the edit: the edit evaluates a new formula here at once, which registers itself.
      noteEdit(a);
      live().setCellContents(a, rawContent(content));
      settle();
    },
    getValue,
    getDisplay(sheet, a1) {
      const a = address(sheet, a1);
      return formatDisplay(getValue(sheet, a1), live().getCellValueDetailedType(a));
    },
    getRange(sheet, a1Range) {
      const id = sheetId(sheet);
      const range = live().simpleCellRangeFromString(a1Range, id) ?? (() => {
        const one = live().simpleCellAddressFromString(a1Range, id);
        return one && { start: one, end: one };
      })();
      if (range === undefined) throw new Error(`Not a range: ${a1Range}`);
      return live().getRangeValues(range).map((row) => row.map(toSheetValue));
    },
    getSheetValues(sheet) {
      return live().getSheetValues(sheetId(sheet)).map((row) => row.map(toSheetValue));
    },
    getSheetNames() {
      return live().getSheetNames();
    },
    getFormula(sheet, a1) {
      return live().getCellFormula(address(sheet, a1));
    },
    isDateCell(sheet, a1) {
      return DATE_TYPES.has(live().getCellValueDetailedType(address(sheet, a1)));
    },
    addSheet(name) {
      live().addSheet(name);
    },
    removeSheet(name) {
      const id = sheetId(name);
      for (const [key, anchor] of ctx.anchors) if (anchor.address.sheet === id) ctx.anchors.delete(key);
      live().removeSheet(id);
      settle();
    },
    renameSheet(from, to) {
      live().renameSheet(sheetId(from), to);
    },
    setCells(writes) {
      if (writes.length === 0) return;
      const engine = live();
      const addresses = writes.map((w) => at(w.sheet, w.row, w.col));
      // Suspended evaluation, not batch(): HyperFormula 3.5's batch walks every operation made so
      // far in the batch on each new one (its undo bookkeeping), which is quadratic in the writes.
      engine.suspendEvaluation();
      try {
        writes.forEach((w, i) => {
          noteEdit(addresses[i]);
          engine.setCellContents(addresses[i], rawContent(w.content));
        });
      } finally {
        engine.resumeEvaluation();
      }
      settle();
    },
    cellAt(sheet, row, col) {
      const a = at(sheet, row, col);
      const engine = live();
      const value = toSheetValue(engine.getCellValue(a));
      // The detailed type costs a second lookup; only numbers need it (dates are numbers).
      return { value, type: typeof value === 'number' ? engine.getCellValueDetailedType(a) : '' };
    },
    formulaAt(sheet, row, col) {
      return live().getCellFormula(at(sheet, row, col));
    },
    extent(sheet) {
      const d = live().getSheetDimensions(sheetId(sheet));
      return { rows: d.height, cols: d.width };
    },
    insertRows(sheet, row, n) {
      const id = sheetId(sheet);
      if (row >= live().getSheetDimensions(id).height) return;
      shiftAnchors(id, 'row', row, n);
      live().addRows(id, [row, n]);
      settle();
    },
    removeRows(sheet, row, n) {
      const id = sheetId(sheet);
      const height = live().getSheetDimensions(id).height;
      if (row >= height) return;
      shiftAnchors(id, 'row', row, -n);
      live().removeRows(id, [row, Math.min(n, height - row)]);
      settle();
    },
    insertColumns(sheet, col, n) {
      const id = sheetId(sheet);
      if (col >= live().getSheetDimensions(id).width) return;
      shiftAnchors(id, 'col', col, n);
      live().addColumns(id, [col, n]);
      settle();
    },
    removeColumns(sheet, col, n) {
      const id = sheetId(sheet);
      const width = live().getSheetDimensions(id).width;
      if (col >= width) return;
      shiftAnchors(id, 'col', col, -n);
      live().removeColumns(id, [col, Math.min(n, width - col)]);
      settle();
    },
    destroy() {
      hf?.destroy();
      hf = undefined;
      ctx.anchors.clear();
      ctx.sizes.clear();
      ctx.dirty.clear();
    },
  };
}

export { parseCsv } from './csv';
