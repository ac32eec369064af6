/**
 * China's public holidays and make-up working days (调休), as the State Council announces them
 * each November for the next year.
 *
 * The data is the chinese-days package's JSON (MIT, https://github.com/vsme/chinese-days), not its
 * code: the package's functions build their tables at load time (about 4 ms at the top level of
 * every Apps Script execution, custom function calls included) and read dates through the
 * machine's local time zone (in America/New_York its getDayDetail('2025-10-01') answers
 * 2025-09-30). The JSON inlines as a plain object; it is indexed here on first use only.
 */
/// <reference path="./chineseDaysData.d.ts" />
import { holidays, workdays } from 'chinese-days/dist/chinese-days.json';
import { daysFromCivil } from '../dates';

/** One day of China's arrangement: a day off, or a make-up working day. */
export interface PublicDay {
  day: number;
  kind: 'holiday' | 'workday';
  /** The holiday's Chinese name as the package gives it: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆节. */
  name: string;
  /** Its English name: New Year's Day, Spring Festival, …, National Day. */
  nameEn: string;
}

/** The first and last year the arrangement data covers (both included). */
export interface YearRange {
  first: number;
  last: number;
}

interface ChinaIndex {
  byYear: Map<number, PublicDay[]>;
  years: YearRange;
}

let index: ChinaIndex | null = null;

const KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

function addEntries(byYear: Map<number, PublicDay[]>, entries: Readonly<Record<string, string>>, kind: PublicDay['kind']): void {
  for (const [key, value] of Object.entries(entries)) {
    const m = KEY.exec(key);
    if (!m) continue;
    // 'English name,中文名,days': English names carry no comma, the last field is a count.
    const parts = value.split(',');
    const nameEn = parts[0];
    const name = parts.slice(1, parts.length > 2 ? -1 : undefined).join(',');
    const year = +m[1];
    let list = byYear.get(year);
    if (!list) byYear.set(year, (list = []));
    list.push({ day: daysFromCivil(year, +m[2], +m[3]), kind, name, nameEn });
  }
}

function chinaIndex(): ChinaIndex {
  if (index) return index;
  const byYear = new Map<number, PublicDay[]>();
  addEntries(byYear, holidays, 'holiday');
  addEntries(byYear, workdays, 'workday');
  for (const list of byYear.values()) list.sort((a, b) => a.day - b.day);
  // A year counts as covered when its notice is in the data: it has days off. (A make-up
  // Saturday late in December can belong to next year's notice, e.g. 2018-12-29 for 2019's 元旦.)
  const years = [...byYear.keys()].filter((y) => byYear.get(y)!.some((d) => d.kind === 'holiday')).sort((a, b) => a - b);
  index = { byYear, years: { first: years[0], last: years[years.length - 1] } };
  return index;
}

/** The years China's arrangement data covers (2004..2026 in chinese-days 1.5.7). */
export function chinaYears(): YearRange {
  return { ...chinaIndex().years };
}

/** Whether the data holds the State Council's arrangement for this year. */
export function chinaCoversYear(year: number): boolean {
  const { first, last } = chinaIndex().years;
  return year >= first && year <= last;
}

/** China's days off and make-up working days of one year, in day order ([] for a year not covered). */
export function chinaPublicDays(year: number): PublicDay[] {
  return (chinaIndex().byYear.get(year) ?? []).map((d) => ({ ...d }));
}

/** China's days off and make-up working days from `fromDay` to `toDay` (both included), in day order. */
export function chinaPublicDaysBetween(fromDay: number, toDay: number): PublicDay[] {
  const out: PublicDay[] = [];
  if (toDay < fromDay) return out;
  const { byYear } = chinaIndex();
  const years = [...byYear.keys()].sort((a, b) => a - b);
  for (const y of years) {
    for (const d of byYear.get(y)!) if (d.day >= fromDay && d.day <= toDay) out.push({ ...d });
  }
  return out;
}

/**
 * Whether a spreadsheet locale takes China's (mainland) public holidays: zh_CN only. zh_TW,
 * zh_HK and every other locale keep the weekdays and the team's own table.
 */
export function usesChinaHolidays(locale: string | null | undefined): boolean {
  return /^zh[-_](?:Hans[-_])?CN$/i.test((locale ?? '').trim());
}
