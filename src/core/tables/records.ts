/**
 * Table rows → typed records, with every cell the add-on cannot use kept as a RowProblem (its
 * sheet row, field and value) instead of stopping the run or being silently skipped.
 *
 * The grids are the table's rows from its header row down, all columns, as one getValues
 * returns them; grid[i] is sheet row headerRow + i. The order log can be half a million rows,
 * so each reader is one pass that allocates nothing per row but the record (and a problem when
 * there is one).
 */
import { readBirthday } from './birthday';
import { CellValue, isDate } from '../cells';
import { dayOfValue } from '../columns';
import { civilFromDays, DayClock, formatDay, parseDateText } from '../dates';
import type {
  AnyField, ContactKind, ContactRecord, CustomerField, CustomerRecord, OrderRecord, RowProblem, TableKey, TableMapping,
} from '../model';
import { KIND_WORDS, parseWord } from '../vocabulary';

export type Grid = readonly (readonly CellValue[])[];

/** A RowProblem, and for a duplicate id the row that already holds it. */
export interface TableRowProblem extends RowProblem {
  otherRow?: number;
}

export interface ReadResult<R> {
  records: R[];
  problems: TableRowProblem[];
}

/** The customer ids of the customer table (a Set, or anything that answers `has`). */
export interface KnownIds {
  has(id: string): boolean;
}

function blank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined;
}

/** 0-based index of a field's column, or -1 when the field is not mapped. */
function indexOf(mapping: TableMapping, field: AnyField): number {
  const c = (mapping.columns as Partial<Record<AnyField, number>>)[field];
  return c === undefined ? -1 : c - 1;
}

function required(mapping: TableMapping, field: AnyField): number {
  const c = indexOf(mapping, field);
  if (c < 0) throw new Error(`the ${mapping.table} mapping has no ${field} column`);
  return c;
}

/**
 * A label as src/core/columns.ts labelAt reads one: text trimmed, numbers as written, '' for a
 * blank cell; null for TRUE/FALSE and dates, whose text depends on how the cell is shown.
 */
function labelOf(v: CellValue): string | null {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (blank(v)) return '';
  return null;
}

/** True when every mapped column among `cols` (-1 = not mapped) is blank. */
function allBlank(cells: readonly CellValue[], cols: readonly number[]): boolean {
  for (const c of cols) if (c >= 0 && !blank(cells[c])) return false;
  return true;
}

/** The day of a date cell or unambiguous date text; null when the cell holds something else. */
function dayOf(v: CellValue, clock: DayClock): number | null {
  if (v instanceof Date) {
    const ms = v.getTime();
    return ms === ms ? clock.dayOf(ms) : null;
  }
  return dayOfValue(v, clock);
}

/** Free text of a cell (person, note, product): as written, trimmed; a date as YYYY-MM-DD. */
function textOf(v: CellValue, clock: DayClock): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    const day = dayOf(v, clock);
    return day === null ? '' : formatDay(day);
  }
  return '';
}

/** The day of a date cell or date text, for readers of customer fields (last reviewed); null otherwise. */
export function readDay(v: CellValue, clock: DayClock): number | null {
  return blank(v) ? null : dayOf(v, clock);
}

/** An amount (credit limit, outstanding): only a number cell counts; null otherwise. */
export function readAmount(v: CellValue): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

const MONTH_DAY = [/^(\d{1,2})-(\d{1,2})$/, /^(\d{1,2})\/(\d{1,2})$/, /^(\d{1,2})月(\d{1,2})日?$/];
// Days in each month of a leap year: a birthday on 02-29 is a real birthday.
const MONTH_LENGTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A birthday's month and day: a date cell, a full date text (1980-11-26, 1980年11月26日) or a
 * month-day text (11-26, 11/26, 11月26日, month first). Null when the cell is none of these.
 */
export function readMonthDay(v: CellValue, clock: DayClock): { month: number; day: number } | null {
  if (isDate(v)) {
    const day = dayOf(v, clock);
    if (day === null) return null;
    const c = civilFromDays(day);
    return { month: c.m, day: c.d };
  }
  if (typeof v !== 'string') return null;
  const t = v.normalize('NFKC').trim();
  const full = parseDateText(t);
  if (full !== null) {
    const c = civilFromDays(full);
    return { month: c.m, day: c.d };
  }
  for (const re of MONTH_DAY) {
    const m = re.exec(t);
    if (!m) continue;
    const month = +m[1];
    const day = +m[2];
    return month >= 1 && month <= 12 && day >= 1 && day <= MONTH_LENGTH[month - 1] ? { month, day } : null;
  }
  return null;
}

function problem(table: TableKey, row: number, field: AnyField, value: CellValue, kind: RowProblem['problem'], customer?: string | null): TableRowProblem {
  const p: TableRowProblem = { table, row, field, value, problem: kind };
  if (customer) p.customer = customer;
  return p;
}

/** Customer fields whose cells are checked (the row is kept: a bad birthday must not hide a customer). */
const DAY_FIELDS: readonly CustomerField[] = ['lastReviewed'];
const NUMBER_FIELDS: readonly CustomerField[] = ['creditLimit', 'outstanding'];

/**
 * The customer table. A row without a usable id, or with an id an earlier row already has, is
 * left out with a problem; a row kept may still carry problems for cells the flags read
 * (birthday, last reviewed, credit limit, outstanding), which keep their raw value in `fields`.
 */
export function readCustomers(grid: Grid, mapping: TableMapping<'customers'>, clock: DayClock, lunarBirthdays = false): ReadResult<CustomerRecord> {
  const idCol = required(mapping, 'id');
  const fields = Object.keys(mapping.columns) as CustomerField[];
  const cols = fields.map((f) => indexOf(mapping, f));
  const birthdayCol = indexOf(mapping, 'birthday');
  const mapped = (fs: readonly CustomerField[]) => fs.map((f): [CustomerField, number] => [f, indexOf(mapping, f)]).filter(([, c]) => c >= 0);
  const dayCols = mapped(DAY_FIELDS);
  const numberCols = mapped(NUMBER_FIELDS);
  const records: CustomerRecord[] = [];
  const problems: TableRowProblem[] = [];
  const firstRow = new Map<string, number>();
  for (let i = 1; i < grid.length; i++) {
    const cells = grid[i];
    let empty = true;
    for (const c of cols) if (!blank(cells[c])) { empty = false; break; }
    if (empty) continue;
    const row = mapping.headerRow + i;
    const raw = cells[idCol];
    const id = labelOf(raw);
    if (id === null) { problems.push(problem('customers', row, 'id', raw, 'notLabel')); continue; }
    if (id === '') { problems.push(problem('customers', row, 'id', raw, 'missing')); continue; }
    const earlier = firstRow.get(id);
    if (earlier !== undefined) {
      const p = problem('customers', row, 'id', raw, 'duplicateId', id);
      p.otherRow = earlier;
      problems.push(p);
      continue;
    }
    firstRow.set(id, row);
    const values: Partial<Record<CustomerField, CellValue>> = {};
    for (let k = 0; k < fields.length; k++) {
      const v = cells[cols[k]];
      values[fields[k]] = v === undefined || v === null ? '' : v;
    }
    if (birthdayCol >= 0) {
      const v = cells[birthdayCol];
      if (!blank(v) && readBirthday(v, clock, lunarBirthdays) === null) problems.push(problem('customers', row, 'birthday', v, 'notDate', id));
    }
    for (const [f, c] of dayCols) {
      if (!blank(cells[c]) && dayOf(cells[c], clock) === null) problems.push(problem('customers', row, f, cells[c], 'notDate', id));
    }
    for (const [f, c] of numberCols) {
      if (!blank(cells[c]) && readAmount(cells[c]) === null) problems.push(problem('customers', row, f, cells[c], 'notNumber', id));
    }
    records.push({ row, id, fields: values });
  }
  return { records, problems };
}

/**
 * The order log. A row is left out, with a problem per unusable cell, when its customer is
 * missing, not a label or not in the customer table, its date is not a date, its amount or
 * margin not a number.
 */
export function readOrders(grid: Grid, mapping: TableMapping<'orders'>, clock: DayClock, knownCustomerIds?: KnownIds): ReadResult<OrderRecord> {
  const cc = required(mapping, 'customer');
  const dc = required(mapping, 'date');
  const ac = required(mapping, 'amount');
  const mc = indexOf(mapping, 'margin');
  const pc = indexOf(mapping, 'product');
  const records: OrderRecord[] = [];
  const problems: TableRowProblem[] = [];
  const header = mapping.headerRow;
  for (let i = 1; i < grid.length; i++) {
    const cells = grid[i];
    const cv = cells[cc];
    const dv = cells[dc];
    const av = cells[ac];
    const mv = mc >= 0 ? cells[mc] : '';
    const pv = pc >= 0 ? cells[pc] : '';
    if (blank(cv) && blank(dv) && blank(av) && blank(mv) && blank(pv)) continue;
    const row = header + i;
    let ok = true;
    const customer = labelOf(cv);
    if (customer === '') { problems.push(problem('orders', row, 'customer', cv, 'missing')); ok = false; }
    else if (customer === null) { problems.push(problem('orders', row, 'customer', cv, 'notLabel')); ok = false; }
    let day = -1;
    if (dv instanceof Date) {
      const ms = dv.getTime();
      if (ms === ms) day = clock.dayOf(ms);
      else { problems.push(problem('orders', row, 'date', dv, 'notDate', customer)); ok = false; }
    } else if (blank(dv)) { problems.push(problem('orders', row, 'date', dv, 'missing', customer)); ok = false; }
    else {
      const d = dayOfValue(dv, clock);
      if (d === null) { problems.push(problem('orders', row, 'date', dv, 'notDate', customer)); ok = false; }
      else day = d;
    }
    if (typeof av !== 'number' || !Number.isFinite(av)) {
      problems.push(problem('orders', row, 'amount', av, blank(av) ? 'missing' : 'notNumber', customer));
      ok = false;
    }
    if (!blank(mv) && (typeof mv !== 'number' || !Number.isFinite(mv))) {
      problems.push(problem('orders', row, 'margin', mv, 'notNumber', customer));
      ok = false;
    }
    if (ok && knownCustomerIds !== undefined && !knownCustomerIds.has(customer as string)) {
      problems.push(problem('orders', row, 'customer', cv, 'unknownCustomer', customer));
      ok = false;
    }
    if (!ok) continue;
    if (mc < 0 && pc < 0) {
      records.push({ row, customer: customer as string, day, amount: av as number });
    } else {
      const r: OrderRecord = { row, customer: customer as string, day, amount: av as number };
      if (typeof mv === 'number') r.margin = mv;
      if (!blank(pv)) r.product = textOf(pv, clock);
      records.push(r);
    }
  }
  return { records, problems };
}

/**
 * The contact log. A row is left out, with a problem, when its customer is missing, not a label
 * or unknown, or its date or deadline is not a date. A kind that is none of visit / call /
 * complaint (or is blank) keeps the row as kind 'other', with an 'unknownKind' (or 'missing')
 * problem, so the contact still counts as a contact.
 */
export function readContacts(grid: Grid, mapping: TableMapping<'contacts'>, clock: DayClock, knownCustomerIds?: KnownIds): ReadResult<ContactRecord> {
  const cc = required(mapping, 'customer');
  const dc = required(mapping, 'date');
  const kc = required(mapping, 'kind');
  const optional = (['person', 'note', 'deadline', 'status'] as const).map((f) => indexOf(mapping, f));
  const [pc, nc, lc, sc] = optional;
  const records: ContactRecord[] = [];
  const problems: TableRowProblem[] = [];
  const kinds = new Map<string, ContactKind | null>();
  for (let i = 1; i < grid.length; i++) {
    const cells = grid[i];
    const cv = cells[cc];
    const dv = cells[dc];
    const kv = cells[kc];
    if (blank(cv) && blank(dv) && blank(kv) && allBlank(cells, optional)) continue;
    const row = mapping.headerRow + i;
    let ok = true;
    const customer = labelOf(cv);
    if (customer === '') { problems.push(problem('contacts', row, 'customer', cv, 'missing')); ok = false; }
    else if (customer === null) { problems.push(problem('contacts', row, 'customer', cv, 'notLabel')); ok = false; }
    const day = blank(dv) ? null : dayOf(dv, clock);
    if (day === null) { problems.push(problem('contacts', row, 'date', dv, blank(dv) ? 'missing' : 'notDate', customer)); ok = false; }
    let deadlineDay: number | null = null;
    if (lc >= 0 && !blank(cells[lc])) {
      deadlineDay = dayOf(cells[lc], clock);
      if (deadlineDay === null) { problems.push(problem('contacts', row, 'deadline', cells[lc], 'notDate', customer)); ok = false; }
    }
    if (ok && knownCustomerIds !== undefined && !knownCustomerIds.has(customer as string)) {
      problems.push(problem('contacts', row, 'customer', cv, 'unknownCustomer', customer));
      ok = false;
    }
    if (!ok) continue;
    let kind: ContactKind | null = null;
    if (typeof kv === 'string') {
      kind = kinds.get(kv) ?? null;
      if (!kinds.has(kv)) {
        kind = parseWord(KIND_WORDS, kv);
        kinds.set(kv, kind);
      }
    }
    if (kind === null) {
      problems.push(problem('contacts', row, 'kind', kv, blank(kv) ? 'missing' : 'unknownKind', customer));
      kind = 'other';
    }
    const r: ContactRecord = {
      row,
      customer: customer as string,
      day: day as number,
      kind,
      person: pc >= 0 ? textOf(cells[pc], clock) : '',
      note: nc >= 0 ? textOf(cells[nc], clock) : '',
      status: sc >= 0 ? textOf(cells[sc], clock) : '',
    };
    if (deadlineDay !== null) r.deadlineDay = deadlineDay;
    records.push(r);
  }
  return { records, problems };
}

export { describeRowProblem } from './problemText';
