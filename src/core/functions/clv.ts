/** CLVPARAMS and CLV: the lifetime-value functions' arguments and result tables. */
import { Arg, CellValue, isBlank, isOmitted, toRows, widthOf } from '../cells';
import { clvWord, horizonHeader, logLikelihoodWord } from '../clv/labels';
import { ClvParams, fitOrderLog, prepareOrderLog, scoreOrderLog } from '../clv/lifetimeValue';
import { LifetimeModel, MODEL_TITLES, modelNamed, paramNames, purchaseParams } from '../clv/models';
import { InputError } from '../errors';
import { readDay } from '../options';
import type { FunctionContext } from './context';

export const DEFAULT_MONTHS = 12;
export const MAX_MONTHS = 120;
export const DEFAULT_MONTHLY_DISCOUNT = 0.01;

/** The spending model's parameter rows; the purchase model's come from paramNames. */
const SPENDING_NAMES = ['p', 'q', 'v'] as const;
/** Every parameter row name CLV reads back from `params`, whichever the model. */
const ALL_NAMES: readonly string[] = ['r', 'alpha', 'a', 'b', 's', 'beta', ...SPENDING_NAMES];
/** The row naming the model, in either language (CLVPARAMS writes it second, after the header). */
const MODEL_ROW_NAMES: readonly string[] = ['model', '模型'];

export function clvParamsTable(ctx: FunctionContext, ids: Arg, dates: Arg, amounts: Arg, analysisDate: Arg, model?: Arg): CellValue[][] {
  const chosen = readModel(model) ?? 'bgnbd';
  const log = prepareOrderLog({ ids, dates, amounts }, readDay(analysisDate, 'analysis_date', ctx.clock), ctx.clock);
  const fit = fitOrderLog(log, chosen);
  const { lang } = ctx;
  const purchase = fit.purchase.params as unknown as Record<string, number>;
  const { p, q, v } = fit.gammaGamma;
  return [
    [clvWord(lang, 'parameter'), clvWord(lang, 'value')],
    [clvWord(lang, 'model'), chosen],
    ...paramNames(chosen).map((name): CellValue[] => [name, purchase[name]]),
    [logLikelihoodWord(lang, MODEL_TITLES[chosen]), fit.purchaseLogLikelihood],
    ['p', p],
    ['q', q],
    ['v', v],
    [clvWord(lang, 'gammaGammaLogLikelihood'), fit.gammaGammaLogLikelihood],
    [clvWord(lang, 'customers'), fit.customers],
    [clvWord(lang, 'returningCustomers'), fit.returningCustomers],
  ];
}

export function clvTable(ctx: FunctionContext, ids: Arg, dates: Arg, amounts: Arg, analysisDate: Arg, months: Arg, monthlyDiscount: Arg, params: Arg, model?: Arg): CellValue[][] {
  const analysisDay = readDay(analysisDate, 'analysis_date', ctx.clock);
  const horizon = { months: readMonths(months), monthlyDiscount: readDiscount(monthlyDiscount) };
  const asked = readModel(model);
  const given = isOmitted(params) ? undefined : readParams(params, asked);
  const log = prepareOrderLog({ ids, dates, amounts }, analysisDay, ctx.clock);
  const rows = scoreOrderLog(log, given ?? fitOrderLog(log, asked ?? 'bgnbd'), horizon);
  const { lang } = ctx;
  const out: CellValue[][] = [[
    clvWord(lang, 'customer'),
    clvWord(lang, 'purchases'),
    clvWord(lang, 'repeat'),
    clvWord(lang, 'recency'),
    clvWord(lang, 'age'),
    clvWord(lang, 'pAlive'),
    horizonHeader(lang, 'purchases', horizon.months),
    horizonHeader(lang, 'value', horizon.months),
    horizonHeader(lang, 'lifetime', horizon.months),
  ]];
  for (const c of rows) {
    out.push([c.id, c.purchases, c.x, c.tx, c.T, c.pAlive, c.expectedPurchases, cellOf(c.expectedValue), cellOf(c.lifetimeValue)]);
  }
  return out;
}

/** A figure the model does not give (no finite mean spend) is a blank cell, never NaN. */
function cellOf(v: number): CellValue {
  return Number.isFinite(v) ? v : '';
}

function single(arg: Arg, argName: string): CellValue {
  const rows = toRows(arg);
  if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
  throw new InputError('notSingleCell', { arg: argName });
}

export function readMonths(arg: Arg): number {
  if (isOmitted(arg)) return DEFAULT_MONTHS;
  const v = single(arg, 'months');
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_MONTHS) return v;
  throw new InputError('clvMonths', { arg: 'months', value: v, max: MAX_MONTHS });
}

export function readDiscount(arg: Arg): number {
  if (isOmitted(arg)) return DEFAULT_MONTHLY_DISCOUNT;
  const v = single(arg, 'monthly_discount');
  if (typeof v === 'number' && v >= 0 && v < 1) return v;
  throw new InputError('clvDiscount', { arg: 'monthly_discount', value: v });
}

/** The model argument: undefined when omitted or blank; a clear error for a name it does not know. */
export function readModel(arg: Arg | undefined): LifetimeModel | undefined {
  if (isOmitted(arg)) return undefined;
  const v = single(arg as Arg, 'model');
  if (isBlank(v)) return undefined;
  const model = typeof v === 'string' ? modelNamed(v) : undefined;
  if (model === undefined) throw new InputError('clvModel', { arg: 'model', value: v });
  return model;
}

/**
 * The parameters in a range holding CLVPARAMS' table: rows are found by their name (the model
 * row, r, alpha, a, b or s, beta, p, q, v); the header, the log-likelihoods and the counts are
 * not needed and ignored. A table without a model row (made before there was a choice) is
 * BG/NBD's, unless `asked` names another model; a table naming one model scored as another is
 * refused, since the parameters mean different things.
 */
export function readParams(arg: Arg, asked?: LifetimeModel): ClvParams {
  const rows = toRows(arg);
  const width = widthOf(rows);
  if (width !== 2) throw new InputError('clvParamsShape', { arg: 'params', columns: width });
  const found = new Map<string, number>();
  let named: LifetimeModel | undefined;
  rows.forEach((row, i) => {
    const name = typeof row[0] === 'string' ? row[0].trim().toLowerCase() : '';
    const v = row[1];
    if (MODEL_ROW_NAMES.includes(name)) {
      const model = typeof v === 'string' ? modelNamed(v) : undefined;
      if (model === undefined) throw new InputError('clvParamModel', { arg: 'params', index: i, value: isBlank(v) ? '' : v });
      named = model;
      return;
    }
    if (!ALL_NAMES.includes(name)) return;
    if (found.has(name)) throw new InputError('clvParamTwice', { arg: 'params', index: i, name });
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) {
      throw new InputError('clvParamValue', { arg: 'params', index: i, name, value: isBlank(v) ? '' : v });
    }
    found.set(name, v);
  });
  if (named !== undefined && asked !== undefined && named !== asked) {
    throw new InputError('clvModelMismatch', { arg: 'model', fitted: MODEL_TITLES[named], asked: MODEL_TITLES[asked], code: asked });
  }
  const model = named ?? asked ?? 'bgnbd';
  const missing = [...paramNames(model), ...SPENDING_NAMES].find((n) => !found.has(n));
  if (missing) throw new InputError('clvParamMissing', { arg: 'params', name: missing });
  const values = Object.fromEntries(found);
  return {
    purchase: purchaseParams(model, values),
    gammaGamma: { p: values.p, q: values.q, v: values.v },
  };
}
