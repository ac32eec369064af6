/**
 * RFM on an order log (rfmTable, rfmCutsTable, analyseOrders), checked against the issue's
 * definition: a hand-worked example, an independent reference implementation for random logs,
 * and the errors a user can cause.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/cells';
import { DayClock } from '../../../src/core/dates';
import { InputError } from '../../../src/core/errors';
import type { FunctionContext } from '../../../src/core/functions/context';
import { rfmCutsTable, rfmTable } from '../../../src/core/functions/rfm';
import { analyseOrders } from '../../../src/core/analytics/rfm';
import { offsetMinutes, zonedInstant, zoneOffsetMs } from '../../../tools/gas/zone';
import { inputError, refPercentile } from '../../support/core';

const MS_PER_DAY = 86_400_000;

function contextFor(tz: string, lang: 'zh' | 'en' = 'en'): FunctionContext {
  return { lang, clock: new DayClock((ms) => offsetMinutes(zoneOffsetMs(tz, ms))) };
}

/** A range of one column, as Sheets passes it. */
const col = (values: CellValue[]): CellValue[][] => values.map((v) => [v]);

/** A date cell as Sheets passes it: a Date at the given local wall time of the spreadsheet's zone. */
const dateCell = (tz: string, y: number, m: number, d: number, h = 0, min = 0) => new Date(zonedInstant(tz, y, m, d, h, min));

/** Days since 1970-01-01 (UTC calendar, independent of the code under test). */
const dayNo = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / MS_PER_DAY;
const civil = (day: number) => {
  const t = new Date(day * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

// ---------------------------------------------------------------------------------------------
// An independent reference: the definition, written plainly.

const VALUE8_ZH: Record<string, string> = {
  HHH: '重要价值客户',
  LHH: '重要保持客户',
  HLH: '重要发展客户',
  LLH: '重要挽留客户',
  HHL: '一般价值客户',
  LHL: '一般保持客户',
  HLL: '一般发展客户',
  LLL: '一般挽留客户',
};

interface RefOrder {
  id: CellValue; // as written
  day: number;
  amount: number;
  group?: string;
}

interface RefCustomer {
  id: CellValue;
  group: string;
  lastDay: number;
  recency: number;
  orders: number;
  amount: number;
  r: number;
  f: number;
  m: number;
  code: string;
  segmentZh: string;
}

function refRfm(orders: readonly RefOrder[], bins: number, analysisDay?: number): { customers: RefCustomer[]; cuts: Map<string, number[][]> } {
  const byKey = new Map<string, RefCustomer>();
  for (const o of orders) {
    const key = String(o.id).trim();
    const c = byKey.get(key);
    if (!c) {
      byKey.set(key, { id: typeof o.id === 'string' ? o.id.trim() : o.id, group: o.group ?? '', lastDay: o.day, recency: 0, orders: 1, amount: o.amount, r: 0, f: 0, m: 0, code: '', segmentZh: '' });
    } else {
      c.lastDay = Math.max(c.lastDay, o.day);
      c.orders += 1;
      c.amount += o.amount;
    }
  }
  const customers = [...byKey.values()];
  const latest = Math.max(...orders.map((o) => o.day));
  const at = analysisDay ?? latest + 1;
  const cuts = new Map<string, number[][]>();
  const groups = [...new Set(customers.map((c) => c.group))];
  for (const g of groups) {
    const members = customers.filter((c) => c.group === g);
    for (const c of members) c.recency = at - c.lastDay;
    const cutsOf = (vals: number[]) => Array.from({ length: bins - 1 }, (_, k) => refPercentile(vals, (k + 1) / bins));
    const cr = cutsOf(members.map((c) => c.recency));
    const cf = cutsOf(members.map((c) => c.orders));
    const cm = cutsOf(members.map((c) => c.amount));
    cuts.set(g, [cr, cf, cm]);
    const below = (cs: number[], v: number) => cs.filter((c) => c < v).length;
    for (const c of members) {
      c.r = bins - below(cr, c.recency);
      c.f = 1 + below(cf, c.orders);
      c.m = 1 + below(cm, c.amount);
      c.code = `${c.r}${c.f}${c.m}`;
    }
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mr = avg(members.map((c) => c.r));
    const mf = avg(members.map((c) => c.f));
    const mm = avg(members.map((c) => c.m));
    for (const c of members) c.segmentZh = VALUE8_ZH[`${c.r > mr ? 'H' : 'L'}${c.f > mf ? 'H' : 'L'}${c.m > mm ? 'H' : 'L'}`];
  }
  return { customers, cuts };
}

// ---------------------------------------------------------------------------------------------
// The hand-worked example (Asia/Shanghai). Analysis date 2024-07-01 = the day after the latest order.
//
// customer  orders (date: amount)                       last      days  n  amount
// A         06-01: 50, 06-30: 100                       06-30      1    2   150
// B         05-01: 300, 05-10: -100 (refund)            05-10     52    2   200
// C         01-15: 20                                   01-15    168    1    20
// D         06-20: 500, 06-25: 500, 06-28: 1000         06-28      3    3  2000
// E         03-01: 80                                   03-01    122    1    80
//
// Cut points at ranks 0.8, 1.6, 2.4, 3.2 (k/5 × (5-1)):
//   days   [1, 3, 52, 122, 168]   → 2.6, 32.4, 80, 131.2
//   orders [1, 1, 2, 2, 3]        → 1, 1.6, 2, 2.2
//   amount [20, 80, 150, 200, 2000] → 68, 122, 170, 560
// R = 5 - cuts below days: A 5, D 4, B 3, E 2, C 1.
// F = 1 + cuts below orders: 1 → 1, 2 → 3 (1 and 1.6 below), 3 → 5.
// M = 1 + cuts below amount: A 150 → 3, B 200 → 4, C 20 → 1, D 2000 → 5, E 80 → 2.
// Means: R 3, F 2.6, M 3. A: 5>3, 3>2.6, 3 not >3 → general value; B: 3 not >3, 3>2.6, 4>3 →
// key retain; C: general win-back; D: key value; E: 2, 1, 2 → general win-back.

const SH = 'Asia/Shanghai';
const handIds: CellValue[] = ['A', 'B', 'C', 'A', 'D', 'E', 'B', 'D', 'D'];
const handDates: CellValue[] = [
  '2024-06-01',
  dateCell(SH, 2024, 5, 1),
  '2024/1/15',
  dateCell(SH, 2024, 6, 30, 23, 30), // a date-time late in the day is still that day
  '2024-06-20',
  '2024年3月1日',
  '2024-05-10',
  dateCell(SH, 2024, 6, 25),
  '2024-06-28 18:00',
];
const handAmounts: CellValue[] = [50, 300, 20, 100, 500, 80, -100, 500, 1000];

const HAND = [
  // id, last (y,m,d), days, orders, amount, R, F, M, code, segment (en), segment (zh)
  ['A', [2024, 6, 30], 1, 2, 150, 5, 3, 3, '533', 'general value', '一般价值客户'],
  ['B', [2024, 5, 10], 52, 2, 200, 3, 3, 4, '334', 'key retain', '重要保持客户'],
  ['C', [2024, 1, 15], 168, 1, 20, 1, 1, 1, '111', 'general win-back', '一般挽留客户'],
  ['D', [2024, 6, 28], 3, 3, 2000, 4, 5, 5, '455', 'key value', '重要价值客户'],
  ['E', [2024, 3, 1], 122, 1, 80, 2, 1, 2, '212', 'general win-back', '一般挽留客户'],
] as const;

describe('RFM: a hand-worked order log', () => {
  const en = contextFor(SH, 'en');
  const zh = contextFor(SH, 'zh');

  it('gives one row per customer, in order of first appearance, with the hand-computed figures', () => {
    const out = rfmTable(en, col(handIds), col(handDates), col(handAmounts), undefined, undefined, undefined);
    expect(out).toHaveLength(1 + HAND.length);
    expect(out[0]).toHaveLength(10);
    expect(out[0].slice(5, 8)).toEqual(['R', 'F', 'M']);
    HAND.forEach(([id, [y, m, d], days, n, amount, r, f, mm, code, seg], i) => {
      const row = out[i + 1];
      expect(row[0]).toBe(id);
      expect(row[1]).toBeInstanceOf(Date);
      expect((row[1] as Date).getTime()).toBe(zonedInstant(SH, y, m, d)); // local midnight
      expect(row.slice(2, 9)).toEqual([days, n, amount, r, f, mm, code]);
      expect(typeof row[8]).toBe('string');
      expect(String(row[9]).toLowerCase()).toBe(seg);
    });
  });

  it('names the eight classes in Chinese for a zh spreadsheet', () => {
    const out = rfmTable(zh, col(handIds), col(handDates), col(handAmounts), '', '', '');
    expect(out.slice(1).map((r) => r[9])).toEqual(HAND.map((h) => h[10]));
    expect(out[0].every((h) => typeof h === 'string' && h !== '')).toBe(true);
  });

  it('analysis_date defaults to the day after the latest order; an explicit one is used as given', () => {
    const dflt = rfmTable(en, col(handIds), col(handDates), col(handAmounts), undefined, undefined, undefined);
    const same = rfmTable(en, col(handIds), col(handDates), col(handAmounts), '2024-07-01', 5, undefined);
    expect(same).toEqual(dflt);
    // Ten days later: every recency grows by 10 (and the scores, being quantiles, do not move).
    const later = rfmTable(en, col(handIds), col(handDates), col(handAmounts), dateCell(SH, 2024, 7, 11), undefined, undefined);
    expect(later.slice(1).map((r) => r[2])).toEqual(HAND.map((h) => h[2] + 10));
    expect(later.slice(1).map((r) => r[8])).toEqual(HAND.map((h) => h[8]));
    // The day of the last order itself is allowed: recency 0.
    const onDay = analyseOrders({ ids: col(handIds), dates: col(handDates), amounts: col(handAmounts) }, 5, dayNo(2024, 6, 30), en.clock);
    expect(onDay.analysisDay).toBe(dayNo(2024, 6, 30));
    expect(onDay.customers[0].recencyDays).toBe(0);
  });

  it('RFMCUTS shows the cut points used, per dimension', () => {
    const out = rfmCutsTable(en, col(handIds), col(handDates), col(handAmounts), undefined, undefined, undefined);
    expect(out).toHaveLength(4);
    expect(out[0]).toHaveLength(2 + 4);
    const expected = [
      [2.6, 32.4, 80, 131.2],
      [1, 1.6, 2, 2.2],
      [68, 122, 170, 560],
    ];
    expected.forEach((cuts, i) => {
      expect(out[i + 1][1]).toBe(5); // customers
      cuts.forEach((c, k) => expect(out[i + 1][2 + k]).toBeCloseTo(c, 9));
    });
  });

  it('accepts a single order given as bare cells', () => {
    const out = rfmTable(en, 'Solo', dateCell(SH, 2024, 2, 29), 42, undefined, undefined, undefined);
    // One customer: every cut point equals its value, so R = bins, F = M = 1.
    expect(out.slice(1)).toHaveLength(1);
    expect(out[1].slice(2, 9)).toEqual([1, 1, 42, 5, 1, 1, '511']);
  });

  it('ids with spaces around them (ASCII, no-break U+00A0, ideographic U+3000) are the same customer, trimmed', () => {
    const ids = ['B7', ' B7', 'B7\u00a0', '\u3000B7', '\u2003B7\t', '客户1', '客户1\u3000'];
    const out = rfmTable(en, col(ids), col(ids.map(() => '2024-01-02')), col([1, 2, 3, 4, 5, 6, 7]), undefined, undefined, undefined);
    expect(out.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['B7', 5, 15],
      ['客户1', 2, 13],
    ]);
    // An id of only a no-break space is no id.
    const e = inputError(() => rfmTable(en, col(['B7', '\u00a0']), col(['2024-01-02', '2024-01-02']), col([1, 2]), undefined, undefined, undefined));
    expect(e.key).toBe('missingCustomer');
  });

  it('ids keep how they were written: numbers stay numbers, text is trimmed; 101 and "101" are one customer', () => {
    const out = rfmTable(en, col([101, ' B7 ', '101', 'B7']), col(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04']), col([1, 2, 3, 4]), undefined, undefined, undefined);
    expect(out.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([
      [101, 2, 4],
      ['B7', 2, 6],
    ]);
  });
});

describe('RFM: calendar days in the spreadsheet time zone', () => {
  it.each(['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'recency is whole calendar days across daylight-saving changes (%s)',
    (tz) => {
      const ctx = contextFor(tz);
      // Orders just before the 2024 changes in both hemispheres, and date-times late in the evening.
      const ids = ['spring', 'fall', 'late', 'south'];
      const dates = [dateCell(tz, 2024, 3, 9), dateCell(tz, 2024, 11, 2), dateCell(tz, 2024, 3, 30, 23, 59), dateCell(tz, 2024, 4, 6)];
      const at = dateCell(tz, 2024, 11, 30);
      const out = rfmTable(ctx, col(ids), col(dates), col([1, 2, 3, 4]), at, undefined, undefined);
      const expected = [dayNo(2024, 3, 9), dayNo(2024, 11, 2), dayNo(2024, 3, 30), dayNo(2024, 4, 6)].map((d) => dayNo(2024, 11, 30) - d);
      expect(out.slice(1).map((r) => r[2])).toEqual(expected);
      out.slice(1).forEach((r, i) => {
        const { y, m, d } = civil(dayNo(2024, 11, 30) - expected[i]);
        expect((r[1] as Date).getTime()).toBe(zonedInstant(tz, y, m, d));
      });
    },
  );
});

describe('RFM: groups (RFMD)', () => {
  const ctx = contextFor(SH, 'en');
  // Urban customers spend 1000..5000, rural 10..50; each orders once on the same day.
  const ids = ['U1', 'R1', 'U2', 'R2', 'U3', 'R3', 'U4', 'R4', 'U5', 'R5'];
  const amounts = [1000, 10, 2000, 20, 3000, 30, 4000, 40, 5000, 50];
  const groups = ids.map((id) => (id[0] === 'U' ? 'urban' : 'rural'));
  const dates = ids.map(() => '2024-05-01');

  it('scores each customer within its own group: the best rural customer gets M = 5', () => {
    const out = rfmTable(ctx, col(ids), col(dates), col(amounts), undefined, undefined, col(groups));
    expect(out[0]).toHaveLength(11);
    const r5 = out.find((r) => r[0] === 'R5')!;
    expect(r5[1]).toBe('rural');
    // Within rural, amounts 10..50 have cuts 18, 26, 34, 42: 50 is above all four.
    expect(r5[8]).toBe(5);
    // Without groups, cuts over all ten are 28, 46, 1400, 3200 (ranks 1.8, 3.6, 5.4, 7.2): 50 → M = 3.
    const flat = rfmTable(ctx, col(ids), col(dates), col(amounts), undefined, undefined, undefined);
    expect(flat.find((r) => r[0] === 'R5')![7]).toBe(3);
    // And in each group the M scores run 1..5.
    expect(out.filter((r) => r[1] === 'urban').map((r) => r[8])).toEqual([1, 2, 3, 4, 5]);
    expect(out.filter((r) => r[1] === 'rural').map((r) => r[8])).toEqual([1, 2, 3, 4, 5]);
  });

  it('RFMCUTS gives one row per dimension per group, groups in order of first appearance', () => {
    const out = rfmCutsTable(ctx, col(ids), col(dates), col(amounts), undefined, undefined, col(groups));
    expect(out).toHaveLength(1 + 6);
    expect(out.slice(1).map((r) => r[0])).toEqual(['urban', 'urban', 'urban', 'rural', 'rural', 'rural']);
    const ruralM = out[6].slice(3) as number[];
    [18, 26, 34, 42].forEach((c, k) => expect(ruralM[k]).toBeCloseTo(c, 9));
  });
});

// ---------------------------------------------------------------------------------------------
// Random order logs against the reference.

const NY = 'America/New_York';
const BASE = dayNo(2024, 2, 20); // spans the March DST change in New York
const GROUP_NAMES = ['north', 'south', 'east'];

interface GenOrder {
  c: number;
  day: number;
  amount: number;
  form: 'date' | 'noon' | 'iso' | 'slash' | 'zh';
}

const genOrder: fc.Arbitrary<GenOrder> = fc.record({
  c: fc.integer({ min: 0, max: 11 }),
  day: fc.integer({ min: 0, max: 80 }),
  amount: fc.integer({ min: -200, max: 3000 }),
  form: fc.constantFrom('date', 'noon', 'iso', 'slash', 'zh'),
});

const idOf = (c: number): CellValue => (c % 4 === 0 ? 100 + c : `C${c}`);
const groupOf = (c: number) => GROUP_NAMES[c % 3];

function dateText(day: number, form: GenOrder['form']): CellValue {
  const { y, m, d } = civil(day);
  const p2 = (n: number) => String(n).padStart(2, '0');
  switch (form) {
    case 'date': return dateCell(NY, y, m, d);
    case 'noon': return dateCell(NY, y, m, d, 12, 0);
    case 'iso': return `${y}-${p2(m)}-${p2(d)}`;
    case 'slash': return `${y}/${m}/${d}`;
    case 'zh': return `${y}年${m}月${d}日`;
  }
}

function sheetColumns(orders: readonly GenOrder[], grouped: boolean) {
  return {
    ids: col(orders.map((o) => idOf(o.c))),
    dates: col(orders.map((o) => dateText(BASE + o.day, o.form))),
    amounts: col(orders.map((o) => o.amount)),
    groups: grouped ? col(orders.map((o) => groupOf(o.c))) : undefined,
  };
}

const refOrders = (orders: readonly GenOrder[], grouped: boolean): RefOrder[] =>
  orders.map((o) => ({ id: idOf(o.c), day: BASE + o.day, amount: o.amount, group: grouped ? groupOf(o.c) : undefined }));

const genLog = fc.record({
  orders: fc.array(genOrder, { minLength: 1, maxLength: 60 }),
  bins: fc.integer({ min: 2, max: 9 }),
  extraDays: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  grouped: fc.boolean(),
});

/** Per-customer rows keyed by id, without the group column. */
function byCustomer(out: CellValue[][], grouped: boolean): Map<string, CellValue[]> {
  const map = new Map<string, CellValue[]>();
  for (const row of out.slice(1)) {
    const r = grouped ? [row[0], ...row.slice(2), row[1]] : row;
    map.set(String(r[0]), r.map((v) => (v instanceof Date ? v.getTime() : v)));
  }
  return map;
}

/** A deterministic shuffle (mulberry32). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('RFM: properties on random order logs', () => {
  const zh = contextFor(NY, 'zh');

  it('agrees with the reference: recency, orders, amount, R, F, M, code, segment, per group', () => {
    fc.assert(
      fc.property(genLog, ({ orders, bins, extraDays, grouped }) => {
        const cols = sheetColumns(orders, grouped);
        const latest = BASE + Math.max(...orders.map((o) => o.day));
        const at = extraDays === undefined ? undefined : latest + extraDays;
        const atCell = at === undefined ? undefined : dateText(at, 'iso');
        const out = rfmTable(zh, cols.ids, cols.dates, cols.amounts, atCell, bins, cols.groups);
        const ref = refRfm(refOrders(orders, grouped), bins, at);
        expect(out).toHaveLength(1 + ref.customers.length);
        ref.customers.forEach((c, i) => {
          const row = out[i + 1];
          const { y, m, d } = civil(c.lastDay);
          const expected: CellValue[] = [c.id, zonedInstant(NY, y, m, d), c.recency, c.orders, c.amount, c.r, c.f, c.m, c.code, c.segmentZh];
          if (grouped) expected.splice(1, 0, c.group);
          expect(row.map((v) => (v instanceof Date ? v.getTime() : v))).toEqual(expected);
        });
        // The scores the code gave stay within 1..bins, and equal (days, orders, amount) share a code.
        const byFigures = new Map<string, unknown>();
        for (const row of out.slice(1)) {
          const [days, orders, amount, r, f, m, code] = row.slice(grouped ? 3 : 2, grouped ? 10 : 9);
          for (const s of [r, f, m] as number[]) expect(s >= 1 && s <= bins).toBe(true);
          const key = `${grouped ? row[1] : ''}|${days}|${orders}|${amount}`;
          if (byFigures.has(key)) expect(code).toBe(byFigures.get(key));
          else byFigures.set(key, code);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('RFMCUTS shows the reference cut points', () => {
    fc.assert(
      fc.property(genLog, ({ orders, bins, grouped }) => {
        const cols = sheetColumns(orders, grouped);
        const out = rfmCutsTable(zh, cols.ids, cols.dates, cols.amounts, undefined, bins, cols.groups);
        const ref = refRfm(refOrders(orders, grouped), bins);
        const rows = out.slice(1);
        expect(rows).toHaveLength(3 * ref.cuts.size);
        [...ref.cuts.entries()].forEach(([group, dims], g) => {
          dims.forEach((cuts, dim) => {
            const row = rows[3 * g + dim];
            const values = (grouped ? row.slice(3) : row.slice(2)) as number[];
            if (grouped) expect(row[0]).toBe(group);
            expect(values).toHaveLength(bins - 1);
            values.forEach((v, k) => expect(Math.abs(v - cuts[k])).toBeLessThan(1e-9));
          });
        });
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(genLog, fc.integer(), ({ orders, bins, grouped }, seed) => {
        const a = sheetColumns(orders, grouped);
        const b = sheetColumns(shuffled(orders, seed), grouped);
        const outA = rfmTable(zh, a.ids, a.dates, a.amounts, undefined, bins, a.groups);
        const outB = rfmTable(zh, b.ids, b.dates, b.amounts, undefined, bins, b.groups);
        expect(byCustomer(outB, grouped)).toEqual(byCustomer(outA, grouped));
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on row order with amounts in cents either (floating-point sums)', () => {
    const cents = fc.array(fc.record({ c: fc.integer({ min: 0, max: 7 }), day: fc.integer({ min: 0, max: 30 }), cents: fc.integer({ min: 1, max: 99_999 }) }), { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(cents, fc.integer(), fc.integer({ min: 2, max: 9 }), (orders, seed, bins) => {
        const table = (os: typeof orders) =>
          rfmTable(zh, col(os.map((o) => `C${o.c}`)), col(os.map((o) => dateText(BASE + o.day, 'iso'))), col(os.map((o) => o.cents / 100)), undefined, bins, undefined);
        expect(byCustomer(table(shuffled(orders, seed)), false)).toEqual(byCustomer(table(orders), false));
      }),
      { numRuns: 300 },
    );
  });

  it('skips rows that are blank in every column, wherever they are', () => {
    fc.assert(
      fc.property(genLog, fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), fc.constantFrom<CellValue>('', null), ({ orders, bins, grouped }, at, blank) => {
        const plain = sheetColumns(orders, grouped);
        const rows = orders.map((_, i) => [plain.ids[i][0], plain.dates[i][0], plain.amounts[i][0], plain.groups?.[i][0]]);
        for (const p of at) rows.splice(p % (rows.length + 1), 0, [blank, blank, blank, blank]);
        const withBlanks = rfmTable(zh, rows.map((r) => [r[0]]), rows.map((r) => [r[1]]), rows.map((r) => [r[2]]), undefined, bins, grouped ? rows.map((r) => [r[3]]) : undefined);
        expect(withBlanks).toEqual(rfmTable(zh, plain.ids, plain.dates, plain.amounts, undefined, bins, plain.groups));
      }),
      { numRuns: 150 },
    );
  });

  it('takes whole-column ranges with many trailing blank rows', () => {
    const orders: GenOrder[] = Array.from({ length: 300 }, (_, i) => ({ c: i % 11, day: (i * 7) % 80, amount: 10 + ((i * 37) % 500), form: (['date', 'iso', 'slash'] as const)[i % 3] }));
    for (const grouped of [false, true]) {
      const plain = sheetColumns(orders, grouped);
      const pad = (c: CellValue[][] | undefined) => c && [...c, ...Array.from({ length: 50_000 }, () => [''])];
      const whole = rfmTable(zh, pad(plain.ids)!, pad(plain.dates)!, pad(plain.amounts)!, '', '', pad(plain.groups) ?? '');
      expect(whole).toEqual(rfmTable(zh, plain.ids, plain.dates, plain.amounts, undefined, undefined, plain.groups));
      expect(whole).toHaveLength(1 + 11);
    }
  });

  it('equal spending shares a score whatever order the orders were summed in (cents)', () => {
    // 0.1 + 0.2 + 0.3 and 0.3 + 0.2 + 0.1 differ in floating point; X and Y spent the same 0.60.
    const ctx = contextFor(SH);
    const ids = ['P', 'Q', 'X', 'X', 'X', 'Y', 'Y', 'Y', 'Z'];
    const amounts = [0.1, 0.2, 0.1, 0.2, 0.3, 0.3, 0.2, 0.1, 5];
    const out = rfmTable(ctx, col(ids), col(ids.map(() => '2024-01-02')), col(amounts), undefined, undefined, undefined);
    const x = out.find((r) => r[0] === 'X')!;
    const y = out.find((r) => r[0] === 'Y')!;
    expect(x[7]).toBe(y[7]);
    expect(x[4]).toBe(y[4]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('RFM: errors a user can act on', () => {
  const ctx = contextFor(SH);
  const ids5 = ['C0', 'C1', 'C2', 'C0', 'C1', 'C2'];
  const dates5 = ids5.map(() => '2024-01-02');
  const run = (ids: unknown, dates: unknown, amounts: unknown, extra: { at?: unknown; bins?: unknown; groups?: unknown } = {}) =>
    rfmTable(ctx, ids as CellValue[][], dates as CellValue[][], amounts as CellValue[][], extra.at as CellValue, extra.bins as CellValue, extra.groups as CellValue);

  it('text in amounts names the row and the value', () => {
    const e = inputError(() => run(col(ids5), col(dates5), col([1, 2, 3, 4, 5, '¥1,200'])));
    expect(e.key).toBe('notNumber');
    expect(e.params).toMatchObject({ arg: 'amounts', index: 5, value: '¥1,200' });
    const t = inputError(() => run(col(ids5), col(dates5), col([1, 2, true, 4, 5, 6])));
    expect(t.params).toMatchObject({ arg: 'amounts', index: 2, value: true });
  });

  it.each(['03/05/2024', '5.3.2024', '2024-02-30', 'soon'])('an unreadable date %j', (text) => {
    const e = inputError(() => run(col(['A', 'B']), col(['2024-01-02', text]), col([1, 2])));
    expect(e.key).toBe('notDate');
    expect(e.params).toMatchObject({ arg: 'order_dates', index: 1, value: text });
  });

  it('an invalid Date object is not a date', () => {
    const bad = new Date(NaN);
    const e = inputError(() => run(col(['A']), col([bad]), col([1])));
    expect(e.key).toBe('notDate');
    expect(e.params).toMatchObject({ arg: 'order_dates', index: 0 });
  });

  it('an empty date or amount on a row with a customer', () => {
    const d = inputError(() => run(col(['A', 'B']), col(['2024-01-02', '']), col([1, 2])));
    expect(d.key).toBe('emptyCell');
    expect(d.params).toMatchObject({ arg: 'order_dates', index: 1 });
    const e = inputError(() => run(col(['A', 'B']), col(['2024-01-02', '2024-01-03']), col([1, ''])));
    expect(e.key).toBe('emptyCell');
    expect(e.params).toMatchObject({ arg: 'amounts', index: 1 });
  });

  it('ranges of different lengths', () => {
    const e = inputError(() => run(col(['A', 'B']), col(['2024-01-02']), col([1, 2])));
    expect(e.key).toBe('lengthMismatch');
    expect(e.params).toMatchObject({ arg: 'customer_ids', rows: 2, other: 'order_dates', otherRows: 1 });
    const g = inputError(() => run(col(['A', 'B']), col(['2024-01-02', '2024-01-02']), col([1, 2]), { groups: col(['x']) }));
    expect(g.key).toBe('lengthMismatch');
    expect(g.params).toMatchObject({ other: 'groups', otherRows: 1 });
  });

  it.each([1, 10, 2.5, 0, -5, 'x', '5', true])('bins %j is out of range', (bins) => {
    const e = inputError(() => run(col(ids5), col(dates5), col([1, 2, 3, 4, 5, 6]), { bins }));
    expect(e.key).toBe('binsRange');
    expect(e.params).toMatchObject({ arg: 'bins', value: bins });
  });

  it('bins 2 and 9 (also as a one-cell range) are fine', () => {
    for (const bins of [2, 9, [[3]]]) expect(() => run(col(ids5), col(dates5), col([1, 2, 3, 4, 5, 6]), { bins })).not.toThrow();
  });

  it('no data rows', () => {
    for (const blank of [col(['', '', '']), []]) {
      const e = inputError(() => run(blank, blank, blank));
      expect(e.key).toBe('noData');
      expect(e.params).toMatchObject({ arg: 'customer_ids' });
    }
  });

  it('a missing customer id on a row with an amount (or a date)', () => {
    const e = inputError(() => run(col(['A', '', 'B']), col(['2024-01-02', '2024-01-03', '2024-01-04']), col([1, 2, 3])));
    expect(e.key).toBe('missingCustomer');
    expect(e.params).toMatchObject({ arg: 'customer_ids', index: 1 });
    const amountOnly = inputError(() => run(col(['A', '  ']), col(['2024-01-02', '']), col([1, 7])));
    expect(amountOnly.key).toBe('missingCustomer');
    expect(amountOnly.params).toMatchObject({ index: 1 });
  });

  it('an analysis date before the last order names that order', () => {
    const e = inputError(() => run(col(['A', 'B', 'A']), col(['2024-01-02', '2024-03-05', '2024-02-01']), col([1, 2, 3]), { at: '2024-03-04' }));
    expect(e.key).toBe('analysisBeforeLastOrder');
    expect(e.params).toMatchObject({ arg: 'analysis_date', analysisDay: dayNo(2024, 3, 4), lastDay: dayNo(2024, 3, 5), customer: 'B', orderRow: 1 });
  });

  it('an unreadable analysis date', () => {
    const e = inputError(() => run(col(['A']), col(['2024-01-02']), col([1]), { at: '03/05/2024' }));
    expect(e.key).toBe('notDate');
    expect(e.params).toMatchObject({ arg: 'analysis_date', value: '03/05/2024' });
  });

  it('a customer in two groups', () => {
    const e = inputError(() => run(col(['A', 'B', 'A']), col(['2024-01-02', '2024-01-02', '2024-01-03']), col([1, 2, 3]), { groups: col(['urban', 'rural', 'rural']) }));
    expect(e.key).toBe('groupConflict');
    expect(e.params).toMatchObject({ arg: 'groups', index: 2, value: 'rural', customer: 'A', otherGroup: 'urban', otherRow: 0 });
  });

  it('a blank group on an order row', () => {
    const e = inputError(() => run(col(['A', 'B']), col(['2024-01-02', '2024-01-02']), col([1, 2]), { groups: col(['urban', '']) }));
    expect(e.key).toBe('emptyCell');
    expect(e.params).toMatchObject({ arg: 'groups', index: 1 });
  });

  it('a multi-column range where one column is expected', () => {
    const two = [['A', 'x'], ['B', 'y']];
    const e = inputError(() => run(two, col(['2024-01-02', '2024-01-02']), col([1, 2])));
    expect(e.key).toBe('notSingleColumn');
    expect(e.params).toMatchObject({ arg: 'customer_ids', columns: 2 });
    const a = inputError(() => run(col(['A', 'B']), col(['2024-01-02', '2024-01-02']), [[1, 2], [3, 4]]));
    expect(a.params).toMatchObject({ arg: 'amounts', columns: 2 });
  });
});
