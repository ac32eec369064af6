/**
 * Service calls, not CPU, decide whether a run fits Apps Script's limits. A custom function
 * reads the locale and time zone once, and asks the time zone about each UTC day at most twice.
 */
import { totalCalls } from '../../tools/gas/fakes';
import { bundle, column } from '../support/bundle';
import { readRfmOrders } from '../support/referenceData';

it('RFM on 4,906 orders over two years makes a bounded number of service calls', () => {
  const b = bundle({ timeZone: 'America/New_York' });
  const orders = readRfmOrders();
  const args = [column(b, orders.map((o) => o.customer)), column(b, orders.map((o) => o.date), true), column(b, orders.map((o) => o.revenue))];
  const distinctDays = new Set(orders.map((o) => o.date)).size;
  b.calls.clear();
  b.context.RFM(...args);
  expect(b.calls.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
  expect(b.calls.get('Spreadsheet.getSpreadsheetLocale')).toBe(1);
  expect(b.calls.get('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
  // Two looks per UTC day touched (a local midnight in New York falls in one UTC day), plus
  // eleven steps of bisection for each of the four daylight-saving changes in the period.
  const formatDates = b.calls.get('Utilities.formatDate') ?? 0;
  expect(formatDates).toBeGreaterThan(0);
  expect(formatDates).toBeLessThanOrEqual(2 * distinctDays + 4 * 12 + 20);
  expect(formatDates).toBeLessThan(orders.length / 2); // per day, never per row
  expect(totalCalls(b.calls, 'Range')).toBe(0); // a custom function gets its data as arguments
});
