/**
 * Lunar date → solar day arithmetic on the chinese-days table (lunarYears.ts), in day numbers
 * (days since 1970-01-01), so no time zone is ever involved.
 */
import { daysFromCivil } from '../dates';
import { LUNAR_FIRST_YEAR, LUNAR_LAST_YEAR, LUNAR_YEARS } from './lunarYears';

/** Solar 1900-01-31 was the first day (正月初一) of lunar year 1900. */
const FIRST_NEW_YEAR = daysFromCivil(1900, 1, 31);

let newYears: Int32Array | null = null;

function info(year: number): number {
  return LUNAR_YEARS[year - LUNAR_FIRST_YEAR];
}

/** Whether the table covers this lunar year (1900..2100). */
export function lunarYearKnown(year: number): boolean {
  return Number.isInteger(year) && year >= LUNAR_FIRST_YEAR && year <= LUNAR_LAST_YEAR;
}

/** The leap month of a lunar year (1..12), or 0 when it has none. */
export function leapMonthOf(year: number): number {
  return info(year) & 0xf;
}

/** Days in a lunar month (29 or 30); `leap` asks for the leap month that follows month `month`. */
export function lunarMonthLength(year: number, month: number, leap = false): number {
  const bits = info(year);
  if (leap) return (bits & 0xf) === month ? ((bits & 0x10000) !== 0 ? 30 : 29) : 0;
  return (bits & (0x10000 >> month)) !== 0 ? 30 : 29;
}

function yearLength(year: number): number {
  let sum = 0;
  for (let m = 1; m <= 12; m++) sum += lunarMonthLength(year, m);
  const leap = leapMonthOf(year);
  return leap ? sum + lunarMonthLength(year, leap, true) : sum;
}

/** The solar day of 正月初一 of a lunar year (table built once, on first use). */
export function lunarNewYearDay(year: number): number {
  if (!newYears) {
    const table = new Int32Array(LUNAR_LAST_YEAR - LUNAR_FIRST_YEAR + 2);
    table[0] = FIRST_NEW_YEAR;
    for (let y = LUNAR_FIRST_YEAR; y <= LUNAR_LAST_YEAR; y++) table[y - LUNAR_FIRST_YEAR + 1] = table[y - LUNAR_FIRST_YEAR] + yearLength(y);
    newYears = table;
  }
  return newYears[year - LUNAR_FIRST_YEAR];
}

/**
 * The solar day of a lunar date, or null outside 1900..2100 or when the date does not exist
 * (month not 1..12, day not 1..30, a 30th in a 29-day month, a leap month the year lacks).
 */
export function lunarToSolarDay(year: number, month: number, day: number, leap = false): number | null {
  if (!lunarYearKnown(year) || !Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return null;
  const length = lunarMonthLength(year, month, leap);
  if (day > length) return null;
  const leapMonth = leapMonthOf(year);
  let offset = 0;
  for (let m = 1; m < month; m++) {
    offset += lunarMonthLength(year, m);
    if (m === leapMonth) offset += lunarMonthLength(year, m, true);
  }
  // The leap month follows the ordinary month of the same number.
  if (leap) offset += lunarMonthLength(year, month);
  return lunarNewYearDay(year) + offset + day - 1;
}

/** The lunar date of a solar day (1900-01-31 .. end of lunar 2100), or null outside it. */
export function solarToLunar(solarDay: number): { year: number; month: number; day: number; leap: boolean } | null {
  if (solarDay < FIRST_NEW_YEAR) return null;
  let year = LUNAR_FIRST_YEAR + Math.floor((solarDay - FIRST_NEW_YEAR) / 365.2422);
  if (year > LUNAR_LAST_YEAR + 1) return null;
  while (year > LUNAR_FIRST_YEAR && lunarNewYearDay(year) > solarDay) year--;
  while (year <= LUNAR_LAST_YEAR && lunarNewYearDay(year + 1) <= solarDay) year++;
  if (year > LUNAR_LAST_YEAR) return null;
  let offset = solarDay - lunarNewYearDay(year);
  const leapMonth = leapMonthOf(year);
  for (let m = 1; m <= 12; m++) {
    const n = lunarMonthLength(year, m);
    if (offset < n) return { year, month: m, day: offset + 1, leap: false };
    offset -= n;
    if (m === leapMonth) {
      const l = lunarMonthLength(year, m, true);
      if (offset < l) return { year, month: m, day: offset + 1, leap: true };
      offset -= l;
    }
  }
  return null; // not reached: the year's months add up to its length
}
