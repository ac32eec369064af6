/**
 * Probability alive per customer for the "probably lapsing" flag and the card, fitted on the
 * file's own order log with the Settings sheet's lifetime model (MBG/NBD by default: under
 * BG/NBD a one-time buyer of two years ago would read "100% alive"). A log too small or too uniform to fit gives no probabilities (the
 * days-based flag still works) rather than a made-up number.
 */
import type { CustomerClass } from '../../core/model';
import { probabilityAliveByCustomer, probabilityAliveFromSummaries } from '../../core/clv/forAutomation';
import type { LifetimeModel } from '../../core/clv/models';
import type { CustomerSummaries } from '../../core/clv/summary';
import type { Tables } from './tables';

/** P(alive) per customer in table order (NaN for a customer without orders), or null when the model cannot be fitted. */
export function lifetimeOf(tables: Tables, classes: readonly CustomerClass[], today: number): Float64Array | null {
  const index = new Map<string, number>();
  tables.customers.forEach((c, i) => index.set(c.id, i));
  const n = tables.orders.length;
  const customerOf = new Int32Array(n);
  const day = new Float64Array(n);
  tables.orders.forEach((o, i) => {
    const c = index.get(o.customer);
    customerOf[i] = c === undefined || o.day > today ? -1 : c;
    day[i] = o.day;
  });
  const model = tables.settings.lifetimeModel;
  const fit = probabilityAliveByCustomer({ customerOf, day, customers: tables.customers.length, analysisDay: today, model });
  if (!fit.ok) return null;
  const out = Float64Array.from(fit.pAlive);
  classes.forEach((c, i) => {
    if (c.rfm === null) out[i] = NaN;
  });
  return out;
}

/** The same from customer summaries a warehouse query made (orders in BigQuery). */
export function lifetimeFromSummaries(summary: CustomerSummaries, model: LifetimeModel, classes: readonly CustomerClass[]): Float64Array | null {
  const fit = probabilityAliveFromSummaries(summary, model);
  if (!fit.ok) return null;
  const out = Float64Array.from(fit.pAlive);
  classes.forEach((c, i) => {
    if (c.rfm === null) out[i] = NaN;
  });
  return out;
}
