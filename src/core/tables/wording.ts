/** Small pieces of wording shared by the table and settings messages, in both languages. */
import type { Lang } from '../locale';

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

export { describeValue } from '../valueText';

/** English labels start a clause in lower case ("amount"), keeping acronyms ("ID", "RFM"). */
export function inSentence(label: string, lang: Lang): string {
  if (lang === 'zh') return label;
  return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}
