/**
 * What a service call costs in real Apps Script, as a MODEL: one row per kind of call, a cost in
 * ms per call, plus a cost per cell read or written and per character through the cache or the
 * property stores. No official latency table exists. The figures Apps Script users measured and
 * published (/work/shared/platform-notes.md, "What a call costs in real Sheets") are used where
 * they exist, each row naming its source; every other row says 'assumed' and why. The fakes add
 * these up (costMeter.ts): a modeled time to compare designs and budgets, not a promise of
 * what Google's servers will do on a given day. docs/cost-model.md explains the choices.
 */

export type SourceId = 'ziritione' | 'batch' | 'bugbugnow' | 'flush' | 'mcpher' | 'assumed' | 'local';

/** The published measurements the table rests on. */
export const SOURCES: Record<SourceId, string> = {
  ziritione: 'ziritione.org, "Apps Script performance": PropertiesService get ~30 ms / set ~60 ms, CacheService get ~3-5 ms / put ~90 ms',
  batch:
    "Stack Overflow answers on batch writes and Google's Apps Script best-practices guide: getValues/setValues cost a round trip (tens of ms) plus a few µs a cell read and ~10-30 µs a cell written; a 4,000-cell setValues under 50 ms",
  bugbugnow: 'bugbugnow.net: getLastRow() in a loop ~160 ms a call (measured 2019)',
  flush: 'Stack Overflow: SpreadsheetApp.flush() ~0.3-0.6 s',
  mcpher: 'ramblings.mcpher.com, "measuring library load speed": each google.script.run call loads the whole script again, hundreds of ms before the first line runs',
  assumed: 'no published figure: a guess of the same order as the measured round trips, named as a guess',
  local: 'no server round trip (the call works on an object the script already holds, or runs in the script engine)',
};

/** Where a row's per-unit quantity comes from. */
export type SizeOf =
  /** Cells of the 2D array the call returned (getValues). */
  | 'resultGrid'
  /** Cells of the 2D array passed first (setValues). */
  | 'argGrid'
  /** Cells of the range the call works on (setNumberFormat, clearContent). */
  | 'rangeCells'
  /** Cells of the row passed first (appendRow). */
  | 'argRow'
  /** Characters returned: a string, or the keys and values of a record (Cache.getAll, getProperties). */
  | 'resultText'
  /** Characters sent: the value (put, setProperty) or the keys and values of a record (putAll, setProperties). */
  | 'argText'
  /** The milliseconds asked for (Utilities.sleep). */
  | 'argMs';

export interface CostRow {
  /** The name byKind reports (one row may cover several methods). */
  kind: string;
  /** 'Service.method', or 'Service.*' for every method of a service without a row of its own. */
  calls: readonly string[];
  /** Per call. */
  ms: number;
  /** Per unit of `size` (a cell, a character, a millisecond asked for). */
  perUnitMs?: number;
  size?: SizeOf;
  source: SourceId;
  /** Why this figure, when it is not a source's own. */
  note?: string;
}

const RANGE_READS = ['getValues', 'getDisplayValues', 'getFormulas', 'getNumberFormats', 'getFontWeights', 'getBackgrounds'];
const RANGE_READ_ONE = ['getValue', 'getDisplayValue', 'getFormula', 'getNumberFormat', 'getFontWeight', 'getBackground', 'isBlank'];
const RANGE_WRITES = ['setValues', 'setFormulas', 'setNumberFormats', 'setFontWeights', 'setBackgrounds'];
const RANGE_FILLS = ['setValue', 'setFormula', 'setNumberFormat', 'setFontWeight', 'setBackground', 'clearContent', 'clearFormat', 'clear'];
const RANGE_LOCAL = ['getGridId', 'getNumRows', 'getNumColumns', 'getHeight', 'getWidth', 'getRow', 'getColumn', 'getLastRow', 'getLastColumn', 'getA1Notation', 'getSheet', 'offset', 'getCell'];

const on = (service: string, methods: readonly string[]) => methods.map((m) => `${service}.${m}`);

/** The model. Order matters only for readability: a call name appears in one row at most. */
export const COST_TABLE: readonly CostRow[] = [
  // Cells
  { kind: 'range read', calls: on('Range', RANGE_READS), ms: 25, perUnitMs: 0.003, size: 'resultGrid', source: 'batch', note: '"tens of ms" taken as 25 ms; "a few µs" a cell as 3 µs' },
  { kind: 'range read (one cell)', calls: on('Range', RANGE_READ_ONE), ms: 25, source: 'batch', note: 'a read round trip for one cell' },
  {
    kind: 'range write',
    calls: [...on('Range', RANGE_WRITES), ...on('Range', RANGE_FILLS)],
    ms: 25,
    perUnitMs: 0.01,
    size: 'argGrid',
    source: 'batch',
    note: '10 µs a cell written (the low end of 10-30 µs): 4,000 cells cost 65 ms, near the "under 50 ms" measured; fills and clears count the range\'s cells',
  },
  { kind: 'append row', calls: ['Sheet.appendRow'], ms: 25, perUnitMs: 0.01, size: 'argRow', source: 'batch', note: 'a write of one row' },
  { kind: 'range sort', calls: ['Range.sort', 'Sheet.sort'], ms: 200, source: 'assumed', note: 'a server-side rearrangement: a few write round trips' },
  { kind: 'getRange', calls: ['Sheet.getRange', 'Spreadsheet.getRange', 'Spreadsheet.getActiveRange', 'Spreadsheet.getActiveCell', 'Spreadsheet.getCurrentCell', 'SpreadsheetApp.getActiveRange', 'SpreadsheetApp.getCurrentCell'], ms: 2, source: 'assumed', note: 'makes a handle; the cells are fetched by the read that follows' },
  { kind: 'range handle', calls: on('Range', RANGE_LOCAL), ms: 0, source: 'local' },
  { kind: 'range select', calls: ['Range.activate', 'Spreadsheet.setActiveRange'], ms: 50, source: 'assumed', note: 'moves the user\'s selection in the editor' },
  // Sheet size and structure
  { kind: 'last row/column', calls: ['Sheet.getLastRow', 'Sheet.getLastColumn'], ms: 160, source: 'bugbugnow' },
  { kind: 'data range', calls: ['Sheet.getDataRange'], ms: 160, source: 'bugbugnow', note: 'asks the server for the last row and column, as getLastRow does' },
  { kind: 'sheet size', calls: ['Sheet.getMaxRows', 'Sheet.getMaxColumns'], ms: 30, source: 'assumed', note: 'sheet metadata, a short round trip' },
  {
    kind: 'sheet structure',
    calls: on('Sheet', ['insertRowsAfter', 'insertRowsBefore', 'insertRowAfter', 'insertRowBefore', 'insertColumnsAfter', 'insertColumnsBefore', 'insertColumnAfter', 'insertColumnBefore', 'deleteRows', 'deleteRow', 'deleteColumns', 'deleteColumn', 'hideColumns', 'showColumns', 'setFrozenRows', 'setFrozenColumns', 'hideSheet', 'showSheet', 'setName', 'activate', 'clear', 'clearContents', 'clearFormats']),
    ms: 100,
    source: 'assumed',
    note: 'a write round trip changing the sheet, not its cells',
  },
  { kind: 'charts and rules write', calls: ['Sheet.insertChart', 'Sheet.updateChart', 'Sheet.removeChart', 'Sheet.setConditionalFormatRules'], ms: 300, source: 'assumed', note: 'a structural write, like inserting a sheet' },
  { kind: 'charts and rules read', calls: ['Sheet.getCharts', 'Sheet.getConditionalFormatRules'], ms: 30, source: 'assumed', note: 'a read round trip' },
  {
    kind: 'builders',
    calls: ['SpreadsheetApp.newConditionalFormatRule', 'Sheet.newChart', 'EmbeddedChartBuilder.*', 'EmbeddedChart.*', 'ConditionalFormatRuleBuilder.*', 'ConditionalFormatRule.*', 'BooleanCondition.*'],
    ms: 0.1,
    source: 'local',
    note: 'built in the script; sent by the write that uses them',
  },
  { kind: 'sheet metadata', calls: ['Sheet.*'], ms: 5, source: 'assumed', note: 'names, ids and flags the Sheet object mostly holds already' },
  { kind: 'sheets list', calls: ['Spreadsheet.getSheets', 'Spreadsheet.getSheetByName', 'Spreadsheet.getSheetById', 'Spreadsheet.getNumSheets'], ms: 30, source: 'assumed', note: 'a read round trip for the tabs' },
  { kind: 'insert/delete sheet', calls: ['Spreadsheet.insertSheet', 'Spreadsheet.deleteSheet'], ms: 300, source: 'assumed', note: 'a structural write, slower than a cell write' },
  { kind: 'spreadsheet metadata', calls: ['Spreadsheet.*'], ms: 30, source: 'assumed', note: 'locale, time zone, id, url, active sheet: a short read round trip' },
  { kind: 'active spreadsheet', calls: ['SpreadsheetApp.getActiveSpreadsheet', 'SpreadsheetApp.getActive', 'SpreadsheetApp.getActiveSheet', 'SpreadsheetApp.setActiveSheet'], ms: 10, source: 'assumed', note: 'the document the script is bound to, opened once' },
  { kind: 'open by id', calls: ['SpreadsheetApp.openById'], ms: 200, source: 'assumed', note: 'opens a document the execution was not bound to' },
  { kind: 'flush', calls: ['SpreadsheetApp.flush'], ms: 450, source: 'flush', note: 'the middle of 0.3-0.6 s' },
  { kind: 'ui handle', calls: ['SpreadsheetApp.getUi'], ms: 1, source: 'local' },
  // Storage
  { kind: 'property get', calls: ['Properties.getProperty', 'Properties.getProperties', 'Properties.getKeys'], ms: 30, perUnitMs: 0.0002, size: 'resultText', source: 'ziritione', note: 'per character: assumed 0.2 µs (5 MB/s)' },
  { kind: 'property set', calls: ['Properties.setProperty', 'Properties.setProperties', 'Properties.deleteProperty', 'Properties.deleteAllProperties'], ms: 60, perUnitMs: 0.001, size: 'argText', source: 'ziritione', note: 'per character: assumed 1 µs (1 MB/s)' },
  { kind: 'property store', calls: ['PropertiesService.*'], ms: 1, source: 'assumed', note: 'a handle; the round trip is the get or set that follows' },
  { kind: 'cache get', calls: ['Cache.get', 'Cache.getAll'], ms: 4, perUnitMs: 0.0002, size: 'resultText', source: 'ziritione', note: 'per character: assumed 0.2 µs (5 MB/s): 3.6 million characters cost 0.7 s' },
  { kind: 'cache put', calls: ['Cache.put', 'Cache.putAll'], ms: 90, perUnitMs: 0.001, size: 'argText', source: 'ziritione', note: 'per character: assumed 1 µs (1 MB/s)' },
  { kind: 'cache remove', calls: ['Cache.remove', 'Cache.removeAll'], ms: 30, source: 'assumed', note: 'a write without a value' },
  { kind: 'cache handle', calls: ['CacheService.*'], ms: 1, source: 'assumed', note: 'a handle' },
  { kind: 'lock', calls: ['Lock.tryLock', 'Lock.waitLock', 'Lock.releaseLock'], ms: 50, source: 'assumed', note: 'a round trip to the lock server' },
  { kind: 'lock handle', calls: ['LockService.*', 'Lock.hasLock'], ms: 1, source: 'assumed', note: 'a handle' },
  // Calendar API (advanced service): a REST call each
  { kind: 'calendar write', calls: ['Calendar.Events.insert', 'Calendar.Events.patch', 'Calendar.Events.update', 'Calendar.Events.remove'], ms: 300, source: 'assumed', note: 'a Calendar API write with guests (mails go out): a few hundred ms' },
  { kind: 'calendar read', calls: ['Calendar.Events.get', 'Calendar.Events.list'], ms: 150, source: 'assumed', note: 'a Calendar API read' },
  // BigQuery API (advanced service): the orders' query when they live in a warehouse
  { kind: 'bigquery', calls: ['BigQuery.Jobs.query', 'BigQuery.Jobs.getQueryResults'], ms: 2000, source: 'assumed', note: 'a query over millions of rows runs seconds on Google\'s side; a call waits for it (timeoutMs) or pages through the results' },
  // Script engine and small services
  { kind: 'sleep', calls: ['Utilities.sleep'], ms: 0, perUnitMs: 1, size: 'argMs', source: 'local', note: 'the time asked for' },
  { kind: 'utilities', calls: ['Utilities.*', 'Blob.*'], ms: 0.05, source: 'local', note: 'formatDate and friends run in the script engine' },
  { kind: 'html file', calls: ['HtmlService.createHtmlOutputFromFile'], ms: 50, source: 'assumed', note: 'reads a project file' },
  { kind: 'html', calls: ['HtmlService.*', 'HtmlOutput.*'], ms: 0.1, source: 'local' },
  { kind: 'ui dialog', calls: ['Ui.alert', 'Ui.prompt', 'Ui.showSidebar', 'Ui.showModalDialog', 'Ui.showModelessDialog'], ms: 200, source: 'assumed', note: 'a round trip to the editor (an alert then waits for the person: not counted)' },
  { kind: 'menu', calls: ['Ui.*', 'Menu.*', 'PromptResponse.*'], ms: 1, source: 'local', note: 'built locally, sent with addToUi' },
  { kind: 'menu add', calls: ['Menu.addToUi'], ms: 50, source: 'assumed', note: 'sends the menu to the editor' },
  { kind: 'triggers list', calls: ['ScriptApp.getProjectTriggers', 'ScriptApp.getUserTriggers'], ms: 100, source: 'assumed', note: 'a read round trip' },
  { kind: 'trigger change', calls: ['ClockTriggerBuilder.create', 'SpreadsheetTriggerBuilder.create', 'ScriptApp.deleteTrigger'], ms: 300, source: 'assumed', note: 'a write round trip' },
  { kind: 'authorization', calls: ['ScriptApp.getAuthorizationInfo', 'ScriptApp.requireScopes'], ms: 50, source: 'assumed', note: 'a round trip' },
  { kind: 'script', calls: ['ScriptApp.*', 'TriggerBuilder.*', 'ClockTriggerBuilder.*', 'SpreadsheetTriggerBuilder.*', 'Trigger.*', 'AuthorizationInfo.*'], ms: 0.1, source: 'local', note: 'builders and trigger objects already fetched' },
  { kind: 'session user', calls: ['User.getEmail'], ms: 20, source: 'assumed', note: 'a lookup of the account' },
  { kind: 'session', calls: ['Session.*'], ms: 1, source: 'assumed', note: 'facts of the execution' },
];

/** Every call without a row: a round trip of the common kind, so nothing is free by omission. */
export const DEFAULT_ROW: CostRow = { kind: 'other', calls: [], ms: 30, source: 'assumed', note: 'a call without a row of its own: one short round trip' };

/** One google.script.run call from the sidebar, before and after the server function runs. */
export const SCRIPT_RUN_ROW: CostRow = {
  kind: 'google.script.run',
  calls: [],
  ms: 700,
  source: 'mcpher',
  note: '"hundreds of ms" before the first line runs; the issue puts the whole round trip at 0.5-1 s: 0.7 s',
};

/** The google.script.run round trip (ms), to add once per call the sidebar makes. */
export const SCRIPT_RUN_MS = SCRIPT_RUN_ROW.ms;

/** Per-call changes to the model ('Service.method' → ms a call), for a test that needs another figure. */
export type CostOverrides = Readonly<Record<string, number>>;

/** The row that prices `name`: its own, its service's 'Service.*', else DEFAULT_ROW. */
export function costRowOf(name: string, table: readonly CostRow[] = COST_TABLE): CostRow {
  let wildcard: CostRow | undefined;
  const service = `${name.slice(0, name.lastIndexOf('.'))}.*`;
  for (const row of table) {
    if (row.calls.includes(name)) return row;
    if (!wildcard && row.calls.includes(service)) wildcard = row;
  }
  return wildcard ?? DEFAULT_ROW;
}

/** How much of a row's unit a call moved (cells, characters, ms), from its arguments and answer. */
export function unitsOf(size: SizeOf | undefined, args: readonly unknown[], result: unknown, rangeCells: number): number {
  switch (size) {
    case undefined:
      return 0;
    case 'resultGrid':
      return gridCells(result);
    case 'argGrid':
      // A fill (setValue, clearContent) passes no grid: it writes every cell of its range.
      return Array.isArray(args[0]) ? gridCells(args[0]) : rangeCells;
    case 'rangeCells':
      return rangeCells;
    case 'argRow':
      return Array.isArray(args[0]) ? args[0].length : 0;
    case 'resultText':
      return textChars(result);
    case 'argText':
      // put(key, value) and setProperty(key, value) send the value; putAll/setProperties a record.
      return args.length >= 2 && typeof args[0] !== 'object' ? String(args[1]).length + String(args[0]).length : textChars(args[0]);
    case 'argMs':
      return Math.max(0, Number(args[0]) || 0);
  }
}

function gridCells(grid: unknown): number {
  if (!Array.isArray(grid) || grid.length === 0) return 0;
  const first = grid[0];
  return grid.length * (Array.isArray(first) ? first.length : 1);
}

function textChars(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + textChars(v), 0);
  if (value && typeof value === 'object') {
    let n = 0;
    for (const [k, v] of Object.entries(value)) n += k.length + (typeof v === 'string' ? v.length : 0);
    return n;
  }
  return 0;
}
