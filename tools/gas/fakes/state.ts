/**
 * Everything an Apps Script project "remembers" between executions, as one object: the
 * spreadsheet (sheets, cells, formats, selection), the property stores, caches, locks, triggers,
 * the calendar, and what the user's editor shows (menus, dialogs, toasts).
 *
 * Every Apps Script execution starts from a fresh global scope on the same files. Tests get
 * that by passing one state to several loadBundle({ state }) calls: each load is a fresh
 * gas-local context over the same document.
 */
import type { BigQueryCall, BigQueryFakeOptions } from './bigquery';
import { Clock, wallClock } from './clock';
import { LIMITS } from './limits';
import { literalCell } from './cells';
import { MemorySheetStore, type SheetStore } from './sheetStore';
import type { CalendarState } from './calendar/state';
import { createCalendarState } from './calendar/state';
import type { UiState } from './ui';
import type { TriggerRecord } from './script';
import type { CostOverrides } from './costModel';
import type { ModeledClockOptions } from './costMeter';

export interface SheetState {
  /** Sheet.getSheetId(): 0 for the first sheet, as in a new spreadsheet. */
  id: number;
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  /** 1-based positions of columns a user (or script) hid. */
  hiddenColumns: Set<number>;
  store: SheetStore;
}

/** The user's selection: a rectangle on one sheet (1-based). */
export interface Selection {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface SpreadsheetState {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  sheets: SheetState[];
  nextSheetId: number;
  activeSheetId: number;
  selection: Selection;
}

export interface CacheEntry {
  value: string;
  expires: number;
}
export type CacheEntries = Map<string, CacheEntry>;

/** Who holds one lock (document, script or user): a Lock object of some execution, or nobody. */
export interface LockSlot {
  holder: object | null;
  execution: number | null;
}

export type AuthorizationStatusName = 'REQUIRED' | 'NOT_REQUIRED';

export interface GasState {
  /** The user who owns the file and installed the add-on; executions run as this user by default. */
  owner: string;
  spreadsheet: SpreadsheetState;
  documentProperties: Map<string, string>;
  scriptProperties: Map<string, string>;
  /** Per user e-mail. */
  userProperties: Map<string, Map<string, string>>;
  caches: { script: CacheEntries; document: CacheEntries; user: Map<string, CacheEntries> };
  locks: { script: LockSlot; document: LockSlot; user: Map<string, LockSlot> };
  triggers: TriggerRecord[];
  /** ScriptApp.getAuthorizationInfo per user (default NOT_REQUIRED). */
  authorization: Map<string, { status: AuthorizationStatusName; url: string }>;
  calendar: CalendarState;
  ui: UiState;
  clock: Clock;
  scriptTimeZone: string;
  /** Session.getActiveUserLocale() unless an execution says otherwise. */
  userLocale: string;
  /** Add-on rules for triggers (at most hourly, one clock trigger per user per document). */
  addOn: boolean;
  /** The add-on's name: the title of the menu createAddonMenu() makes. */
  addOnName: string;
  /** HTML files by name without ".html" (HtmlService.createHtmlOutputFromFile); read lazily from htmlDir. */
  htmlDir: string | null;
  htmlFiles: Map<string, string>;
  /** Makes the store behind a new sheet (the storage seam). */
  createStore: (rows: number, columns: number) => SheetStore;
  seq: { execution: number; trigger: number };
  /** When set, every counted call moves the clock by its modeled time (costMeter.ts). */
  modeledClock?: ModeledClockOptions | null;
  /** Per-call ms replacing the cost model's (costModel.ts), for every runtime on this state. */
  costOverrides?: CostOverrides;
  /** An execution running longer than this (by the clock) is stopped at its next call (Apps Script: 6 minutes). */
  executionLimitMs?: number | null;
  /** The BigQuery service's answers (bigquery.ts), kept for every execution on this state; none: no BigQuery fake. */
  bigquery?: BigQueryFakeOptions;
  /** Every BigQuery.Jobs call of every execution, in order. */
  bigqueryCalls?: BigQueryCall[];
  /** Scopes the owner declined on the consent screen (granular consent): requireScopes for them fails. */
  declinedScopes?: Set<string>;
}

export interface GasStateOptions {
  /** Spreadsheet locale, as getSpreadsheetLocale() answers. */
  locale?: string;
  /** Spreadsheet time zone (IANA), as getSpreadsheetTimeZone() answers. */
  timeZone?: string;
  /** Sheet name → rows of cell values. Defaults to one empty sheet "Sheet1". */
  sheets?: Record<string, unknown[][]>;
  /** Clock; defaults to Date.now. `clock` wins over `now`. */
  now?: () => number;
  clock?: Clock;
  spreadsheetId?: string;
  spreadsheetName?: string;
  /** E-mail of the file's owner and default user (default 'owner@example.com'). */
  owner?: string;
  /** Session.getActiveUserLocale() (default 'en'). */
  userLocale?: string;
  /** Session.getScriptTimeZone() (default: the spreadsheet's time zone). */
  scriptTimeZone?: string;
  /** Enforce the add-on trigger rules (default true: Kehu is an editor add-on). */
  addOn?: boolean;
  addOnName?: string;
  /** Folder holding the project's .html files (loadBundle passes the dist folder). */
  htmlDir?: string;
  /** HTML files by name (with or without ".html"); wins over htmlDir. */
  htmlFiles?: Record<string, string>;
  /** Store factory for each sheet (default: in memory). */
  createStore?: (rows: number, columns: number) => SheetStore;
  /** Calendar events the user may create per day (default 5,000). */
  calendarDailyLimit?: number;
  /**
   * Move the clock by each call's modeled Apps Script time (needs a ManualClock): true, or
   * { cpuFactor } to count Node's own time too. See costMeter.ts.
   */
  modeledClock?: boolean | ModeledClockOptions;
  /** 'Service.method' → ms a call, replacing the cost model's figure (and its per-unit cost). */
  costs?: CostOverrides;
  /**
   * Stop an execution at its first service call once it has run this long by the clock, with
   * Apps Script's "Exceeded maximum execution time" (360000 for the 6-minute limit; default none).
   */
  executionLimitMs?: number;
}

export function createGasState(options: GasStateOptions = {}): GasState {
  const createStore = options.createStore ?? ((rows, columns) => new MemorySheetStore(rows, columns));
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const sheets: SheetState[] = [];
  const spreadsheet: SpreadsheetState = {
    id: options.spreadsheetId ?? 'fake-spreadsheet-id',
    name: options.spreadsheetName ?? 'Kehu test spreadsheet',
    locale: options.locale ?? 'en_US',
    timeZone,
    sheets,
    nextSheetId: 0,
    activeSheetId: 0,
    selection: { sheetId: 0, row: 1, column: 1, numRows: 1, numColumns: 1 },
  };
  for (const [name, rows] of Object.entries(options.sheets ?? { Sheet1: [] })) {
    sheets.push(buildSheet(spreadsheet, createStore, name, rows));
  }
  if (sheets.length === 0) sheets.push(buildSheet(spreadsheet, createStore, 'Sheet1', []));
  const htmlFiles = new Map<string, string>();
  for (const [name, html] of Object.entries(options.htmlFiles ?? {})) htmlFiles.set(name.replace(/\.html$/, ''), html);
  const owner = options.owner ?? 'owner@example.com';
  return {
    owner,
    spreadsheet,
    documentProperties: new Map(),
    scriptProperties: new Map(),
    userProperties: new Map(),
    caches: { script: new Map(), document: new Map(), user: new Map() },
    locks: { script: { holder: null, execution: null }, document: { holder: null, execution: null }, user: new Map() },
    triggers: [],
    authorization: new Map(),
    calendar: createCalendarState(options.calendarDailyLimit ?? LIMITS.calendarEventsPerDay),
    ui: { menus: [], dialogs: [], alerts: [], toasts: [], answers: [] },
    clock: options.clock ?? wallClock(options.now),
    scriptTimeZone: options.scriptTimeZone ?? timeZone,
    userLocale: options.userLocale ?? 'en',
    addOn: options.addOn ?? true,
    addOnName: options.addOnName ?? 'Kehu',
    htmlDir: options.htmlDir ?? null,
    htmlFiles,
    createStore,
    seq: { execution: 0, trigger: 0 },
    modeledClock: modeledClockOf(options.modeledClock),
    costOverrides: options.costs,
    executionLimitMs: options.executionLimitMs ?? null,
  };
}

/** A new sheet holding `rows` (cells as they already are in the file), at least Sheets' default 1000 × 26. */
export function buildSheet(
  spreadsheet: SpreadsheetState,
  createStore: (rows: number, columns: number) => SheetStore,
  name: string,
  rows: unknown[][],
): SheetState {
  const width = rows.reduce((w, line) => Math.max(w, line.length), 0);
  const store = createStore(Math.max(LIMITS.defaultMaxRows, rows.length), Math.max(LIMITS.defaultMaxColumns, width));
  rows.forEach((line, r) => line.forEach((v, c) => store.write(r, c, literalCell(v))));
  return { id: spreadsheet.nextSheetId++, name, hidden: false, frozenRows: 0, frozenColumns: 0, hiddenColumns: new Set(), store };
}

/** The modeled clock's options from GasStateOptions.modeledClock (null: the clock is not moved). */
export function modeledClockOf(option: boolean | ModeledClockOptions | undefined): ModeledClockOptions | null {
  if (option === undefined || option === false) return null;
  return option === true ? {} : { ...option };
}
