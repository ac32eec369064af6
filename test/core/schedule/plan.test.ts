/**
 * The visit planner, case by case (issue 10): joint visits and calls served by visits, spacing,
 * a first run spread over the interval, each role's daily numbers, China's working days (a
 * horizon across National Day 2025 with its make-up days), birthdays (lunar ones converted by the
 * caller), festival greetings, priority by value at risk, areas, the summary of what did not fit,
 * and a person's row with a cell the add-on cannot read. Each run goes through the sheet (render →
 * what Sheets keeps → read), as the daily run does.
 */
import type { CellValue } from '../../../src/core/cells';
import { DayClock, daysFromCivil, formatDay } from '../../../src/core/dates';
import type { PolicyRow, RoleCapacity, TeamMember } from '../../../src/core/model';
import { PlanInput, planSchedule, PlanResult, ScheduleCustomer, ScheduleSettings, splitNames } from '../../../src/core/schedule/plan';
import { readScheduleSheet, renderScheduleSheet } from '../../../src/core/schedule/rows';
import { SCHEDULE_COLUMNS } from '../../../src/core/schedule/types';
import { renderSummary } from '../../../src/core/schedule/summary';
import { desiredEvent } from '../../../src/core/calendar/events';
import { chinaPublicDaysBetween, chinaYears, createWorkCalendar } from '../../../src/core/workdays';

const clock = new DayClock(() => 480);
const toDate = (day: number) => new Date(clock.startOfDay(day));
const COL = Object.fromEntries(SCHEDULE_COLUMNS.map((c, i) => [c, i])) as Record<(typeof SCHEDULE_COLUMNS)[number], number>;
const weekday = (day: number) => new Date(day * 86_400_000).getUTCDay() || 7;
const TODAY = daysFromCivil(2026, 11, 16); // a Monday

const POLICY: PolicyRow[] = [
  { tier: 'A', role: 'rep', visits: 3, calls: 2, months: 1 },
  { tier: 'B', role: 'rep', visits: 2, calls: 1, months: 1 },
  { tier: 'C', role: 'rep', visits: 1, calls: 1, months: 1 },
  { tier: 'A', role: 'manager', visits: 1, calls: 0, months: 2 },
  { tier: 'B', role: 'manager', visits: 1, calls: 0, months: 3 },
  { tier: 'A', role: 'director', visits: 1, calls: 0, months: 6 },
  { tier: 'B', role: 'director', visits: 1, calls: 0, months: 12 },
  { tier: 'A', role: 'gm', visits: 1, calls: 0, months: 12 },
];

const TEAM: TeamMember[] = [
  { role: 'rep', name: '王伟', code: 'S01', email: 'wang@example.cn', region: '' },
  { role: 'rep', name: '李娜', code: 'S02', email: 'li@example.cn', region: '' },
  { role: 'manager', name: '张敏', code: 'M01', email: 'zhang@example.cn', region: '' },
  { role: 'director', name: '周总监', code: 'D01', email: 'zhou@example.cn', region: '' },
  { role: 'gm', name: '赵总', code: 'G01', email: 'zhao@example.cn', region: '' },
];

const CAPACITY: RoleCapacity[] = [
  { role: 'rep', visits: 4, calls: 8, start: 540, end: 1050 },
  { role: 'manager', visits: 2, calls: 4, start: 540, end: 1050 },
  { role: 'director', visits: 1, calls: 2, start: 540, end: 1050 },
  { role: 'gm', visits: 1, calls: 2, start: 540, end: 1050 },
];

function settings(over: Partial<ScheduleSettings> = {}): ScheduleSettings {
  return {
    horizonWeeks: 4, workingDays: [1, 2, 3, 4, 5], slots: [540, 630, 810, 900, 990], keepDays: 28,
    visitMinutes: 60, callMinutes: 15, policy: POLICY, team: TEAM, minGapDays: 3, lunchBreak: [720, 810], capacity: CAPACITY, ...over,
  };
}

const customer = (id: string, tier: 'A' | 'B' | 'C', rep: string, over: Partial<ScheduleCustomer> = {}): ScheduleCustomer =>
  ({ id, name: `客户${id}`, tier, rep, region: '', ...over });

function plan(over: Partial<PlanInput>): PlanResult {
  return planSchedule({ today: TODAY, settings: settings(), customers: [], contacts: [], existing: [], lang: 'zh', ...over });
}

function written(result: PlanResult): CellValue[][] {
  return renderScheduleSheet(result.rows, 'zh', toDate).map((l) => l.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
}

const ours = (r: PlanResult) => r.rows.filter((x) => x.origin === 'kehu' && x.day !== null);

describe('one contact per customer per day', () => {
  it('a manager due in the same window joins the rep: one joint visit, everyone invited, the With cell names who else comes', () => {
    // Both last saw the customer on the same day: the rep's visit and the manager's fall due together.
    const seen = TODAY - 58;
    const r = plan({
      customers: [customer('K1', 'A', 'S01')],
      contacts: [{ customer: 'K1', day: seen, kind: 'visit', person: '王伟' }, { customer: 'K1', day: seen, kind: 'visit', person: '张敏' }],
    });
    const joint = ours(r).filter((x) => x.with !== '');
    expect(joint.length).toBeGreaterThanOrEqual(1);
    const j = joint[0];
    expect(j.kind).toBe('visit');
    expect(j.person).toBe('王伟');
    expect(j.with).toBe('张敏（销售经理）');
    expect(j.email.split(', ')).toEqual(['wang@example.cn', 'zhang@example.cn']);
    expect(r.stats.joint).toBe(joint.length);
    // No separate row for the manager on any day.
    expect(ours(r).filter((x) => x.person === '张敏')).toEqual([]);
    // The calendar gets one event with both guests.
    const event = desiredEvent(j, { today: TODAY, timeZone: 'Asia/Shanghai', clock, offsetAt: () => 480, visitMinutes: 60, callMinutes: 15, spreadsheetId: 'f', spreadsheetUrl: '', lang: 'zh' });
    expect(event).not.toBe('cancel');
    if (typeof event === 'object') {
      expect(event.attendees.map((a) => a.email)).toEqual(['wang@example.cn', 'zhang@example.cn']);
      expect(event.summary).toBe('陪访 客户K1 (K1)');
      expect(event.description).toContain('同行（陪访）：张敏（销售经理）');
    }
  });

  it('never a visit and a call to one customer on the same day, and contacts stay minGapDays apart', () => {
    const customers = Array.from({ length: 30 }, (_, i) => customer(`K${i}`, (['A', 'B', 'C'] as const)[i % 3], i % 2 ? 'S01' : 'S02'));
    for (const gap of [1, 3, 5]) {
      const r = plan({ customers, settings: settings({ minGapDays: gap }) });
      const byCustomer = new Map<string, number[]>();
      for (const x of ours(r)) byCustomer.set(x.customerId, [...(byCustomer.get(x.customerId) ?? []), x.day!]);
      for (const days of byCustomer.values()) {
        days.sort((a, b) => a - b);
        for (let i = 1; i < days.length; i++) expect(days[i] - days[i - 1]).toBeGreaterThanOrEqual(gap);
      }
      // Calls due near a visit were served by it.
      expect(r.stats.absorbed).toBeGreaterThan(0);
    }
  });

  it('keeps the gap from a contact on record', () => {
    const r = plan({ customers: [customer('K1', 'A', 'S01')], contacts: [{ customer: 'K1', day: TODAY - 1, kind: 'call', person: '王伟' }] });
    for (const x of ours(r)) expect(x.day! - (TODAY - 1)).toBeGreaterThanOrEqual(3);
  });
});

describe('spread, not stacked', () => {
  it("a first run (no contact on record) holds no role's four weeks above 1.5 times its steady rate, and re-running moves nothing", () => {
    const customers = Array.from({ length: 400 }, (_, i) => customer(`K${i}`, i < 80 ? 'A' : i < 200 ? 'B' : 'C', `S0${1 + (i % 2)}`));
    // Room enough for everyone, so what is measured is the spread, not the capacity.
    const roomy = CAPACITY.map((c) => ({ ...c, visits: 50, calls: 50, start: 420, end: 1320 }));
    const slots = Array.from({ length: 26 }, (_, i) => 420 + i * 30);
    const s = settings({ capacity: roomy, slots, visitMinutes: 20, workingDays: [1, 2, 3, 4, 5, 6, 7] });
    const r = plan({ customers, settings: s });
    const steady = (role: string) => customers.reduce((sum, c) => {
      const p = POLICY.find((q) => q.tier === c.tier && q.role === role);
      return p ? sum + (28 * p.visits) / (p.months * 30.4375) : sum;
    }, 0);
    const visitsBy = (role: string) => ours(r).filter((x) => x.kind === 'visit' && (x.role === role || splitNames(x.with ?? '').some((n) => TEAM.find((m) => m.name === n)?.role === role))).length;
    for (const role of ['manager', 'director', 'gm']) {
      expect(visitsBy(role)).toBeLessThanOrEqual(1.5 * steady(role) + 2);
      expect(visitsBy(role)).toBeGreaterThan(0);
    }
    const again = planSchedule({ today: TODAY, settings: s, customers, contacts: [], existing: readScheduleSheet(written(r), clock).rows, lang: 'zh' });
    expect(written(again)).toEqual(written(r));
  });

  it("the director is never booked beyond the role's daily number", () => {
    const customers = Array.from({ length: 200 }, (_, i) => customer(`K${i}`, 'A', 'S01'));
    const overdue = customers.map((c) => ({ customer: c.id, day: TODAY - 400, kind: 'visit' as const, person: '周总监' }));
    const r = plan({ customers, contacts: overdue });
    const perDay = new Map<number, number>();
    for (const x of ours(r)) if (x.person === '周总监' || (x.with ?? '').includes('周总监')) perDay.set(x.day!, (perDay.get(x.day!) ?? 0) + 1);
    for (const n of perDay.values()) expect(n).toBeLessThanOrEqual(1);
    // What did not fit is in the summary, not in rows.
    expect(r.unplaced.some((g) => g.person === '周总监' && g.why === 'capacity')).toBe(true);
  });
});

describe("China's working days", () => {
  const start = daysFromCivil(2025, 9, 22);
  const calendar = createWorkCalendar({
    workWeekdays: [1, 2, 3, 4, 5],
    publicDays: chinaPublicDaysBetween(start - 31, start + 120),
    publicYears: chinaYears(),
    teamRows: [{ from: daysFromCivil(2025, 9, 29), to: daysFromCivil(2025, 9, 30), kind: 'closed', person: '李娜' }],
    from: start - 31,
    to: start + 120,
  });
  const customers = Array.from({ length: 80 }, (_, i) => customer(`K${i}`, (['A', 'B', 'C'] as const)[i % 3], i % 2 ? 'S01' : 'S02'));
  const r = planSchedule({
    today: start, settings: settings(), customers, contacts: [], existing: [], lang: 'zh',
    worksOn: (day, names) => calendar.isWorkingDay(day, names),
  });
  const days = new Set(ours(r).map((x) => formatDay(x.day!)));

  it('plans nothing on National Day (1-8 Oct 2025) and uses the make-up Sunday 28 Sep and Saturday 11 Oct', () => {
    for (let d = 1; d <= 8; d++) expect(days.has(`2025-10-0${d}`)).toBe(false);
    expect(days.has('2025-09-28')).toBe(true);
    expect(days.has('2025-10-11')).toBe(true);
    // And no ordinary weekend.
    for (const x of ours(r)) if (formatDay(x.day!) !== '2025-09-28' && formatDay(x.day!) !== '2025-10-11') expect(weekday(x.day!)).toBeLessThanOrEqual(5);
  });

  it("keeps a person's leave from the team's table", () => {
    const hers = ours(r).filter((x) => x.person === '李娜').map((x) => formatDay(x.day!));
    expect(hers).not.toContain('2025-09-29');
    expect(hers).not.toContain('2025-09-30');
    expect(hers.length).toBeGreaterThan(0);
  });
});

describe('birthdays and festivals', () => {
  it("greets on the birthday, or on the rep's last working day before it when it falls on a day off", () => {
    const saturday = TODAY + 12;
    expect(weekday(saturday)).toBe(6);
    const r = plan({ customers: [customer('K1', 'C', 'S01', { birthday: saturday, birthdayText: '农历八月十五' }), customer('K2', 'C', 'S01', { birthday: TODAY + 9 })] });
    const greet = (id: string) => ours(r).find((x) => x.customerId === id && x.purpose!.includes('生日问候'));
    expect(greet('K1')!.day).toBe(saturday - 1);
    expect(greet('K1')!.purpose).toContain('农历八月十五');
    expect(greet('K2')!.day).toBe(TODAY + 9);
  });

  it('an A customer gets a festival greeting before 中秋, within the week before it', () => {
    const festival = TODAY + 10;
    const r = plan({ customers: [customer('K1', 'A', 'S01'), customer('K2', 'B', 'S01')], festivals: [{ day: festival, purpose: 'midautumn' }] });
    const a = ours(r).filter((x) => x.customerId === 'K1' && x.purpose!.includes('中秋节问候'));
    expect(a.length).toBe(1);
    expect(a[0].day!).toBeLessThan(festival);
    expect(a[0].day!).toBeGreaterThanOrEqual(festival - 8);
    expect(ours(r).some((x) => x.customerId === 'K2' && x.purpose!.includes('中秋'))).toBe(false);
  });
});

describe('when capacity is short', () => {
  it('places A before C and the most valuable first; the summary names who is missing and why, in words', () => {
    const customers = [
      ...Array.from({ length: 40 }, (_, i) => customer(`C${i}`, 'C', 'S01', { value: 100 })),
      ...Array.from({ length: 10 }, (_, i) => customer(`A${i}`, 'A', 'S01', { value: 10_000 * (i + 1) })),
    ];
    const tight = CAPACITY.map((c) => (c.role === 'rep' ? { ...c, visits: 1, calls: 1 } : c));
    const r = plan({ customers, settings: settings({ capacity: tight, horizonWeeks: 2 }), contacts: customers.map((c) => ({ customer: c.id, day: TODAY - 21, kind: 'visit' as const, person: '王伟' })) });
    const placedA = ours(r).filter((x) => x.customerId.startsWith('A')).length;
    const placedC = ours(r).filter((x) => x.customerId.startsWith('C')).length;
    expect(placedA).toBeGreaterThan(placedC);
    const cGroup = r.unplaced.find((g) => g.person === '王伟' && g.tier === 'C')!;
    expect(cGroup.count).toBeGreaterThan(0);
    const aGroup = r.unplaced.find((g) => g.person === '王伟' && g.tier === 'A');
    if (aGroup) expect(aGroup.top[0].customerId).toMatch(/^A/);
    expect(cGroup.top[0].reason).toMatch(/^C 类，\d+ 天未联系，应每 15 天一次$/);
    const sheet = renderSummary(r.unplaced, 'zh', TODAY, TODAY + 13);
    expect(sheet[0][0]).toContain(`共有 ${r.stats.unplaced} 次联系`);
    expect(sheet[1]).toEqual(['人员', '角色', '等级', '未能排入', '原因', '其中最重要的客户']);
  });

  it('a role nobody holds is counted in the summary, and the rep still goes', () => {
    const team = TEAM.filter((m) => m.role !== 'manager');
    const seen = TODAY - 58;
    const r = plan({
      settings: settings({ team }),
      customers: [customer('K1', 'A', 'S01')],
      contacts: [{ customer: 'K1', day: seen, kind: 'visit', person: '王伟' }],
    });
    expect(r.unplaced.find((g) => g.role === 'manager')?.why).toBe('noPerson');
    expect(ours(r).length).toBeGreaterThan(0);
  });
});

describe('areas', () => {
  it("keeps a rep's visits of one day in one area where the windows allow, and orders them by area", () => {
    const areas = ['上海市浦东新区', '南京市鼓楼区', '杭州市'];
    const customers = Array.from({ length: 36 }, (_, i) => customer(`K${i}`, 'B', 'S01', { area: areas[i % 3] }));
    const r = plan({ customers });
    const days = new Map<number, string[]>();
    for (const x of ours(r)) if (x.kind === 'visit' && x.person === '王伟') days.set(x.day!, [...(days.get(x.day!) ?? []), x.area!]);
    let mixed = 0;
    for (const list of days.values()) if (new Set(list).size > 1) mixed++;
    expect(mixed).toBeLessThanOrEqual(Math.ceil(days.size / 3));
    // Within a day, an area's visits come one after another (a joint visit keeps the time its people
    // share, so days with one are left out of this check).
    const rows = ours(r).filter((x) => x.kind === 'visit' && x.person === '王伟').sort((a, b) => a.day! - b.day! || a.slot! - b.slot!);
    const soloDays = groupBy(rows, (x) => x.day!).filter((list) => list.every((x) => x.with === ''));
    expect(soloDays.length).toBeGreaterThanOrEqual(days.size / 3);
    for (const list of soloDays) {
      const seq = list.map((x) => x.area);
      const seen = new Set<string | undefined>();
      for (let i = 0; i < seq.length; i++) {
        if (i > 0 && seq[i] !== seq[i - 1]) expect(seen.has(seq[i])).toBe(false);
        seen.add(seq[i]);
      }
    }
  });
});

describe("a person's row the add-on cannot read", () => {
  it('keeps 25:00 as typed, says so in the purpose cell, and leaves its invite as it was', () => {
    const first = plan({ customers: [customer('K1', 'A', 'S01')] });
    const grid = written(first);
    grid[1][COL.time] = '25:00';
    const read = readScheduleSheet(grid, clock);
    const second = planSchedule({ today: TODAY, settings: settings(), customers: [customer('K1', 'A', 'S01')], contacts: [], existing: read.rows, lang: 'zh' });
    const row = second.rows.find((x) => x.origin === 'changed')!;
    expect(row.purpose).toBe('时间“25:00”无法识别，日历邀请保持不变');
    expect(row.unreadable).toContain('time');
    expect(written(second).find((l) => l[COL.rowId] === row.rowId)![COL.time]).toBe('25:00');
    const parsed = read.rows.find((x) => x.rowId === row.rowId)!;
    expect(desiredEvent(parsed, { today: TODAY, timeZone: 'Asia/Shanghai', clock, offsetAt: () => 480, visitMinutes: 60, callMinutes: 15, spreadsheetId: 'f', spreadsheetUrl: '', lang: 'zh' })).toBe('leave');
  });

  it('says the same of a person the Team table does not know', () => {
    const first = plan({ customers: [customer('K1', 'A', 'S01')] });
    const grid = written(first);
    grid[1][COL.person] = '路人甲';
    const second = planSchedule({ today: TODAY, settings: settings(), customers: [customer('K1', 'A', 'S01')], contacts: [], existing: readScheduleSheet(grid, clock).rows, lang: 'en' });
    const row = second.rows.find((x) => x.origin === 'changed')!;
    expect(row.purpose).toBe("person '路人甲' not understood; the calendar invite is left as it was");
  });
});

function groupBy<T>(list: T[], key: (t: T) => number): T[][] {
  const m = new Map<number, T[]>();
  for (const x of list) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return [...m.values()];
}
