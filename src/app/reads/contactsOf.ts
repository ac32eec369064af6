/**
 * What the contact log (and the done rows of the schedule) say per customer: the last visit or
 * call, and the complaints still open. A complaint is open until its status cell says it is
 * closed; in a contact log without a status column, until a later visit or call with that
 * customer is logged (the reply).
 */
import { isClosedStatus, type OpenComplaint } from '../../core/automation/flags';
import type { RunContext } from '../run/frame';
import { doneScheduleContacts } from './scheduleRead';
import type { Tables } from './tables';

export interface ContactSummary {
  lastContactDay: Map<string, number>;
  complaints: Map<string, OpenComplaint[]>;
}

export function lastContacts(ctx: RunContext, tables: Tables): ContactSummary {
  const cached = ctx.shared.get('contactSummary') as ContactSummary | undefined;
  if (cached) return cached;
  const last = new Map<string, number>();
  const note = (customer: string, day: number): void => {
    const before = last.get(customer);
    if (before === undefined || day > before) last.set(customer, day);
  };
  for (const c of tables.contacts) if (c.kind === 'visit' || c.kind === 'call') note(c.customer, c.day);
  for (const c of doneScheduleContacts(ctx)) note(c.customer, c.day);

  const hasStatus = tables.mapping.contacts?.columns.status !== undefined;
  const complaints = new Map<string, OpenComplaint[]>();
  for (const c of tables.contacts) {
    if (c.kind !== 'complaint') continue;
    const closed = hasStatus ? isClosedStatus(c.status) : (last.get(c.customer) ?? -Infinity) > c.day;
    if (closed) continue;
    const list = complaints.get(c.customer) ?? [];
    list.push({ day: c.day, deadlineDay: c.deadlineDay, owner: c.person, note: c.note });
    complaints.set(c.customer, list);
  }
  const summary = { lastContactDay: last, complaints };
  ctx.shared.set('contactSummary', summary);
  return summary;
}
