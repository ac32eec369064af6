/**
 * Properties of the visit planner over random teams, customers, contacts, settings, days off and
 * edits a person makes in the sheet between runs (issue 10): one contact per customer per day,
 * contacts minGapDays apart (recorded ones too), nobody beyond their role's daily numbers or
 * hours, no contact on a day off, stable re-runs, and every occurrence either planned or counted
 * in the summary. Every run goes through the sheet (render → what Sheets keeps → read). The checks
 * are worked out here from the rules, not taken from the planner.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/cells';
import { DayClock, daysFromCivil } from '../../../src/core/dates';
import type { ContactMode, PolicyRow, Role, RoleCapacity, TeamMember } from '../../../src/core/model';
import { PlanInput, planSchedule, PlanResult, ScheduleContact, ScheduleCustomer, ScheduleSettings } from '../../../src/core/schedule/plan';
import { readScheduleSheet, renderScheduleSheet } from '../../../src/core/schedule/rows';
import { ParsedRow, PlannedRow, SCHEDULE_COLUMNS } from '../../../src/core/schedule/types';
import { splitNames } from '../../../src/core/schedule/plan';

const clock = new DayClock(() => 480);
const toDate = (day: number) => new Date(clock.startOfDay(day));
const BASE_DAY = daysFromCivil(2026, 11, 16);
const COL = Object.fromEntries(SCHEDULE_COLUMNS.map((c, i) => [c, i])) as Record<(typeof SCHEDULE_COLUMNS)[number], number>;
const SLOTS = [540, 630, 810, 870, 930, 990];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const POLICY: PolicyRow[] = [
  { tier: 'A', role: 'rep', visits: 3, calls: 2, months: 1 },
  { tier: 'B', role: 'rep', visits: 2, calls: 1, months: 1 },
  { tier: 'C', role: 'rep', visits: 1, calls: 1, months: 1 },
  { tier: 'A', role: 'manager', visits: 1, calls: 0, months: 2 },
  { tier: 'B', role: 'manager', visits: 1, calls: 0, months: 3 },
  { tier: 'A', role: 'gm', visits: 1, calls: 0, months: 12 },
];

interface World {
  input: PlanInput;
  /** Team labels of the reps (what the Person cell shows for them). */
  reps: string[];
  edits: Edit[];
  /** Days off: per person label, the day numbers they do not work (besides the weekdays). */
  off: Map<string, Set<number>>;
}

type Edit = { row: number; what: 'move' | 'done' | 'cancel' | 'note' | 'time' | 'add'; day: number; slot: number; pick: number };

const arbWorld: fc.Arbitrary<World> = fc
  .record({
    reps: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
    manager: fc.constantFrom('none', '华东', ''),
    customers: fc.array(
      fc.record({ tier: fc.constantFrom<'A' | 'B' | 'C'>('A', 'B', 'C'), rep: fc.nat({ max: 5 }), cell: fc.constantFrom('code', 'name', 'email'), region: fc.constantFrom('', '华东', '华北') }),
      { minLength: 1, maxLength: 18 },
    ),
    contacts: fc.array(fc.record({ customer: fc.nat(), ago: fc.integer({ min: 1, max: 70 }), kind: fc.constantFrom<ContactMode>('visit', 'call'), who: fc.nat({ max: 5 }) }), { maxLength: 12 }),
    repVisits: fc.integer({ min: 1, max: 4 }),
    repCalls: fc.integer({ min: 0, max: 4 }),
    minGap: fc.integer({ min: 0, max: 5 }),
    leave: fc.array(fc.record({ who: fc.nat({ max: 5 }), day: fc.nat({ max: 20 }) }), { maxLength: 6 }),
    slots: fc.subarray(SLOTS, { minLength: 1 }),
    workingDays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
    horizonWeeks: fc.integer({ min: 1, max: 3 }),
    visitMinutes: fc.constantFrom(60, 90),
    today: fc.integer({ min: BASE_DAY - 10, max: BASE_DAY + 10 }),
    keepDays: fc.integer({ min: 0, max: 30 }),
    lang: fc.constantFrom<'zh' | 'en'>('zh', 'en'),
    edits: fc.array(
      fc.record({ row: fc.nat(), what: fc.constantFrom<Edit['what']>('move', 'done', 'cancel', 'note', 'time', 'add'), day: fc.nat({ max: 20 }), slot: fc.nat({ max: 7 }), pick: fc.nat() }),
      { maxLength: 6 },
    ),
  })
  .map((g) => {
    const team: TeamMember[] = g.reps.map((withEmail, i) => ({ role: 'rep', name: `R${i}`, code: `S0${i}`, email: withEmail ? `r${i}@example.cn` : '', region: '' }));
    if (g.manager !== 'none') team.push({ role: 'manager', name: 'M0', code: 'M00', email: 'm0@example.cn', region: g.manager });
    team.push({ role: 'gm', name: 'G0', code: 'G00', email: '', region: '' });
    const reps = team.filter((m) => m.role === 'rep').map((m) => m.name);
    const customers: ScheduleCustomer[] = g.customers.map((c, i) => {
      const m = team[c.rep];
      let rep = '';
      if (c.rep < reps.length) rep = c.cell === 'code' ? m.code : c.cell === 'email' && m.email ? m.email : m.name;
      else if (c.rep === 5) rep = `own${i}@elsewhere.cn`;
      return { id: `KH${i}`, name: `客户 ${i}`, tier: c.tier, rep, region: c.region };
    });
    const contacts: ScheduleContact[] = g.contacts.map((c) => ({
      customer: customers[c.customer % customers.length].id,
      day: g.today - c.ago,
      kind: c.kind,
      person: c.who < reps.length ? reps[c.who] : c.who === 4 ? 'M0' : '路人',
    }));
    const capacity: RoleCapacity[] = [
      { role: 'rep', visits: g.repVisits, calls: g.repCalls, start: 540, end: 1050 },
      { role: 'manager', visits: 1, calls: 1, start: 540, end: 1050 },
      { role: 'gm', visits: 1, calls: 1, start: 600, end: 1020 },
    ];
    const settings: ScheduleSettings = {
      horizonWeeks: g.horizonWeeks, workingDays: g.workingDays, slots: g.slots, keepDays: g.keepDays,
      visitMinutes: g.visitMinutes, callMinutes: 15, policy: POLICY, team, minGapDays: g.minGap, lunchBreak: [720, 810], capacity,
    };
    const off = new Map<string, Set<number>>();
    for (const l of g.leave) {
      const who = team[l.who % team.length];
      const set = off.get(who.name) ?? new Set<number>();
      set.add(g.today + l.day);
      off.set(who.name, set);
    }
    const worksOn = (day: number, names: readonly string[]) =>
      g.workingDays.includes(new Date(day * 86_400_000).getUTCDay() || 7) && !names.some((n) => off.get(n)?.has(day));
    return { input: { today: g.today, settings, customers, contacts, existing: [], lang: g.lang, worksOn }, reps, edits: g.edits, off };
  });

function written(r: PlanResult, lang: 'zh' | 'en', extra: string[] = []): CellValue[][] {
  return renderScheduleSheet(r.rows, lang, toDate, extra).map((l) => l.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
}

function read(grid: CellValue[][]): ParsedRow[] {
  return readScheduleSheet(grid, clock).rows;
}

const PERSON_CELLS = SCHEDULE_COLUMNS.length - 3;

/** Applies a person's edits to the sheet; returns the edited grid and the visible cells of each row they touched or added. */
function edit(grid: CellValue[][], w: World): { grid: CellValue[][]; mine: CellValue[][] } {
  const g = grid.map((l) => [...l]);
  const mine: number[] = [];
  const today = w.input.today;
  const ids = w.input.customers.map((c) => c.id);
  for (const e of w.edits) {
    const slot = e.slot < SLOTS.length ? hhmm(SLOTS[e.slot]) : e.slot === 6 ? '11:00' : '';
    if (e.what === 'add') {
      const line: CellValue[] = new Array(SCHEDULE_COLUMNS.length).fill('');
      line[COL.date] = toDate(today + e.day);
      line[COL.time] = slot;
      line[COL.customerId] = ids[e.pick % ids.length];
      line[COL.kind] = e.pick % 2 ? '拜访' : 'Call';
      line[COL.person] = w.reps[e.pick % w.reps.length];
      g.push(line);
      mine.push(g.length - 1);
      continue;
    }
    if (g.length < 2) continue;
    const i = 1 + (e.row % (g.length - 1));
    const line = g[i];
    if (e.what === 'move') {
      line[COL.date] = toDate(today + e.day);
      line[COL.time] = slot;
      line[COL.status] = '改期';
    } else if (e.what === 'done') {
      line[COL.date] = toDate(today);
      line[COL.status] = 'Done';
    } else if (e.what === 'cancel') line[COL.status] = '取消';
    else if (e.what === 'note') line[COL.note] = `客户说 ${e.pick}`;
    else line[COL.time] = slot || '16:00';
    mine.push(i);
  }
  const visible = (l: CellValue[]) => JSON.stringify(PERSON_COLS.map((c) => l[c]));
  const same = (i: number) => i < grid.length && visible(g[i]) === visible(grid[i]);
  return { grid: g, mine: [...new Set(mine)].filter((i) => !same(i)).map((i) => PERSON_COLS.map((c) => g[i][c])) };
}

const PERSON_COLS = ['date', 'time', 'customerId', 'customerName', 'kind', 'role', 'person', 'with', 'email', 'status', 'note'].map((c) => COL[c as keyof typeof COL]);
void PERSON_CELLS;

const capOf = (input: PlanInput, role: Role) => input.settings.capacity!.find((c) => c.role === role) ?? { role, visits: 2, calls: 4, start: 540, end: 1050 };

/**
 * Independent checks on the add-on's rows in the horizon: one per customer and day, minGapDays
 * apart (from each other, a person's rows and recorded contacts), each person within their role's
 * daily numbers and hours (a person's own rows count), off the lunch break, no two overlapping,
 * and only on days everyone in it works.
 */
function checkPlan(r: PlanResult, w: World): void {
  const input = w.input;
  const s = input.settings;
  const today = input.today;
  const end = today + 7 * s.horizonWeeks - 1;
  const gap = s.minGapDays ?? 3;
  const team = s.team;
  const member = (name: string) => team.find((m) => [m.name, m.code, m.email].some((t) => t !== '' && t.toLowerCase() === name.trim().toLowerCase()));
  const minutes = (k: ContactMode) => (k === 'visit' ? s.visitMinutes! : s.callMinutes!);
  const ours = r.rows.filter((x) => x.origin === 'kehu' && x.day !== null && x.day >= today);
  for (const x of ours) {
    expect(x.day!).toBeLessThanOrEqual(end);
    expect(x.status).toBe('planned');
    expect(x.slot).not.toBeNull();
  }
  // One contact per customer per day, and the gap.
  const byCustomer = new Map<string, number[]>();
  for (const x of ours) byCustomer.set(x.customerId, [...(byCustomer.get(x.customerId) ?? []), x.day!]);
  for (const [customer, days] of byCustomer) {
    const sorted = [...days].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(Math.max(1, gap));
    const others = [
      ...input.contacts.filter((k) => k.customer === customer && k.day <= today).map((k) => k.day),
      ...r.rows.filter((y) => y.origin !== 'kehu' && y.customerId === customer && y.day !== null && y.status !== 'cancelled').map((y) => y.day!),
    ];
    const recorded = input.contacts.filter((k) => k.customer === customer && k.day <= today).map((k) => k.day);
    const lastRecorded = recorded.length ? Math.max(...recorded) : null;
    for (const d of days) {
      if (lastRecorded !== null) expect(d - lastRecorded).toBeGreaterThanOrEqual(gap);
      for (const o of others) if (o !== lastRecorded) expect(Math.abs(d - o) >= gap || o < today - gap).toBe(true);
    }
  }
  // Each person's day.
  const busy = new Map<string, { row: PlannedRow; mine: boolean }[]>();
  for (const x of r.rows) {
    if (x.day === null || x.day < today || x.day > end || x.status === 'done' || x.status === 'cancelled') continue;
    for (const who of [x.person, ...splitNames(x.with ?? '')]) {
      if (who.trim() === '') continue;
      const key = `${(member(who)?.email || member(who)?.name || who).toLowerCase()}|${x.day}`;
      busy.set(key, [...(busy.get(key) ?? []), { row: x, mine: x.origin === 'kehu' }]);
    }
  }
  for (const [key, list] of busy) {
    const ours = list.filter((e) => e.mine);
    if (ours.length === 0) continue;
    const name = key.split('|')[0];
    const role: Role = team.find((m) => m.email.toLowerCase() === name || m.name.toLowerCase() === name)?.role ?? 'rep';
    const cap = capOf(input, role);
    const visits = list.filter((e) => e.row.kind === 'visit').length;
    const calls = list.filter((e) => e.row.kind === 'call').length;
    // A person's own rows may already pass the numbers; the add-on never adds to a full day.
    if (ours.some((e) => e.row.kind === 'visit')) expect(visits - list.filter((e) => !e.mine && e.row.kind === 'visit').length).toBeLessThanOrEqual(cap.visits);
    if (ours.some((e) => e.row.kind === 'call')) expect(calls - list.filter((e) => !e.mine && e.row.kind === 'call').length).toBeLessThanOrEqual(cap.calls);
    for (const { row: x } of ours) {
      if (x.kind === 'visit') expect(s.slots).toContain(x.slot);
      expect(x.slot!).toBeGreaterThanOrEqual(cap.start);
      expect(x.slot! + minutes(x.kind)).toBeLessThanOrEqual(cap.end);
      expect(x.slot! < 810 && 720 < x.slot! + minutes(x.kind)).toBe(false);
      for (const { row: y } of list) {
        if (y === x || y.slot === null) continue;
        expect(x.slot! < y.slot + minutes(y.kind) && y.slot < x.slot! + minutes(x.kind)).toBe(false);
      }
    }
  }
  // Days off: every person of an add-on row works that day.
  for (const x of ours) {
    for (const who of [x.person, ...splitNames(x.with ?? '')]) {
      const m = member(who);
      const names = m ? [m.name, m.code, m.email].filter((n) => n !== '') : [who];
      expect(input.worksOn!(x.day!, names)).toBe(true);
    }
  }
}

/** Every occurrence asked for is planned, stands behind a person's row, or is counted in the summary. */
function checkAccounted(r: PlanResult): void {
  const s = r.stats;
  expect(s.placed + s.personServed + s.pastServed + s.dismissed + s.unplaced).toBe(s.occurrences);
  expect(r.unplaced.reduce((n, g) => n + g.count, 0)).toBe(s.unplaced);
  for (const g of r.unplaced) {
    expect(g.count).toBeGreaterThan(0);
    expect(g.top.length).toBeGreaterThan(0);
    expect(g.top.length).toBeLessThanOrEqual(3);
    for (const t of g.top) expect(t.reason).not.toBe('');
  }
}

const RUNS = { numRuns: 100 };

describe('planner properties', () => {
  it('one contact per customer per day, spaced, within capacity and hours, on working days; everything accounted for', () => {
    fc.assert(fc.property(arbWorld, (w) => {
      const r = planSchedule(w.input);
      checkPlan(r, w);
      checkAccounted(r);
      expect(new Set(r.rows.map((x) => x.rowId)).size).toBe(r.rows.length);
      // No undated add-on rows: what does not fit is in the summary.
      expect(r.rows.filter((x) => x.origin === 'kehu' && x.day === null)).toEqual([]);
    }), RUNS);
  });

  it("changes nothing when run again on its own output, with or without a person's edits", () => {
    fc.assert(fc.property(arbWorld, (w) => {
      const first = planSchedule(w.input);
      const grid1 = written(first, w.input.lang);
      const again = planSchedule({ ...w.input, existing: read(grid1) });
      expect(written(again, w.input.lang)).toEqual(grid1);
      expect(again.removed).toEqual([]);

      const { grid } = edit(grid1, w);
      const second = planSchedule({ ...w.input, existing: read(grid) });
      checkPlan(second, w);
      checkAccounted(second);
      const grid2 = written(second, w.input.lang);
      const third = planSchedule({ ...w.input, existing: read(grid2) });
      expect(written(third, w.input.lang)).toEqual(grid2);
      expect(third.removed).toEqual([]);
      expect(new Set(second.rows.map((x) => x.rowId)).size).toBe(second.rows.length);
    }), RUNS);
  });

  it("keeps a person's rows cell for cell through re-runs, the next day's included", () => {
    fc.assert(fc.property(arbWorld, (w) => {
      const { grid, mine } = edit(written(planSchedule(w.input), w.input.lang), w);
      const visible = (g: CellValue[][]) => g.slice(1).map((l) => JSON.stringify(PERSON_COLS.map((c) => l[c])));
      let g = grid;
      for (const today of [w.input.today, w.input.today, w.input.today + 1, w.input.today + 3]) {
        g = written(planSchedule({ ...w.input, today, existing: read(g) }), w.input.lang);
        const rows = visible(g);
        for (const cells of mine) expect(rows).toContain(JSON.stringify(cells));
      }
    }), RUNS);
  });

  it("keeps an untouched future row's day and time on the next day's run while it serves the same contacts", () => {
    let kept = 0;
    let rows = 0;
    fc.assert(fc.property(arbWorld, (w) => {
      const today = planSchedule(w.input);
      const tomorrow = planSchedule({ ...w.input, today: w.input.today + 1, existing: read(written(today, w.input.lang)) });
      checkPlan(tomorrow, { ...w, input: { ...w.input, today: w.input.today + 1 } });
      const next = new Map(tomorrow.rows.map((x) => [x.rowId, x]));
      for (const x of today.rows) {
        if (x.origin !== 'kehu' || x.day === null || x.day < w.input.today + 1) continue;
        rows++;
        const y = next.get(x.rowId);
        if (!y || JSON.stringify(y.contact) !== JSON.stringify(x.contact)) continue;
        kept++;
        expect([x.rowId, y.day, y.slot]).toEqual([x.rowId, x.day, x.slot]);
      }
    }), RUNS);
    // Most rows go on unchanged: a row changes only when a contact joins or leaves it.
    expect(kept).toBeGreaterThan(rows * 0.8);
  });

  it("a contact logged today moves only that customer's rows", () => {
    fc.assert(fc.property(arbWorld, fc.nat(), fc.constantFrom<ContactMode>('visit', 'call'), (w, pick, kind) => {
      const before = planSchedule(w.input);
      const gridBefore = written(before, w.input.lang);
      const customer = w.input.customers[pick % w.input.customers.length].id;
      const logged: ScheduleContact = { customer, day: w.input.today, kind, person: w.reps[pick % w.reps.length] };
      const after = planSchedule({ ...w.input, contacts: [...w.input.contacts, logged], existing: read(gridBefore) });
      checkPlan(after, { ...w, input: { ...w.input, contacts: [...w.input.contacts, logged] } });
      // Nothing for that customer within the gap of today's contact.
      for (const x of after.rows) {
        if (x.origin === 'kehu' && x.customerId === customer && x.day !== null && x.day >= w.input.today) expect(x.day - w.input.today).toBeGreaterThanOrEqual(w.input.settings.minGapDays ?? 3);
      }
      // Rows of other customers stay where they were unless a freed or taken slot moved them: at least, none is lost.
      const now = new Set(after.rows.map((x) => x.rowId));
      for (const x of after.removed) expect(now.has(x.rowId)).toBe(false);
    }), RUNS);
  });
});
