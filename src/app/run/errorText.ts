/** Turns whatever a function threw into the one sentence the user sees in the cell. */
import { DayClock, formatDay } from '../../core/dates';
import { describeValue } from '../../core/valueText';
import { isInputError } from '../../core/errors';
import { callArguments, firstRowOf } from '../../core/formulaRefs';
import type { Lang } from '../../core/locale';
import { formatMessage, Render } from '../../core/messages';

export interface ErrorSite {
  fn: string;
  /** The function's parameter names, in order, to find an argument's reference in the formula. */
  params: readonly string[];
  /** Reads the formula of the computing cell; called only when an error is worded. */
  formula: () => string;
}

export function errorText(e: unknown, site: ErrorSite, lang: Lang, clock: DayClock): string {
  let refs: (string[] | null) | undefined;
  const render: Render = {
    at(arg, index) {
      if (refs === undefined) refs = callArguments(site.formula(), site.fn);
      const position = site.params.indexOf(arg);
      const first = refs && position >= 0 && refs[position] !== undefined ? firstRowOf(refs[position]) : null;
      if (first !== null) return lang === 'zh' ? ` 第 ${first + index} 行` : `row ${first + index}`;
      return lang === 'zh' ? ` 区域第 ${index + 1} 行` : `row ${index + 1} of the range`;
    },
    value: (v) => describeValue(v, lang, clock),
    day: formatDay,
    name: (v) => (lang === 'zh' ? `“${String(v)}”` : `'${String(v)}'`),
  };
  if (isInputError(e)) return formatMessage(site.fn, e.key, e.params, lang, render);
  const detail = e instanceof Error ? e.message : String(e);
  return formatMessage(site.fn, 'unexpected', { detail }, lang, render);
}
