/**
 * Any valid Settings written as the Settings sheet reads back as the same Settings, in either
 * language, and reading does not depend on the language the sheet was written in.
 */
import fc from 'fast-check';
import { DayClock } from '../../../src/core/dates';
import type { Lang } from '../../../src/core/locale';
import { daysFromCivil } from '../../../src/core/dates';
import { CUSTOMER_FIELDS, ROLES, type AnyField, type DayOff, type PolicyRow, type RoleCapacity, type Settings, type TableKey, type TeamMember } from '../../../src/core/model';
import { isEmail } from '../../../src/core/settings/defaults';
import { readSettingsSheet } from '../../../src/core/settings/read';
import { renderSettingsSheet, updateSettingsSheet } from '../../../src/core/settings/render';
import { isNoneWord } from '../../../src/core/settings/values';
import { detectTables } from '../../../src/core/tables/detect';
import { normalizeHeader, REQUIRED_FIELDS, TABLE_FIELDS, TABLES } from '../../../src/core/tables/synonyms';
import { offsetMinutes, zoneOffsetMs } from '../../../tools/gas/zone';

const clock = new DayClock((ms) => offsetMinutes(zoneOffsetMs('Asia/Shanghai', ms)));

/**
 * Text as a person types it into one cell: anything, trimmed, one line, with extra weight on
 * text Sheets would turn into something else (a formula, a number, a date, a time, TRUE).
 */
const cellText = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', '=', '+', '-', '@', "'", '张', '三', '.', '/', ':', '%', 'é'), maxLength: 10 }).map((s) => s.trim()),
  fc.constantFrom('TRUE', 'false', '007', '1-5', '2024-03-05', '9:00', '80%', '1,000', '=1+1', "'x", "''", "'007", '—', '-'),
);
const someText = cellText.filter((s) => s !== '');
/** A header a team writes: not empty once normalized, not a separator of the extra-headers cell, not a "none" word. */
const header = someText.filter((s) => normalizeHeader(s) !== '' && !/[,，、;；]/.test(s) && !isNoneWord(s));

const email = fc.tuple(fc.stringMatching(/^[a-z0-9._]{1,8}$/), fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.constantFrom('com', 'cn', 'example.com'))
  .map(([a, b, c]) => `${a}@${b}.${c}`)
  .filter(isEmail);

const member: fc.Arbitrary<TeamMember> = fc.record({
  role: fc.constantFrom(...ROLES),
  name: cellText,
  code: cellText,
  email: fc.oneof(fc.constant(''), email),
  region: cellText,
});

const policy: fc.Arbitrary<PolicyRow[]> = fc.uniqueArray(
  fc.record({
    tier: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
    role: fc.constantFrom(...ROLES),
    visits: fc.integer({ min: 0, max: 100 }),
    calls: fc.integer({ min: 0, max: 100 }),
    months: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.double({ min: 0.01, max: 120, noNaN: true })),
  }),
  { selector: (r) => `${r.tier}${r.role}`, maxLength: 12 },
);

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** Two different minutes of the day, in order. */
const span = fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 2, maxLength: 2 }).map((xs) => sorted(xs) as [number, number]);

const capacity: fc.Arbitrary<RoleCapacity[]> = fc.tuple(...ROLES.map((role) =>
  fc.record({ visits: fc.integer({ min: 0, max: 50 }), calls: fc.integer({ min: 0, max: 100 }), hours: span })
    .map(({ visits, calls, hours }): RoleCapacity => ({ role, visits, calls, start: hours[0], end: hours[1] }))));

/** Days off rows whose Person names someone of the team (name, code or e-mail) or no one. */
function daysOffOf(team: readonly TeamMember[]): fc.Arbitrary<DayOff[]> {
  const names = [...new Set(team.flatMap((m) => [m.name, m.code, m.email]).filter((n) => n !== ''))];
  return fc.array(
    fc.record({
      from: fc.integer({ min: daysFromCivil(2000, 1, 1), max: daysFromCivil(2040, 12, 31) }),
      length: fc.integer({ min: 0, max: 30 }),
      kind: fc.constantFrom('closed' as const, 'working' as const),
      person: names.length ? fc.oneof(fc.constant(''), fc.constantFrom(...names)) : fc.constant(''),
      note: cellText,
      source: fc.constantFrom('team' as const, 'china' as const),
    }).map(({ length, ...d }): DayOff => ({ ...d, to: d.from + length })),
    { maxLength: 5 },
  );
}

/** Choices in the sheet's order (table by table, field by field), each header once per table. */
const choices: fc.Arbitrary<Settings['mappingChoices']> = fc
  .array(fc.tuple(fc.constantFrom(...TABLES), fc.nat(), fc.option(header, { nil: null })), { maxLength: 8 })
  .map((picks) => {
    const out: Settings['mappingChoices'] = [];
    const used = new Set<string>();
    for (const table of TABLES) {
      const fields = TABLE_FIELDS[table] as readonly AnyField[];
      for (const field of fields) {
        const pick = picks.find(([t, n]) => t === table && fields[n % fields.length] === field);
        if (!pick) continue;
        let h = pick[2];
        if (h === null && (REQUIRED_FIELDS[table] as readonly AnyField[]).includes(field)) continue;
        if (h !== null && used.has(`${table}|${normalizeHeader(h)}`)) continue;
        if (h !== null) used.add(`${table}|${normalizeHeader(h)}`);
        out.push({ table, field, header: h });
      }
    }
    return out;
  });

const synonyms: fc.Arbitrary<Settings['synonyms']> = fc
  .array(fc.tuple(fc.constantFrom(...TABLES), fc.nat(), fc.array(header, { minLength: 1, maxLength: 3 })), { maxLength: 4 })
  .map((rows) => {
    const owner = new Map<string, AnyField>();
    const out: Settings['synonyms'] = [];
    for (const [table, n, headers] of rows) {
      const fields = TABLE_FIELDS[table] as readonly AnyField[];
      const field = fields[n % fields.length];
      const free = headers.filter((h) => (owner.get(`${table}|${normalizeHeader(h)}`) ?? field) === field);
      for (const h of free) owner.set(`${table}|${normalizeHeader(h)}`, field);
      if (free.length) out.push({ table: table as TableKey, field, headers: free });
    }
    return out;
  });

const settings: fc.Arbitrary<Settings> = fc
  .record({
    rfmBins: fc.integer({ min: 2, max: 9 }),
    rfmGroupBy: fc.constantFrom('none' as const, 'region' as const, 'urbanRural' as const),
    abcBy: fc.constantFrom('value' as const, 'count' as const),
    shares: fc.tuple(fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true })),
    abcMonths: fc.integer({ min: 1, max: 120 }),
    tierPeriod: fc.constantFrom('month' as const, 'quarter' as const),
    lapseDays: fc.integer({ min: 1, max: 3650 }),
    reviewDays: fc.integer({ min: 1, max: 3650 }),
    birthdayDays: fc.integer({ min: 0, max: 366 }),
    overdueFactor: fc.double({ min: 0.001, max: 100, noNaN: true }),
    lifetimeModel: fc.constantFrom('bgnbd' as const, 'mbgnbd' as const, 'paretonbd' as const),
    pAliveThreshold: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }).map(Math.abs)),
    requiredFields: fc.shuffledSubarray([...CUSTOMER_FIELDS]),
    horizonWeeks: fc.integer({ min: 1, max: 52 }),
    workingDays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    slots: fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 1, maxLength: 10 }).map(sorted),
    minGapDays: fc.integer({ min: 0, max: 60 }),
    lunchBreak: fc.oneof(fc.constant([0, 0] as [number, number]), span),
    publicHolidays: fc.constantFrom('auto' as const, 'china' as const, 'none' as const),
    festivalCare: fc.constantFrom('auto' as const, 'on' as const, 'off' as const),
    lunarBirthdays: fc.boolean(),
    capacity,
    visitMinutes: fc.integer({ min: 1, max: 480 }),
    callMinutes: fc.integer({ min: 1, max: 480 }),
    keepDays: fc.integer({ min: 0, max: 3650 }),
    policy,
    team: fc.array(member, { maxLength: 6 }),
    dailyHour: fc.integer({ min: 0, max: 23 }),
    timeBudgetSeconds: fc.integer({ min: 30, max: 330 }),
    dailyEventLimit: fc.integer({ min: 0, max: 10000 }),
    calendarId: someText,
    ordersSource: fc.oneof(
      fc.constant({ kind: 'sheet' } as Settings['ordersSource']),
      fc.tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/), fc.stringMatching(/^[A-Za-z0-9_]{1,8}$/), fc.constantFrom('orders', '订单', 'sales 2024', 'a-b'))
        .map(([p, d, t]): Settings['ordersSource'] => ({ kind: 'bigquery', table: [p, d, t] })),
    ),
    bigQueryColumns: fc.tuple(fc.constantFrom('customer_id', '客户'), fc.constantFrom('order_date', 'Order Date'), fc.constantFrom('amount', '金额', 'net_2'), fc.constantFrom([], ['margin'], ['毛利']))
      .map(([c, d, a, m]) => [c, d, a, ...m]),
    bigQueryProject: fc.oneof(fc.constant(''), fc.stringMatching(/^[a-z][a-z0-9-]{0,8}[a-z0-9]$/)),
    synonyms,
    mappingChoices: choices,
  })
  .map(({ shares, ...rest }) => ({ ...rest, abcAShare: Math.min(...shares), abcBShare: Math.max(...shares) }))
  .chain((s) => daysOffOf(s.team).map((daysOff): Settings => ({ ...s, daysOff })));

const LANGS: Lang[] = ['zh', 'en'];

describe('Settings sheet round trip', () => {
  it('reads back what it writes, in both languages', () => {
    fc.assert(
      fc.property(settings, fc.constantFrom(...LANGS), (s, lang) => {
        expect(readSettingsSheet(renderSettingsSheet(s, null, lang), clock)).toEqual(s);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a sheet with nothing left to fill in', () => {
    fc.assert(
      fc.property(settings, fc.constantFrom(...LANGS), (s, lang) => {
        expect(updateSettingsSheet(renderSettingsSheet(s, null, lang), null, lang)).toBeNull();
      }),
      { numRuns: 50 },
    );
  });

  it('takes the headers it found as chosen, and reads back all else unchanged', () => {
    const mapping = detectTables([
      { name: '客户', top: [['客户代码', '名称', '电话', '地址', '对口销售员']] },
      { name: '订单', top: [['客户代码', '订单日期', '金额']] },
    ]);
    fc.assert(
      fc.property(settings, fc.constantFrom(...LANGS), (s, lang) => {
        const sheet = renderSettingsSheet(s, mapping, lang);
        const read = readSettingsSheet(sheet, clock);
        const found: Settings['mappingChoices'] = [];
        for (const table of ['customers', 'orders'] as const) {
          for (const [field, h] of Object.entries(mapping[table].headers)) {
            if (!s.mappingChoices.some((c) => c.table === table && c.field === field)) found.push({ table, field: field as AnyField, header: h as string });
          }
        }
        const order = (c: { table: TableKey; field: AnyField }) => TABLES.indexOf(c.table) * 100 + (TABLE_FIELDS[c.table] as readonly string[]).indexOf(c.field);
        const expected = [...s.mappingChoices, ...found].sort((a, b) => order(a) - order(b));
        expect(read).toEqual({ ...s, mappingChoices: expected });
        expect(updateSettingsSheet(sheet, mapping, lang)).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it('reads a sheet written in the other language the same way', () => {
    fc.assert(
      fc.property(settings, (s) => {
        const zh = readSettingsSheet(renderSettingsSheet(s, null, 'zh'), clock);
        const en = readSettingsSheet(renderSettingsSheet(s, null, 'en'), clock);
        expect(zh).toEqual(en);
      }),
      { numRuns: 50 },
    );
  });
});
