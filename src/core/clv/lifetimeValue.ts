/**
 * CLVPARAMS and CLV on an order log: read it, summarise the customers, fit a purchase model
 * (BG/NBD, MBG/NBD or Pareto/NBD) and the spending model (or take the parameters given) and score. A log the models cannot be fitted on is refused with an
 * InputError that says why and what to do.
 */
import type { Arg, CellValue } from '../cells';
import type { DayClock } from '../dates';
import { InputError } from '../errors';
import { fitGammaGamma } from './fit';
import type { GammaGammaParams } from './gammaGamma';
import { fitPurchaseModel, LifetimeModel, MODEL_TITLES, PurchaseParams } from './models';
import { readOrderLog } from './orderLog';
import { ClvScores, Horizon, scoreCustomers } from './score';
import { CustomerSummaries, DAYS_PER_WEEK, groupCustomers, Grouped, spendingData, summarize } from './summary';

export interface ClvParams {
  purchase: PurchaseParams;
  gammaGamma: GammaGammaParams;
}

export interface FittedClv extends ClvParams {
  purchaseLogLikelihood: number;
  gammaGammaLogLikelihood: number;
  customers: number;
  returningCustomers: number;
}

export interface PreparedLog {
  customerIds: CellValue[];
  summary: CustomerSummaries;
  grouped: Grouped;
}

export interface OrderLogArgs {
  ids: Arg;
  dates: Arg;
  amounts: Arg;
}

export function prepareOrderLog(args: OrderLogArgs, analysisDay: number | undefined, clock: DayClock): PreparedLog {
  const log = readOrderLog(args, analysisDay, clock);
  const summary = summarize(log);
  for (let c = 0; c < log.customers; c++) {
    // Amounts each below the largest number can still add up past it.
    if (summary.purchaseDays[c] > 1 && !Number.isFinite(summary.meanRepeat[c])) {
      throw new InputError('sumTooLarge', { arg: 'amounts', customer: log.customerIds[c] });
    }
  }
  return { customerIds: log.customerIds, summary, grouped: groupCustomers(summary) };
}

export function fitOrderLog(log: PreparedLog, model: LifetimeModel = 'bgnbd'): FittedClv {
  const bg = fitPurchaseModel(model, log.grouped.groups);
  if (!bg.ok) {
    if (bg.reason === 'noOptimum') throw new InputError('clvNoOptimum', { model: MODEL_TITLES[model], parameter: bg.parameter, toward: bg.toward });
    if (bg.reason === 'tooFewCustomers') throw new InputError('clvTooFewCustomers', { customers: bg.customers, needed: bg.needed });
    throw new InputError('clvTooFewRepeat', { repeat: bg.repeatCustomers, needed: bg.needed });
  }
  const spending = spendingData(log.summary);
  const gg = fitGammaGamma(spending.x, spending.m);
  if (!gg.ok) {
    if (gg.reason === 'noOptimum') throw new InputError('clvNoOptimum', { model: 'Gamma-Gamma', parameter: gg.parameter, toward: gg.toward });
    throw new InputError('clvTooFewSpending', { repeat: gg.repeatCustomers, needed: gg.needed });
  }
  let returning = 0;
  for (let c = 0; c < log.summary.purchaseDays.length; c++) if (log.summary.purchaseDays[c] > 1) returning++;
  return {
    purchase: bg.purchase,
    gammaGamma: gg.params,
    purchaseLogLikelihood: bg.logLikelihood,
    gammaGammaLogLikelihood: gg.logLikelihood,
    customers: log.summary.purchaseDays.length,
    returningCustomers: returning,
  };
}

/** One customer's row of CLV, before it becomes cells. Times in weeks. */
export interface CustomerClv {
  id: CellValue;
  purchases: number;
  x: number;
  tx: number;
  T: number;
  pAlive: number;
  expectedPurchases: number;
  expectedValue: number;
  lifetimeValue: number;
}

export function scoreOrderLog(log: PreparedLog, params: ClvParams, horizon: Horizon): CustomerClv[] {
  const s = log.summary;
  const scores: ClvScores = scoreCustomers(s, log.grouped, params.purchase, params.gammaGamma, horizon);
  return log.customerIds.map((id, c) => ({
    id,
    purchases: s.purchaseDays[c],
    x: s.purchaseDays[c] - 1,
    tx: (s.lastDay[c] - s.firstDay[c]) / DAYS_PER_WEEK,
    T: (s.analysisDay - s.firstDay[c]) / DAYS_PER_WEEK,
    pAlive: scores.pAlive[c],
    expectedPurchases: scores.expectedPurchases[c],
    expectedValue: scores.expectedValue[c],
    lifetimeValue: scores.lifetimeValue[c],
  }));
}
