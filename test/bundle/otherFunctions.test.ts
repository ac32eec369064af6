/** RFMSCORE, RFMSEGMENT, RFMCUTS, ABCTIER, ABCSUMMARY and QUADRANT through the bundle's globals. */
import { bundle, column } from '../support/bundle';

const b = bundle({ locale: 'en_US' });

describe('RFMSCORE', () => {
  it('scores customer-level rows, keeps blank rows blank and aligned', () => {
    const out: unknown[][] = b.context.RFMSCORE(column(b, [1, '', 30, 300]), column(b, [9, '', 3, 1]), column(b, [900, '', 300, 100]), 2);
    // Cut points with 2 bins are the medians: days 30, orders 3, amount 300.
    expect(out).toEqual([[2, 2, 2, '222'], ['', '', '', ''], [2, 1, 1, '211'], [1, 1, 1, '111']]);
  });

  it('reads last-purchase dates against the analysis date', () => {
    const out: unknown[][] = b.context.RFMSCORE(column(b, ['2024-01-30', '2024-01-01'], true), column(b, [1, 1]), column(b, [1, 1]), 2, '2024-01-31');
    expect(out.map((r) => r[0])).toEqual([2, 1]);
  });
});

describe('RFMSEGMENT', () => {
  it('names codes with the named scheme and a single code cell arrives bare', () => {
    expect(b.context.RFMSEGMENT(b.realm.grid([['555'], [111], ['']]), 'named')).toEqual([['Champions'], ['Lost'], ['']]);
    expect(b.context.RFMSEGMENT('555', 'named')).toEqual([['Champions']]);
  });

  it("uses a team's rules table", () => {
    const rules = b.realm.grid([
      ['name', 'R min', 'R max', 'F min', 'F max', 'M min', 'M max'],
      ['VIP', 4, 5, 4, 5, '', ''],
    ]);
    expect(b.context.RFMSEGMENT(b.realm.grid([[5, 5, 1], [1, 5, 5]]), rules)).toEqual([['VIP'], ['Others']]);
  });
});

describe('RFMCUTS', () => {
  it('shows the cut points RFM used per dimension', () => {
    const out: unknown[][] = b.context.RFMCUTS(column(b, ['A', 'B', 'C', 'D']), column(b, ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'], true), column(b, [10, 20, 30, 40]), '2024-01-05', 2);
    expect(out).toEqual([
      ['Dimension', 'Customers', 'Cut 1'],
      ['R: recency days (fewer is better)', 4, 2.5],
      ['F: orders', 4, 1],
      ['M: amount', 4, 25],
    ]);
  });
});

describe('ABCTIER and ABCSUMMARY', () => {
  const values = [500, 300, 100, 50, 30, 10, 5, 5, '', 0, -20];
  it('tiers by share of value; ties share the higher tier; zero and negative are C; blanks stay blank', () => {
    // Total of positives 1000: 500+300 = 80% → A; +100 +50 = 95% → B.
    expect(b.context.ABCTIER(column(b, values)).map((r: unknown[]) => r[0])).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'C', 'C', '', 'C', 'C']);
  });

  it('tiers by share of count', () => {
    // 10 filled rows: top 20% = 2 rows A, up to 50% = 5 rows.
    expect(b.context.ABCTIER(column(b, values), '', '', 'count').map((r: unknown[]) => r[0])).toEqual(['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', '', 'C', 'C']);
  });

  it('summarises tiers with shares that add up to one', () => {
    const out: unknown[][] = b.context.ABCSUMMARY(column(b, values));
    expect(out[0]).toEqual(['Tier', 'Customers', 'Share of customers', 'Value', 'Share of value']);
    expect(out.slice(1, 4).map((r) => [r[0], r[1], r[3]])).toEqual([['A', 2, 800], ['B', 2, 150], ['C', 6, 30]]);
    expect(out[4]).toEqual(['Total', 10, 1, 980, 1]);
    const shares = out.slice(1, 4).map((r) => r[4] as number);
    expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});

describe('large and awkward inputs', () => {
  it('RFMSCORE handles 150,000 rows of dates', () => {
    const n = 150_000;
    const start = b.realm.date(2024, 1, 1).getTime();
    const RealmDate = b.realm.date(2024, 1, 1).constructor as DateConstructor;
    const dates = Array.from({ length: n }, (_, i) => [new RealmDate(start + (i % 365) * 86_400_000)]);
    const ones = Array.from({ length: n }, () => [1]);
    const out: unknown[][] = b.context.RFMSCORE(dates, ones, ones);
    expect(out).toHaveLength(n);
    expect(out[364][0]).toBe(5); // the latest date scores the best R
  });

  it('ABCSUMMARY shows shares of sales when a customer nets a refund', () => {
    const out: unknown[][] = b.context.ABCSUMMARY(column(b, [50, 30, 20, -50]));
    expect(out.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([['A', 80, 0.8], ['B', 20, 0.2], ['C', -50, 0], ['Total', 50, 1]]);
  });

  it('keeps large amounts to 15 significant digits', () => {
    const out: unknown[][] = b.context.RFM(column(b, ['A']), column(b, ['2024-01-01'], true), column(b, [12345678901.23]));
    expect(out[1][4]).toBe(12345678901.23);
  });
});

describe('QUADRANT', () => {
  it('splits at the medians, equal is high, with custom labels', () => {
    const out = b.context.QUADRANT(column(b, [10, 10, 1, 1, 5]), column(b, [9, 1, 1, 9, 5]), '', '', 'partner,emotional,drifting,functional');
    expect(out).toEqual([['partner'], ['emotional'], ['drifting'], ['functional'], ['partner']]);
  });
});
