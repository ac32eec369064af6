/**
 * BG/NBD forecasts: probability alive and expected purchases (the paper's equation 10), checked
 * against the paper's own example, against 25-digit values computed independently, and for the
 * behaviour no formula should lose: never NaN, monotone in the horizon, continuous where the
 * computation switches method.
 */
import { probabilityAlive } from '../../../src/core/clv/bgnbd';
import type { BgNbdParams } from '../../../src/core/clv/bgnbd';
import { byQuadrature, bySeries, expectedPurchases, expectedPurchasesIfAlive, SERIES_MAX_TERMS, seriesTerms } from '../../../src/core/clv/bgnbdForecast';

const PAPER: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/**
 * [r, α, a, b, x, T, t, K]: K = expected purchases in the next t weeks of a customer alive at
 * age T. From mpmath 1.3 at 40 digits: (c/(a−1))(1 − (1−z)^(r+x) ₂F₁(r+x, b+x; c; z)) where that
 * form is defined, else the Beta integral E[(1 − (1+pw)^(−r−x))/p] by mpmath's quadrature (both
 * agree to 25 digits wherever both apply). Parameters span what fits produce, z up to 0.9999.
 */
const REFERENCE: [number, number, number, number, number, number, number, number][] = [
  [0.243, 4.414, 0.793, 2.426, 2, 38.86, 39, 1.68739930580531304070319],
  [0.243, 4.414, 0.793, 2.426, 0, 38.86, 39, 0.1950980520112626374982007],
  [0.243, 4.414, 0.793, 2.426, 0, 0.1428571, 52.18, 1.419846186027698329604949],
  [0.243, 4.414, 1.0000001, 2.426, 3, 10, 52, 6.088438148058798374140987],
  [0.5, 0.05, 0.3, 0.5, 0, 0, 520, 315.4735830345987837373001],
  [0.5, 0.05, 0.3, 0.5, 0, 0.142857, 520, 122.7470681988062797742145],
  [2, 10, 3, 5, 20, 50, 52, 8.842383144348356219946146],
  [0.01, 0.01, 0.01, 0.01, 0, 1, 52, 0.2695626418655976373796701],
  [0.243, 4.414, 0.793, 2.426, 200, 70, 52, 112.3485359704147002712704],
  [1.5, 100, 5, 1000, 1, 5, 260, 6.060031769558286024524196],
  [0.243, 4.414, 0.793, 2.426, 1, 0.5, 4.348, 0.9427834427178810023311309],
  [0.1648130977399206, 1.94391688283818, 0.0271774758231245, 0.6467341344527957, 2, 1, 522, 340.6249030211865749572388],
  [4.440545056272054, 0.48578453424721874, 0.24406576317634365, 0.05382043340615601, 1, 0.14285714285714285, 260, 410.7510418362325619829449],
  [5.421612199987953, 0.012487315521039807, 1.7144124281040747, 8.395438108924735, 1, 0.14285714285714285, 522, 14.08976386478488658780361],
  [0.2095918086661853, 0.03735320947132733, 0.21317914834193671, 4.827749845492859, 5, 0, 4.348, 304.5782082948176036401224],
  [0.04370707947399183, 0.08110306971157745, 1.8501729052786113, 0.4077662209071313, 1, 0.14285714285714285, 522, 2.638541701864406464477212],
  [1.808945538726419, 0.19209599945875236, 0.19265450753186414, 4.419335030754479, 0, 0, 260, 843.7114462922222511193084],
  [0.261458003709333, 0.8136427831832953, 16.27251354700675, 0.16540227920846015, 0, 0, 260, 0.7865646275969252224025084],
  [0.3914033247520973, 0.0765633568228069, 0.014589239300921548, 546.5134292796972, 21, 3, 522, 3559.627493281534085955741],
  [7.406877417103834, 7.121612974480628, 0.02786784364502895, 30.182430923521654, 21, 3, 260, 691.4486994713027376056078],
  [0.03810086522004127, 8.328295510649104, 0.22945752806338615, 21.378641262241814, 30, 1, 260, 530.8152530121720511123126],
  [0.03749248235949023, 13.140648926064117, 0.035081474719167775, 10.974766363672945, 0, 3, 522, 1.181620019229322426976648],
  [2.146279734638601, 2.303602087221814, 6.4358136285624825, 0.582825098575731, 0, 0.14285714285714285, 52.18, 1.105346490835521374432553],
  [6.683698144953799, 23.87976703153512, 2.3629635671331983, 321.859027228538, 0, 1, 260, 54.2094879631504734114494],
  [0.30666182193753105, 0.06130655702194249, 8.475694861877315, 0.010805201399754518, 5, 10, 522, 1.670279455966952765580111],
  [0.01744272671326564, 0.08102678173602537, 0.4733691549976258, 0.48092923657083153, 2, 50, 4.348, 0.1716279539652496655344704],
  [1.8811736142493505, 0.4924461669523279, 1.2802438602550457, 0.06584714305864965, 1, 50, 260, 2.582864435052622699068434],
  [2.5047400422703157, 0.17114969448874293, 5.472843509562495, 0.276205284228072, 0, 100, 4.348, 0.1013129843554221855448267],
  [0.937140869433142, 0.7973152093207504, 0.744132221047143, 0.0908748029238751, 0, 100, 4.348, 0.03897746629075389653145324],
  [0.19275960678736181, 0.22426381117654676, 0.1806966862124132, 0.08476656910688142, 0, 100, 260, 0.2962360641001234606046122],
  [2.5403044834556128, 0.06838645712115701, 4.370907250071276, 0.05409770882947715, 0, 10, 4.348, 0.602128269991564823643515],
];

const relative = (got: number, want: number) => Math.abs(got / want - 1);
const termsOf = ([r, alpha, a, b, x, T, t]: number[]) => seriesTerms({ r, alpha, a, b }, x, T, t);

describe('the paper (Fader, Hardie and Lee 2005)', () => {
  it('expects 1.226 purchases in 39 weeks from the customer with x = 2, t_x = 30.43, T = 38.86', () => {
    const e = expectedPurchases(PAPER, 2, 30.43, 38.86, 39);
    expect(e).toBeCloseTo(1.226, 3);
    // SciPy 1.17's hyp2f1 in lifetimes' formula gives 1.226028174767135.
    expect(relative(e, 1.226028174767135)).toBeLessThan(1e-12);
  });
});

describe('expected purchases of a customer alive at T', () => {
  it.each(REFERENCE)('r %p α %p a %p b %p, x %p, T %p, t %p', (r, alpha, a, b, x, T, t, want) => {
    const p = { r, alpha, a, b };
    expect(relative(expectedPurchasesIfAlive(p, x, T, t), want)).toBeLessThan(1e-11);
    // Both methods on every case, not only where each is used (the series where it is not too slow).
    expect(relative(byQuadrature(p, x, T, t), want)).toBeLessThan(2e-12);
    if (termsOf([r, alpha, a, b, x, T, t]) < 200_000) expect(relative(bySeries(p, x, T, t), want)).toBeLessThan(5e-12);
  });

  it('covers both methods in the reference cases', () => {
    expect(REFERENCE.some((c) => termsOf(c) > SERIES_MAX_TERMS)).toBe(true);
    expect(REFERENCE.some((c) => termsOf(c) <= SERIES_MAX_TERMS)).toBe(true);
  });

  it('gives the same figure from both methods where they hand over', () => {
    for (const [p, x, T] of [[PAPER, 0, 0.1], [PAPER, 3, 0.5], [{ r: 2, alpha: 0.3, a: 0.2, b: 8 }, 7, 1]] as const) {
      // the horizon at which the series would need exactly SERIES_MAX_TERMS terms
      const t = (p.alpha + T) * (SERIES_MAX_TERMS / (p.r + x + 40) - 1);
      expect(relative(bySeries(p, x, T, t), byQuadrature(p, x, T, t))).toBeLessThan(1e-11);
      expect(expectedPurchasesIfAlive(p, x, T, t * 0.999)).toBe(bySeries(p, x, T, t * 0.999));
      expect(expectedPurchasesIfAlive(p, x, T, t * 1.001)).toBe(byQuadrature(p, x, T, t * 1.001));
    }
  });

  it('gives the same figure from both methods for parameters from 1e-4 to 1e4', () => {
    const values = [1e-4, 1e-2, 1, 1e2, 1e4];
    let worst = 0;
    for (const r of values) for (const alpha of values) for (const a of values) for (const b of values) {
      for (const [x, T, t] of [[0, 1 / 7, 52.18], [1, 1 / 7, 4.348], [3, 10, 522], [50, 100, 52.18]]) {
        const p = { r, alpha, a, b };
        if (seriesTerms(p, x, T, t) > 200_000) continue;
        worst = Math.max(worst, relative(byQuadrature(p, x, T, t), bySeries(p, x, T, t)));
      }
    }
    expect(worst).toBeLessThan(3e-9);
  });

  it('is smooth through a = 1, where the textbook formula divides by a − 1', () => {
    for (const a of [1, 1 + 1e-12, 1 - 1e-12]) {
      const p = { ...PAPER, a };
      const k = expectedPurchasesIfAlive(p, 3, 10, 52);
      expect(relative(k, 6.088438148058798)).toBeLessThan(1e-6); // the a = 1.0000001 reference
      expect(relative(k, (expectedPurchasesIfAlive({ ...p, a: 1 + 1e-5 }, 3, 10, 52) + expectedPurchasesIfAlive({ ...p, a: 1 - 1e-5 }, 3, 10, 52)) / 2)).toBeLessThan(1e-9);
    }
  });

  it('starts at the alive rate (r+x)/(α+T) for short horizons and grows with the horizon', () => {
    const t = 1e-6;
    expect(relative(expectedPurchasesIfAlive(PAPER, 4, 20, t) / t, (PAPER.r + 4) / (PAPER.alpha + 20))).toBeLessThan(1e-6);
    let before = 0;
    for (let months = 1; months <= 120; months++) {
      const k = expectedPurchasesIfAlive(PAPER, 1, 0.5, months * 4.348);
      expect(k).toBeGreaterThan(before);
      before = k;
    }
    expect(expectedPurchasesIfAlive(PAPER, 1, 0.5, 0)).toBe(0);
  });

  it('is finite and non-negative from 1e-6 to 1e6, the fit\'s bounds (never NaN)', () => {
    const values = [1e-6, 1e-2, 1, 1e2, 1e6];
    for (const r of values) for (const alpha of values) for (const a of values) for (const b of values) {
      for (const [x, tx, T] of [[0, 0, 0], [1, 0.2, 1 / 7], [50, 90, 100]]) {
        for (const t of [4.348, 522]) {
          const e = expectedPurchases({ r, alpha, a, b }, x, tx, T, t);
          expect(Number.isFinite(e) && e >= 0).toBe(true);
        }
      }
    }
  });
});

describe('probability alive', () => {
  it('is 1 without repeat purchases (dropout happens only after a purchase)', () => {
    expect(probabilityAlive(PAPER, 0, 0, 38.86)).toBe(1);
  });

  it('is 1 / (1 + a/(b+x−1) ((α+T)/(α+t_x))^(r+x)), worked by hand for the paper customer', () => {
    const odds = (0.793 / (2.426 + 1)) * ((4.414 + 38.86) / (4.414 + 30.43)) ** 2.243;
    expect(relative(probabilityAlive(PAPER, 2, 30.43, 38.86), 1 / (1 + odds))).toBeLessThan(1e-14);
  });

  it('falls as a customer stays silent, towards 0 and never NaN', () => {
    let before = 1;
    for (const T of [2, 5, 10, 50, 100, 1000, 1e6, 1e300]) {
      const pa = probabilityAlive(PAPER, 5, 1, T);
      expect(pa).toBeLessThan(before);
      expect(pa).toBeGreaterThanOrEqual(0);
      before = pa;
    }
    expect(probabilityAlive(PAPER, 5, 1, 1e300)).toBe(0);
  });

  it('scales the forecast: E[Y(t)] = P(alive) · K', () => {
    const pa = probabilityAlive(PAPER, 2, 30.43, 38.86);
    expect(relative(expectedPurchases(PAPER, 2, 30.43, 38.86, 39), pa * expectedPurchasesIfAlive(PAPER, 2, 38.86, 39))).toBeLessThan(1e-15);
  });
});
