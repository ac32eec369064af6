/**
 * What the customer card shows of the last classification run: the figures that need the whole
 * order log (RFM, tier, Pareto position, orders by month, P(alive)) and the flags with their
 * reasons. Kept per customer in the state sheet, so opening a card reads one row instead of the
 * order log (500,000 rows would take seconds in Apps Script).
 */
import { civilFromDays, daysFromCivil } from '../dates';
import type { CustomerClass, Flag, OrderRecord, Status } from '../model';

export const MONTHS_SHOWN = 24;

export interface CardSummary {
  /** Orders, revenue (net), last order day (null when none). */
  orders: number;
  revenue: number;
  lastDay: number | null;
  /** The first month shown, 'YYYY-MM'; then amounts and order counts of 24 months, oldest first. */
  firstMonth: string;
  monthAmounts: number[];
  monthOrders: number[];
  rfm: { r: number; f: number; m: number; code: string; segment: string } | null;
  tier: CustomerClass['tier'];
  previousTier: CustomerClass['previousTier'];
  movement: CustomerClass['movement'];
  quadrant: string;
  rank: number;
  customers: number;
  share: number;
  pAlive: number | null;
  status: Status;
  flags: { key: Flag['key']; severity: Flag['severity']; text: string }[];
  /** When the run happened (ms since the epoch). */
  at: number;
  /** The customer's row in the customer table at the run (the card checks it still holds the id). */
  row?: number;
  /** The last contacts (oldest first), the open complaints and the next planned visits, as of the run. */
  contacts?: CardContactLine[];
  complaints?: CardComplaintLine[];
  visits?: CardVisitLine[];
}

export interface CardContactLine {
  day: number;
  kind: 'visit' | 'call' | 'complaint' | 'other';
  /** The kind as written in the contact log. */
  kindText: string;
  person: string;
  note: string;
}

export interface CardComplaintLine {
  day: number;
  note: string;
  owner: string;
  deadline: number | null;
}

export interface CardVisitLine {
  day: number;
  /** Minutes after midnight, or null when the row has no time. */
  slot: number | null;
  kind: 'visit' | 'call';
  person: string;
  status: string;
}

/** Contacts and complaints kept per customer, and the longest note kept (the card shows the start). */
export const CONTACTS_KEPT = 5;
export const NOTE_CHARS_KEPT = 300;

const shortNote = (note: string): string => (note.length > NOTE_CHARS_KEPT ? `${note.slice(0, NOTE_CHARS_KEPT - 1)}…` : note);

/** The last `CONTACTS_KEPT` contacts of a customer, oldest first, notes cut to a readable length. */
export function keptContacts(contacts: readonly CardContactLine[]): CardContactLine[] {
  return [...contacts].sort((a, b) => a.day - b.day).slice(-CONTACTS_KEPT).map((c) => ({ ...c, note: shortNote(c.note) }));
}

/** The summary with a contact logged since the run (the card shows it at once, before the next run). */
export function withContact(s: CardSummary, contact: CardContactLine, deadline: number | null): CardSummary {
  const out: CardSummary = { ...s, contacts: keptContacts([...(s.contacts ?? []), contact]) };
  if (contact.kind === 'complaint') out.complaints = [...(s.complaints ?? []), { day: contact.day, note: shortNote(contact.note), owner: contact.person, deadline }];
  else if (contact.kind === 'visit' || contact.kind === 'call') out.complaints = (s.complaints ?? []).filter((c) => c.day >= contact.day);
  return out;
}

/** One customer's orders: count, net amount, last day and the 24 months ending with today's month. */
export function orderFigures(orders: readonly { day: number; amount: number }[], today: number): Pick<CardSummary, 'orders' | 'revenue' | 'lastDay' | 'firstMonth' | 'monthAmounts' | 'monthOrders'> {
  const index = new Map([['c', 0]]);
  const monthly = monthlyOrders(orders.map((o) => ({ customer: 'c', day: o.day, amount: o.amount }) as OrderRecord), index, 1, today);
  let revenue = 0;
  let lastDay: number | null = null;
  for (const o of orders) {
    revenue += o.amount;
    if (lastDay === null || o.day > lastDay) lastDay = o.day;
  }
  return { orders: orders.length, revenue, lastDay, firstMonth: monthly.firstMonth, monthAmounts: Array.from(monthly.amounts[0]), monthOrders: Array.from(monthly.counts[0]) };
}

/** Month number (year × 12 + month − 1) of a day. */
function monthOf(day: number): number {
  const { y, m } = civilFromDays(day);
  return y * 12 + m - 1;
}

/** Orders by month over the 24 months ending with today's month, per customer in table order. */
export function monthlyOrders(orders: readonly OrderRecord[], index: ReadonlyMap<string, number>, customers: number, today: number): { firstMonth: string; amounts: Float64Array[]; counts: Int32Array[] } {
  const last = monthOf(today);
  const first = last - MONTHS_SHOWN + 1;
  const amounts = Array.from({ length: customers }, () => new Float64Array(MONTHS_SHOWN));
  const counts = Array.from({ length: customers }, () => new Int32Array(MONTHS_SHOWN));
  const firstDay = daysFromCivil(Math.floor(first / 12), (first % 12) + 1, 1);
  for (const o of orders) {
    if (o.day < firstDay || o.day > today) continue;
    const c = index.get(o.customer);
    if (c === undefined) continue;
    const k = monthOf(o.day) - first;
    amounts[c][k] += o.amount;
    counts[c][k]++;
  }
  const y = Math.floor(first / 12);
  const m = (first % 12) + 1;
  return { firstMonth: `${y}-${String(m).padStart(2, '0')}`, amounts, counts };
}

/** The month 'YYYY-MM' that is `k` months after `first`. */
export function monthAfter(first: string, k: number): string {
  const [y, m] = first.split('-').map(Number);
  const n = y * 12 + (m - 1) + k;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

export function encodeCardSummary(s: CardSummary): string {
  return JSON.stringify({ ...s, revenue: round2(s.revenue), monthAmounts: s.monthAmounts.map(round2), share: Math.round(s.share * 1e6) / 1e6 });
}

/** The summary kept in the state sheet, or null when there is none or it cannot be read. */
export function decodeCardSummary(text: string): CardSummary | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as CardSummary;
    if (typeof v !== 'object' || v === null || !Array.isArray(v.monthAmounts) || !Array.isArray(v.flags)) return null;
    return v;
  } catch (e) {
    return null;
  }
}
