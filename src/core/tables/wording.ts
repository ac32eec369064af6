/** Small pieces of wording shared by the table and settings messages, in both languages. */
import { isBlank, isDate } from '../cells';
import { DayClock, formatDay } from '../dates';
import type { Lang } from '../locale';

const MAX_SHOWN = 40;

/** A name (sheet, header, customer id) in quotes: 'Orders' / “订单”. */
export function quote(text: string, lang: Lang): string {
  return lang === 'zh' ? `“${text}”` : `'${text}'`;
}

/** Items joined the way each language lists them: "a, b, c" / "a、b、c". */
export function list(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

/** At most `max` headers, those in the file's script first, with "…" when some were left out. */
export function triedList(headers: readonly string[], lang: Lang, max = 10): string {
  const cjk = (h: string) => /[\u3400-\u9fff]/.test(h);
  const mine = headers.filter((h) => cjk(h) === (lang === 'zh'));
  const other = headers.filter((h) => cjk(h) !== (lang === 'zh'));
  const ordered = [...mine, ...other];
  const shown = ordered.slice(0, max).map((h) => quote(h, lang));
  return list(shown, lang) + (ordered.length > max ? (lang === 'zh' ? '等' : ', …') : '');
}

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

/** English labels start a clause in lower case ("amount"), keeping acronyms ("ID", "RFM"). */
export function inSentence(label: string, lang: Lang): string {
  if (lang === 'zh') return label;
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}
