/**
 * probabilityAliveByCustomer, the daily run's entry to the purchase models: plain columns in,
 * P(alive) per customer number out, or a reason when the log cannot be fitted. BG/NBD when asked
 * (the paper's parameters), MBG/NBD by default (lifetimes' ModifiedBetaGeoFitter's parameters).
 */
import fs from 'node:fs';
import path from 'node:path';
import { probabilityAlive } from '../../../src/core/clv/bgnbd';
import { probabilityAliveByCustomer } from '../../../src/core/clv/forAutomation';
import { daysFromCivil } from '../../../src/core/dates';
import { REFERENCE_DATA } from '../../support/referenceData';

const END = daysFromCivil(1997, 9, 30);

/** The whole CDNOW log (to 1998-06-30), customers numbered by id, plus two customers without orders. */
function cdnowColumns() {
  const rows = fs.readFileSync(path.join(REFERENCE_DATA, 'cdnow_sample_transactions.txt'), 'utf8').trim().split('\n').map((l) => l.trim().split(/\s+/));
  const numbers = new Map<string, number>();
  const customerOf = new Int32Array(rows.length);
  const day = new Float64Array(rows.length);
  rows.forEach(([id, , date], i) => {
    if (!numbers.has(id)) numbers.set(id, numbers.size);
    customerOf[i] = numbers.get(id)!;
    day[i] = daysFromCivil(+date.slice(0, 4), +date.slice(4, 6), +date.slice(6, 8));
  });
  return { customerOf, day, customers: numbers.size + 2, numbers };
}

describe('probabilityAliveByCustomer', () => {
  const data = cdnowColumns();
  const result = probabilityAliveByCustomer({ ...data, analysisDay: END, model: 'bgnbd' });
  const params = () => {
    if (!result.ok || result.purchase.model !== 'bgnbd') throw new Error('no BG/NBD fit');
    return result.purchase.params;
  };

  it('fits the paper\'s BG/NBD on the orders up to analysisDay, leaving later ones out and counting them', () => {
    if (!result.ok) throw new Error(result.reason);
    expect(Math.abs(params().r / 0.243 - 1)).toBeLessThan(0.01);
    expect(Math.abs(params().alpha / 4.414 - 1)).toBeLessThan(0.01);
    expect(Math.abs(params().a / 0.793 - 1)).toBeLessThan(0.01);
    expect(Math.abs(params().b / 2.426 - 1)).toBeLessThan(0.01);
    expect(result.laterOrders).toBe(Array.from(data.day).filter((d) => d > END).length);
    expect(result.laterOrders).toBeGreaterThan(0);
  });

  it('gives each customer number the P(alive) of its own history, NaN to customers without orders', () => {
    if (!result.ok) throw new Error(result.reason);
    expect(result.pAlive.length).toBe(data.customers);
    // customer 00004: purchases on 1997-01-01, 01-18, 08-02 up to the analysis day
    const c = data.numbers.get('00004')!;
    expect(result.pAlive[c]).toBeCloseTo(probabilityAlive(params(), 2, 213 / 7, 272 / 7), 14);
    expect(result.pAlive[data.customers - 1]).toBeNaN();
    expect(result.pAlive[data.customers - 2]).toBeNaN();
    for (let k = 0; k < data.customers - 2; k++) {
      const p = result.pAlive[k];
      // customers whose first order comes after the analysis day have no history yet
      if (Number.isNaN(p)) continue;
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('skips orders whose customer is -1', () => {
    const customerOf = Int32Array.from(data.customerOf);
    const c = data.numbers.get('00004')!;
    customerOf.forEach((k, i) => (k === c ? (customerOf[i] = -1) : 0));
    const r = probabilityAliveByCustomer({ ...data, customerOf, analysisDay: END });
    if (!r.ok) throw new Error(r.reason);
    expect(r.pAlive[c]).toBeNaN();
  });

  it('says why when the log is too small, with the counts', () => {
    const customerOf = Int32Array.from([0, 0, 1, 2, 3]);
    const day = Float64Array.from([100, 130, 100, 101, 102]);
    expect(probabilityAliveByCustomer({ customerOf, day, customers: 4, analysisDay: 200 })).toEqual({ ok: false, reason: 'tooFewCustomers', repeatCustomers: 1, needed: 20 });
    const many = Int32Array.from({ length: 60 }, (_, i) => i % 50); // 50 customers, 10 of them twice
    const days = Float64Array.from({ length: 60 }, (_, i) => (i < 50 ? 100 : 150));
    expect(probabilityAliveByCustomer({ customerOf: many, day: days, customers: 50, analysisDay: 200 })).toEqual({ ok: false, reason: 'tooFewRepeat', repeatCustomers: 10, needed: 20 });
  });

  it('throws only for a caller\'s bug', () => {
    expect(() => probabilityAliveByCustomer({ customerOf: Int32Array.from([0]), day: new Float64Array(2), customers: 1, analysisDay: 5 })).toThrow(RangeError);
    expect(() => probabilityAliveByCustomer({ customerOf: Int32Array.from([3]), day: new Float64Array(1), customers: 1, analysisDay: 5 })).toThrow(RangeError);
    expect(() => probabilityAliveByCustomer({ customerOf: Int32Array.from([0]), day: Float64Array.from([1.5]), customers: 1, analysisDay: 5 })).toThrow(RangeError);
  });
});
