/**
 * Lunar birthday cells: every written form, the refusals and their sentences, and the solar day
 * of the birthday (中秋 2026, leap months, day 30 in a short month, the next occurrence).
 */
import fc from 'fast-check';
import { daysFromCivil, formatDay } from '../../../src/core/dates';
import { lunarBirthdayInLunarYear, lunarBirthdaysBetween, nextLunarBirthday, parseLunarBirthday } from '../../../src/core/workdays/lunar';
import { leapMonthOf, lunarMonthLength, lunarToSolarDay, solarToLunar } from '../../../src/core/workdays/lunarCalendar';
import { lunarRefusalText } from '../../../src/core/workdays/texts';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const lunar = (month: number, d: number, leap = false, year?: number) => ({
  kind: 'lunar',
  birthday: year === undefined ? { calendar: 'lunar', month, day: d, leap } : { calendar: 'lunar', month, day: d, leap, year },
});

describe('parseLunarBirthday', () => {
  test.each([
    ['农历八月十五', lunar(8, 15)],
    ['阴历八月十五', lunar(8, 15)],
    ['農曆八月十五', lunar(8, 15)],
    ['农历 8-15', lunar(8, 15)],
    ['农历8月15日', lunar(8, 15)],
    ['农历8/15', lunar(8, 15)],
    ['农历：8.15', lunar(8, 15)],
    ['  农历 八月 十五日 ', lunar(8, 15)],
    ['农历８月１５日', lunar(8, 15)], // full-width digits
    ['农历正月初一', lunar(1, 1)],
    ['农历一月初十', lunar(1, 10)],
    ['农历二月十一', lunar(2, 11)],
    ['农历三月二十', lunar(3, 20)],
    ['农历四月廿一', lunar(4, 21)],
    ['农历五月廿九', lunar(5, 29)],
    ['农历六月三十', lunar(6, 30)],
    ['农历七月卅', lunar(7, 30)],
    ['农历十月十', lunar(10, 10)],
    ['农历十一月初三', lunar(11, 3)],
    ['农历冬月初三', lunar(11, 3)],
    ['农历十二月廿三', lunar(12, 23)],
    ['农历腊月廿三', lunar(12, 23)],
    ['农历闰四月初八', lunar(4, 8, true)],
    ['阴历2020年闰四月初八', lunar(4, 8, true, 2020)],
    ['阴历1990年闰五月初八', lunar(5, 8, true, 1990)],
    ['农历1990年8月15日', lunar(8, 15, false, 1990)],
    ['农历1990-8-15', lunar(8, 15, false, 1990)],
    ['农历 1990/08/15', lunar(8, 15, false, 1990)],
    ['农历一九九〇年八月十五', lunar(8, 15, false, 1990)],
    ['农历1985年腊月三十', lunar(12, 30, false, 1985)], // 年三十 even in a year whose 腊月 had 29 days
  ])('%s', (text, expected) => {
    expect(parseLunarBirthday(text)).toEqual(expected);
  });

  test('a text without 农历/阴历 is lunar only in a column marked lunar', () => {
    for (const text of ['8-15', '八月十五', '8月15日', '1990-08-15']) expect(parseLunarBirthday(text)).toEqual({ kind: 'notLunar' });
    expect(parseLunarBirthday('8-15', true)).toEqual(lunar(8, 15));
    expect(parseLunarBirthday('八月十五', true)).toEqual(lunar(8, 15));
    expect(parseLunarBirthday('1990-08-15', true)).toEqual(lunar(8, 15, false, 1990));
    expect(parseLunarBirthday('闰六月初一', true)).toEqual(lunar(6, 1, true));
    expect(parseLunarBirthday('农历八月十五', true)).toEqual(lunar(8, 15));
  });

  test.each([
    ['农历', { reason: 'unreadable' }],
    ['农历八月', { reason: 'unreadable' }],
    ['农历生日', { reason: 'unreadable' }],
    ['农历八月十五号晚上', { reason: 'unreadable' }],
    ['农历8-15-3', { reason: 'unreadable' }],
    ['农历十三月初一', { reason: 'unreadable' }],
    ['农历13-15', { reason: 'badMonth', month: 13 }],
    ['农历0月5日', { reason: 'badMonth', month: 0 }],
    ['农历8-31', { reason: 'badDay', day: 31 }],
    ['农历8-0', { reason: 'badDay', day: 0 }],
    ['农历1850年8月15日', { reason: 'badYear', year: 1850 }],
    ['阴历1990年闰四月初八', { reason: 'noLeapMonth', year: 1990, month: 4, leapMonth: 5 }],
    ['农历2026年闰六月初一', { reason: 'noLeapMonth', year: 2026, month: 6, leapMonth: 0 }],
  ])('refuses %s', (text, refusal) => {
    expect(parseLunarBirthday(text)).toEqual({ kind: 'refused', ...refusal });
  });

  test('a refusal reads as one sentence naming the value, in Chinese and in English', () => {
    const cases: [string, RegExp, RegExp][] = [
      ['农历八月', /“农历八月”无法识别。请写成/, /'农历八月' cannot be read/],
      ['农历13-15', /月份 13 不存在/, /month 13; lunar months run from 1 to 12/],
      ['农历8-31', /日期 31 不存在/, /day 31; lunar days run from 1 to 30/],
      ['农历1850年8月15日', /1850 超出了 1900–2100 年/, /1850, outside 1900–2100/],
      ['阴历1990年闰四月初八', /1990 年没有闰四月（那年闰五月）/, /1990 had no leap month 4 \(that year's leap month was month 5\)/],
      ['农历2026年闰六月初一', /2026 年没有闰六月（那年没有闰月）/, /that year had no leap month/],
    ];
    for (const [text, zh, en] of cases) {
      const r = parseLunarBirthday(text);
      if (r.kind !== 'refused') throw new Error(`${text} was not refused`);
      expect(lunarRefusalText(r, text, 'zh')).toMatch(zh);
      expect(lunarRefusalText(r, text, 'en')).toMatch(en);
    }
  });
});

describe('solar day of a lunar birthday', () => {
  test('农历八月十五 in 2026 is 2026-09-25, in 2025 2025-10-06', () => {
    const b = { month: 8, day: 15, leap: false };
    expect(formatDay(lunarBirthdayInLunarYear(2026, b)!)).toBe('2026-09-25');
    expect(formatDay(nextLunarBirthday(day(2026, 1, 1), b)!)).toBe('2026-09-25');
    expect(formatDay(nextLunarBirthday(day(2025, 10, 6), b)!)).toBe('2025-10-06');
    expect(formatDay(nextLunarBirthday(day(2025, 10, 7), b)!)).toBe('2026-09-25');
  });

  test('a leap-month birthday: in the leap month when the year has it (闰六月 2025), else on the ordinary month (2026)', () => {
    const b = { month: 6, day: 1, leap: true };
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2026)).toBe(0);
    const in2025 = lunarBirthdayInLunarYear(2025, b)!;
    expect(formatDay(in2025)).toBe('2025-07-25');
    expect(solarToLunar(in2025)).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    // The ordinary 六月初一 of 2025 is a month earlier; a birthday not marked leap keeps to it.
    expect(formatDay(lunarBirthdayInLunarYear(2025, { ...b, leap: false })!)).toBe('2025-06-25');
    const in2026 = lunarBirthdayInLunarYear(2026, b)!;
    expect(solarToLunar(in2026)).toEqual({ year: 2026, month: 6, day: 1, leap: false });
    expect(in2026).toBe(lunarToSolarDay(2026, 6, 1));
  });

  test('day 30 falls on the 29th of a 29-day month, and stays the 30th in a 30-day month', () => {
    const b = { month: 12, day: 30, leap: false };
    for (let y = 2020; y <= 2035; y++) {
      const solar = lunarBirthdayInLunarYear(y, b)!;
      const l = solarToLunar(solar)!;
      expect(l).toEqual({ year: y, month: 12, day: lunarMonthLength(y, 12), leap: false });
      // Either way it is 除夕, the eve of the next 春节.
      expect(solar + 1).toBe(lunarToSolarDay(y + 1, 1, 1));
    }
  });

  test('a 腊月 birthday can fall in January of the next solar year', () => {
    const b = { month: 12, day: 8, leap: false };
    expect(formatDay(nextLunarBirthday(day(2026, 1, 1), b)!)).toBe('2026-01-26'); // 腊八 of lunar 2025
    expect(lunarBirthdaysBetween(day(2026, 1, 1), day(2026, 12, 31), b).map(formatDay)).toEqual(['2026-01-26']);
    expect(lunarBirthdaysBetween(day(2026, 1, 1), day(2027, 1, 31), b).map(formatDay)).toEqual(['2026-01-26', '2027-01-15']);
  });

  test('property: the next birthday is on or after today, is the birthday, and none lies in between', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: day(1950, 1, 1), max: day(2090, 12, 31) }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (today, month, d, leap) => {
          const b = { month, day: d, leap };
          const next = nextLunarBirthday(today, b)!;
          expect(next).toBeGreaterThanOrEqual(today);
          expect(next - today).toBeLessThan(390);
          const l = solarToLunar(next)!;
          expect(l.month).toBe(month);
          expect(l.day).toBe(Math.min(d, lunarMonthLength(l.year, month, l.leap)));
          expect(l.leap).toBe(leap && leapMonthOf(l.year) === month);
          expect(lunarBirthdaysBetween(today, next - 1, b)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
