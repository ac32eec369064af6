/**
 * The schedule sheet codec: the sheet's cells → ParsedRows (what each row says, whose it is, which
 * chain it belongs to), and PlannedRows → the cells to write.
 *
 * Whose a row is: the check cell keeps a signature of the cells as the add-on wrote them; a row
 * whose cells still give that signature is the add-on's ('kehu'), any other row with the add-on's
 * id is a person's ('changed'), and a row without one was added by a person ('added'). A row the
 * codec cannot read is a person's, so it is kept, never dropped.
 */
import { CellValue, isBlank, isDate } from '../cells';
import { DayClock, formatDay } from '../dates';
import type { Lang } from '../locale';
import type { ContactMode, RowStatus, Role, ScheduleRow } from '../model';
import { KIND_WORDS, normalizeWord, parseWord, ROLE_WORDS, STATUS_WORDS, wordFor } from '../vocabulary';
import { formatTime, readDate, readText, readTime, rewriteCell, sheetText, UNREADABLE } from './cells';
import { findLayout, headerRow } from './headers';
import { CellKeys, contactIdOf, decodeCheck, encodeCheck, KEHU_ID, PERSON_ID, rowSignature } from './identity';
import {
  ParsedRow, PERSON_COLUMNS, PlannedRow, SCHEDULE_COLUMNS, ScheduleColumn, ScheduleProblem, ScheduleSheet,
} from './types';

const COL = Object.fromEntries(SCHEDULE_COLUMNS.map((c, i) => [c, i])) as Record<ScheduleColumn, number>;

/** The signature keys of a row as the add-on writes it. */
export function keysOfRow(row: ScheduleRow): CellKeys {
  return [
    row.day === null ? '' : String(row.day),
    row.slot === null ? '' : String(row.slot),
    row.customerId.trim(), row.customerName.trim(), row.kind, row.role, row.person.trim(), (row.with ?? '').trim(), row.email.trim(),
    row.status, row.note.trim(),
  ];
}

/** The signature of a row as the add-on writes it (what its check cell records). */
export function signatureOfRow(row: ScheduleRow): string {
  return rowSignature(keysOfRow(row));
}

/** Reads words through a cache: a 150,000-row schedule repeats a handful of words. */
function wordReader<K extends string>(parse: (text: string) => K | null) {
  const cache = new Map<string, K | null>();
  return (v: CellValue): K | null | typeof UNREADABLE => {
    if (isBlankCell(v)) return null;
    if (typeof v !== 'string') return UNREADABLE;
    let k = cache.get(v);
    if (k === undefined) {
      k = parse(v);
      cache.set(v, k);
    }
    return k === null ? UNREADABLE : k;
  };
}

function parseMode(text: string): ContactMode | null {
  const k = parseWord(KIND_WORDS, text);
  return k === 'visit' || k === 'call' ? k : null;
}

/** The key of a cell for the signature: its meaning, '' when blank, the raw text after '?' when unreadable. */
function keyOf(value: unknown, raw: CellValue): string {
  if (value === UNREADABLE) return '?' + (isDate(raw) ? String(raw.getTime()) : normalizeWord(String(raw)));
  return value === null ? '' : String(value);
}

/**
 * Reads the schedule sheet: `grid` is the sheet's values from A1 (grid[0] is sheet row 1), as
 * getValues hands them. Columns are found by header in either language anywhere in the first
 * rows; rows below the header that are blank in every column a person may edit are skipped (a
 * cleared row is a deleted row). When no header is found in a sheet that has content, the result
 * has a 'noHeader' problem and no rows: the caller must not rewrite the sheet then.
 */
export function readScheduleSheet(grid: readonly (readonly CellValue[])[], clock: DayClock): ScheduleSheet {
  const layout = findLayout(grid);
  if (!layout) {
    const used = grid.some((row) => row.some((v) => !isBlank(v) && !(typeof v === 'string' && v.trim() === '')));
    return {
      headerRow: null,
      extraHeaders: [],
      rows: [],
      problems: used ? [{ problem: 'noHeader', row: 0, column: null, value: '' }] : [],
    };
  }
  const problems: ScheduleProblem[] = [];
  for (const column of SCHEDULE_COLUMNS) {
    if (layout.columns[column] === undefined) problems.push({ problem: 'missingColumn', row: layout.headerIndex + 1, column, value: '' });
  }
  const rows: ParsedRow[] = [];
  const readKind = wordReader(parseMode);
  const readRole = wordReader((t) => parseWord(ROLE_WORDS, t));
  const readStatus = wordReader((t) => parseWord(STATUS_WORDS, t));
  const at = SCHEDULE_COLUMNS.map((c) => layout.columns[c]);
  for (let r = layout.headerIndex + 1; r < grid.length; r++) {
    const line = grid[r];
    const cells = at.map((c) => (c === undefined ? '' : line[c] ?? '')) as CellValue[];
    const extra = layout.extra.map((e) => line[e.column] ?? '');
    if (PERSON_COLUMNS.every((c) => isBlankCell(cells[COL[c]])) && extra.every(isBlankCell)) continue;
    rows.push(parseRow(r + 1, cells, extra, clock, { readKind, readRole, readStatus }, problems, layout.columns.check !== undefined));
  }
  resolveDuplicateIds(rows, problems);
  return { headerRow: layout.headerIndex + 1, extraHeaders: layout.extra.map((e) => e.header), rows, problems };
}

function localText(v: Date, clock: DayClock): string {
  const ms = v.getTime();
  if (ms !== ms) return '';
  const day = clock.dayOf(ms);
  return `${formatDay(day)} ${formatTime(Math.round((ms - clock.startOfDay(day)) / 60_000))}`;
}

function isBlankCell(v: CellValue): boolean {
  return isBlank(v) || (typeof v === 'string' && v.trim() === '');
}

interface Readers {
  readKind: (v: CellValue) => ContactMode | null | typeof UNREADABLE;
  readRole: (v: CellValue) => Role | null | typeof UNREADABLE;
  readStatus: (v: CellValue) => RowStatus | null | typeof UNREADABLE;
}

function parseRow(
  sheetRow: number, cells: CellValue[], extra: CellValue[], clock: DayClock, words: Readers, problems: ScheduleProblem[], hasCheck: boolean,
): ParsedRow {
  // A Date is quoted as the person sees it (local date and time), not as an instant.
  const problem = (p: ScheduleProblem['problem'], column: ScheduleColumn) => {
    const v = cells[COL[column]];
    problems.push({ problem: p, row: sheetRow, column, value: isDate(v) ? localText(v, clock) : v });
  };
  const date = readDate(cells[COL.date], clock);
  const time = readTime(cells[COL.time], clock);
  const kind = words.readKind(cells[COL.kind]);
  const role = words.readRole(cells[COL.role]);
  const status = words.readStatus(cells[COL.status]);
  const unreadable: ParsedRow['unreadable'] = [];
  if (date === UNREADABLE) problem('notDate', 'date'), unreadable.push('date');
  if (time === UNREADABLE) problem('notTime', 'time'), unreadable.push('time');
  if (kind === UNREADABLE) problem('unknownKind', 'kind'), unreadable.push('kind');
  if (role === UNREADABLE) problem('unknownRole', 'role'), unreadable.push('role');
  if (status === UNREADABLE) problem('unknownStatus', 'status'), unreadable.push('status');
  const text = (c: ScheduleColumn) => readText(cells[COL[c]], clock);
  const day = date === UNREADABLE ? null : date;
  const guessed: ParsedRow['guessed'] = [];
  const orGuess = <T>(v: T | null | typeof UNREADABLE, field: 'kind' | 'role' | 'status', fallback: T): T => {
    if (v === null || v === UNREADABLE) {
      guessed.push(field);
      return fallback;
    }
    return v;
  };
  const row: ParsedRow = {
    rowId: text('rowId'),
    day,
    slot: time === UNREADABLE ? null : time,
    customerId: text('customerId'),
    customerName: text('customerName'),
    kind: orGuess(kind, 'kind', 'visit'),
    role: orGuess(role, 'role', 'rep'),
    person: text('person'),
    email: text('email'),
    status: orGuess(status, 'status', day === null ? 'unscheduled' : 'planned'),
    note: text('note'),
    eventId: text('eventId'),
    with: text('with'),
    purpose: text('purpose'),
    area: text('area'),
    sheetRow,
    origin: 'added',
    contact: null,
    cells,
    extra,
    guessed,
    unreadable,
  };
  const keys: CellKeys = [
    keyOf(date, cells[COL.date]), keyOf(time, cells[COL.time]), row.customerId, row.customerName,
    keyOf(kind, cells[COL.kind]), keyOf(role, cells[COL.role]), row.person, row.with ?? '', row.email,
    keyOf(status, cells[COL.status]), row.note,
  ];
  if (KEHU_ID.test(row.rowId)) {
    const check = decodeCheck(cells[COL.check]);
    if (check && check.contact && contactIdOf(check.contact) === row.rowId) {
      row.contact = check.contact;
      row.origin = check.sig === rowSignature(keys) ? 'kehu' : 'changed';
    } else {
      // The row is the add-on's but its check is gone: whatever it says now is a person's doing.
      row.origin = 'changed';
      // A missing check column is reported once, as a missing column.
      if (hasCheck) problem('badCheck', 'check');
    }
  } else if (!PERSON_ID.test(row.rowId)) {
    // No id (or not one the add-on gave): a row a person added; the planner gives it an id.
    row.rowId = '';
  }
  if (row.status === 'done' && row.day === null && row.origin !== 'kehu') problem('doneWithoutDate', 'date');
  return row;
}

/**
 * Two rows with one id (a person copied a row): the one still as the add-on wrote it keeps the
 * id, else the first; the others become rows that person added, with ids of their own.
 */
function resolveDuplicateIds(rows: ParsedRow[], problems: ScheduleProblem[]): void {
  const holder = new Map<string, ParsedRow>();
  const dupes: ParsedRow[] = [];
  for (const row of rows) {
    if (row.rowId === '') continue;
    const other = holder.get(row.rowId);
    if (!other) holder.set(row.rowId, row);
    else if (row.origin === 'kehu' && other.origin !== 'kehu') {
      holder.set(row.rowId, row);
      dupes.push(other);
    } else dupes.push(row);
  }
  for (const row of dupes) {
    const keeper = holder.get(row.rowId)!;
    problems.push({ problem: 'duplicateId', row: row.sheetRow, column: 'rowId', value: row.rowId, otherRow: keeper.sheetRow });
    row.rowId = '';
    row.origin = 'added';
    row.contact = null;
  }
}

/** The check cell's text for a planned add-on row. */
export function checkTextOf(row: PlannedRow): string {
  return encodeCheck({ contact: row.contact, sig: signatureOfRow(row) });
}

/**
 * The cells to write: the header row, then one row per planned row, then (per row) the cells of
 * the columns a person inserted, under `extraHeaders` at the right. The add-on's rows are written
 * from their values (dates through `toDate`, times as 'HH:MM' text, words of `lang`); a person's
 * rows are written back from the cells as read. Write the result at the sheet row the header was
 * found on (1 for a new sheet).
 */
export function renderScheduleSheet(
  rows: readonly PlannedRow[],
  lang: Lang,
  toDate: (day: number) => unknown,
  extraHeaders: readonly string[] = [],
): CellValue[][] {
  const out: CellValue[][] = [[...headerRow(lang), ...extraHeaders]];
  for (const row of rows) {
    let line: CellValue[];
    if (row.cells) {
      line = row.cells.slice(0, COL.eventId).map(rewriteCell);
      // The add-on's words about a person's row (what it could not read) go in the purpose cell.
      if (row.purpose !== undefined) line[COL.purpose] = sheetText(row.purpose);
      line.push(row.eventId, row.rowId, row.checkText ?? checkTextOf(row));
    } else {
      line = [
        row.day === null ? '' : (toDate(row.day) as CellValue),
        row.slot === null ? '' : sheetText(formatTime(row.slot)),
        sheetText(row.customerId),
        sheetText(row.customerName),
        sheetText(row.area ?? ''),
        wordFor(KIND_WORDS, row.kind, lang),
        sheetText(row.purpose ?? ''),
        wordFor(ROLE_WORDS, row.role, lang),
        sheetText(row.person),
        sheetText(row.with ?? ''),
        sheetText(row.email),
        wordFor(STATUS_WORDS, row.status, lang),
        sheetText(row.note),
        row.eventId,
        row.rowId,
        checkTextOf(row),
      ];
    }
    for (let i = 0; i < extraHeaders.length; i++) line.push(rewriteCell(row.extra[i]));
    out.push(line);
  }
  return out;
}
