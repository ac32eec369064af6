/**
 * DuckDB in the tests (the @duckdb/node-api package, dev only): an in-memory database, an order
 * table filled from plain rows, and query results as plain objects (BIGINT as number).
 */
import { DuckDBConnection, DuckDBDateValue, DuckDBInstance } from '@duckdb/node-api';

export interface OrderRecord {
  customer: string | null;
  /** YYYY-MM-DD, or null for an empty cell. */
  date: string | null;
  amount: number | null;
  group?: string | null;
}

export async function openDuckdb(): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:');
  return db.connect();
}

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** A table `name`(customer_id VARCHAR, order_date DATE, amount DOUBLE, region VARCHAR) holding the rows. */
export async function loadOrders(conn: DuckDBConnection, name: string, rows: readonly OrderRecord[]): Promise<void> {
  await conn.run(`CREATE OR REPLACE TABLE ${name} (customer_id VARCHAR, order_date DATE, amount DOUBLE, region VARCHAR)`);
  const appender = await conn.createAppender(name);
  for (const r of rows) {
    if (r.customer === null) appender.appendNull();
    else appender.appendVarchar(r.customer);
    if (r.date === null) appender.appendNull();
    else appender.appendDate(new DuckDBDateValue(dayNumber(r.date)));
    if (r.amount === null) appender.appendNull();
    else appender.appendDouble(r.amount);
    if (r.group === undefined || r.group === null) appender.appendNull();
    else appender.appendVarchar(r.group);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

/** The rows a query returns, with BIGINT values as numbers. */
export async function queryRows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((row) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? Number(v) : v;
    return out;
  });
}
