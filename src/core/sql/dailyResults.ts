/**
 * The daily query's rows (dailyQuery.ts) as BigQuery's API hands them (strings or null), read
 * into what the run's classification and lifetime model take, in the customer table's order:
 * the same arrays orderFiguresOf and summarize make from an order sheet.
 */
import type { OrderFigures } from '../automation/classify';
import type { CustomerSummaries } from '../clv/summary';
import { DAILY_SQL_COLUMNS } from './dailyQuery';
import type { ResultTable } from './results';

export interface DailyFigures {
  figures: OrderFigures;
  /** For the lifetime model: purchase days, first and last purchase day up to the run's day. */
  lifetime: CustomerSummaries;
  /** For the dashboard: revenue and whether any order in the last 12 months, first order day up to today (Infinity: none). */
  dashboard: { revenue12: Float64Array; active: Uint8Array; firstDay: Float64Array };
  /** Customers of the warehouse the customer table does not have, and their order rows. */
  unknownCustomers: number;
  unknownOrders: number;
}

export function readDailyRows(table: ResultTable, customerIds: readonly string[], today: number): DailyFigures {
  const at = new Map(table.fields.map((field, i) => [field, i]));
  const missing = DAILY_SQL_COLUMNS.filter((c) => !at.has(c));
  // A different query's results would be read wrongly: say so instead.
  if (missing.length) throw new Error(`the query's results have no column ${missing.join(', ')}`);
  const col = (field: string) => at.get(field)!;
  /** Only with a margin column (dailyQuery's marginColumn). */
  const margin = at.get('window_margin');
  const n = customerIds.length;
  const index = new Map<string, number>();
  customerIds.forEach((id, i) => index.set(id, i));

  const figures: OrderFigures = {
    lastDay: new Float64Array(n).fill(-Infinity),
    count: new Int32Array(n),
    total: new Float64Array(n),
    windowSales: new Float64Array(n),
    windowMargin: new Float64Array(n),
    marginSeen: false,
  };
  const lifetime: CustomerSummaries = {
    purchaseDays: new Int32Array(n),
    firstDay: new Float64Array(n).fill(NaN),
    lastDay: new Float64Array(n).fill(NaN),
    meanRepeat: new Float64Array(n).fill(NaN),
    analysisDay: today,
  };
  const dashboard = { revenue12: new Float64Array(n), active: new Uint8Array(n), firstDay: new Float64Array(n).fill(Infinity) };
  let unknownCustomers = 0;
  let unknownOrders = 0;
  for (const row of table.rows) {
    const id = String(row[col('customer_id')] ?? '');
    const number = (field: string, nullable = false): number => {
      const v = row[col(field)];
      if (v === null && nullable) return NaN;
      const x = Number(v);
      if (v === null || v === '' || !Number.isFinite(x)) throw new Error(`the query's ${field} is ${v} for customer ${id}`);
      return x;
    };
    const c = index.get(id);
    if (c === undefined) {
      unknownCustomers++;
      unknownOrders += number('orders');
      continue;
    }
    figures.count[c] = number('orders');
    figures.total[c] = number('amount');
    figures.lastDay[c] = number('last_day');
    figures.windowSales[c] = number('window_amount');
    if (margin !== undefined && row[margin] !== null) {
      figures.windowMargin[c] = number('window_margin');
      figures.marginSeen = true;
    }
    const days = number('purchase_days');
    lifetime.purchaseDays[c] = days;
    if (days > 0) {
      lifetime.firstDay[c] = number('first_day_alive');
      lifetime.lastDay[c] = number('last_day_alive');
      dashboard.firstDay[c] = lifetime.firstDay[c];
    }
    dashboard.revenue12[c] = number('amount_12m');
    dashboard.active[c] = number('orders_12m') > 0 ? 1 : 0;
  }
  return { figures, lifetime, dashboard, unknownCustomers, unknownOrders };
}
