/**
 * The special functions behind the lifetime-value models, against known values: closed forms
 * (Γ at integers and halves, ψ(1) = −γ, hypergeometric integrals that reduce to powers and
 * logs) and 20-digit values from mpmath 1.3 (mp.dps = 30) for arguments without a closed form.
 */
import fc from 'fast-check';
import { integratedHyp2f1 } from '../../../src/core/clv/hypergeometric';
import { expSinhRule, integrateFinite, integrateToInfinity, tanhSinhRule } from '../../../src/core/clv/quadrature';
import { digamma, logBeta, logGamma } from '../../../src/core/clv/special';

const EULER_GAMMA = 0.5772156649015329;

/** |got − want| <= tol · max(1, |want|): relative for large values, absolute near 0. */
function close(got: number, want: number, tol: number): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want)));
}

describe('logGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, Math.log(2)],
    [10, Math.log(362880)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
    // mpmath loggamma
    [1e-8, 18.420680738180208905],
    [0.1, 2.2527126517342059599],
    [7.3, 7.1478925230222490328],
    [1e6, 12815504.56914761166],
  ])('ln Γ(%p) = %p', (x, want) => close(logGamma(x), want, 2e-15));

  it('satisfies ln Γ(x+1) − ln Γ(x) = ln x across scales', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (e) => {
        const x = 10 ** e;
        // Each ln Γ carries a rounding of its own size, so the difference is good to that size.
        expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThanOrEqual(1e-15 * Math.abs(logGamma(x + 1)) + 1e-14);
      }),
    );
  });

  it('is NaN outside its domain, never a made-up number', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1.5)).toBeNaN();
    expect(logGamma(NaN)).toBeNaN();
    expect(logGamma(Infinity)).toBe(Infinity);
  });

  it('gives ln B(a, b) with B(1, b) = 1/b and B(1/2, 1/2) = π', () => {
    close(logBeta(1, 7), -Math.log(7), 5e-15);
    close(logBeta(0.5, 0.5), Math.log(Math.PI), 5e-15);
  });
});

describe('digamma', () => {
  it.each([
    [1, -EULER_GAMMA],
    [2, 1 - EULER_GAMMA],
    [0.5, -EULER_GAMMA - 2 * Math.LN2],
    // mpmath digamma
    [1e-8, -100000000.57721564845],
    [0.1, -10.423754940411076795],
    [3.7, 1.1671535393615113859],
    [10, 2.2517525890667211076],
    [1e6, 13.815510057964190771],
  ])('ψ(%p) = %p', (x, want) => close(digamma(x), want, 2e-15));

  it('satisfies ψ(x+1) − ψ(x) = 1/x and is the slope of ln Γ', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 5, noNaN: true }), (e) => {
        const x = 10 ** e;
        close(digamma(x + 1) - digamma(x), 1 / x, 1e-12);
        const h = 1e-5 * x;
        close(digamma(x), (logGamma(x + h) - logGamma(x - h)) / (2 * h), 1e-6);
      }),
    );
  });
});

/** ₂F₁ by its textbook power series, an independent evaluation to check against. */
function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100_000 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
  }
  return sum;
}

/** ∫₀ᶻ f by Simpson's rule on 4,000 panels: plain, for smooth integrands. */
function simpson(f: (x: number) => number, z: number): number {
  const n = 4_000;
  const h = z / n;
  let sum = f(0) + f(z);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(i * h);
  return (sum * h) / 3;
}

describe('the textbook ₂F₁ used as a reference here', () => {
  it('matches closed forms and mpmath', () => {
    for (const z of [0.1, 0.5, 0.9]) {
      close(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, 1e-13);
      close(hyp2f1(0.5, 0.5, 1.5, z), Math.asin(Math.sqrt(z)) / Math.sqrt(z), 1e-13);
    }
    close(hyp2f1(2.243, 4.426, 4.219, 0.4985), 5.1249940065056295525, 1e-14); // mpmath
    close(hyp2f1(-0.207, 2.972, 2.219, 0.85), 0.43327903745322947676, 1e-14); // mpmath
  });
});

describe('integratedHyp2f1: ∫₀ᶻ (1−ζ)^(s−1) ₂F₁(A, B; C; ζ) dζ', () => {
  it('reduces to closed forms when B = C (₂F₁ = (1−ζ)^(−A))', () => {
    for (const [A, s, z] of [[1, 3, 0.5], [1, 0.5, 0.9], [2.2, 1.2, 0.3], [0.4, 2.5, 0.99], [1.3, 0.3, 0.999]]) {
      const want = s === A ? -Math.log1p(-z) : -Math.expm1((s - A) * Math.log1p(-z)) / (s - A);
      close(integratedHyp2f1(A, 1.7, 1.7, s, z), want, 1e-12);
    }
    close(integratedHyp2f1(2.5, 0.8, 0.8, 2.5, 0.7), -Math.log1p(-0.7), 1e-13); // s = A: a logarithm
  });

  it.each([
    // mpmath 1.3: quad of (1−ζ)^(s−1) hyp2f1(A, B, C, ζ), 30 digits; the forecast's shapes (s+1, b+x, a+b+x, s)
    [3.243, 4.426, 5.219, 2.243, 0.5, 0.82135626587505039073],
    [1.243, 2.426, 3.219, 0.243, 0.9, 4.986236754265984116],
    [31.5, 30.2, 30.9, 30.5, 0.3, 0.37562816899091961902],
    [2.0000001, 1.01, 1.0100001, 1.0000001, 0.968, 30.249989632945326346],
    [1.5, 0.3, 0.8, 0.5, 0.99, 9.2776580538049864198],
  ])('A %p, B %p, C %p, s %p, z %p: %p', (A, B, C, s, z, want) => close(integratedHyp2f1(A, B, C, s, z), want, 1e-13));

  it('agrees with Simpson integration of the textbook ₂F₁ for random shapes where it is stable', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0.01, max: 0.8, noNaN: true }),
        (s, aShare, B, extra, z) => {
          const A = aShare * (s + 1);
          const C = B + extra;
          const want = simpson((q) => (1 - q) ** (s - 1) * hyp2f1(A, B, C, q), z);
          expect(Math.abs(integratedHyp2f1(A, B, C, s, z) / want - 1)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is 0 at z = 0 and NaN outside its domain', () => {
    expect(integratedHyp2f1(1, 1, 1, 1, 0)).toBe(0);
    expect(integratedHyp2f1(1, 1, 1, 1, 1)).toBeNaN();
    expect(integratedHyp2f1(0, 1, 1, 1, 0.5)).toBeNaN();
    expect(integratedHyp2f1(1, 1, 1, -1, 0.5)).toBeNaN();
    // where the recurrence could amplify rounding it refuses rather than answer
    expect(integratedHyp2f1(5, 1, 1, 0.3, 0.5)).toBeNaN();
    expect(integratedHyp2f1(1, 2, 1, 1, 0.5)).toBeNaN();
  });

  it('carries terms far below the smallest double without losing them (s (1−z)^s underflows)', () => {
    // A heavy buyer: (1−z)^s = 0.5^1200 underflows, yet the terms that start from it matter.
    const A = 1201;
    const want = -Math.expm1((1200 - A) * Math.log1p(-0.5)) / (1200 - A);
    close(integratedHyp2f1(A, 3, 3, 1200, 0.5), want, 1e-12);
  });
});

describe('double-exponential quadrature', () => {
  const finite = tanhSinhRule(1 / 24, 3.2);
  const infinite = expSinhRule(1 / 24, 4.2, 3.6);

  // The forecast gives them integrands smooth at the ends (its changes of variable see to that).
  it('integrates over a finite range', () => {
    close(integrateFinite(Math.sin, 0, Math.PI, finite), 2, 1e-14);
    close(integrateFinite((x) => x ** 2.5, 0, 1, finite), 1 / 3.5, 1e-14);
    close(integrateFinite((x) => Math.exp(3 * x), 2, 5, finite), (Math.exp(15) - Math.exp(6)) / 3, 1e-14);
  });

  it('integrates to infinity', () => {
    close(integrateToInfinity((x) => Math.exp(-x), 0, infinite), 1, 1e-14);
    close(integrateToInfinity((x) => Math.exp(-x * x), 0, infinite), Math.sqrt(Math.PI) / 2, 1e-14);
    // A slow decay (the forecast meets e^(−a u) with a near 0.01) is the hard case: ~1e-12.
    close(integrateToInfinity((x) => Math.exp(-0.01 * x), 3, infinite), 100 * Math.exp(-0.03), 5e-12);
  });
});
