/**
 * Service calls, not CPU, decide whether a run fits Apps Script's limits. A custom function
 * reads the locale and time zone once, asks the time zone about a sparse grid of instants (and a
 * few more around each change), and keeps what it learnt in the document cache for the next call.
 */
import { totalCalls } from '../../tools/gas/fakes';
import { zoneOffsetMs } from '../../tools/gas/zone';
import { bundle, column } from '../support/bundle';
import { readRfmOrders } from '../support/referenceData';

it('RFM on 4,906 orders over five years makes a bounded number of service calls, then almost none', () => {
  const b = bundle({ timeZone: 'America/New_York' });
  const orders = readRfmOrders();
  const args = [column(b, orders.map((o) => o.customer)), column(b, orders.map((o) => o.date), true), column(b, orders.map((o) => o.revenue))];
  b.calls.clear();
  b.context.RFM(...args);
  expect(b.calls.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
  expect(b.calls.get('Spreadsheet.getSpreadsheetLocale')).toBe(1);
  expect(b.calls.get('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
  // The orders (2001-2006) fall before 2011, where zones changed as little as 7 days apart, so
  // the grid of looks is 6 days apart there: one look per 6-day cell the dates touch (at most
  // one more at either end), and at most 6 per change (a binary search over the 6 days, a day
  // start) of the zone's offset.
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const cells = new Set(orders.map((o) => Math.floor(day(o.date) / 6))).size;
  const dates = orders.map((o) => day(o.date)).sort((x, y) => x - y);
  let changes = 0;
  for (let t = dates[0] * 86_400_000, prev = zoneOffsetMs('America/New_York', t); t <= (dates[dates.length - 1] + 1) * 86_400_000; t += 6 * 3_600_000) {
    const o = zoneOffsetMs('America/New_York', t);
    if (o !== prev) changes++;
    prev = o;
  }
  expect(changes).toBe(10); // the fixture: spring and autumn of 2002 to 2006
  const formatDates = b.calls.get('Utilities.formatDate') ?? 0;
  expect(formatDates).toBeGreaterThan(0);
  expect(formatDates).toBeLessThanOrEqual(cells + 2 + changes * 6);
  const distinctDays = new Set(orders.map((o) => o.date)).size;
  expect(formatDates).toBeLessThan(distinctDays / 4); // far from a look or two per day, and never per row
  // The document cache: opened once, read before the first look and again to merge before
  // keeping, written once.
  expect(b.calls.get('CacheService.getDocumentCache')).toBe(1);
  expect(b.calls.get('Cache.get')).toBe(2);
  expect(b.calls.get('Cache.put')).toBe(1);
  expect(totalCalls(b.calls, 'Range')).toBe(0); // a custom function gets its data as arguments

  b.calls.clear();
  b.context.RFM(...args);
  expect(b.calls.get('Utilities.formatDate')).toBeUndefined();
  expect(totalCalls(b.calls)).toBe(5); // the three reads, the cache and one value from it
});
