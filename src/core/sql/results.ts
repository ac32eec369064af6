/**
 * RFMSQL's result rows as BigQuery's API hands them (every value a string or null, in the
 * columns the schema names), read into typed per-customer figures.
 */
import { RFM_SQL_COLUMNS } from './rfmQuery';

export interface RfmSqlRow {
  customerId: string;
  /** '' when the query was not grouped. */
  group: string;
  recencyDays: number;
  orders: number;
  amount: number;
  r: number;
  f: number;
  m: number;
  code: string;
  segment: string;
  abc: 'A' | 'B' | 'C';
}

/** A table of results: column names, then rows of string-or-null cells. */
export interface ResultTable {
  fields: string[];
  rows: (string | null)[][];
}

export function readRfmRows(table: ResultTable): RfmSqlRow[] {
  const at = new Map(table.fields.map((name, i) => [name, i]));
  const missing = RFM_SQL_COLUMNS.filter((c) => !at.has(c));
  // A different query (or a changed one) would be read wrongly: say so instead.
  if (missing.length) throw new Error(`the query's results have no column ${missing.join(', ')}`);
  const col = (name: string) => at.get(name)!;
  const group = at.get('group_name');
  const number = (row: (string | null)[], name: string): number => {
    const v = Number(row[col(name)]);
    if (row[col(name)] === null || !Number.isFinite(v)) throw new Error(`the query's ${name} is ${row[col(name)]} for customer ${row[col('customer_id')]}`);
    return v;
  };
  return table.rows.map((row) => ({
    customerId: String(row[col('customer_id')]),
    group: group === undefined ? '' : String(row[group]),
    recencyDays: number(row, 'recency_days'),
    orders: number(row, 'orders'),
    amount: number(row, 'amount'),
    r: number(row, 'r'),
    f: number(row, 'f'),
    m: number(row, 'm'),
    code: String(row[col('rfm')]),
    segment: String(row[col('segment')]),
    abc: row[col('abc')] as 'A' | 'B' | 'C',
  }));
}
