/**
 * "Refresh classification and flags": classify every customer, raise and clear flags, write the
 * add-on's columns on the customer table, log what changed, keep the state for the next run.
 *
 * Writes, in this order, so a run cut between two of them loses nothing: the log lines (a cut
 * before the state is kept only repeats them), the customer table's own columns, the state.
 */
import { writeDocumentJson } from '../../adapters/properties';
import { encodeCardSummary, monthlyOrders } from '../../core/automation/cardSummary';
import { flagChangeRow, flagChanges, runRow, type FlagChange } from '../../core/automation/log';
import { flagText, quadrantText } from '../../core/automation/reasons';
import { renderState } from '../../core/automation/state';
import { trimOwnSheet } from '../sheets/ownSheets';
import { formatDay } from '../../core/dates';
import { value8Label } from '../../core/analytics/labels';
import { cardExtras, keepSetupAfterRun } from '../card/afterRun';
import { byId } from '../card/stateLine';
import { classified, FIRST_RUN_KEY, PARETO_KEY } from '../reads/classified';
import type { RunContext } from '../run/frame';
import { logRows } from '../sheets/log';
import { newSheetName } from '../sheets/ownSheets';
import { writeOwnColumns } from '../sheets/ownColumns';
import { problemText } from '../reads/tables';
import { appText } from '../run/texts';

const MAX_LOGGED_PROBLEMS = 200;

export function runClassifyAndFlagStep(ctx: RunContext): string {
  const c = classified(ctx);
  const { stateSheet } = c;
  // The first run's day, kept once: a re-run of a cut first run on the same day keeps the same one.
  if (!c.firstRun.kept) writeDocumentJson(FIRST_RUN_KEY, { day: c.firstRun.day });
  const before = c.previous ?? new Map();
  const changes: FlagChange[] = [];
  const index = new Map<string, number>();
  c.tables.customers.forEach((r, i) => index.set(r.id, i));
  const monthly = monthlyOrders(c.tables.orders, index, c.tables.customers.length, ctx.today);
  const extras = cardExtras(ctx, c);
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
      quadrant: quadrantText(cls.quadrant, ctx.lang),
      rank: cls.rank,
      customers: c.tables.customers.length,
      share: cls.cumulativeShare,
      pAlive: cls.pAlive ?? null,
      status: c.status.get(record.id)!,
      flags: flags.map((f) => ({ key: f.key, severity: f.severity, text: flagText(f, ctx.lang) })),
      at: ctx.started,
      ...extras.get(record.id),
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
    noContact: c.noContact > 0 ? appText(ctx.lang, 'noContactNote', { count: c.noContact, since: formatDay(c.firstRun.day) }) : '',
    problems: problemCount > 0 ? appText(ctx.lang, 'problemsNote', { count: problemCount }) : '',
  });
  // Orders in BigQuery: say once per run what the card (and, without margins, the quadrant) cannot show.
  const source = c.tables.settings.ordersSource;
  const noMargin = c.tables.settings.bigQueryColumns.length < 4 ? ` ${appText(ctx.lang, 'bigQueryNoMargin')}` : '';
  const summaryWithSource = source.kind === 'bigquery' ? `${summary} ${appText(ctx.lang, 'bigQueryNoOrderSheet', { table: source.table.join('.') })}${noMargin}` : summary;

  const at = new Date(ctx.started);
  const lines = changes.map((x) => flagChangeRow(x, at, ctx.lang));
  // Problems no customer's flags carry (no id, or an id the customer table does not have) go to
  // the log, so a mistyped id in the order log is seen; a long list is cut with a count.
  const known = new Set(c.tables.customers.map((r) => r.id));
  const loose = c.tables.problems.filter((p) => p.customer === undefined || !known.has(p.customer));
  for (const p of loose.slice(0, MAX_LOGGED_PROBLEMS)) lines.push(runRow(at, '', problemText(c.tables, p, ctx.lang), ctx.lang));
  if (loose.length > MAX_LOGGED_PROBLEMS) lines.push(runRow(at, '', appText(ctx.lang, 'moreProblems', { count: loose.length - MAX_LOGGED_PROBLEMS }), ctx.lang));
  lines.push(runRow(at, appText(ctx.lang, 'menuRefresh'), summaryWithSource, ctx.lang));
  // Through the log's limit: a large file raises tens of thousands of flags on its first run.
  logRows(ctx, lines);

  writeOwnColumns(ctx, c);

  const stateName = stateSheet ?? newSheetName('state', ctx.lang);
  ctx.wb.ensureSheet(stateName);
  // Sorted by id: the card finds a customer's line from the fences kept in its setup.
  const states = [...c.result.state.values()].sort((a, b) => byId(a.id, b.id));
  ctx.wb.replace(stateName, renderState(states, ctx.lang));
  ctx.wb.keepHidden(stateName);
  // One row per customer and its few columns, not Google's 26 for a new sheet: 50,000 customers stay a sixth of the budget.
  trimOwnSheet(ctx, stateName);
  // The team's Pareto curve for the cards (41 points: well inside a property's 9 KB).
  const curve = c.result.curve.map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4] as [number, number]);
  writeDocumentJson(PARETO_KEY, { curve, at: ctx.started });
  keepSetupAfterRun(ctx, c, stateName, states.map((s) => s.id), curve);
  return summaryWithSource;
}
