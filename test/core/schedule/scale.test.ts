/**
 * The planner on a team's full file: 50,000 customers (tiers 20 / 30 / 50 %), 100 reps, 10
 * regional managers, a director and a general manager, five areas, a 4-week horizon; planned,
 * written, read back and planned again, and planned the next day. Times are printed, not asserted
 * (speed belongs in the bench).
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
const team = Array.from({ length: 100 }, (_, i) => ({ role: 'rep', name: '销售' + i, code: 'S' + String(i).padStart(3, '0'), email: 's' + i + '@example.cn', region: '' }));
for (let i = 0; i < 10; i++) team.push({ role: 'manager', name: '经理' + i, code: 'M' + i, email: 'm' + i + '@example.cn', region: '区' + i });
team.push({ role: 'director', name: '总监', code: 'D0', email: 'd0@example.cn', region: '' });
team.push({ role: 'gm', name: '总经理', code: 'G0', email: 'g0@example.cn', region: '' });
const capacity = [
  { role: 'rep', visits: 4, calls: 8, start: 540, end: 1050 },
  { role: 'manager', visits: 2, calls: 4, start: 540, end: 1050 },
  { role: 'director', visits: 1, calls: 2, start: 540, end: 1050 },
  { role: 'gm', visits: 1, calls: 2, start: 540, end: 1050 },
];
const settings = { horizonWeeks: 4, workingDays: [1, 2, 3, 4, 5], slots: [540, 630, 810, 900, 990], keepDays: 28, visitMinutes: 60, callMinutes: 15, policy, team, minGapDays: 3, lunchBreak: [720, 810], capacity };
const cities = ['上海市浦东新区', '上海市闵行区', '南京市鼓楼区', '杭州市西湖区', '苏州市姑苏区'];
const customers = Array.from({ length: 50000 }, (_, i) => ({
  id: 'KH' + String(i).padStart(6, '0'), name: '客户' + i + '有限公司', tier: i % 10 < 2 ? 'A' : i % 10 < 5 ? 'B' : 'C', rep: 'S' + String(i % 100).padStart(3, '0'),
  region: '区' + (i % 10), area: cities[(i * 7) % 5], value: 100000 - i,
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
  cells: grid.length * grid[0].length, unplacedGroups: first.unplaced.length, summaryCount: first.unplaced.reduce((n, g) => n + g.count, 0),
  again: again.stats, sameGrid: text(renderScheduleSheet(again.rows, 'zh', toDate)) === text(grid),
  keptTomorrow, changedTomorrow, removedTomorrow: tomorrow.removed.length,
  ms: { plan: planMs, render: renderMs, read: readMs, replan: replanMs, nextDay: nextDayMs },
}));
`;

describe('the planner at 50,000 customers', () => {
  it('plans within 100 reps\' capacity, keeps the sheet small, accounts for the rest, and is stable through the sheet and into the next day', () => {
    const root = path.resolve(__dirname, '../../..');
    const built = buildSync({ stdin: { contents: SCENARIO, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', write: false, logLevel: 'silent' });
    const out = JSON.parse(execFileSync(process.execPath, ['-e', built.outputFiles[0].text], { encoding: 'utf8', maxBuffer: 1 << 20 }));

    // 100 reps x 20 working days x (4 visits + 8 calls) is the most the reps can make; seniors add their own.
    const repCapacity = 100 * 20 * 12;
    const seniorCapacity = 10 * 20 * 6 + 2 * 20 * 3;
    expect(out.stats.contacts).toBeLessThanOrEqual(repCapacity + seniorCapacity);
    expect(out.stats.contacts).toBeGreaterThan(repCapacity * 0.9);
    // One row per contact: the schedule stays far below a million cells; what did not fit is a summary.
    expect(out.rows).toBe(out.stats.contacts);
    expect(out.cells).toBeLessThan(500_000);
    expect(out.stats.unplaced).toBe(out.summaryCount);
    expect(out.unplacedGroups).toBeLessThanOrEqual(112 * 3 * 2);
    expect(out.stats.placed + out.stats.unplaced).toBe(out.stats.occurrences);
    expect(out.stats.joint).toBeGreaterThan(0);
    expect(out.busiest).toBeLessThanOrEqual(12);
    expect(out.again).toMatchObject({ created: 0, moved: 0, removed: 0 });
    expect(out.sameGrid).toBe(true);
    // Next day: rows dated from tomorrow on mostly keep their day and time.
    expect(out.keptTomorrow).toBeGreaterThan((out.keptTomorrow + out.changedTomorrow) * 0.9);
    console.log(`50,000 customers, 100 reps: ${out.rows} rows (${out.cells} cells), ${out.stats.joint} joint visits, ${out.stats.unplaced} occurrences in the summary: ` +
      `plan ${out.ms.plan} ms, render ${out.ms.render} ms, read ${out.ms.read} ms, re-plan ${out.ms.replan} ms, next day ${out.ms.nextDay} ms`);
  });
});
