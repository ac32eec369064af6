/**
 * The daily run's query when the orders live in BigQuery: one row per customer with the sums the
 * run's own classification starts from (classify.ts orderFiguresOf, clv/summary.ts), so the
 * warehouse scans the millions of orders and the sheet receives only one row per customer.
 *
 * The scores, classes and tiers are then computed by the run itself (classifyCustomers with
 * these figures), not in SQL as RFMSQL does: the run scores only the customers of the customer
 * table, groups RFM by the customer table's region column, scores ABC on a window of months and
 * the tier history lives in the sheet; the same code on the same figures gives the same answer.
 *
 * Columns (one row per trimmed customer id, ordered by it):
 * - orders, amount: order rows and their exact sum (NUMERIC, then FLOAT64), all dates;
 * - last_day: the latest order day, as a day number (days since 1970-01-01, as dates.ts);
 * - window_amount: the sum over days from `windowFirstDay` to `today` (ABC's window);
 * - purchase_days, first_day_alive, last_day_alive: distinct order days, first and last, up to
 *   `today` (what the lifetime model reads: orders after the analysis day are left out);
 * - amount_12m, orders_12m: sum and count from `yearFirstDay` to `today` (the dashboard's
 *   12-month revenue and active customers);
 * - window_margin, with a margin column only: the margins' sum in the ABC window, NULL when no
 *   order there has one (classify.ts: the quadrant needs a margin seen in the window).
 *
 * A row without a customer, date or amount is left out, as the sheet's order reader leaves such a
 * row out of the classification (the warehouse's rows get no per-customer data-problem flag).
 */
import { formatDay } from '../dates';
import { and, binary, call, cast, caseWhen, Expr, name, num, Query, Select, SelectItem, text, userColumn } from './tree';

export interface DailyQueryOptions {
  /** The table's checked parts: project, dataset, table (identifiers.ts). */
  table: string[];
  customerColumn: string;
  dateColumn: string;
  amountColumn: string;
  /** The margin column, when the team has one: the quadrant's margin rate. */
  marginColumn?: string;
  /** The run's day (day number, the spreadsheet's calendar). */
  today: number;
  /** The first day of the ABC window (classify.ts abcWindowFirstDay). */
  windowFirstDay: number;
  /** The first day of the dashboard's 12 months (abcWindowFirstDay(today, 12)). */
  yearFirstDay: number;
}

/** Output columns, in order. */
export const DAILY_SQL_COLUMNS = [
  'customer_id', 'orders', 'amount', 'last_day', 'window_amount', 'purchase_days', 'first_day_alive', 'last_day_alive', 'amount_12m', 'orders_12m',
] as const;

const item = (expr: Expr, as?: string): SelectItem => ({ expr, as });
const isNull = (expr: Expr): Expr => ({ kind: 'isNull', expr, negated: false });
const day = (d: number): Expr => ({ kind: 'dateLiteral', iso: formatDay(d) });
/** A date as the core's day number: whole days since 1970-01-01. */
const dayNumber = (date: Expr): Expr => ({ kind: 'daysBetween', from: day(0), to: date });

export function dailyQuery(o: DailyQueryOptions): Query {
  const id = userColumn(o.customerColumn);
  const date = userColumn(o.dateColumn);
  const amount = userColumn(o.amountColumn);
  const blankId = binary('OR', isNull(id), binary('=', call('trim', cast(id, 'text')), text('')));
  const orderRows: Select = {
    items: [
      item(call('trim', cast(id, 'text')), 'customer_id'),
      item(cast(date, 'date'), 'order_date'),
      // Exact decimals: a customer's sum does not depend on the order of the rows.
      item(cast(amount, 'decimal'), 'amount'),
      // A blank margin stays NULL (an order without a margin), as the sheet reads a blank cell.
      ...(o.marginColumn === undefined ? [] : [item(cast(userColumn(o.marginColumn), 'decimal'), 'margin')]),
    ],
    from: { kind: 'userTable', path: o.table },
    where: { kind: 'not', expr: binary('OR', binary('OR', blankId, isNull(date)), isNull(amount)) },
  };

  const orderDate = name('order_date');
  const between = (first: number) => and([binary('>=', orderDate, day(first)), binary('<=', orderDate, day(o.today))]);
  const inWindow = between(o.windowFirstDay);
  const inYear = between(o.yearFirstDay);
  const upToToday = caseWhen([[binary('<=', orderDate, day(o.today)), orderDate]]);
  const final: Select = {
    items: [
      item(name('customer_id')),
      item(call('count', { kind: 'star' }), 'orders'),
      item(cast(call('sum', name('amount')), 'float'), 'amount'),
      item(dayNumber(call('max', orderDate)), 'last_day'),
      item(cast(call('coalesce', call('sum', caseWhen([[inWindow, name('amount')]])), num(0)), 'float'), 'window_amount'),
      item(call('countDistinct', upToToday), 'purchase_days'),
      item(dayNumber(call('min', upToToday)), 'first_day_alive'),
      item(dayNumber(call('max', upToToday)), 'last_day_alive'),
      item(cast(call('coalesce', call('sum', caseWhen([[inYear, name('amount')]])), num(0)), 'float'), 'amount_12m'),
      item(call('count', caseWhen([[inYear, num(1)]])), 'orders_12m'),
      ...(o.marginColumn === undefined ? [] : [item(cast(call('sum', caseWhen([[inWindow, name('margin')]])), 'float'), 'window_margin')]),
    ],
    from: { kind: 'parts', names: ['order_rows'] },
    groupBy: [name('customer_id')],
    orderBy: [{ expr: name('customer_id') }],
  };

  return {
    comments: [`Kehu daily run: per-customer order figures up to ${formatDay(o.today)} (ABC window from ${formatDay(o.windowFirstDay)}).`],
    parts: [{ name: 'order_rows', select: orderRows }],
    final,
  };
}
