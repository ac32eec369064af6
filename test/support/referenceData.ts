/**
 * The public reference data sets the tests read, copied into test/data/ (sources and licences in
 * test/data/README.md) so that a clone of the project alone passes its tests, and independent
 * per-customer figures computed straight from the CSV for comparison.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../tools/sheets/csv';

export const REFERENCE_DATA = path.resolve(__dirname, '../data');

export interface OrderRow {
  customer: string;
  date: string; // YYYY-MM-DD
  revenue: number;
}

export function readRfmOrders(): OrderRow[] {
  const rows = parseCsv(fs.readFileSync(path.join(REFERENCE_DATA, 'rfm_data_orders.csv'), 'utf8'));
  return rows.slice(1).filter((r) => r.length >= 3 && r[0] !== '').map((r) => ({ customer: r[0], date: r[1], revenue: Number(r[2]) }));
}

/** Whole days between two YYYY-MM-DD dates, by the UTC calendar (no time zone involved). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface CustomerFigures {
  lastDate: string;
  orders: number;
  amount: number;
}

/** Per customer, in order of first appearance: last order date, order rows, summed revenue. */
export function customerFigures(orders: OrderRow[]): Map<string, CustomerFigures> {
  const out = new Map<string, CustomerFigures>();
  for (const o of orders) {
    const c = out.get(o.customer);
    if (!c) out.set(o.customer, { lastDate: o.date, orders: 1, amount: o.revenue });
    else {
      if (o.date > c.lastDate) c.lastDate = o.date;
      c.orders++;
      c.amount += o.revenue;
    }
  }
  return out;
}
