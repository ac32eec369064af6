/**
 * The lunar table copied from chinese-days (src/core/workdays/lunarYears.ts) still matches the
 * installed package, and the day arithmetic on it agrees with the package's own conversions
 * (run in UTC, where the package's local-time reading is right) for every month of 1901..2099.
 */
import { getLunarDate, getSolarDateFromLunar } from 'chinese-days';
import fs from 'node:fs';
import path from 'node:path';
import { daysFromCivil, formatDay } from '../../../src/core/dates';
import { leapMonthOf, lunarMonthLength, lunarNewYearDay, lunarToSolarDay, solarToLunar } from '../../../src/core/workdays/lunarCalendar';
import { lunarYearsSource } from './writeLunarYears';

let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'UTC';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

test('lunarYears.ts is what writeLunarYears.ts makes from the installed package (else run it)', () => {
  const file = path.resolve(__dirname, '../../../src/core/workdays/lunarYears.ts');
  expect(fs.readFileSync(file, 'utf8')).toBe(lunarYearsSource());
});

test('known new years and leap months', () => {
  expect(formatDay(lunarNewYearDay(2025))).toBe('2025-01-29');
  expect(formatDay(lunarNewYearDay(2026))).toBe('2026-02-17');
  expect(formatDay(lunarNewYearDay(2000))).toBe('2000-02-05');
  expect(leapMonthOf(2025)).toBe(6);
  expect(leapMonthOf(2026)).toBe(0);
  expect(leapMonthOf(2023)).toBe(2);
  expect(leapMonthOf(2020)).toBe(4);
});

test('every lunar month start of 1901..2099 (ordinary and leap) matches getSolarDateFromLunar', () => {
  let checked = 0;
  for (let y = 1901; y <= 2099; y++) {
    for (let m = 1; m <= 12; m++) {
      const theirs = getSolarDateFromLunar(`${y}-${String(m).padStart(2, '0')}-01`);
      expect(formatDay(lunarToSolarDay(y, m, 1)!)).toBe(theirs.date);
      if (leapMonthOf(y) === m) {
        expect(formatDay(lunarToSolarDay(y, m, 1, true)!)).toBe(theirs.leapMonthDate);
      } else {
        expect(theirs.leapMonthDate).toBeUndefined();
        expect(lunarToSolarDay(y, m, 1, true)).toBeNull();
      }
      checked++;
    }
  }
  expect(checked).toBe(199 * 12);
});

test('solarToLunar inverts lunarToSolarDay and matches getLunarDate', () => {
  for (let d = daysFromCivil(1950, 1, 1); d <= daysFromCivil(2060, 12, 31); d += 17) {
    const l = solarToLunar(d)!;
    expect(lunarToSolarDay(l.year, l.month, l.day, l.leap)).toBe(d);
    const theirs = getLunarDate(formatDay(d));
    expect([l.year, l.month, l.day, l.leap]).toEqual([theirs.lunarYear, theirs.lunarMon, theirs.lunarDay, theirs.isLeap]);
  }
});

test('dates that do not exist are null', () => {
  const short = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(2026, m) === 29)!;
  expect(lunarToSolarDay(2026, short, 30)).toBeNull();
  expect(lunarToSolarDay(2026, short, 29)).not.toBeNull();
  expect(lunarToSolarDay(2026, 13, 1)).toBeNull();
  expect(lunarToSolarDay(2026, 0, 1)).toBeNull();
  expect(lunarToSolarDay(1899, 1, 1)).toBeNull();
  expect(lunarToSolarDay(2101, 1, 1)).toBeNull();
  expect(solarToLunar(daysFromCivil(1900, 1, 30))).toBeNull();
});
