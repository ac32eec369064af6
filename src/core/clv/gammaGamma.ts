/**
 * The Gamma-Gamma spending model of Fader, Hardie and Lee, "RFM and CLV: using iso-value curves"
 * (2005), as in the Python package lifetimes: a customer's purchase amounts are Gamma(p, ν),
 * ν is Gamma(q, v) across customers, spending is independent of buying. A returning customer is
 * summarised by x (repeat purchases) and m (the mean amount of its repeat purchase days).
 *
 * The log-likelihood is the density of m given x, summed over returning customers. Everything
 * that does not involve v inside a log is a weighted sum fixed by the data (Σ x ln m, Σ ln m,
 * Σ x ln x) or depends on x alone, so one evaluation costs one log per customer.
 */
import { digamma, logGamma } from './special';

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

/** ln f(m | x) of one returning customer, for checking the summed evaluation by hand. */
export function gammaGammaLogLikelihood(g: GammaGammaParams, x: number, m: number): number {
  const { p, q, v } = g;
  return logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(v) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(x * m + v);
}

/**
 * E[mean purchase amount | x, m] = p (v + x m) / (p x + q − 1); with x = 0 the population mean
 * p v / (q − 1). NaN where that mean does not exist (p x + q <= 1: spending so heavy-tailed that
 * the model's average is infinite), which the result tables show as a blank cell.
 */
export function expectedAverageValue(g: GammaGammaParams, x: number, m: number): number {
  const denominator = g.p * x + g.q - 1;
  if (!(denominator > 0)) return NaN;
  return (g.p * (g.v + x * m)) / denominator;
}

/** The summed log-likelihood of returning customers and its gradient in θ = (ln p, ln q, ln v). */
export class GammaGammaLikelihood {
  readonly customers: number;
  private readonly x: Float64Array;
  private readonly xm: Float64Array;
  private readonly xs: Float64Array;
  private readonly xWeight: Float64Array;
  private readonly sumXLogM: number;
  private readonly sumLogM: number;
  private readonly sumXLogX: number;

  /** x[i] >= 1 and m[i] > 0 for every customer. */
  constructor(x: Float64Array, m: Float64Array) {
    this.customers = x.length;
    this.x = x;
    this.xm = new Float64Array(x.length);
    const weights = new Map<number, number>();
    let sxlm = 0;
    let slm = 0;
    let sxlx = 0;
    for (let i = 0; i < x.length; i++) {
      this.xm[i] = x[i] * m[i];
      const lm = Math.log(m[i]);
      sxlm += x[i] * lm;
      slm += lm;
      sxlx += x[i] * Math.log(x[i]);
      weights.set(x[i], (weights.get(x[i]) ?? 0) + 1);
    }
    this.sumXLogM = sxlm;
    this.sumLogM = slm;
    this.sumXLogX = sxlx;
    this.xs = Float64Array.from(weights.keys());
    this.xWeight = Float64Array.from(weights.values());
  }

  evaluate(theta: ArrayLike<number>, grad: Float64Array): number {
    const p = Math.exp(theta[0]);
    const q = Math.exp(theta[1]);
    const v = Math.exp(theta[2]);
    const n = this.customers;
    let ll = -n * logGamma(q) + n * q * theta[2] + p * (this.sumXLogM + this.sumXLogX) - this.sumLogM;
    let gp = this.sumXLogM + this.sumXLogX;
    let gq = -n * digamma(q) + n * theta[2];
    let gv = (n * q) / v;
    for (let k = 0; k < this.xs.length; k++) {
      const x = this.xs[k];
      const w = this.xWeight[k];
      const px = p * x;
      const dgPxQ = digamma(px + q);
      ll += w * (logGamma(px + q) - logGamma(px));
      gp += w * x * (dgPxQ - digamma(px));
      gq += w * dgPxQ;
    }
    const { x, xm } = this;
    let sumL = 0;
    let sumXL = 0;
    let sumWeighted = 0;
    for (let i = 0; i < x.length; i++) {
      const u = xm[i] + v;
      const l = Math.log(u);
      sumL += l;
      sumXL += x[i] * l;
      sumWeighted += (p * x[i] + q) / u;
    }
    ll -= p * sumXL + q * sumL;
    gp -= sumXL;
    gq -= sumL;
    gv -= sumWeighted;
    grad[0] = gp * p;
    grad[1] = gq * q;
    grad[2] = gv * v;
    return ll;
  }
}
