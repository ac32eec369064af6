/**
 * China's arrangement as read from the chinese-days JSON: known days of the State Council notices
 * (2025 National Day, 2026 Spring Festival), the years covered, and day-by-day agreement with the
 * package's own getDayDetail (run in UTC, where its local-time reading is right).
 */
import { chinaCoversYear, chinaPublicDays, chinaPublicDaysBetween, chinaYears, usesChinaHolidays } from '../../../src/core/workdays/china';
import { daysFromCivil, formatDay } from '../../../src/core/dates';
import { runInZone } from './inZone';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);

describe('China public days', () => {
  test('2025 National Day: 1-8 October off (中秋 on the 6th), Sunday 28 Sep and Saturday 11 Oct make-up working days', () => {
    const days = chinaPublicDaysBetween(day(2025, 9, 20), day(2025, 10, 20));
    const off = days.filter((d) => d.kind === 'holiday').map((d) => formatDay(d.day));
    const work = days.filter((d) => d.kind === 'workday').map((d) => formatDay(d.day));
    expect(off).toEqual(['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08']);
    expect(work).toEqual(['2025-09-28', '2025-10-11']);
    const oct1 = days.find((d) => d.day === day(2025, 10, 1))!;
    expect([oct1.name, oct1.nameEn]).toEqual(['国庆节', 'National Day']);
    expect(days.find((d) => d.day === day(2025, 10, 6))!.name).toBe('中秋');
    expect(days.find((d) => d.day === day(2025, 9, 28))!.name).toBe('国庆节');
  });

  test('2026 Spring Festival: 15-23 February off, Saturdays 14 and 28 February working', () => {
    const spring = chinaPublicDays(2026).filter((d) => d.name === '春节');
    expect(spring.filter((d) => d.kind === 'holiday').map((d) => formatDay(d.day))).toEqual(
      Array.from({ length: 9 }, (_, i) => formatDay(day(2026, 2, 15) + i)),
    );
    expect(spring.filter((d) => d.kind === 'workday').map((d) => formatDay(d.day))).toEqual(['2026-02-14', '2026-02-28']);
    expect(spring.every((d) => d.nameEn === 'Spring Festival')).toBe(true);
  });

  test('covers the contiguous years whose notices are in the data, and nothing outside them', () => {
    const { first, last } = chinaYears();
    expect(first).toBe(2004);
    expect(last).toBeGreaterThanOrEqual(2026);
    for (let y = first; y <= last; y++) {
      expect(chinaCoversYear(y)).toBe(true);
      expect(chinaPublicDays(y).some((d) => d.kind === 'holiday' && d.name === '国庆节')).toBe(true);
    }
    expect(chinaCoversYear(first - 1)).toBe(false);
    expect(chinaCoversYear(last + 1)).toBe(false);
    expect(chinaPublicDays(last + 1)).toEqual([]);
  });

  test('every day of the covered years agrees with the package’s getDayDetail', () => {
    const { first, last } = chinaYears();
    const from = day(first, 1, 1);
    const to = day(last, 12, 31);
    // In UTC, where the package's mix of UTC parsing and local formatting is right.
    const theirs = runInZone<{ work: boolean; name: string }[]>('UTC', `
      const { getDayDetail } = require('chinese-days');
      const out = [];
      for (let d = ${from}; d <= ${to}; d++) out.push(getDayDetail(new Date(d * 864e5).toISOString().slice(0, 10)));
      console.log(JSON.stringify(out));`);
    expect(theirs).toHaveLength(to - from + 1);
    const mine = new Map(chinaPublicDaysBetween(from, to).map((d) => [d.day, d]));
    theirs.forEach((t, i) => {
      const d = from + i;
      const p = mine.get(d);
      const weekend = ((d + 3) % 7) + 1 >= 6;
      const works = p ? p.kind === 'workday' : !weekend;
      if (works !== t.work) throw new Error(`${formatDay(d)}: mine ${works}, package ${t.work}`);
      if (p && !t.name.startsWith(`${p.nameEn},${p.name},`)) throw new Error(`${formatDay(d)}: mine ${p.nameEn},${p.name}, package ${t.name}`);
    });
  });

  test('days are returned in order and as copies', () => {
    const a = chinaPublicDays(2025);
    for (let i = 1; i < a.length; i++) expect(a[i].day).toBeGreaterThan(a[i - 1].day);
    a[0].name = 'changed';
    expect(chinaPublicDays(2025)[0].name).toBe('元旦');
  });

  test('only a mainland China locale takes the State Council holidays', () => {
    expect(['zh_CN', 'zh-CN', 'ZH_cn', 'zh_Hans_CN'].map(usesChinaHolidays)).toEqual([true, true, true, true]);
    expect(['zh_TW', 'zh_HK', 'zh', 'en_US', 'en_CN', '', null, undefined].map(usesChinaHolidays)).toEqual(Array(8).fill(false));
  });
});
