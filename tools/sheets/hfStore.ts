/**
 * The fake Spreadsheet's cells kept in the HyperFormula engine (the SheetStore seam of
 * tools/gas/fakes/sheetStore.ts): what the add-on writes is what the grid shows, computed
 * formulas included, and what a user types into the grid is what the add-on reads. One engine,
 * one set of cells; no copying between two stores.
 *
 * - Writes are Sheets' rules already applied by the fake (a '=' string is a formula, a leading
 *   apostrophe was taken off): a text value goes into HyperFormula behind an apostrophe, so
 *   '007', 'TRUE' or '2026-11' stay text; a Date becomes a date cell in the spreadsheet's time
 *   zone; a formula is typed as it is.
 * - Reads give what getValues() gives in Sheets: '' for empty, numbers, text, booleans, a Date
 *   for a date, time or date-time cell, an error cell's code ('#REF!').
 * - Writes wait in a queue until something reads (or the run ends): a setValues of a whole
 *   table is then one recalculation, not one per cell.
 * - Formatting (number format, bold, background) is kept beside the cells and moves with them.
 * - A sheet's store learns its name from the document (stores are made before the sheet is
 *   named); a renamed sheet renames its engine sheet, so formulas that point at it follow, and a
 *   deleted one leaves the engine on the next reconcile().
 */
import type { CellFormat, CellValue, CellWrite, SheetStore } from '../gas/fakes/sheetStore';
import type { GasState, SheetState } from '../gas/fakes/state';
import type { CellWriteAt, SheetsEngine, SheetValue } from './engine';
import { dateInput, msToSerial, serialToMs } from './serial';

// HyperFormula's CellValueDetailedType values of cells Sheets hands to scripts as Dates.
const DATE_TYPES = new Set(['NUMBER_DATE', 'NUMBER_DATETIME', 'NUMBER_TIME']);

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export interface HfBook {
  /** GasState's createStore: a store per sheet, bound to its engine sheet on first use. */
  createStore(rows: number, columns: number): SheetStore;
  /** Binds the book to the document whose stores it made and to the engine holding the cells. */
  attach(state: GasState, engine: SheetsEngine): void;
  /** Types the queued writes into the engine (one recalculation). */
  flush(): void;
  /** The engine follows the document's sheets: renamed ones renamed, deleted ones removed. */
  reconcile(): void;
  /** Counts changes to the document's cells, formats and sheets (a page redraws when it moved). */
  revision(): number;
  /** Counts a change made to the engine directly (a user typing into the grid). */
  touch(): void;
}

interface Pending {
  sheet: string;
  row: number;
  col: number;
  content: unknown;
}

/** What a store needs from its book. */
interface Book {
  readonly timeZone: string;
  /** Bumped by every write, format change and row or column operation. */
  revision: number;
  live(): { state: GasState; engine: SheetsEngine };
  /** Engine sheet name → the store that owns it (the file's first sheets have none until bound). */
  readonly owners: Map<string, HfSheetStore>;
  flush(): void;
  enqueue(p: Pending): void;
  alive(store: HfSheetStore): boolean;
}

function toCell(value: SheetValue, type: string, timeZone: string): CellValue {
  if (value === null) return '';
  if (typeof value === 'number') return DATE_TYPES.has(type) ? new Date(serialToMs(value, timeZone)) : value;
  if (typeof value === 'object') return value.error;
  return value;
}

function toContent(cell: CellWrite, timeZone: string): unknown {
  if ('formula' in cell) return cell.formula;
  const v = cell.value;
  if (v === '') return null;
  // The apostrophe makes HyperFormula keep the text as it is (HyperFormula drops it, as Sheets does).
  if (typeof v === 'string') return `'${v}`;
  if (isDate(v)) return dateInput(v.getTime(), timeZone) ?? msToSerial(v.getTime(), timeZone);
  return v;
}

class HfSheetStore implements SheetStore {
  private sheet: SheetState | undefined;
  private hfName = '';
  private readonly formats: ((CellFormat | undefined)[] | undefined)[] = [];

  constructor(private readonly owner: Book, private rows: number, private columns: number) {}

  /** The engine sheet's name, binding the store on first use and following renames. */
  name(): string {
    const { state: st, engine: en } = this.owner.live();
    if (!this.sheet) {
      const sheet = st.spreadsheet.sheets.find((s) => s.store === this);
      if (!sheet) throw new Error('HfSheetStore: this store belongs to no sheet of the document');
      this.sheet = sheet;
      this.claim(sheet.name, en);
    } else if (this.sheet.name !== this.hfName) {
      this.owner.flush();
      const taken = this.owner.owners.get(this.sheet.name);
      if (taken && taken !== this) this.evict(this.sheet.name, en);
      en.renameSheet(this.hfName, this.sheet.name);
      this.owner.owners.delete(this.hfName);
      this.hfName = this.sheet.name;
      this.owner.owners.set(this.hfName, this);
    }
    return this.hfName;
  }

  /** Takes the engine sheet of that name: the file's own (made from the sample), or a new one. */
  private claim(name: string, en: SheetsEngine): void {
    const taken = this.owner.owners.get(name);
    if (taken) this.evict(name, en);
    if (en.getSheetNames().includes(name) && !taken) {
      // A sheet the file started with: its cells are already in the engine.
      const extent = en.extent(name);
      this.rows = Math.max(this.rows, extent.rows);
      this.columns = Math.max(this.columns, extent.cols);
    } else {
      en.addSheet(name);
    }
    this.hfName = name;
    this.owner.owners.set(name, this);
  }

  /** A sheet deleted from the document whose engine sheet still holds the name. */
  private evict(name: string, en: SheetsEngine): void {
    const other = this.owner.owners.get(name);
    if (other && this.owner.alive(other)) throw new Error(`HfSheetStore: two sheets named ${name}`);
    this.owner.flush();
    this.owner.owners.delete(name);
    en.removeSheet(name);
  }

  /** At least what the engine holds: a user may type below the last row, a formula spill past it. */
  rowCount(): number {
    const name = this.name();
    this.rows = Math.max(this.rows, this.owner.live().engine.extent(name).rows);
    return this.rows;
  }

  columnCount(): number {
    const name = this.name();
    this.columns = Math.max(this.columns, this.owner.live().engine.extent(name).cols);
    return this.columns;
  }

  value(r: number, c: number): CellValue {
    const name = this.name();
    this.owner.flush();
    const { value, type } = this.owner.live().engine.cellAt(name, r, c);
    return toCell(value, type, this.owner.timeZone);
  }

  formula(r: number, c: number): string {
    const name = this.name();
    this.owner.flush();
    return this.owner.live().engine.formulaAt(name, r, c) ?? '';
  }

  write(r: number, c: number, cell: CellWrite): void {
    this.owner.enqueue({ sheet: this.name(), row: r, col: c, content: toContent(cell, this.owner.timeZone) });
  }

  format(r: number, c: number): Readonly<CellFormat> | undefined {
    return this.formats[r]?.[c];
  }

  setFormat(r: number, c: number, patch: Partial<CellFormat>): void {
    this.owner.revision++;
    const row = (this.formats[r] ??= []);
    const next: CellFormat = { ...row[c], ...patch };
    for (const key of Object.keys(next) as (keyof CellFormat)[]) if (next[key] === undefined) delete next[key];
    row[c] = Object.keys(next).length > 0 ? next : undefined;
  }

  private filled(name: string, r: number, c: number): boolean {
    const en = this.owner.live().engine;
    return en.cellAt(name, r, c).value !== null || en.formulaAt(name, r, c) !== undefined;
  }

  lastRow(): number {
    const name = this.name();
    this.owner.flush();
    const { rows, cols } = this.owner.live().engine.extent(name);
    for (let r = rows - 1; r >= 0; r--) {
      for (let c = 0; c < cols; c++) if (this.filled(name, r, c)) return r + 1;
    }
    return 0;
  }

  lastColumn(): number {
    const name = this.name();
    this.owner.flush();
    const { rows, cols } = this.owner.live().engine.extent(name);
    for (let c = cols - 1; c >= 0; c--) {
      for (let r = 0; r < rows; r++) if (this.filled(name, r, c)) return c + 1;
    }
    return 0;
  }

  insertRows(at: number, n: number): void {
    const name = this.name();
    this.owner.flush();
    this.owner.revision++;
    if (at < this.formats.length) this.formats.splice(at, 0, ...new Array<undefined>(n));
    this.owner.live().engine.insertRows(name, at, n);
    this.rows += n;
  }

  deleteRows(at: number, n: number): void {
    const name = this.name();
    this.owner.flush();
    this.owner.revision++;
    if (at < this.formats.length) this.formats.splice(at, n);
    this.owner.live().engine.removeRows(name, at, n);
    this.rows -= n;
  }

  insertColumns(at: number, n: number): void {
    const name = this.name();
    this.owner.flush();
    this.owner.revision++;
    for (const row of this.formats) if (row && at < row.length) row.splice(at, 0, ...new Array<undefined>(n));
    this.owner.live().engine.insertColumns(name, at, n);
    this.columns += n;
  }

  deleteColumns(at: number, n: number): void {
    const name = this.name();
    this.owner.flush();
    this.owner.revision++;
    for (const row of this.formats) if (row && at < row.length) row.splice(at, n);
    this.owner.live().engine.removeColumns(name, at, n);
    this.columns -= n;
  }
}

export function createHfBook(timeZone: string): HfBook {
  let state: GasState | undefined;
  let engine: SheetsEngine | undefined;
  let queue: Pending[] = [];
  let flushing = false;
  /** Engine sheet name → the store that owns it (initial sheets have none until bound). */
  const owners = new Map<string, HfSheetStore>();

  const live = (): { state: GasState; engine: SheetsEngine } => {
    if (!state || !engine) throw new Error('HfBook: attach(state, engine) first');
    return { state, engine };
  };

  const book: Book = {
    timeZone,
    revision: 0,
    live,
    owners,
    /** Writes are typed in before anything reads; a read made while the engine computes (a custom function) sees the cells as they are. */
    flush(): void {
      if (queue.length === 0 || flushing) return;
      const writes: CellWriteAt[] = queue;
      queue = [];
      flushing = true;
      try {
        live().engine.setCells(writes);
      } finally {
        flushing = false;
      }
    },
    enqueue(p: Pending): void {
      book.revision++;
      queue.push(p);
    },
    /** Whether a store's sheet is still in the document. */
    alive(store: HfSheetStore): boolean {
      return live().state.spreadsheet.sheets.some((s) => s.store === store);
    },
  };

  const hfBook: HfBook = {
    createStore: (rows, columns) => new HfSheetStore(book, rows, columns),
    attach(s, e) {
      state = s;
      engine = e;
      // Bind every sheet the document starts with now, so each owns its engine sheet from the start.
      for (const sheet of s.spreadsheet.sheets) if (sheet.store instanceof HfSheetStore) sheet.store.name();
    },
    flush: () => book.flush(),
    reconcile() {
      book.flush();
      const { state: st, engine: en } = live();
      for (const sheet of st.spreadsheet.sheets) {
        if (sheet.store instanceof HfSheetStore) sheet.store.name();
      }
      for (const [name, owner] of [...owners]) {
        if (!book.alive(owner)) {
          owners.delete(name);
          en.removeSheet(name);
        }
      }
    },
    revision: () => book.revision,
    touch() {
      book.revision++;
    },
  };
  return hfBook;
}
