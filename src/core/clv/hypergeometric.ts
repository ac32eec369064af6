/**
 * The hypergeometric term of the BG/NBD forecast, as a series of positive terms.
 *
 * The paper writes expected purchases with ₂F₁(r+x, b+x; a+b+x−1; z) inside 1 − (…), divided by
 * a − 1. Evaluated as written that subtracts nearly equal numbers, divides by a number a fit can
 * put near 0, and breaks when a+b+x−1 <= 0; its Euler-transformed forms overflow for large a or
 * r. bgnbdForecast.ts instead integrates the purchase rate, itself a ₂F₁ with positive
 * parameters, over the horizon, term by term:
 *
 *   ∫₀ᶻ (1−ζ)^(s−1) ₂F₁(A, B; C; ζ) dζ = Σₙ (A)ₙ (B)ₙ / ((C)ₙ n!) · Iₙ,   Iₙ = ∫₀ᶻ ζⁿ (1−ζ)^(s−1) dζ,
 *
 * every term positive (A, B, C, s > 0), so no cancellation whatever the parameters. Iₙ (an
 * incomplete Beta function) follows from I₀ by parts:
 *
 *   Iₙ₊₁ = ((n+1) Iₙ − zⁿ⁺¹ (1−z)ˢ) / (n+1+s),
 *
 * a recurrence that never amplifies its errors when A <= s+1 and B <= C (with the
 * coefficients folded in, each step multiplies them by (A+n)(B+n)/((C+n)(n+1+s)) <= 1).
 * The terms are carried with their coefficients folded in, Jₙ = cₙ Iₙ and Dₙ = cₙ zⁿ⁺¹ (1−z)ˢ,
 * so nothing overflows when cₙ is huge and Iₙ tiny; Dₙ, when it starts below the smallest
 * double and would grow, keeps a separate power-of-two exponent (sumScaled).
 */

const EPS = 1e-16;
const MAX_TERMS = 1_000_000;
const BIG = 2 ** 500;
const SMALL = 2 ** -500;

/**
 * ∫₀ᶻ (1−ζ)^(s−1) ₂F₁(A, B; C; ζ) dζ for 0 <= z < 1 and positive shapes with A <= s + 1 and
 * B <= C, where the recurrence never amplifies an error (the forecast's A = s+1, C = B + a
 * qualify); NaN outside that, or if it does not converge in MAX_TERMS.
 */
export function integratedHyp2f1(A: number, B: number, C: number, s: number, z: number): number {
  // (A is compared with a rounding's slack: s + 1 is computed by the caller too.)
  if (!(z >= 0 && z < 1) || !(A > 0 && B > 0 && s > 0 && A <= (s + 1) * (1 + 1e-15) && B <= C)) return NaN;
  if (z === 0) return 0;
  const logRest = Math.log1p(-z);
  const j = -Math.expm1(s * logRest) / s; // I₀ = (1 − (1−z)ˢ) / s
  const logD = Math.log(z) + s * logRest; // D₀ = z (1−z)ˢ
  return logD > -700 ? sumPlain(A, B, C, s, z, j, Math.exp(logD)) : sumScaled(A, B, C, s, z, j, logD);
}

/**
 * The usual case: D₀ is a normal double. D then only falls below the doubles once it shrinks
 * for good (ρ z < 1 from there on), when it no longer matters beside (n+1) Jₙ.
 */
function sumPlain(A: number, B: number, C: number, s: number, z: number, j: number, d: number): number {
  let sum = j;
  for (let n = 0; n < MAX_TERMS; n++) {
    const rho = ((A + n) * (B + n)) / ((C + n) * (n + 1)); // c_{n+1} / c_n
    // I_{n+1} <= z Iₙ (ζ <= z under the integral), so the next term is at most ρ z times this
    // one: clamping to that bound (and to 0) removes rounding the recurrence would carry along.
    const bound = rho * z * j;
    const next = (rho * ((n + 1) * j - d)) / (n + 1 + s);
    j = next < 0 ? 0 : next > bound ? bound : next;
    sum += j;
    d *= rho * z;
    // ρₘ tends to 1, from above or below: z · max(1, ρₙ) bounds every later ratio once ρ is
    // monotone, so the rest is below a geometric series with that ratio.
    const q = z * (rho > 1 ? rho : 1);
    if (j === 0 || (q < 1 && j * q <= EPS * (1 - q) * sum)) return sum;
  }
  return NaN;
}

/**
 * D₀ below the doubles (a heavy buyer, or z near 1: (1−z)ˢ underflows) while the terms built on
 * it will matter: D = d · 2^k with d kept within [2^−500, 2^500]. Slower, and rarely needed.
 */
function sumScaled(A: number, B: number, C: number, s: number, z: number, j: number, logD: number): number {
  let k = Math.round(logD / Math.LN2);
  let d = Math.exp(logD - k * Math.LN2);
  let scale = 2 ** Math.max(k, -1074);
  let sum = j;
  for (let n = 0; n < MAX_TERMS; n++) {
    const rho = ((A + n) * (B + n)) / ((C + n) * (n + 1));
    const bound = rho * z * j;
    const next = (rho * ((n + 1) * j - (k < -1074 ? 0 : d * scale))) / (n + 1 + s);
    j = next < 0 ? 0 : next > bound ? bound : next;
    sum += j;
    d *= rho * z;
    if (d > BIG || d < SMALL) {
      const shift = Math.round(Math.log2(d));
      d *= 2 ** -shift;
      k += shift;
      scale = 2 ** Math.max(k, -1074);
    }
    const q = z * (rho > 1 ? rho : 1);
    if (j === 0 || (q < 1 && j * q <= EPS * (1 - q) * sum)) return sum;
  }
  return NaN;
}
