/**
 * "Refresh classification and flags": classify every customer, raise and clear flags, write the
 * add-on's columns on the customer table, log what changed, keep the state for the next run.
 *
 * Writes, in this order, so a run cut between two of them loses nothing: the log lines (a cut
 * before the state is kept only repeats them), the customer table's own columns, the state.
 */
import type { CellValue } from '../core/cells';
import { classifyCustomers, type ClassifyResult } from '../core/automation/classify';
import { computeFlags, isClosedStatus, statusOf, type OpenComplaint } from '../core/automation/flags';
import { flagChangeRow, flagChanges, LOG_HEADERS, runRow, type FlagChange } from '../core/automation/log';
import { layoutOwnColumns, type OwnColumnKey } from '../core/automation/ownColumns';
import { encodeCardSummary, monthlyOrders } from '../core/automation/cardSummary';
import { flagText, flagsCell, movementText, statusText } from '../core/automation/reasons';
import { writeDocumentJson } from '../adapters/properties';
import { entriesOf, storeIndex, textOf } from './card/searchIndex';
import { readState, renderState } from '../core/automation/state';
import { dayOfValue } from '../core/columns';
import { value8Label } from '../core/labels';
import type { CustomerClass, CustomerField, Flag, Status } from '../core/model';
import { readMonthDay } from '../core/tables/records';
import { fieldLabel } from '../core/tables/synonyms';
import { cellText } from '../core/text';
import type { RunContext } from './frame';
import { lifetimeOf } from './lifetime';
import { newSheetName, ownSheetNames } from './ownSheets';
import { lastContacts } from './contactsOf';
import { loadTables, mappedCustomerFields, problemText, type Tables } from './tables';
import { appText } from './texts';

export const PARETO_KEY = 'kehu.pareto';

export interface Classified {
  tables: Tables;
  result: ClassifyResult;
  flags: Map<string, Flag[]>;
  status: Map<string, Status>;
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
  const result = classifyCustomers({
    customers: tables.customers,
    orders: tables.orders,
    settings,
    today: ctx.today,
    state,
    blankGroup: ctx.lang === 'zh' ? '（未填）' : '(blank)',
  });
  if (settings.pAliveThreshold > 0) {
    const pAlive = lifetimeOf(tables, result.classes, ctx.today);
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
      reviewedDay: reviewed === undefined || reviewed === '' ? null : dayOfValue(reviewed, ctx.clock),
      birthday: record.fields.birthday === undefined ? null : readMonthDay(record.fields.birthday, ctx.clock),
      complaints: complaints.get(record.id) ?? [],
      problems: problems.get(record.id) ?? [],
    });
    flags.set(record.id, f);
    status.set(record.id, statusOf(f));
  });
  const out = { tables, result, flags, status };
  ctx.shared.set('classified', out);
  return out;
}

/** A customer id as the records readers make it (text trimmed, numbers as written), '' for blank. */
function idLabel(v: CellValue): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return '';
}

function ownCells(cls: CustomerClass, flags: readonly Flag[], status: Status, ctx: RunContext): Record<OwnColumnKey, CellValue> {
  return {
    rfm: cls.rfm ? `'${cls.rfm.code}` : '',
    segment: cls.rfm ? value8Label(ctx.lang, cls.rfm.segment) : '',
    abc: cls.tier,
    quadrant: cls.quadrant,
    movement: movementText(cls.movement, cls.previousTier, ctx.lang),
    status: statusText(status, ctx.lang),
    flags: cellText(flagsCell(flags, ctx.lang)),
  };
}

/** A written cell as Sheets gives it back (the leading apostrophe that keeps text is not part of it). */
function asRead(v: CellValue): CellValue {
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
}

const WRITE_ATTEMPTS = 3;

/**
 * Writes the own columns. The id column is read again just before writing, and each customer's
 * values go on the row that holds its id now: a user may have sorted or inserted rows since the
 * table was read. A row whose id is unknown (added meanwhile) or blank gets empty own cells.
 *
 * Sheets has no compare-and-set, so a person may still sort or insert rows between that read and
 * the write. The write is therefore checked by reading ids and own cells back together (one
 * read): a row whose own cells are not its customer's is written again from that read.
 */
function writeOwnColumns(ctx: RunContext, c: Classified): void {
  const m = c.tables.mapping.customers;
  const grid = c.tables.customerGrid;
  const header = grid[m.headerRow - 1] ?? [];
  const lastUsed = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const layout = layoutOwnColumns(header, lastUsed, ctx.lang);
  const cells = new Map<string, Record<OwnColumnKey, CellValue>>();
  c.tables.customers.forEach((record, i) => {
    if (!cells.has(record.id)) cells.set(record.id, ownCells(c.result.classes[i], c.flags.get(record.id)!, c.status.get(record.id)!, ctx));
  });
  const idColumn = m.columns.id!;
  const ownColumns = Object.values(layout.columns);
  const left = Math.min(idColumn, ...ownColumns);
  const right = Math.max(idColumn, ...ownColumns);
  const expected = (id: string, key: OwnColumnKey): CellValue => cells.get(id)?.[key] ?? '';

  ctx.wb.forget(m.sheet);
  let ids = ctx.wb.readFresh(m.sheet, m.headerRow + 1, idColumn, Number.MAX_SAFE_INTEGER, 1).map((r) => idLabel(r[0]));
  for (let attempt = 1; ; attempt++) {
    for (const run of layout.runs) {
      const block: CellValue[][] = [run.keys.map((k) => layout.headers[k])];
      for (const id of ids) block.push(run.keys.map((k) => expected(id, k)));
      ctx.wb.write(m.sheet, m.headerRow, run.start, block);
    }
    ctx.wb.forget(m.sheet);
    const back = ctx.wb.readFresh(m.sheet, m.headerRow + 1, left, Number.MAX_SAFE_INTEGER, right - left + 1);
    const misplaced = back.some((row) => {
      const id = idLabel(row[idColumn - left]);
      return (Object.keys(layout.columns) as OwnColumnKey[]).some((k) => row[layout.columns[k] - left] !== asRead(expected(id, k)));
    });
    if (!misplaced || attempt === WRITE_ATTEMPTS) return;
    ids = back.map((row) => idLabel(row[idColumn - left]));
  }
}

function ensureLog(ctx: RunContext): string {
  const existing = ctx.wb.findSheet(ownSheetNames('log', ctx.lang));
  if (existing && ctx.wb.extent(existing).lastRow > 0) return existing;
  // New, or left empty by a run cut right after making it: header, frozen, times shown as times.
  const name = existing ?? newSheetName('log', ctx.lang);
  ctx.wb.ensureSheet(name);
  ctx.wb.write(name, 1, 1, [LOG_HEADERS[ctx.lang]]);
  ctx.wb.setFrozenRows(name, 1);
  ctx.wb.format(name, 2, 1, 1000, 1, 'yyyy-mm-dd hh:mm');
  return name;
}

/** One line in the log (a run, a failure), appended. */
export function logRun(ctx: RunContext, what: string, summary: string): void {
  ctx.wb.append(ensureLog(ctx), [runRow(new Date(ctx.started), what, summary, ctx.lang)]);
}

export function runClassifyStep(ctx: RunContext): string {
  const c = classified(ctx);
  const stateSheet = ctx.wb.findSheet(ownSheetNames('state', ctx.lang));
  const before = stateSheet ? readState(ctx.wb.read(stateSheet)) : new Map();
  const changes: FlagChange[] = [];
  const index = new Map<string, number>();
  c.tables.customers.forEach((r, i) => index.set(r.id, i));
  const monthly = monthlyOrders(c.tables.orders, index, c.tables.customers.length, ctx.today);
  c.tables.customers.forEach((record, i) => {
    const flags = c.flags.get(record.id)!;
    changes.push(...flagChanges(record.id, before.get(record.id)?.flags ?? [], flags));
    const s = c.result.state.get(record.id);
    if (!s || index.get(record.id) !== i) return;
    s.flags = flags.map((f) => f.key);
    const cls = c.result.classes[i];
    s.card = encodeCardSummary({
      orders: cls.rfm?.orders ?? 0,
      revenue: cls.rfm?.amount ?? 0,
      lastDay: cls.rfm?.lastDay ?? null,
      firstMonth: monthly.firstMonth,
      monthAmounts: Array.from(monthly.amounts[i]),
      monthOrders: Array.from(monthly.counts[i]),
      rfm: cls.rfm ? { r: cls.rfm.r, f: cls.rfm.f, m: cls.rfm.m, code: cls.rfm.code, segment: value8Label(ctx.lang, cls.rfm.segment) } : null,
      tier: cls.tier,
      previousTier: cls.previousTier,
      movement: cls.movement,
      quadrant: cls.quadrant,
      rank: cls.rank,
      customers: c.tables.customers.length,
      share: cls.cumulativeShare,
      pAlive: cls.pAlive ?? null,
      status: c.status.get(record.id)!,
      flags: flags.map((f) => ({ key: f.key, severity: f.severity, text: flagText(f, ctx.lang) })),
      at: ctx.started,
    });
  });
  const counts = { red: 0, amber: 0, green: 0 };
  for (const s of c.status.values()) counts[s]++;
  const raised = changes.filter((x) => x.change === 'raised').length;
  const problemCount = c.tables.problems.length;
  const summary = appText(ctx.lang, 'refreshDone', {
    customers: c.tables.customers.length,
    ...counts,
    raised,
    cleared: changes.length - raised,
    problems: problemCount > 0 ? appText(ctx.lang, 'problemsNote', { count: problemCount }) : '',
  });

  const at = new Date(ctx.started);
  const logName = ensureLog(ctx);
  const lines = changes.map((x) => flagChangeRow(x, at, ctx.lang));
  for (const p of c.tables.problems) if (p.customer === undefined) lines.push(runRow(at, '', problemText(c.tables, p, ctx.lang), ctx.lang));
  lines.push(runRow(at, appText(ctx.lang, 'menuRefresh'), summary, ctx.lang));
  ctx.wb.append(logName, lines);

  writeOwnColumns(ctx, c);

  const stateName = stateSheet ?? newSheetName('state', ctx.lang);
  ctx.wb.ensureSheet(stateName);
  ctx.wb.replace(stateName, renderState(c.result.state.values(), ctx.lang));
  ctx.wb.keepHidden(stateName);
  // The card's search list, from the table just read (no extra read).
  const m = c.tables.mapping.customers;
  const rows = c.tables.customerGrid.slice(m.headerRow);
  const cell = (column: number | undefined) => rows.map((r) => (column === undefined ? '' : r[column - 1]));
  storeIndex(ctx, m.sheet, c.tables.customerGrid.length, textOf(entriesOf(cell(m.columns.id), cell(m.columns.name), cell(m.columns.phone), m.headerRow + 1)));
  // The team's Pareto curve for the cards (41 points: well inside a property's 9 KB).
  writeDocumentJson(PARETO_KEY, { curve: c.result.curve.map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]), at: ctx.started });
  return summary;
}

/** Whether an open complaint's status cell says it is closed (exported for the card). */
export function complaintClosed(status: string): boolean {
  return isClosedStatus(status);
}

export type { OpenComplaint };
