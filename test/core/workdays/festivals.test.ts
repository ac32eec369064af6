/**
 * 春节 and 中秋节 of a year, and the last working day before each under China's arrangement
 * (the greeting / gift day for A customers).
 */
import { daysFromCivil, formatDay } from '../../../src/core/dates';
import { chinaPublicDaysBetween, chinaYears } from '../../../src/core/workdays/china';
import { createWorkCalendar, type TeamDayRow } from '../../../src/core/workdays/calendar';
import { festivalCare, festivalCareBetween, festivalsOfYear } from '../../../src/core/workdays/festivals';
import { solarToLunar } from '../../../src/core/workdays/lunarCalendar';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

function china(teamRows: TeamDayRow[] = []) {
  const from = day(2024, 1, 1);
  const to = day(2026, 12, 31);
  return createWorkCalendar({ workWeekdays: [1, 2, 3, 4, 5], publicDays: chinaPublicDaysBetween(from, to), publicYears: chinaYears(), teamRows, from, to });
}

test('festival days of 2025 and 2026', () => {
  expect(festivalsOfYear(2025).map((f) => [f.name, f.nameEn, formatDay(f.day)])).toEqual([
    ['春节', 'Spring Festival', '2025-01-29'],
    ['中秋节', 'Mid-Autumn Festival', '2025-10-06'],
  ]);
  expect(festivalsOfYear(2026).map((f) => [f.key, formatDay(f.day)])).toEqual([
    ['springFestival', '2026-02-17'],
    ['midAutumn', '2026-09-25'],
  ]);
  for (let y = 1990; y <= 2090; y++) {
    const [spring, autumn] = festivalsOfYear(y);
    expect(solarToLunar(spring.day)).toEqual({ year: y, month: 1, day: 1, leap: false });
    expect(solarToLunar(autumn.day)).toEqual({ year: y, month: 8, day: 15, leap: false });
  }
});

test('care is due on the last working day before the festival’s days off', () => {
  const cal = china();
  const care = (y: number) => festivalCare(y, cal).map((f) => [f.key, formatDay(f.careDay!)]);
  // 2025: 春节 off 28 Jan..4 Feb, so Monday 27 Jan; 中秋 inside National Day (1-8 Oct), so Tuesday 30 Sep.
  expect(care(2025)).toEqual([['springFestival', '2025-01-27'], ['midAutumn', '2025-09-30']]);
  // 2026: 春节 off from Sunday 15 Feb and Saturday 14 Feb is a make-up day; 中秋 Friday 25 Sep is off.
  expect(care(2026)).toEqual([['springFestival', '2026-02-14'], ['midAutumn', '2026-09-24']]);
  for (const f of [...festivalCare(2025, cal), ...festivalCare(2026, cal)]) {
    expect(cal.isWorkingDay(f.careDay!)).toBe(true);
    for (let d = f.careDay! + 1; d < f.day; d++) expect(cal.isWorkingDay(d)).toBe(false);
  }
});

test('a person on leave gives the greeting before the leave', () => {
  const cal = china([{ from: day(2026, 9, 21), to: day(2026, 9, 24), kind: 'closed', person: 'R01' }]);
  // Sunday 20 Sep 2026 is a make-up working day (National Day), before the leave of 21-24 Sep.
  expect(formatDay(festivalCare(2026, cal, 'R01')[1].careDay!)).toBe('2026-09-20');
  expect(formatDay(festivalCare(2026, cal)[1].careDay!)).toBe('2026-09-24');
});

test('care days within a horizon, across a new year', () => {
  const cal = china();
  const between = festivalCareBetween(day(2025, 9, 1), day(2026, 2, 28), cal).map((f) => [f.name, formatDay(f.careDay!)]);
  expect(between).toEqual([['中秋节', '2025-09-30'], ['春节', '2026-02-14']]);
  expect(festivalCareBetween(day(2025, 10, 1), day(2025, 12, 31), cal)).toEqual([]);
});
