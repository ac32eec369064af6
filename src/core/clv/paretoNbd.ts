/**
 * The Pareto/NBD model of Schmittlein, Morrison and Colombo (1987), in the notation of Fader and
 * Hardie's note "A note on deriving the Pareto/NBD model and related expressions" (2005): while
 * alive a customer buys at rate λ ~ Gamma(r, α); its lifetime is exponential with rate
 * μ ~ Gamma(s, β). Unlike BG/NBD it can leave at any moment, so a customer silent for long is
 * probably gone whether it bought once or often.
 *
 * The likelihood of (x, t_x, T) is (note, eq. 18-20)
 *
 *   L = Γ(r+x)/Γ(r) α^r β^s [ (α+T)^−(r+x) (β+T)^−s + s I ],
 *   I = ∫ from t_x to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ   (dropping out at τ),
 *
 * which the note writes with two Gaussian hypergeometric functions, I = G(t_x) − G(T), where
 *
 *   G(y) = ∫ from y to ∞ of the same = u^−m Σₙ (k)ₙ/n! qⁿ/(m+n),   m = r+s+x,
 *
 * expanded around the larger of α and β (the note's α >= β switch): with α >= β, u = α+y,
 * q = (α−β)/u and k = s+1; with α < β, u = β+y, q = (β−α)/u and k = r+x. `tail` sums it after
 * Euler's transformation, where every term is positive and below q times the one before, and
 * the gradient's series are the same terms with simple weights, summed in the same loop. The
 * difference G(t_x) − G(T) loses digits when T is near t_x, but then s I is small beside the
 * first term, so ln L keeps its accuracy (s G(T) <= the first term).
 *
 * The series needs up to about 37/(1−q) terms: when q is very near 1 (one rate scale hundreds of
 * times the other, and y small) I is integrated instead, in v = ln(min(α,β)+τ), where the
 * integrand is log-concave (one peak, then at least exponential decay), by double-exponential
 * quadrature in pieces that grow away from the peak.
 */
import { logAddExp } from './bgnbd';
import { tanhSinhRule } from './quadrature';
import { digamma, logGamma } from './special';

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

/** Above this many estimated series terms, I is integrated instead (a quadrature costs about as much as 1,500 terms). */
export const SERIES_MAX_TERMS = 3000;
const EPS = 1e-16;

/**
 * ln G(y) and its derivatives ∂ln G/∂(r, α, s, β), written to out[o..o+4]; false (nothing
 * written) when the series would need more than SERIES_MAX_TERMS terms.
 *
 * G = u^−m/m · ₂F₁(k, m; m+1; q), and Euler's transformation ₂F₁(a, b; c; z) =
 * (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z) turns it into
 *
 *   G = u^−m (1−q)^(1−k)/m · F,   F = Σₙ tₙ,   tₙ = (e)ₙ/(m+1)ₙ qⁿ,   e = m+1−k,
 *
 * e being the exponent of the base factor (r+x for α, s+1 for β). Each term is below q times the
 * one before (e < m+1), so the series has no hump to climb however heavy the buyer (the direct
 * one peaks near n = k q/(1−q)), nothing overflows, and about 37/(1−q) terms reach 1e-16 at
 * worst. 1−q = (min(α,β)+y)/u is computed as that ratio, without cancellation. The derivatives
 * come from the same terms: ∂F/∂e = Σ tₙ Hₙ(e), ∂F/∂m = −Σ tₙ Hₙ(m+1) (Hₙ(c) = Σ_{j<n} 1/(c+j),
 * from the Pochhammer symbols), ∂F/∂q = Σ (n+1) t_{n+1}/q; then the chain rule through m, k, e,
 * u and q.
 */
export function tail(p: ParetoNbdParams, x: number, y: number, out: Float64Array, o: number): boolean {
  const { r, alpha, s, beta } = p;
  const alphaBase = alpha >= beta;
  const u = (alphaBase ? alpha : beta) + y;
  const low = (alphaBase ? beta : alpha) + y;
  const q = (alphaBase ? alpha - beta : beta - alpha) / u;
  const m = r + s + x;
  const e = alphaBase ? r + x : s + 1;
  const k = m + 1 - e;
  if (q > 0 && -37 / Math.log(q) > SERIES_MAX_TERMS) return false;
  let t = 1;
  let f = 0; // Σ tₙ
  let fe = 0; // Σ tₙ Hₙ(e)
  let fm = 0; // Σ tₙ Hₙ(m+1)
  let fq = 0; // Σ (n+1) t_{n+1} / q
  let he = 0;
  let hm = 0;
  for (let n = 0; n <= 4 * SERIES_MAX_TERMS; n++) {
    f += t;
    fe += t * he;
    fm += t * hm;
    const invC = 1 / (m + 1 + n);
    const grow = (e + n) * invC; // t_{n+1} = tₙ · grow · q
    fq += (n + 1) * t * grow;
    he += 1 / (e + n);
    hm += invC;
    t *= grow * q;
    // Later ratios stay below q; the weights Hₙ and n+1 grow by at most 1 + 1/(n+1) a step.
    const bound = q * (1 + 1 / (n + 1));
    if (t === 0 || (bound < 1 && t * (n + 2) * (1 + he + hm) <= EPS * (1 - bound) * f)) {
      const lnU = Math.log(u);
      const lnRest = Math.log(low) - lnU; // ln(1−q)
      const dE = fe / f;
      const dM = -1 / m - fm / f; // ∂(−ln m + ln F)/∂m besides −ln u
      const dQ = fq / f + ((k - 1) * u) / low; // ∂ln G/∂q; 1/(1−q) = u/low
      out[o] = -m * lnU + (1 - k) * lnRest - Math.log(m) + Math.log(f);
      // r and s move m; one of them is e (α >= β: r+x; else s+1), the other k.
      const viaE = -lnU + dM + dE;
      const viaK = -lnU + dM - lnRest;
      out[o + 1] = alphaBase ? viaE : viaK;
      out[o + 3] = alphaBase ? viaK : viaE;
      // The base moves u and q (∂q = (1−q)/u), the other q alone (∂q = −1/u).
      const base = -m / u + (dQ * low) / (u * u);
      const other = -dQ / u;
      out[o + 2] = alphaBase ? base : other;
      out[o + 4] = alphaBase ? other : base;
      return true;
    }
  }
  return false;
}

// A piece of the fallback integral: step 1/8 up to |τ| = 3.2 (51 nodes).
const PIECE = tanhSinhRule(1 / 8, 3.2);

/**
 * ln I and ∂ln I/∂(r, α, s, β) into out[0..4] by quadrature (see the header), for any q.
 * I > 0 requires T > t_x.
 */
export function intervalByQuadrature(p: ParetoNbdParams, x: number, tx: number, T: number, out: Float64Array): void {
  const { r, alpha, s, beta } = p;
  const ea = r + x;
  const eb = s + 1;
  const low = Math.min(alpha, beta);
  const v0 = Math.log(low + tx);
  const v1 = Math.log(low + T);
  // ln of the integrand in v (dτ = e^v dv), and its slope there.
  const lnF = (v: number): number => {
    const tau = Math.exp(v) - low;
    return v - ea * Math.log(alpha + tau) - eb * Math.log(beta + tau);
  };
  const slope = (v: number): number => {
    const e = Math.exp(v);
    const tau = e - low;
    return 1 - (ea * e) / (alpha + tau) - (eb * e) / (beta + tau);
  };
  // The peak: where the slope is 0 (it falls with v), found by bisection; else the start.
  let peak = v0;
  if (slope(v0) > 0) {
    let lo = v0;
    let hi = v1;
    if (slope(v1) > 0) peak = v1;
    else {
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (slope(mid) > 0) lo = mid;
        else hi = mid;
      }
      peak = (lo + hi) / 2;
    }
  }
  const ref = lnF(peak); // factored out, so nothing under- or overflows
  const sums = [0, 0, 0, 0, 0];
  // One pass over a piece's nodes adds to all five integrals; returns the piece's part of I.
  const add = (from: number, to: number): number => {
    const mid = (from + to) / 2;
    const half = (to - from) / 2;
    let f0 = 0;
    let f1 = 0;
    let f2 = 0;
    let f3 = 0;
    let f4 = 0;
    for (let j = 0; j < PIECE.nodes.length; j++) {
      const v = mid + half * PIECE.nodes[j];
      const tau = Math.exp(v) - low;
      const la = Math.log(alpha + tau);
      const lb = Math.log(beta + tau);
      const f = PIECE.weights[j] * Math.exp(v - ea * la - eb * lb - ref);
      f0 += f;
      f1 += f * la;
      f2 += f / (alpha + tau);
      f3 += f * lb;
      f4 += f / (beta + tau);
    }
    sums[0] += f0 * half;
    sums[1] += f1 * half;
    sums[2] += f2 * half;
    sums[3] += f3 * half;
    sums[4] += f4 * half;
    return f0 * half;
  };
  // Rising side (log-concave: one piece), then pieces three times longer each, from the decay length at the peak.
  if (peak > v0) add(v0, peak);
  const width = 1 / Math.max(Math.abs(slope(peak)), 1e-3);
  let from = peak;
  let step = width;
  while (from < v1) {
    const to = Math.min(v1, from + step);
    const piece = add(from, to);
    if (piece <= EPS * sums[0]) break;
    from = to;
    step *= 3;
  }
  out[0] = Math.log(sums[0]) + ref;
  out[1] = -sums[1] / sums[0];
  out[2] = (-ea * sums[2]) / sums[0];
  out[3] = -sums[3] / sums[0];
  out[4] = (-eb * sums[4]) / sums[0];
}

const scratch = new Float64Array(10);

/**
 * ln I and ∂ln I/∂(r, α, s, β) into out[0..4]: −Infinity (and zeros) when T = t_x. Series for
 * both tails where they are short, else quadrature.
 */
export function interval(p: ParetoNbdParams, x: number, tx: number, T: number, out: Float64Array): void {
  if (!(T > tx)) {
    out.fill(0, 0, 5);
    out[0] = -Infinity;
    return;
  }
  if (tail(p, x, tx, scratch, 0) && tail(p, x, T, scratch, 5)) {
    combine(scratch, 0, scratch, 5, out, 0);
    if (out[0] > -Infinity) return;
  }
  intervalByQuadrature(p, x, tx, T, out);
}

/**
 * I = G(t_x) − G(T) from the two tails: ln I and ∂ln I = (∂G(t_x) − ∂G(T)) / I, written as
 * (g_tx − f g_T)/(1 − f) with f = G(T)/G(t_x) and g = ∂ln G. −Infinity when rounding leaves
 * nothing (f >= 1: T so near t_x that I is below G's last digit).
 */
export function combine(a: Float64Array, ao: number, b: Float64Array, bo: number, out: Float64Array, o: number): void {
  const f = Math.exp(b[bo] - a[ao]);
  if (!(f < 1)) {
    out.fill(0, o, o + 5);
    out[o] = -Infinity;
    return;
  }
  out[o] = a[ao] + Math.log1p(-f);
  const rest = 1 / (1 - f);
  for (let j = 1; j < 5; j++) out[o + j] = (a[ao + j] - f * b[bo + j]) * rest;
}

/** ln of the first term (alive at T) and of the second (s I: gone between t_x and T). */
function terms(p: ParetoNbdParams, x: number, tx: number, T: number, out: Float64Array): { alive: number; gone: number } {
  interval(p, x, tx, T, out);
  return {
    alive: -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T),
    gone: Math.log(p.s) + out[0],
  };
}

/** ln L of one customer (for checking the grouped evaluation by hand). */
export function paretoNbdLogLikelihood(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { alive, gone } = terms(p, x, tx, T, new Float64Array(5));
  const constant = logGamma(p.r + x) - logGamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta);
  return constant + (gone === -Infinity ? alive : logAddExp(alive, gone));
}

/** P(alive | x, t_x, T): the first term's share of the sum (note, eq. 36-37). */
export function paretoProbabilityAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { alive, gone } = terms(p, x, tx, T, new Float64Array(5));
  if (gone === -Infinity) return 1;
  // exp may overflow to Infinity for a customer long silent: 1 / Infinity is 0, never NaN.
  return 1 / (1 + Math.exp(gone - alive));
}

/**
 * Expected purchases in the next t weeks of a customer alive at T (note, eq. 41 without
 * P(alive)): E[λ] E[(1 − e^(−μt))/μ] over the posterior λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T),
 *   (r+x)/(α+T) · (β+T)/(s−1) · [1 − ((β+T)/(β+T+t))^(s−1)],
 * written as (r+x)(β+T)/(α+T) · L · expm1(z)/z with L = ln(1 + t/(β+T)), z = (1−s) L, which
 * has no division by s−1 (s = 1 is the limit L).
 */
export function paretoExpectedPurchasesIfAlive(p: ParetoNbdParams, x: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  const L = Math.log1p(t / (p.beta + T));
  const z = (1 - p.s) * L;
  const ratio = Math.abs(z) < 1e-8 ? 1 + z / 2 : Math.expm1(z) / z;
  return (((p.r + x) * (p.beta + T)) / (p.alpha + T)) * L * ratio;
}

/** E[Y(t) | x, t_x, T]. */
export function paretoExpectedPurchases(p: ParetoNbdParams, x: number, tx: number, T: number, t: number): number {
  return paretoProbabilityAlive(p, x, tx, T) * paretoExpectedPurchasesIfAlive(p, x, T, t);
}

/** Customers with identical (x, t_x, T), counted; as BgNbdGroups. */
interface Groups {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  count: Float64Array;
}

/**
 * The log-likelihood of grouped customers and its gradient in θ = (ln r, ln α, ln s, ln β).
 * Tails are computed once per distinct (x, y) (y = t_x or T): far fewer than the groups.
 */
export class ParetoNbdLikelihood {
  readonly customers: number;
  private readonly groups: Groups;
  private readonly xs: Float64Array;
  private readonly xWeight: Float64Array;
  private readonly pairX: Float64Array;
  private readonly pairY: Float64Array;
  private readonly txPair: Int32Array;
  private readonly TPair: Int32Array;
  private readonly tails: Float64Array;
  private readonly ok: Uint8Array;
  private readonly out = new Float64Array(5);

  constructor(groups: Groups) {
    this.groups = groups;
    const pairs = new Map<string, number>();
    const px: number[] = [];
    const py: number[] = [];
    const pairOf = (x: number, y: number): number => {
      const key = `${x},${y}`;
      let i = pairs.get(key);
      if (i === undefined) {
        i = px.length;
        pairs.set(key, i);
        px.push(x);
        py.push(y);
      }
      return i;
    };
    const n = groups.count.length;
    this.txPair = new Int32Array(n);
    this.TPair = new Int32Array(n);
    const weights = new Map<number, number>();
    let customers = 0;
    for (let g = 0; g < n; g++) {
      this.txPair[g] = pairOf(groups.x[g], groups.tx[g]);
      this.TPair[g] = pairOf(groups.x[g], groups.T[g]);
      weights.set(groups.x[g], (weights.get(groups.x[g]) ?? 0) + groups.count[g]);
      customers += groups.count[g];
    }
    this.customers = customers;
    this.xs = Float64Array.from(weights.keys());
    this.xWeight = Float64Array.from(weights.values());
    this.pairX = Float64Array.from(px);
    this.pairY = Float64Array.from(py);
    this.tails = new Float64Array(px.length * 5);
    this.ok = new Uint8Array(px.length);
  }

  /** ln L at θ; writes ∂ ln L / ∂θ into `grad` (length 4). */
  evaluate(theta: ArrayLike<number>, grad: Float64Array): number {
    const p: ParetoNbdParams = { r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), s: Math.exp(theta[2]), beta: Math.exp(theta[3]) };
    const { r, alpha, s, beta } = p;
    const lnAlpha = theta[1];
    const lnBeta = theta[3];

    // Γ(r+x)/Γ(r) α^r β^s, per distinct x.
    let ll = this.customers * (r * lnAlpha + s * lnBeta);
    let gr = this.customers * lnAlpha;
    let gAlpha = (this.customers * r) / alpha;
    let gs = this.customers * lnBeta;
    let gBeta = (this.customers * s) / beta;
    const lgR = logGamma(r);
    const dgR = digamma(r);
    for (let k = 0; k < this.xs.length; k++) {
      const x = this.xs[k];
      if (x === 0) continue;
      ll += this.xWeight[k] * (logGamma(r + x) - lgR);
      gr += this.xWeight[k] * (digamma(r + x) - dgR);
    }

    const { tails, ok } = this;
    for (let i = 0; i < this.pairX.length; i++) ok[i] = tail(p, this.pairX[i], this.pairY[i], tails, i * 5) ? 1 : 0;

    const { x: gx, tx: gtx, T: gT, count } = this.groups;
    const out = this.out;
    const lnS = theta[2];
    const invS = 1 / s;
    for (let g = 0; g < count.length; g++) {
      const x = gx[g];
      const T = gT[g];
      const w = count[g];
      const lnAT = Math.log(alpha + T);
      const lnBT = Math.log(beta + T);
      const alive = -(r + x) * lnAT - s * lnBT;
      let gone = -Infinity;
      if (T > gtx[g]) {
        const a = this.txPair[g];
        const b = this.TPair[g];
        if (ok[a] && ok[b]) combine(tails, a * 5, tails, b * 5, out, 0);
        if (!(ok[a] && ok[b]) || out[0] === -Infinity) intervalByQuadrature(p, x, gtx[g], T, out);
        gone = lnS + out[0];
      }
      if (gone === -Infinity) {
        ll += w * alive;
        gr -= w * lnAT;
        gAlpha -= (w * (r + x)) / (alpha + T);
        gs -= w * lnBT;
        gBeta -= (w * s) / (beta + T);
        continue;
      }
      const d = gone - alive;
      let lse: number;
      let w2: number; // share of the second term
      if (d > 0) {
        const e = Math.exp(-d);
        lse = gone + Math.log1p(e);
        w2 = 1 / (1 + e);
      } else {
        const e = Math.exp(d);
        lse = alive + Math.log1p(e);
        w2 = e / (1 + e);
      }
      const w1 = 1 - w2;
      ll += w * lse;
      gr += w * (-w1 * lnAT + w2 * out[1]);
      gAlpha += w * ((-w1 * (r + x)) / (alpha + T) + w2 * out[2]);
      gs += w * (-w1 * lnBT + w2 * (invS + out[3]));
      gBeta += w * ((-w1 * s) / (beta + T) + w2 * out[4]);
    }
    grad[0] = gr * r;
    grad[1] = gAlpha * alpha;
    grad[2] = gs * s;
    grad[3] = gBeta * beta;
    return ll;
  }
}
