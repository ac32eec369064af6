/**
 * The three purchase models behind CLV, CLVPARAMS and the daily run's P(alive), behind one face:
 * fit on grouped customers, then per customer P(alive) and the purchases expected if alive.
 *
 *   bgnbd      BG/NBD (Fader, Hardie and Lee 2005): the papers' and lifetimes' default. A
 *              customer can only leave right after a repeat purchase, so a one-time buyer's
 *              P(alive) is 1 however long ago it bought (lifetimes issues #239, #409).
 *   mbgnbd     MBG/NBD (Batislam, Denizel and Filiztekin 2007): may also leave right after the
 *              first purchase, so a one-time buyer's P(alive) falls with time. The daily run's
 *              default (Settings: Lifetime model).
 *   paretonbd  Pareto/NBD (Schmittlein, Morrison and Colombo 1987): may leave at any moment.
 */
import { BgNbdGroups, BgNbdParams, probabilityAlive } from './bgnbd';
import { expectedPurchasesIfAlive } from './bgnbdForecast';
import { fitBgNbd, fitMbgNbd, fitParetoNbd, FitStats, TooLittleData } from './fit';
import { ParetoNbdParams, paretoExpectedPurchasesIfAlive, paretoProbabilityAlive } from './paretoNbd';

export type LifetimeModel = 'bgnbd' | 'mbgnbd' | 'paretonbd';

export const LIFETIME_MODELS: readonly LifetimeModel[] = ['bgnbd', 'mbgnbd', 'paretonbd'];

/** The models' names as the papers write them (log-likelihood rows, messages). */
export const MODEL_TITLES: Record<LifetimeModel, string> = { bgnbd: 'BG/NBD', mbgnbd: 'MBG/NBD', paretonbd: 'Pareto/NBD' };

/** A purchase model with its parameters. */
export type PurchaseParams = { model: 'bgnbd' | 'mbgnbd'; params: BgNbdParams } | { model: 'paretonbd'; params: ParetoNbdParams };

/** The parameters' names in the order CLVPARAMS lists them. */
export function paramNames(model: LifetimeModel): readonly string[] {
  return model === 'paretonbd' ? ['r', 'alpha', 's', 'beta'] : ['r', 'alpha', 'a', 'b'];
}

/**
 * The model a text names: its code (bgnbd), its title in any case and spacing (BG/NBD, bg-nbd,
 * Pareto NBD), or "pareto"; undefined for anything else.
 */
export function modelNamed(text: string): LifetimeModel | undefined {
  const key = text.normalize('NFKC').toLowerCase().replace(/[^a-z]/g, '');
  if (key === 'pareto') return 'paretonbd';
  return (LIFETIME_MODELS as readonly string[]).includes(key) ? (key as LifetimeModel) : undefined;
}

/** Parameters from name → value (names as paramNames gives them; all present and positive). */
export function purchaseParams(model: LifetimeModel, values: Record<string, number>): PurchaseParams {
  if (model === 'paretonbd') return { model, params: { r: values.r, alpha: values.alpha, s: values.s, beta: values.beta } };
  return { model, params: { r: values.r, alpha: values.alpha, a: values.a, b: values.b } };
}

export type PurchaseModelFit =
  | ({ ok: true; purchase: PurchaseParams } & FitStats)
  | TooLittleData
  | { ok: false; reason: 'noOptimum'; parameter: string; toward: 'zero' | 'infinity' };

export function fitPurchaseModel(model: LifetimeModel, groups: BgNbdGroups): PurchaseModelFit {
  if (model === 'paretonbd') {
    const fit = fitParetoNbd(groups);
    return fit.ok ? { ...fit, purchase: { model, params: fit.params } } : fit;
  }
  const fit = model === 'mbgnbd' ? fitMbgNbd(groups) : fitBgNbd(groups);
  return fit.ok ? { ...fit, purchase: { model, params: fit.params } } : fit;
}

/** Per customer (x, t_x, T in weeks): P(alive) and the purchases expected in t weeks if alive. */
export interface Scorer {
  pAlive(x: number, tx: number, T: number): number;
  ifAlive(x: number, T: number, t: number): number;
}

export function scorerOf(m: PurchaseParams): Scorer {
  if (m.model === 'paretonbd') {
    const p = m.params;
    return { pAlive: (x, tx, T) => paretoProbabilityAlive(p, x, tx, T), ifAlive: (x, T, t) => paretoExpectedPurchasesIfAlive(p, x, T, t) };
  }
  const p = m.params;
  const modified = m.model === 'mbgnbd';
  // MBG/NBD: an alive customer has survived x+1 chances to leave: Beta(a, b+x+1), BG/NBD's with b+1.
  const forecast = modified ? { ...p, b: p.b + 1 } : p;
  return { pAlive: (x, tx, T) => probabilityAlive(p, x, tx, T, modified), ifAlive: (x, T, t) => expectedPurchasesIfAlive(forecast, x, T, t) };
}
