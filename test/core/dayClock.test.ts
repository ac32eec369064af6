/**
 * DayClock's sparse learning: how few looks at the zone it needs, that every day stays right in
 * zones whose changes come close together, and its memory (what it keeps between executions).
 *
 * The truth is Intl's (tools/gas/zone.ts): what a zone's wall clock reads at an instant.
 */
import fc from 'fast-check';
import { DayClock, MS_PER_DAY, type LearntRun, type OffsetMemory } from '../../src/core/dates';
import { offsetMinutes, wallTime, zonedInstant, zoneOffsetMs } from '../../tools/gas/zone';

function utcDay(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / MS_PER_DAY);
}

function intlDay(tz: string, ms: number): number {
  const w = wallTime(tz, ms);
  return utcDay(w.year, w.month, w.day);
}

/** A clock for a zone, counting its looks, with an optional memory. */
function clockFor(tz: string, memory: OffsetMemory | null = null): { clock: DayClock; looks: () => number } {
  let n = 0;
  const clock = new DayClock((ms) => {
    n++;
    return offsetMinutes(zoneOffsetMs(tz, ms));
  }, memory);
  return { clock, looks: () => n };
}

/** A memory like the document cache: one value, replaced by each keep. */
function memoryBox(initial: readonly LearntRun[] | null = null): OffsetMemory & { kept: readonly LearntRun[] | null; keeps: number } {
  const box = {
    kept: initial,
    keeps: 0,
    recall: () => box.kept,
    keep(runs: readonly LearntRun[]) {
      box.kept = runs.map((r) => [...r] as const);
      box.keeps++;
    },
  };
  return box;
}

interface Civil {
  y: number;
  m: number;
  d: number;
}

/** Every calendar date from a to b (inclusive), as civil dates. */
function datesBetween(a: Civil, b: Civil): Civil[] {
  const out: Civil[] = [];
  for (let z = utcDay(a.y, a.m, a.d); z <= utcDay(b.y, b.m, b.d); z++) {
    const t = new Date(z * MS_PER_DAY);
    out.push({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
  }
  return out;
}

/** Local midnights of every day of 2024 and 2025, as a column of date cells holds them. */
function twoYearsOfMidnights(tz: string): number[] {
  return datesBetween({ y: 2024, m: 1, d: 1 }, { y: 2025, m: 12, d: 31 }).map(({ y, m, d }) => zonedInstant(tz, y, m, d));
}

/** Whether the calendar date exists in the zone (Samoa skipped 2011-12-30). */
function exists(tz: string, { y, m, d }: Civil): boolean {
  return intlDay(tz, zonedInstant(tz, y, m, d)) === utcDay(y, m, d);
}

/** Offset changes of a zone between two instants, found with Intl (hourly steps). */
function changesBetween(tz: string, from: number, to: number): number {
  let n = 0;
  let prev = zoneOffsetMs(tz, from);
  for (let t = from + 3_600_000; t <= to; t += 3_600_000) {
    const o = zoneOffsetMs(tz, t);
    if (o !== prev) n++;
    prev = o;
  }
  return n;
}

// Two years of date cells (local midnights): the grid costs ceil(731 / 27) + 1 looks, and each
// change a binary search over the days between two grid looks (at most log2(27) + 1 looks).
const GRID_LOOKS = Math.ceil(731 / 27) + 1;
const LOOKS_PER_CHANGE = Math.ceil(Math.log2(27)) + 1;

describe('looks at the zone for two years of date cells', () => {
  const from = Date.UTC(2023, 11, 31);
  const to = Date.UTC(2026, 0, 2);

  it.each(['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Africa/Casablanca', 'Australia/Lord_Howe', 'America/Havana'])(
    '%s: at most about 50, in any order of the rows, and every day right',
    (tz) => {
      const midnights = twoYearsOfMidnights(tz);
      const changes = changesBetween(tz, from, to);
      const bound = GRID_LOOKS + changes * LOOKS_PER_CHANGE;
      const orders: [string, number[]][] = [
        ['oldest first', midnights],
        ['newest first', [...midnights].reverse()],
        ['shuffled', fc.sample(fc.shuffledSubarray(midnights, { minLength: midnights.length }), { numRuns: 1, seed: 7 })[0]],
      ];
      for (const [, rows] of orders) {
        const { clock, looks } = clockFor(tz);
        for (const ms of rows) expect(clock.dayOf(ms)).toBe(intlDay(tz, ms));
        expect(looks()).toBeLessThanOrEqual(bound);
        expect(looks()).toBeLessThanOrEqual(52);
      }
    },
  );

  it('a time of day no change can move to another day costs only the grid (noon in New York)', () => {
    const { clock, looks } = clockFor('America/New_York');
    for (const { y, m, d } of datesBetween({ y: 2024, m: 1, d: 1 }, { y: 2025, m: 12, d: 31 })) {
      const noon = zonedInstant('America/New_York', y, m, d, 12, 0);
      expect(clock.dayOf(noon)).toBe(utcDay(y, m, d));
    }
    expect(looks()).toBeLessThanOrEqual(GRID_LOOKS);
  });

  it('the first and last minute of every day of two years, and every day start, in Berlin', () => {
    const tz = 'Europe/Berlin';
    const { clock, looks } = clockFor(tz);
    for (const { y, m, d } of datesBetween({ y: 2024, m: 1, d: 1 }, { y: 2025, m: 12, d: 31 })) {
      const day = utcDay(y, m, d);
      const midnight = zonedInstant(tz, y, m, d);
      expect(clock.dayOf(midnight)).toBe(day);
      expect(clock.dayOf(zonedInstant(tz, y, m, d, 23, 59) + 59_999)).toBe(day);
      expect(clock.startOfDay(day)).toBe(midnight);
    }
    // Two series of times (00:00 and 23:59) plus the starts' own checks, four changes.
    expect(looks()).toBeLessThanOrEqual(GRID_LOOKS + 4 * 3 * LOOKS_PER_CHANGE);
  });
});

// Zones and periods where consecutive changes come close: Morocco's Ramadan breaks (about 35
// days), Fiji's short summer of 2020-21 (28 days), Egypt's 2010 Ramadan break (21 days, in the
// period of 6-day spacing), Palestine's of 2011, Argentina's 12 days of 2004, Recife's 7 days of
// 2000, Gaza's predicted 2040 break (7 days), Samoa skipping 2011-12-30, and the closest changes
// of the older periods.
const CLOSE_CHANGES: [string, Civil, Civil][] = [
  ['Africa/Casablanca', { y: 2023, m: 1, d: 1 }, { y: 2026, m: 6, d: 30 }],
  ['Pacific/Fiji', { y: 2020, m: 10, d: 1 }, { y: 2021, m: 3, d: 1 }],
  ['Africa/Cairo', { y: 2010, m: 4, d: 1 }, { y: 2010, m: 12, d: 31 }],
  ['Asia/Hebron', { y: 2011, m: 3, d: 1 }, { y: 2011, m: 12, d: 31 }],
  ['America/Argentina/Tucuman', { y: 2004, m: 5, d: 1 }, { y: 2004, m: 7, d: 31 }],
  ['America/Recife', { y: 2000, m: 9, d: 1 }, { y: 2000, m: 11, d: 30 }],
  ['Asia/Gaza', { y: 2040, m: 8, d: 1 }, { y: 2040, m: 12, d: 31 }],
  ['Pacific/Apia', { y: 2011, m: 11, d: 1 }, { y: 2012, m: 4, d: 30 }],
  // The closest changes of the older periods, each just wider than its spacing.
  ['Africa/El_Aaiun', { y: 1976, m: 3, d: 1 }, { y: 1976, m: 6, d: 30 }],
  ['Europe/Simferopol', { y: 1994, m: 2, d: 1 }, { y: 1994, m: 6, d: 30 }],
  ['Africa/Tunis', { y: 1943, m: 3, d: 1 }, { y: 1943, m: 6, d: 30 }],
];

describe.each(CLOSE_CHANGES)('changes close together: %s', (tz, a, b) => {
  const days = datesBetween(a, b).filter((c) => exists(tz, c));

  it('has the changes the test is about (the fixture)', () => {
    expect(changesBetween(tz, zonedInstant(tz, a.y, a.m, a.d), zonedInstant(tz, b.y, b.m, b.d))).toBeGreaterThanOrEqual(2);
  });

  it('every day: midnight, noon and 23:59 on that day, and the day starts at its midnight', () => {
    const { clock } = clockFor(tz);
    for (const { y, m, d } of days) {
      const day = utcDay(y, m, d);
      const midnight = zonedInstant(tz, y, m, d);
      for (const ms of [midnight, zonedInstant(tz, y, m, d, 12, 0), zonedInstant(tz, y, m, d, 23, 59)]) {
        expect([y, m, d, clock.dayOf(ms)]).toEqual([y, m, d, intlDay(tz, ms)]);
      }
      expect([y, m, d, clock.startOfDay(day)]).toEqual([y, m, d, midnight]);
    }
  });

  it('any instant: the day Intl shows', () => {
    const { clock } = clockFor(tz);
    const from = zonedInstant(tz, a.y, a.m, a.d);
    const to = zonedInstant(tz, b.y, b.m, b.d);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        expect(clock.dayOf(ms)).toBe(intlDay(tz, ms));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('dates over decades (birthdays)', () => {
  it.each(['Europe/Berlin', 'Asia/Shanghai', 'America/New_York'])('%s: 20,000 from 1950 to 2005, every day right, fewer looks than a fifth of the days', (tz) => {
    const { clock, looks } = clockFor(tz);
    const days = fc.sample(fc.integer({ min: utcDay(1950, 1, 1), max: utcDay(2005, 12, 31) }), { numRuns: 20_000, seed: 5 });
    const wrong: string[] = [];
    for (const z of days) {
      const t = new Date(z * MS_PER_DAY);
      const ms = zonedInstant(tz, t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
      if (clock.dayOf(ms) !== intlDay(tz, ms)) wrong.push(t.toISOString().slice(0, 10));
    }
    expect(wrong).toEqual([]);
    // Looking twice per UTC day touched would be about 22,000 looks; the densest grids (1950s,
    // 2000s) are 6 days apart, with a few looks more per change.
    expect(looks()).toBeLessThan(new Set(days).size / 5);
  });
});

describe('a day that does not exist', () => {
  it('Samoa skipped 2011-12-30: it starts where 2011-12-31 does, and no instant falls on it', () => {
    const tz = 'Pacific/Apia';
    const { clock } = clockFor(tz);
    const dec30 = utcDay(2011, 12, 30);
    // Until 2011-12-29 23:59:59 at -10:00 (10:00 UTC on the 30th), then 2011-12-31 00:00 at +14:00.
    const change = Date.UTC(2011, 11, 30, 10);
    expect(clock.dayOf(change - 1)).toBe(dec30 - 1);
    expect(clock.dayOf(change)).toBe(dec30 + 1);
    expect(clock.startOfDay(dec30)).toBe(change);
    expect(clock.startOfDay(dec30 + 1)).toBe(change);
  });
});

describe('instants at any time of day', () => {
  it.each(['America/New_York', 'Africa/Casablanca', 'Australia/Lord_Howe'])('%s: 5,000 of them over two years stay right, at a bounded cost', (tz) => {
    const { clock, looks } = clockFor(tz);
    const from = Date.UTC(2024, 0, 1);
    const to = Date.UTC(2026, 0, 1);
    const instants = fc.sample(fc.integer({ min: from, max: to }), { numRuns: 5000, seed: 11 });
    for (const ms of instants) expect(clock.dayOf(ms)).toBe(intlDay(tz, ms));
    // Each change may need a search to the minute for the instants nearest to it, never one
    // look per instant.
    expect(looks()).toBeLessThanOrEqual(GRID_LOOKS + changesBetween(tz, from, to) * 2 * (Math.ceil(Math.log2(27 * 1440)) + 1));
  });
});

describe('what it keeps between executions', () => {
  const tz = 'America/New_York';

  it('a clock that recalls what another kept answers the same days without looking', () => {
    const memory = memoryBox();
    const first = clockFor(tz, memory);
    const midnights = twoYearsOfMidnights(tz);
    const days = midnights.map((ms) => first.clock.dayOf(ms));
    expect(first.looks()).toBeGreaterThan(0);
    first.clock.saveLearnt();
    expect(memory.keeps).toBe(1);

    const second = clockFor(tz, memory);
    expect(midnights.map((ms) => second.clock.dayOf(ms))).toEqual(days);
    expect(midnights.map((ms) => second.clock.dayOf(ms))).toEqual(midnights.map((ms) => intlDay(tz, ms)));
    expect(second.looks()).toBe(0);
    // Nothing new learnt: nothing to keep.
    second.clock.saveLearnt();
    expect(memory.keeps).toBe(1);
  });

  it('recalls only when it must look, and keeps nothing when it never looked', () => {
    let recalls = 0;
    const memory: OffsetMemory = {
      recall: () => {
        recalls++;
        return null;
      },
      keep: () => {
        throw new Error('nothing to keep');
      },
    };
    const { clock } = clockFor(tz, memory);
    clock.saveLearnt();
    expect(recalls).toBe(0);
    clock.dayOf(Date.UTC(2024, 5, 1));
    clock.dayOf(Date.UTC(2024, 5, 2));
    expect(recalls).toBe(1);
  });

  it('keeping merges with what another execution kept meanwhile', () => {
    const memory = memoryBox();
    const a = clockFor(tz, memory);
    const b = clockFor(tz, memory);
    const year2024 = twoYearsOfMidnights(tz).slice(0, 366);
    const year2025 = twoYearsOfMidnights(tz).slice(366);
    year2024.forEach((ms) => a.clock.dayOf(ms));
    year2025.forEach((ms) => b.clock.dayOf(ms));
    a.clock.saveLearnt();
    b.clock.saveLearnt(); // recalls a's runs before keeping its own
    const c = clockFor(tz, memory);
    for (const ms of [...year2024, ...year2025]) expect(c.clock.dayOf(ms)).toBe(intlDay(tz, ms));
    expect(c.looks()).toBe(0);
  });

  it('ignores kept runs that are not runs, and keeps what it saw over a contradicting one', () => {
    const jan2024 = Date.UTC(2024, 0, 15) / 60_000;
    const garbage = [
      'text',
      [1, 2],
      [5, 1, 60], // ends before it starts
      [0.5, 10, 60],
      [100, 200, 20 * 60], // beyond any offset
      null,
    ] as unknown as LearntRun[];
    const memory = memoryBox(garbage);
    const { clock } = clockFor(tz, memory);
    const ms = jan2024 * 60_000;
    expect(clock.dayOf(ms)).toBe(intlDay(tz, ms));
    // Another execution kept a wrong offset meanwhile (say, the zone's rules changed): what
    // this clock saw wins, and the contradicting run is dropped.
    const seen = clock.learnt();
    expect(seen.length).toBeGreaterThan(0);
    memory.kept = [[seen[0][0], seen[0][1], seen[0][2] + 7]];
    clock.dayOf(ms + 400 * MS_PER_DAY); // learns something new, so that saving keeps
    clock.saveLearnt();
    expect(memory.kept).toEqual(clock.learnt());
    expect(memory.kept!.some(([, , offset]) => offset === seen[0][2] + 7)).toBe(false);
  });
});

it('an offset that is not whole minutes within 18 hours is an error, not an endless search', () => {
  for (const bad of [NaN, 0.5, 19 * 60, Infinity]) {
    const clock = new DayClock(() => bad);
    expect(() => clock.dayOf(Date.UTC(2024, 0, 1))).toThrow(`Unexpected time zone offset: ${bad} minutes`);
  }
});
