/**
 * The planner on a team's full file: 50,000 customers (tiers 20 / 30 / 50 %), 30 reps with
 * e-mails and no one yet in the other roles, a 4-week horizon; planned, written, read back and
 * planned again. The expected figures are worked out here from the policy. Times are printed,
 * not asserted (speed belongs in the bench).
 *
 * It runs in a child Node process on the bundled core: inside Jest's sandbox every `Math.*` call
 * goes through the sandbox's global object and the row hashes alone take ~30 times longer than
 * anywhere else, which would make both the test slow and its times meaningless.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';

const SCENARIO = `
import { DayClock, daysFromCivil } from './src/core/dates';
import { planSchedule } from './src/core/schedule/plan';
import { readScheduleSheet, renderScheduleSheet } from './src/core/schedule/rows';

const clock = new DayClock(() => 480);
const toDate = (day) => new Date(clock.startOfDay(day));
const TODAY = daysFromCivil(2026, 11, 16); // a Monday: 4 weeks hold 20 working days
const policy = [
  { tier: 'A', role: 'rep', visits: 3, calls: 2, months: 1 },
  { tier: 'B', role: 'rep', visits: 2, calls: 1, months: 1 },
  { tier: 'C', role: 'rep', visits: 1, calls: 1, months: 1 },
  { tier: 'A', role: 'manager', visits: 1, calls: 0, months: 2 },
  { tier: 'B', role: 'manager', visits: 1, calls: 0, months: 3 },
  { tier: 'A', role: 'director', visits: 1, calls: 0, months: 6 },
  { tier: 'B', role: 'director', visits: 1, calls: 0, months: 12 },
  { tier: 'A', role: 'gm', visits: 1, calls: 0, months: 12 },
];
const team = Array.from({ length: 30 }, (_, i) => ({ role: 'rep', name: '销售' + i, code: 'S' + String(i).padStart(2, '0'), email: 's' + i + '@example.cn', region: '' }));
team.push({ role: 'manager', name: '', code: '', email: '', region: '' });
const settings = { horizonWeeks: 4, workingDays: [1, 2, 3, 4, 5], maxPerDay: 6, slots: [540, 630, 810, 870, 930, 990], keepDays: 28, visitMinutes: 60, callMinutes: 15, policy, team };
const customers = Array.from({ length: 50000 }, (_, i) => ({
  id: 'KH' + String(i).padStart(6, '0'), name: '客户' + i + '有限公司', tier: i % 10 < 2 ? 'A' : i % 10 < 5 ? 'B' : 'C', rep: 'S' + String(i % 30).padStart(2, '0'), region: '',
}));
const timed = (f) => { const t = performance.now(); const r = f(); return [r, Math.round(performance.now() - t)]; };
const [first, planMs] = timed(() => planSchedule({ today: TODAY, settings, customers, contacts: [], existing: [], lang: 'zh' }));
const perRepDay = new Map();
for (const r of first.rows) if (r.day !== null) perRepDay.set(r.person + '|' + r.day, (perRepDay.get(r.person + '|' + r.day) || 0) + 1);
const [grid, renderMs] = timed(() => renderScheduleSheet(first.rows, 'zh', toDate));
const sheetGrid = grid.map((l) => l.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
const [sheet, readMs] = timed(() => readScheduleSheet(sheetGrid, clock));
const [again, replanMs] = timed(() => planSchedule({ today: TODAY, settings, customers, contacts: [], existing: sheet.rows, lang: 'zh' }));
const [tomorrow, nextDayMs] = timed(() => planSchedule({ today: TODAY + 1, settings, customers, contacts: [], existing: sheet.rows, lang: 'zh' }));
const text = (g) => JSON.stringify(g.map((l) => l.map((v) => (v instanceof Date ? v.getTime() : v))));
const before = new Map(first.rows.map((r) => [r.rowId, r]));
let keptTomorrow = 0, changedTomorrow = 0;
for (const r of tomorrow.rows) {
  const b = before.get(r.rowId);
  if (!b || b.day === null || b.day < TODAY + 1) continue;
  if (b.day === r.day && b.slot === r.slot) keptTomorrow++; else changedTomorrow++;
}
console.log(JSON.stringify({
  rows: first.rows.length, stats: first.stats, repDays: perRepDay.size, busiest: Math.max(...perRepDay.values()),
  again: again.stats, sameGrid: text(renderScheduleSheet(again.rows, 'zh', toDate)) === text(grid),
  keptTomorrow, changedTomorrow, removedTomorrow: tomorrow.removed.length,
  ms: { plan: planMs, render: renderMs, read: readMs, replan: replanMs, nextDay: nextDayMs },
}));
`;

describe('the planner at 50,000 customers', () => {
  it("lists every occurrence, fills every rep's slots, and is stable through the sheet and into the next day", () => {
    const root = path.resolve(__dirname, '../..');
    const built = buildSync({ stdin: { contents: SCENARIO, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', write: false, logLevel: 'silent' });
    const out = JSON.parse(execFileSync(process.execPath, ['-e', built.outputFiles[0].text], { encoding: 'utf8', maxBuffer: 1 << 20 }));

    // Never contacted, so every chain starts today. A: visits on days 0, 10, 20, calls on 0, 15, and one each
    // for manager, director, GM; B: visits 0, 15, one call, manager, director; C: one visit, one call.
    const [a, b, c] = [10_000, 15_000, 25_000];
    expect(out.rows).toBe(a * 8 + b * 5 + c * 2);
    expect(out.stats).toMatchObject({
      occurrences: out.rows,
      dated: 30 * 20 * 6, // every slot of every rep's working day
      noPerson: a * 3 + b * 2, // nobody holds the other roles yet
      overCapacity: a * 5 + b * 3 + c * 2 - 30 * 20 * 6,
      noEmail: 0,
      created: out.rows,
    });
    expect([out.repDays, out.busiest]).toEqual([30 * 20, 6]);
    expect(out.again).toMatchObject({ kept: 3600, created: 0, moved: 0, removed: 0 });
    expect(out.sameGrid).toBe(true);
    // Next day: every row dated from tomorrow on keeps its date and slot (today's 180 become history).
    expect([out.keptTomorrow, out.changedTomorrow, out.removedTomorrow]).toEqual([3600 - 30 * 6, 0, 0]);
    console.log(`50,000 customers, ${out.rows} rows (${out.stats.dated} dated, ${out.stats.overCapacity} over capacity, ${out.stats.noPerson} without a person): ` +
      `plan ${out.ms.plan} ms, render ${out.ms.render} ms, read ${out.ms.read} ms, re-plan ${out.ms.replan} ms, next day ${out.ms.nextDay} ms`);
  });
});
