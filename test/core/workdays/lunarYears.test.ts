/**
 * The lunar table copied from chinese-days (src/core/workdays/lunarYears.ts) still matches the
 * installed package, and the day arithmetic on it agrees with the package's own conversions
 * (run in a UTC child process, where the package's local-time reading is right) for every month
 * of 1901..2099.
 */
import fs from 'node:fs';
import path from 'node:path';
import { daysFromCivil, formatDay } from '../../../src/core/dates';
import { leapMonthOf, lunarMonthLength, lunarNewYearDay, lunarToSolarDay, solarToLunar } from '../../../src/core/workdays/lunarCalendar';
import { runInZone } from './inZone';
import { lunarYearsSource } from './writeLunarYears';

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
  // In UTC, where the package's local-time reading is right.
  const theirs = runInZone<{ date: string; leapMonthDate?: string }[]>('UTC', `
    const { getSolarDateFromLunar } = require('chinese-days');
    const out = [];
    for (let y = 1901; y <= 2099; y++) for (let m = 1; m <= 12; m++) out.push(getSolarDateFromLunar(y + '-' + String(m).padStart(2, '0') + '-01'));
    console.log(JSON.stringify(out));`);
  expect(theirs).toHaveLength(199 * 12);
  let i = 0;
  for (let y = 1901; y <= 2099; y++) {
    for (let m = 1; m <= 12; m++, i++) {
      expect(formatDay(lunarToSolarDay(y, m, 1)!)).toBe(theirs[i].date);
      if (leapMonthOf(y) === m) expect(formatDay(lunarToSolarDay(y, m, 1, true)!)).toBe(theirs[i].leapMonthDate);
      else {
        expect(theirs[i].leapMonthDate).toBeUndefined();
        expect(lunarToSolarDay(y, m, 1, true)).toBeNull();
      }
    }
  }
});

test('solarToLunar inverts lunarToSolarDay and matches getLunarDate', () => {
  const days: number[] = [];
  for (let d = daysFromCivil(1950, 1, 1); d <= daysFromCivil(2060, 12, 31); d += 17) days.push(d);
  const theirs = runInZone<{ lunarYear: number; lunarMon: number; lunarDay: number; isLeap: boolean }[]>('UTC', `
    const { getLunarDate } = require('chinese-days');
    console.log(JSON.stringify(${JSON.stringify(days)}.map((d) => getLunarDate(new Date(d * 864e5).toISOString().slice(0, 10)))));`);
  days.forEach((d, i) => {
    const l = solarToLunar(d)!;
    expect(lunarToSolarDay(l.year, l.month, l.day, l.leap)).toBe(d);
    expect([l.year, l.month, l.day, l.leap]).toEqual([theirs[i].lunarYear, theirs[i].lunarMon, theirs[i].lunarDay, theirs[i].isLeap]);
  });
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
