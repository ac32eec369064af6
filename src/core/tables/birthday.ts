/**
 * A customer's birthday as the team writes it: a solar date (a date cell, 1980-11-26, 11-26,
 * 11月26日) or a lunar one (a cell beginning with 农历 or 阴历, or any cell of a column the settings
 * mark lunar: 农历八月十五, 阴历1990年闰四月初八). What the flags, the card and the plan need is the
 * next solar day it falls on; a leap-month birthday in a year without that leap month falls on
 * the ordinary month (src/core/workdays/lunar.ts).
 */
import type { CellValue } from '../cells';
import { civilFromDays, type DayClock } from '../dates';
import { daysToBirthday } from '../automation/flags';
import { nextLunarBirthday, parseLunarBirthday, type LunarBirthday } from '../workdays';
import { readMonthDay } from './records';

export type Birthday = { calendar: 'solar'; month: number; day: number } | LunarBirthday;

const LUNAR_MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const LUNAR_DAYS_TENS = ['初', '十', '廿', '三'];
const LUNAR_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The birthday a cell gives, or null when it is none (blank cells too: check blank first). */
export function readBirthday(v: CellValue, clock: DayClock, columnIsLunar = false): Birthday | null {
  if (typeof v === 'string') {
    const lunar = parseLunarBirthday(v, columnIsLunar);
    if (lunar.kind === 'lunar') return lunar.birthday;
    if (lunar.kind === 'refused') return null;
  }
  const md = readMonthDay(v, clock);
  return md ? { calendar: 'solar', month: md.month, day: md.day } : null;
}

/** The first solar day on or after `today` that is the birthday (null when the lunar calendar cannot say). */
export function nextBirthday(today: number, b: Birthday): number | null {
  if (b.calendar === 'solar') return today + daysToBirthday(today, b.month, b.day);
  return nextLunarBirthday(today, b);
}

/** A lunar birthday as people write it: 农历八月十五, 农历闰四月初八. '' for a solar one. */
export function lunarText(b: Birthday): string {
  if (b.calendar !== 'lunar') return '';
  const d = b.day;
  const day = d === 10 ? '初十' : d === 20 ? '二十' : d === 30 ? '三十' : LUNAR_DAYS_TENS[Math.floor(d / 10)] + LUNAR_DIGITS[d % 10];
  return `农历${b.leap ? '闰' : ''}${LUNAR_MONTHS[b.month - 1]}月${day}`;
}

/** MM-DD of a day, as the flags show a birthday. */
export function monthDayText(day: number): string {
  const { m, d } = civilFromDays(day);
  return `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
