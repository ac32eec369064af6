/** A cell's value inside a sentence of an error message, in the user's language. */
import { isBlank, isDate } from './cells';
import { formatDay, type DayClock } from './dates';
import type { Lang } from './locale';

const MAX_SHOWN = 40;

/**
 * A cell value as a sentence shows it: "the text '¥1,200'", "the number 5", "the date
 * 2024-03-05", "empty". Dates need the spreadsheet's clock to show the day a person sees; without
 * one they are called a date cell.
 */
export function describeValue(v: unknown, lang: Lang, clock?: DayClock): string {
  if (isBlank(v)) return lang === 'zh' ? '空白' : 'empty';
  if (typeof v === 'string') {
    const shown = v.length > MAX_SHOWN ? `${v.slice(0, MAX_SHOWN)}…` : v;
    return lang === 'zh' ? `文本“${shown}”` : `the text '${shown}'`;
  }
  if (typeof v === 'number') return lang === 'zh' ? `数字 ${v}` : `the number ${v}`;
  if (typeof v === 'boolean') return lang === 'zh' ? `逻辑值 ${v ? 'TRUE' : 'FALSE'}` : v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    const ms = v.getTime();
    if (ms !== ms) return lang === 'zh' ? '无效的日期' : 'an invalid date';
    if (!clock) return lang === 'zh' ? '一个日期' : 'a date';
    const text = formatDay(clock.dayOf(ms));
    return lang === 'zh' ? `日期 ${text}` : `the date ${text}`;
  }
  return String(v);
}

