/**
 * Naming customers from their R, F, M scores: the eight value classes of Chinese CRM practice,
 * the named segments of common practice, or a team's own rules table.
 */
import { Arg, CellValue, isBlank, toRows, widthOf } from '../cells';
import { InputError } from '../errors';
import { mean } from './quantiles';

export type Value8Key =
  | 'keyValue' | 'keyRetain' | 'keyDevelop' | 'keyWinBack'
  | 'generalValue' | 'generalRetain' | 'generalDevelop' | 'generalWinBack';

/** Mean scores of the scored customers: a score above its mean is "high". */
export interface ScoreMeans { r: number; f: number; m: number }

export function scoreMeans(r: ArrayLike<number>, f: ArrayLike<number>, m: ArrayLike<number>): ScoreMeans {
  return { r: mean(r), f: mean(f), m: mean(m) };
}

/** The eight classes: H/H/H key value, L/H/H key retain, H/L/H key develop, L/L/H key win-back; low M → general. */
export function value8(r: number, f: number, m: number, means: ScoreMeans): Value8Key {
  const highR = r > means.r;
  const highF = f > means.f;
  const highM = m > means.m;
  const kind = highR ? (highF ? 'Value' : 'Develop') : highF ? 'Retain' : 'WinBack';
  return `${highM ? 'key' : 'general'}${kind}` as Value8Key;
}

/** One row of a rules table: inclusive score ranges, the first matching rule wins. */
export interface SegmentRule {
  name: string;
  rMin: number; rMax: number;
  fMin: number; fMax: number;
  mMin: number; mMax: number;
}

export type NamedKey =
  | 'champions' | 'potentialLoyalist' | 'loyal' | 'promising' | 'newCustomers'
  | 'cantLose' | 'atRisk' | 'needAttention' | 'aboutToSleep' | 'lost';

/**
 * The named segments of the R package rfm's introduction, in the order of domain.md's table
 * (the first matching row wins; in that order every segment can be reached).
 */
export const NAMED_RULES: readonly (SegmentRule & { name: NamedKey })[] = [
  { name: 'champions', rMin: 5, rMax: 5, fMin: 5, fMax: 5, mMin: 5, mMax: 5 },
  { name: 'potentialLoyalist', rMin: 3, rMax: 5, fMin: 3, fMax: 5, mMin: 2, mMax: 5 },
  { name: 'loyal', rMin: 2, rMax: 4, fMin: 2, fMax: 4, mMin: 2, mMax: 4 },
  { name: 'promising', rMin: 3, rMax: 4, fMin: 1, fMax: 3, mMin: 3, mMax: 5 },
  { name: 'newCustomers', rMin: 4, rMax: 5, fMin: 1, fMax: 3, mMin: 1, mMax: 5 },
  { name: 'cantLose', rMin: 1, rMax: 2, fMin: 3, fMax: 4, mMin: 4, mMax: 5 },
  { name: 'atRisk', rMin: 1, rMax: 2, fMin: 2, fMax: 5, mMin: 4, mMax: 5 },
  { name: 'needAttention', rMin: 1, rMax: 3, fMin: 3, fMax: 5, mMin: 3, mMax: 5 },
  { name: 'aboutToSleep', rMin: 2, rMax: 3, fMin: 1, fMax: 3, mMin: 1, mMax: 4 },
  { name: 'lost', rMin: 1, rMax: 1, fMin: 1, fMax: 5, mMin: 1, mMax: 5 },
];

/** The first rule whose ranges hold all three scores, or undefined (the caller says "Others"). */
export function matchRule<R extends SegmentRule>(rules: readonly R[], r: number, f: number, m: number): R | undefined {
  for (const rule of rules) {
    if (r >= rule.rMin && r <= rule.rMax && f >= rule.fMin && f <= rule.fMax && m >= rule.mMin && m <= rule.mMax) return rule;
  }
  return undefined;
}

const RULE_COLUMNS = 7;

/**
 * A team's own rules table: name, R min, R max, F min, F max, M min, M max. A first row whose
 * limits are all text is a header and is skipped; blank rows are skipped; a blank limit means
 * "no limit" on that side.
 */
export function readRulesTable(arg: Arg): SegmentRule[] {
  const rows = toRows(arg);
  const width = widthOf(rows);
  if (width !== RULE_COLUMNS) throw new InputError('rulesShape', { arg: 'scheme', columns: width });
  const rules: SegmentRule[] = [];
  rows.forEach((row, i) => {
    if (row.every(isBlank)) return;
    const limits = row.slice(1);
    if (i === 0 && limits.every((v) => typeof v === 'string')) return; // header row
    const name = row[0];
    if (isBlank(name)) throw new InputError('ruleWithoutName', { arg: 'scheme', index: i });
    const num = (v: CellValue, unbounded: number): number => {
      if (isBlank(v)) return unbounded;
      if (typeof v === 'number') return v;
      throw new InputError('notNumber', { arg: 'scheme', index: i, value: v });
    };
    rules.push({
      name: String(name).trim(),
      rMin: num(row[1], -Infinity), rMax: num(row[2], Infinity),
      fMin: num(row[3], -Infinity), fMax: num(row[4], Infinity),
      mMin: num(row[5], -Infinity), mMax: num(row[6], Infinity),
    });
  });
  if (rules.length === 0) throw new InputError('noRules', { arg: 'scheme' });
  return rules;
}
