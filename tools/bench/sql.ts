/**
 * npm run bench (or npx tsx tools/bench/sql.ts alone): RFMSQL's query on DuckDB over 2,000,000
 * generated orders (100,000 customers), beside =RFM and =ABCTIER on the same rows through the
 * built bundle's globals (inputs shaped as Sheets passes them: ids as text, a Date per date cell
 * at local midnight of Asia/Shanghai, amounts as numbers), as tools/bench.ts measures RFM.
 *
 * It also checks, at that size, that the query gives every customer what the functions give
 * (recency, orders, R, F, M, code, class, tier; amounts to 1e-6).
 *
 * DuckDB stands in for the warehouse: the orders are loaded first (timed apart: in BigQuery
 * they are already there), then the query runs SAMPLES times; the median is reported. =RFM runs
 * SAMPLES times on freshly generated inputs after a first call on other data (its cold figure).
 */
import fs from 'node:fs';
import { DuckDBDateValue, DuckDBInstance } from '@duckdb/node-api';
import { rfmSqlText } from '../../src/core/functions/rfmsql';
import { DayClock, daysFromCivil } from '../../src/core/dates';
import { loadBundle, type LoadedBundle } from '../gas/loadBundle';

const TIME_ZONE = 'Asia/Shanghai';
const ROWS = 2_000_000;
const CUSTOMERS = ROWS / 20;
const DAYS = 730;
const SAMPLES = 3;
const FIRST_DAY = daysFromCivil(2024, 1, 1);

/** The order rows as plain numbers, shared by both sides: customer number, day offset, amount. */
interface Orders {
  customer: Int32Array;
  day: Int32Array;
  amount: Float64Array;
}

/** The generator of tools/bench.ts (same shape of data: 20 orders per customer over two years). */
function generate(seed: number): Orders {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const o: Orders = { customer: new Int32Array(ROWS), day: new Int32Array(ROWS), amount: new Float64Array(ROWS) };
  for (let i = 0; i < ROWS; i++) {
    o.customer[i] = Math.floor(rnd() * CUSTOMERS);
    o.day[i] = Math.floor(rnd() * DAYS);
    o.amount[i] = Math.round(rnd() * 2000 * 100) / 100;
  }
  return o;
}

/** The three columns as Sheets hands them to a custom function, made in the bundle's realm. */
function sheetArgs(b: LoadedBundle, o: Orders): unknown[][][] {
  const RealmDate = b.realm.date(2024, 1, 1).constructor as DateConstructor;
  const dayStarts = Array.from({ length: DAYS }, (_, d) => b.realm.date(2024, 1, 1 + d).getTime());
  const ids = new Array<unknown[]>(ROWS);
  const dates = new Array<unknown[]>(ROWS);
  const amounts = new Array<unknown[]>(ROWS);
  for (let i = 0; i < ROWS; i++) {
    ids[i] = [`KH${o.customer[i]}`];
    dates[i] = [new RealmDate(dayStarts[o.day[i]])];
    amounts[i] = [o.amount[i]];
  }
  return [ids, dates, amounts];
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export interface SqlBenchFigures {
  rfmMs: number[];
  rfmColdMs: number;
  abcMs: number;
  loadMs: number;
  queryMs: number[];
  customers: number;
  mismatches: number;
  firstMismatch?: string;
  peakRssMb: number;
}

export async function measureSql(): Promise<SqlBenchFigures> {
  const b = loadBundle({ timeZone: TIME_ZONE, locale: 'en_US' });
  const orders = generate(1);

  // =RFM through the bundle: a cold call on other data, then SAMPLES calls on fresh inputs.
  let t0 = process.hrtime.bigint();
  b.context.RFM(...sheetArgs(b, generate(99)));
  const rfmColdMs = ms(t0);
  const rfmMs: number[] = [];
  let rfm: unknown[][] = [];
  for (let k = 0; k < SAMPLES; k++) {
    const args = sheetArgs(b, orders);
    t0 = process.hrtime.bigint();
    rfm = b.context.RFM(...args, b.realm.date(2026, 1, 1));
    rfmMs.push(ms(t0));
  }
  const amountColumn = b.realm.grid(rfm.slice(1).map((r) => [r[4]]));
  t0 = process.hrtime.bigint();
  const tiers: unknown[][] = b.context.ABCTIER(amountColumn);
  const abcMs = ms(t0);

  // DuckDB: load the same rows, then run RFMSQL's DuckDB text.
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  t0 = process.hrtime.bigint();
  await conn.run('CREATE TABLE orders (customer_id VARCHAR, order_date DATE, amount DOUBLE)');
  const appender = await conn.createAppender('orders');
  for (let i = 0; i < ROWS; i++) {
    appender.appendVarchar(`KH${orders.customer[i]}`);
    appender.appendDate(new DuckDBDateValue(FIRST_DAY + orders.day[i]));
    appender.appendDouble(orders.amount[i]);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  const loadMs = ms(t0);

  const utc = { lang: 'en' as const, clock: new DayClock(() => 0) };
  const text = rfmSqlText(utc, 'orders', 'customer_id', 'order_date', 'amount', new Date(Date.UTC(2026, 0, 1)), undefined, 'duckdb', undefined);
  const queryMs: number[] = [];
  let rows: Record<string, unknown>[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    t0 = process.hrtime.bigint();
    rows = (await conn.runAndReadAll(text)).getRowObjectsJS();
    queryMs.push(ms(t0));
  }
  conn.closeSync();

  // The same answer, customer by customer.
  const want = new Map(rfm.slice(1).map((r, i) => [r[0] as string, [...r, tiers[i][0]]]));
  let mismatches = 0;
  let firstMismatch: string | undefined;
  for (const row of rows) {
    const w = want.get(row.customer_id as string);
    const got = [row.recency_days, row.orders, row.r, row.f, row.m, row.rfm, row.segment, row.abc].map((v) => (typeof v === 'bigint' ? Number(v) : v));
    const expected = w ? [w[2], w[3], w[5], w[6], w[7], w[8], w[9], w[10]] : [];
    const same = w !== undefined && got.every((v, i) => v === expected[i]) && Math.abs((row.amount as number) - (w[4] as number)) < 1e-6;
    if (!same) {
      mismatches++;
      firstMismatch ??= `${String(row.customer_id)}: query ${JSON.stringify(got)} / functions ${JSON.stringify(expected)}`;
    }
  }
  if (rows.length !== want.size) mismatches += Math.abs(rows.length - want.size);
  return { rfmMs, rfmColdMs, abcMs, loadMs, queryMs, customers: rows.length, mismatches, firstMismatch, peakRssMb: peakRssMb() };
}

export async function runSqlBench(): Promise<SqlBenchFigures> {
  console.log(`\nRFMSQL on DuckDB beside =RFM through the bundle: ${ROWS.toLocaleString('en')} orders, ${CUSTOMERS.toLocaleString('en')} customers, median of ${SAMPLES}`);
  const f = await measureSql();
  console.log('| step | rows | time (ms) | runs (ms) |');
  console.log('|---|---:|---:|---:|');
  console.log(`| =RFM (bundle, Sheets-shaped inputs) | ${ROWS.toLocaleString('en')} | ${median(f.rfmMs).toFixed(0)} | ${f.rfmMs.map((x) => x.toFixed(0)).join(', ')} (cold ${f.rfmColdMs.toFixed(0)}) |`);
  console.log(`| =ABCTIER on RFM's amounts (bundle) | ${f.customers.toLocaleString('en')} | ${f.abcMs.toFixed(0)} | |`);
  console.log(`| DuckDB ${duckdbVersion()}: load the orders (appender) | ${ROWS.toLocaleString('en')} | ${f.loadMs.toFixed(0)} | |`);
  console.log(`| DuckDB: RFMSQL's query (scores, classes, tiers) | ${ROWS.toLocaleString('en')} | ${median(f.queryMs).toFixed(0)} | ${f.queryMs.map((x) => x.toFixed(0)).join(', ')} |`);
  console.log(`\nSame answer: ${f.customers - f.mismatches} of ${f.customers.toLocaleString('en')} customers equal in recency, orders, amount, R, F, M, code, class and tier${f.firstMismatch ? `; first difference ${f.firstMismatch}` : ''}. Peak RSS ${f.peakRssMb.toFixed(0)} MB.`);
  return f;
}

function duckdbVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(require.resolve('@duckdb/node-api/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}

if (require.main === module) void runSqlBench();
