/**
 * The classification and flags of every customer, computed once per run from the tables and
 * shared by the steps that need them (refresh, schedule, invites).
 */
import { readDocumentJson } from '../../adapters/properties';
import { classifyCustomers, type ClassifyResult } from '../../core/automation/classify';
import { computeFlags, statusOf } from '../../core/automation/flags';
import { readState, type CustomerState } from '../../core/automation/state';
import { dayOfValue } from '../../core/columns';
import type { CustomerField, Flag, Status } from '../../core/model';
import { lunarText, nextBirthday, readBirthday } from '../../core/tables/birthday';
import type { CellValue } from '../../core/cells';
import { fieldLabel } from '../../core/tables/synonyms';
import { lastContacts } from './contactsOf';
import type { RunContext } from '../run/frame';
import { lifetimeFromSummaries, lifetimeOf } from './lifetime';
import { ownSheetNames } from '../sheets/ownSheets';
import { loadTables, mappedCustomerFields, problemText, type Tables } from './tables';
import { warehouseFigures } from './warehouseOrders';
import type { DailyFigures } from '../../core/sql/dailyResults';

export const PARETO_KEY = 'kehu.pareto';
/** The day of the first classification of this file ({ day }): contact rhythms without a contact count from it. */
export const FIRST_RUN_KEY = 'kehu.firstRun';

/** A birthday cell as the flags read it: its next solar day (a lunar one converted) and how a lunar one is written. */
export function birthdayOf(v: CellValue | undefined, ctx: Pick<RunContext, 'today' | 'clock'>, lunarColumn: boolean): { next: number; lunar?: string } | null {
  if (v === undefined || v === null || v === '') return null;
  const b = readBirthday(v, ctx.clock, lunarColumn);
  const next = b ? nextBirthday(ctx.today, b) : null;
  if (!b || next === null) return null;
  const lunar = lunarText(b);
  return lunar ? { next, lunar } : { next };
}

export interface Classified {
  tables: Tables;
  result: ClassifyResult;
  flags: Map<string, Flag[]>;
  status: Map<string, Status>;
  /** What the state sheet held before this run (null on the first run). */
  previous: ReadonlyMap<string, CustomerState> | null;
  /** The state sheet's name, when it exists. */
  stateSheet: string | null;
  /** The first run's day, and whether it is already kept (false: this is the first run, the refresh keeps it). */
  firstRun: { day: number; kept: boolean };
  /** Customers with no visit or call on record (contact log or done schedule rows). */
  noContact: number;
  /** The per-customer figures from BigQuery when the orders are there (Settings: Orders source); null for an order sheet. */
  warehouse: DailyFigures | null;
}

/** Classification and flags of this run (computed once, shared by the schedule step and the card). */
export function classified(ctx: RunContext): Classified {
  const cached = ctx.shared.get('classified') as Classified | undefined;
  if (cached) return cached;
  const tables = loadTables(ctx);
  const { settings } = tables;
  const stateSheet = ctx.wb.findSheet(ownSheetNames('state', ctx.lang));
  // An empty state sheet (a first run cut after making it) means no earlier run, as no sheet does.
  const stateGrid = stateSheet ? ctx.wb.read(stateSheet) : [];
  const state = stateGrid.length > 1 ? readState(stateGrid) : null;
  // Orders in BigQuery: the warehouse sums them per customer; the same classification follows.
  const warehouse = settings.ordersSource.kind === 'bigquery' ? warehouseFigures(ctx, settings, tables.customers.map((c) => c.id)) : null;
  const result = classifyCustomers({
    ...(warehouse ? { figures: warehouse.figures } : {}),
    customers: tables.customers,
    orders: tables.orders,
    settings,
    today: ctx.today,
    state,
    blankGroup: ctx.lang === 'zh' ? '（未填）' : '(blank)',
  });
  if (settings.pAliveThreshold > 0) {
    const pAlive = warehouse ? lifetimeFromSummaries(warehouse.lifetime, settings.lifetimeModel, result.classes) : lifetimeOf(tables, result.classes, ctx.today);
    if (pAlive) result.classes.forEach((c, i) => (pAlive[i] === pAlive[i] ? (c.pAlive = pAlive[i]) : undefined));
  }

  const problems = new Map<string, string[]>();
  for (const p of tables.problems) {
    if (p.customer === undefined) continue;
    const list = problems.get(p.customer) ?? [];
    list.push(problemText(tables, p, ctx.lang));
    problems.set(p.customer, list);
  }
  const { lastContactDay, complaints } = lastContacts(ctx, tables);
  const keptDay = readDocumentJson<{ day?: unknown }>(FIRST_RUN_KEY)?.day;
  const firstRun = typeof keptDay === 'number' && Number.isFinite(keptDay) ? { day: keptDay, kept: true } : { day: ctx.today, kept: false };
  let noContact = 0;
  const mapped = mappedCustomerFields(tables.mapping);
  const label = (f: CustomerField): string => tables.mapping.customers.headers[f] ?? fieldLabel('customers', f, ctx.lang);
  const flags = new Map<string, Flag[]>();
  const status = new Map<string, Status>();
  tables.customers.forEach((record, i) => {
    const cls = result.classes[i];
    const reviewed = record.fields.lastReviewed;
    const f = computeFlags({
      cls,
      fields: record.fields,
      mapped,
      label,
      settings,
      today: ctx.today,
      lastContactDay: lastContactDay.get(record.id) ?? null,
      firstRunDay: firstRun.day,
      reviewedDay: reviewed === undefined || reviewed === '' ? null : dayOfValue(reviewed, ctx.clock),
      birthday: birthdayOf(record.fields.birthday, ctx, settings.lunarBirthdays),
      complaints: complaints.get(record.id) ?? [],
      problems: problems.get(record.id) ?? [],
    });
    flags.set(record.id, f);
    status.set(record.id, statusOf(f));
    if (!lastContactDay.has(record.id)) noContact++;
  });
  const out = { tables, result, flags, status, previous: state, stateSheet, firstRun, noContact, warehouse };
  ctx.shared.set('classified', out);
  return out;
}
