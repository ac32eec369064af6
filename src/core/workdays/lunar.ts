/**
 * Birthdays written as lunar dates: reading the cell, and the solar day of the birthday in a
 * given year.
 *
 * A cell is lunar when it begins with 农历 or 阴历 (農曆 / 陰曆 too), or when the whole column is
 * marked lunar in the settings. After the prefix: an optional year, 闰 for a leap month, the
 * month and the day, in digits or Chinese numerals: 农历八月十五, 阴历1990年闰五月初八,
 * 农历 8-15, 农历8月15日, 农历腊月廿三. (A date cell in a lunar column: pass its text, 1990-08-15.)
 *
 * Choices where the calendar leaves a gap:
 * - Day 30 in a year whose month has 29 days falls on the 29th, the month's last day (people
 *   keep 年三十 on 除夕 whatever the month's length). It is never refused, even with a birth year.
 * - A leap-month birthday (闰四月初八) falls in that leap month in the years that have it, and on
 *   the ordinary month of the same number (四月初八) in every other year.
 * - A birth year is kept but only checked: it must lie in 1900..2100, and a leap month written
 *   with a year must exist in that year (1990 had 闰五月, so 1990年闰四月 is refused).
 */
import { civilFromDays } from '../dates';
import { leapMonthOf, lunarMonthLength, lunarToSolarDay, lunarYearKnown } from './lunarCalendar';

export interface LunarBirthday {
  calendar: 'lunar';
  month: number;
  day: number;
  leap: boolean;
  /** The birth year when the cell gives one (lunar year). */
  year?: number;
}

/** Why a lunar cell cannot be read. */
export type LunarRefusal =
  /** The text after 农历/阴历 is not a month and a day. */
  | { reason: 'unreadable' }
  | { reason: 'badMonth'; month: number }
  | { reason: 'badDay'; day: number }
  | { reason: 'badYear'; year: number }
  /** A leap month the birth year did not have; `leapMonth` is the year's own (0 = none). */
  | { reason: 'noLeapMonth'; year: number; month: number; leapMonth: number };

export type LunarReading =
  /** No 农历/阴历 prefix and the column is not marked lunar: read it as a solar date. */
  | { kind: 'notLunar' }
  | { kind: 'lunar'; birthday: LunarBirthday }
  | ({ kind: 'refused' } & LunarRefusal);

const PREFIX = /^(?:农历|阴历|農曆|陰曆|农曆|阴曆)\s*[:：]?\s*/;

const CHINESE_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

const CHINESE_MONTH: Record<string, number> = {
  正: 1, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 冬: 11, 十二: 12, 腊: 12, 臘: 12,
};

const YEAR = String.raw`(\d{4}|[〇零○一二三四五六七八九]{4})\s*(?:年|[-/.]|\s)\s*`;
const LEAP = String.raw`(闰|閏)?\s*`;
const MONTH = String.raw`(?:(\d{1,2})\s*(?:月|[-/.])|(十一|十二|正|一|二|三|四|五|六|七|八|九|十|冬|腊|臘)\s*月)\s*`;
const DAY = String.raw`(?:(\d{1,2})\s*[日号號]?|(初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十|廿[一二三四五六七八九]|念[一二三四五六七八九]|三十|卅)\s*日?)`;
const BODY = new RegExp(`^(?:${YEAR})?${LEAP}${MONTH}${DAY}$`);

/** 初一..初十, 十一..十九, 二十, 廿一..廿九, 三十, 卅 → 1..30. */
function chineseDay(text: string): number {
  if (text === '卅' || text === '三十') return 30;
  if (text === '二十') return 20;
  const head = text[0];
  const tail = text.length > 1 ? CHINESE_DIGIT[text[1]] ?? 10 : 0; // 初十: 十 = 10
  if (head === '初') return tail;
  if (head === '十') return 10 + tail;
  return 20 + tail; // 廿 / 念
}

function chineseYear(text: string): number {
  return /^\d+$/.test(text) ? +text : +[...text].map((c) => CHINESE_DIGIT[c]).join('');
}

/**
 * Reads a birthday cell's text as a lunar date. `columnIsLunar`: the settings mark the whole
 * birthday column lunar, so a text without 农历/阴历 (8-15, 八月十五, 1990-08-15) is lunar too.
 */
export function parseLunarBirthday(text: string, columnIsLunar = false): LunarReading {
  let t = text.normalize('NFKC').trim();
  const prefix = PREFIX.exec(t);
  if (prefix) t = t.slice(prefix[0].length);
  else if (!columnIsLunar) return { kind: 'notLunar' };
  const m = BODY.exec(t);
  if (!m) return { kind: 'refused', reason: 'unreadable' };
  const [, yearText, leapMark, monthDigits, monthChinese, dayDigits, dayChinese] = m;
  const month = monthDigits !== undefined ? +monthDigits : CHINESE_MONTH[monthChinese];
  const day = dayDigits !== undefined ? +dayDigits : chineseDay(dayChinese);
  const leap = leapMark !== undefined;
  if (month < 1 || month > 12) return { kind: 'refused', reason: 'badMonth', month };
  if (day < 1 || day > 30) return { kind: 'refused', reason: 'badDay', day };
  const birthday: LunarBirthday = { calendar: 'lunar', month, day, leap };
  if (yearText !== undefined) {
    const year = chineseYear(yearText);
    if (!lunarYearKnown(year)) return { kind: 'refused', reason: 'badYear', year };
    if (leap && leapMonthOf(year) !== month) return { kind: 'refused', reason: 'noLeapMonth', year, month, leapMonth: leapMonthOf(year) };
    birthday.year = year;
  }
  return { kind: 'lunar', birthday };
}

/**
 * The solar day of the birthday in one lunar year (the lunar year that begins at that year's
 * 春节): a 30th falls on the 29th of a 29-day month, a leap-month birthday on the ordinary month
 * in a year without that leap month. Null outside the table's years (1900..2100).
 */
export function lunarBirthdayInLunarYear(lunarYear: number, birthday: Pick<LunarBirthday, 'month' | 'day' | 'leap'>): number | null {
  if (!lunarYearKnown(lunarYear)) return null;
  const leap = birthday.leap && leapMonthOf(lunarYear) === birthday.month;
  const day = Math.min(birthday.day, lunarMonthLength(lunarYear, birthday.month, leap));
  return lunarToSolarDay(lunarYear, birthday.month, day, leap);
}

/**
 * The solar days of the birthday from `fromDay` to `toDay` (both included), in order. A lunar
 * year starts in January or February, so lunar years y-1..y of each solar year y are tried.
 */
export function lunarBirthdaysBetween(fromDay: number, toDay: number, birthday: Pick<LunarBirthday, 'month' | 'day' | 'leap'>): number[] {
  const out: number[] = [];
  if (toDay < fromDay) return out;
  const first = civilFromDays(fromDay).y - 1;
  const last = civilFromDays(toDay).y;
  for (let y = first; y <= last; y++) {
    const day = lunarBirthdayInLunarYear(y, birthday);
    if (day !== null && day >= fromDay && day <= toDay) out.push(day);
  }
  return out;
}

/** The first solar day on or after `today` that is the lunar birthday; null past lunar 2100. */
export function nextLunarBirthday(today: number, birthday: Pick<LunarBirthday, 'month' | 'day' | 'leap'>): number | null {
  const year = civilFromDays(today).y;
  for (let y = year - 1; y <= year + 1; y++) {
    const day = lunarBirthdayInLunarYear(y, birthday);
    if (day !== null && day >= today) return day;
  }
  return null;
}
