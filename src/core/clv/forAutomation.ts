/**
 * Probability alive per customer for the daily run ("probably lapsing (P(alive) 0.18)") and the
 * customer card: a purchase model fitted on the order log as plain columns, no cells, no amounts.
 * MBG/NBD unless the caller names another (Settings: Lifetime model): under BG/NBD a customer who
 * bought once two years ago is "100% alive", which no salesperson believes.
 *
 * Orders dated after `analysisDay` are left out (the model looks back from that day); a caller
 * that wants others left out passes -1 as their customer. A log too small or too uniform to fit
 * gives a reason instead of numbers, so the caller can fall back to days-based flags.
 */
import { MIN_CUSTOMERS, MIN_REPEAT_CUSTOMERS } from './fit';
import { fitPurchaseModel, LifetimeModel, PurchaseParams, scorerOf } from './models';
import { groupCustomers, summarize, type CustomerSummaries } from './summary';

/** The model the daily run uses when the Settings sheet names none. */
export const DEFAULT_AUTOMATION_MODEL: LifetimeModel = 'mbgnbd';

export interface PAliveInput {
  /** Customer number of order i (0 .. customers−1), or -1 to skip the order. */
  customerOf: Int32Array;
  /** Calendar day number of order i (days since 1970-01-01, as in src/core/dates.ts). */
  day: Float64Array;
  customers: number;
  analysisDay: number;
  /** Default DEFAULT_AUTOMATION_MODEL (MBG/NBD). */
  model?: LifetimeModel;
}

export type PAliveResult =
  | {
      ok: true;
      /** Per customer number; NaN for a customer without orders up to analysisDay. */
      pAlive: Float64Array;
      purchase: PurchaseParams;
      /** Orders left out because they are dated after analysisDay. */
      laterOrders: number;
    }
  | {
      ok: false;
      /** tooFewCustomers / tooFewRepeat: fewer than `needed`; noOptimum: too uniform to fit. */
      reason: 'tooFewRepeat' | 'tooFewCustomers' | 'noOptimum';
      /** Customers with purchases on at least two different days. */
      repeatCustomers: number;
      needed: number;
    };

/** Throws RangeError only for a caller's bug (lengths differ, a customer number out of range, a day that is not a whole number). */
export function probabilityAliveByCustomer(input: PAliveInput): PAliveResult {
  const { day, customers, analysisDay } = input;
  const n = input.customerOf.length;
  if (day.length !== n) throw new RangeError(`probabilityAliveByCustomer: ${n} customer numbers but ${day.length} days`);
  if (!Number.isInteger(analysisDay)) throw new RangeError(`probabilityAliveByCustomer: analysisDay ${analysisDay} is not a day number`);
  const customerOf = new Int32Array(n);
  let laterOrders = 0;
  for (let i = 0; i < n; i++) {
    const c = input.customerOf[i];
    if (c < 0) {
      customerOf[i] = -1;
      continue;
    }
    if (c >= customers) throw new RangeError(`probabilityAliveByCustomer: order ${i} has customer ${c} of ${customers}`);
    if (!Number.isInteger(day[i])) throw new RangeError(`probabilityAliveByCustomer: order ${i} has day ${day[i]}`);
    if (day[i] > analysisDay) {
      laterOrders++;
      customerOf[i] = -1;
    } else {
      customerOf[i] = c;
    }
  }

  const summary = summarize({ customerOf, day, customers, analysisDay });
  const fit = probabilityAliveFromSummaries(summary, input.model);
  return fit.ok ? { ...fit, laterOrders } : fit;
}

/**
 * The same fit from customer summaries made elsewhere (a warehouse query's purchase days, first
 * and last purchase day per customer, orders after the analysis day left out): the model only
 * ever reads (x, t_x, T), so the orders themselves need not be here.
 */
export function probabilityAliveFromSummaries(summary: CustomerSummaries, model: LifetimeModel = DEFAULT_AUTOMATION_MODEL): Exclude<PAliveResult, { ok: true }> | { ok: true; pAlive: Float64Array; purchase: PurchaseParams } {
  const customers = summary.purchaseDays.length;
  const { groups, groupOf } = groupCustomers(summary);
  const fit = fitPurchaseModel(model, groups);
  if (!fit.ok) {
    let repeatCustomers = 0;
    for (let c = 0; c < customers; c++) if (summary.purchaseDays[c] > 1) repeatCustomers++;
    return { ok: false, reason: fit.reason, repeatCustomers, needed: fit.reason === 'tooFewCustomers' ? MIN_CUSTOMERS : MIN_REPEAT_CUSTOMERS };
  }
  const scorer = scorerOf(fit.purchase);
  const perGroup = new Float64Array(groups.count.length);
  for (let g = 0; g < perGroup.length; g++) perGroup[g] = scorer.pAlive(groups.x[g], groups.tx[g], groups.T[g]);
  const pAlive = new Float64Array(customers);
  for (let c = 0; c < customers; c++) pAlive[c] = groupOf[c] < 0 ? NaN : perGroup[groupOf[c]];
  return { ok: true, pAlive, purchase: fit.purchase };
}
