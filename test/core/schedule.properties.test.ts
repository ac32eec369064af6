/**
 * Properties of the visit planner over random teams, customers, contacts, settings and edits a
 * person makes in the sheet between runs. Every run goes through the sheet (render → what Sheets
 * keeps → read). Expected figures (occurrences per chain, who is busy when) are worked out here
 * from the rules in docs/automation.md, not taken from the planner.
 */
import fc from 'fast-check';
import type { CellValue } from '../../src/core/cells';
import { DayClock, daysFromCivil } from '../../src/core/dates';
import type { ContactMode, PolicyRow, Role, TeamMember } from '../../src/core/model';
import { PlanInput, planSchedule, PlanResult, ScheduleContact, ScheduleCustomer, ScheduleSettings } from '../../src/core/schedule/plan';
import { readScheduleSheet, renderScheduleSheet } from '../../src/core/schedule/rows';
import { ParsedRow, PlannedRow, SCHEDULE_COLUMNS } from '../../src/core/schedule/types';

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
    maxPerDay: fc.integer({ min: 1, max: 4 }),
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
    const settings: ScheduleSettings = {
      horizonWeeks: g.horizonWeeks, workingDays: g.workingDays, maxPerDay: g.maxPerDay, slots: g.slots, keepDays: g.keepDays,
      visitMinutes: g.visitMinutes, callMinutes: 15, policy: POLICY, team,
    };
    return { input: { today: g.today, settings, customers, contacts, existing: [], lang: g.lang }, reps, edits: g.edits };
  });

function written(r: PlanResult, lang: 'zh' | 'en', extra: string[] = []): CellValue[][] {
  return renderScheduleSheet(r.rows, lang, toDate, extra).map((l) => l.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
}

function read(grid: CellValue[][]): ParsedRow[] {
  return readScheduleSheet(grid, clock).rows;
}

/** Applies a person's edits to the sheet; returns the edited grid and the visible cells of each row they touched or added. */
function edit(grid: CellValue[][], w: World): { grid: CellValue[][]; mine: CellValue[][] } {
  const g = grid.map((l) => [...l]);
  const mine: number[] = [];
  const today = w.input.today;
  const ids = w.input.customers.map((c) => c.id);
  for (const e of w.edits) {
    const slot = e.slot < SLOTS.length ? hhmm(SLOTS[e.slot]) : e.slot === 6 ? '11:00' : '';
    if (e.what === 'add') {
      g.push([toDate(today + e.day), slot, ids[e.pick % ids.length], '', e.pick % 2 ? '拜访' : 'Call', '', w.reps[e.pick % w.reps.length], '', '', '', '', '', '']);
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
      // Done today (a visit made earlier than planned, or on its day).
      line[COL.date] = toDate(today);
      line[COL.status] = 'Done';
    } else if (e.what === 'cancel') line[COL.status] = '取消';
    else if (e.what === 'note') line[COL.note] = `客户说 ${e.pick}`;
    else line[COL.time] = slot || '16:00';
    mine.push(i);
  }
  // A row edited back to what it was (a time typed as it already stood) is still the add-on's.
  const same = (i: number) => i < grid.length && JSON.stringify(g[i].slice(0, 10)) === JSON.stringify(grid[i].slice(0, 10));
  return { grid: g, mine: [...new Set(mine)].filter((i) => !same(i)).map((i) => g[i].slice(0, 10)) };
}

/** Independent check: no add-on row shares time with another row of its person, nor goes past maxPerDay. */
function checkCapacity(r: PlanResult, input: PlanInput): void {
  const s = input.settings;
  const end = input.today + 7 * s.horizonWeeks - 1;
  const minutes = (k: ContactMode) => (k === 'visit' ? s.visitMinutes! : s.callMinutes!);
  const busy = new Map<string, PlannedRow[]>();
  for (const x of r.rows) {
    if (x.day === null || x.day < input.today || x.day > end || x.status === 'done' || x.status === 'cancelled' || x.person === '') continue;
    const k = `${x.person.toLowerCase()}|${x.day}`;
    busy.set(k, [...(busy.get(k) ?? []), x]);
  }
  for (const list of busy.values()) {
    const ours = list.filter((x) => x.origin === 'kehu');
    if (ours.length === 0) continue;
    expect(list.length).toBeLessThanOrEqual(s.maxPerDay);
    for (const x of ours) {
      expect(s.slots).toContain(x.slot);
      expect(s.workingDays).toContain(new Date(x.day! * 86_400_000).getUTCDay() || 7);
      for (const y of list) {
        if (y === x || y.slot === null) continue;
        const overlap = x.slot! < y.slot + minutes(y.kind) && y.slot < x.slot! + minutes(x.kind);
        expect(overlap).toBe(false);
      }
    }
  }
}

/** The occurrences docs/automation.md asks for, per (customer, role, kind), on a first run. */
function expectedOccurrences(input: PlanInput): Map<string, number> {
  const team = input.settings.team;
  const roleOf = (person: string): Role => team.find((m) => [m.code, m.name, m.email].some((t) => t !== '' && t.toLowerCase() === person.toLowerCase()))?.role ?? 'rep';
  const end = input.today + 7 * input.settings.horizonWeeks - 1;
  const out = new Map<string, number>();
  for (const c of input.customers) {
    for (const p of POLICY.filter((q) => q.tier === c.tier)) {
      for (const kind of ['visit', 'call'] as const) {
        const count = kind === 'visit' ? p.visits : p.calls;
        if (count === 0) continue;
        const interval = Math.max(1, (p.months * 30.4375) / count);
        const days = input.contacts.filter((k) => k.customer === c.id && k.kind === kind && roleOf(k.person) === p.role && k.day <= input.today).map((k) => k.day);
        const anchor = days.length ? Math.max(...days) : null;
        const first = anchor === null ? input.today : Math.max(anchor + Math.round(interval), input.today);
        let n = 0;
        while (first + Math.round(n * interval) <= end) n++;
        out.set(`${c.id}|${p.role}|${kind}`, n);
      }
    }
  }
  return out;
}

const RUNS = { numRuns: 100 };

describe('planner properties', () => {
  it('asks for every occurrence: each is one dated row in the horizon or one undated row saying why', () => {
    fc.assert(fc.property(arbWorld, (w) => {
      const r = planSchedule(w.input);
      const want = expectedOccurrences(w.input);
      const got = new Map<string, number>();
      for (const x of r.rows) got.set(`${x.customerId}|${x.role}|${x.kind}`, (got.get(`${x.customerId}|${x.role}|${x.kind}`) ?? 0) + 1);
      for (const [k, n] of want) expect([k, got.get(k) ?? 0]).toEqual([k, n]);
      expect(r.rows.length).toBe([...want.values()].reduce((a, b) => a + b, 0));
      expect(r.stats.occurrences).toBe(r.rows.length);
      const end = w.input.today + 7 * w.input.settings.horizonWeeks - 1;
      for (const x of r.rows) {
        if (x.day !== null) {
          expect(x.day).toBeGreaterThanOrEqual(Math.max(x.chain!.target, w.input.today));
          expect(x.day).toBeLessThanOrEqual(end);
          expect(x.status).toBe('planned');
        } else {
          expect(x.status).toBe('unscheduled');
          expect(['overCapacity', 'noPerson']).toContain(x.reason);
          expect(x.note).not.toBe('');
        }
      }
      expect(new Set(r.rows.map((x) => x.rowId)).size).toBe(r.rows.length);
      checkCapacity(r, w.input);
    }), RUNS);
  });

  it('changes nothing when run again on its own output, with or without a person\'s edits', () => {
    fc.assert(fc.property(arbWorld, (w) => {
      const first = planSchedule(w.input);
      const grid1 = written(first, w.input.lang);
      const again = planSchedule({ ...w.input, existing: read(grid1) });
      expect(written(again, w.input.lang)).toEqual(grid1);
      expect(again.removed).toEqual([]);

      const { grid } = edit(grid1, w);
      const second = planSchedule({ ...w.input, existing: read(grid) });
      checkCapacity(second, w.input);
      const grid2 = written(second, w.input.lang);
      const third = planSchedule({ ...w.input, existing: read(grid2) });
      expect(written(third, w.input.lang)).toEqual(grid2);
      expect(third.removed).toEqual([]);
      expect(new Set(second.rows.map((x) => x.rowId)).size).toBe(second.rows.length);
    }), RUNS);
  });

  it("keeps a person's rows byte for byte through re-runs, the next day's included", () => {
    fc.assert(fc.property(arbWorld, (w) => {
      const { grid, mine } = edit(written(planSchedule(w.input), w.input.lang), w);
      const visible = (g: CellValue[][]) => g.slice(1).map((l) => JSON.stringify(l.slice(0, 10)));
      let g = grid;
      for (const today of [w.input.today, w.input.today, w.input.today + 1, w.input.today + 3]) {
        g = written(planSchedule({ ...w.input, today, existing: read(g) }), w.input.lang);
        const rows = visible(g);
        for (const cells of mine) expect(rows).toContain(JSON.stringify(cells));
      }
    }), RUNS);
  });

  it("keeps every untouched future row's date and slot on the next day's run", () => {
    fc.assert(fc.property(arbWorld, (w) => {
      const { grid } = edit(written(planSchedule(w.input), w.input.lang), w);
      const today = planSchedule({ ...w.input, existing: read(grid) });
      const tomorrow = planSchedule({ ...w.input, today: w.input.today + 1, existing: read(written(today, w.input.lang)) });
      const next = new Map(tomorrow.rows.map((x) => [x.rowId, x]));
      for (const x of today.rows) {
        if (x.origin !== 'kehu' || x.day === null || x.day < w.input.today + 1) continue;
        expect([x.rowId, next.get(x.rowId)?.day, next.get(x.rowId)?.slot]).toEqual([x.rowId, x.day, x.slot]);
      }
      expect(tomorrow.removed).toEqual([]);
    }), RUNS);
  });

  it("restarts only that customer's chain when a contact is logged", () => {
    fc.assert(fc.property(arbWorld, fc.nat(), fc.constantFrom<ContactMode>('visit', 'call'), (w, pick, kind) => {
      const { grid } = edit(written(planSchedule(w.input), w.input.lang), w);
      const before = planSchedule({ ...w.input, existing: read(grid) });
      const gridBefore = written(before, w.input.lang);
      const customer = w.input.customers[pick % w.input.customers.length].id;
      const logged: ScheduleContact = { customer, day: w.input.today, kind, person: w.reps[pick % w.reps.length] };
      const after = planSchedule({ ...w.input, contacts: [...w.input.contacts, logged], existing: read(gridBefore) });
      const inChain = (x: { customerId: string; role: Role; kind: ContactMode }) => x.customerId === customer && x.role === 'rep' && x.kind === kind;
      for (const x of after.removed) expect(inChain(x)).toBe(true);
      for (const x of after.rows.filter((y) => y.origin === 'kehu' && inChain(y))) expect(x.chain!.anchor).toBe(w.input.today);
      const now = new Map(after.rows.map((x) => [x.rowId, x]));
      for (const x of before.rows) {
        if (inChain(x)) {
          // The old chain's untouched rows are gone; a person's stay.
          if (x.origin === 'kehu' && x.chain!.anchor !== w.input.today) expect(now.has(x.rowId)).toBe(false);
          else expect(now.has(x.rowId)).toBe(true);
        } else if (x.origin !== 'kehu' || x.day !== null) {
          expect([x.rowId, now.get(x.rowId)?.day, now.get(x.rowId)?.slot]).toEqual([x.rowId, x.day, x.slot]);
        } else expect(now.has(x.rowId)).toBe(true);
      }
    }), RUNS);
  });
});
