/**
 * The page's language and the formatting of numbers and dates for it. Before the server answers,
 * the language is the browser's; after, it is OpenCardResult.lang (the file's), and the locale's
 * conventions are used when they belong to that language (en_GB dates for an English file).
 */
import type { Lang } from '../src/shared/types';
import { EN, ZH, type TextKey } from './texts';

export interface Words {
  lang: Lang;
  /** A page sentence with {0}, {1}… filled in. */
  t(key: TextKey, ...args: (string | number)[]): string;
  number(n: number, digits?: number): string;
  percent(share: number): string;
  /** An ISO date ('2026-11-20') as people of the language write it; other text as it is. */
  date(iso: string): string;
  /** An ISO date-time in the file's time zone. */
  dateTime(iso: string): string;
  /** A 'YYYY-MM' month, short. */
  month(ym: string): string;
}

export function langOfBrowser(language: string | undefined): Lang {
  return /^zh\b/i.test(language ?? '') ? 'zh' : 'en';
}

/** 'zh_CN' → 'zh-CN' when it is of the language, else the language's usual tag. */
export function localeTag(lang: Lang, locale: string | undefined): string {
  const tag = (locale ?? '').replace(/_/g, '-');
  if (tag.toLowerCase().split('-')[0] === lang) {
    try {
      return Intl.getCanonicalLocales(tag)[0];
    } catch {
      // A locale string Intl does not know: fall through to the language's default.
    }
  }
  return lang === 'zh' ? 'zh-CN' : 'en-US';
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function makeWords(lang: Lang, locale?: string, timeZone?: string): Words {
  const table = lang === 'zh' ? ZH : EN;
  const tag = localeTag(lang, locale);
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberFormat = (digits: number): Intl.NumberFormat => {
    let f = numbers.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(tag, { maximumFractionDigits: digits });
      numbers.set(digits, f);
    }
    return f;
  };
  const percentFormat = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  // Calendar days are shown in UTC: an ISO day is a day, not an instant to shift.
  const dayFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  let zone: string | undefined = timeZone;
  try {
    new Intl.DateTimeFormat(tag, { timeZone: zone });
  } catch {
    zone = undefined;
  }
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone });

  return {
    lang,
    t(key, ...args) {
      return table[key].replace(/\{(\d)\}/g, (whole, i: string) => (args[Number(i)] === undefined ? whole : String(args[Number(i)])));
    },
    number: (n, digits = 2) => (Number.isFinite(n) ? numberFormat(digits).format(n) : String(n)),
    percent: (share) => (Number.isFinite(share) ? percentFormat.format(share) : String(share)),
    date(iso) {
      const m = ISO_DAY.exec(iso);
      if (!m) return iso;
      const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      return Number.isNaN(time) ? iso : dayFormat.format(time);
    },
    dateTime(iso) {
      const time = Date.parse(iso);
      return Number.isNaN(time) ? iso : dateTimeFormat.format(time);
    },
    month(ym) {
      const m = /^(\d{4})-(\d{2})$/.exec(ym);
      return m ? monthFormat.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)) : ym;
    },
  };
}
