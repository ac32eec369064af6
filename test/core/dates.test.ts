/**
 * Civil day arithmetic, date text, and DayClock (instants → the spreadsheet's calendar days).
 *
 * Expected days are computed independently of the code under test: with Date.UTC for the
 * calendar, and with Intl (tools/gas/zone.ts) for what a zone's wall clock reads.
 */
import fc from 'fast-check';
import { civilFromDays, DayClock, daysFromCivil, formatDay, MS_PER_DAY, parseDateText } from '../../src/core/dates';
import { offsetMinutes, wallTime, zonedInstant, zoneOffsetMs } from '../../tools/gas/zone';

/** Days since 1970-01-01 of a civil date, by the platform's own calendar (years 0..9999 literal). */
function utcDay(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / MS_PER_DAY);
}

/** The calendar day a zone's wall clock shows at instant ms, read through Intl. */
function intlDay(tz: string, ms: number): number {
  const w = wallTime(tz, ms);
  return utcDay(w.year, w.month, w.day);
}

/** A DayClock for a zone, counting how often it asks the zone for an offset. */
function clockFor(tz: string): { clock: DayClock; calls: () => number } {
  let n = 0;
  const clock = new DayClock((ms) => {
    n++;
    return offsetMinutes(zoneOffsetMs(tz, ms));
  });
  return { clock, calls: () => n };
}

function daysOf2024(): { y: number; m: number; d: number }[] {
  const out = [];
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += MS_PER_DAY) {
    const dt = new Date(t);
    out.push({ y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() });
  }
  return out;
}

describe('daysFromCivil / civilFromDays', () => {
  it('puts 1970-01-01 at day 0 and knows a few landmarks', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017); // 30 years (7 leap days) + Jan, Feb 2000 (29 days): 10957 + 31 + 29
    expect(daysFromCivil(2024, 3, 5)).toBe(utcDay(2024, 3, 5));
    expect(civilFromDays(0)).toEqual({ y: 1970, m: 1, d: 1 });
    expect(formatDay(daysFromCivil(2024, 2, 29))).toBe('2024-02-29');
  });

  it('agrees with the platform calendar for any date in years 1..9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const last = new Date(Date.UTC(2000, m, 0)).getUTCDate(); // days in month m of a leap year
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        const days = m === 2 ? (leap ? 29 : 28) : last;
        fc.pre(d <= days);
        expect(daysFromCivil(y, m, d)).toBe(utcDay(y, m, d));
      }),
    );
  });

  it('round-trips: civilFromDays(daysFromCivil(date)) is the date, and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3_000_000, max: 3_000_000 }), (z) => {
        const { y, m, d } = civilFromDays(z);
        expect(m).toBeGreaterThanOrEqual(1);
        expect(m).toBeLessThanOrEqual(12);
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(31);
        expect(daysFromCivil(y, m, d)).toBe(z);
      }),
    );
  });

  it('the day after a day is the next calendar date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 2_900_000 }), (z) => {
        const a = civilFromDays(z);
        const b = civilFromDays(z + 1);
        const next = new Date(0);
        next.setUTCFullYear(a.y, a.m - 1, a.d + 1);
        expect(b).toEqual({ y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() });
      }),
    );
  });
});

describe('parseDateText', () => {
  const day = (y: number, m: number, d: number) => utcDay(y, m, d);

  it.each([
    ['2024-03-05', day(2024, 3, 5)],
    ['2024/3/5', day(2024, 3, 5)],
    ['2024/03/05', day(2024, 3, 5)],
    ['2024-3-5', day(2024, 3, 5)],
    ['2024年3月5日', day(2024, 3, 5)],
    ['2024年03月05日', day(2024, 3, 5)],
    ['2024-03-05 14:30', day(2024, 3, 5)],
    ['2024-03-05T14:30:15', day(2024, 3, 5)],
    ['2024-03-05 00:00:00.000', day(2024, 3, 5)],
    ['2024/3/5 9:05', day(2024, 3, 5)],
    ['2024年3月5日 14:30', day(2024, 3, 5)],
    ['  2024-03-05  ', day(2024, 3, 5)],
    ['2024-02-29', day(2024, 2, 29)],
    ['2000-02-29', day(2000, 2, 29)],
    ['1999-12-31', day(1999, 12, 31)],
  ])('reads %j', (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  it.each([
    '03/05/2024', // month/day or day/month: ambiguous
    '5/3/2024',
    '5.3.2024',
    '05-03-2024',
    '24-03-05', // two-digit year
    '2024-02-30',
    '2023-02-29', // not a leap year
    '1900-02-29', // not a leap year either
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-03/05', // mixed separators
    '2024-03',
    '20240305',
    '',
    '   ',
    'yesterday',
    '2024-03-05 noon',
    '2024-03-05 25:99', // not a time of day
    '2024年3月5日 24:00',
  ])('rejects %j', (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it('reads any real date written year-first, in each accepted form', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000 + 719_468, max: 2_932_896 }), fc.constantFrom('-', '/', 'zh'), fc.boolean(), (z, form, pad) => {
        const { y, m, d } = civilFromDays(z);
        fc.pre(y >= 1000 && y <= 9999);
        const mm = pad ? String(m).padStart(2, '0') : String(m);
        const dd = pad ? String(d).padStart(2, '0') : String(d);
        const text = form === 'zh' ? `${y}年${mm}月${dd}日` : `${y}${form}${mm}${form}${dd}`;
        expect(parseDateText(text)).toBe(utcDay(y, m, d));
      }),
    );
  });
});

// Zones with daylight saving at 02:00 (New York, London), a 30-minute change (Lord Howe), none
// (Shanghai), the extreme offsets +14 and -11, and changes at midnight itself (Santiago skips
// midnight in September; Havana skips it in March and repeats it in November).
const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Shanghai',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'America/Santiago',
  'America/Havana',
];

describe('DayClock', () => {
  const year = daysOf2024();

  describe.each(ZONES)('in %s', (tz) => {
    it('maps local midnight and local 23:59 of every day of 2024 to that day', () => {
      const { clock } = clockFor(tz);
      for (const { y, m, d } of year) {
        const expected = utcDay(y, m, d);
        const midnight = zonedInstant(tz, y, m, d, 0, 0);
        const lateEvening = zonedInstant(tz, y, m, d, 23, 59);
        // The fixture itself: Intl agrees these instants are on that day.
        expect(intlDay(tz, midnight)).toBe(expected);
        expect(clock.dayOf(midnight)).toBe(expected);
        expect(clock.dayOf(lateEvening)).toBe(expected);
        expect(clock.dayOf(lateEvening + 59_999)).toBe(expected);
      }
    });

    it('startOfDay(day) is the local midnight (the first instant of the day)', () => {
      const { clock } = clockFor(tz);
      for (const { y, m, d } of year) {
        const day = utcDay(y, m, d);
        const start = clock.startOfDay(day);
        expect(start).toBe(zonedInstant(tz, y, m, d, 0, 0));
        expect(intlDay(tz, start)).toBe(day);
        expect(intlDay(tz, start - 1)).toBe(day - 1);
      }
    });

    it('asks the zone a few dozen times for a year, however many instants it reads', () => {
      const { clock, calls } = clockFor(tz);
      for (const { y, m, d } of year) {
        const day = utcDay(y, m, d);
        clock.dayOf(zonedInstant(tz, y, m, d, 0, 0));
        clock.dayOf(zonedInstant(tz, y, m, d, 12, 0));
        clock.dayOf(zonedInstant(tz, y, m, d, 23, 59));
        clock.startOfDay(day);
      }
      const afterFirstPass = calls();
      // Looks 27 days apart cover the year (15, and one more where the grid does not line up
      // with it); each of the (at most two) changes costs a search over the days between two
      // of them (5 looks) for each time of day a change can move to another day, and a look or
      // two for the day starts. Two looks per UTC day would be over 730.
      expect(afterFirstPass).toBeLessThanOrEqual(16 + 2 * (2 * 5 + 2));
      // Reading the same days again costs nothing.
      for (const { y, m, d } of year) clock.dayOf(zonedInstant(tz, y, m, d, 6, 30));
      expect(calls()).toBe(afterFirstPass);
    });

    it('agrees with Intl on the day of any instant around 2024', () => {
      const { clock } = clockFor(tz);
      const from = Date.UTC(2023, 11, 25);
      const to = Date.UTC(2025, 0, 7);
      fc.assert(
        fc.property(fc.integer({ min: from, max: to }), (ms) => {
          expect(clock.dayOf(ms)).toBe(intlDay(tz, ms));
        }),
        { numRuns: 2000 },
      );
    });
  });

  it('DST days in New York: 2024-03-10 is 23 hours long, 2024-11-03 is 25 hours long', () => {
    const { clock } = clockFor('America/New_York');
    const mar10 = utcDay(2024, 3, 10);
    const nov3 = utcDay(2024, 11, 3);
    expect(clock.startOfDay(mar10 + 1) - clock.startOfDay(mar10)).toBe(23 * 3_600_000);
    expect(clock.startOfDay(nov3 + 1) - clock.startOfDay(nov3)).toBe(25 * 3_600_000);
    // 05:00 UTC is midnight EST (before the March change) but 01:00 EDT after it.
    expect(clock.startOfDay(mar10)).toBe(Date.UTC(2024, 2, 10, 5));
    expect(clock.startOfDay(mar10 + 1)).toBe(Date.UTC(2024, 2, 11, 4));
    expect(clock.dayOf(Date.UTC(2024, 10, 3, 4, 30))).toBe(nov3); // 00:30 EDT
    expect(clock.dayOf(Date.UTC(2024, 10, 4, 4, 59))).toBe(nov3); // 23:59 EST
  });

  it('a skipped midnight: the day starts at 01:00 (Santiago, 2024-09-08)', () => {
    const { clock } = clockFor('America/Santiago');
    const sep8 = utcDay(2024, 9, 8);
    // Until then -04:00; from 24:00 on Sep 7 the clocks read 01:00 at -03:00, i.e. 04:00 UTC.
    expect(clock.startOfDay(sep8)).toBe(Date.UTC(2024, 8, 8, 4));
    expect(clock.dayOf(Date.UTC(2024, 8, 8, 4) - 1)).toBe(sep8 - 1);
  });

  it('the extreme offsets: +14 and -11 are 25 hours apart on the same UTC instant', () => {
    const kiri = clockFor('Pacific/Kiritimati').clock;
    const pago = clockFor('Pacific/Pago_Pago').clock;
    const noonUtc = Date.UTC(2024, 5, 15, 12);
    expect(kiri.dayOf(noonUtc)).toBe(utcDay(2024, 6, 16)); // 02:00 on the 16th
    expect(pago.dayOf(noonUtc)).toBe(utcDay(2024, 6, 15)); // 01:00 on the 15th
    expect(kiri.startOfDay(utcDay(2024, 6, 16))).toBe(Date.UTC(2024, 5, 15, 10));
    expect(pago.startOfDay(utcDay(2024, 6, 15))).toBe(Date.UTC(2024, 5, 15, 11));
  });
});
