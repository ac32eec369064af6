/**
 * The team's WorkCalendar: China's days off and make-up days, the team's closures, leave and
 * extra days, which rule wins, years without data, and (property) that the last/next working
 * day searches find the nearest working day, inside the precomputed window and beyond it.
 */
import fc from 'fast-check';
import { daysFromCivil, formatDay } from '../../../src/core/dates';
import { chinaPublicDaysBetween, chinaYears } from '../../../src/core/workdays/china';
import { createWorkCalendar, isoWeekday, type TeamDayRow, type WorkCalendarInput } from '../../../src/core/workdays/calendar';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const WEEKDAYS = [1, 2, 3, 4, 5];

function china(from: number, to: number, teamRows: TeamDayRow[] = [], workWeekdays = WEEKDAYS) {
  return createWorkCalendar({ workWeekdays, publicDays: chinaPublicDaysBetween(from, to), publicYears: chinaYears(), teamRows, from, to });
}

function plain(from: number, to: number, teamRows: TeamDayRow[] = [], workWeekdays = WEEKDAYS) {
  return createWorkCalendar({ workWeekdays, publicDays: [], publicYears: null, teamRows, from, to });
}

test('isoWeekday: 1970-01-01 was a Thursday, 2025-10-01 a Wednesday, 2025-09-28 a Sunday', () => {
  expect(isoWeekday(0)).toBe(4);
  expect(isoWeekday(day(2025, 10, 1))).toBe(3);
  expect(isoWeekday(day(2025, 9, 28))).toBe(7);
  expect(isoWeekday(day(1969, 12, 29))).toBe(1);
});

describe('China, National Day 2025', () => {
  const cal = china(day(2025, 1, 1), day(2026, 12, 31));

  test('1-8 October are off although six of them are weekdays; Sunday 28 Sep and Saturday 11 Oct are working days', () => {
    for (let d = day(2025, 10, 1); d <= day(2025, 10, 8); d++) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay(day(2025, 9, 28))).toBe(true);
    expect(cal.isWorkingDay(day(2025, 10, 11))).toBe(true);
    expect(cal.isWorkingDay(day(2025, 9, 27))).toBe(false); // an ordinary Saturday
    expect(cal.isWorkingDay(day(2025, 10, 9))).toBe(true);
    expect(cal.publicDayOn(day(2025, 10, 3))?.name).toBe('国庆节');
  });

  test('last and next working day jump the holiday, landing on the make-up days', () => {
    expect(formatDay(cal.lastWorkingDayOnOrBefore(day(2025, 10, 5))!)).toBe('2025-09-30');
    expect(formatDay(cal.nextWorkingDayOnOrAfter(day(2025, 10, 1))!)).toBe('2025-10-09');
    expect(formatDay(cal.lastWorkingDayOnOrBefore(day(2025, 9, 29) - 1)!)).toBe('2025-09-28');
    expect(formatDay(cal.nextWorkingDayOnOrAfter(day(2025, 10, 11))!)).toBe('2025-10-11');
  });

  test('a non-China file keeps its weekdays: 1 October 2025 works, 28 September does not', () => {
    const other = plain(day(2025, 1, 1), day(2025, 12, 31));
    expect(other.isWorkingDay(day(2025, 10, 1))).toBe(true);
    expect(other.isWorkingDay(day(2025, 9, 28))).toBe(false);
    expect(other.uncoveredYears(day(2025, 1, 1), day(2040, 1, 1))).toEqual([]);
  });

  test('2026 Spring Festival: 15-23 February off, Saturdays 14 and 28 February working', () => {
    expect(cal.isWorkingDay(day(2026, 2, 14))).toBe(true);
    for (let d = day(2026, 2, 15); d <= day(2026, 2, 23); d++) expect(cal.isWorkingDay(d)).toBe(false);
    expect(cal.isWorkingDay(day(2026, 2, 24))).toBe(true);
    expect(cal.isWorkingDay(day(2026, 2, 28))).toBe(true);
  });
});

describe('the team table', () => {
  const from = day(2025, 9, 1);
  const to = day(2025, 12, 31);
  const rows: TeamDayRow[] = [
    { from: day(2025, 11, 3), to: day(2025, 11, 5), kind: 'closed', note: '年度盘点' },
    { from: day(2025, 11, 10), to: day(2025, 11, 14), kind: 'closed', person: 'Wang.Li@Example.com', note: '年假' },
    { from: day(2025, 11, 15), to: day(2025, 11, 15), kind: 'working', note: '展会' },
    { from: day(2025, 10, 2), to: day(2025, 10, 2), kind: 'working', person: 'R07', note: '值班' },
    { from: day(2025, 11, 4), to: day(2025, 11, 4), kind: 'working', person: 'r07', note: '盘点值班' },
    { from: day(2025, 9, 28), to: day(2025, 9, 28), kind: 'closed', note: '团建' },
  ];
  const cal = china(from, to, rows);
  const wang = ['R03', '王丽', 'wang.li@example.com'];

  test('a closure is off for everyone', () => {
    for (let d = day(2025, 11, 3); d <= day(2025, 11, 5); d++) {
      expect(cal.isWorkingDay(d)).toBe(false);
      expect(cal.isWorkingDay(d, wang)).toBe(false);
    }
    expect(formatDay(cal.lastWorkingDayOnOrBefore(day(2025, 11, 5))!)).toBe('2025-10-31');
  });

  test('a person’s leave is off for that person only, found by any of their identities, case-insensitively', () => {
    for (let d = day(2025, 11, 10); d <= day(2025, 11, 14); d++) {
      expect(cal.isWorkingDay(d, wang)).toBe(false);
      expect(cal.isWorkingDay(d, 'WANG.LI@example.com')).toBe(false);
      expect(cal.isWorkingDay(d)).toBe(true);
      expect(cal.isWorkingDay(d, ['R05', '张伟'])).toBe(true);
    }
    expect(formatDay(cal.nextWorkingDayOnOrAfter(day(2025, 11, 10), wang)!)).toBe('2025-11-15'); // the team's extra Saturday
    expect(formatDay(cal.lastWorkingDayOnOrBefore(day(2025, 11, 14), wang)!)).toBe('2025-11-07');
  });

  test('the team table wins over public holidays, make-up days and weekdays', () => {
    expect(cal.isWorkingDay(day(2025, 11, 15))).toBe(true); // a Saturday made a working day
    expect(cal.isWorkingDay(day(2025, 9, 28))).toBe(false); // a make-up Sunday closed by the team
    expect(cal.isWorkingDay(day(2025, 10, 2), 'r07')).toBe(true); // on duty during National Day
    expect(cal.isWorkingDay(day(2025, 10, 2))).toBe(false);
    // A person's own row wins over the team's closure.
    expect(cal.isWorkingDay(day(2025, 11, 4), 'R07')).toBe(true);
    expect(cal.isWorkingDay(day(2025, 11, 3), 'R07')).toBe(false);
  });

  test('rows naming nobody in the team are reported, once each, as typed', () => {
    const team = [wang, ['R07', '赵强', 'zhao@example.com']];
    expect(cal.unknownPeople(team)).toEqual([]);
    const withStranger = plain(from, to, [...rows, { from, to: from, kind: 'closed', person: ' 李雷 ' }, { from: to, to, kind: 'closed', person: '李雷' }]);
    expect(withStranger.unknownPeople(team)).toEqual(['李雷']);
    expect(withStranger.unknownPeople([wang])).toEqual(['R07', '李雷']);
  });

  test('closed wins when rows of the same rank overlap', () => {
    const both = plain(from, to, [
      { from: day(2025, 12, 1), to: day(2025, 12, 5), kind: 'working' },
      { from: day(2025, 12, 3), to: day(2025, 12, 3), kind: 'closed' },
    ]);
    expect(both.isWorkingDay(day(2025, 12, 2))).toBe(true);
    expect(both.isWorkingDay(day(2025, 12, 3))).toBe(false);
  });

  test('rows with the ends reversed are ignored, not read as a long span', () => {
    const reversed = plain(from, to, [{ from: day(2025, 12, 5), to: day(2025, 12, 1), kind: 'closed' }]);
    expect(reversed.isWorkingDay(day(2025, 12, 3))).toBe(true);
  });

  test('answers outside the precomputed window are the same as inside it', () => {
    const narrow = createWorkCalendar({
      workWeekdays: WEEKDAYS, publicDays: chinaPublicDaysBetween(from, to), publicYears: chinaYears(), teamRows: rows, from: day(2025, 11, 1), to: day(2025, 11, 2),
    });
    for (let d = from; d <= to; d++) {
      for (const who of [undefined, wang, 'R07']) {
        expect(narrow.isWorkingDay(d, who)).toBe(cal.isWorkingDay(d, who));
        expect(narrow.lastWorkingDayOnOrBefore(d, who)).toBe(cal.lastWorkingDayOnOrBefore(d, who));
        expect(narrow.nextWorkingDayOnOrAfter(d, who)).toBe(cal.nextWorkingDayOnOrAfter(d, who));
      }
    }
  });
});

describe('uncovered years', () => {
  test('the years the data lacks are named; covered years are not', () => {
    const { first, last } = chinaYears();
    const cal = china(day(last, 1, 1), day(last + 1, 12, 31));
    expect(cal.uncoveredYears(day(last, 6, 1), day(last + 2, 2, 1))).toEqual([last + 1, last + 2]);
    expect(cal.uncoveredYears(day(last, 1, 1), day(last, 12, 31))).toEqual([]);
    expect(cal.uncoveredYears(day(first - 1, 12, 31), day(first, 1, 1))).toEqual([first - 1]);
    expect(cal.uncoveredYears(day(last, 2, 1), day(last, 1, 1))).toEqual([]);
  });

  test('a year without data keeps the weekdays', () => {
    const { last } = chinaYears();
    const cal = china(day(last + 1, 1, 1), day(last + 1, 12, 31));
    for (let d = day(last + 1, 1, 1); d <= day(last + 1, 12, 31); d++) expect(cal.isWorkingDay(d)).toBe(isoWeekday(d) <= 5);
  });
});

test('no working weekday and no working row: the searches answer null', () => {
  const none = plain(day(2025, 1, 1), day(2025, 1, 31), [], []);
  expect(none.isWorkingDay(day(2025, 1, 6))).toBe(false);
  expect(none.lastWorkingDayOnOrBefore(day(2025, 1, 6))).toBeNull();
  expect(none.nextWorkingDayOnOrAfter(day(2025, 1, 6))).toBeNull();
});

describe('property: the searches find the nearest working day', () => {
  const base = day(2024, 1, 1);
  const span = 900;
  const rowArb = fc.record({
    start: fc.integer({ min: -60, max: span + 60 }),
    length: fc.integer({ min: 0, max: 40 }),
    kind: fc.constantFrom<'closed' | 'working'>('closed', 'working'),
    person: fc.constantFrom(undefined, 'A', 'b'),
  }).map(({ start, length, kind, person }): TeamDayRow => ({ from: base + start, to: base + start + length, kind, person }));
  const input = fc.record({
    weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    rows: fc.array(rowArb, { maxLength: 8 }),
    useChina: fc.boolean(),
    windowStart: fc.integer({ min: 0, max: span }),
    windowLength: fc.integer({ min: 0, max: 200 }),
  });

  test('lastWorkingDayOnOrBefore and nextWorkingDayOnOrAfter', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: -30, max: span + 30 }), fc.constantFrom(undefined, 'a', 'B', ['x', 'A']), (i, offset, person) => {
        const from = base + i.windowStart;
        const spec: WorkCalendarInput = {
          workWeekdays: i.weekdays,
          publicDays: i.useChina ? chinaPublicDaysBetween(base - 400, base + span + 400) : [],
          publicYears: i.useChina ? chinaYears() : null,
          teamRows: i.rows,
          from,
          to: from + i.windowLength,
        };
        const cal = createWorkCalendar(spec);
        const d = base + offset;
        const last = cal.lastWorkingDayOnOrBefore(d, person);
        const next = cal.nextWorkingDayOnOrAfter(d, person);
        // With at least one working weekday and rows of at most 41 days, a working day is near.
        expect(last).not.toBeNull();
        expect(next).not.toBeNull();
        expect(last!).toBeLessThanOrEqual(d);
        expect(next!).toBeGreaterThanOrEqual(d);
        expect(cal.isWorkingDay(last!, person)).toBe(true);
        expect(cal.isWorkingDay(next!, person)).toBe(true);
        for (let k = last! + 1; k <= d; k++) expect(cal.isWorkingDay(k, person)).toBe(false);
        for (let k = d; k < next!; k++) expect(cal.isWorkingDay(k, person)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
