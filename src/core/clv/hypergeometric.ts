/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) by its power series, for real
 * 0 <= z < 1 and c > 0: Σ (a)ₙ (b)ₙ / ((c)ₙ n!) zⁿ, each term from the previous one.
 *
 * The series converges like zⁿ, so it is the tool for z up to about 0.9 (a few hundred terms);
 * bgnbdForecast.ts switches to quadrature beyond. Terms may grow before they shrink (large a, b),
 * so the sum stops only once the terms have turned down and the rest of the series, bounded by a
 * geometric tail, is below the last bits of the sum.
 */

const EPS = 1e-17;
const MAX_TERMS = 100_000;

/**
 * Σ_{n>=1} tₙ with t₁ = first and t_{n+1} = tₙ (p+n)(q+n) z / ((c+n)(n+1)): the tail of a
 * hypergeometric series. NaN when it has not converged within MAX_TERMS (z too close to 1).
 */
function tail(first: number, p: number, q: number, c: number, z: number): number {
  let term = first;
  let sum = first;
  for (let n = 1; n < MAX_TERMS; n++) {
    const ratio = ((p + n) * (q + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    // Past the peak the ratios tend to z; max(ratio, z) bounds the rest as a geometric series.
    const rate = Math.abs(ratio) > z ? Math.abs(ratio) : z;
    if (term === 0 || (rate < 1 && Math.abs(term) * rate <= EPS * (1 - rate) * Math.abs(sum))) return sum;
  }
  return NaN;
}

/** ₂F₁(a, b; c; z) for 0 <= z < 1, c > 0. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1) || !(c > 0)) return NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  return 1 + tail((a * b * z) / c, a, b, c, z);
}

/**
 * c (₂F₁(a, b; c; z) − 1) / a, summed without subtracting 1, dividing by a or multiplying by c:
 * Σ_{n>=1} (a+1)ₙ₋₁ (b)ₙ / ((c+1)ₙ₋₁ n!) zⁿ. It is smooth through a = 0 and defined for
 * c > −1 (the factor c cancels ₂F₁'s pole at c = 0). The BG/NBD forecast needs it with
 * a = (dropout shape − 1) and c = a + b + x − 1, which a fit can put near 0 or below.
 */
export function scaledHyp2f1Increment(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1) || !(c > -1)) return NaN;
  if (z === 0 || b === 0) return 0;
  // Term n+1 over term n: (a+n)(b+n) z / ((c+n)(n+1)), the same recurrence as ₂F₁'s.
  return tail(b * z, a, b, c, z);
}
