/** The visit schedule sheet as read in this run (once), and what its done rows say. */
import { readScheduleSheet } from '../core/schedule/rows';
import type { ScheduleSheet } from '../core/schedule/types';
import type { RunContext } from './frame';
import { ownSheetNames } from './ownSheets';

export interface ScheduleRead {
  /** The sheet's name, or null when the file has no schedule yet. */
  name: string | null;
  sheet: ScheduleSheet;
}

export function readSchedule(ctx: RunContext): ScheduleRead {
  const cached = ctx.shared.get('schedule') as ScheduleRead | undefined;
  if (cached) return cached;
  const name = ctx.wb.findSheet(ownSheetNames('schedule', ctx.lang));
  const sheet = name ? readScheduleSheet(ctx.wb.read(name), ctx.clock) : { headerRow: null, extraHeaders: [], rows: [], problems: [] };
  const read = { name, sheet };
  ctx.shared.set('schedule', read);
  return read;
}

/** Rows a person marked done count as contacts on their date (the flags and the plan see them). */
export function doneScheduleContacts(ctx: RunContext): { customer: string; day: number; kind: 'visit' | 'call'; person: string }[] {
  return readSchedule(ctx)
    .sheet.rows.filter((r) => r.status === 'done' && r.day !== null)
    .map((r) => ({ customer: r.customerId, day: r.day as number, kind: r.kind, person: r.person }));
}
