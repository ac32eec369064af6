/** RFMSQL: the query that gives RFM, the eight classes and ABC tiers in a warehouse, as text. */
import type { Arg } from '../cells';
import { isOmitted } from '../cells';
import { readBins, readChoice, readDay } from '../options';
import { readColumnName, readTableName } from '../sql/identifiers';
import { DIALECTS, printQuery } from '../sql/print';
import { rfmQuery } from '../sql/rfmQuery';
import type { FunctionContext } from './context';

export function rfmSqlText(
  ctx: FunctionContext,
  table: Arg,
  customerColumn: Arg,
  dateColumn: Arg,
  amountColumn: Arg,
  analysisDate: Arg,
  bins: Arg,
  dialect: Arg,
  groupColumn: Arg,
): string {
  const chosen = readChoice(dialect, 'dialect', DIALECTS, 'bigquery');
  const query = rfmQuery({
    table: readTableName(table, chosen),
    customerColumn: readColumnName(customerColumn, 'customer_column'),
    dateColumn: readColumnName(dateColumn, 'date_column'),
    amountColumn: readColumnName(amountColumn, 'amount_column'),
    groupColumn: isOmitted(groupColumn) ? undefined : readColumnName(groupColumn, 'group_column'),
    analysisDay: readDay(analysisDate, 'analysis_date', ctx.clock),
    bins: readBins(bins),
    lang: ctx.lang,
  });
  return printQuery(query, chosen);
}
