/**
 * The names a user gives RFMSQL (table and columns) go into the query text, so each is checked
 * against a strict pattern before it is quoted: a name that could end the quoting (a backtick,
 * a quote, a backslash), start a comment or a new statement is refused, never escaped.
 */
import type { Arg, CellValue } from '../cells';
import { isBlank, toRows } from '../cells';
import { InputError } from '../errors';
import type { Dialect } from './print';

// Letters (any script: a Chinese team's columns may be named 客户), combining marks, digits and
// underscores; spaces and hyphens only inside (BigQuery's flexible column names allow them).
const WORD = String.raw`[\p{L}\p{M}\p{N}_]`;
const NAME = new RegExp(String.raw`^${WORD}(?:[${String.raw`\p{L}\p{M}\p{N}_`} -]*${WORD})?$`, 'u');
// BigQuery's own rules: project ids are lower-case letters, digits and hyphens starting with a
// letter; dataset names letters, digits and underscores; table names as column names above.
const BIGQUERY_PROJECT = /^[a-z][a-z0-9-]*[a-z0-9]$/;
const BIGQUERY_DATASET = /^[A-Za-z0-9_]+$/;
/** BigQuery's limit on a column name; longer text is not a name a team typed. */
const MAX_NAME = 300;

/** A single text value of an argument (a one-cell range is read as its cell). */
function singleValue(arg: Arg, argName: string): CellValue {
  if (!Array.isArray(arg)) return arg as CellValue;
  const rows = toRows(arg);
  if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
  throw new InputError('notSingleCell', { arg: argName });
}

function isName(v: string): boolean {
  return v.length <= MAX_NAME && NAME.test(v);
}

/** A column name the query may quote (the Settings sheet's BigQuery columns). */
export function isColumnName(v: string): boolean {
  return isName(v);
}

/** A BigQuery project id (the Settings sheet's billing project). */
export function isBigQueryProject(v: string): boolean {
  return BIGQUERY_PROJECT.test(v);
}

/** `project.dataset.table` as its three checked parts, or null. */
export function bigQueryTableParts(v: string): string[] | null {
  const parts = v.trim().split('.');
  return parts.length === 3 && BIGQUERY_PROJECT.test(parts[0]) && BIGQUERY_DATASET.test(parts[1]) && isName(parts[2]) ? parts : null;
}

/** A column name, checked; refused with a sentence naming the argument and the value. */
export function readColumnName(arg: Arg, argName: string): string {
  const v = singleValue(arg, argName);
  if (isBlank(v)) throw new InputError('emptyCell', { arg: argName });
  if (typeof v === 'string' && isName(v.trim())) return v.trim();
  throw new InputError('sqlColumnName', { arg: argName, value: v });
}

/** The table as its checked parts: project, dataset, table for BigQuery; [schema.]table for DuckDB. */
export function readTableName(arg: Arg, dialect: Dialect): string[] {
  const v = singleValue(arg, 'table');
  if (isBlank(v)) throw new InputError('emptyCell', { arg: 'table' });
  const parts = typeof v === 'string' ? v.trim().split('.') : [];
  const ok =
    dialect === 'bigquery'
      ? parts.length === 3 && BIGQUERY_PROJECT.test(parts[0]) && BIGQUERY_DATASET.test(parts[1]) && isName(parts[2])
      : parts.length >= 1 && parts.length <= 3 && parts.every(isName);
  if (ok) return parts;
  throw new InputError('sqlTableName', { arg: 'table', value: v, dialect });
}
