/**
 * RFMSQL's text: one tree printed in two dialects (they differ only in spelling), BigQuery's
 * parses as BigQuery and DuckDB's as PostgreSQL-style SQL (sql-parser-cst, tests only), names
 * that could change the query are refused with a sentence, and the arguments read as documented.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'sql-parser-cst';
import { errorText } from '../../../src/app/run/errorText';
import type { Arg } from '../../../src/core/cells';
import { DayClock } from '../../../src/core/dates';
import { InputError } from '../../../src/core/errors';
import type { FunctionContext } from '../../../src/core/functions/context';
import { rfmSqlText } from '../../../src/core/functions/rfmsql';
import { printQuery } from '../../../src/core/sql/print';
import { text } from '../../../src/core/sql/tree';
import { inputError } from '../../support/core';

const utc = new DayClock(() => 0);
const en: FunctionContext = { lang: 'en', clock: utc };
const zh: FunctionContext = { lang: 'zh', clock: utc };
const omitted = undefined as unknown as Arg;
const PARAMS = ['table', 'customer_column', 'date_column', 'amount_column', 'analysis_date', 'bins', 'dialect', 'group_column'];

function sql(ctx: FunctionContext, dialect: string, table: Arg, more: { bins?: number; analysis?: Arg; group?: Arg; customer?: Arg } = {}): string {
  return rfmSqlText(ctx, table, more.customer ?? 'customer_id', 'order_date', 'amount', more.analysis ?? omitted, more.bins ?? omitted, dialect, more.group ?? omitted);
}

/** The sentence a user sees in the cell for a refused call. */
function sentence(ctx: FunctionContext, call: () => unknown): string {
  const e = inputError(call);
  return errorText(e, { fn: 'RFMSQL', params: PARAMS, formula: () => '=RFMSQL("x")' }, ctx.lang, utc);
}

/** The BigQuery text with BigQuery's spellings replaced by DuckDB's, line by line. */
function asDuckdbSpelling(bigquery: string): string {
  return bigquery
    .replace(/DATE_DIFF\(([^,]+), ([^,]+), DAY\)/g, "date_diff('day', $2, $1)")
    .replace(/`my-project\.sales\.orders`/g, '"orders"')
    .replace(/`([^`]+)`/g, '"$1"')
    .replace(/PERCENTILE_CONT\(/g, 'quantile_cont(')
    .replace(/ERROR\(/g, 'error(')
    .replace(/AS STRING\)/g, 'AS VARCHAR)')
    .replace(/AS FLOAT64\)/g, 'AS DOUBLE)')
    .replace(/AS NUMERIC\)/g, 'AS DECIMAL(38, 9))');
}

describe('one tree, two dialects', () => {
  it.each([
    [5, undefined, undefined],
    [3, 'region', new Date('2006-12-31T00:00:00Z')],
  ])('bins %d, group %s: the texts differ only where the dialects spell a node differently', (bins, group, analysis) => {
    const more = { bins, group: group ?? omitted, analysis: analysis ?? omitted };
    const bigquery = sql(en, 'bigquery', 'my-project.sales.orders', more);
    const duckdb = sql(en, 'duckdb', 'orders', more);
    expect(bigquery).not.toBe(duckdb);
    expect(asDuckdbSpelling(bigquery)).toBe(duckdb);
  });

  it('uses exact PERCENTILE_CONT in BigQuery (never APPROX_QUANTILES) and quotes the table in backticks', () => {
    const bigquery = sql(en, 'bigquery', 'my-project.sales.orders', { bins: 4 });
    expect(bigquery).toContain('FROM `my-project.sales.orders`');
    // bins - 1 cut points for each of R, F and M, at k/bins.
    expect(bigquery.match(/PERCENTILE_CONT\(/g)).toHaveLength(9);
    expect(bigquery).toContain('PERCENTILE_CONT(amount, 0.75) OVER ()');
    expect(bigquery).not.toMatch(/APPROX/i);
  });

  it('writes the classes in the spreadsheet\'s language and the analysis day as a date', () => {
    const text = sql(zh, 'bigquery', 'my-project.sales.orders', { analysis: '2024-03-05' });
    for (const label of ['重要价值客户', '重要保持客户', '重要发展客户', '重要挽留客户', '一般价值客户', '一般保持客户', '一般发展客户', '一般挽留客户']) expect(text).toContain(`'${label}'`);
    expect(text).toContain("DATE_DIFF(DATE '2024-03-05', last_order, DAY)");
    expect(sql(en, 'bigquery', 'p-1.d.t')).toContain("'Key win-back'");
  });

  it('escapes text for each dialect, so a quote in a sentence stays inside its string', async () => {
    const query = { comments: [], parts: [{ name: 'x', select: { items: [{ expr: text("it's a \\ b"), as: 'v' }], from: { kind: 'parts' as const, names: ['(SELECT 1)'] } } }], final: { items: [{ expr: { kind: 'name' as const, name: 'v' } }], from: { kind: 'parts' as const, names: ['x'] } } };
    expect(printQuery(query, 'bigquery')).toContain("'it\\'s a \\\\ b'");
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await conn.runAndReadAll(printQuery(query, 'duckdb'))).getRows();
    expect(rows).toEqual([["it's a \\ b"]]);
    conn.closeSync();
  });
});

describe('parses as its dialect (sql-parser-cst)', () => {
  const texts = (dialect: string, table: string) => [
    sql(en, dialect, table),
    sql(zh, dialect, table, { bins: 3, group: 'region', analysis: '2006-12-31' }),
    sql(en, dialect, table, { bins: 9, customer: '客户编号' }),
  ];

  it('BigQuery text as BigQuery', () => {
    for (const t of texts('bigquery', 'my-project.sales.orders')) expect(parse(t, { dialect: 'bigquery' }).statements).toHaveLength(1);
  });

  it('DuckDB text as PostgreSQL (sql-parser-cst has no DuckDB dialect)', () => {
    for (const t of texts('duckdb', 'main.orders')) expect(parse(t, { dialect: 'postgresql' }).statements).toHaveLength(1);
  });

  it('and the parser does refuse broken text (the check is not vacuous)', () => {
    const t = sql(en, 'bigquery', 'my-project.sales.orders');
    expect(() => parse(t.replace('ORDER BY customer_id', 'ORDER customer_id'), { dialect: 'bigquery' })).toThrow();
  });
});

describe('names that could change the query are refused', () => {
  it.each([
    ['customer_id`; DROP TABLE x; --'],
    ['a"b'],
    ["a'b"],
    ['a\\b'],
    ['id /* c */'],
    [' '],
    ['x\ny'],
  ])('column %j', (name) => {
    for (const dialect of ['bigquery', 'duckdb']) {
      const e = inputError(() => sql(en, dialect, dialect === 'bigquery' ? 'p-1.d.t' : 't', { customer: name }));
      expect(e.params.arg).toBe('customer_column');
    }
  });

  it('says which argument and which value, in English and Chinese', () => {
    const call = (ctx: FunctionContext) => () => sql(ctx, 'bigquery', 'p-1.d.t', { customer: 'id`--' });
    expect(sentence(en, call(en))).toBe("RFMSQL: customer_column is the text 'id`--', not a column name. Use letters, digits and underscores (spaces and hyphens only inside); a name that could change the query is refused.");
    const inChinese = sentence(zh, call(zh));
    expect(inChinese.startsWith('RFMSQL：customer_column 是')).toBe(true);
    expect(inChinese).toContain('id`--');
    expect(inChinese).toContain('不是列名');
  });

  it('accepts letters of any script, digits, underscores, and inner spaces and hyphens', () => {
    expect(sql(en, 'bigquery', 'p-1.d.t', { customer: '客户 编号-1' })).toContain('`客户 编号-1`');
    expect(sql(en, 'duckdb', 't', { customer: 'Kunde_Nr' })).toContain('"Kunde_Nr"');
  });

  it.each([
    ['bigquery', 'orders'],
    ['bigquery', 'dataset.orders'],
    ['bigquery', 'My_Project.sales.orders'],
    ['bigquery', 'p-1.sales.orders`; SELECT 1; --'],
    ['bigquery', 'p-1.sales-eu.orders'],
    ['duckdb', 'a.b.c.d'],
    ['duckdb', 'orders;'],
    ['duckdb', 'x"y'],
  ])('table in %s: %j', (dialect, table) => {
    const e = inputError(() => sql(en, dialect, table));
    expect(e).toBeInstanceOf(InputError);
    expect(e.key).toBe('sqlTableName');
    expect(sentence(en, () => sql(en, dialect, table))).toContain(dialect === 'bigquery' ? 'project.dataset.table' : 'schema.table');
  });

  it('accepts BigQuery project.dataset.table and DuckDB [catalog.][schema.]table', () => {
    expect(sql(en, 'bigquery', 'my-shop-2024.sales_eu.orders_2025')).toContain('FROM `my-shop-2024.sales_eu.orders_2025`');
    expect(sql(en, 'duckdb', 'main.orders')).toContain('FROM "main"."orders"');
  });
});

describe('arguments', () => {
  it('takes the dialect in any case, BigQuery by default, and refuses others', () => {
    expect(sql(en, 'DuckDB', 't')).toContain('quantile_cont(');
    expect(rfmSqlText(en, 'p-1.d.t', 'c', 'd', 'a', omitted, omitted, omitted, omitted)).toContain('PERCENTILE_CONT(');
    expect(sentence(en, () => sql(en, 'mysql', 't'))).toBe("RFMSQL: dialect must be one of bigquery, duckdb, not the text 'mysql'.");
  });

  it('checks bins and the analysis date as RFM does', () => {
    expect(inputError(() => sql(en, 'duckdb', 't', { bins: 10 })).key).toBe('binsRange');
    expect(inputError(() => sql(en, 'duckdb', 't', { analysis: 'soon' })).key).toBe('notDate');
  });

  it('refuses an empty or non-text name, and a range of several cells', () => {
    expect(inputError(() => sql(en, 'duckdb', '')).key).toBe('emptyCell');
    expect(inputError(() => sql(en, 'duckdb', 't', { customer: 42 })).key).toBe('sqlColumnName');
    expect(inputError(() => sql(en, 'duckdb', 't', { customer: [['a'], ['b']] })).key).toBe('notSingleCell');
  });
});
