/**
 * How many Utilities.formatDate calls the built bundle makes to learn the spreadsheet's time
 * zone, and that every day stays right: RFM over two years of date cells (one customer per
 * day, so that each day's last order and recency show in the result), in a zone without
 * daylight saving, two with it, and Morocco (a Ramadan break each year: changes 35 days apart).
 * The days expected come from Intl (the fakes build date cells and show dates with it).
 */
import { OFFSET_RULES } from '../../src/core/dates';
import { LIMITS, type CallCounts } from '../../tools/gas/fakes';
import { zoneOffsetMs } from '../../tools/gas/zone';
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { bundle, column, Grid, shownDate } from '../support/bundle';
import { daysBetween } from '../support/referenceData';

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Africa/Casablanca'];
/** The document cache key the adapter keeps a zone's runs under. */
const KEY = (tz: string): string => `kehu.zone.${OFFSET_RULES}.${tz}`;

/** Every date from 2024-01-01 to 2025-12-31 as 'YYYY-MM-DD'. */
const DAYS: string[] = [];
for (let t = Date.UTC(2024, 0, 1); t <= Date.UTC(2025, 11, 31); t += 86_400_000) DAYS.push(new Date(t).toISOString().slice(0, 10));

/** Customer C<i> orders on day i and 100 days before it (when that is in the period), rows shuffled. */
function orderLog(): { customer: string; date: string; amount: number }[] {
  const rows = DAYS.flatMap((date, i) => [{ customer: `C${i}`, date, amount: 10 }, ...(i >= 100 ? [{ customer: `C${i}`, date: DAYS[i - 100], amount: 5 }] : [])]);
  // A fixed shuffle: Sheets hands rows in whatever order the team keeps them.
  let s = 12345;
  for (let i = rows.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

const ORDERS = orderLog();

function args(b: LoadedBundle): [Grid, Grid, Grid, Date] {
  return [
    column(b, ORDERS.map((o) => o.customer)),
    column(b, ORDERS.map((o) => o.date), true),
    column(b, ORDERS.map((o) => o.amount)),
    b.realm.date(2026, 1, 1),
  ];
}

/**
 * Each customer's last order day and recency against Intl: customer C<i>'s last order is the
 * date cell of day i, shown in `tz` (the spreadsheet's zone when the call ran).
 */
function expectEveryDayRight(b: LoadedBundle, result: unknown[][], tz: string): void {
  const rows = new Map(result.slice(1).map((r) => [r[0] as string, r]));
  expect(rows.size).toBe(DAYS.length);
  const analysis = shownDate(b.realm.date(2026, 1, 1), tz);
  const wrong: unknown[] = [];
  DAYS.forEach((day, i) => {
    const row = rows.get(`C${i}`)!;
    const want = shownDate(b.realm.date(+day.slice(0, 4), +day.slice(5, 7), +day.slice(8, 10)), tz);
    const shown = shownDate(row[1] as Date, tz);
    if (shown !== want || row[2] !== daysBetween(want, analysis)) wrong.push([day, shown, row[2], want]);
  });
  expect(wrong).toEqual([]);
}

/** RFM as Sheets runs it: one custom-function execution, on a fresh global scope over the same document. */
function callRfm(b: LoadedBundle): { result: unknown[][]; calls: CallCounts; formatDates: number } {
  const r = b.run('RFM', { authMode: 'CUSTOM_FUNCTION', args: args(b) });
  if (!r.ok) throw new Error(r.error!.message);
  return { result: r.value as unknown[][], calls: r.calls, formatDates: r.calls.get('Utilities.formatDate') ?? 0 };
}

/** Offset changes of a zone in the period, found with Intl (hourly steps). */
function changesInPeriod(tz: string): number {
  let n = 0;
  let prev = zoneOffsetMs(tz, Date.UTC(2023, 11, 31));
  for (let t = Date.UTC(2023, 11, 31); t <= Date.UTC(2026, 0, 2); t += 3_600_000) {
    const o = zoneOffsetMs(tz, t);
    if (o !== prev) n++;
    prev = o;
  }
  return n;
}

/**
 * The most formatDate calls a call may make: looks 27 days apart over the 731 days (29), and at
 * most 6 per change (a binary search over the 27 days between two looks, and one look for the
 * start of a day). That is 29 without daylight saving and 53 with two changes a year.
 */
const atMost = (tz: string): number => Math.ceil(731 / 27) + 1 + 6 * changesInPeriod(tz);

describe.each(ZONES)('RFM over two years of dates in %s', (tz) => {
  let now = Date.UTC(2026, 0, 1, 9);
  const first = bundle({ timeZone: tz, now: () => now });

  it('first call: about 50 formatDate calls at most, every day right, and what was learnt kept in the document cache', () => {
    const { result, calls, formatDates } = callRfm(first);
    expectEveryDayRight(first, result, tz);
    expect(formatDates).toBeGreaterThan(0);
    expect(formatDates).toBeLessThanOrEqual(atMost(tz));
    expect(formatDates).toBeLessThanOrEqual(53);
    expect(calls.get('CacheService.getDocumentCache')).toBe(1);
    expect(calls.get('Cache.put')).toBe(1);
  });

  it('a later call (another execution) makes none, with the same days', () => {
    now += 30 * 60_000;
    const b = first.next();
    const { result, calls, formatDates } = callRfm(b);
    expectEveryDayRight(b, result, tz);
    expect(formatDates).toBe(0);
    expect(calls.get('Cache.get')).toBe(1);
    expect(calls.get('Cache.put')).toBeUndefined(); // nothing new to keep
  });

  it('a call more than an hour after the value was kept puts it again (6 more hours), still without looking', () => {
    now += 45 * 60_000;
    const { result, calls, formatDates } = callRfm(first.next());
    expectEveryDayRight(first, result, tz);
    expect(formatDates).toBe(0);
    expect(calls.get('Cache.get')).toBe(2); // read, and read again before putting back
    expect(calls.get('Cache.put')).toBe(1);
    // 6 h 30 min after the first call, past the first put's expiry: the renewed value is there.
    now += LIMITS.cacheMaxSeconds * 1000 - 45 * 60_000;
    expect(callRfm(first.next()).formatDates).toBe(0);
  });

  it('after the cache has expired (6 hours without a call), it learns again within the same bound', () => {
    now += LIMITS.cacheMaxSeconds * 1000 + 60_000;
    const b = first.next();
    const { result, formatDates } = callRfm(b);
    expectEveryDayRight(b, result, tz);
    expect(formatDates).toBeGreaterThan(0);
    expect(formatDates).toBeLessThanOrEqual(atMost(tz));
  });
});

describe('the document cache is only a saving', () => {
  const tz = 'America/New_York';

  /** Replaces one method of a fake object (after loading, so the bundle sees it). */
  function patch(target: object, method: string, fn: unknown): void {
    (target as Record<string, unknown>)[method] = fn;
  }
  const cacheService = (b: LoadedBundle) => b.fakes.globals.CacheService as { getDocumentCache(): { get(k: string): string | null; put(k: string, v: string): void } };

  it('without a document cache (null outside a document), every call learns, within the bound', () => {
    const b = bundle({ timeZone: tz });
    for (const run of [b, b.next()]) {
      patch(cacheService(run), 'getDocumentCache', () => null);
      const { result, formatDates } = callRfm(run);
      expectEveryDayRight(run, result, tz);
      expect(formatDates).toBeGreaterThan(0);
      expect(formatDates).toBeLessThanOrEqual(atMost(tz));
    }
  });

  it('a cache that fails to keep (quota) or to read does not fail the formula', () => {
    const b = bundle({ timeZone: tz });
    const cache = cacheService(b).getDocumentCache();
    patch(cache, 'put', () => {
      throw new Error('Argument too large: value');
    });
    expectEveryDayRight(b, callRfm(b).result, tz);
    patch(cache, 'get', () => {
      throw new Error("We're sorry, a server error occurred. Please wait a bit and try again.");
    });
    expectEveryDayRight(b, callRfm(b).result, tz);
  });

  it('an unreadable cache value is ignored', () => {
    const b = bundle({ timeZone: tz });
    callRfm(b);
    const cache = cacheService(b).getDocumentCache();
    expect(JSON.parse(cache.get(KEY(tz))!).runs.length).toBeGreaterThan(0);
    for (const spoilt of ['{not json', '{"a":1}', '[[1,2,3]]', '{"at":1,"runs":[["x",1,2],[5,1,60]]}', 'null']) {
      cache.put(KEY(tz), spoilt);
      const { result, formatDates } = callRfm(b);
      expectEveryDayRight(b, result, tz);
      expect(formatDates).toBeGreaterThan(0);
    }
  });

  it('what was learnt is kept per zone: a spreadsheet moved to another zone does not reuse it', () => {
    const b = bundle({ timeZone: 'Europe/Berlin' });
    callRfm(b);
    // The team changes File → Settings → Time zone; the date cells stay the same instants,
    // Berlin's midnights, which are the evening before in New York.
    patch(b.fakes.spreadsheet, 'getSpreadsheetTimeZone', () => 'America/New_York');
    const { result, formatDates } = callRfm(b);
    expect(formatDates).toBeGreaterThan(0);
    expectEveryDayRight(b, result, 'America/New_York');
    expect(shownDate(result.find((r) => r[0] === 'C0')![1] as Date, 'America/New_York')).toBe('2023-12-31');
  });
});

it('the kept value stays far below the 100 KB a cache value may hold', () => {
  const b = bundle({ timeZone: 'Europe/Berlin' });
  callRfm(b);
  const value = (b.fakes.globals.CacheService as { getDocumentCache(): { get(k: string): string | null } }).getDocumentCache().get(KEY('Europe/Berlin'))!;
  expect(value.length).toBeGreaterThan(0);
  expect(value.length).toBeLessThan(LIMITS.cacheValueBytes / 100);
});
