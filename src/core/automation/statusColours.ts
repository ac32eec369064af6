/**
 * The status column (Kehu · 状态) coloured red, amber and green by conditional formatting: one
 * text-equals rule per status word in either language (a file whose language changes keeps its
 * colours). Sheets keeps a sheet's rules as one list, the team's and the add-on's together, so
 * the add-on's rules are found by what they are (a status word, on the status column only) and
 * replaced where they stand; every other rule is left as it is, and nothing is written when the
 * rules are already the ones wanted.
 */
import type { Lang } from '../locale';
import type { Status } from '../model';
import { statusText } from './reasons';

export interface TextColourRule {
  text: string;
  background: string;
  fontColor: string;
}

/** Sheets' light red, yellow and green fills with a dark text of the same hue. */
export const STATUS_COLOURS: Record<Status, { background: string; fontColor: string }> = {
  red: { background: '#f4c7c3', fontColor: '#a50e0e' },
  amber: { background: '#fce8b2', fontColor: '#7f6000' },
  green: { background: '#b7e1cd', fontColor: '#0d652d' },
};

const STATUSES: readonly Status[] = ['red', 'amber', 'green'];
const LANGS: readonly Lang[] = ['zh', 'en'];

/** The six rules: each status's word in each language with its colours. */
export function statusColourRules(): TextColourRule[] {
  return LANGS.flatMap((lang) => STATUSES.map((s) => ({ text: statusText(s, lang), ...STATUS_COLOURS[s] })));
}

const OWN_WORDS = new Set(statusColourRules().map((r) => r.text));

export interface RangeView {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A rule of the sheet as read: its text-equals value (null for any other kind of rule), colours and ranges. */
export interface RuleView {
  text: string | null;
  background: string | null;
  fontColor: string | null;
  ranges: readonly RangeView[];
}

export interface RulePlan {
  /** Indices of the sheet's rules kept, in order (the team's). */
  keep: number[];
  /** Where among the kept rules the add-on's go (where its first one was, else at the end). */
  insertAt: number;
}

/** Whether a rule is the add-on's: text-equals on a status word, on nothing but the status column. */
function isOwn(rule: RuleView, column: number): boolean {
  return rule.text !== null && OWN_WORDS.has(rule.text) && rule.ranges.length > 0 && rule.ranges.every((r) => r.numColumns === 1 && r.column === column);
}

/**
 * What to do with the sheet's rules so that `wanted` colour `target` (one column): null when they
 * are there already, as they should be (same words, colours and range, side by side).
 */
export function planStatusRules(existing: readonly RuleView[], wanted: readonly TextColourRule[], target: RangeView): RulePlan | null {
  const own = existing.map((r, i) => (isOwn(r, target.column) ? i : -1)).filter((i) => i >= 0);
  const inPlace =
    own.length === wanted.length &&
    own.every((at, k) => {
      const r = existing[at];
      const w = wanted[k];
      const [range] = r.ranges;
      return (
        at === own[0] + k &&
        r.text === w.text &&
        sameColour(r.background, w.background) &&
        sameColour(r.fontColor, w.fontColor) &&
        r.ranges.length === 1 &&
        range.row === target.row &&
        range.numRows === target.numRows
      );
    });
  if (inPlace) return null;
  const keep = existing.map((_, i) => i).filter((i) => !own.includes(i));
  const insertAt = own.length > 0 ? keep.filter((i) => i < own[0]).length : keep.length;
  return { keep, insertAt };
}

const sameColour = (a: string | null, b: string): boolean => a !== null && a.toLowerCase() === b.toLowerCase();
