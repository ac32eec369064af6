/** RFMSEGMENT: a segment name per row from R, F, M scores or codes. */
import { Arg, CellValue, isBlank, toRows, widthOf } from '../cells';
import { InputError } from '../errors';
import { namedLabel, value8Label } from '../analytics/labels';
import { readChoice } from '../options';
import { matchRule, NAMED_RULES, readRulesTable, scoreMeans, value8 } from '../analytics/segments';
import type { FunctionContext } from './context';

type Scores = [number, number, number];

/** One score: a whole number from 1 to 9 (text digits are accepted: codes are often text). */
function score(v: CellValue, index: number, code: boolean, original: CellValue): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d\s*$/.test(v) ? Number(v) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= 9) return n;
  throw new InputError('badScore', { arg: 'scores', index, value: original, code });
}

function readScores(arg: Arg): (Scores | null)[] {
  const rows = toRows(arg);
  const width = widthOf(rows);
  if (width !== 1 && width !== 3) throw new InputError('scoresShape', { arg: 'scores', columns: width });
  return rows.map((row, i) => {
    if (row.every(isBlank)) return null;
    if (width === 3) return [score(row[0], i, false, row[0]), score(row[1], i, false, row[1]), score(row[2], i, false, row[2])];
    const text = typeof row[0] === 'number' ? String(row[0]) : String(row[0]).trim();
    if (!/^\d{3}$/.test(text)) throw new InputError('badScore', { arg: 'scores', index: i, value: row[0], code: true });
    return [score(text[0], i, true, row[0]), score(text[1], i, true, row[0]), score(text[2], i, true, row[0])];
  });
}

export function rfmSegmentTable(ctx: FunctionContext, scores: Arg, scheme: Arg): CellValue[][] {
  const rows = readScores(scores);
  const filled = rows.filter((s): s is Scores => s !== null);
  if (filled.length === 0) throw new InputError('noData', { arg: 'scores' });
  const { lang } = ctx;

  let name: (s: Scores, index: number) => string;
  // A range (more than one cell) is a rules table; readRulesTable says so if it is not 7 wide.
  const schemeRows = toRows(scheme);
  if (Array.isArray(scheme) && schemeRows.length * widthOf(schemeRows) > 1) {
    const rules = readRulesTable(scheme);
    name = ([r, f, m]) => matchRule(rules, r, f, m)?.name ?? namedLabel(lang, 'others');
  } else if (readChoice(scheme, 'scheme', ['value8', 'named'] as const, 'value8') === 'named') {
    name = ([r, f, m], index) => {
      const over = [r, f, m].find((s) => s > 5);
      if (over !== undefined) throw new InputError('namedScoreRange', { arg: 'scores', index, score: over });
      const rule = matchRule(NAMED_RULES, r, f, m);
      return namedLabel(lang, rule ? rule.name : 'others');
    };
  } else {
    const means = scoreMeans(filled.map((s) => s[0]), filled.map((s) => s[1]), filled.map((s) => s[2]));
    name = ([r, f, m]) => value8Label(lang, value8(r, f, m, means));
  }
  return rows.map((s, i) => [s === null ? '' : name(s, i)]);
}
