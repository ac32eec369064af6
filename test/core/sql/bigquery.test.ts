/**
 * The BigQuery adapter (src/adapters/bigquery.ts) on a fake of the advanced service that answers
 * from DuckDB: RFMSQL's DuckDB text runs on DuckDB first, and its rows are the fake's answer to the
 * BigQuery text of the same tree. The adapter sends that text, waits for the job, reads every page,
 * and the rows read back (src/core/sql/results.ts) equal =RFM and =ABCTIER customer by customer.
 */
import type { Arg } from '../../../src/core/cells';
import { DayClock } from '../../../src/core/dates';
import { abcTierColumn } from '../../../src/core/functions/abc';
import type { FunctionContext } from '../../../src/core/functions/context';
import { rfmTable } from '../../../src/core/functions/rfm';
import { rfmSqlText } from '../../../src/core/functions/rfmsql';
import { readRfmRows } from '../../../src/core/sql/results';
import { bigQueryAvailable, runQuery } from '../../../src/adapters/bigquery';
import { createBigQueryFake, type FakeAnswer } from '../../../tools/gas/fakes/bigquery';
import { loadOrders, openDuckdb, OrderRecord } from '../../support/duckdb';
import { readRfmOrders } from '../../support/referenceData';

const ctx: FunctionContext = { lang: 'en', clock: new DayClock(() => 0) };
const omitted = undefined as unknown as Arg;
const ANALYSIS = new Date('2006-12-31T00:00:00Z');
const TABLE = 'my-project.sales.orders';
const BILLING = 'my-billing-project';
const queryFor = (dialect: 'bigquery' | 'duckdb', group?: string) =>
  rfmSqlText(ctx, dialect === 'bigquery' ? TABLE : 'orders', 'customer_id', 'order_date', 'amount', ANALYSIS, 5, dialect, group ?? omitted);

const orders: OrderRecord[] = readRfmOrders().map((o) => ({ customer: o.customer, date: o.date, amount: o.revenue }));

/** What DuckDB answers to the DuckDB text on these rows: the rows, or the error's message. */
async function fromDuckdb(rows: OrderRecord[], group?: string): Promise<FakeAnswer | { error: string }> {
  const conn = await openDuckdb();
  try {
    await loadOrders(conn, 'orders', rows);
    const reader = await conn.runAndReadAll(queryFor('duckdb', group));
    return { fields: reader.columnNames(), rows: reader.getRowsJS() };
  } catch (e) {
    return { error: `Query error: ${(e as Error).message} at [1:1]` };
  } finally {
    conn.closeSync();
  }
}

const g = globalThis as { BigQuery?: unknown };
afterEach(() => delete g.BigQuery);

describe('runQuery on the fake BigQuery', () => {
  let answer: FakeAnswer;
  beforeAll(async () => {
    answer = (await fromDuckdb(orders)) as FakeAnswer;
  });

  it('sends RFMSQL\'s BigQuery text billed to the project, waits for the job, reads every page', () => {
    const fake = createBigQueryFake({ answers: new Map([[queryFor('bigquery'), answer]]), pendingPolls: 2 });
    g.BigQuery = fake.BigQuery;
    expect(bigQueryAvailable()).toBe(true);
    const table = runQuery(BILLING, queryFor('bigquery'), { pageRows: 100 });
    expect(table.rows).toHaveLength(995);
    // One query, two polls while the job runs, then the first page and 9 more by pageToken.
    expect(fake.calls.map((c) => c.method)).toEqual(['query', ...Array(11).fill('getQueryResults')]);
    expect(fake.calls.every((c) => c.projectId === BILLING)).toBe(true);
    expect(fake.calls[0].args).toMatchObject({ useLegacySql: false, maxResults: 100 });
    expect(fake.calls.slice(3).map((c) => c.args.pageToken)).toEqual(['100', '200', '300', '400', '500', '600', '700', '800', '900']);
    expect(fake.calls.slice(1).every((c) => c.args.jobId === 'job_1' && c.args.location === 'US')).toBe(true);
  });

  it('follows the service\'s own smaller pages', () => {
    const fake = createBigQueryFake({ answers: new Map([[queryFor('bigquery'), answer]]), pageRows: 400 });
    g.BigQuery = fake.BigQuery;
    expect(runQuery(BILLING, queryFor('bigquery')).rows).toHaveLength(995);
    expect(fake.calls).toHaveLength(3);
  });

  it('reads back what =RFM and =ABCTIER give, customer by customer', () => {
    g.BigQuery = createBigQueryFake({ answers: new Map([[queryFor('bigquery'), answer]]), pageRows: 300 }).BigQuery;
    const got = readRfmRows(runQuery(BILLING, queryFor('bigquery')));
    const col = (f: (o: OrderRecord) => unknown) => orders.map((o) => [f(o)]) as Arg;
    const rfm = rfmTable(ctx, col((o) => o.customer), col((o) => new Date(`${o.date}T00:00:00Z`)), col((o) => o.amount), ANALYSIS, 5, omitted);
    const tiers = abcTierColumn(ctx, rfm.slice(1).map((r) => [r[4]]), omitted, omitted, omitted);
    const want = new Map(rfm.slice(1).map((r, i) => [r[0], { recencyDays: r[2], orders: r[3], r: r[5], f: r[6], m: r[7], code: r[8], segment: r[9], abc: tiers[i][0], amount: r[4] as number }]));
    expect(got).toHaveLength(want.size);
    for (const row of got) {
      const w = want.get(row.customerId)!;
      expect(row.amount).toBeCloseTo(w.amount, 9);
      expect({ ...row, amount: 0 }).toEqual({ customerId: row.customerId, group: '', ...w, amount: 0 });
    }
  });

  it('passes on the query\'s own sentence when it stops (a customer in two groups)', async () => {
    const conflict: OrderRecord[] = [
      { customer: 'A', date: '2024-01-01', amount: 1, group: 'north' },
      { customer: 'A', date: '2024-01-02', amount: 1, group: 'south' },
    ];
    const failed = await fromDuckdb(conflict, 'region');
    expect(failed).toHaveProperty('error');
    g.BigQuery = createBigQueryFake({ answers: new Map([[queryFor('bigquery', 'region'), failed]]) }).BigQuery;
    expect(() => runQuery(BILLING, queryFor('bigquery', 'region'))).toThrow(/bigquery\.jobs\.query failed with error: .*Kehu: customer A is in more than one group/);
  });

  it('stops waiting for a job that does not finish, and says when the service is not enabled', () => {
    g.BigQuery = createBigQueryFake({ answers: new Map([[queryFor('bigquery'), answer]]), pendingPolls: 100 }).BigQuery;
    expect(() => runQuery(BILLING, queryFor('bigquery'), { maxPolls: 3 })).toThrow('BigQuery job job_1 did not finish');
    delete g.BigQuery;
    expect(bigQueryAvailable()).toBe(false);
    expect(() => runQuery(BILLING, 'SELECT 1')).toThrow('BigQuery advanced service is not enabled');
  });

  it('refuses results that are not RFMSQL\'s columns rather than read them wrongly', () => {
    expect(() => readRfmRows({ fields: ['customer_id', 'r'], rows: [['A', '1']] })).toThrow('no column recency_days, orders, amount, f, m, rfm, segment, abc');
    const fields = ['customer_id', 'recency_days', 'orders', 'amount', 'r', 'f', 'm', 'rfm', 'segment', 'abc'];
    expect(() => readRfmRows({ fields, rows: [['A', null, '1', '2', '1', '1', '1', '111', 'x', 'C']] })).toThrow("the query's recency_days is null for customer A");
  });
});
