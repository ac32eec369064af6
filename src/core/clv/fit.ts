/**
 * Maximum-likelihood fits of the purchase models (BG/NBD, MBG/NBD, Pareto/NBD) and of the
 * Gamma-Gamma spending model on customer summaries.
 *
 * Each fit starts from a point read off the data (the average purchase rate, the average
 * spend), runs the box-bounded BFGS of optimize.ts on log-parameters, and tries a second start
 * when the first ends on the box or unconverged. An order log too small to say anything is
 * refused before fitting; one whose likelihood keeps rising towards a limit (every customer
 * buying at the same rate, nobody ever leaving, every amount alike) is refused after, naming
 * the parameter that ran off, because its figures would be arbitrary.
 */
import { BgNbdGroups, BgNbdLikelihood, BgNbdParams } from './bgnbd';
import { GammaGammaLikelihood, GammaGammaParams } from './gammaGamma';
import { maximize, MaximizeResult, Objective } from './optimize';
import { ParetoNbdLikelihood, ParetoNbdParams } from './paretoNbd';

/** Fewer customers with repeat purchases (or customers at all) than this, and a fit says nothing. */
export const MIN_REPEAT_CUSTOMERS = 20;
export const MIN_CUSTOMERS = 20;

/** Log-parameters live in [ln 1e-6, ln 1e6]; reaching either end means no optimum inside. */
const LOG_BOUND = Math.log(1e6);

export type BgNbdParam = keyof BgNbdParams;
export type GammaGammaParam = keyof GammaGammaParams;

export interface FitStats {
  logLikelihood: number;
  iterations: number;
  evaluations: number;
}

/** A purchase model's fit: its parameters, or why there are none. */
export type PurchaseFit<P> =
  | ({ ok: true; params: P } & FitStats)
  | TooLittleData
  | { ok: false; reason: 'noOptimum'; parameter: keyof P & string; toward: 'zero' | 'infinity' };

export interface TooLittleData {
  ok: false;
  reason: 'tooFewCustomers' | 'tooFewRepeat';
  customers: number;
  repeatCustomers: number;
  needed: number;
}

export type BgNbdFit = PurchaseFit<BgNbdParams>;
export type ParetoNbdFit = PurchaseFit<ParetoNbdParams>;

export type GammaGammaFit =
  | ({ ok: true; params: GammaGammaParams } & FitStats)
  | { ok: false; reason: 'tooFewRepeat'; repeatCustomers: number; needed: number }
  | { ok: false; reason: 'noOptimum'; parameter: GammaGammaParam; toward: 'zero' | 'infinity' };

const BGNBD_NAMES: BgNbdParam[] = ['r', 'alpha', 'a', 'b'];
const GG_NAMES: GammaGammaParam[] = ['p', 'q', 'v'];

export function fitBgNbd(groups: BgNbdGroups): BgNbdFit {
  return fitBgNbdFamily(groups, false);
}

/** MBG/NBD (Batislam, Denizel and Filiztekin 2007): BG/NBD where the first purchase may be the last. */
export function fitMbgNbd(groups: BgNbdGroups): BgNbdFit {
  return fitBgNbdFamily(groups, true);
}

function fitBgNbdFamily(groups: BgNbdGroups, modified: boolean): BgNbdFit {
  const data = dataOf(groups);
  if (!data.ok) return data.refusal;
  const likelihood = new BgNbdLikelihood(groups, modified);
  // Rate r/α = the average repeat purchases per week of age; dropout a/(a+b) = 1/4, mild.
  const { rate } = data;
  const starts = [
    [0, Math.log(1 / rate), 0, Math.log(3)],
    [Math.log(0.25), Math.log(0.25 / rate), Math.log(0.5), Math.log(2)],
  ];
  return fitPurchase((theta, grad) => likelihood.evaluate(theta, grad), starts, BGNBD_NAMES, ([r, alpha, a, b]) => ({ r, alpha, a, b }));
}

/**
 * Pareto/NBD (Schmittlein, Morrison and Colombo 1987). Starts: the purchase rate r/α as for
 * BG/NBD, and a mean lifetime (β/s) of twice, then once, the average customer age.
 */
export function fitParetoNbd(groups: BgNbdGroups): ParetoNbdFit {
  const data = dataOf(groups);
  if (!data.ok) return data.refusal;
  const likelihood = new ParetoNbdLikelihood(groups);
  const { rate, meanT } = data;
  const starts = [
    [0, Math.log(1 / rate), 0, Math.log(2 * meanT)],
    [Math.log(0.5), Math.log(0.5 / rate), Math.log(0.5), Math.log(0.5 * meanT)],
  ];
  return fitPurchase((theta, grad) => likelihood.evaluate(theta, grad), starts, PARETO_NAMES, ([r, alpha, s, beta]) => ({ r, alpha, s, beta }));
}

const PARETO_NAMES: (keyof ParetoNbdParams)[] = ['r', 'alpha', 's', 'beta'];

/** Enough customers and repeat customers to fit, and the data's average purchase rate and age. */
function dataOf(groups: BgNbdGroups): { ok: true; rate: number; meanT: number } | { ok: false; refusal: TooLittleData } {
  let customers = 0;
  let repeatCustomers = 0;
  let sumX = 0;
  let sumT = 0;
  for (let g = 0; g < groups.count.length; g++) {
    customers += groups.count[g];
    if (groups.x[g] > 0) repeatCustomers += groups.count[g];
    sumX += groups.count[g] * groups.x[g];
    sumT += groups.count[g] * groups.T[g];
  }
  if (customers < MIN_CUSTOMERS) return { ok: false, refusal: { ok: false, reason: 'tooFewCustomers', customers, repeatCustomers, needed: MIN_CUSTOMERS } };
  if (repeatCustomers < MIN_REPEAT_CUSTOMERS) return { ok: false, refusal: { ok: false, reason: 'tooFewRepeat', customers, repeatCustomers, needed: MIN_REPEAT_CUSTOMERS } };
  return { ok: true, rate: sumX / Math.max(sumT, 1e-9), meanT: Math.max(sumT / customers, 1) };
}

function fitPurchase<P>(objective: Objective, starts: number[][], names: (keyof P & string)[], make: (values: number[]) => P): PurchaseFit<P> {
  const best = bestOf(objective, starts);
  const off = ranOff(best);
  if (off !== null) return { ok: false, reason: 'noOptimum', parameter: names[off.index], toward: off.toward };
  return { ok: true, params: make(Array.from(best.theta, Math.exp)), logLikelihood: best.value, iterations: best.iterations, evaluations: best.evaluations };
}

/** `x[i]` repeat purchases (>= 1) and `m[i]` mean repeat amount (> 0) of each returning customer. */
export function fitGammaGamma(x: Float64Array, m: Float64Array): GammaGammaFit {
  if (x.length < MIN_REPEAT_CUSTOMERS) return { ok: false, reason: 'tooFewRepeat', repeatCustomers: x.length, needed: MIN_REPEAT_CUSTOMERS };
  const likelihood = new GammaGammaLikelihood(x, m);
  const objective: Objective = (theta, grad) => likelihood.evaluate(theta, grad);
  let mean = 0;
  for (let i = 0; i < m.length; i++) mean += m[i];
  mean /= m.length;
  // Population mean p v / (q − 1) = the average spend, with p = 1 and q = 2 (a finite mean).
  const starts = [
    [0, Math.log(2), Math.log(mean)],
    [Math.log(5), Math.log(4), Math.log(mean * 0.6)],
  ];
  const best = bestOf(objective, starts);
  const off = ranOff(best);
  if (off !== null) return { ok: false, reason: 'noOptimum', parameter: GG_NAMES[off.index], toward: off.toward };
  const [p, q, v] = Array.from(best.theta, Math.exp);
  return { ok: true, params: { p, q, v }, logLikelihood: best.value, iterations: best.iterations, evaluations: best.evaluations };
}

function run(objective: Objective, start: number[]): MaximizeResult {
  return maximize(objective, start, { lower: -LOG_BOUND, upper: LOG_BOUND, maxIterations: 1000, gradientTolerance: 1e-10 });
}

/** The first start's result when it converged inside the box, else the better of two starts. */
function bestOf(objective: Objective, starts: number[][]): MaximizeResult {
  const first = run(objective, starts[0]);
  if (first.converged && !first.atBound.some(Boolean)) return first;
  const second = run(objective, starts[1]);
  const good = (r: MaximizeResult) => r.converged && !r.atBound.some(Boolean);
  if (good(second) && (!good(first) || second.value > first.value)) return second;
  return first.value >= second.value ? first : second;
}

/** The parameter that ended on the box, if any. An unconverged search counts as running off. */
function ranOff(result: MaximizeResult): { index: number; toward: 'zero' | 'infinity' } | null {
  const index = result.atBound.indexOf(true);
  if (index >= 0) return { index, toward: result.theta[index] < 0 ? 'zero' : 'infinity' };
  if (result.converged) return null;
  // Not converged within the iterations, yet inside the box: the likelihood is still climbing a
  // ridge; the parameter moving fastest is the one running off.
  let fastest = 0;
  for (let i = 1; i < result.theta.length; i++) if (Math.abs(result.theta[i]) > Math.abs(result.theta[fastest])) fastest = i;
  return { index: fastest, toward: result.theta[fastest] < 0 ? 'zero' : 'infinity' };
}
