/**
 * RFM through the built bundle's global, on the rfm package's reference order log, called with
 * arguments shaped as Sheets passes them (ids as text, date cells as Dates at local midnight).
 */
import { LoadedBundle } from '../../tools/gas/loadBundle';
import { bundle, column, Grid, shownDate } from '../support/bundle';
import { customerFigures, daysBetween, readRfmOrders } from '../support/referenceData';

const orders = readRfmOrders();
const expected = customerFigures(orders);

function orderArgs(b: LoadedBundle): [Grid, Grid, Grid] {
  return [
    column(b, orders.map((o) => o.customer)),
    column(b, orders.map((o) => o.date), true),
    column(b, orders.map((o) => o.revenue)),
  ];
}

describe('RFM on rfm_data_orders (4,906 orders, 995 customers)', () => {
  const tz = 'Asia/Shanghai';
  const b = bundle({ timeZone: tz, locale: 'en_US' });
  const [ids, dates, amounts] = orderArgs(b);
  const result: unknown[][] = b.context.RFM(ids, dates, amounts, b.realm.date(2006, 12, 31));

  it('returns a header and one row per customer, in order of first appearance', () => {
    expect(result[0]).toEqual(['Customer', 'Last order', 'Recency (days)', 'Orders', 'Amount', 'R', 'F', 'M', 'RFM code', 'Segment']);
    expect(result.length - 1).toBe(995);
    expect(result.slice(1).map((r) => r[0])).toEqual([...expected.keys()]);
  });

  it('matches the reference figures: recency to 2006-12-31, order rows and summed revenue', () => {
    for (const row of result.slice(1)) {
      const want = expected.get(row[0] as string)!;
      expect(shownDate(row[1] as Date, tz)).toBe(want.lastDate);
      expect(row[2]).toBe(daysBetween(want.lastDate, '2006-12-31'));
      expect(row[3]).toBe(want.orders);
      expect(row[4]).toBeCloseTo(want.amount, 6);
    }
  });

  it('gives scores 1..5, codes made of them, and one of the eight classes', () => {
    const classes = new Set(['Key value', 'Key retain', 'Key develop', 'Key win-back', 'General value', 'General retain', 'General develop', 'General win-back']);
    for (const row of result.slice(1)) {
      for (const s of row.slice(5, 8)) expect([1, 2, 3, 4, 5]).toContain(s);
      expect(row[8]).toBe(`${row[5]}${row[6]}${row[7]}`);
      expect(classes.has(row[9] as string)).toBe(true);
    }
  });

  it('defaults the analysis date to the day after the latest order', () => {
    const latest = orders.reduce((m, o) => (o.date > m ? o.date : m), '');
    const byDefault: unknown[][] = b.context.RFM(ids, dates, amounts);
    const first = byDefault[1];
    const want = expected.get(first[0] as string)!;
    expect(first[2]).toBe(daysBetween(want.lastDate, latest) + 1);
  });

  it('gives Chinese headers and classes for a zh spreadsheet', () => {
    const zh = bundle({ timeZone: tz, locale: 'zh_CN' });
    const [i, d, a] = orderArgs(zh);
    const out: unknown[][] = zh.context.RFM(i, d, a);
    expect(out[0]).toEqual(['客户', '最近购买日期', '间隔天数', '购买次数', '消费金额', 'R', 'F', 'M', 'RFM 代码', '客户类别']);
    expect(out.slice(1).every((r) => /^(重要|一般)(价值|保持|发展|挽留)客户$/.test(r[9] as string))).toBe(true);
  });
});

describe('RFM counts whole calendar days in the spreadsheet time zone', () => {
  it.each(['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Asia/Shanghai'])('across daylight-saving changes in %s', (tz) => {
    const b = bundle({ timeZone: tz });
    // Orders on either side of the spring and autumn changes of 2024 (northern and southern).
    const days = ['2024-03-09', '2024-03-11', '2024-04-06', '2024-04-08', '2024-10-05', '2024-10-07', '2024-11-02', '2024-11-04'];
    const ids = column(b, days.map((_, i) => `C${i}`));
    const out: unknown[][] = b.context.RFM(ids, column(b, days, true), column(b, days.map(() => 10)), b.realm.date(2024, 12, 31));
    out.slice(1).forEach((row, i) => {
      expect(row[2]).toBe(daysBetween(days[i], '2024-12-31'));
      expect(shownDate(row[1] as Date, tz)).toBe(days[i]);
    });
  });

  it('reads a date-time cell as its calendar day', () => {
    const tz = 'America/New_York';
    const b = bundle({ timeZone: tz });
    const late = b.realm.dateTime(2024, 11, 3, 23, 30); // the evening of the autumn change
    const out: unknown[][] = b.context.RFM(b.realm.grid([['A']]), b.realm.grid([[late]]), b.realm.grid([[5]]), b.realm.date(2024, 11, 10));
    expect(out[1][2]).toBe(7);
  });
});

describe('RFM arguments as Sheets passes them', () => {
  const b = bundle();
  it('accepts whole-column ranges with trailing blank rows and skips rows blank in every column', () => {
    const ids = column(b, ['A', '', 'B', 'A', ...Array(500).fill('')]);
    const dates = column(b, ['2024-01-01', '', '2024-01-05', '2024-01-03', ...Array(500).fill('')], true);
    const amounts = column(b, [10, '', 20, 5, ...Array(500).fill('')]);
    const out: unknown[][] = b.context.RFM(ids, dates, amounts);
    expect(out.map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['Customer', 'Recency (days)', 'Orders', 'Amount'],
      ['A', 3, 2, 15],
      ['B', 1, 1, 20],
    ]);
  });

  it('accepts dates typed as ISO-like text and numeric ids', () => {
    const out: unknown[][] = b.context.RFM(b.realm.grid([[101], [102], ['101']]), b.realm.grid([['2024/3/5'], ['2024-03-01'], ['2024年3月6日']]), b.realm.grid([[1], [2], [3]]));
    expect(out.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([[101, 1, 2], [102, 6, 1]]);
  });

  it('adds the group column and scores each customer against its own group only', () => {
    // In the small rural group, R1 is the best customer even though urban customers spend more.
    const ids = ['U1', 'U2', 'U3', 'R1', 'R2'];
    const out: unknown[][] = b.context.RFM(
      column(b, ids),
      column(b, ['2024-01-10', '2024-01-10', '2024-01-10', '2024-01-10', '2024-01-01'], true),
      column(b, [1000, 2000, 3000, 50, 10]),
      '2024-01-11',
      2,
      column(b, ['城市', '城市', '城市', '农村', '农村']),
    );
    expect(out[0][1]).toBe('Group');
    const r1 = out.find((r) => r[0] === 'R1')!;
    expect(r1[1]).toBe('农村');
    expect(r1[8]).toBe(2); // M: top of its group (cut point 30 is below 50)
    const u1 = out.find((r) => r[0] === 'U1')!;
    expect(u1[8]).toBe(1); // M: bottom of its group despite 1000 > every rural amount
  });

  it('treats ids that are names of object internals as ordinary customers', () => {
    const ids = ['constructor', '__proto__', 'toString', 'constructor'];
    const out: unknown[][] = b.context.RFM(column(b, ids), column(b, ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'], true), column(b, [1, 2, 3, 4]));
    expect(out.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([['constructor', 2, 5], ['__proto__', 1, 2], ['toString', 1, 3]]);
  });
});
