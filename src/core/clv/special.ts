/**
 * Log-gamma and digamma for positive arguments, written out because Math has neither.
 *
 * Both shift a small argument up by the recurrence until it is at least SHIFT_TO, where the
 * asymptotic (Stirling) series with Bernoulli-number coefficients is accurate to about 1e-16;
 * the shift costs one log of a product (log-gamma) or a few reciprocals (digamma). The absolute
 * error is what the likelihoods need (they add many log-gammas), and it stays near 1e-15 for
 * arguments up to 10 and near 1e-16 × |result| beyond.
 */

const SHIFT_TO = 10;
const HALF_LOG_TWO_PI = 0.9189385332046728; // ln(2π)/2

// B_2k / (2k (2k-1)), k = 1..7: the Stirling series of ln Γ.
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156];
// B_2k / (2k), k = 1..7: the asymptotic series of ψ.
const DIGAMMA = [1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12];

/** ln Γ(x) for x > 0 (NaN otherwise; +Infinity at +Infinity). */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  let shift = 0;
  if (x < SHIFT_TO) {
    // Γ(x) = Γ(x+n) / (x (x+1) ... (x+n-1)); the product stays far from overflow for x < 10.
    let product = 1;
    while (x < SHIFT_TO) {
      product *= x;
      x += 1;
    }
    shift = Math.log(product);
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  let series = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) series = series * inv2 + STIRLING[k];
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series * inv - shift;
}

/** ψ(x) = d/dx ln Γ(x) for x > 0 (NaN otherwise). */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  let shift = 0;
  while (x < SHIFT_TO) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  let series = 0;
  for (let k = DIGAMMA.length - 1; k >= 0; k--) series = series * inv2 + DIGAMMA[k];
  return Math.log(x) - 0.5 / x - series * inv2 + shift;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a+b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
