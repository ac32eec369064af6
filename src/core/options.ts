/**
 * The optional arguments shared by several functions: bins, shares, choices, a date, labels.
 * An omitted argument (or an empty cell) gives the documented default.
 */
import { Arg, CellValue, isBlank, isOmitted, toRows } from './cells';
import { dayOfValue } from './columns';
import type { DayClock } from './dates';
import { InputError } from './errors';

/** A single value from an argument that must be one cell. */
function single(arg: Arg, argName: string): CellValue {
  if (!Array.isArray(arg)) return arg as CellValue;
  const rows = toRows(arg);
  if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
  throw new InputError('notSingleCell', { arg: argName });
}

export const DEFAULT_BINS = 5;

export function readBins(arg: Arg): number {
  if (isOmitted(arg)) return DEFAULT_BINS;
  const v = single(arg, 'bins');
  if (typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 9) return v;
  throw new InputError('binsRange', { arg: 'bins', value: v });
}

/** A share of a whole, 0 < share <= 1; 80% arrives from Sheets as 0.8. */
export function readShare(arg: Arg, argName: string, fallback: number): number {
  if (isOmitted(arg)) return fallback;
  const v = single(arg, argName);
  if (typeof v === 'number' && v > 0 && v <= 1) return v;
  throw new InputError('shareRange', { arg: argName, value: v });
}

/** One of a few words, case-insensitive. */
export function readChoice<T extends string>(arg: Arg, argName: string, choices: readonly T[], fallback: T): T {
  if (isOmitted(arg)) return fallback;
  const v = single(arg, argName);
  const word = typeof v === 'string' ? v.trim().toLowerCase() : '';
  const found = choices.find((c) => c === word);
  if (found) return found;
  throw new InputError('unknownChoice', { arg: argName, value: v, choices: choices.join(', ') });
}

/** A date argument as a calendar day, or undefined when omitted. */
export function readDay(arg: Arg, argName: string, clock: DayClock): number | undefined {
  if (isOmitted(arg)) return undefined;
  const v = single(arg, argName);
  const day = dayOfValue(v, clock);
  if (day === null) throw new InputError('notDate', { arg: argName, value: v });
  return day;
}

/** An optional number (a split point), or undefined when omitted. */
export function readOptionalNumber(arg: Arg, argName: string): number | undefined {
  if (isOmitted(arg)) return undefined;
  const v = single(arg, argName);
  if (typeof v === 'number') return v;
  throw new InputError('notNumber', { arg: argName, value: v });
}

/**
 * A list of names: either one text with commas ("partner,emotional,drifting,functional";
 * Chinese commas too) or a range of cells. Blank cells are not names.
 */
export function readNames(arg: Arg, argName: string, count: number, fallback: readonly string[]): string[] {
  if (isOmitted(arg)) return [...fallback];
  let names: string[];
  if (Array.isArray(arg)) {
    names = [];
    for (const row of toRows(arg)) for (const v of row) if (!isBlank(v)) names.push(String(v).trim());
  } else {
    names = String(arg).split(/[,，、;；]/).map((s) => s.trim());
  }
  if (names.length !== count) throw new InputError('namesCount', { arg: argName, count, given: names.length });
  if (names.some((n) => n === '')) throw new InputError('emptyName', { arg: argName, count });
  return names;
}
