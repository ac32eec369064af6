/**
 * spreadsheetClock, the clock the automation's runs use: the dates a daily run reads (orders and
 * review dates as date cells, contacts at the schedule's times of day, today, four weeks of
 * schedule days ahead) cost about 50 Utilities.formatDate calls for two years of them, none on
 * a run within the cache's 6 hours, and every day is the one Intl shows. Runs the adapter on the
 * Apps Script fakes (the bundle's globals do not include it).
 */
import { encodeKept, spreadsheetClock } from '../../src/adapters/timeZone';
import { MS_PER_DAY } from '../../src/core/dates';
import { createGasFakes, LIMITS, type GasFakes } from '../../tools/gas/fakes';
import { wallTime, zonedInstant } from '../../tools/gas/zone';

function utcDay(y: number, m: number, d: number): number {
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

function intlDay(tz: string, ms: number): number {
  const w = wallTime(tz, ms);
  return utcDay(w.year, w.month, w.day);
}

/** Makes the fakes the adapter's globals, as Apps Script's services are. */
function install(fakes: GasFakes): void {
  Object.assign(globalThis, { Utilities: fakes.globals.Utilities, CacheService: fakes.globals.CacheService });
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const SLOTS = [[9, 0], [10, 30], [13, 30], [14, 30], [15, 30], [16, 30]];

/** The instants a daily run on 2026-01-02 reads, over two years of history, in a fixed random order. */
function dailyRunInstants(tz: string): number[] {
  const rnd = lcg(3);
  const civil = (day: number) => {
    const t = new Date(day * MS_PER_DAY);
    return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()] as const;
  };
  const first = utcDay(2024, 1, 1);
  const pick = () => civil(first + Math.floor(rnd() * 731));
  const out: number[] = [];
  for (let i = 0; i < 20_000; i++) out.push(zonedInstant(tz, ...pick())); // order dates
  for (let i = 0; i < 5_000; i++) out.push(zonedInstant(tz, ...pick())); // last reviewed
  for (let i = 0; i < 10_000; i++) {
    const [h, min] = SLOTS[Math.floor(rnd() * SLOTS.length)];
    out.push(zonedInstant(tz, ...pick(), h, min)); // contacts, logged at their time
  }
  out.push(Date.UTC(2026, 0, 2, 1, 0)); // now
  return out;
}

describe.each(['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Africa/Casablanca'])('a daily run in %s', (tz) => {
  let now = Date.UTC(2026, 0, 2, 1);
  const fakes = createGasFakes({ timeZone: tz, now: () => now });
  const instants = dailyRunInstants(tz);
  const today = utcDay(2026, 1, 2);
  const ahead = Array.from({ length: 28 }, (_, i) => today + i);

  /** One run: the day of every instant read, the start of each schedule day ahead; its formatDate calls. */
  function run(): number {
    install(fakes);
    fakes.calls.clear();
    const { clock, save } = spreadsheetClock(tz);
    const wrong: string[] = [];
    for (const ms of instants) if (clock.dayOf(ms) !== intlDay(tz, ms)) wrong.push(new Date(ms).toISOString());
    for (const day of ahead) {
      const start = clock.startOfDay(day);
      if (intlDay(tz, start) !== day || intlDay(tz, start - 1) !== day - 1) wrong.push(`start of day ${day}`);
      // A visit at 09:00 that day.
      if (clock.dayOf(start + 9 * 3_600_000) !== day) wrong.push(`09:00 of day ${day}`);
    }
    expect(wrong).toEqual([]);
    save();
    return fakes.calls.get('Utilities.formatDate') ?? 0;
  }

  it('first run: about 50 formatDate calls for two years of dates, every day right', () => {
    const calls = run();
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(50);
    expect(fakes.calls.get('Cache.put')).toBe(1);
  });

  it('a run within 6 hours: none', () => {
    now += 5 * 3_600_000;
    expect(run()).toBe(0);
    expect(fakes.calls.get('Cache.put')).toBeUndefined();
  });

  it('the next day (the cache expired): about 50 again', () => {
    now += LIMITS.cacheMaxSeconds * 1000;
    const calls = run();
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(50);
  });
});

it('saving twice keeps once, and a clock that learnt nothing keeps nothing', () => {
  const fakes = createGasFakes({ timeZone: 'Europe/Berlin' });
  install(fakes);
  const a = spreadsheetClock('Europe/Berlin');
  a.save();
  expect(fakes.calls.get('Cache.put')).toBeUndefined();
  a.clock.dayOf(Date.UTC(2025, 5, 1));
  a.save();
  a.save();
  a.clock.saveLearnt();
  expect(fakes.calls.get('Cache.put')).toBe(1);
});

describe('hourly runs keep the cache from expiring', () => {
  const tz = 'Europe/Berlin';
  let now = Date.UTC(2026, 0, 2, 1);
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  const asked = now;

  /** An hourly run that asks one day (as a run's frame asks today's), then saves. */
  function hourly(fakes: GasFakes): number {
    install(fakes);
    fakes.calls.clear();
    const { clock, save } = spreadsheetClock(tz);
    expect(clock.dayOf(asked)).toBe(intlDay(tz, asked));
    save();
    return fakes.calls.get('Utilities.formatDate') ?? 0;
  }

  it('a run that used a value kept over an hour ago puts it again, so that it lasts 6 more hours', () => {
    const fakes = createGasFakes({ timeZone: tz, now: () => now });
    expect(hourly(fakes)).toBeGreaterThan(0);
    for (let hour = 1; hour <= 30; hour++) {
      now += 3_600_000;
      expect(hourly(fakes)).toBe(0);
      // Within the hour of the last put nothing is put; after it, one put renews the value.
      expect(fakes.calls.get('Cache.put') ?? 0).toBeLessThanOrEqual(1);
    }
  });

  it('without runs in between, the value expires after 6 hours and the next run learns again', () => {
    const fakes = createGasFakes({ timeZone: tz, now: () => now });
    hourly(fakes);
    now += LIMITS.cacheMaxSeconds * 1000 + 1;
    expect(hourly(fakes)).toBeGreaterThan(0);
  });
});

describe('the cache value', () => {
  it('stays within the 100 KB a value may hold, keeping the latest runs', () => {
    const runs = Array.from({ length: 10_000 }, (_, i): [number, number, number] => [30_000_000 + i * 100, 30_000_000 + i * 100 + 50, i % 2 ? 60 : 120]);
    const text = encodeKept(runs, Date.UTC(2026, 0, 1));
    expect(text.length).toBeLessThanOrEqual(LIMITS.cacheValueBytes);
    const back = JSON.parse(text) as { at: number; runs: number[][] };
    expect(back.at).toBe(Date.UTC(2026, 0, 1));
    expect(back.runs.length).toBeGreaterThan(3000);
    expect(back.runs).toEqual(runs.slice(runs.length - back.runs.length));
  });
});
