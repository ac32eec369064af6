/**
 * Double-exponential quadrature (Takahasi and Mori): the trapezoid rule after a change of
 * variable that makes the integrand decay double-exponentially at both ends. It converges
 * exponentially for integrands analytic near the path, whatever they do at the endpoints, which
 * is why the forecast uses it where its power series would need thousands of terms.
 *
 *   tanh-sinh on [lo, hi]:  x = mid + half·tanh(π/2·sinh τ)
 *   exp-sinh  on [lo, ∞):   x = lo + exp(π/2·sinh τ)
 *
 * Nodes are computed once per rule; an integral is one pass over them.
 */

export interface Rule {
  /** Abscissas on the reference interval ([−1, 1] for tanh-sinh, offsets from lo for exp-sinh). */
  nodes: Float64Array;
  /** Weights, the step included. */
  weights: Float64Array;
}

const HALF_PI = Math.PI / 2;

/** tanh-sinh nodes with step h for |τ| <= tauMax. */
export function tanhSinhRule(h: number, tauMax: number): Rule {
  const n = Math.floor(tauMax / h);
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let k = -n; k <= n; k++) {
    const tau = k * h;
    const u = HALF_PI * Math.sinh(tau);
    const cu = Math.cosh(u);
    nodes.push(Math.tanh(u));
    weights.push((h * HALF_PI * Math.cosh(tau)) / (cu * cu));
  }
  return { nodes: Float64Array.from(nodes), weights: Float64Array.from(weights) };
}

/** exp-sinh nodes with step h for −tauLow <= τ <= tauHigh. */
export function expSinhRule(h: number, tauLow: number, tauHigh: number): Rule {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let k = -Math.floor(tauLow / h); k <= Math.floor(tauHigh / h); k++) {
    const tau = k * h;
    const e = Math.exp(HALF_PI * Math.sinh(tau));
    nodes.push(e);
    weights.push(h * HALF_PI * Math.cosh(tau) * e);
  }
  return { nodes: Float64Array.from(nodes), weights: Float64Array.from(weights) };
}

/** ∫ f over [lo, hi] by a tanh-sinh rule. */
export function integrateFinite(f: (x: number) => number, lo: number, hi: number, rule: Rule): number {
  const mid = (lo + hi) / 2;
  const half = (hi - lo) / 2;
  let sum = 0;
  for (let k = 0; k < rule.nodes.length; k++) sum += rule.weights[k] * f(mid + half * rule.nodes[k]);
  return sum * half;
}

/**
 * ∫ f over [lo, ∞) by an exp-sinh rule stretched by `scale` (x = lo + scale·node). The rule is
 * most accurate where f changes over distances near `scale` from lo: give the length over which
 * f decays. Near lo its nodes are dense at every scale.
 */
export function integrateToInfinity(f: (x: number) => number, lo: number, rule: Rule, scale = 1): number {
  let sum = 0;
  for (let k = 0; k < rule.nodes.length; k++) sum += rule.weights[k] * f(lo + scale * rule.nodes[k]);
  return sum * scale;
}
