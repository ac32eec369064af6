/**
 * In-memory fakes of the Apps Script services Kehu touches, for running the built bundle under
 * gas-local (see loadBundle.ts) and for unit tests.
 *
 * They model the behaviour the add-on relies on (quotas that throw, locks that refuse, '='
 * strings becoming formulas, Apps Script's error wording) and count every service call, so tests
 * can assert on how chatty the code is: in Apps Script each call is a round trip.
 */
import { randomUUID } from 'node:crypto';
import { checkTimeZone, formatJavaDate } from './zone';

export interface GasFakesOptions {
  /** Spreadsheet locale, as getSpreadsheetLocale() answers. */
  locale?: string;
  /** Spreadsheet time zone (IANA), as getSpreadsheetTimeZone() answers. */
  timeZone?: string;
  /** What the active range's getFormula() answers (a custom function's own cell). */
  activeFormula?: string | null;
  /** Sheet name → rows of cell values. Defaults to one empty sheet "Sheet1". */
  sheets?: Record<string, unknown[][]>;
  /** Clock for cache expiry; defaults to Date.now. */
  now?: () => number;
}

/** 'Service.method' → number of calls. */
export type CallCounts = Map<string, number>;

// Quotas in one place (developers.google.com/apps-script/guides/services/quotas, reference/cache).
export const LIMITS = {
  propertyValueBytes: 9 * 1024,
  propertyStoreBytes: 500 * 1024,
  cacheValueBytes: 100 * 1024,
  cacheKeyChars: 250,
  cacheMaxSeconds: 21600,
  cacheDefaultSeconds: 600,
  defaultMaxRows: 1000,
  defaultMaxColumns: 26,
} as const;

/**
 * Sum of the counts whose key starts with `prefix`. A bare service name counts that service only
 * ('Spreadsheet' is not 'SpreadsheetApp'); a prefix with a dot is matched as written ('Range.get').
 */
export function totalCalls(calls: CallCounts, prefix = ''): number {
  const start = prefix === '' || prefix.includes('.') ? prefix : `${prefix}.`;
  let total = 0;
  for (const [key, n] of calls) if (key.startsWith(start)) total += n;
  return total;
}

/**
 * Replaces every method of `target` (own properties) with one that counts 'service.method' in
 * `calls` and then runs the original. Mutates in place, so methods that return the object
 * itself (chaining) return the counted one.
 */
function counted<T extends object>(service: string, target: T, calls: CallCounts): T {
  const methods = target as Record<string, unknown>;
  for (const key of Object.keys(methods)) {
    const original = methods[key];
    if (typeof original !== 'function') continue;
    const name = `${service}.${key}`;
    methods[key] = function (this: unknown, ...args: unknown[]) {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return original.apply(this, args);
    };
  }
  return target;
}

/** True for Dates from any realm (instanceof fails across the vm boundary). */
function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

// ---------------------------------------------------------------------------------------------
// Spreadsheet, Sheet, Range

export interface FakeRange {
  getValues(): unknown[][];
  setValues(values: unknown[][]): FakeRange;
  getValue(): unknown;
  setValue(value: unknown): FakeRange;
  getFormula(): string;
  getFormulas(): string[][];
  getNumRows(): number;
  getNumColumns(): number;
  getRow(): number;
  getColumn(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getA1Notation(): string;
  getSheet(): FakeSheet;
}

export interface FakeSheet {
  getName(): string;
  getDataRange(): FakeRange;
  getRange(a1: string): FakeRange;
  getRange(row: number, column: number, numRows?: number, numColumns?: number): FakeRange;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  appendRow(values: unknown[]): FakeSheet;
  getParent(): FakeSpreadsheet;
}

export interface FakeSpreadsheet {
  getSpreadsheetLocale(): string;
  getSpreadsheetTimeZone(): string;
  getId(): string;
  getName(): string;
  getSheetByName(name: string): FakeSheet | null;
  getSheets(): FakeSheet[];
  getActiveSheet(): FakeSheet;
  getActiveRange(): FakeRange;
  insertSheet(name?: string): FakeSheet;
}

/** One sheet's cells, 0-based and sparse: a missing cell is empty. */
class SheetData {
  private readonly values: unknown[][] = [];
  private readonly formulas: string[][] = [];

  constructor(
    public name: string,
    public maxRows: number = LIMITS.defaultMaxRows,
    public maxColumns: number = LIMITS.defaultMaxColumns,
  ) {}

  value(r: number, c: number): unknown {
    return this.values[r]?.[c] ?? '';
  }

  formula(r: number, c: number): string {
    return this.formulas[r]?.[c] ?? '';
  }

  /** Stores a value the way Sheets does when a script writes it. */
  write(r: number, c: number, v: unknown): void {
    let value: unknown = v;
    let formula = '';
    if (v === null || v === undefined) value = '';
    else if (typeof v === 'string' && v.startsWith('=')) {
      // Sheets parses it as a formula; the fake cannot evaluate it, so its value reads as ''.
      formula = v;
      value = '';
    } else if (typeof v === 'string' && v.startsWith("'")) {
      // A leading apostrophe forces text and is not part of the value.
      value = v.slice(1);
    } else if (isDate(v)) value = new Date(v.getTime());
    else if (typeof v === 'object' || typeof v === 'function') value = String(v);
    (this.values[r] ??= [])[c] = value;
    (this.formulas[r] ??= [])[c] = formula;
  }

  private filled(r: number, c: number): boolean {
    return this.value(r, c) !== '' || this.formula(r, c) !== '';
  }

  /** 1-based last row with content, 0 when empty. */
  lastRow(): number {
    for (let r = this.values.length - 1; r >= 0; r--) {
      const row = this.values[r] ?? [];
      for (let c = 0; c < Math.max(row.length, this.formulas[r]?.length ?? 0); c++) if (this.filled(r, c)) return r + 1;
    }
    return 0;
  }

  /** 1-based last column with content, 0 when empty. */
  lastColumn(): number {
    let last = 0;
    for (let r = 0; r < this.values.length; r++) {
      const width = Math.max(this.values[r]?.length ?? 0, this.formulas[r]?.length ?? 0);
      for (let c = width - 1; c >= last; c--) if (this.filled(r, c)) { last = c + 1; break; }
    }
    return last;
  }
}

/** 'A' for 1, 'AA' for 27. */
function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** [row, column, numRows, numColumns] of 'B2', 'A1:C10' or 'A:C' (whole columns). */
function parseA1(a1: string, maxRows: number): [number, number, number, number] {
  const cells = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(a1.trim());
  if (cells) {
    const [, c1, r1, c2 = c1, r2 = r1] = cells;
    const [top, bottom] = [Number(r1), Number(r2)].sort((a, b) => a - b);
    const [left, right] = [columnNumber(c1), columnNumber(c2)].sort((a, b) => a - b);
    return [top, left, bottom - top + 1, right - left + 1];
  }
  const columns = /^\$?([A-Za-z]+):\$?([A-Za-z]+)$/.exec(a1.trim());
  if (columns) {
    const [left, right] = [columnNumber(columns[1]), columnNumber(columns[2])].sort((a, b) => a - b);
    return [1, left, maxRows, right - left + 1];
  }
  throw new Error('Range not found');
}

// ---------------------------------------------------------------------------------------------
// Properties, Cache, Lock

export interface FakeProperties {
  getProperty(key: string): string | null;
  setProperty(key: string, value: unknown): FakeProperties;
  getProperties(): Record<string, string>;
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): FakeProperties;
  getKeys(): string[];
  deleteProperty(key: string): FakeProperties;
  deleteAllProperties(): FakeProperties;
}

function storeBytes(store: Map<string, string>): number {
  let total = 0;
  for (const [k, v] of store) total += utf8Bytes(k) + utf8Bytes(v);
  return total;
}

function createProperties(calls: CallCounts): FakeProperties {
  const store = new Map<string, string>();
  // Checks a whole batch against the quotas before changing anything, like one server write.
  const apply = (next: Map<string, string>): void => {
    for (const v of next.values()) {
      if (utf8Bytes(v) > LIMITS.propertyValueBytes) throw new Error('Argument too large: value');
    }
    if (storeBytes(next) > LIMITS.propertyStoreBytes) {
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    store.clear();
    for (const [k, v] of next) store.set(k, v);
  };
  const props: FakeProperties = {
    getProperty: (key) => store.get(key) ?? null,
    setProperty(key, value) {
      apply(new Map(store).set(String(key), String(value)));
      return props;
    },
    getProperties: () => Object.fromEntries(store),
    setProperties(properties, deleteAllOthers = false) {
      const next = deleteAllOthers ? new Map<string, string>() : new Map(store);
      for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
      apply(next);
      return props;
    },
    getKeys: () => [...store.keys()],
    deleteProperty(key) {
      store.delete(key);
      return props;
    },
    deleteAllProperties() {
      store.clear();
      return props;
    },
  };
  return counted('Properties', props, calls);
}

export interface FakeCache {
  get(key: string): string | null;
  getAll(keys: string[]): Record<string, string>;
  put(key: string, value: string, expirationInSeconds?: number): void;
  putAll(values: Record<string, string>, expirationInSeconds?: number): void;
  remove(key: string): void;
  removeAll(keys: string[]): void;
}

function createCache(calls: CallCounts, now: () => number): FakeCache {
  const entries = new Map<string, { value: string; expires: number }>();
  const read = (key: string): string | null => {
    const e = entries.get(key);
    if (!e) return null;
    if (e.expires <= now()) {
      entries.delete(key);
      return null;
    }
    return e.value;
  };
  const write = (key: string, value: unknown, seconds: number = LIMITS.cacheDefaultSeconds): void => {
    const text = String(value);
    if (String(key).length > LIMITS.cacheKeyChars) throw new Error('Argument too large: key');
    if (utf8Bytes(text) > LIMITS.cacheValueBytes) throw new Error('Argument too large: value');
    // Apps Script keeps entries at most 6 hours, whatever is asked.
    const s = Math.min(Math.max(seconds, 1), LIMITS.cacheMaxSeconds);
    entries.set(String(key), { value: text, expires: now() + s * 1000 });
  };
  const cache: FakeCache = {
    get: read,
    getAll(keys) {
      const out: Record<string, string> = {};
      for (const k of keys) {
        const v = read(k);
        if (v !== null) out[k] = v;
      }
      return out;
    },
    put: write,
    putAll(values, seconds) {
      for (const [k, v] of Object.entries(values)) write(k, v, seconds);
    },
    remove: (key) => void entries.delete(key),
    removeAll(keys) {
      for (const k of keys) entries.delete(k);
    },
  };
  return counted('Cache', cache, calls);
}

export interface FakeLock {
  tryLock(timeoutInMillis: number): boolean;
  waitLock(timeoutInMillis: number): void;
  releaseLock(): void;
  hasLock(): boolean;
}

/** Who holds one lock (document, script or user); null when free. */
interface LockSlot {
  holder: FakeLock | null;
}

/**
 * Each getXLock() call makes a new Lock on a shared slot, so two Lock objects contend like two
 * executions would. Nothing runs concurrently here, so a held lock never frees while waiting:
 * tryLock answers false at once and waitLock throws at once.
 */
function createLock(slot: LockSlot, calls: CallCounts): FakeLock {
  const acquire = (): boolean => {
    if (slot.holder !== null && slot.holder !== lock) return false;
    slot.holder = lock;
    return true;
  };
  const lock: FakeLock = {
    tryLock: () => acquire(),
    waitLock() {
      if (!acquire()) throw new Error('Lock timeout: another process was holding the lock for too long.');
    },
    releaseLock() {
      if (slot.holder === lock) slot.holder = null;
    },
    hasLock: () => slot.holder === lock,
  };
  return counted('Lock', lock, calls);
}

// ---------------------------------------------------------------------------------------------

export interface GasFakes {
  /** A fresh object to hand to gas-local as the context's globals. */
  globals: Record<string, unknown>;
  calls: CallCounts;
  spreadsheet: FakeSpreadsheet;
  /**
   * Date cells read through getValues()/getValue() are built with this constructor. loadBundle
   * passes the vm context's Date so `instanceof Date` holds inside the bundle, as in Sheets.
   */
  useDateConstructor(ctor: DateConstructor): void;
  /** Sets the formula of the cell being computed (what getActiveRange().getFormula() answers). */
  setActiveFormula(formula: string | null): void;
}

export function createGasFakes(options: GasFakesOptions = {}): GasFakes {
  const locale = options.locale ?? 'en_US';
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const now = options.now ?? Date.now;
  const calls: CallCounts = new Map();
  let RealmDate: DateConstructor = Date;
  let activeFormula = options.activeFormula ?? '';

  // A copy of a stored value as a script would receive it.
  const read = (v: unknown): unknown => (isDate(v) ? new RealmDate(v.getTime()) : v);

  const sheetObjects = new Map<SheetData, FakeSheet>();
  const sheetData: SheetData[] = [];

  function makeRange(data: SheetData, row: number, column: number, numRows: number, numColumns: number): FakeRange {
    const cells = <T>(cell: (r: number, c: number) => T): T[][] => {
      const out: T[][] = [];
      for (let r = 0; r < numRows; r++) {
        const line: T[] = [];
        for (let c = 0; c < numColumns; c++) line.push(cell(row - 1 + r, column - 1 + c));
        out.push(line);
      }
      return out;
    };
    const range: FakeRange = {
      getValues: () => cells((r, c) => read(data.value(r, c))),
      setValues(values) {
        if (!Array.isArray(values) || values.length !== numRows) {
          const has = Array.isArray(values) ? values.length : 0;
          throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${has} but the range has ${numRows}.`);
        }
        for (const line of values) {
          const has = Array.isArray(line) ? line.length : 0;
          if (has !== numColumns) {
            throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${has} but the range has ${numColumns}.`);
          }
        }
        values.forEach((line, r) => line.forEach((v, c) => data.write(row - 1 + r, column - 1 + c, v)));
        return range;
      },
      getValue: () => read(data.value(row - 1, column - 1)),
      setValue(value) {
        // Apps Script writes the one value into every cell of the range.
        cells((r, c) => data.write(r, c, value));
        return range;
      },
      getFormula: () => data.formula(row - 1, column - 1),
      getFormulas: () => cells((r, c) => data.formula(r, c)),
      getNumRows: () => numRows,
      getNumColumns: () => numColumns,
      getRow: () => row,
      getColumn: () => column,
      getLastRow: () => row + numRows - 1,
      getLastColumn: () => column + numColumns - 1,
      getA1Notation() {
        const first = `${columnLetters(column)}${row}`;
        if (numRows === 1 && numColumns === 1) return first;
        return `${first}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
      },
      getSheet: () => sheetOf(data),
    };
    return range;
  }

  /** A counted Range, after the checks Sheet.getRange makes in Apps Script. */
  function rangeOn(data: SheetData, row: number, column: number, numRows = 1, numColumns = 1, build = makeRange): FakeRange {
    if (!(row >= 1)) throw new Error('The starting row of the range is too small.');
    if (!(column >= 1)) throw new Error('The starting column of the range is too small.');
    if (!(numRows >= 1)) throw new Error('The number of rows in the range must be at least 1.');
    if (!(numColumns >= 1)) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > data.maxRows || column + numColumns - 1 > data.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return counted('Range', build(data, row, column, numRows, numColumns), calls);
  }

  function sheetOf(data: SheetData): FakeSheet {
    let sheet = sheetObjects.get(data);
    if (sheet) return sheet;
    const getRange = (a: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange =>
      typeof a === 'string' ? rangeOn(data, ...parseA1(a, data.maxRows)) : rangeOn(data, a, column ?? NaN, numRows, numColumns);
    sheet = counted('Sheet', {
      getName: () => data.name,
      getDataRange: () => rangeOn(data, 1, 1, Math.max(data.lastRow(), 1), Math.max(data.lastColumn(), 1)),
      getRange: getRange as FakeSheet['getRange'],
      getLastRow: () => data.lastRow(),
      getLastColumn: () => data.lastColumn(),
      getMaxRows: () => data.maxRows,
      getMaxColumns: () => data.maxColumns,
      appendRow(values: unknown[]) {
        const r = data.lastRow();
        data.maxRows = Math.max(data.maxRows, r + 1);
        data.maxColumns = Math.max(data.maxColumns, values.length);
        values.forEach((v, c) => data.write(r, c, v));
        return sheet!;
      },
      getParent: () => spreadsheet,
    } satisfies FakeSheet, calls);
    sheetObjects.set(data, sheet);
    return sheet;
  }

  function addSheet(name: string, rows: unknown[][] = []): SheetData {
    const width = rows.reduce((w, line) => Math.max(w, line.length), 0);
    const data = new SheetData(name, Math.max(LIMITS.defaultMaxRows, rows.length), Math.max(LIMITS.defaultMaxColumns, width));
    rows.forEach((line, r) => line.forEach((v, c) => data.write(r, c, v)));
    sheetData.push(data);
    return data;
  }

  for (const [name, rows] of Object.entries(options.sheets ?? { Sheet1: [] })) addSheet(name, rows);
  if (sheetData.length === 0) addSheet('Sheet1');

  // The custom function's own cell: A1 of the first sheet, answering with options.activeFormula.
  const activeRange = (): FakeRange =>
    rangeOn(sheetData[0], 1, 1, 1, 1, (...args) => {
      const range = makeRange(...args);
      range.getFormula = () => activeFormula;
      range.getFormulas = () => [[activeFormula]];
      return range;
    });

  const spreadsheet: FakeSpreadsheet = counted('Spreadsheet', {
    getSpreadsheetLocale: () => locale,
    getSpreadsheetTimeZone: () => timeZone,
    getId: () => 'fake-spreadsheet-id',
    getName: () => 'Kehu test spreadsheet',
    getSheetByName(name: string) {
      const data = sheetData.find((d) => d.name === name);
      return data ? sheetOf(data) : null;
    },
    getSheets: () => sheetData.map(sheetOf),
    getActiveSheet: () => sheetOf(sheetData[0]),
    getActiveRange: activeRange,
    insertSheet(name?: string) {
      let sheetName = name;
      if (sheetName === undefined) {
        let n = sheetData.length + 1;
        while (sheetData.some((d) => d.name === `Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      if (sheetData.some((d) => d.name === sheetName)) {
        throw new Error(`A sheet with the name "${sheetName}" already exists. Please enter another name.`);
      }
      return sheetOf(addSheet(sheetName));
    },
  } satisfies FakeSpreadsheet, calls);

  const SpreadsheetApp = counted('SpreadsheetApp', {
    getActiveSpreadsheet: () => spreadsheet,
    getActive: () => spreadsheet,
    getActiveSheet: () => sheetOf(sheetData[0]),
    getActiveRange: activeRange,
    flush: () => undefined,
  }, calls);

  const Utilities = counted('Utilities', {
    formatDate(date: Date, tz: string, pattern: string): string {
      if (!isDate(date)) throw new Error('Invalid argument: date');
      checkTimeZone(tz);
      return formatJavaDate(date.getTime(), tz, String(pattern));
    },
    sleep: (_ms: number) => undefined,
    getUuid: () => randomUUID(),
  }, calls);

  const stores = { script: createProperties(calls), user: createProperties(calls), document: createProperties(calls) };
  const PropertiesService = counted('PropertiesService', {
    getScriptProperties: () => stores.script,
    getUserProperties: () => stores.user,
    getDocumentProperties: () => stores.document,
  }, calls);

  const caches = { script: createCache(calls, now), user: createCache(calls, now), document: createCache(calls, now) };
  const CacheService = counted('CacheService', {
    getScriptCache: () => caches.script,
    getUserCache: () => caches.user,
    getDocumentCache: () => caches.document,
  }, calls);

  const slots: Record<'script' | 'user' | 'document', LockSlot> = { script: { holder: null }, user: { holder: null }, document: { holder: null } };
  const LockService = counted('LockService', {
    getScriptLock: () => createLock(slots.script, calls),
    getUserLock: () => createLock(slots.user, calls),
    getDocumentLock: () => createLock(slots.document, calls),
  }, calls);

  // Logging is not a service round trip worth counting; forward at call time so jest spies work.
  const consoleFake = {
    log: (...a: unknown[]) => console.log(...a),
    info: (...a: unknown[]) => console.info(...a),
    warn: (...a: unknown[]) => console.warn(...a),
    error: (...a: unknown[]) => console.error(...a),
    debug: (...a: unknown[]) => console.debug(...a),
    time: (label?: string) => console.time(label),
    timeEnd: (label?: string) => console.timeEnd(label),
  };
  const Logger = {
    log(...a: unknown[]) {
      console.log(...a);
      return Logger;
    },
  };

  return {
    globals: { SpreadsheetApp, Utilities, Logger, console: consoleFake, PropertiesService, CacheService, LockService },
    calls,
    spreadsheet,
    useDateConstructor(ctor) {
      RealmDate = ctor;
    },
    setActiveFormula(formula) {
      activeFormula = formula ?? '';
    },
  };
}
