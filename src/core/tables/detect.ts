/**
 * Finding the team's tables by their headers: any sheet, a header row within the first rows,
 * columns in any order, unknown columns left alone.
 *
 * Every sheet's first rows are matched against the synonym table (plus the team's own extra
 * headers and the headers chosen in the Settings sheet); for each table the header row that
 * holds all its required fields with the most fields matched wins, and the three tables go to
 * three different sheets (the assignment with the most fields matched in all). Anything that
 * would make the run guess stops it with a MappingError that names what was tried.
 */
import type { CellValue } from '../cells';
import type { AnyField, FieldOf, Settings, TableKey, TableMapping, WorkbookMapping } from '../model';
import { headerKeys, isFieldOf, normalizeHeader, REQUIRED_FIELDS, synonymsOf, TABLE_FIELDS, TABLES } from './synonyms';

/** Rows of each sheet searched for a header row. */
export const HEADER_SCAN_ROWS = 5;

export interface SheetTop {
  name: string;
  /** The sheet's first rows (at least HEADER_SCAN_ROWS when it has them), all columns. */
  top: readonly (readonly CellValue[])[];
}

export interface DetectOptions {
  /** The team's extra headers (Settings sheet "Extra headers"). */
  synonyms?: Settings['synonyms'];
  /** Headers chosen per field in the Settings sheet; null leaves an optional field unused. */
  choices?: Settings['mappingChoices'];
  /** Sheets never searched, besides the add-on's own (see isAddonSheet). */
  ignoreSheets?: (name: string) => boolean;
  /**
   * The orders live elsewhere (Settings: Orders source BigQuery): a file without an order sheet
   * is mapped with NO_ORDER_SHEET instead of refused.
   */
  ordersElsewhere?: boolean;
}

/** The orders' mapping of a file that keeps no order sheet (its orders are in a warehouse). */
export const NO_ORDER_SHEET: TableMapping<'orders'> = { table: 'orders', sheet: '', headerRow: 0, columns: {}, headers: {}, width: 0 };

export function hasOrderSheet(mapping: Pick<WorkbookMapping, 'orders'>): boolean {
  return mapping.orders.sheet !== '';
}

export type MappingWarning =
  | { key: 'alsoLooksLike'; table: TableKey; sheet: string; matched: number; other: string; otherMatched: number }
  | { key: 'contactsWithoutKind'; sheet: string; tried: string[] };

export interface DetectedWorkbook extends WorkbookMapping {
  /** Things a person should know about the choice made (written to the log, not fatal). */
  warnings: MappingWarning[];
}

export type MappingErrorKey = 'missingColumn' | 'choiceNotFound' | 'requiredUnused' | 'choiceConflict';

export interface MappingErrorParams {
  table: TableKey;
  field: AnyField;
  /** Headers that were looked for (missingColumn). */
  tried?: string[];
  /** The sheet the table was looked for on, when one came close (or the chosen one). */
  sheet?: string;
  /** 1-based header row on that sheet. */
  headerRow?: number;
  /** The header a Settings choice names (choiceNotFound, choiceConflict). */
  header?: string;
  /** The other field a conflicting choice names (choiceConflict). */
  otherField?: AnyField;
}

/** A table the run cannot use as it is: worded by describeMappingError. */
export class MappingError extends Error {
  constructor(
    readonly key: MappingErrorKey,
    readonly params: MappingErrorParams,
  ) {
    super(`${key}: ${params.table}.${params.field}`);
    this.name = 'MappingError';
  }
}

export function isMappingError(e: unknown): e is MappingError {
  return e instanceof MappingError;
}

// "Kehu · 状态", "Kehu·RFM", "Kehu ID": the add-on's own columns on the team's tables.
const ADDON_HEADER = /^kehu\s*[·•・]|^kehu\s+id$/i;

export function isAddonHeader(text: string): boolean {
  return ADDON_HEADER.test(text.trim());
}

// The add-on's own sheets in either language: never a team table (the schedule's headers would
// otherwise look like a contact log, the Team table like a customer table).
const ADDON_SHEETS = new Set(['设置', 'settings', '拜访计划', 'visitschedule'].map(normalizeHeader));

export function isAddonSheet(name: string): boolean {
  return ADDON_HEADER.test(name.trim()) || ADDON_SHEETS.has(normalizeHeader(name));
}

interface Match {
  field: AnyField;
  /** Lower is preferred: a Settings choice, then an extra header, then the synonym table's order. */
  rank: number;
}

const CHOICE_RANK = -2;
const EXTRA_RANK = -1;
// A header matched only once its bracketed unit is dropped loses to one matched as written.
const BARE_PENALTY = 1000;

interface TableIndex {
  lookup: Map<string, Match>;
  /** Headers tried per field, as written (choice, extras, then built-ins). */
  tried: Map<AnyField, string[]>;
  /** Fields with a non-null choice → the chosen header. */
  chosen: Map<AnyField, string>;
}

function buildIndexes(options: DetectOptions): Record<TableKey, TableIndex> {
  const out = {} as Record<TableKey, TableIndex>;
  for (const table of TABLES) {
    const unused = new Set<AnyField>();
    const chosen = new Map<AnyField, string>();
    const chosenKeys = new Map<string, AnyField>();
    for (const c of options.choices ?? []) {
      if (c.table !== table || !isFieldOf(table, c.field)) continue;
      if (c.header === null) {
        if ((REQUIRED_FIELDS[table] as readonly AnyField[]).includes(c.field)) throw new MappingError('requiredUnused', { table, field: c.field });
        unused.add(c.field);
        continue;
      }
      const key = normalizeHeader(c.header);
      const other = chosenKeys.get(key);
      if (other !== undefined && other !== c.field) {
        throw new MappingError('choiceConflict', { table, field: other, otherField: c.field, header: c.header });
      }
      chosenKeys.set(key, c.field);
      chosen.set(c.field, c.header);
    }
    const lookup = new Map<string, Match>();
    const tried = new Map<AnyField, string[]>();
    const add = (field: AnyField, header: string, rank: number) => {
      if (unused.has(field)) return;
      const key = normalizeHeader(header);
      if (key === '') return;
      const had = lookup.get(key);
      // Choices beat extras beat the built-in table; within the built-in table no word is listed
      // for two fields of one table (a test checks), so the first entry stands.
      if (!had || rank < had.rank) lookup.set(key, { field, rank });
      const list = tried.get(field) ?? [];
      if (!list.includes(header)) list.push(header);
      tried.set(field, list);
    };
    for (const [field, header] of chosen) add(field, header, CHOICE_RANK);
    for (const s of options.synonyms ?? []) {
      if (s.table === table && isFieldOf(table, s.field)) for (const h of s.headers) add(s.field, h, EXTRA_RANK);
    }
    for (const field of TABLE_FIELDS[table] as readonly AnyField[]) {
      synonymsOf(table, field).forEach((h, i) => add(field, h, i));
    }
    out[table] = { lookup, tried, chosen };
  }
  return out;
}

interface RowMatch {
  sheetIndex: number;
  sheet: string;
  headerRow: number;
  columns: Partial<Record<AnyField, number>>;
  headers: Partial<Record<AnyField, string>>;
  count: number;
  required: number;
  width: number;
}

function headerText(v: CellValue): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return '';
}

function matchRow(row: readonly CellValue[], table: TableKey, index: TableIndex, sheetIndex: number, sheet: string, headerRow: number): RowMatch {
  const columns: Partial<Record<AnyField, number>> = {};
  const headers: Partial<Record<AnyField, string>> = {};
  const ranks: Partial<Record<AnyField, number>> = {};
  let width = 0;
  for (let c = 0; c < row.length; c++) {
    const text = headerText(row[c]);
    if (text === '' || isAddonHeader(text)) continue;
    width = c + 1;
    const keys = headerKeys(text);
    let m = index.lookup.get(keys[0]);
    let rank = m?.rank ?? 0;
    if (!m && keys.length > 1) {
      m = index.lookup.get(keys[1]);
      rank = (m?.rank ?? 0) + BARE_PENALTY;
    }
    if (!m) continue;
    const had = ranks[m.field];
    // Two columns for one field: the better synonym wins, then the leftmost.
    if (had === undefined || rank < had) {
      columns[m.field] = c + 1;
      headers[m.field] = text;
      ranks[m.field] = rank;
    }
  }
  let count = 0;
  for (const _ in columns) count++;
  const required = (REQUIRED_FIELDS[table] as readonly AnyField[]).filter((f) => columns[f] !== undefined).length;
  return { sheetIndex, sheet, headerRow, columns, headers, count, required, width };
}

function isFull(m: RowMatch, table: TableKey): boolean {
  return m.required === REQUIRED_FIELDS[table].length;
}

/** Better full candidate first: more fields, then the earlier sheet. */
function byCount(a: RowMatch, b: RowMatch): number {
  return b.count - a.count || a.sheetIndex - b.sheetIndex;
}

/** Closer partial first: more required fields, then more fields, then the earlier sheet. */
function byCloseness(a: RowMatch, b: RowMatch): number {
  return b.required - a.required || b.count - a.count || a.sheetIndex - b.sheetIndex;
}

// Enough candidates per table for any real workbook; keeps the assignment search tiny.
const MAX_CANDIDATES = 8;

export function detectTables(sheets: readonly SheetTop[], options: DetectOptions = {}): DetectedWorkbook {
  const indexes = buildIndexes(options);
  const full: Record<TableKey, RowMatch[]> = { customers: [], orders: [], contacts: [] };
  const partial: Record<TableKey, RowMatch[]> = { customers: [], orders: [], contacts: [] };

  sheets.forEach((sheet, sheetIndex) => {
    if (isAddonSheet(sheet.name) || options.ignoreSheets?.(sheet.name)) return;
    const rows = Math.min(sheet.top.length, HEADER_SCAN_ROWS);
    for (const table of TABLES) {
      let best: RowMatch | null = null;
      let closest: RowMatch | null = null;
      for (let r = 0; r < rows; r++) {
        const m = matchRow(sheet.top[r] ?? [], table, indexes[table], sheetIndex, sheet.name, r + 1);
        if (m.count === 0) continue;
        if (isFull(m, table) && (!best || m.count > best.count)) best = m;
        if (!closest || byCloseness(m, closest) < 0) closest = m;
      }
      if (best) full[table].push(best);
      if (closest) partial[table].push(closest);
    }
  });
  for (const table of TABLES) {
    full[table].sort(byCount);
    partial[table].sort(byCloseness);
  }

  // The sheet a missing column is looked for on: the closest one that is not plainly another
  // table (an order log has a customer column, but is not a customer table missing its name).
  const missing = (table: TableKey, taken: ReadonlySet<string>): MappingError => {
    const otherTable = (name: string) => TABLES.some((t) => t !== table && full[t].some((m) => m.sheet === name));
    const near = partial[table].find((m) => !taken.has(m.sheet) && !otherTable(m.sheet) && m.required > 0);
    const field = (REQUIRED_FIELDS[table] as readonly AnyField[]).find((f) => near?.columns[f] === undefined) ?? REQUIRED_FIELDS[table][0];
    return new MappingError('missingColumn', {
      table,
      field,
      tried: indexes[table].tried.get(field) ?? [],
      ...(near ? { sheet: near.sheet, headerRow: near.headerRow } : {}),
    });
  };

  const c = full.customers.slice(0, MAX_CANDIDATES);
  const o = full.orders.slice(0, MAX_CANDIDATES);
  const t = full.contacts.slice(0, MAX_CANDIDATES);
  if (c.length === 0) throw missing('customers', new Set());
  let best: { c: RowMatch; o: RowMatch | null; t: RowMatch | null; total: number } | null = null;
  for (const cm of c) {
    // Without an order sheet (orders elsewhere) only when none is found: a found one scores more.
    for (const om of options.ordersElsewhere ? [...o, null] : o) {
      if (om && om.sheet === cm.sheet) continue;
      // Visiting "no contact log" first means a real one replaces it only by scoring more.
      for (const tm of [null, ...t]) {
        if (tm && (tm.sheet === cm.sheet || tm.sheet === om?.sheet)) continue;
        const total = cm.count + (om ? om.count : 0) + (tm ? tm.count : 0);
        if (!best || total > best.total) best = { c: cm, o: om, t: tm, total };
      }
    }
  }
  if (!best) throw missing('orders', new Set([c[0].sheet]));

  const taken = new Set([best.c.sheet, ...(best.o ? [best.o.sheet] : []), ...(best.t ? [best.t.sheet] : [])]);
  if (!best.t && indexes.contacts.chosen.size > 0) throw missing('contacts', taken);

  const chosenMatches: [TableKey, RowMatch][] = [['customers', best.c], ...(best.o ? [['orders', best.o] as [TableKey, RowMatch]] : [])];
  if (best.t) chosenMatches.push(['contacts', best.t]);
  for (const [table, m] of chosenMatches) checkChoices(table, m, indexes[table]);

  const warnings: MappingWarning[] = [];
  for (const [table, m] of chosenMatches) {
    for (const other of full[table]) {
      if (!taken.has(other.sheet)) {
        warnings.push({ key: 'alsoLooksLike', table, sheet: m.sheet, matched: m.count, other: other.sheet, otherMatched: other.count });
      }
    }
  }
  if (!best.t) {
    for (const p of partial.contacts) {
      const cols = p.columns;
      const looksLikeLog = cols.customer !== undefined && cols.date !== undefined
        && (cols.person !== undefined || cols.note !== undefined || cols.deadline !== undefined || cols.status !== undefined);
      if (!taken.has(p.sheet) && looksLikeLog && cols.kind === undefined) {
        warnings.push({ key: 'contactsWithoutKind', sheet: p.sheet, tried: indexes.contacts.tried.get('kind') ?? [] });
      }
    }
  }

  const result: DetectedWorkbook = {
    customers: toMapping('customers', best.c),
    orders: best.o ? toMapping('orders', best.o) : NO_ORDER_SHEET,
    warnings,
  };
  if (best.t) result.contacts = toMapping('contacts', best.t);
  return result;
}

/** A header chosen in the Settings sheet must be on the header row the table was found on. */
function checkChoices(table: TableKey, m: RowMatch, index: TableIndex): void {
  for (const [field, header] of index.chosen) {
    const found = m.headers[field];
    const want = normalizeHeader(header);
    if (found === undefined || !headerKeys(found).includes(want)) {
      throw new MappingError('choiceNotFound', { table, field, header, sheet: m.sheet, headerRow: m.headerRow });
    }
  }
}

function toMapping<T extends TableKey>(table: T, m: RowMatch): TableMapping<T> {
  return {
    table,
    sheet: m.sheet,
    headerRow: m.headerRow,
    columns: m.columns as Partial<Record<FieldOf<T>, number>>,
    headers: m.headers as Partial<Record<FieldOf<T>, string>>,
    width: m.width,
  };
}
