/**
 * A small syntax tree of SQL queries: just what RFMSQL's query needs. The query is built once
 * from the functions' definitions and printed in each dialect (print.ts), so the BigQuery text
 * and the DuckDB text cannot say different things: only the spelling of a few nodes differs.
 */

/** Types the query casts to; each dialect spells them its own way. */
export type SqlType = 'text' | 'float' | 'decimal' | 'date';

/** Functions whose name or argument order differs between dialects, or that every dialect shares. */
export type SqlFunction =
  | 'percentileCont' // exact PERCENTILE.INC: PERCENTILE_CONT(x, p) / quantile_cont(x, p)
  | 'error' // stops the query with a sentence: ERROR(text) / error(text)
  | 'trim' | 'min' | 'max' | 'sum' | 'avg' | 'count' | 'countDistinct' | 'concat' | 'coalesce';

export type BinaryOp = '+' | '-' | '*' | '<' | '<=' | '>' | '>=' | '=' | '<>' | 'AND' | 'OR';

export type Expr =
  /** A name the query made itself (plain snake case, printed as is), optionally qualified. */
  | { kind: 'name'; name: string }
  /** A column the user named (checked by identifiers.ts), printed quoted. */
  | { kind: 'userColumn'; name: string }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'dateLiteral'; iso: string }
  | { kind: 'star' }
  | { kind: 'call'; fn: SqlFunction; args: Expr[] }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'isNull'; expr: Expr; negated: boolean }
  | { kind: 'not'; expr: Expr }
  | { kind: 'case'; whens: [Expr, Expr][]; otherwise?: Expr }
  | { kind: 'cast'; expr: Expr; to: SqlType }
  /** Whole days from `from` to `to` (both dates): DATE_DIFF(to, from, DAY) / date_diff('day', from, to). */
  | { kind: 'daysBetween'; from: Expr; to: Expr }
  | { kind: 'window'; call: Expr; partitionBy: Expr[]; orderBy?: OrderItem[]; frame?: 'beforeCurrentRow' };

export interface OrderItem {
  expr: Expr;
  descending?: boolean;
}

export interface SelectItem {
  expr: Expr;
  as?: string;
}

/** What a SELECT reads: the user's table, or query parts by name (joined with CROSS JOIN). */
export type From = { kind: 'userTable'; path: string[] } | { kind: 'parts'; names: string[] };

export interface Select {
  items: SelectItem[];
  from: From;
  where?: Expr;
  groupBy?: Expr[];
  orderBy?: OrderItem[];
}

export interface Query {
  /** Comment lines printed above the query. */
  comments: string[];
  parts: { name: string; select: Select }[];
  final: Select;
}

// Constructors, so the query builder reads like the query.
export const name = (n: string): Expr => ({ kind: 'name', name: n });
export const userColumn = (n: string): Expr => ({ kind: 'userColumn', name: n });
export const num = (value: number): Expr => ({ kind: 'number', value });
export const text = (value: string): Expr => ({ kind: 'text', value });
export const call = (fn: SqlFunction, ...args: Expr[]): Expr => ({ kind: 'call', fn, args });
export const binary = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
export const cast = (expr: Expr, to: SqlType): Expr => ({ kind: 'cast', expr, to });
export const caseWhen = (whens: [Expr, Expr][], otherwise?: Expr): Expr => ({ kind: 'case', whens, otherwise });
export const over = (fnCall: Expr, partitionBy: Expr[], orderBy?: OrderItem[], frame?: 'beforeCurrentRow'): Expr => ({
  kind: 'window',
  call: fnCall,
  partitionBy,
  orderBy,
  frame,
});

/** a + b + c ... (left-associative). */
export function sum(terms: Expr[]): Expr {
  return terms.reduce((acc, t) => binary('+', acc, t));
}

/** a AND b AND c ... */
export function and(terms: Expr[]): Expr {
  return terms.reduce((acc, t) => binary('AND', acc, t));
}

/** The expression, or a stop with `message` when it is NULL. */
export function required(expr: Expr, message: Expr): Expr {
  return caseWhen([[{ kind: 'isNull', expr, negated: false }, call('error', message)]], expr);
}
