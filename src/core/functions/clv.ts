/** CLVPARAMS and CLV: the lifetime-value functions' arguments and result tables. */
import { Arg, CellValue, isBlank, isOmitted, toRows, widthOf } from '../cells';
import { clvWord, horizonHeader } from '../clv/labels';
import { ClvParams, fitOrderLog, prepareOrderLog, scoreOrderLog } from '../clv/lifetimeValue';
import { InputError } from '../errors';
import { readDay } from '../options';
import type { FunctionContext } from './context';

export const DEFAULT_MONTHS = 12;
export const MAX_MONTHS = 120;
export const DEFAULT_MONTHLY_DISCOUNT = 0.01;

/** The parameter rows of CLVPARAMS, in order: what CLV reads back from `params`. */
const PARAM_NAMES = ['r', 'alpha', 'a', 'b', 'p', 'q', 'v'] as const;
type ParamName = (typeof PARAM_NAMES)[number];

export function clvParamsTable(ctx: FunctionContext, ids: Arg, dates: Arg, amounts: Arg, analysisDate: Arg): CellValue[][] {
  const log = prepareOrderLog({ ids, dates, amounts }, readDay(analysisDate, 'analysis_date', ctx.clock), ctx.clock);
  const fit = fitOrderLog(log);
  const { lang } = ctx;
  const { r, alpha, a, b } = fit.bgnbd;
  const { p, q, v } = fit.gammaGamma;
  return [
    [clvWord(lang, 'parameter'), clvWord(lang, 'value')],
    ['r', r],
    ['alpha', alpha],
    ['a', a],
    ['b', b],
    [clvWord(lang, 'bgnbdLogLikelihood'), fit.bgnbdLogLikelihood],
    ['p', p],
    ['q', q],
    ['v', v],
    [clvWord(lang, 'gammaGammaLogLikelihood'), fit.gammaGammaLogLikelihood],
    [clvWord(lang, 'customers'), fit.customers],
    [clvWord(lang, 'returningCustomers'), fit.returningCustomers],
  ];
}

export function clvTable(ctx: FunctionContext, ids: Arg, dates: Arg, amounts: Arg, analysisDate: Arg, months: Arg, monthlyDiscount: Arg, params: Arg): CellValue[][] {
  const analysisDay = readDay(analysisDate, 'analysis_date', ctx.clock);
  const horizon = { months: readMonths(months), monthlyDiscount: readDiscount(monthlyDiscount) };
  const given = isOmitted(params) ? undefined : readParams(params);
  const log = prepareOrderLog({ ids, dates, amounts }, analysisDay, ctx.clock);
  const rows = scoreOrderLog(log, given ?? fitOrderLog(log), horizon);
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

/**
 * The parameters in a range holding CLVPARAMS' table: rows are found by their name (r, alpha,
 * a, b, p, q, v); the header, the log-likelihoods and the counts are not needed and ignored.
 */
export function readParams(arg: Arg): ClvParams {
  const rows = toRows(arg);
  const width = widthOf(rows);
  if (width !== 2) throw new InputError('clvParamsShape', { arg: 'params', columns: width });
  const found = new Map<ParamName, number>();
  rows.forEach((row, i) => {
    const name = typeof row[0] === 'string' ? row[0].trim().toLowerCase() : '';
    if (!(PARAM_NAMES as readonly string[]).includes(name)) return;
    const key = name as ParamName;
    const v = row[1];
    if (found.has(key)) throw new InputError('clvParamTwice', { arg: 'params', index: i, name });
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) {
      throw new InputError('clvParamValue', { arg: 'params', index: i, name, value: isBlank(v) ? '' : v });
    }
    found.set(key, v);
  });
  const missing = PARAM_NAMES.find((n) => !found.has(n));
  if (missing) throw new InputError('clvParamMissing', { arg: 'params', name: missing });
  const get = (n: ParamName) => found.get(n)!;
  return {
    bgnbd: { r: get('r'), alpha: get('alpha'), a: get('a'), b: get('b') },
    gammaGamma: { p: get('p'), q: get('q'), v: get('v') },
  };
}
