/**
 * Prints a query tree (tree.ts) as BigQuery (GoogleSQL) or DuckDB text. Everything the two
 * dialects spell differently is decided here, node by node; the rest prints the same.
 */
import type { BinaryOp, Expr, From, OrderItem, Query, Select, SqlFunction, SqlType } from './tree';

export type Dialect = 'bigquery' | 'duckdb';
export const DIALECTS: readonly Dialect[] = ['bigquery', 'duckdb'];

interface Spelling {
  types: Record<SqlType, string>;
  functions: Record<SqlFunction, string>;
  /** A column the user named. */
  quoteColumn(name: string): string;
  /** The user's table, from its checked parts. */
  quoteTable(path: string[]): string;
  text(value: string): string;
  daysBetween(from: string, to: string): string;
}

const SHARED_FUNCTIONS = { trim: 'TRIM', min: 'MIN', max: 'MAX', sum: 'SUM', avg: 'AVG', count: 'COUNT', countDistinct: 'COUNT', concat: 'CONCAT', coalesce: 'COALESCE' } as const;

const SPELLINGS: Record<Dialect, Spelling> = {
  bigquery: {
    // NUMERIC holds 9 decimal places exactly: sums of money are exact, whatever the row order.
    types: { text: 'STRING', float: 'FLOAT64', decimal: 'NUMERIC', date: 'DATE' },
    // PERCENTILE_CONT is exact (linear interpolation, as PERCENTILE.INC); never APPROX_QUANTILES.
    functions: { ...SHARED_FUNCTIONS, percentileCont: 'PERCENTILE_CONT', error: 'ERROR' },
    quoteColumn: (n) => `\`${n}\``,
    // One pair of backticks around project.dataset.table: the form BigQuery's documentation uses,
    // needed when the project id has a hyphen.
    quoteTable: (path) => `\`${path.join('.')}\``,
    // GoogleSQL strings take backslash escapes.
    text: (v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
    daysBetween: (from, to) => `DATE_DIFF(${to}, ${from}, DAY)`,
  },
  duckdb: {
    types: { text: 'VARCHAR', float: 'DOUBLE', decimal: 'DECIMAL(38, 9)', date: 'DATE' },
    functions: { ...SHARED_FUNCTIONS, percentileCont: 'quantile_cont', error: 'error' },
    quoteColumn: (n) => `"${n}"`,
    quoteTable: (path) => path.map((p) => `"${p}"`).join('.'),
    text: (v) => `'${v.replace(/'/g, "''")}'`,
    daysBetween: (from, to) => `date_diff('day', ${from}, ${to})`,
  },
};

const PRECEDENCE: Record<BinaryOp, number> = { OR: 1, AND: 2, '<': 3, '<=': 3, '>': 3, '>=': 3, '=': 3, '<>': 3, '+': 4, '-': 4, '*': 5 };

export function printQuery(query: Query, dialect: Dialect): string {
  const s = SPELLINGS[dialect];
  const lines: string[] = query.comments.map((c) => `-- ${c}`);
  lines.push('WITH');
  query.parts.forEach((part, i) => {
    lines.push(`  ${part.name} AS (`);
    lines.push(...printSelect(part.select, s, '    '));
    lines.push(i === query.parts.length - 1 ? '  )' : '  ),');
  });
  lines.push(...printSelect(query.final, s, ''));
  return lines.join('\n');
}

function printSelect(select: Select, s: Spelling, indent: string): string[] {
  const lines = [`${indent}SELECT`];
  select.items.forEach((item, i) => {
    const expr = printExpr(item.expr, s, `${indent}  `);
    const alias = item.as === undefined ? '' : ` AS ${item.as}`;
    lines.push(`${indent}  ${expr}${alias}${i < select.items.length - 1 ? ',' : ''}`);
  });
  lines.push(`${indent}FROM ${printFrom(select.from, s)}`);
  if (select.where) lines.push(`${indent}WHERE ${printExpr(select.where, s, indent)}`);
  if (select.groupBy) lines.push(`${indent}GROUP BY ${select.groupBy.map((e) => printExpr(e, s, indent)).join(', ')}`);
  if (select.orderBy) lines.push(`${indent}ORDER BY ${printOrder(select.orderBy, s, indent)}`);
  return lines;
}

function printFrom(from: From, s: Spelling): string {
  return from.kind === 'userTable' ? s.quoteTable(from.path) : from.names.join(' CROSS JOIN ');
}

function printOrder(items: OrderItem[], s: Spelling, indent: string): string {
  return items.map((o) => `${printExpr(o.expr, s, indent)}${o.descending ? ' DESC' : ''}`).join(', ');
}

function printExpr(e: Expr, s: Spelling, indent: string): string {
  const p = (x: Expr) => printExpr(x, s, indent);
  switch (e.kind) {
    case 'name':
      return e.name;
    case 'userColumn':
      return s.quoteColumn(e.name);
    case 'number':
      // The shortest text that reads back as the same double (1/3 as 0.3333333333333333).
      return e.value < 0 ? `(${String(e.value)})` : String(e.value);
    case 'text':
      return s.text(e.value);
    case 'dateLiteral':
      return `DATE '${e.iso}'`;
    case 'star':
      return '*';
    case 'call': {
      const args = e.args.map(p).join(', ');
      return e.fn === 'countDistinct' ? `COUNT(DISTINCT ${args})` : `${s.functions[e.fn]}(${args})`;
    }
    case 'binary': {
      const side = (child: Expr, right: boolean) => {
        const text = p(child);
        if (child.kind !== 'binary') return text;
        const mine = PRECEDENCE[e.op];
        const theirs = PRECEDENCE[child.op];
        // Parentheses where reading left to right would group differently (a - (b + c)).
        return theirs < mine || (right && theirs === mine && (e.op === '-' || mine === 3)) ? `(${text})` : text;
      };
      return `${side(e.left, false)} ${e.op} ${side(e.right, true)}`;
    }
    case 'isNull':
      return `${p(e.expr)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'not':
      return `NOT (${p(e.expr)})`;
    case 'case': {
      if (e.whens.length === 1) {
        const [[cond, then]] = e.whens;
        return `CASE WHEN ${p(cond)} THEN ${p(then)}${e.otherwise ? ` ELSE ${p(e.otherwise)}` : ''} END`;
      }
      // Several branches: one per line, so a reader can check each class against its definition.
      const inner = `${indent}  `;
      const parts = e.whens.map(([cond, then]) => `${inner}WHEN ${printExpr(cond, s, inner)} THEN ${printExpr(then, s, inner)}`);
      if (e.otherwise) parts.push(`${inner}ELSE ${printExpr(e.otherwise, s, inner)}`);
      return `CASE\n${parts.join('\n')}\n${indent}END`;
    }
    case 'cast':
      return `CAST(${p(e.expr)} AS ${s.types[e.to]})`;
    case 'daysBetween':
      return s.daysBetween(p(e.from), p(e.to));
    case 'window': {
      const clauses: string[] = [];
      if (e.partitionBy.length) clauses.push(`PARTITION BY ${e.partitionBy.map(p).join(', ')}`);
      if (e.orderBy) clauses.push(`ORDER BY ${printOrder(e.orderBy, s, indent)}`);
      if (e.frame === 'beforeCurrentRow') clauses.push('ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING');
      return `${p(e.call)} OVER (${clauses.join(' ')})`;
    }
  }
}
