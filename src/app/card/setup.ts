/**
 * What the card needs to know about the file before it reads a customer: the language, locale
 * and time zone, where each table is (sheet, id, header row, columns), the team, the Pareto curve
 * and where each customer's line of the state sheet is. Finding the tables reads the first rows of
 * every sheet (tens of calls); so the setup is kept in document properties (one call reads them
 * all), made by every classification run and, before the first, by the first card.
 *
 * It is checked again where it matters: a save compares the customer table's header row with the
 * one kept, and so does the customer list (asked once per sidebar); a change makes it again.
 */
import { readAllDocumentProperties, writeDocumentProperties } from '../../adapters/properties';
import type { CellValue } from '../../core/cells';
import type { LearntRun } from '../../core/dates';
import type { Lang } from '../../core/locale';
import type { CustomerField, TableMapping, TeamMember } from '../../core/model';
import { findLayout, HEADER_SEARCH_ROWS } from '../../core/schedule/headers';
import type { RunContext } from '../run/frame';
import { ownSheetNames } from '../sheets/ownSheets';
import { scheduleSheetName } from '../reads/scheduleRead';
import { detectCardTables } from './locate';

export const SETUP_VERSION = 2;
const KEY = 'kehu.card';
/**
 * Set (to the state sheet's name) when the schedule step wrote the next visits beside the card's
 * JSON; dropped whenever the setup is kept again (a classification rewrote the state sheet).
 */
export const VISITS_KEY = 'kehu.cardVisits';
/** A document property holds 9 KB: the setup is cut in pieces of this many characters (UTF-8 ≤ 3 bytes each). */
const PIECE_CHARS = 2800;

export interface CardSetup {
  v: number;
  lang: Lang;
  locale: string;
  timeZone: string;
  /** What the run's clock learnt about the zone (so the card asks Utilities.formatDate rarely). */
  zone: LearntRun[];
  customers: TableMapping<'customers'> & { sheetId: number };
  orders: TableMapping<'orders'> & { sheetId: number };
  contacts: (TableMapping<'contacts'> & { sheetId: number }) | null;
  schedule: { sheet: string; sheetId: number; headerRow: number; customerId: number } | null;
  /** The customer table's header row as read (a change means the columns moved). */
  customerHeader: string[];
  team: TeamMember[];
  requiredFields: CustomerField[];
  pareto: [number, number][] | null;
  /**
   * The state sheet: sorted by customer id, a line per customer; `fences` holds every
   * FENCE_EVERY-th id, so the block holding an id is known without reading (null: look it up).
   */
  state: { sheet: string; rows: number; fences: string[] | null } | null;
  /** When the classification ran (ms), or null before the first. */
  classifiedAt: number | null;
}

export const FENCE_EVERY = 16;

/** The kept setup from all document properties (read in one call), or null when there is none or it is of another version. */
export function keptSetup(props: Record<string, string>): CardSetup | null {
  const count = Number(props[KEY]);
  if (!Number.isInteger(count) || count < 1 || count > 200) return null;
  let text = '';
  for (let i = 0; i < count; i++) {
    const piece = props[`${KEY}.${i}`];
    if (typeof piece !== 'string') return null;
    text += piece;
  }
  try {
    const setup = JSON.parse(text) as CardSetup;
    return setup && setup.v === SETUP_VERSION && setup.customers && setup.orders ? setup : null;
  } catch (e) {
    return null;
  }
}

/** Keeps the setup (one call to set the pieces, one per piece no longer needed). */
export function keepSetup(setup: CardSetup, props: Record<string, string> | null = null): void {
  const text = JSON.stringify(setup);
  const values: Record<string, string> = {};
  let count = 0;
  for (let at = 0; at < text.length; at += PIECE_CHARS) values[`${KEY}.${count++}`] = text.slice(at, at + PIECE_CHARS);
  values[KEY] = String(count);
  const before = props ?? readAllDocumentProperties();
  const stale = Object.keys(before).filter((k) => (k.startsWith(`${KEY}.`) && Number(k.slice(KEY.length + 1)) >= count) || k === VISITS_KEY);
  writeDocumentProperties(values, stale);
}

const headerText = (row: readonly CellValue[]): string[] => row.map((v) => (v === null || v === undefined ? '' : String(v)));

/**
 * Every column the card reads still has the header it was found under (no column was inserted,
 * moved or renamed; the add-on's own columns, written after the tables were found, do not count).
 */
export function sameHeader(setup: CardSetup, row: readonly CellValue[]): boolean {
  const now = headerText(row);
  const m = setup.customers;
  return (Object.keys(m.columns) as CustomerField[]).every((f) => (now[m.columns[f]! - 1] ?? '').trim() === (m.headers[f] ?? '').trim());
}

export interface SetupParts {
  settings: { team: TeamMember[]; requiredFields: CustomerField[] };
  mapping: { customers: TableMapping<'customers'>; orders: TableMapping<'orders'>; contacts?: TableMapping<'contacts'> };
  customerHeader: readonly CellValue[];
  pareto: [number, number][] | null;
  state: CardSetup['state'];
  classifiedAt: number | null;
}

/** A setup from what a run (or the card) found. Asks the sheets' ids (one call each) and the schedule's header rows. */
export function makeSetup(ctx: RunContext, parts: SetupParts): CardSetup {
  const { mapping } = parts;
  const schedule = scheduleSheetName(ctx);
  let scheduleSetup: CardSetup['schedule'] = null;
  if (schedule) {
    const layout = findLayout(ctx.wb.readTop(schedule, HEADER_SEARCH_ROWS));
    if (layout && layout.columns.customerId !== undefined) {
      scheduleSetup = { sheet: schedule, sheetId: ctx.wb.sheetId(schedule), headerRow: layout.headerIndex + 1, customerId: layout.columns.customerId + 1 };
    }
  }
  return {
    v: SETUP_VERSION,
    lang: ctx.lang,
    locale: ctx.wb.locale(),
    timeZone: ctx.wb.timeZone(),
    zone: ctx.clock.learnt().slice(-100),
    customers: { ...mapping.customers, sheetId: ctx.wb.sheetId(mapping.customers.sheet) },
    // No order sheet when the orders are in BigQuery: -1 is no sheet's id.
    orders: { ...mapping.orders, sheetId: mapping.orders.sheet ? ctx.wb.sheetId(mapping.orders.sheet) : -1 },
    contacts: mapping.contacts ? { ...mapping.contacts, sheetId: ctx.wb.sheetId(mapping.contacts.sheet) } : null,
    schedule: scheduleSetup,
    // The team's columns only: the add-on's own columns come after them (written by the first
    // run), and the setup must not differ between a first and a second run.
    customerHeader: headerText(parts.customerHeader.slice(0, Math.max(mapping.customers.width, ...Object.values(mapping.customers.columns).map((c) => c ?? 0)))),
    team: parts.settings.team,
    requiredFields: parts.settings.requiredFields,
    pareto: parts.pareto,
    state: parts.state,
    classifiedAt: parts.classifiedAt,
  };
}

/**
 * Finds the tables as the card did before any setup was kept (the first rows of every sheet),
 * keeps the result, and answers it. The state sheet, when one exists, is looked up by reading
 * its id column (no fences: only a run writes it sorted).
 */
export function findSetup(ctx: RunContext, kept: CardSetup | null): CardSetup {
  const t = detectCardTables(ctx);
  const stateSheet = ctx.wb.findSheet(ownSheetNames('state', ctx.lang));
  const setup = makeSetup(ctx, {
    settings: t.settings,
    mapping: t.mapping,
    customerHeader: t.customerHeader,
    pareto: kept?.pareto ?? null,
    // The state sheet as the last run kept it (its fences stay right until the next run).
    state: kept?.state && kept.state.sheet === stateSheet ? kept.state : stateSheet ? { sheet: stateSheet, rows: ctx.wb.extent(stateSheet).lastRow, fences: null } : null,
    classifiedAt: kept?.classifiedAt ?? null,
  });
  keepSetup(setup);
  return setup;
}
