/**
 * A deep, comparable copy of what a run leaves behind, so a test can prove that "a cut run then a
 * full run" ends where "one uncut run" does: `expect(snapshot(a)).toEqual(snapshot(b))`.
 */
import { isDate } from './cells';
import { DEFAULT_NUMBER_FORMAT } from './displayFormat';
import type { CalendarNotification, EventResource } from './calendar/state';
import type { GasState } from './state';

export interface SheetSnapshot {
  name: string;
  hidden: boolean;
  frozenRows: number;
  hiddenColumns: number[];
  /** Up to the last row and column holding content (Dates as Date objects of this realm). */
  values: unknown[][];
  formulas: string[][];
  numberFormats: string[][];
  fontWeights: string[][];
  backgrounds: string[][];
}

export interface Snapshot {
  sheets: SheetSnapshot[];
  documentProperties: Record<string, string>;
  /** Calendar id → its events, by id. */
  calendar: Record<string, EventResource[]>;
  notifications: Partial<CalendarNotification>[];
  triggers: { handler: string; eventType: string; user: string }[];
}

export interface SnapshotOptions {
  /** Sheets left out (e.g. the add-on's log, which records each run). */
  excludeSheets?: string[];
  /** Document properties left out (e.g. a last-run timestamp). */
  excludeProperties?: string[];
  /**
   * Keep the fields that differ between equivalent histories: an event's etag, updated,
   * created and sequence, a notification's time. Default false.
   */
  volatile?: boolean;
}

const VOLATILE_EVENT_FIELDS = ['etag', 'updated', 'created', 'sequence'];

export function snapshotOf(state: GasState, options: SnapshotOptions = {}): Snapshot {
  const exclude = new Set(options.excludeSheets ?? []);
  const sheets = state.spreadsheet.sheets
    .filter((s) => !exclude.has(s.name))
    .map((s): SheetSnapshot => {
      const { store } = s;
      const rows = store.lastRow();
      const columns = store.lastColumn();
      const grid = <T>(cell: (r: number, c: number) => T): T[][] =>
        Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cell(r, c)));
      return {
        name: s.name,
        hidden: s.hidden,
        frozenRows: s.frozenRows,
        hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
        values: grid((r, c) => {
          const v = store.value(r, c);
          return isDate(v) ? new Date(v.getTime()) : v;
        }),
        formulas: grid((r, c) => store.formula(r, c)),
        numberFormats: grid((r, c) => store.format(r, c)?.numberFormat ?? DEFAULT_NUMBER_FORMAT),
        fontWeights: grid((r, c) => store.format(r, c)?.fontWeight ?? 'normal'),
        backgrounds: grid((r, c) => store.format(r, c)?.background ?? '#ffffff'),
      };
    });
  const leftOut = new Set(options.excludeProperties ?? []);
  const documentProperties = Object.fromEntries([...state.documentProperties].filter(([k]) => !leftOut.has(k)).sort(([a], [b]) => a.localeCompare(b)));
  const calendar: Record<string, EventResource[]> = {};
  for (const [id, events] of [...state.calendar.calendars].sort(([a], [b]) => a.localeCompare(b))) {
    if (events.size === 0) continue;
    calendar[id] = [...events.values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((e) => {
        const c = JSON.parse(JSON.stringify(e)) as EventResource;
        if (!options.volatile) for (const f of VOLATILE_EVENT_FIELDS) delete c[f];
        return c;
      });
  }
  const notifications = state.calendar.notifications.map((n) => {
    const { at, ...rest } = n;
    return options.volatile ? { ...rest, at } : rest;
  });
  const triggers = state.triggers.map((t) => ({ handler: t.handler, eventType: t.eventType, user: t.user }));
  return { sheets, documentProperties, calendar, notifications, triggers };
}
