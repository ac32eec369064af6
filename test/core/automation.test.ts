/** The daily classification, flags, own columns, state and log lines, on plain records. */
import fc from 'fast-check';
import { abcTiers } from '../../src/core/analytics/abc';
import { classifyCustomers, movementOf, periodOf, type ClassifyInput } from '../../src/core/automation/classify';
import { computeFlags, daysToBirthday, isClosedStatus, rhythmDays, statusOf, type FlagInput } from '../../src/core/automation/flags';
import { flagChanges, flagChangeRow } from '../../src/core/automation/log';
import { layoutOwnColumns, isOwnHeader } from '../../src/core/automation/ownColumns';
import { flagsCell, flagText, formatAmount } from '../../src/core/automation/reasons';
import { readState, renderState, type CustomerState } from '../../src/core/automation/state';
import { DayClock, daysFromCivil, formatDay } from '../../src/core/dates';
import type { CustomerClass, CustomerRecord, OrderRecord, PolicyRow } from '../../src/core/model';
import { analyseOrders } from '../../src/core/analytics/rfm';

const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
const TODAY = day(2026, 11, 20);
const utcClock = new DayClock(() => 0);

const SETTINGS: ClassifyInput['settings'] = { rfmBins: 5, rfmGroupBy: 'none', abcBy: 'value', abcAShare: 0.8, abcBShare: 0.95, abcMonths: 12, tierPeriod: 'month' };

function customer(id: string, row: number, fields: CustomerRecord['fields'] = {}): CustomerRecord {
  return { id, row, fields: { id, name: `Shop ${id}`, ...fields } };
}

/** A deterministic order log: customer i orders (i % 7) + 1 times over the last two years. */
function orderLog(customers: CustomerRecord[], seed = 1): OrderRecord[] {
  const out: OrderRecord[] = [];
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  customers.forEach((c, i) => {
    const n = (i % 7) + 1;
    for (let k = 0; k < n; k++) out.push({ row: out.length + 2, customer: c.id, day: TODAY - 1 - Math.floor(rnd() * 700), amount: Math.round(rnd() * 5000) + 10, margin: Math.round(rnd() * 500) });
  });
  return out;
}

describe('classifyCustomers', () => {
  const customers = Array.from({ length: 60 }, (_, i) => customer(`KH${String(i).padStart(3, '0')}`, i + 2, { region: i % 2 ? '华东' : '华南' }));
  const orders = orderLog(customers);

  it('scores RFM exactly as the RFM function does on the same order log', () => {
    const { classes } = classifyCustomers({ customers, orders, settings: SETTINGS, today: TODAY, state: null, blankGroup: '(blank)' });
    const viaFunction = analyseOrders(
      {
        ids: orders.map((o) => [o.customer]),
        dates: orders.map((o) => [formatDay(o.day)]),
        amounts: orders.map((o) => [o.amount]),
      },
      5,
      TODAY,
      utcClock,
    );
    const byId = new Map(viaFunction.customers.map((c) => [String(c.id), c]));
    for (const c of classes) {
      const f = byId.get(c.id)!;
      expect([c.rfm!.code, c.rfm!.segment, c.rfm!.recencyDays, c.rfm!.orders, c.rfm!.amount]).toEqual([f.code, f.segment, f.recencyDays, f.orders, f.amount]);
    }
  });

  it('scores within the region when the settings say so', () => {
    const grouped = classifyCustomers({ customers, orders, settings: { ...SETTINGS, rfmGroupBy: 'region' }, today: TODAY, state: null, blankGroup: '(blank)' });
    const viaFunction = analyseOrders(
      {
        ids: orders.map((o) => [o.customer]),
        dates: orders.map((o) => [formatDay(o.day)]),
        amounts: orders.map((o) => [o.amount]),
        groups: orders.map((o) => [customers.find((c) => c.id === o.customer)!.fields.region as string]),
      },
      5,
      TODAY,
      utcClock,
    );
    const byId = new Map(viaFunction.customers.map((c) => [String(c.id), c.code]));
    expect(grouped.classes.map((c) => c.rfm!.code)).toEqual(customers.map((c) => byId.get(c.id)));
  });

  it('tiers on the last abcMonths of sales, as ABCTIER tiers those sums', () => {
    const { classes } = classifyCustomers({ customers, orders, settings: { ...SETTINGS, abcMonths: 6 }, today: TODAY, state: null, blankGroup: '' });
    const start = TODAY - 6 * 30.4375;
    const sums = customers.map((c) => orders.filter((o) => o.customer === c.id && o.day > start).reduce((s, o) => s + o.amount, 0));
    expect(classes.map((c) => c.tier)).toEqual(abcTiers(Float64Array.from(sums), 0.8, 0.95, 'value').map((t) => t || 'C'));
    expect(classes.map((c) => c.value)).toEqual(sums);
  });

  it('places every customer on the Pareto curve: rank 1 has the largest value and shares rise to 1', () => {
    const { classes, curve } = classifyCustomers({ customers, orders, settings: SETTINGS, today: TODAY, state: null, blankGroup: '' });
    const top = classes.find((c) => c.rank === 1)!;
    expect(top.value).toBe(Math.max(...classes.map((c) => c.value)));
    const byRank = [...classes].sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < byRank.length; i++) expect(byRank[i].cumulativeShare).toBeGreaterThanOrEqual(byRank[i - 1].cumulativeShare);
    expect(byRank[byRank.length - 1].cumulativeShare).toBeCloseTo(1, 12);
    expect(curve[0]).toEqual([0, 0]);
    expect(curve[curve.length - 1][0]).toBe(1);
    expect(curve[curve.length - 1][1]).toBeCloseTo(1, 12);
  });

  it('gives a quadrant only when the orders carry margins', () => {
    const withMargin = classifyCustomers({ customers, orders, settings: SETTINGS, today: TODAY, state: null, blankGroup: '' });
    expect(withMargin.hasQuadrant).toBe(true);
    // Customers without sales in the window have no quadrant; the others fall in all four.
    expect(new Set(withMargin.classes.filter((c) => c.value > 0).map((c) => c.quadrant))).toEqual(new Set(['A', 'B', 'C', 'D']));
    expect(withMargin.classes.filter((c) => c.value <= 0).every((c) => c.quadrant === '')).toBe(true);
    const noMargin = classifyCustomers({ customers, orders: orders.map(({ margin, ...o }) => o), settings: SETTINGS, today: TODAY, state: null, blankGroup: '' });
    expect(noMargin.hasQuadrant).toBe(false);
    expect(noMargin.classes.every((c) => c.quadrant === '')).toBe(true);
  });

  it('a customer without orders has no RFM and tier C', () => {
    const extra = [...customers, customer('NEW1', 99)];
    const { classes } = classifyCustomers({ customers: extra, orders, settings: SETTINGS, today: TODAY, state: null, blankGroup: '' });
    const c = classes[classes.length - 1];
    expect(c.rfm).toBeNull();
    expect(c.tier).toBe('C');
    expect(c.value).toBe(0);
  });

  describe('movement between periods (能上能下)', () => {
    const one = [customer('X', 2), customer('Y', 3), customer('Z', 4)];
    const big = (id: string, amount: number, d = TODAY - 3): OrderRecord => ({ row: 2, customer: id, day: d, amount });
    const run = (orders: OrderRecord[], today: number, state: Map<string, CustomerState> | null) =>
      classifyCustomers({ customers: one, orders, settings: SETTINGS, today, state, blankGroup: '' });

    it('shows nothing on the first run, then promoted/demoted against the previous period until the next one', () => {
      const nov = run([big('X', 800), big('Y', 150), big('Z', 50)], TODAY, null);
      expect(nov.classes.map((c) => [c.tier, c.movement])).toEqual([['A', ''], ['B', ''], ['C', '']]);
      expect(nov.period).toBe('2026-11');

      // December: Y now sells most. Compared with November's tiers.
      const dec1 = day(2026, 12, 3);
      const decOrders = [big('X', 800, TODAY - 3), big('Y', 50000, dec1 - 1), big('Z', 50)];
      const dec = run(decOrders, dec1, nov.state);
      const y = dec.classes[1];
      expect([y.tier, y.previousTier, y.movement]).toEqual(['A', 'B', 'up']);
      expect(dec.classes[0].movement).toBe('down');
      // A re-run later in December still compares with November.
      const dec2 = run(decOrders, dec1 + 5, dec.state);
      expect(dec2.classes[1].movement).toBe('up');
      expect(dec2.classes[1].previousTier).toBe('B');
      // January: compared with December's last tier (A): no movement.
      const jan = run(decOrders, day(2027, 1, 4), dec2.state);
      expect(jan.classes[1].movement).toBe('');
      expect(jan.classes[1].previousTier).toBe('A');
    });

    it('marks a customer new when earlier runs did not know it', () => {
      const first = run([big('X', 1000)], TODAY, new Map());
      expect(first.classes.every((c) => c.movement === 'new')).toBe(true);
    });

    it('orders tiers A < B < C', () => {
      expect(movementOf('B', 'A')).toBe('up');
      expect(movementOf('A', 'C')).toBe('down');
      expect(movementOf('', 'A')).toBe('');
      expect(periodOf(day(2026, 11, 30), 'quarter')).toBe('2026-Q4');
      expect(periodOf(day(2027, 1, 1), 'month')).toBe('2027-01');
    });
  });
});

describe('computeFlags', () => {
  const POLICY: PolicyRow[] = [
    { tier: 'A', role: 'rep', visits: 3, calls: 2, months: 1 },
    { tier: 'C', role: 'rep', visits: 1, calls: 1, months: 1 },
  ];
  const cls = (over: Partial<CustomerClass> = {}): CustomerClass => ({
    id: 'KH1',
    rfm: { r: 3, f: 3, m: 3, code: '333', segment: 'keyValue', lastDay: TODAY - 10, recencyDays: 10, orders: 4, amount: 1000 },
    tier: 'A', value: 1000, cumulativeShare: 0.5, rank: 1, quadrant: 'A', previousTier: 'A', movement: '', ...over,
  });
  const base = (over: Partial<FlagInput> = {}): FlagInput => ({
    cls: cls(),
    fields: { phone: '138', address: '上海', rep: 'S01', lastReviewed: 'x' },
    mapped: new Set(['phone', 'address', 'rep', 'lastReviewed', 'creditLimit', 'outstanding']),
    label: (f) => ({ phone: '电话号码', address: '地址', rep: '对口销售员码' } as Record<string, string>)[f] ?? f,
    settings: { lapseDays: 365, reviewDays: 90, birthdayDays: 7, overdueFactor: 2, pAliveThreshold: 0.3, requiredFields: ['phone', 'address', 'rep'], policy: POLICY },
    today: TODAY,
    lastContactDay: TODAY - 3,
    firstRunDay: TODAY - 400,
    reviewedDay: TODAY - 10,
    birthday: null,
    complaints: [],
    problems: [],
    ...over,
  });
  const keys = (input: FlagInput) => computeFlags(input).map((f) => f.key);

  it('raises nothing for a healthy customer: green status and an empty cell', () => {
    const flags = computeFlags(base());
    expect(flags).toEqual([]);
    expect(statusOf(flags)).toBe('green');
    expect(flagsCell(flags, 'zh')).toBe('');
  });

  it('lapsed after more than lapseDays without an order, with the days in the reason', () => {
    expect(keys(base({ cls: cls({ rfm: { ...cls().rfm!, recencyDays: 365 } }) }))).toEqual([]);
    const flags = computeFlags(base({ cls: cls({ rfm: { ...cls().rfm!, recencyDays: 412 } }) }));
    expect(flags.map((f) => [f.key, f.severity])).toEqual([['lapsed', 'red']]);
    expect(flagText(flags[0], 'en')).toBe('no order for 412 days');
    expect(flagText(flags[0], 'zh')).toBe('已 412 天没有下单');
    expect(statusOf(flags)).toBe('red');
  });

  it('overdue against the tier rhythm × the factor, or when never contacted', () => {
    // Tier A: 5 contacts a month → every 6.09 days; factor 2 → over 13 days.
    expect(rhythmDays(POLICY, 'A')).toBeCloseTo(30.4375 / 5, 10);
    expect(keys(base({ lastContactDay: TODAY - 13 }))).toEqual([]);
    const late = computeFlags(base({ lastContactDay: TODAY - 14 }));
    expect(flagText(late[0], 'en')).toBe('no contact for 14 days (tier A: one every 6 days)');
    expect(flagText(computeFlags(base({ lastContactDay: null }))[0], 'zh')).toBe('启用 Kehu 已 400 天，仍没有拜访或电话记录（A 类客户约每 6 天联系一次）');
    // A tier without a rep policy row is never overdue.
    expect(keys(base({ cls: cls({ tier: 'B' }), lastContactDay: null }))).toEqual([]);
  });

  it('missing names only fields the file has, as the team calls them', () => {
    const flags = computeFlags(base({ fields: { phone: '', address: '  ', rep: 'S01' }, mapped: new Set(['phone', 'address', 'rep']) }));
    expect(flagText(flags[0], 'zh')).toBe('缺少：电话号码、地址');
    // No rep column in the file: not flagged as missing.
    expect(keys(base({ fields: { phone: '1', address: 'a' }, mapped: new Set(['phone', 'address']) }))).toEqual([]);
  });

  it('not reviewed for reviewDays, or never; only when the file has the column', () => {
    expect(keys(base({ reviewedDay: TODAY - 90 }))).toEqual([]);
    expect(flagText(computeFlags(base({ reviewedDay: TODAY - 91 }))[0], 'en')).toBe('profile not reviewed for 91 days');
    expect(flagText(computeFlags(base({ reviewedDay: null }))[0], 'en')).toBe('profile never reviewed');
    expect(keys(base({ reviewedDay: null, mapped: new Set(['phone', 'address', 'rep']) }))).toEqual([]);
  });

  it('over credit only when both columns exist and hold numbers', () => {
    const over = computeFlags(base({ fields: { ...base().fields, creditLimit: 50000, outstanding: 61234.5 } }));
    expect(flagText(over[0], 'en')).toBe('outstanding 61,234.5 over the credit limit 50,000');
    expect(keys(base({ fields: { ...base().fields, creditLimit: 50000, outstanding: 50000 } }))).toEqual([]);
    expect(keys(base({ fields: { ...base().fields, creditLimit: 50000, outstanding: 61234 }, mapped: new Set(['phone', 'address', 'rep', 'creditLimit']) }))).toEqual([]);
  });

  it('birthday within birthdayDays, across the new year and on 29 February', () => {
    const flags = computeFlags(base({ birthday: { month: 11, day: 23 } }));
    expect(flagText(flags[0], 'en')).toBe('birthday in 3 days (11-23)');
    expect(flagText(flags[0], 'zh')).toBe('3 天后生日（11-23）');
    expect(keys(base({ birthday: { month: 11, day: 28 } }))).toEqual([]);
    expect(daysToBirthday(day(2026, 12, 30), 1, 2)).toBe(3);
    expect(daysToBirthday(day(2027, 2, 27), 2, 29)).toBe(1); // 2027 has no 29 February
    expect(daysToBirthday(day(2028, 2, 27), 2, 29)).toBe(2);
    expect(daysToBirthday(TODAY, 11, 20)).toBe(0);
  });

  it('tier changed, probably lapsing, open complaints and data problems', () => {
    expect(flagText(computeFlags(base({ cls: cls({ movement: 'up', previousTier: 'B' }) }))[0], 'en')).toBe('promoted: B → A');
    expect(flagText(computeFlags(base({ cls: cls({ pAlive: 0.183 }) }))[0], 'en')).toBe('probably lapsing (P(alive) 0.18)');
    expect(keys(base({ cls: cls({ pAlive: 0.183 }), settings: { ...base().settings, pAliveThreshold: 0 } }))).toEqual([]);
    const late = computeFlags(base({ complaints: [{ day: TODAY - 10, deadlineDay: TODAY - 3, owner: 'S01', note: '' }] }));
    expect([late[0].severity, flagText(late[0], 'en')]).toEqual(['red', 'open complaint (2026-11-10, owner S01, reply by 2026-11-17, overdue)']);
    const waiting = computeFlags(base({ complaints: [{ day: TODAY - 1, deadlineDay: TODAY + 3, owner: '', note: '' }] }));
    expect(waiting[0].severity).toBe('amber');
    expect(flagText(computeFlags(base({ problems: ['Orders row 57: amount is the text \'¥1,200\', not a number.'] }))[0], 'en')).toContain('row 57');
    expect(isClosedStatus('已解决')).toBe(true);
    expect(isClosedStatus('Resolved')).toBe(true);
    expect(isClosedStatus('处理中')).toBe(false);
  });

  it('clears a flag when its cause is gone (flags are recomputed, not remembered)', () => {
    const before = computeFlags(base({ lastContactDay: TODAY - 40 }));
    const after = computeFlags(base({ lastContactDay: TODAY }));
    expect(before.map((f) => f.key)).toEqual(['overdue']);
    expect(after).toEqual([]);
    expect(flagChanges('KH1', ['overdue'], after)).toEqual([{ customer: 'KH1', key: 'overdue', change: 'cleared' }]);
    expect(flagChanges('KH1', [], before).map((c) => c.change)).toEqual(['raised']);
    expect(flagChanges('KH1', ['overdue'], before)).toEqual([]);
  });
});

describe('own columns on the customer table', () => {
  it('appends all seven after the last used column on a fresh table', () => {
    const layout = layoutOwnColumns(['客户代码', '名称', '电话'], 5, 'zh');
    expect(layout.runs).toEqual([{ start: 6, keys: ['rfm', 'segment', 'abc', 'quadrant', 'movement', 'status', 'flags'] }]);
    expect(layout.headers.status).toBe('Kehu · 状态');
  });

  it('finds them where a user moved them, in either language, and never covers a user column', () => {
    const header = ['客户代码', 'Kehu · RFM', 'Kehu · Segment', '名称', 'Kehu · ABC', 'Kehu · 象限', 'Kehu · 变动', 'Kehu · 状态', 'Kehu · Flags'];
    const layout = layoutOwnColumns(header, header.length, 'zh');
    expect(layout.runs).toEqual([{ start: 2, keys: ['rfm', 'segment'] }, { start: 5, keys: ['abc', 'quadrant', 'movement', 'status', 'flags'] }]);
    expect(layout.headers.segment).toBe('Kehu · Segment');
    const used = new Set(layout.runs.flatMap((r) => r.keys.map((_, k) => r.start + k)));
    expect(used.has(4)).toBe(false);
    expect(isOwnHeader('Kehu · 提醒')).toBe(true);
    expect(isOwnHeader('客户代码')).toBe(false);
  });

  it('adds only the missing ones, after everything used', () => {
    const layout = layoutOwnColumns(['id', 'Kehu · RFM'], 9, 'en');
    expect(layout.columns.rfm).toBe(2);
    expect(layout.columns.segment).toBe(10);
    expect(layout.columns.flags).toBe(15);
  });
});

describe('customer state sheet', () => {
  it('round-trips any state, ids that look like numbers or dates included', () => {
    const tier = fc.constantFrom('A' as const, 'B' as const, 'C' as const);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.oneof(fc.constantFrom('00123', '2026-11', 'TRUE', '=x', '客户1'), fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== '')), { minLength: 1, maxLength: 20 }),
        tier,
        (ids, t) => {
          const states: CustomerState[] = ids.map((id, i) => ({ id, tier: t, period: '2026-11', previousTier: i % 2 ? 'B' : '', previousPeriod: i % 2 ? '2026-10' : '', flags: i % 3 ? ['lapsed', 'missing'] : [], card: i % 2 ? '{"o":3}' : '' }));
          // Cells as the fake spreadsheet stores them: a leading apostrophe is not part of the value.
          const grid = renderState(states, 'zh').map((row) => row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
          expect([...readState(grid).values()]).toEqual(states);
        },
      ),
    );
  });

  it('reads a sheet written in the other language and ignores what it cannot use', () => {
    const grid = [['Customer ID', 'Tier', 'Period', 'Previous tier', 'Previous period', 'Flags'], ['KH1', 'Z', '2026-11', 'B', '2026-10', 'lapsed,bogus'], ['', 'A']];
    // A state sheet from before the card column: the card is unknown.
    expect(readState(grid).get('KH1')).toEqual({ id: 'KH1', tier: 'C', period: '2026-11', previousTier: 'B', previousPeriod: '2026-10', flags: ['lapsed'], card: '' });
    expect(readState(grid).size).toBe(1);
  });
});

describe('log lines', () => {
  it('name the customer, the flag, the change and the reason, as text', () => {
    const raised = flagChanges('=KH1', [], [{ key: 'lapsed', severity: 'red', params: { days: 412 } }]);
    expect(flagChangeRow(raised[0], 'now', 'zh')).toEqual(['now', "'=KH1", '久未下单', '新增', "'已 412 天没有下单"]);
    expect(formatAmount(-1234567.891)).toBe('-1,234,567.89');
  });
});
