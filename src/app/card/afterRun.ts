/**
 * What a classification run keeps for the card, from the tables it has read anyway: per
 * customer its row, last contacts, open complaints and next planned visits (into the customer's
 * line of the state sheet), and the card's setup with the fences of the sorted state sheet.
 */
import { keptContacts, type CardComplaintLine, type CardContactLine, type CardSummary } from '../../core/automation/cardSummary';
import { KIND_WORDS, wordFor } from '../../core/vocabulary';
import type { Classified } from '../reads/classified';
import { lastContacts } from '../reads/contactsOf';
import type { RunContext } from '../run/frame';
import { readSchedule } from '../reads/scheduleRead';
import { nextVisits } from './afterSchedule';
import { makeSetup, keepSetup } from './setup';
import { fencesOf } from './stateLine';

export type CardExtras = Pick<CardSummary, 'row' | 'contacts' | 'complaints' | 'visits'>;

/** Per customer id: its row, last contacts, open complaints and next visits as of this run. */
export function cardExtras(ctx: RunContext, c: Classified): Map<string, CardExtras> {
  const out = new Map<string, CardExtras>();
  const get = (id: string): CardExtras => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { contacts: [], complaints: [], visits: [] }));
    return e;
  };
  for (const r of c.tables.customers) if (!out.has(r.id)) get(r.id).row = r.row;
  const byCustomer = new Map<string, CardContactLine[]>();
  for (const k of c.tables.contacts) {
    const list = byCustomer.get(k.customer) ?? [];
    list.push({ day: k.day, kind: k.kind, kindText: k.kind === 'other' ? '' : wordFor(KIND_WORDS, k.kind, ctx.lang), person: k.person, note: k.note });
    byCustomer.set(k.customer, list);
  }
  for (const [id, list] of byCustomer) if (out.has(id)) get(id).contacts = keptContacts(list);
  for (const [id, list] of lastContacts(ctx, c.tables).complaints) {
    if (!out.has(id)) continue;
    get(id).complaints = list.map((k): CardComplaintLine => ({ day: k.day, note: k.note.slice(0, 300), owner: k.owner, deadline: k.deadlineDay ?? null }));
  }
  for (const [id, list] of nextVisits(readSchedule(ctx).sheet.rows, ctx.today, ctx.lang)) if (out.has(id)) get(id).visits = list;
  return out;
}

/** Keeps the card's setup after the state sheet was written sorted by id (`sortedIds`, one per line). */
export function keepSetupAfterRun(ctx: RunContext, c: Classified, stateSheet: string, sortedIds: readonly string[], pareto: [number, number][]): void {
  const m = c.tables.mapping.customers;
  keepSetup(
    makeSetup(ctx, {
      settings: c.tables.settings,
      mapping: c.tables.mapping,
      customerHeader: c.tables.customerGrid[m.headerRow - 1] ?? [],
      pareto,
      state: { sheet: stateSheet, rows: sortedIds.length + 1, fences: fencesOf(sortedIds) },
      classifiedAt: ctx.started,
    }),
  );
}
