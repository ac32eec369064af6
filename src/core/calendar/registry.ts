/**
 * The calendar registry: the add-on's hidden sheet (Kehu · 日历记录 / Kehu · Calendar) with one
 * row per event it made. It is what lets an unchanged re-run make no calendar call (the
 * signature last sent), and what lets the add-on cancel the event of a row a person deleted
 * (the event id and its day, so past events are left alone).
 *
 * A damaged row (edited by hand) is skipped and reported, never guessed at. Forgetting an entry
 * is safe: the row's next insert answers 409, and the add-on then reads the event and patches it.
 */
import { isBlank, isDate, type CellValue } from '../cells';
import { parseDateText, type DayClock } from '../dates';
import type { Lang } from '../locale';
import { normalizeWord } from '../vocabulary';
import { isEventId } from './events';
import { fullDate } from './time';

/**
 * confirmed / cancelled: what the calendar holds, as last heard from it. pending: an insert was
 * about to be sent when the registry was last written (the run may have been cut before it was
 * made, or after): the next run treats the event as possibly there.
 */
export type RegistryStatus = 'confirmed' | 'cancelled' | 'pending';

export interface RegistryEntry {
  eventId: string;
  /** The schedule row (Kehu ID) the event is for. */
  rowId: string;
  /** The event's day (spreadsheet calendar): past events are left alone, long-past entries pruned. */
  day: number;
  status: RegistryStatus;
  /** eventSignature of what was last sent ('' when unknown: the next run patches). */
  signature: string;
  /**
   * In memory only, on an entry recordPlanned made pending: the entry before it (null: none),
   * put back when the call fails or is not sent. Never written to the sheet: after a cut run the
   * sheet must say "pending".
   */
  before?: RegistryEntry | null;
}

/** Entries by event id. */
export type Registry = Map<string, RegistryEntry>;

export type RegistryField = 'eventId' | 'rowId' | 'day' | 'status' | 'signature';
const FIELDS: readonly RegistryField[] = ['eventId', 'rowId', 'day', 'status', 'signature'];
const REQUIRED: readonly RegistryField[] = ['eventId', 'rowId', 'day', 'status'];

const HEADERS: Record<Lang, Record<RegistryField, string>> = {
  zh: { eventId: '日历事件 ID', rowId: 'Kehu ID', day: '日期', status: '状态', signature: '签名' },
  en: { eventId: 'Event ID', rowId: 'Kehu ID', day: 'Day', status: 'Status', signature: 'Signature' },
};
const MORE_HEADERS: Record<RegistryField, readonly string[]> = {
  eventId: ['事件 ID', 'Calendar event ID', 'event'],
  rowId: ['Row ID', '行 ID'],
  day: ['Date', '日子'],
  status: ['状态码'],
  signature: ['Sig', '校验'],
};

const STATUS: Record<Lang, Record<RegistryStatus, string>> = {
  zh: { confirmed: '已确认', cancelled: '已取消', pending: '待确认' },
  en: { confirmed: 'confirmed', cancelled: 'cancelled', pending: 'pending' },
};

const HEADER_INDEX = new Map<string, RegistryField>();
const STATUS_INDEX = new Map<string, RegistryStatus>();
for (const f of FIELDS) for (const h of [HEADERS.zh[f], HEADERS.en[f], ...MORE_HEADERS[f]]) HEADER_INDEX.set(normalizeWord(h), f);
for (const s of ['confirmed', 'cancelled', 'pending'] as const) {
  for (const w of [STATUS.zh[s], STATUS.en[s]]) STATUS_INDEX.set(normalizeWord(w), s);
}
STATUS_INDEX.set(normalizeWord('canceled'), 'cancelled');

/** A registry row that could not be read: its 1-based sheet row, the field and the value found. */
export interface RegistryProblem {
  row: number;
  field: Exclude<RegistryField, 'signature'> | 'header' | 'duplicate';
  value: CellValue;
}

export interface RegistryRead {
  registry: Registry;
  problems: RegistryProblem[];
}

function text(v: CellValue): string {
  if (typeof v === 'string') return v.trim().replace(/^'/, '');
  if (typeof v === 'number') return String(v);
  return '';
}

/**
 * Reads the registry sheet's values (getValues, header in row 1, columns in any order, headers
 * in either language). A sheet that is empty, or whose header row is missing a needed column,
 * reads as an empty registry with a problem for row 1. `clock` reads a day cell that Sheets
 * turned into a date; without it such a cell is a problem.
 */
export function readRegistry(grid: readonly (readonly CellValue[])[], clock?: DayClock): RegistryRead {
  const registry: Registry = new Map();
  const problems: RegistryProblem[] = [];
  const firstFilled = grid.findIndex((r) => r.some((v) => !isBlank(v)));
  if (firstFilled < 0) return { registry, problems };
  const header = grid[0] ?? [];
  const col: Partial<Record<RegistryField, number>> = {};
  header.forEach((v, c) => {
    const f = typeof v === 'string' ? HEADER_INDEX.get(normalizeWord(v)) : undefined;
    if (f && col[f] === undefined) col[f] = c;
  });
  const missing = REQUIRED.filter((f) => col[f] === undefined);
  if (missing.length > 0) {
    problems.push({ row: 1, field: 'header', value: header.map((v) => text(v)).join(' | ') });
    return { registry, problems };
  }
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r];
    if (!cells.some((v) => !isBlank(v))) continue;
    const at = (f: RegistryField): CellValue => (col[f] === undefined ? '' : cells[col[f]!]);
    const row = r + 1;
    const eventId = text(at('eventId'));
    if (!isEventId(eventId)) { problems.push({ row, field: 'eventId', value: at('eventId') }); continue; }
    const rowId = text(at('rowId'));
    if (rowId === '') { problems.push({ row, field: 'rowId', value: at('rowId') }); continue; }
    const dayCell = at('day');
    const day = isDate(dayCell)
      ? clock && dayCell.getTime() === dayCell.getTime() ? clock.dayOf(dayCell.getTime()) : null
      : parseDateText(text(dayCell));
    if (day === null) { problems.push({ row, field: 'day', value: dayCell }); continue; }
    const status = STATUS_INDEX.get(normalizeWord(text(at('status'))));
    if (!status) { problems.push({ row, field: 'status', value: at('status') }); continue; }
    if (registry.has(eventId)) { problems.push({ row, field: 'duplicate', value: eventId }); continue; }
    registry.set(eventId, { eventId, rowId, day, status, signature: text(at('signature')) });
  }
  return { registry, problems };
}

/** Text written so that Sheets keeps it as text (a signature such as '12e45' would read as a number). */
const asText = (s: string): string => `'${s}`;

/** Entries in a stable order: by day, then row id, then event id. */
export function sortedEntries(registry: Registry): RegistryEntry[] {
  return [...registry.values()].sort((a, b) => a.day - b.day || cmp(a.rowId, b.rowId) || cmp(a.eventId, b.eventId));
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The sheet's values (one setValues): the header row in the file's language, then one row per entry. */
export function renderRegistry(registry: Registry, lang: Lang): string[][] {
  const h = HEADERS[lang];
  const rows: string[][] = [FIELDS.map((f) => h[f])];
  for (const e of sortedEntries(registry)) {
    rows.push([asText(e.eventId), asText(e.rowId), asText(fullDate(e.day)), STATUS[lang][e.status], asText(e.signature)]);
  }
  return rows;
}

const PROBLEM_WORDS: Record<Lang, Record<RegistryProblem['field'], string>> = {
  zh: { header: '标题行缺少必需的列', eventId: '日历事件 ID 无效', rowId: 'Kehu ID 为空', day: '日期无法识别', status: '状态无法识别', duplicate: '日历事件 ID 重复' },
  en: { header: 'the header row lacks a needed column', eventId: 'the event ID is not valid', rowId: 'the Kehu ID is empty', day: 'the day cannot be read', status: 'the status cannot be read', duplicate: 'the event ID appears twice' },
};

/** One sentence for the log: which row of the registry sheet was skipped and why, with the value. */
export function describeRegistryProblem(p: RegistryProblem, sheetName: string, lang: Lang): string {
  const value = isDate(p.value) ? p.value.toISOString() : String(p.value ?? '');
  return lang === 'zh'
    ? `“${sheetName}”第 ${p.row} 行已跳过：${PROBLEM_WORDS.zh[p.field]}（“${value}”）。`
    : `Row ${p.row} of '${sheetName}' was skipped: ${PROBLEM_WORDS.en[p.field]} ('${value}').`;
}
