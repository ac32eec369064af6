/**
 * The customer card: what a rep reads before a contact (domain.md §1, §6). The profile comes
 * fresh from the customer's row; the figures that need the whole order log come from the last
 * classification run (the state sheet); the contacts and the planned visits come fresh from the
 * rows of this customer in the contact log and the schedule.
 */
import { readDocumentJson } from '../../adapters/properties';
import { decodeCardSummary, monthAfter, type CardSummary } from '../../core/automation/cardSummary';
import { isClosedStatus } from '../../core/automation/flags';
import { readState } from '../../core/automation/state';
import type { CellValue } from '../../core/cells';
import { formatDay } from '../../core/dates';
import { signature } from '../../core/hash';
import type { ContactKind, CustomerField } from '../../core/model';
import { Team } from '../../core/schedule/people';
import { readScheduleSheet } from '../../core/schedule/rows';
import { findLayout, HEADER_SEARCH_ROWS } from '../../core/schedule/headers';
import { fieldLabel } from '../../core/tables/synonyms';
import { readDay } from '../../core/tables/records';
import { KIND_WORDS, parseWord, STATUS_WORDS, wordFor } from '../../core/vocabulary';
import type { CardComplaint, CardContact, CardVisit, CustomerCard, FieldKind, ProfileField } from '../../shared/types';
import { PARETO_KEY } from '../classified';
import { SCHEDULE_INDEX_KEY, scheduleSheetName, type ScheduleIndex } from '../scheduleRead';
import type { RunContext } from '../frame';
import { ownSheetNames } from '../ownSheets';
import { cellOf, CUSTOMER_FIELDS_SHOWN, idOf, readRows, rowsWithId, type CardTables } from './locate';

const LAST_CONTACTS = 5;
const CONTACT_ROWS_READ = 12;
const SCHEDULE_ROWS_READ = 12;
const NEXT_VISITS = 4;

export const FIELD_KINDS: Partial<Record<CustomerField, FieldKind>> = {
  phone: 'phone',
  email: 'email',
  birthday: 'date',
  lastReviewed: 'date',
  creditLimit: 'amount',
  outstanding: 'amount',
};

/** The text a card shows for a cell, and compares an edit against: dates as 2026-11-20, numbers as written. */
export function shownText(v: CellValue | undefined, ctx: RunContext): string {
  if (v === undefined || v === null || v === '') return '';
  if (v instanceof Date) {
    const ms = v.getTime();
    return ms === ms ? formatDay(ctx.clock.dayOf(ms)) : '';
  }
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function masked(text: string): string {
  const digits = text.replace(/\s+/g, '');
  return digits === '' ? '' : `•••• ${digits.slice(-4)}`;
}

function iso(day: number | null | undefined): string | null {
  return day === null || day === undefined ? null : formatDay(day);
}

/**
 * The customer's line of the state sheet. That sheet is written in the customer table's order,
 * so the line is first looked for where the customer's row says (one read); only when a person
 * moved rows since the last run is the id column searched.
 */
function summaryOf(ctx: RunContext, id: string, customerRow: number, headerRow: number): CardSummary | null {
  const sheet = ctx.wb.findSheet(ownSheetNames('state', ctx.lang));
  if (!sheet) return null;
  const header = ctx.wb.readFresh(sheet, 1, 1, 1, 7);
  const guess = customerRow - headerRow + 1;
  let line = guess > 1 ? ctx.wb.readFresh(sheet, guess, 1, 1, 7) : [];
  if (line.length === 0 || idOf(line[0][0]) !== id) {
    const rows = rowsWithId(ctx, sheet, 1, 1, id);
    if (rows.length === 0) return null;
    line = ctx.wb.readFresh(sheet, rows[0], 1, 1, 7);
  }
  return decodeCardSummary(readState([...header, ...line]).get(id)?.card ?? '');
}

interface ContactLine {
  day: number;
  kind: ContactKind;
  kindText: string;
  person: string;
  note: string;
  deadline: number | null;
  status: string;
}

function contactsOf(ctx: RunContext, t: CardTables, id: string): ContactLine[] {
  const m = t.mapping.contacts;
  if (!m) return [];
  const rows = rowsWithId(ctx, m.sheet, m.headerRow, m.columns.customer!, id).slice(-CONTACT_ROWS_READ);
  const width = Math.max(...Object.values(m.columns).map((c) => c ?? 0));
  const out: ContactLine[] = [];
  for (const line of readRows(ctx, m.sheet, rows, width)) {
    const day = readDay(cellOf(m, line, 'date') ?? '', ctx.clock);
    if (day === null) continue;
    const kindText = shownText(cellOf(m, line, 'kind'), ctx);
    const deadline = cellOf(m, line, 'deadline');
    out.push({
      day,
      kind: parseWord(KIND_WORDS, kindText) ?? 'other',
      kindText,
      person: shownText(cellOf(m, line, 'person'), ctx),
      note: shownText(cellOf(m, line, 'note'), ctx),
      deadline: deadline === undefined || deadline === '' ? null : readDay(deadline, ctx.clock),
      status: shownText(cellOf(m, line, 'status'), ctx),
    });
  }
  return out.sort((a, b) => a.day - b.day);
}

function visitsOf(ctx: RunContext, id: string): CardVisit[] {
  const sheet = scheduleSheetName(ctx);
  if (!sheet) return [];
  const top = ctx.wb.readTop(sheet, HEADER_SEARCH_ROWS);
  const layout = findLayout(top);
  if (!layout || layout.columns.customerId === undefined) return [];
  const header = top[layout.headerIndex];
  // Only the dated rows (written first) can hold next visits; without the index, all rows.
  const index = readDocumentJson<ScheduleIndex>(SCHEDULE_INDEX_KEY);
  const limit = index && index.sheet === sheet && index.headerRow === layout.headerIndex + 1 ? index.datedRows : Number.MAX_SAFE_INTEGER;
  const rows = rowsWithId(ctx, sheet, layout.headerIndex + 1, layout.columns.customerId + 1, id, limit).slice(0, SCHEDULE_ROWS_READ);
  const parsed = readScheduleSheet([header, ...readRows(ctx, sheet, rows, header.length)], ctx.clock).rows;
  return parsed
    .filter((r) => r.day !== null && r.day >= ctx.today && (r.status === 'planned' || r.status === 'moved'))
    .sort((a, b) => (a.day as number) - (b.day as number) || (a.slot ?? 0) - (b.slot ?? 0))
    .slice(0, NEXT_VISITS)
    .map((r) => ({
      date: formatDay(r.day as number),
      time: r.slot === null ? '' : `${String(Math.floor(r.slot / 60)).padStart(2, '0')}:${String(r.slot % 60).padStart(2, '0')}`,
      kind: r.kind,
      person: r.person,
      status: wordFor(STATUS_WORDS, r.status, ctx.lang),
    }));
}

export function buildCard(ctx: RunContext, t: CardTables, row: number, cells: readonly CellValue[]): CustomerCard {
  const m = t.mapping.customers;
  const id = idOf(cellOf(m, cells, 'id'));
  const label = (f: CustomerField): string => m.headers[f] ?? fieldLabel('customers', f, ctx.lang);
  const profile: ProfileField[] = [];
  for (const field of CUSTOMER_FIELDS_SHOWN) {
    if (m.columns[field] === undefined) continue;
    const text = shownText(cellOf(m, cells, field), ctx);
    const secret = field === 'bankAccount';
    profile.push({ field, label: label(field), text: secret ? masked(text) : text, kind: FIELD_KINDS[field] ?? 'text', editable: !secret, secret });
  }
  const mapped = Object.keys(m.columns) as CustomerField[];
  const filled = mapped.filter((f) => shownText(cellOf(m, cells, f), ctx).trim() !== '').length;
  const missing = t.settings.requiredFields.filter((f) => m.columns[f] !== undefined && shownText(cellOf(m, cells, f), ctx).trim() === '').map(label);

  const repCell = shownText(cellOf(m, cells, 'rep'), ctx).trim();
  let rep: CustomerCard['rep'] = null;
  if (repCell) {
    const found = new Team(t.settings.team).rep(repCell);
    rep = 'person' in found ? { name: found.person.label, code: repCell === found.person.label ? '' : repCell, email: found.person.email } : { name: repCell, code: '', email: '' };
  }

  const summary = summaryOf(ctx, id, row, m.headerRow);
  const contacts = contactsOf(ctx, t, id);
  const hasStatus = t.mapping.contacts?.columns.status !== undefined;
  const lastReply = Math.max(-Infinity, ...contacts.filter((c) => c.kind === 'visit' || c.kind === 'call').map((c) => c.day));
  const complaints: CardComplaint[] = contacts
    .filter((c) => c.kind === 'complaint' && !(hasStatus ? isClosedStatus(c.status) : lastReply > c.day))
    .map((c) => ({ date: formatDay(c.day), note: c.note, owner: c.person, deadline: iso(c.deadline), overdue: c.deadline !== null && ctx.today > c.deadline }));
  const lastContacts: CardContact[] = contacts
    .slice(-LAST_CONTACTS)
    .reverse()
    .map((c) => ({ date: formatDay(c.day), kind: c.kind, kindText: c.kindText || wordFor(KIND_WORDS, 'visit', ctx.lang), person: c.person, note: c.note }));

  const number = (f: CustomerField): number | null => {
    const v = cellOf(m, cells, f);
    return typeof v === 'number' ? v : null;
  };
  const creditLimit = number('creditLimit');
  const outstanding = number('outstanding');
  const pareto = readDocumentJson<{ curve: [number, number][] }>(PARETO_KEY);

  return {
    id,
    row,
    name: shownText(cellOf(m, cells, 'name'), ctx),
    notes: shownText(cellOf(m, cells, 'notes'), ctx),
    version: signature(JSON.stringify(cells.map((v) => shownText(v, ctx)))),
    profile,
    rep,
    scores: summary?.rfm ?? null,
    tier: summary?.tier ?? '',
    previousTier: summary?.previousTier ?? '',
    movement: summary?.movement ?? '',
    quadrant: summary?.quadrant ?? '',
    pAlive: summary?.pAlive ?? null,
    orders: {
      count: summary?.orders ?? 0,
      revenue: summary?.revenue ?? 0,
      average: summary && summary.orders > 0 ? Math.round((summary.revenue / summary.orders) * 100) / 100 : null,
      lastOrder: iso(summary?.lastDay),
      recencyDays: summary?.lastDay === null || summary?.lastDay === undefined ? null : ctx.today - summary.lastDay,
      creditLimit,
      outstanding,
      creditUsed: creditLimit !== null && outstanding !== null && creditLimit > 0 ? outstanding / creditLimit : null,
    },
    completeness: { filled, known: mapped.length, missing },
    status: summary?.status ?? '',
    flags: summary?.flags ?? [],
    nextVisits: visitsOf(ctx, id),
    lastContacts,
    complaints,
    pareto: summary && pareto ? { rank: summary.rank, customers: summary.customers, share: summary.share, curve: pareto.curve } : null,
    monthly: summary ? summary.monthAmounts.map((amount, k) => ({ month: monthAfter(summary.firstMonth, k), amount, orders: summary.monthOrders[k] ?? 0 })) : [],
    classifiedAt: summary ? new Date(summary.at).toISOString() : null,
  };
}
