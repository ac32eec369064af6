/** ABCTIER and ABCSUMMARY. */
import type { Arg, CellValue } from '../cells';
import { readColumn } from '../columns';
import { ABC_DEFAULTS, abcSummary, abcTiers, AbcBy, readValues } from '../analytics/abc';
import { InputError } from '../errors';
import { word } from '../analytics/labels';
import { readChoice, readShare } from '../options';
import type { FunctionContext } from './context';

function readAbcArgs(values: Arg, aShare: Arg, bShare: Arg, by: Arg) {
  const how = readChoice(by, 'by', ['value', 'count'] as const, 'value');
  const defaults = ABC_DEFAULTS[how as AbcBy];
  const nums = readValues(readColumn(values, 'values'), 'values');
  if (!nums.some((v) => v === v)) throw new InputError('noData', { arg: 'values' });
  const a = readShare(aShare, 'a_share', defaults.a);
  // An omitted b_share never sits below a given a_share: ABCTIER(v, 0.96) means "no B tier".
  const b = readShare(bShare, 'b_share', Math.max(defaults.b, a));
  return { nums, a, b, how };
}

export function abcTierColumn(_ctx: FunctionContext, values: Arg, aShare: Arg, bShare: Arg, by: Arg): CellValue[][] {
  const { nums, a, b, how } = readAbcArgs(values, aShare, bShare, by);
  // Sheets only reads the result, so rows with the same tier can share one row array: a
  // million fresh one-cell arrays cost more than the whole tiering.
  const rowOf = { A: ['A'], B: ['B'], C: ['C'], '': [''] };
  return abcTiers(nums, a, b, how).map((t) => rowOf[t]);
}

export function abcSummaryTable(ctx: FunctionContext, values: Arg, aShare: Arg, bShare: Arg, by: Arg): CellValue[][] {
  const { nums, a, b, how } = readAbcArgs(values, aShare, bShare, by);
  const { lang } = ctx;
  const s = abcSummary(nums, a, b, how);
  const share = (x: number | null) => (x === null ? '' : x);
  return [
    [word(lang, 'tier'), word(lang, 'customers'), word(lang, 'customerShare'), word(lang, 'value'), word(lang, 'valueShare')],
    ...s.tiers.map((t) => [t.tier, t.customers, t.customerShare, t.value, share(t.valueShare)]),
    [word(lang, 'total'), s.customers, 1, s.total, s.tiers.some((t) => t.valueShare !== null) ? 1 : ''],
  ];
}
