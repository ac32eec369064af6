/**
 * The visit planner, case by case: chains from anchors, people from the rep cell and the Team
 * table, capacity and slots, a person's rows, removal and dropping, ids of added rows, notes in
 * both languages. Each run goes through the sheet (render → what Sheets keeps → read), as the
 * daily run does.
 */
import type { CellValue } from '../../src/core/cells';
import { DayClock, daysFromCivil } from '../../src/core/dates';
import type { Lang } from '../../src/core/locale';
import type { PolicyRow, TeamMember } from '../../src/core/model';
import { PlanInput, planSchedule, PlanResult, ScheduleCustomer, ScheduleSettings } from '../../src/core/schedule/plan';
import { readScheduleSheet, renderScheduleSheet } from '../../src/core/schedule/rows';
import { ParsedRow, PlannedRow, SCHEDULE_COLUMNS } from '../../src/core/schedule/types';

const clock = new DayClock(() => 480); // UTC+8, no daylight saving
const toDate = (day: number) => new Date(clock.startOfDay(day));
const TODAY = daysFromCivil(2026, 11, 16); // a Monday
const COL = Object.fromEntries(SCHEDULE_COLUMNS.map((c, i) => [c, i])) as Record<(typeof SCHEDULE_COLUMNS)[number], number>;

/** ISO weekday by the platform's calendar, independent of the planner's own. */
const weekday = (day: number) => new Date(day * 86_400_000).getUTCDay() || 7;

const POLICY: PolicyRow[] = [
  { tier: 'A', role: 'rep', visits: 3, calls: 2, months: 1 },
  { tier: 'B', role: 'rep', visits: 2, calls: 1, months: 1 },
  { tier: 'C', role: 'rep', visits: 1, calls: 1, months: 1 },
  { tier: 'A', role: 'manager', visits: 1, calls: 0, months: 2 },
  { tier: 'B', role: 'manager', visits: 1, calls: 0, months: 3 },
  { tier: 'A', role: 'director', visits: 1, calls: 0, months: 6 },
  { tier: 'A', role: 'gm', visits: 1, calls: 0, months: 12 },
];

const TEAM: TeamMember[] = [
  { role: 'rep', name: '王伟', code: 'S01', email: 'wang@example.cn', region: '' },
  { role: 'rep', name: '李娜', code: 'S02', email: '', region: '' },
  { role: 'manager', name: '张敏', code: 'M01', email: 'zhang@example.cn', region: '华东' },
  { role: 'manager', name: '刘洋', code: 'M02', email: 'liu@example.cn', region: '' },
  { role: 'manager', name: '陈静', code: 'M03', email: 'chen@example.cn', region: '华北' },
  { role: 'director', name: '', code: '', email: '', region: '' }, // the empty row the Team section starts with
  { role: 'gm', name: '赵总', code: 'G01', email: 'zhao@example.cn', region: '' },
];

function settings(over: Partial<ScheduleSettings> = {}): ScheduleSettings {
  return {
    horizonWeeks: 4, workingDays: [1, 2, 3, 4, 5], maxPerDay: 6, slots: [540, 630, 810, 870, 930, 990], keepDays: 28,
    visitMinutes: 60, callMinutes: 15, policy: POLICY, team: TEAM, ...over,
  };
}

function customer(id: string, tier: 'A' | 'B' | 'C', rep: string, region = ''): ScheduleCustomer {
  return { id, name: `客户${id}`, tier, rep, region };
}

function plan(over: Partial<PlanInput>): PlanResult {
  return planSchedule({ today: TODAY, settings: settings(), customers: [], contacts: [], existing: [], lang: 'zh', ...over });
}

/** The grid the sheet holds after the plan is written (apostrophes gone, as in Sheets). */
function written(result: PlanResult, lang: Lang = 'zh', extraHeaders: string[] = []): CellValue[][] {
  return renderScheduleSheet(result.rows, lang, toDate, extraHeaders)
    .map((line) => line.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
}

function read(grid: CellValue[][]): ParsedRow[] {
  const sheet = readScheduleSheet(grid, clock);
  expect(sheet.problems).toEqual([]);
  return sheet.rows;
}

function of(rows: readonly PlannedRow[], id: string, role = 'rep', kind = 'visit'): PlannedRow[] {
  return rows.filter((r) => r.customerId === id && r.role === role && r.kind === kind);
}

describe('chains', () => {
  it('starts today for a customer never contacted and follows the interval (A: 3 visits, 2 calls a month)', () => {
    const r = plan({ customers: [customer('KH1', 'A', 'S01')] });
    // 30.4375 / 3 = 10.15 days between visits, 15.22 between calls.
    expect(of(r.rows, 'KH1').map((x) => x.chain!.target - TODAY)).toEqual([0, 10, 20]);
    expect(of(r.rows, 'KH1', 'rep', 'call').map((x) => x.chain!.target - TODAY)).toEqual([0, 15]);
    expect(of(r.rows, 'KH1', 'gm').map((x) => x.chain!.target - TODAY)).toEqual([0]);
    for (const x of r.rows.filter((x) => x.day !== null)) {
      expect(x.day!).toBeGreaterThanOrEqual(x.chain!.target);
      expect(weekday(x.day!)).toBeLessThanOrEqual(5);
    }
  });

  it('counts from the last real contact of that kind by that role', () => {
    const r = plan({
      customers: [customer('KH1', 'A', 'S01')],
      contacts: [
        { customer: 'KH1', day: TODAY - 4, kind: 'visit', person: '王伟' },
        { customer: 'KH1', day: TODAY - 9, kind: 'visit', person: 'S01' }, // older: not the anchor
        { customer: 'KH1', day: TODAY - 40, kind: 'call', person: 'wang@example.cn' }, // overdue: starts today
        { customer: 'KH1', day: TODAY + 3, kind: 'call', person: 'S01' }, // not yet happened: ignored
      ],
    });
    expect(of(r.rows, 'KH1').map((x) => [x.chain!.anchor, x.chain!.target - TODAY])).toEqual([[TODAY - 4, 6], [TODAY - 4, 16], [TODAY - 4, 26]]);
    expect(of(r.rows, 'KH1', 'rep', 'call').map((x) => [x.chain!.anchor, x.chain!.target - TODAY])).toEqual([[TODAY - 40, 0], [TODAY - 40, 15]]);
  });

  it('gives a contact by someone the Team table does not know to the sales rep, and a manager\'s only to the manager', () => {
    const base = plan({ customers: [customer('KH1', 'A', 'S01')] });
    const ids = (r: PlanResult, role: string) => r.rows.filter((x) => x.role === role).map((x) => x.rowId);
    const byStranger = plan({ customers: [customer('KH1', 'A', 'S01')], contacts: [{ customer: 'KH1', day: TODAY - 2, kind: 'visit', person: '小周' }] });
    expect(of(byStranger.rows, 'KH1')[0].chain!.anchor).toBe(TODAY - 2);
    // The manager visited two days ago: the next manager visit is two months on, past the horizon.
    const byManager = plan({ customers: [customer('KH1', 'A', 'S01')], contacts: [{ customer: 'KH1', day: TODAY - 2, kind: 'visit', person: '张敏' }] });
    expect(ids(base, 'manager').length).toBe(1);
    expect(ids(byManager, 'manager')).toEqual([]);
    expect(ids(byManager, 'rep')).toEqual(ids(base, 'rep'));
    expect(ids(byManager, 'gm')).toEqual(ids(base, 'gm'));
  });

  it('continues a chain where its rows left it: a missed visit stays, the next one is not pulled forward', () => {
    const first = plan({ customers: [customer('KH1', 'A', 'S01')] });
    // Eleven days on, nobody logged anything: the first visit is past (missed), the second kept.
    const later = plan({ today: TODAY + 11, customers: [customer('KH1', 'A', 'S01')], existing: read(written(first)) });
    const visits = of(later.rows, 'KH1');
    expect(visits.map((x) => [x.chain!.index, x.chain!.target - TODAY])).toEqual([[1, 0], [2, 10], [3, 20], [4, 30]]);
    expect(visits[0].day).toBe(of(first.rows, 'KH1')[0].day);
    expect(later.removed).toEqual([]);
  });

  it('asks for nothing from a policy row without counts, and at most one contact a day from a very frequent one', () => {
    const r = plan({
      settings: settings({ policy: [{ tier: 'A', role: 'rep', visits: 0, calls: 100, months: 1 }, { tier: 'A', role: 'rep', visits: 5, calls: 0, months: 1 }, { tier: 'B', role: 'rep', visits: 1, calls: 1, months: 0 }] }),
      customers: [customer('KH1', 'A', 'S01'), customer('KH2', 'B', 'S01')],
    });
    // The first row of a tier and role counts; 100 calls a month is one a day at most.
    expect(of(r.rows, 'KH1').length).toBe(0);
    expect(of(r.rows, 'KH1', 'rep', 'call').map((x) => x.chain!.target - TODAY)).toEqual(Array.from({ length: 28 }, (_, i) => i));
    expect(r.rows.filter((x) => x.customerId === 'KH2')).toEqual([]);
  });
});

describe('people', () => {
  it('takes the rep from the customer row: a Team code or name, or an e-mail as it is', () => {
    const r = plan({ customers: [customer('KH1', 'C', 'S01'), customer('KH2', 'C', '王伟'), customer('KH3', 'C', 'sun@example.cn'), customer('KH4', 'C', 'WANG@example.cn')] });
    for (const id of ['KH1', 'KH2', 'KH4']) expect(of(r.rows, id)[0]).toMatchObject({ person: '王伟', email: 'wang@example.cn', note: '', reason: '' });
    expect(of(r.rows, 'KH3')[0]).toMatchObject({ person: 'sun@example.cn', email: 'sun@example.cn', note: '' });
  });

  it('plans a rep without an e-mail but says there is no invite and why, in the file language', () => {
    const customers = [customer('KH1', 'C', 'S02'), customer('KH2', 'C', '老周')];
    const zh = plan({ customers });
    expect(of(zh.rows, 'KH1')[0]).toMatchObject({ person: '李娜', email: '', status: 'planned', reason: 'noEmail', note: '不发邀请：李娜 在团队表中没有邮箱' });
    expect(of(zh.rows, 'KH2')[0]).toMatchObject({ person: '老周', email: '', status: 'planned', note: '不发邀请：老周 不在团队表中，没有邮箱' });
    const en = plan({ customers, lang: 'en' });
    expect(of(en.rows, 'KH1')[0].note).toBe('no invite: 李娜 has no e-mail in the Team table');
    expect(of(en.rows, 'KH2')[0].note).toBe('no invite: 老周 is not in the Team table and has no e-mail');
    expect(zh.stats.noEmail).toBe(4);
    expect(zh.rows.every((x) => x.day !== null)).toBe(true);
  });

  it('leaves a contact nobody can make undated, with the reason', () => {
    const r = plan({ customers: [customer('KH1', 'A', ''), customer('KH2', 'A', 'S01')], lang: 'en' });
    expect(of(r.rows, 'KH1')[0]).toMatchObject({ day: null, slot: null, person: '', status: 'unscheduled', reason: 'noPerson', note: 'no person: the customer has no sales rep' });
    // The director row of the Team table is empty: nobody holds the role.
    expect(of(r.rows, 'KH2', 'director')[0]).toMatchObject({ day: null, status: 'unscheduled', note: 'no person: no Marketing director in the Team table' });
    const zh = plan({ customers: [customer('KH2', 'A', 'S01')] });
    expect(of(zh.rows, 'KH2', 'director')[0].note).toBe('没有人员：团队表中没有营销总监');
    expect(r.stats.noPerson).toBe(of(r.rows, 'KH1').length + of(r.rows, 'KH1', 'rep', 'call').length + 2);
  });

  it('chooses the manager of the customer\'s region, else one without a region, else the first', () => {
    const r = plan({ customers: [customer('KH1', 'A', 'S01', '华东'), customer('KH2', 'A', 'S01', '西南'), customer('KH3', 'A', 'S01', '华北')] });
    expect(['KH1', 'KH2', 'KH3'].map((id) => of(r.rows, id, 'manager')[0].person)).toEqual(['张敏', '刘洋', '陈静']);
    const noOpen = plan({ settings: settings({ team: TEAM.filter((m) => m.code !== 'M02') }), customers: [customer('KH2', 'A', 'S01', '西南')] });
    expect(of(noOpen.rows, 'KH2', 'manager')[0].person).toBe('张敏');
  });
});

describe('capacity and slots', () => {
  const many = (n: number, tier: 'A' | 'B' | 'C' = 'C') => Array.from({ length: n }, (_, i) => customer(`KH${String(i).padStart(3, '0')}`, tier, 'S01'));

  it('never gives a person two contacts in a slot or more than maxPerDay, and lists what does not fit', () => {
    const r = plan({ settings: settings({ maxPerDay: 2, slots: [540, 630, 810], horizonWeeks: 1 }), customers: many(30), lang: 'en' });
    const dated = r.rows.filter((x) => x.day !== null);
    const perDay = new Map<number, number[]>();
    for (const x of dated) perDay.set(x.day!, [...(perDay.get(x.day!) ?? []), x.slot!]);
    for (const [day, slots] of perDay) {
      expect(slots.length).toBeLessThanOrEqual(2);
      expect(new Set(slots).size).toBe(slots.length);
      expect(weekday(day)).toBeLessThanOrEqual(5);
    }
    expect(dated.length).toBe(5 * 2);
    const over = r.rows.filter((x) => x.day === null);
    expect(over.length).toBe(60 - 10);
    expect(over[0]).toMatchObject({ status: 'unscheduled', reason: 'overCapacity', note: 'over capacity: 王伟 has no free slot from 2026-11-16 to 2026-11-22' });
    expect(r.stats).toMatchObject({ occurrences: 60, dated: 10, overCapacity: 50, created: 60 });
  });

  it('places in the order target, tier, customer order', () => {
    const customers = [customer('C1', 'C', 'S01'), customer('B1', 'B', 'S01'), customer('A1', 'A', 'S01'), customer('C2', 'C', 'S01')];
    const r = plan({ settings: settings({ maxPerDay: 1, slots: [540], horizonWeeks: 1, policy: POLICY.filter((p) => p.role === 'rep') }), customers });
    expect(r.rows.filter((x) => x.day !== null).map((x) => [x.day! - TODAY, x.customerId, x.kind])).toEqual([
      [0, 'A1', 'visit'], [1, 'A1', 'call'], [2, 'B1', 'visit'], [3, 'B1', 'call'], [4, 'C1', 'visit'],
    ]);
  });

  it('keeps a slot free where a person\'s own meeting overlaps it', () => {
    const first = plan({ settings: settings({ slots: [540, 630], policy: [{ tier: 'C', role: 'rep', visits: 1, calls: 0, months: 1 }] }), customers: [customer('KH1', 'C', 'S01')] });
    const grid = written(first);
    // A person adds an 09:30 visit on the first day for the same rep: the 09:00 visit (60 min) would overlap it.
    grid.push([toDate(TODAY), '09:30', 'KH9', '别的客户', '拜访', '销售员', '王伟', '', '计划', '', '', '', '']);
    const next = plan({ settings: settings({ slots: [540, 630], policy: [{ tier: 'C', role: 'rep', visits: 1, calls: 0, months: 1 }] }), customers: [customer('KH1', 'C', 'S01')], existing: read(grid) });
    expect(of(next.rows, 'KH1')[0]).toMatchObject({ day: TODAY, slot: 630 });
    expect(next.stats.moved).toBe(1);
  });

  it('plans nothing it has no room for when the settings leave none, and lists it', () => {
    const none = plan({ settings: settings({ maxPerDay: 0 }), customers: many(2) });
    expect(none.rows.map((x) => [x.day, x.reason])).toEqual(Array(4).fill([null, 'overCapacity']));
    const noSlots = plan({ settings: settings({ slots: [] }), customers: many(1) });
    expect(noSlots.rows.every((x) => x.day === null)).toBe(true);
    // No horizon: nothing is asked for; the add-on's rows go, a person's stay.
    const first = written(plan({ customers: many(1) }));
    first[1] = [...first[1]];
    first[1][COL.note] = '我的';
    for (const horizonWeeks of [0, NaN]) {
      const r = plan({ settings: settings({ horizonWeeks }), customers: many(1), existing: read(first) });
      expect(r.rows.map((x) => x.origin)).toEqual(['changed']);
      expect(r.removed.length).toBe(1);
    }
  });

  it('works only on working days, as set', () => {
    const r = plan({ settings: settings({ workingDays: [6], horizonWeeks: 2 }), customers: many(3, 'A') });
    const days = new Set(r.rows.filter((x) => x.day !== null).map((x) => weekday(x.day!)));
    expect([...days]).toEqual([6]);
    const none = plan({ settings: settings({ workingDays: [] }), customers: many(1) });
    expect(none.rows.every((x) => x.day === null && x.reason === 'overCapacity')).toBe(true);
  });
});

describe("a person's rows", () => {
  const customers = [customer('KH1', 'A', 'S01'), customer('KH2', 'B', 'S01')];
  const repOnly = settings({ policy: POLICY.filter((p) => p.role === 'rep') });

  it('survive re-runs as they are and take their slot; the untouched row there moves', () => {
    const first = plan({ settings: repOnly, customers });
    const grid = written(first);
    const victim = grid.findIndex((l) => l[COL.customerId] === 'KH2' && l[COL.kind] === '拜访');
    const mover = grid.findIndex((l) => l[COL.customerId] === 'KH1' && l[COL.kind] === '电话');
    // The person moves KH1's call into the slot of KH2's visit and types a note.
    grid[mover] = [...grid[mover]];
    grid[mover][COL.date] = grid[victim][COL.date];
    grid[mover][COL.time] = grid[victim][COL.time];
    grid[mover][COL.status] = '改期';
    grid[mover][COL.note] = '=客户要求';
    const mine = grid[mover].slice(0, 10);
    const second = plan({ settings: repOnly, customers, existing: read(grid) });
    const kept = second.rows.find((x) => x.rowId === grid[mover][COL.rowId])!;
    expect(kept.origin).toBe('changed');
    const moved = second.rows.find((x) => x.rowId === grid[victim][COL.rowId])!;
    expect([moved.day, moved.slot]).not.toEqual([kept.day, kept.slot]);
    // The call occurrence it was is not planned again.
    expect(of(second.rows, 'KH1', 'rep', 'call').length).toBe(of(first.rows, 'KH1', 'rep', 'call').length);
    const grid2 = written(second);
    expect(grid2.find((l) => l[COL.rowId] === grid[mover][COL.rowId])!.slice(0, 10)).toEqual(mine);
    // And again: nothing moves any more.
    const third = plan({ settings: repOnly, customers, existing: read(grid2) });
    expect(written(third)).toEqual(grid2);
  });

  it('a done row counts as a contact: the old chain\'s untouched rows go, the chain restarts from its date', () => {
    const first = plan({ settings: repOnly, customers });
    const grid = written(first);
    const at = grid.findIndex((l) => l[COL.customerId] === 'KH1' && l[COL.kind] === '拜访');
    grid[at] = [...grid[at]];
    grid[at][COL.status] = '完成';
    const rows = read(grid);
    const second = plan({ today: TODAY + 1, settings: repOnly, customers, existing: rows });
    const visits = of(second.rows, 'KH1');
    expect(visits[0]).toMatchObject({ origin: 'changed', status: 'done' });
    expect(visits.slice(1).map((x) => [x.chain!.anchor, x.chain!.index, x.chain!.target - TODAY])).toEqual([[TODAY, 1, 10], [TODAY, 2, 20]]);
    expect(second.removed.map((x) => x.rowId).sort()).toEqual(of(first.rows, 'KH1').slice(1).map((x) => x.rowId).sort());
    // Other chains are as they were.
    for (const x of second.rows.filter((x) => !(x.customerId === 'KH1' && x.kind === 'visit'))) {
      const before = first.rows.find((y) => y.rowId === x.rowId)!;
      expect([x.day, x.slot]).toEqual([before.day, before.slot]);
    }
  });

  it('a row a person added gets an id and a check once, and is kept as it is', () => {
    const first = plan({ settings: repOnly, customers });
    const grid = written(first);
    grid.push(['2026-11-17', '', 'KH1', '', '电话', '', '王伟', '', '', '打电话问回款', '', '', '']);
    const second = plan({ settings: repOnly, customers, existing: read(grid) });
    const added = second.rows.find((x) => x.origin === 'added')!;
    expect(added.rowId).toMatch(/^p[0-9a-v]{25}$/);
    const grid2 = written(second);
    const line = grid2.find((l) => l[COL.rowId] === added.rowId)!;
    expect(line.slice(0, 10)).toEqual(['2026-11-17', '', 'KH1', '', '电话', '', '王伟', '', '', '打电话问回款']);
    const third = plan({ settings: repOnly, customers, existing: read(grid2) });
    expect(written(third)).toEqual(grid2);
    // It is an extra contact: the chain's own occurrences are all still there.
    expect(of(third.rows, 'KH1', 'rep', 'call').filter((x) => x.origin === 'kehu').length).toBe(2);
  });

  it('a sheet whose check column was deleted keeps every row and plans nothing twice', () => {
    const first = plan({ settings: repOnly, customers });
    const grid = written(first).map((l) => l.slice(0, COL.check));
    const sheet = readScheduleSheet(grid, clock);
    expect(sheet.problems.map((p) => [p.problem, p.row, p.column])).toEqual([['missingColumn', 1, 'check']]);
    expect(sheet.rows.every((r) => r.origin === 'changed')).toBe(true);
    const second = plan({ settings: repOnly, customers, existing: sheet.rows });
    expect(second.rows.map((x) => x.rowId).sort()).toEqual(first.rows.map((x) => x.rowId).sort());
    expect(second.removed).toEqual([]);
    // Written again, the column is back and the rows stay as they were.
    expect(written(second).map((l) => l.slice(0, COL.check))).toEqual(grid);
  });

  it('a cancelled row stands for its occurrence: it is not planned again', () => {
    const first = plan({ settings: repOnly, customers });
    const grid = written(first);
    const at = grid.findIndex((l) => l[COL.customerId] === 'KH2' && l[COL.kind] === '电话');
    grid[at] = [...grid[at]];
    grid[at][COL.status] = '取消';
    const second = plan({ settings: repOnly, customers, existing: read(grid) });
    expect(of(second.rows, 'KH2', 'rep', 'call').map((x) => [x.origin, x.status])).toEqual([['changed', 'cancelled']]);
  });
});

describe('removing and dropping', () => {
  it('drops untouched rows older than keepDays, keeps a person\'s, removes what the policy no longer asks for', () => {
    const customers = [customer('KH1', 'A', 'S01')];
    const first = plan({ customers });
    const grid = written(first);
    const at = grid.findIndex((l) => l[COL.customerId] === 'KH1' && l[COL.role] === '总经理');
    grid[at] = [...grid[at]];
    grid[at][COL.note] = '年度拜访';
    // 40 days later the first rows are more than 28 days old.
    const later = plan({ today: TODAY + 40, customers: [customer('KH1', 'B', 'S01')], existing: read(grid) });
    expect(later.stats.dropped).toBeGreaterThan(0);
    expect(later.rows.some((x) => x.origin === 'kehu' && x.day !== null && x.day < TODAY + 40 - 28)).toBe(false);
    expect(later.rows.find((x) => x.rowId === grid[at][COL.rowId])).toMatchObject({ origin: 'changed', note: '年度拜访' });
    // The customer is B now: no director row any more, and its row is removed (its event cancelled).
    const same = plan({ today: TODAY + 1, customers: [customer('KH1', 'B', 'S01')], existing: read(grid) });
    expect(same.removed.map((x) => x.role).sort()).toEqual(expect.arrayContaining(['director']));
    expect(same.rows.some((x) => x.role === 'director')).toBe(false);
    expect(same.rows.find((x) => x.role === 'gm')).toMatchObject({ origin: 'changed' });
  });

  it('moves a customer\'s rows to its new rep, on the same date and slot where free', () => {
    const first = plan({ customers: [customer('KH1', 'C', 'S01')] });
    const second = plan({ customers: [customer('KH1', 'C', 'S02')], existing: read(written(first)) });
    expect(second.rows.map((x) => [x.rowId, x.day, x.slot, x.person])).toEqual(first.rows.map((x) => [x.rowId, x.day, x.slot, '李娜']));
    expect(second.removed).toEqual([]);
  });

  it('sorts by date, time and person, undated rows last', () => {
    const r = plan({ settings: settings({ maxPerDay: 1, horizonWeeks: 1 }), customers: [customer('KH1', 'A', 'S02'), customer('KH2', 'A', 'S01')] });
    const keys = r.rows.map((x) => [x.day === null ? Infinity : x.day, x.slot ?? -1, x.person]);
    const sorted = [...keys].sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number) || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(r.rows.findIndex((x) => x.day === null)).toBeGreaterThan(0);
  });
});
