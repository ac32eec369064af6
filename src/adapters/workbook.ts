/**
 * The spreadsheet as the automation and the card use it: whole sheets read with one call,
 * blocks written with one call, the add-on's own sheets created on demand. Every Spreadsheet
 * service call of those features goes through here, so they can be seen and counted.
 *
 * Sheet objects are looked up once per execution and kept: in Apps Script each getSheetByName
 * is a round trip.
 */
import { planStatusRules, type RuleView, type TextColourRule } from '../core/automation/statusColours';
import type { CellValue } from '../core/cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class Workbook {
  private sheetsByName: Map<string, Sheet> | null = null;
  private readonly contents = new Map<string, CellValue[][]>();
  /** Last used row per sheet, asked once per execution and kept up to date by this object's writes. */
  private readonly lastRows = new Map<string, number>();

  constructor(readonly spreadsheet: Spreadsheet) {}

  /** The spreadsheet of this execution, or null outside one (a time trigger of a standalone script). */
  static active(): Workbook | null {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return ss ? new Workbook(ss) : null;
  }

  /**
   * The spreadsheet with this id, for a clock trigger that runs without an active one; null
   * when there is no id or the file cannot be opened (deleted, access removed). openById needs
   * the spreadsheets scope (spreadsheets.currentonly does not allow it): see docs/platform.md.
   */
  static open(id: string | null): Workbook | null {
    if (!id) return null;
    try {
      return new Workbook(SpreadsheetApp.openById(id));
    } catch (e) {
      console.warn(`Kehu: cannot open the spreadsheet ${id}: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  }

  id(): string {
    return this.spreadsheet.getId();
  }

  url(): string {
    return this.spreadsheet.getUrl();
  }

  private localeText: string | undefined;
  private zone: string | undefined;

  locale(): string {
    return (this.localeText ??= this.spreadsheet.getSpreadsheetLocale());
  }

  timeZone(): string {
    return (this.zone ??= this.spreadsheet.getSpreadsheetTimeZone());
  }

  private sheets(): Map<string, Sheet> {
    if (!this.sheetsByName) {
      this.sheetsByName = new Map();
      for (const s of this.spreadsheet.getSheets()) this.sheetsByName.set(s.getName(), s);
    }
    return this.sheetsByName;
  }

  sheetNames(): string[] {
    return [...this.sheets().keys()];
  }

  /** The first of `names` that exists (a sheet may be named in either language). */
  findSheet(names: readonly string[]): string | null {
    const all = this.sheets();
    return names.find((n) => all.has(n)) ?? null;
  }

  has(name: string): boolean {
    return this.sheets().has(name);
  }

  /** The sheet's id, which stays when a person renames it. */
  sheetId(name: string): number {
    return this.sheet(name).getSheetId();
  }

  /** The name of the sheet with this id now (a person may have renamed it), or null. */
  nameOfSheetId(id: number): string | null {
    for (const [name, sheet] of this.sheets()) if (sheet.getSheetId() === id) return name;
    return null;
  }

  private sheet(name: string): Sheet {
    const s = this.sheets().get(name);
    if (!s) throw new Error(`Kehu: the sheet "${name}" is missing`);
    return s;
  }

  /**
   * Every used cell of a sheet, read once per execution (four calls). getDataRange fixes the
   * range's size before getValues reads it, and a person may insert a row or a column in
   * between: the read is checked against the sheet's size and made again when they differ, so
   * it is always one whole state of the sheet (a missed last column could otherwise be covered
   * by the add-on's own columns).
   */
  read(name: string): CellValue[][] {
    let values = this.contents.get(name);
    if (!values) {
      const sheet = this.sheet(name);
      for (let attempt = 0; ; attempt++) {
        values = sheet.getDataRange().getValues() as CellValue[][];
        // An empty sheet answers [['']]: no rows.
        if (values.length === 1 && values[0].every((v) => v === '')) values = [];
        const rows = sheet.getLastRow();
        const columns = sheet.getLastColumn();
        const width = values.length > 0 ? values[0].length : 0;
        if ((rows === values.length && columns === width) || attempt === 2) {
          this.lastRows.set(name, rows);
          break;
        }
      }
      this.contents.set(name, values);
    }
    return values;
  }

  private lastRow(name: string): number {
    let last = this.lastRows.get(name);
    if (last === undefined) {
      last = this.sheet(name).getLastRow();
      this.lastRows.set(name, last);
    }
    return last;
  }

  /** Forgets what is known of a sheet, so the next read sees edits a person made meanwhile (rows added too). */
  forget(name: string): void {
    this.contents.delete(name);
    this.lastRows.delete(name);
  }

  /**
   * A fresh read of a block, bypassing what was read before (to check for edits made meanwhile).
   * Rows past the sheet's last used row (as known in this execution) are not read.
   */
  readFresh(name: string, row: number, column: number, numRows: number, numColumns: number): CellValue[][] {
    if (numRows < 1 || numColumns < 1) return [];
    const sheet = this.sheet(name);
    const lastRow = this.lastRow(name);
    const rows = Math.min(numRows, lastRow - row + 1);
    if (rows < 1) return [];
    return sheet.getRange(row, column, rows, numColumns).getValues() as CellValue[][];
  }

  /**
   * The first `rows` rows of a sheet, all used columns (to find headers without reading a whole
   * order log). Uses what was already read in full when there is one.
   */
  readTop(name: string, rows: number): CellValue[][] {
    const whole = this.contents.get(name);
    if (whole) return whole.slice(0, rows);
    const sheet = this.sheet(name);
    const lastRow = this.lastRow(name);
    const lastColumn = sheet.getLastColumn();
    if (lastRow < 1 || lastColumn < 1) return [];
    return sheet.getRange(1, 1, Math.min(rows, lastRow), lastColumn).getValues() as CellValue[][];
  }

  /** The sheet's last used row and column. */
  extent(name: string): { lastRow: number; lastColumn: number } {
    return { lastRow: this.lastRow(name), lastColumn: this.sheet(name).getLastColumn() };
  }

  /** The formulas of a block ('' where a cell holds a value), read fresh. */
  readFormulas(name: string, row: number, column: number, numRows: number, numColumns: number): string[][] {
    if (numRows < 1 || numColumns < 1) return [];
    const rows = Math.min(numRows, this.lastRow(name) - row + 1);
    if (rows < 1) return [];
    return this.sheet(name).getRange(row, column, rows, numColumns).getFormulas();
  }

  /** Writes a block at (row, column), growing the sheet first when it is too small. One write. */
  write(name: string, row: number, column: number, values: readonly (readonly CellValue[])[]): void {
    if (values.length === 0 || values[0].length === 0) return;
    const sheet = this.sheet(name);
    this.ensureSize(sheet, row + values.length - 1, column + values[0].length - 1);
    sheet.getRange(row, column, values.length, values[0].length).setValues(values as CellValue[][]);
    this.contents.delete(name);
    // Writing blanks past the end may leave the last row where it was: ask again next time.
    this.lastRows.delete(name);
  }

  /**
   * Replaces the whole content of one of the add-on's own sheets in one write: the new rows,
   * padded with blanks over whatever the sheet held before, so a run cut after this call leaves
   * no stale rows behind.
   */
  replace(name: string, values: readonly (readonly CellValue[])[]): void {
    const before = this.read(name);
    const rows = Math.max(values.length, before.length, 1);
    const width = Math.max(values.reduce((w, r) => Math.max(w, r.length), 0), before.reduce((w, r) => Math.max(w, r.length), 0), 1);
    const grid: CellValue[][] = [];
    for (let r = 0; r < rows; r++) {
      const src = values[r] ?? [];
      const line = new Array<CellValue>(width);
      for (let c = 0; c < width; c++) line[c] = c < src.length ? src[c] : '';
      grid.push(line);
    }
    this.write(name, 1, 1, grid);
  }

  /** Appends rows after the last used row (one read of the last row, one write); answers the first row written. */
  append(name: string, rows: readonly (readonly CellValue[])[]): number {
    const first = this.lastRow(name) + 1;
    if (rows.length > 0) {
      this.write(name, first, 1, rows);
      this.lastRows.set(name, first + rows.length - 1);
    }
    return first;
  }

  /** Creates one of the add-on's sheets when it does not exist yet; answers whether it made it. */
  ensureSheet(name: string, options: { header?: readonly CellValue[]; frozenRows?: number } = {}): boolean {
    if (this.has(name)) return false;
    // insertSheet makes the new sheet the one the user sees; the user stays where they were.
    const shown = this.spreadsheet.getActiveSheet();
    const sheet = this.spreadsheet.insertSheet(name);
    if (shown) shown.activate();
    this.sheets().set(name, sheet);
    this.contents.set(name, []);
    if (options.header) {
      sheet.getRange(1, 1, 1, options.header.length).setValues([options.header as CellValue[]]).setFontWeight('bold');
      this.contents.delete(name);
    }
    if (options.frozenRows) sheet.setFrozenRows(options.frozenRows);
    return true;
  }

  /** Number format for a block (dates shown as dates, not date-times). */
  format(name: string, row: number, column: number, numRows: number, numColumns: number, pattern: string): void {
    if (numRows < 1 || numColumns < 1) return;
    const sheet = this.sheet(name);
    this.ensureSize(sheet, row + numRows - 1, column + numColumns - 1);
    sheet.getRange(row, column, numRows, numColumns).setNumberFormat(pattern);
  }

  hideColumns(name: string, column: number, count: number): void {
    this.sheet(name).hideColumns(column, count);
  }

  /**
   * Hides one of the add-on's own sheets if it is shown. Checked on every run (one call), so a
   * run cut between making the sheet and hiding it, or a person who unhid it, is put right.
   */
  keepHidden(name: string): void {
    const sheet = this.sheet(name);
    if (!sheet.isSheetHidden()) sheet.hideSheet();
  }

  setFrozenRows(name: string, rows: number): void {
    this.sheet(name).setFrozenRows(rows);
  }

  /** The sheet's last used row (asked once per execution, then kept up to date by this object's writes). */
  lastUsedRow(name: string): number {
    return this.lastRow(name);
  }

  /**
   * Shrinks one of the add-on's own sheets to `rows` × `columns` by deleting the rows and
   * columns past them (a new sheet is 1,000 × 26, and every cell counts toward the file's 10
   * million, used or not). Never deletes a used cell or a frozen row: the size kept is at least
   * the used range and one row below the frozen ones. Writes past the end grow the sheet again
   * (ensureSize). Answers the size the sheet has now.
   */
  trimTo(name: string, rows: number, columns: number): { rows: number; columns: number } {
    const sheet = this.sheet(name);
    const keepRows = Math.max(rows, this.lastRow(name), sheet.getFrozenRows() + 1, 1);
    const keepColumns = Math.max(columns, sheet.getLastColumn(), 1);
    const maxRows = sheet.getMaxRows();
    const maxColumns = sheet.getMaxColumns();
    if (maxRows > keepRows) sheet.deleteRows(keepRows + 1, maxRows - keepRows);
    if (maxColumns > keepColumns) sheet.deleteColumns(keepColumns + 1, maxColumns - keepColumns);
    return { rows: Math.min(maxRows, keepRows), columns: Math.min(maxColumns, keepColumns) };
  }

  /** Makes a sheet the one the user sees (menu "Settings"). */
  show(name: string): void {
    this.sheet(name).activate();
  }

  /**
   * Colours one column (rows `fromRow` to the sheet's end) by text-equals conditional formats,
   * keeping every other rule of the sheet where it is (see core/automation/statusColours.ts).
   * Two reads; a write only when the rules are not already the wanted ones. Answers whether it wrote.
   */
  keepColumnColours(name: string, column: number, fromRow: number, wanted: readonly TextColourRule[]): boolean {
    const sheet = this.sheet(name);
    const target = { row: fromRow, column, numRows: Math.max(1, sheet.getMaxRows() - fromRow + 1), numColumns: 1 };
    const rules = sheet.getConditionalFormatRules();
    const views: RuleView[] = rules.map((rule) => {
      const condition = rule.getBooleanCondition();
      const isText = condition !== null && String(condition.getCriteriaType()) === 'TEXT_EQUAL_TO';
      const values = isText ? condition.getCriteriaValues() : [];
      return {
        text: isText && values.length === 1 ? String(values[0]) : null,
        background: isText ? condition.getBackground() : null,
        fontColor: isText ? condition.getFontColor() : null,
        ranges: rule.getRanges().map((r) => ({ row: r.getRow(), column: r.getColumn(), numRows: r.getNumRows(), numColumns: r.getNumColumns() })),
      };
    });
    const plan = planStatusRules(views, wanted, target);
    if (!plan) return false;
    const range = sheet.getRange(target.row, target.column, target.numRows, 1);
    const own = wanted.map((w) =>
      SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo(w.text).setBackground(w.background).setFontColor(w.fontColor).setRanges([range]).build(),
    );
    const kept = plan.keep.map((i) => rules[i]);
    sheet.setConditionalFormatRules([...kept.slice(0, plan.insertAt), ...own, ...kept.slice(plan.insertAt)]);
    return true;
  }

  private ensureSize(sheet: Sheet, lastRow: number, lastColumn: number): void {
    const maxRows = sheet.getMaxRows();
    if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
    const maxColumns = sheet.getMaxColumns();
    if (lastColumn > maxColumns) sheet.insertColumnsAfter(maxColumns, lastColumn - maxColumns);
  }

  /** The user's selection: sheet name and 1-based row (the card opens on that row's customer). */
  selection(): { sheet: string; row: number } | null {
    const range = this.spreadsheet.getActiveRange();
    if (!range) return null;
    return { sheet: range.getSheet().getName(), row: range.getRow() };
  }

  flush(): void {
    SpreadsheetApp.flush();
  }

  /**
   * A block of a sheet named in A1 notation ('Sheet'!A5:P5): one getRange on the spreadsheet and
   * one read, without listing the sheets first (the card's reads, where each call counts). A
   * block Sheets refuses as a range (past the sheet's last row or column, a sheet renamed or
   * removed since its name was kept) reads as nothing, as rows past the end do in readFresh; any
   * other failure (a server error) is thrown, so a run never goes on with a read that failed.
   */
  readBlock(name: string, row: number, column: number, numRows: number, numColumns: number): CellValue[][] {
    if (numRows < 1 || numColumns < 1) return [];
    try {
      return this.spreadsheet.getRange(`${quotedSheet(name)}!${a1Of(row, column, numRows, numColumns)}`).getValues() as CellValue[][];
    } catch (e) {
      if (isRangeRefusal(e)) return [];
      throw e;
    }
  }

  /**
   * One column from `row` down to the sheet's last row ('Sheet'!B2:B): one getRange, one read,
   * no sheet listing and no getLastRow. Blank cells below the last value are dropped.
   */
  readColumnDown(name: string, row: number, column: number): CellValue[] {
    const letters = columnLetters(column);
    let values: CellValue[][];
    try {
      values = this.spreadsheet.getRange(`${quotedSheet(name)}!${letters}${row}:${letters}`).getValues() as CellValue[][];
    } catch (e) {
      // The sheet ends above `row`: nothing below it. Anything else is a failure.
      if (isRangeRefusal(e)) return [];
      throw e;
    }
    let end = values.length;
    while (end > 0 && (values[end - 1][0] === '' || values[end - 1][0] === null)) end--;
    const out = new Array<CellValue>(end);
    for (let i = 0; i < end; i++) out[i] = values[i][0];
    return out;
  }

  /** Writes one block named in A1 notation (one getRange, one write), without listing the sheets. */
  writeBlock(name: string, row: number, column: number, values: readonly (readonly CellValue[])[]): void {
    if (values.length === 0 || values[0].length === 0) return;
    this.spreadsheet.getRange(`${quotedSheet(name)}!${a1Of(row, column, values.length, values[0].length)}`).setValues(values as CellValue[][]);
    this.contents.delete(name);
  }

  /** The selected cell's sheet (by id) and row, in three calls; null when nothing is selected. */
  selectedRow(): { sheetId: number; row: number } | null {
    const range = this.spreadsheet.getActiveRange();
    if (!range) return null;
    return { sheetId: range.getGridId(), row: range.getRow() };
  }
}

/** Sheets' refusal of a range itself (outside the sheet, no such sheet), not a failing call. */
function isRangeRefusal(e: unknown): boolean {
  const message = e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as { message: unknown }).message) : String(e);
  return /outside the dimensions of the sheet|Range not found/i.test(message);
}

function columnLetters(column: number): string {
  let out = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

function a1Of(row: number, column: number, numRows: number, numColumns: number): string {
  return `${columnLetters(column)}${row}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}

/** A sheet name as A1 notation quotes it ('It''s' for It's). */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
