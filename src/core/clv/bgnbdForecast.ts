/**
 * Expected purchases in the next t weeks under BG/NBD (equation 10 of Fader, Hardie and Lee):
 *
 *   E[Y(t) | x, t_x, T] = P(alive) · K,
 *   K = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)],  z = t/(α+T+t),
 *
 * K being what a customer still alive at T buys: E[(1 − e^(−λpt))/p] over its posterior
 * λ ~ Gamma(s = r+x, α+T), p ~ Beta(a, b+x). The same K is the integral over the horizon of the
 * expected purchase rate, (s/(α+T)) (1+v)^(−s−1) ₂F₁(s+1, b+x; a+b+x; v/(1+v)) at v weeks/(α+T)
 * ahead (Pfaff's transformation of E[(1+pv)^(−s−1)]); in ζ = v/(1+v):
 *
 *   K = s ∫₀ᶻ (1−ζ)^(s−1) ₂F₁(s+1, b+x; a+b+x; ζ) dζ,
 *
 * which hypergeometric.ts sums as a series of positive terms: no division by a−1, no
 * cancellation, no pole at a+b+x−1 = 0 (the textbook form has all three). It converges like zⁿ
 * after a peak near n ≈ s z/(1−z); where that would take many terms (z near 1: a horizon long
 * against α+T, or a very heavy buyer), K comes from its integral over p instead, summed by
 * double-exponential quadrature.
 */
import { BgNbdParams, probabilityAlive } from './bgnbd';
import { integratedHyp2f1 } from './hypergeometric';
import { expSinhRule, integrateFinite, integrateToInfinity, tanhSinhRule } from './quadrature';
import { logBeta } from './special';

/** Series terms beyond which quadrature (~90 µs, about 20,000 terms' worth) is cheaper. */
export const SERIES_MAX_TERMS = 20_000;

/** Roughly how many terms the series needs: the peak near s z/(1−z), then about 40/(1−z) to shrink below 1e-17. */
export function seriesTerms(p: BgNbdParams, x: number, T: number, t: number): number {
  const rest = (p.alpha + T) / (p.alpha + T + t); // 1 − z, without rounding z first
  return (p.r + x + 40) / rest;
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in the next t weeks. `modified` (MBG/NBD): a customer
 * alive at T has survived x+1 chances to leave, so its dropout probability's posterior is
 * Beta(a, b+x+1), the BG/NBD one with b+1 for b (Batislam et al. 2007, as lifetimes writes it).
 */
export function expectedPurchases(p: BgNbdParams, x: number, tx: number, T: number, t: number, modified = false): number {
  return probabilityAlive(p, x, tx, T, modified) * expectedPurchasesIfAlive(modified ? { ...p, b: p.b + 1 } : p, x, T, t);
}

/** K: expected purchases in the next t weeks of a customer known to be alive at age T. */
export function expectedPurchasesIfAlive(p: BgNbdParams, x: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  if (seriesTerms(p, x, T, t) <= SERIES_MAX_TERMS) {
    const k = bySeries(p, x, T, t);
    if (k === k) return k;
  }
  return byQuadrature(p, x, T, t);
}

/** K by the series (exported for the tests that cross-check both ways). */
export function bySeries(p: BgNbdParams, x: number, T: number, t: number): number {
  const s = p.r + x;
  const z = t / (p.alpha + T + t);
  return s * integratedHyp2f1(s + 1, p.b + x, p.a + p.b + x, s, z);
}

// Step 1/12 with the cuts of inPieces: against 25-digit values (test/core/clv/bgnbdForecast.test.ts)
// within 1e-12; against the series, within 1e-10 for parameters from 1e-3 to 1e3 and 3e-9 from
// 1e-6 to 1e6 (the fit's bounds). Finer steps buy nothing measurable.
const FINITE = tanhSinhRule(1 / 12, 3.2);
const TO_INFINITY = expSinhRule(1 / 12, 4.2, 3.6);
const LN2 = Math.LN2;

/**
 * K = E_p[(1 − (1+pw)^(−s)) / p], p ~ Beta(a, b+x), s = r+x, w = t/(α+T), integrated over
 * p <= 1/2 in u = −ln p and over p >= 1/2 in v = −ln(1−p): the Beta density's endpoint powers
 * become exponentials, and each part is cut where it changes shape (see inPieces).
 */
export function byQuadrature(p: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  const s = r + x;
  const bx = b + x;
  const w = t / (alpha + T);
  const lnW = Math.log(w);
  const lnS = Math.log(s);

  // The Beta density's normalisation goes inside each exponent, so nothing under- or overflows.
  const lnB = logBeta(a, bx);

  // ln(1 − (1+ε)^(−s)) with ε = w e^(−u). Once ε underflows, ln(s ε): the integrand may still
  // matter there, since it then decays only like e^(−a u).
  const logBend = (lnEps: number): number => (lnEps < -700 ? lnS + lnEps : Math.log(-Math.expm1(-s * Math.log1p(Math.exp(lnEps)))));
  // p = e^(−u): p^(a−1) (1−p)^(b+x−1) dp / B · (1 − (1+pw)^(−s))/p, in u.
  const lower = (u: number): number => Math.exp((1 - a) * u + (bx - 1) * Math.log1p(-Math.exp(-u)) + logBend(lnW - u) - lnB);
  // 1 − p = e^(−v), p = 1 − e^(−v).
  const upper = (v: number): number => {
    const pp = -Math.expm1(-v);
    const bend = -Math.expm1(-s * Math.log1p(pp * w)) / pp;
    return Math.exp(-bx * v + (a - 1) * Math.log1p(-Math.exp(-v)) - lnB) * bend;
  };

  // Where each part changes shape: in u the bend of (1 − (1+pw)^(−s))/p between ln w and
  // ln(s w), and in both the bulk of the Beta density (its mean of −ln p, −ln(1−p)) and its steep
  // flank; beyond the last, each decays like e^(−a u) or e^(−(b+x) v).
  const lnMean = Math.log(a + bx);
  // A Beta density with both shapes large is a narrow peak (width ≈ √(1/a − 1/(a+b+x)) in u):
  // cuts around its centre, at steps of that width, resolve it.
  const widthU = Math.sqrt(Math.max(1 / a - 1 / (a + bx), 0));
  const widthV = Math.sqrt(Math.max(1 / bx - 1 / (a + bx), 0));
  return (
    inPieces(lower, [lnW, lnW + lnS, ...flank(Math.log(bx)), ...around(lnMean - Math.log(a), widthU)], Math.min(widthU, 1), 1 / a) +
    inPieces(upper, [...flank(Math.log(a)), ...around(lnMean - Math.log(bx), widthV)], Math.min(widthV, 1), 1 / bx)
  );
}

/** The density's steep side, exp(−k e^(−u)) for a large shape k, rises over the few units of u below ln k. */
function flank(lnK: number): number[] {
  return [lnK - 3, lnK - 1.5, lnK];
}

function around(centre: number, width: number): number[] {
  return width < 0.5 ? [-8, -3, -1, 0, 1, 3, 8].map((k) => centre + k * width) : [centre];
}

/**
 * ∫ f over [ln 2, ∞), cut at the features inside it so that each sits on an endpoint of a piece,
 * where double-exponential nodes are dense; cuts closer than half of `width` to the previous one
 * gain nothing and are skipped. The last piece is stretched by `decay`.
 */
function inPieces(f: (u: number) => number, features: number[], width: number, decay: number): number {
  let total = 0;
  let from = LN2;
  for (const cut of features.sort((u, v) => u - v)) {
    if (!(cut >= from + width / 2)) continue;
    total += integrateFinite(f, from, cut, FINITE);
    from = cut;
  }
  return total + integrateToInfinity(f, from, TO_INFINITY, decay);
}
