/**
 * The customer card: what a rep reads before a contact (domain.md §1, §6). The profile comes
 * fresh from the customer's row; what needs the whole file (order figures, scores, flags, last
 * contacts, planned visits) comes from the customer's line of the state sheet, written by the
 * last classification run and by the card's own logged contacts since.
 *
 * Before the first run (or for a customer added since), there is no line: the card reads this
 * customer's orders, contacts and visits from their sheets (more calls, once) and says which
 * figures wait for a classification.
 */
import { keptContacts, monthAfter, orderFigures, type CardContactLine, type CardSummary } from '../../core/automation/cardSummary';
import { isClosedStatus } from '../../core/automation/flags';
import { pAliveWords } from '../../core/clv/labels';
import type { CellValue } from '../../core/cells';
import { formatDay } from '../../core/dates';
import { signature } from '../../core/hash';
import type { CustomerField } from '../../core/model';
import { Team } from '../../core/schedule/people';
import { readScheduleSheet } from '../../core/schedule/rows';
import { fieldLabel } from '../../core/tables/synonyms';
import { readDay } from '../../core/tables/records';
import { KIND_WORDS, parseWord, STATUS_WORDS, wordFor } from '../../core/vocabulary';
import type { CardComplaint, CardContact, CardVisit, CustomerCard, FieldKind, ProfileField, WaitingFigure } from '../../shared/types';
import type { RunContext } from '../run/frame';
import { birthdayOf } from '../reads/classified';
import { cellOf, CUSTOMER_FIELDS_SHOWN, idOf, readRows, rowsWithId } from './locate';
import type { CardSetup } from './setup';
import type { StateLine } from './stateLine';

const CONTACT_ROWS_READ = 12;
const SCHEDULE_ROWS_READ = 12;
const NEXT_VISITS = 4;
/** A customer with more orders than this has its order columns read whole rather than row by row. */
const ORDER_ROWS_READ = 12;
const WAITING: WaitingFigure[] = ['scores', 'tier', 'quadrant', 'pAlive', 'flags', 'pareto'];

export const FIELD_KINDS: Partial<Record<CustomerField, FieldKind>> = {
  phone: 'phone',
  email: 'email',
  birthday: 'birthday',
  lastReviewed: 'date',
  creditLimit: 'amount',
  outstanding: 'amount',
};

/**
 * What the card's profile shows for a field: the cell's text, and for a lunar birthday the solar
 * day it falls on next (农历八月十五（2026-09-25）). An edit is compared against this text.
 */
export function profileText(field: CustomerField, v: CellValue | undefined, ctx: RunContext): string {
  const text = shownText(v, ctx);
  if (field !== 'birthday' || !/^(?:农历|阴历|農曆|陰曆)/.test(text)) return text;
  const next = birthdayOf(text, ctx, false);
  if (!next) return text;
  return ctx.lang === 'zh' ? `${text}（${formatDay(next.next)}）` : `${text} (${formatDay(next.next)})`;
}

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

const time = (slot: number | null): string => (slot === null ? '' : `${String(Math.floor(slot / 60)).padStart(2, '0')}:${String(slot % 60).padStart(2, '0')}`);

// ---------------------------------------------------------------------------------------------
// Without a line of the last run: this customer's rows of the orders, contacts and schedule.

/** The customer's orders read from the order log (before the first classification). */
function ordersOf(ctx: RunContext, setup: CardSetup, id: string): { day: number; amount: number }[] {
  const m = setup.orders;
  if (!m.sheet) return []; // the orders are in BigQuery: the card shows the last run's figures only
  const dateColumn = m.columns.date!;
  const amountColumn = m.columns.amount!;
  const rows = rowsWithId(ctx, m.sheet, m.headerRow, m.columns.customer!, id);
  if (rows.length === 0) return [];
  const out: { day: number; amount: number }[] = [];
  const take = (date: CellValue | undefined, amount: CellValue | undefined): void => {
    const day = date === undefined || date === '' ? null : readDay(date, ctx.clock);
    const value = typeof amount === 'number' ? amount : Number(String(amount ?? '').replace(/,/g, ''));
    if (day !== null && Number.isFinite(value) && String(amount ?? '').trim() !== '') out.push({ day, amount: value });
  };
  if (rows.length <= ORDER_ROWS_READ) {
    const width = Math.max(dateColumn, amountColumn);
    for (const line of readRows(ctx, m.sheet, rows, width)) take(line[dateColumn - 1], line[amountColumn - 1]);
  } else {
    const first = m.headerRow + 1;
    const last = rows[rows.length - 1];
    const dates = ctx.wb.readFresh(m.sheet, first, dateColumn, last - first + 1, 1);
    const amounts = ctx.wb.readFresh(m.sheet, first, amountColumn, last - first + 1, 1);
    for (const r of rows) take(dates[r - first]?.[0], amounts[r - first]?.[0]);
  }
  return out;
}

function contactsOf(ctx: RunContext, setup: CardSetup, id: string): { contacts: CardContactLine[]; complaints: CardSummary['complaints'] } {
  const m = setup.contacts;
  if (!m) return { contacts: [], complaints: [] };
  const rows = rowsWithId(ctx, m.sheet, m.headerRow, m.columns.customer!, id).slice(-CONTACT_ROWS_READ);
  const width = Math.max(...Object.values(m.columns).map((c) => c ?? 0));
  const lines: (CardContactLine & { status: string; deadline: number | null })[] = [];
  for (const line of readRows(ctx, m.sheet, rows, width)) {
    const day = readDay(cellOf(m, line, 'date') ?? '', ctx.clock);
    if (day === null) continue;
    const kindText = shownText(cellOf(m, line, 'kind'), ctx);
    const deadline = cellOf(m, line, 'deadline');
    lines.push({
      day,
      kind: parseWord(KIND_WORDS, kindText) ?? 'other',
      kindText,
      person: shownText(cellOf(m, line, 'person'), ctx),
      note: shownText(cellOf(m, line, 'note'), ctx),
      deadline: deadline === undefined || deadline === '' ? null : readDay(deadline, ctx.clock),
      status: shownText(cellOf(m, line, 'status'), ctx),
    });
  }
  const hasStatus = m.columns.status !== undefined;
  const lastReply = Math.max(-Infinity, ...lines.filter((c) => c.kind === 'visit' || c.kind === 'call').map((c) => c.day));
  const complaints = lines
    .filter((c) => c.kind === 'complaint' && !(hasStatus ? isClosedStatus(c.status) : lastReply > c.day))
    .map((c) => ({ day: c.day, note: c.note, owner: c.person, deadline: c.deadline }));
  return { contacts: keptContacts(lines.map(({ status: _s, deadline: _d, ...c }) => c)), complaints };
}

function visitsOf(ctx: RunContext, setup: CardSetup, id: string): CardSummary['visits'] {
  const s = setup.schedule;
  if (!s) return [];
  const rows = rowsWithId(ctx, s.sheet, s.headerRow, s.customerId, id).slice(0, SCHEDULE_ROWS_READ);
  const header = ctx.wb.readTop(s.sheet, s.headerRow)[s.headerRow - 1] ?? [];
  const parsed = readScheduleSheet([header, ...readRows(ctx, s.sheet, rows, header.length)], ctx.clock).rows;
  return parsed
    .filter((r) => r.day !== null && r.day >= ctx.today && (r.status === 'planned' || r.status === 'moved'))
    .sort((a, b) => (a.day as number) - (b.day as number) || (a.slot ?? 0) - (b.slot ?? 0))
    .slice(0, NEXT_VISITS)
    .map((r) => ({ day: r.day as number, slot: r.slot, kind: r.kind, person: r.person, status: wordFor(STATUS_WORDS, r.status, ctx.lang) }));
}

/** What a card without a line of the last run shows: read now from the sheets. */
function readNow(ctx: RunContext, setup: CardSetup, id: string): CardSummary {
  const figures = orderFigures(ordersOf(ctx, setup, id), ctx.today);
  const { contacts, complaints } = contactsOf(ctx, setup, id);
  return {
    ...figures,
    rfm: null,
    tier: '' as CardSummary['tier'],
    previousTier: '',
    movement: '' as CardSummary['movement'],
    quadrant: '',
    rank: 0,
    customers: 0,
    share: 0,
    pAlive: null,
    status: '' as CardSummary['status'],
    flags: [],
    at: 0,
    contacts,
    complaints,
    visits: visitsOf(ctx, setup, id),
  };
}

// ---------------------------------------------------------------------------------------------

export function buildCard(ctx: RunContext, setup: CardSetup, row: number, cells: readonly CellValue[], line: StateLine | null): CustomerCard {
  const m = setup.customers;
  const id = idOf(cellOf(m, cells, 'id'));
  const label = (f: CustomerField): string => m.headers[f] ?? fieldLabel('customers', f, ctx.lang);
  const profile: ProfileField[] = [];
  for (const field of CUSTOMER_FIELDS_SHOWN) {
    if (m.columns[field] === undefined) continue;
    const text = profileText(field, cellOf(m, cells, field), ctx);
    const secret = field === 'bankAccount';
    profile.push({ field, label: label(field), text: secret ? masked(text) : text, kind: FIELD_KINDS[field] ?? 'text', editable: !secret, secret });
  }
  const mapped = Object.keys(m.columns) as CustomerField[];
  const filled = mapped.filter((f) => shownText(cellOf(m, cells, f), ctx).trim() !== '').length;
  const missing = setup.requiredFields.filter((f) => m.columns[f] !== undefined && shownText(cellOf(m, cells, f), ctx).trim() === '').map(label);

  const repCell = shownText(cellOf(m, cells, 'rep'), ctx).trim();
  let rep: CustomerCard['rep'] = null;
  if (repCell) {
    const found = new Team(setup.team).rep(repCell);
    rep = 'person' in found ? { name: found.person.label, code: repCell === found.person.label ? '' : repCell, email: found.person.email } : { name: repCell, code: '', email: '' };
  }

  const fromRun = line?.summary ?? null;
  const summary = fromRun ?? readNow(ctx, setup, id);
  const lastContacts: CardContact[] = [...(summary.contacts ?? [])]
    .reverse()
    .map((c) => ({ date: formatDay(c.day), kind: c.kind, kindText: c.kindText, person: c.person, note: c.note }));
  const complaints: CardComplaint[] = (summary.complaints ?? []).map((c) => ({ date: formatDay(c.day), note: c.note, owner: c.owner, deadline: iso(c.deadline), overdue: c.deadline !== null && ctx.today > c.deadline }));
  const nextVisits: CardVisit[] = (summary.visits ?? []).filter((v) => v.day >= ctx.today).map((v) => ({ date: formatDay(v.day), time: time(v.slot), kind: v.kind, person: v.person, status: v.status }));

  const number = (f: CustomerField): number | null => {
    const v = cellOf(m, cells, f);
    return typeof v === 'number' ? v : null;
  };
  const creditLimit = number('creditLimit');
  const outstanding = number('outstanding');
  const pAlive = fromRun?.pAlive ?? null;

  return {
    id,
    row,
    name: shownText(cellOf(m, cells, 'name'), ctx),
    notes: shownText(cellOf(m, cells, 'notes'), ctx),
    version: signature(JSON.stringify(cells.map((v) => shownText(v, ctx)))),
    profile,
    rep,
    scores: summary.rfm ?? null,
    tier: summary.tier ?? '',
    previousTier: summary.previousTier ?? '',
    movement: summary.movement ?? '',
    quadrant: summary.quadrant ?? '',
    pAlive,
    pAliveWords: pAlive === null ? '' : pAliveWords(pAlive, ctx.lang),
    orders: {
      count: summary.orders,
      revenue: Math.round(summary.revenue * 100) / 100,
      average: summary.orders > 0 ? Math.round((summary.revenue / summary.orders) * 100) / 100 : null,
      lastOrder: iso(summary.lastDay),
      recencyDays: summary.lastDay === null ? null : ctx.today - summary.lastDay,
      creditLimit,
      outstanding,
      creditUsed: creditLimit !== null && outstanding !== null && creditLimit > 0 ? outstanding / creditLimit : null,
    },
    completeness: { filled, known: mapped.length, missing },
    status: summary.status ?? '',
    flags: summary.flags ?? [],
    nextVisits,
    lastContacts,
    complaints,
    pareto: fromRun && setup.pareto ? { rank: fromRun.rank, customers: fromRun.customers, share: fromRun.share, curve: setup.pareto } : null,
    monthly: summary.monthAmounts.map((amount, k) => ({ month: monthAfter(summary.firstMonth, k), amount, orders: summary.monthOrders[k] ?? 0 })),
    classifiedAt: setup.classifiedAt === null ? null : new Date(setup.classifiedAt).toISOString(),
    figuresFrom: fromRun ? 'classification' : 'orders',
    waiting: fromRun ? [] : WAITING,
  };
}

