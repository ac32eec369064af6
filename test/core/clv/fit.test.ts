/**
 * Fitting on the CDNOW sample against the published figures, on data drawn from the models
 * (the fit must find the parameters it came from), on order logs too small or too uniform to
 * fit, and the optimizer on functions whose optimum is known.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { BgNbdLikelihood } from '../../../src/core/clv/bgnbd';
import { fitBgNbd, fitGammaGamma, MIN_REPEAT_CUSTOMERS } from '../../../src/core/clv/fit';
import { GammaGammaLikelihood } from '../../../src/core/clv/gammaGamma';
import { maximize } from '../../../src/core/clv/optimize';
import { groupCustomers, spendingData, summarize } from '../../../src/core/clv/summary';
import { daysFromCivil } from '../../../src/core/dates';
import { parseCsv } from '../../../tools/sheets/csv';
import { gamma, random } from '../../../tools/bench/clv';
import { REFERENCE_DATA } from '../../support/referenceData';

const END = daysFromCivil(1997, 9, 30);

/** The CDNOW transactions up to 1997-09-30 as columns; customer numbers in order of first appearance. */
function cdnow() {
  const rows = fs.readFileSync(path.join(REFERENCE_DATA, 'cdnow_sample_transactions.txt'), 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/));
  const numbers = new Map<string, number>();
  const sampleIds: string[] = [];
  const customerOf: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  for (const [id, sampleId, date, , usd] of rows) {
    const d = daysFromCivil(+date.slice(0, 4), +date.slice(4, 6), +date.slice(6, 8));
    if (d > END) continue;
    if (!numbers.has(id)) {
      numbers.set(id, numbers.size);
      sampleIds.push(sampleId);
    }
    customerOf.push(numbers.get(id)!);
    day.push(d);
    amount.push(Number(usd));
  }
  const summary = summarize({ customerOf: Int32Array.from(customerOf), day: Float64Array.from(day), amount: Float64Array.from(amount), customers: numbers.size, analysisDay: END });
  return { summary, sampleIds };
}

const within = (got: number, want: number, share: number) => expect(Math.abs(got / want - 1)).toBeLessThanOrEqual(share);

describe('CDNOW (Fader, Hardie and Lee 2005)', () => {
  const { summary, sampleIds } = cdnow();
  const grouped = groupCustomers(summary);
  const bg = fitBgNbd(grouped.groups);
  const spending = spendingData(summary);
  const gg = fitGammaGamma(spending.x, spending.m);

  it('summarises the transactions into the published summary (x, t_x, T in weeks, same-day purchases as one)', () => {
    const csv = parseCsv(fs.readFileSync(path.join(REFERENCE_DATA, 'cdnow_customers_summary.csv'), 'utf8')).slice(1).filter((r) => r.length === 4);
    const byId = new Map(csv.map((r) => [Number(r[0]), r.slice(1).map(Number)]));
    expect(summary.purchaseDays.length).toBe(2357);
    sampleIds.forEach((sampleId, c) => {
      const [x, recency, T] = byId.get(Number(sampleId))!;
      expect(summary.purchaseDays[c] - 1).toBe(x);
      expect(Math.abs((summary.lastDay[c] - summary.firstDay[c]) / 7 - recency)).toBeLessThanOrEqual(0.005);
      expect(Math.abs((END - summary.firstDay[c]) / 7 - T)).toBeLessThanOrEqual(0.005);
    });
  });

  it('fits BG/NBD within 1% of r 0.243, alpha 4.414, a 0.793, b 2.426, log-likelihood -9582.4', () => {
    if (!bg.ok) throw new Error(`no fit: ${bg.reason}`);
    within(bg.params.r, 0.243, 0.01);
    within(bg.params.alpha, 4.414, 0.01);
    within(bg.params.a, 0.793, 0.01);
    within(bg.params.b, 2.426, 0.01);
    expect(bg.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('stops at the maximum: every 1% step of a parameter lowers the likelihood, and the gradient is ~0', () => {
    if (!bg.ok) throw new Error('no fit');
    const like = new BgNbdLikelihood(grouped.groups);
    const theta = [bg.params.r, bg.params.alpha, bg.params.a, bg.params.b].map(Math.log);
    const grad = new Float64Array(4);
    const best = like.evaluate(theta, grad);
    expect(Math.abs(best - bg.logLikelihood)).toBeLessThan(1e-9);
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-5);
    for (let k = 0; k < 4; k++) {
      for (const step of [-0.01, 0.01]) {
        const moved = [...theta];
        moved[k] += Math.log1p(step);
        expect(like.evaluate(moved, new Float64Array(4))).toBeLessThan(best);
      }
    }
  });

  it('fits Gamma-Gamma on the 946 returning customers near p 6.25, q 3.74, v 15.44', () => {
    expect(spending.x.length).toBe(946);
    if (!gg.ok) throw new Error(`no fit: ${gg.reason}`);
    within(gg.params.p, 6.25, 0.01);
    within(gg.params.q, 3.74, 0.01);
    within(gg.params.v, 15.44, 0.01);
    // Tight enough that v's flat direction is settled: 1% of v costs only ~0.0007 of ln L.
    const like = new GammaGammaLikelihood(spending.x, spending.m);
    const theta = [gg.params.p, gg.params.q, gg.params.v].map(Math.log);
    const best = like.evaluate(theta, new Float64Array(3));
    for (let k = 0; k < 3; k++) {
      for (const step of [-0.001, 0.001]) {
        const moved = [...theta];
        moved[k] += Math.log1p(step);
        expect(like.evaluate(moved, new Float64Array(3))).toBeLessThan(best);
      }
    }
  });
});

describe('data drawn from the models', () => {
  it('gives back the BG/NBD parameters it was drawn with (100,000 customers, continuous time)', () => {
    const rnd = random(11);
    const truth = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const n = 100_000;
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      const lambda = gamma(rnd, truth.r, truth.alpha);
      const ga = gamma(rnd, truth.a, 1);
      const p = ga / (ga + gamma(rnd, truth.b, 1));
      const start = rnd() * 12;
      let t = start;
      for (;;) {
        t += -Math.log(1 - rnd()) / lambda;
        if (t > 39) break;
        x[c]++;
        tx[c] = t - start;
        if (rnd() < p) break;
      }
      T[c] = 39 - start;
    }
    const fit = fitBgNbd({ x, tx, T, count: new Float64Array(n).fill(1) });
    if (!fit.ok) throw new Error(`no fit: ${fit.reason}`);
    // About two standard errors at this size (b is the least determined).
    within(fit.params.r, truth.r, 0.03);
    within(fit.params.alpha, truth.alpha, 0.05);
    within(fit.params.a, truth.a, 0.06);
    within(fit.params.b, truth.b, 0.08);
  });

  it('gives back the Gamma-Gamma parameters it was drawn with', () => {
    const rnd = random(12);
    const truth = { p: 6.25, q: 3.74, v: 15.44 };
    const n = 20_000;
    const x = new Float64Array(n);
    const m = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      x[c] = 1 + Math.floor(rnd() * 6);
      const nu = gamma(rnd, truth.q, truth.v);
      let total = 0;
      for (let k = 0; k < x[c]; k++) total += gamma(rnd, truth.p, nu);
      m[c] = total / x[c];
    }
    const fit = fitGammaGamma(x, m);
    if (!fit.ok) throw new Error(`no fit: ${fit.reason}`);
    within(fit.params.p, truth.p, 0.05);
    within(fit.params.q, truth.q, 0.05);
    within(fit.params.v, truth.v, 0.08);
  });
});

/** Groups of identical customers: [x, t_x, T, count]. */
function groups(rows: [number, number, number, number][]) {
  return {
    x: Float64Array.from(rows, (r) => r[0]),
    tx: Float64Array.from(rows, (r) => r[1]),
    T: Float64Array.from(rows, (r) => r[2]),
    count: Float64Array.from(rows, (r) => r[3]),
  };
}

describe('order logs the models cannot be fitted on', () => {
  it('refuses fewer than 20 customers who bought twice, and says how many there are', () => {
    const fit = fitBgNbd(groups([[0, 0, 30, 500], [2, 10, 30, MIN_REPEAT_CUSTOMERS - 1]]));
    expect(fit).toEqual({ ok: false, reason: 'tooFewRepeat', customers: 519, repeatCustomers: 19, needed: 20 });
  });

  it('refuses fewer than 20 customers at all', () => {
    expect(fitBgNbd(groups([[1, 3, 5, 12]]))).toEqual({ ok: false, reason: 'tooFewCustomers', customers: 12, repeatCustomers: 12, needed: 20 });
  });

  it('refuses a log where every customer buys alike and nobody leaves, naming a parameter that runs off', () => {
    // 200 customers, each buying every week for 20 weeks, up to the analysis day.
    const fit = fitBgNbd(groups([[20, 20, 20, 200]]));
    expect(fit.ok).toBe(false);
    if (!fit.ok) expect(fit.reason).toBe('noOptimum');
  });

  it('refuses spending where every customer spends the same on every purchase', () => {
    const x = Float64Array.from({ length: 50 }, (_, i) => 1 + (i % 5));
    const fit = fitGammaGamma(x, new Float64Array(50).fill(42));
    expect(fit.ok).toBe(false);
    if (!fit.ok) expect(fit.reason).toBe('noOptimum');
  });

  it('never returns NaN: random small logs either fit with finite figures or give a reason', () => {
    const customer = fc.tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 30 }));
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 30 }), (cs) => {
        const rows = cs.map(([x, a, b, n]): [number, number, number, number] => {
          const T = Math.max(a, b, x) / 7;
          return [x, x === 0 ? 0 : Math.min(a, b, T * 7) / 7, T, n];
        });
        const fit = fitBgNbd(groups(rows));
        if (fit.ok) {
          for (const v of [fit.params.r, fit.params.alpha, fit.params.a, fit.params.b, fit.logLikelihood]) expect(Number.isFinite(v)).toBe(true);
        } else {
          expect(['tooFewCustomers', 'tooFewRepeat', 'noOptimum']).toContain(fit.reason);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('maximize', () => {
  const opts = { lower: -20, upper: 20 };

  it('finds the top of a concave quadratic with correlated axes', () => {
    const top = [1, -2, 0.5, 3];
    const f = (t: Float64Array, g: Float64Array) => {
      const d = Array.from(t, (v, i) => v - top[i]);
      // −½ dᵀ A d with A = I + 0.9 (ones) : strongly correlated
      const sum = d.reduce((s, v) => s + v, 0);
      for (let i = 0; i < 4; i++) g[i] = -(d[i] + 0.9 * sum);
      return -0.5 * (d.reduce((s, v) => s + v * v, 0) + 0.9 * sum * sum);
    };
    const r = maximize(f, [0, 0, 0, 0], opts);
    expect(r.converged).toBe(true);
    r.theta.forEach((v, i) => expect(v).toBeCloseTo(top[i], 8));
  });

  it('steps back from points where the function is not finite, never returning NaN', () => {
    // −(t−3)² is the objective, but it is NaN for t > 4: a search overshooting must back off.
    const f = (t: Float64Array, g: Float64Array) => {
      g[0] = -2 * (t[0] - 3);
      return t[0] > 4 ? NaN : -((t[0] - 3) ** 2);
    };
    const r = maximize(f, [-10], { ...opts, maxStep: 50 });
    expect(r.converged).toBe(true);
    expect(r.theta[0]).toBeCloseTo(3, 8);
  });

  it('reports a parameter that ends on the box when the function keeps rising', () => {
    const f = (t: Float64Array, g: Float64Array) => {
      g[0] = 1;
      g[1] = -2 * t[1];
      return t[0] - t[1] * t[1];
    };
    const r = maximize(f, [0, 1], opts);
    // It stops there: an optimum on the box is no optimum for the models, so nothing is polished.
    expect(r.atBound).toEqual([true, false]);
    expect(r.converged).toBe(false);
    expect(r.theta[0]).toBe(20);
  });

  it('keeps to its evaluation budget on a function that never settles', () => {
    let calls = 0;
    const f = (t: Float64Array, g: Float64Array) => {
      calls++;
      g[0] = Math.cos(t[0] * 1e3) * 1e3; // a gradient that disagrees with the values
      return Math.sin(t[0]);
    };
    const r = maximize(f, [0.3], { ...opts, maxEvaluations: 200 });
    expect(calls).toBeLessThanOrEqual(200 + 40);
    expect(Number.isFinite(r.value)).toBe(true);
  });

  it('refuses a start where the function is not finite', () => {
    expect(() => maximize(() => NaN, [0], opts)).toThrow(/not finite at the start/);
  });
});
