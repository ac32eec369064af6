/**
 * Reads what every step needs, once per run: the settings, the team's three tables found by
 * their headers, and their rows as records. The Settings sheet is created on the first run
 * (with the mapping found and the team list), and its blank mapping cells filled in later;
 * nothing a person typed there is changed.
 */
import { chinaYearsFor, settingsWithChinaDays } from '../../core/settings/chinaDays';
import type { CellValue } from '../../core/cells';
import type { CustomerField, RowProblem, Settings, TableMapping, WorkbookMapping } from '../../core/model';
import type { ContactRecord, CustomerRecord, OrderRecord } from '../../core/model';
import { teamFromSheet } from '../../core/automation/teamImport';
import { detectTables, isMappingError, type SheetTop } from '../../core/tables/detect';
import { describeMappingError } from '../../core/tables/mappingText';
import { describeRowProblem, readContacts, readCustomers, readOrders } from '../../core/tables/records';
import { defaultSettings, teamFromReps } from '../../core/settings/defaults';
import { describeSettingsError, isSettingsError, readSettingsSheet } from '../../core/settings/read';
import { renderSettingsSheet, updateSettingsSheet } from '../../core/settings/render';
import type { RunContext } from '../run/frame';
import { isOwnSheet, newSheetName, ownSheetNames, trimOwnSheet } from '../sheets/ownSheets';
import { scheduleSheetName } from './scheduleRead';
import { appText } from '../run/texts';
import { UserError } from '../run/userError';

export interface Tables {
  settings: Settings;
  mapping: WorkbookMapping;
  customers: CustomerRecord[];
  orders: OrderRecord[];
  contacts: ContactRecord[];
  problems: RowProblem[];
  /** Sheet name per table, for describing problems. */
  sheetOf: Record<'customers' | 'orders' | 'contacts', string>;
  /** The grid of the customer table's sheet as read (for the own columns). */
  customerGrid: CellValue[][];
}

const HEADER_ROWS = 5;

/** The table's rows from its header row down (what the records readers take). */
function tableRows(ctx: RunContext, m: TableMapping): CellValue[][] {
  return ctx.wb.read(m.sheet).slice(m.headerRow - 1);
}

function asUserError<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (isMappingError(e)) throw new UserError((lang) => describeMappingError(e, lang));
    if (isSettingsError(e)) throw new UserError((lang) => describeSettingsError(e, lang));
    throw e;
  }
}

/**
 * The settings, and the Settings sheet's name when it has content. A Settings sheet that exists
 * but is empty (a run cut right after making it) counts as not made yet, so the next run fills
 * it exactly as the first would have.
 */
function readSettings(ctx: RunContext): { settings: Settings; sheet: string | null; empty: string | null } {
  const sheet = ctx.wb.findSheet(ownSheetNames('settings', ctx.lang));
  if (!sheet) return { settings: defaultSettings(), sheet: null, empty: null };
  const grid = ctx.wb.read(sheet);
  if (grid.length === 0) return { settings: defaultSettings(), sheet: null, empty: sheet };
  return { settings: asUserError(() => readSettingsSheet(grid, ctx.clock)), sheet, empty: null };
}

/** Settings only (the daily handler checks the hour before reading any table). */
export function loadSettings(ctx: RunContext): Settings {
  const cached = ctx.shared.get('settings') as Settings | undefined;
  if (cached) return cached;
  const { settings } = readSettings(ctx);
  ctx.setBudget(settings.timeBudgetSeconds);
  ctx.shared.set('settings', settings);
  return settings;
}

/** Below this share of orders naming customers the customer table has, the table found is not the team's customer file. */
const KNOWN_ORDER_SHARE = 0.5;
const KNOWN_ORDER_MIN_ROWS = 10;

export function loadTables(ctx: RunContext): Tables {
  const cached = ctx.shared.get('tables') as Tables | undefined;
  if (cached) return cached;
  const { settings: read, sheet: settingsSheet, empty: emptySettings } = readSettings(ctx);
  ctx.setBudget(read.timeBudgetSeconds);
  // The add-on's own sheets, the schedule under a name a person gave it included, hold no table;
  // only the first rows of the others are read to find the headers (an archive of old sheets
  // costs a few calls, not a read of every cell).
  const schedule = scheduleSheetName(ctx);
  const userSheets = ctx.wb.sheetNames().filter((n) => !isOwnSheet(n) && n !== schedule);
  const tops: SheetTop[] = userSheets.map((name) => ({ name, top: ctx.wb.readTop(name, HEADER_ROWS) }));
  // A team list (a role column beside names and e-mails) is none of the three tables, though its
  // code and name columns look like a customer file's.
  const teamSheets = tops.filter((t) => teamFromSheet(t.top) !== null).map((t) => t.name);
  // Orders in BigQuery (Settings: Orders source): the file needs no order sheet, and one it has is not read.
  const ordersElsewhere = read.ordersSource.kind === 'bigquery';
  const mapping = asUserError(() =>
    detectTables(tops.filter((t) => !teamSheets.includes(t.name)), { synonyms: read.synonyms, choices: read.mappingChoices, ignoreSheets: isOwnSheet, ordersElsewhere }),
  );

  const customerGrid = ctx.wb.read(mapping.customers.sheet);
  const customers = readCustomers(customerGrid.slice(mapping.customers.headerRow - 1), mapping.customers, ctx.clock, read.lunarBirthdays);
  const known = new Set(customers.records.map((c) => c.id));
  const orders = ordersElsewhere ? { records: [], problems: [] } : readOrders(tableRows(ctx, mapping.orders), mapping.orders, ctx.clock, known);
  const unknown = orders.problems.filter((p) => p.problem === 'unknownCustomer').length;
  if (unknown >= KNOWN_ORDER_MIN_ROWS && unknown > (orders.records.length + unknown) * KNOWN_ORDER_SHARE) {
    throw new UserError((lang) => appText(lang, 'wrongCustomerTable', { unknown, orders: orders.records.length + unknown, sheet: mapping.customers.sheet, header: mapping.customers.headers.id ?? '' }));
  }
  const contacts = mapping.contacts ? readContacts(tableRows(ctx, mapping.contacts), mapping.contacts, ctx.clock, known) : { records: [], problems: [] };

  // The team list for the Settings sheet when it has none yet: from a team sheet the file keeps,
  // else the sales reps found in the customer table.
  const teamNow = () => {
    const fromSheet = teamSheets.map((n) => teamFromSheet(ctx.wb.read(n))).find((t) => t !== null);
    const reps = [...new Set(customers.records.map((c) => String(c.fields.rep ?? '').trim()).filter((r) => r !== ''))];
    return fromSheet ?? teamFromReps(reps);
  };
  let settings = read;
  // China's holidays and make-up days of the years the horizon touches, shown in the Days off
  // table (the planner reads the same data; a team's own rows stay as typed).
  const chinaYears = chinaYearsFor(read, ctx.wb.locale(), ctx.today);
  if (!settingsSheet) {
    settings = settingsWithChinaDays({ ...read, team: teamNow() }, chinaYears, ctx.lang);
    const name = emptySettings ?? newSheetName('settings', ctx.lang);
    ctx.wb.ensureSheet(name);
    ctx.wb.replace(name, renderSettingsSheet(settings, mapping, ctx.lang));
    trimOwnSheet(ctx, name);
  } else {
    const hasMembers = read.team.some((m) => m.name || m.code || m.email);
    const team = hasMembers ? undefined : teamNow();
    const updated = updateSettingsSheet(ctx.wb.read(settingsSheet), mapping, ctx.lang, { ...(team ? { team } : {}), chinaYears });
    if (updated) {
      ctx.wb.replace(settingsSheet, updated);
      trimOwnSheet(ctx, settingsSheet);
      if (team) settings = { ...read, team };
    }
  }

  const tables: Tables = {
    settings,
    mapping,
    customers: customers.records,
    orders: orders.records,
    contacts: contacts.records,
    problems: [...customers.problems, ...orders.problems, ...contacts.problems],
    sheetOf: { customers: mapping.customers.sheet, orders: mapping.orders.sheet, contacts: mapping.contacts?.sheet ?? '' },
    customerGrid,
  };
  ctx.shared.set('settings', settings);
  ctx.shared.set('tables', tables);
  return tables;
}

/** The fields the customer table has a column for. */
export function mappedCustomerFields(mapping: WorkbookMapping): Set<CustomerField> {
  return new Set(Object.keys(mapping.customers.columns) as CustomerField[]);
}

export function problemText(t: Tables, p: RowProblem, lang: RunContext['lang']): string {
  return describeRowProblem(p, lang, t.sheetOf[p.table]);
}
