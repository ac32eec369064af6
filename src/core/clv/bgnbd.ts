/**
 * The BG/NBD model of Fader, Hardie and Lee, "Counting your customers the easy way" (2005):
 * while alive, a customer buys at rate λ (Gamma(r, α) across customers); after each purchase it
 * drops out with probability p (Beta(a, b) across customers). A customer is summarised by
 * x (repeat purchases), t_x (time of the last purchase) and T (age), all from its first purchase,
 * in weeks.
 *
 * The MBG/NBD of Batislam, Denizel and Filiztekin (2007) differs in one place: a customer may
 * also drop out right after the first purchase, so a one-time buyer is not certainly alive; the
 * same code serves both (`modified`, see `flips`).
 *
 * The likelihood is written in log space (equation 6 of the paper, as ln of a sum of two
 * exponentials), and evaluated on groups of customers with identical (x, t_x, T): the parts that
 * depend on x alone, T alone or t_x alone are computed once per distinct value, so one pass over
 * the groups costs one exp and one log1p per group with repeat purchases.
 */
import { digamma, logGamma } from './special';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Customers with identical (x, t_x, T), counted. Times in weeks. */
export interface BgNbdGroups {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  count: Float64Array;
}

/**
 * ln L of one customer (the paper's equation 6), for checking the grouped evaluation by hand.
 * `modified`: the MBG/NBD of Batislam, Denizel and Filiztekin (2007), where a customer may also
 * drop out right after the first purchase, so x repeat purchases mean x+1 chances to leave (the
 * Beta terms count k = x+1 coin flips instead of x; see `flips`).
 */
export function bgnbdLogLikelihood(p: BgNbdParams, x: number, tx: number, T: number, modified = false): number {
  const { r, alpha, a, b } = p;
  const k = flips(x, modified);
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logGamma(a + b) + logGamma(b + k) - logGamma(b) - logGamma(a + b + k);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (k === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + k - 1) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + logAddExp(a3, a4);
}

/** Purchases after which the customer could have dropped out: x (BG/NBD) or x+1 (MBG/NBD, the first purchase too). */
export function flips(x: number, modified: boolean): number {
  return modified ? x + 1 : x;
}

/** ln(eᵘ + eᵛ) without overflow. */
export function logAddExp(u: number, v: number): number {
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + a/(b+k−1) ((α+T)/(α+t_x))^(r+x)), k the purchases after which
 * the customer could have left (`flips`). BG/NBD: 1 for a customer without repeat purchases (it
 * can only drop out right after a repeat purchase), however long ago. MBG/NBD: k = x+1, so a
 * one-time buyer's P(alive) = 1 / (1 + a/b ((α+T)/α)^r) falls as T grows.
 */
export function probabilityAlive(p: BgNbdParams, x: number, tx: number, T: number, modified = false): number {
  const k = flips(x, modified);
  if (k === 0) return 1;
  const logOdds = Math.log(p.a / (p.b + k - 1)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
  // exp overflows to Infinity for a customer long silent: 1 / Infinity is 0, never NaN.
  return 1 / (1 + Math.exp(logOdds));
}

/** Distinct values of a column and, per row, the index of its value. */
function distinct(values: Float64Array): { values: Float64Array; index: Int32Array } {
  const seen = new Map<number, number>();
  const index = new Int32Array(values.length);
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let k = seen.get(values[i]);
    if (k === undefined) {
      k = out.length;
      out.push(values[i]);
      seen.set(values[i], k);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(out), index };
}

/**
 * The log-likelihood of grouped customers and its gradient in log-parameters
 * θ = (ln r, ln α, ln a, ln b), the space the optimizer works in.
 */
export class BgNbdLikelihood {
  readonly customers: number;
  private readonly xs: Float64Array;
  private readonly xWeight: Float64Array;
  private readonly Ts: Float64Array;
  private readonly txs: Float64Array;
  private readonly gx: Int32Array;
  private readonly gT: Int32Array;
  private readonly gtx: Int32Array;
  private readonly gCount: Float64Array;
  // Scratch per distinct value, refilled on every evaluation.
  private readonly lnT: Float64Array;
  private readonly invT: Float64Array;
  private readonly lnTx: Float64Array;
  private readonly invTx: Float64Array;
  private readonly lnBx: Float64Array;
  private readonly invBx: Float64Array;

  /** `modified`: MBG/NBD (see bgnbdLogLikelihood). */
  constructor(groups: BgNbdGroups, private readonly modified = false) {
    const x = distinct(groups.x);
    const T = distinct(groups.T);
    const tx = distinct(groups.tx);
    this.xs = x.values;
    this.Ts = T.values;
    this.txs = tx.values;
    this.gx = x.index;
    this.gT = T.index;
    this.gtx = tx.index;
    this.gCount = groups.count;
    this.xWeight = new Float64Array(this.xs.length);
    let customers = 0;
    for (let g = 0; g < groups.count.length; g++) {
      this.xWeight[x.index[g]] += groups.count[g];
      customers += groups.count[g];
    }
    this.customers = customers;
    this.lnT = new Float64Array(this.Ts.length);
    this.invT = new Float64Array(this.Ts.length);
    this.lnTx = new Float64Array(this.txs.length);
    this.invTx = new Float64Array(this.txs.length);
    this.lnBx = new Float64Array(this.xs.length);
    this.invBx = new Float64Array(this.xs.length);
  }

  /** ln L at θ; writes ∂ ln L / ∂θ into `grad` (length 4). */
  evaluate(theta: ArrayLike<number>, grad: Float64Array): number {
    const r = Math.exp(theta[0]);
    const alpha = Math.exp(theta[1]);
    const a = Math.exp(theta[2]);
    const b = Math.exp(theta[3]);
    const lnAlpha = theta[1];
    const lnA = theta[2];
    const { xs, xWeight, lnT, invT, lnTx, invTx, lnBx, invBx } = this;

    // Terms that depend on x alone (A1 and A2 of the paper, and their derivatives).
    let ll = this.customers * r * lnAlpha;
    let gr = this.customers * lnAlpha;
    let gAlpha = (this.customers * r) / alpha;
    let ga = 0;
    let gb = 0;
    const lgR = logGamma(r);
    const lgAB = logGamma(a + b);
    const lgB = logGamma(b);
    const dgR = digamma(r);
    const dgAB = digamma(a + b);
    const dgB = digamma(b);
    const shift = this.modified ? 1 : 0; // flips k = x + shift
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k];
      const f = x + shift;
      const w = xWeight[k];
      if (f === 0) continue; // every term below is 0 at x = 0 (BG/NBD)
      const dgABx = digamma(a + b + f);
      ll += w * (logGamma(r + x) - lgR + lgAB + logGamma(b + f) - lgB - logGamma(a + b + f));
      gr += w * (digamma(r + x) - dgR);
      ga += w * (dgAB - dgABx);
      gb += w * (dgAB + digamma(b + f) - dgB - dgABx);
      lnBx[k] = Math.log(b + f - 1);
      invBx[k] = 1 / (b + f - 1);
    }
    for (let k = 0; k < this.Ts.length; k++) {
      lnT[k] = Math.log(alpha + this.Ts[k]);
      invT[k] = 1 / (alpha + this.Ts[k]);
    }
    for (let k = 0; k < this.txs.length; k++) {
      lnTx[k] = Math.log(alpha + this.txs[k]);
      invTx[k] = 1 / (alpha + this.txs[k]);
    }

    // The mixture of "still alive at T" (A3) and "dropped out after the last purchase" (A4).
    const { gx, gT, gtx, gCount } = this;
    for (let g = 0; g < gCount.length; g++) {
      const k = gx[g];
      const x = xs[k];
      const w = gCount[g];
      const s = r + x;
      const iT = gT[g];
      const a3 = -s * lnT[iT];
      if (x + shift === 0) {
        ll += w * a3;
        gr -= w * lnT[iT];
        gAlpha -= w * s * invT[iT];
        continue;
      }
      const itx = gtx[g];
      const a4 = lnA - lnBx[k] - s * lnTx[itx];
      const d = a4 - a3;
      let lse: number;
      let w4: number; // share of the dropout term in the sum
      if (d > 0) {
        const e = Math.exp(-d);
        lse = a4 + Math.log1p(e);
        w4 = 1 / (1 + e);
      } else {
        const e = Math.exp(d);
        lse = a3 + Math.log1p(e);
        w4 = e / (1 + e);
      }
      const w3 = 1 - w4;
      ll += w * lse;
      gr -= w * (w3 * lnT[iT] + w4 * lnTx[itx]);
      gAlpha -= w * s * (w3 * invT[iT] + w4 * invTx[itx]);
      ga += (w * w4) / a;
      gb -= w * w4 * invBx[k];
    }
    grad[0] = gr * r;
    grad[1] = gAlpha * alpha;
    grad[2] = ga * a;
    grad[3] = gb * b;
    return ll;
  }
}
