/**
 * The daily run's orders when the Settings sheet's Orders source is a BigQuery table: one query
 * (src/core/sql/dailyQuery.ts) billed to the team's project returns one row per customer, read
 * into the figures the classification and the lifetime model take. The orders never enter the
 * file; only the per-customer results are written, to the add-on's columns, as for a sheet.
 *
 * The BigQuery scope is asked for here, just before the query, so a team whose orders are in a
 * sheet is never asked for it (and is never blocked by declining it).
 */
import { runQuery } from '../../adapters/bigquery';
import { BIGQUERY_SCOPE, requireScopes } from '../../adapters/scopes';
import { abcWindowFirstDay } from '../../core/automation/classify';
import type { Settings } from '../../core/model';
import { dailyQuery } from '../../core/sql/dailyQuery';
import { readDailyRows, type DailyFigures } from '../../core/sql/dailyResults';
import { printQuery } from '../../core/sql/print';
import type { RunContext } from '../run/frame';
import { appText } from '../run/texts';
import { UserError } from '../run/userError';

/** The BigQuery text of the daily query for these settings and day (the fakes answer it by its text). */
export function dailyQueryText(settings: Settings, today: number): string | null {
  const source = settings.ordersSource;
  if (source.kind !== 'bigquery') return null;
  const [customerColumn, dateColumn, amountColumn, marginColumn] = settings.bigQueryColumns;
  return printQuery(
    dailyQuery({
      table: source.table, customerColumn, dateColumn, amountColumn, today,
      ...(marginColumn === undefined ? {} : { marginColumn }),
      windowFirstDay: abcWindowFirstDay(today, settings.abcMonths),
      // The dashboard's 12 months (blocks.ts: after today - 12 months, up to today).
      yearFirstDay: abcWindowFirstDay(today, 12),
    }),
    'bigquery',
  );
}

/** Per-customer figures from BigQuery, in the customer table's order. */
export function warehouseFigures(ctx: RunContext, settings: Settings, customerIds: readonly string[]): DailyFigures {
  const sql = dailyQueryText(settings, ctx.today);
  if (sql === null || settings.ordersSource.kind !== 'bigquery') throw new Error('warehouseFigures: the orders source is not BigQuery');
  const table = settings.ordersSource.table.join('.');
  requireScopes([BIGQUERY_SCOPE]);
  const project = settings.bigQueryProject || settings.ordersSource.table[0];
  let result;
  try {
    result = runQuery(project, sql);
  } catch (e) {
    // The service's message carries BigQuery's reason (no such table, no permission, a bad column).
    const reason = e instanceof Error ? e.message : String(e);
    throw new UserError((lang) => appText(lang, 'bigQueryFailed', { table, reason }));
  }
  return readDailyRows(result, customerIds, ctx.today);
}
