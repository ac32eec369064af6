/**
 * The two likelihoods on cases worked by hand (a one-time buyer's BG/NBD likelihood is
 * (α/(α+T))^r; with p = q = 1 the Gamma-Gamma density of a single amount is v/(v+m)²), the
 * grouped evaluation against the sum of single customers, and the analytic gradients against
 * finite differences.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { BgNbdLikelihood, bgnbdLogLikelihood } from '../../../src/core/clv/bgnbd';
import { expectedAverageValue, GammaGammaLikelihood, gammaGammaLogLikelihood } from '../../../src/core/clv/gammaGamma';
import { parseCsv } from '../../../tools/sheets/csv';
import { REFERENCE_DATA } from '../../support/referenceData';

const close = (got: number, want: number, tol: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want)));

describe('BG/NBD log-likelihood of one customer', () => {
  it('is r ln(α/(α+T)) for a one-time buyer: nobody can have dropped out, no purchase since', () => {
    close(bgnbdLogLikelihood({ r: 0.5, alpha: 2, a: 0.8, b: 2.4 }, 0, 0, 10), 0.5 * Math.log(2 / 12), 1e-15);
  });

  it('matches equation 6 written out for x = 1', () => {
    const [r, alpha, a, b, tx, T] = [0.7, 3, 0.9, 2.5, 4, 20];
    // Γ(r+1)/Γ(r) = r and B(a, b+1)/B(a, b) = b/(a+b)
    const want = Math.log(r) + r * Math.log(alpha) + Math.log(b / (a + b)) + Math.log((alpha + T) ** -(r + 1) + (a / b) * (alpha + tx) ** -(r + 1));
    close(bgnbdLogLikelihood({ r, alpha, a, b }, 1, tx, T), want, 1e-14);
  });

  it('gives the paper its -9582.4 at its parameters on the CDNOW summary', () => {
    const rows = parseCsv(fs.readFileSync(path.join(REFERENCE_DATA, 'cdnow_customers_summary.csv'), 'utf8')).slice(1).filter((r) => r.length === 4);
    expect(rows.length).toBe(2357);
    const paper = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const ll = rows.reduce((sum, [, x, tx, T]) => sum + bgnbdLogLikelihood(paper, Number(x), Number(tx), Number(T)), 0);
    expect(ll).toBeCloseTo(-9582.4, 1);
  });
});

/** Random customers (x, t_x, T) with some duplicates, as groups with counts. */
const customerGroups = fc.array(
  fc.record({
    x: fc.integer({ min: 0, max: 30 }),
    tx: fc.double({ min: 0, max: 50, noNaN: true }),
    extra: fc.double({ min: 0, max: 50, noNaN: true }),
    count: fc.integer({ min: 1, max: 5 }),
  }),
  { minLength: 1, maxLength: 40 },
);
const logParams = fc.tuple(...Array.from({ length: 4 }, () => fc.double({ min: -3, max: 3, noNaN: true })));

function groupsOf(cs: { x: number; tx: number; extra: number; count: number }[]) {
  // A customer without repeat purchases has t_x = 0.
  return {
    x: Float64Array.from(cs, (c) => c.x),
    tx: Float64Array.from(cs, (c) => (c.x === 0 ? 0 : c.tx)),
    T: Float64Array.from(cs, (c) => (c.x === 0 ? 0 : c.tx) + c.extra),
    count: Float64Array.from(cs, (c) => c.count),
  };
}

describe('BG/NBD grouped likelihood', () => {
  it('equals the sum over customers, each counted as often as its group', () => {
    fc.assert(
      fc.property(customerGroups, logParams, (cs, theta) => {
        const g = groupsOf(cs);
        const [r, alpha, a, b] = theta.map(Math.exp);
        let want = 0;
        for (let i = 0; i < cs.length; i++) want += g.count[i] * bgnbdLogLikelihood({ r, alpha, a, b }, g.x[i], g.tx[i], g.T[i]);
        close(new BgNbdLikelihood(g).evaluate(theta, new Float64Array(4)), want, 1e-11);
      }),
    );
  });

  it('has the gradient of its finite differences', () => {
    fc.assert(
      fc.property(customerGroups, logParams, (cs, theta) => {
        const like = new BgNbdLikelihood(groupsOf(cs));
        const grad = new Float64Array(4);
        like.evaluate(theta, grad);
        for (let k = 0; k < 4; k++) {
          const h = 1e-5;
          const up = [...theta];
          const down = [...theta];
          up[k] += h;
          down[k] -= h;
          const numeric = (like.evaluate(up, new Float64Array(4)) - like.evaluate(down, new Float64Array(4))) / (2 * h);
          expect(Math.abs(grad[k] - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
        }
      }),
    );
  });
});

describe('Gamma-Gamma', () => {
  it('has the Lomax density v/(v+m)² for one repeat purchase with p = q = 1', () => {
    close(gammaGammaLogLikelihood({ p: 1, q: 1, v: 15 }, 1, 25), Math.log(15 / 40 ** 2), 1e-14);
  });

  it('matches the density written out for x = 3', () => {
    const [p, q, v, x, m] = [2.5, 3.2, 12, 3, 18];
    const g = (z: number) => Math.log(Math.abs(gammaFn(z)));
    const want = g(p * x + q) - g(p * x) - g(q) + q * Math.log(v) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(x * m + v);
    close(gammaGammaLogLikelihood({ p, q, v }, x, m), want, 1e-12);
  });

  const returning = fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.5, max: 5000, noNaN: true })), { minLength: 1, maxLength: 60 });
  const ggParams = fc.tuple(fc.double({ min: -2, max: 3, noNaN: true }), fc.double({ min: -2, max: 3, noNaN: true }), fc.double({ min: -2, max: 8, noNaN: true }));

  it('sums to the customers\' densities and has the gradient of its finite differences', () => {
    fc.assert(
      fc.property(returning, ggParams, (cs, theta) => {
        const like = new GammaGammaLikelihood(Float64Array.from(cs, (c) => c[0]), Float64Array.from(cs, (c) => c[1]));
        const [p, q, v] = theta.map(Math.exp);
        const want = cs.reduce((sum, [x, m]) => sum + gammaGammaLogLikelihood({ p, q, v }, x, m), 0);
        const grad = new Float64Array(3);
        close(like.evaluate(theta, grad), want, 1e-11);
        for (let k = 0; k < 3; k++) {
          const h = 1e-5;
          const up = [...theta];
          const down = [...theta];
          up[k] += h;
          down[k] -= h;
          const numeric = (like.evaluate(up, new Float64Array(3)) - like.evaluate(down, new Float64Array(3))) / (2 * h);
          expect(Math.abs(grad[k] - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
        }
      }),
    );
  });

  it('expects the population mean p v / (q − 1) without repeat purchases, and shrinks a customer\'s mean towards it', () => {
    const g = { p: 6.25, q: 3.74, v: 15.44 };
    close(expectedAverageValue(g, 0, 0), (6.25 * 15.44) / 2.74, 1e-15);
    // (q−1)/(px+q−1) of the population mean plus px/(px+q−1) of the customer's own mean
    const x = 2;
    const m = 20;
    const w = (6.25 * x) / (6.25 * x + 2.74);
    close(expectedAverageValue(g, x, m), (1 - w) * ((6.25 * 15.44) / 2.74) + w * m, 1e-14);
  });

  it('has no average where the model\'s mean is infinite (p x + q <= 1)', () => {
    expect(expectedAverageValue({ p: 2, q: 0.8, v: 10 }, 0, 0)).toBeNaN();
    expect(expectedAverageValue({ p: 0.1, q: 0.8, v: 10 }, 1, 5)).toBeNaN();
    expect(expectedAverageValue({ p: 2, q: 0.8, v: 10 }, 1, 5)).toBeCloseTo((2 * (10 + 5)) / (2 + 0.8 - 1), 12);
  });
});

/** Γ by Lanczos (g = 7, n = 9), an independent formula for the hand-written density. */
function gammaFn(z: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.PI / (Math.sin(Math.PI * z) * gammaFn(1 - z));
  z -= 1;
  let x = c[0];
  for (let i = 1; i < 9; i++) x += c[i] / (z + i);
  const t = z + 7.5;
  return Math.sqrt(2 * Math.PI) * t ** (z + 0.5) * Math.exp(-t) * x;
}
