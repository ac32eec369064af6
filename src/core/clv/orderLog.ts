/**
 * The order log as CLV and CLVPARAMS read it: the same three columns as RFM, read with the same
 * column readers and refused with the same errors (a text amount, an unreadable date, ranges of
 * different lengths, an order without a customer, an analysis date before the last order), into
 * the plain columns the models work on.
 */
import { Arg, CellValue, isBlank } from '../cells';
import { dayAt, labelAt, numberAt, readColumn, requireSameLength } from '../columns';
import type { DayClock } from '../dates';
import { InputError } from '../errors';
import { IdIndex } from '../idIndex';
import type { ColumnarOrders } from './summary';

export interface OrderLogColumns {
  ids: Arg;
  dates: Arg;
  amounts: Arg;
}

export interface ReadOrderLog extends ColumnarOrders {
  amount: Float64Array;
  /** Each customer's id as first written (text trimmed), in order of first appearance. */
  customerIds: CellValue[];
}

export function readOrderLog(args: OrderLogColumns, analysisDayArg: number | undefined, clock: DayClock): ReadOrderLog {
  const ids = readColumn(args.ids, 'customer_ids');
  const dates = readColumn(args.dates, 'order_dates');
  const amounts = readColumn(args.amounts, 'amounts');
  requireSameLength([
    { name: 'customer_ids', values: ids },
    { name: 'order_dates', values: dates },
    { name: 'amounts', values: amounts },
  ]);

  // One column at a time, as RFM reads it (faster on large logs); an error names the first bad
  // cell of the first column that has one.
  const n = ids.length;
  const customerOf = new Int32Array(n);
  const index = new IdIndex();
  const customerIds: CellValue[] = [];
  for (let i = 0; i < n; i++) {
    const cell = ids[i][0];
    const key = typeof cell === 'string' ? cell.trim() : labelAt(ids, i, 'customer_ids');
    if (key === '') {
      if (isBlank(dates[i][0]) && isBlank(amounts[i][0])) {
        customerOf[i] = -1;
        continue;
      }
      throw new InputError('missingCustomer', { arg: 'customer_ids', index: i });
    }
    const c = index.lookupOrAdd(key);
    if (c === customerIds.length) customerIds.push(typeof cell === 'string' ? key : cell);
    customerOf[i] = c;
  }
  if (customerIds.length === 0) throw new InputError('noData', { arg: 'customer_ids' });

  const day = new Float64Array(n);
  let latestRow = -1;
  for (let i = 0; i < n; i++) {
    if (customerOf[i] < 0) continue;
    const cell = dates[i][0];
    const ms = cell instanceof Date ? cell.getTime() : NaN;
    day[i] = ms === ms ? clock.dayOf(ms) : dayAt(dates, i, 'order_dates', clock);
    if (latestRow < 0 || day[i] > day[latestRow]) latestRow = i;
  }
  const amount = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (customerOf[i] < 0) continue;
    const cell = amounts[i][0];
    amount[i] = typeof cell === 'number' ? cell : numberAt(amounts, i, 'amounts');
  }

  const latestDay = day[latestRow];
  const analysisDay = analysisDayArg ?? latestDay + 1;
  if (analysisDay < latestDay) {
    throw new InputError('analysisBeforeLastOrder', {
      arg: 'analysis_date',
      analysisDay,
      lastDay: latestDay,
      customer: customerIds[customerOf[latestRow]],
      orderRow: latestRow,
    });
  }
  return { customerOf, day, amount, customers: customerIds.length, analysisDay, customerIds };
}
