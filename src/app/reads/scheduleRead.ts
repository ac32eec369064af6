/** The visit schedule sheet as read in this run (once), and what its done rows say. */
import { readDocumentJson } from '../../adapters/properties';
import { readScheduleSheet } from '../../core/schedule/rows';
import type { ScheduleSheet } from '../../core/schedule/types';
import type { RunContext } from '../run/frame';
import { ownSheetNames } from '../sheets/ownSheets';

export const SCHEDULE_INDEX_KEY = 'kehu.schedule';

/** Which sheet the schedule is and where its dated rows are (the schedule is written dated rows first). */
export interface ScheduleIndex {
  sheet: string;
  /** The sheet's id: a person may rename the schedule; it is still the schedule. */
  sheetId?: number;
  headerRow: number;
  datedRows: number;
}

export interface ScheduleRead {
  /** The sheet's name, or null when the file has no schedule yet. */
  name: string | null;
  sheet: ScheduleSheet;
}

/** The schedule sheet: by its name in either language, or (renamed) by the id it had last time. */
export function scheduleSheetName(ctx: RunContext): string | null {
  const byName = ctx.wb.findSheet(ownSheetNames('schedule', ctx.lang));
  if (byName) return byName;
  const index = readDocumentJson<ScheduleIndex>(SCHEDULE_INDEX_KEY);
  return index && typeof index.sheetId === 'number' ? ctx.wb.nameOfSheetId(index.sheetId) : null;
}

export function readSchedule(ctx: RunContext): ScheduleRead {
  const cached = ctx.shared.get('schedule') as ScheduleRead | undefined;
  if (cached) return cached;
  const name = scheduleSheetName(ctx);
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
