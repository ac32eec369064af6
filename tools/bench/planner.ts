/**
 * The visit planner's own speed (issue 10): 50,000 customers (tiers 20 / 30 / 50 %), 100 reps,
 * 10 regional managers, a director and a general manager, five areas, China's working days, a
 * four-week horizon. Each sample runs in a fresh process on the bundled core (no sheet, no
 * service calls: the planner is pure): a first plan, a re-plan over its own rows as read back from
 * the sheet, and the next day's plan. Target: a plan under 5 s in Node.
 *
 *   npx tsx tools/bench/planner.ts        (also the last part of npm run bench)
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';

const SAMPLES = 3;

const SCENARIO = `
import { DayClock, daysFromCivil } from './src/core/dates';
import { planSchedule } from './src/core/schedule/plan';
import { readScheduleSheet, renderScheduleSheet } from './src/core/schedule/rows';
import { DEFAULT_POLICY } from './src/core/settings/defaults';
import { chinaPublicDaysBetween, chinaYears, createWorkCalendar } from './src/core/workdays';

const clock = new DayClock(() => 480);
const TODAY = daysFromCivil(2026, 9, 21);
const team = Array.from({ length: 100 }, (_, i) => ({ role: 'rep', name: '销售' + i, code: 'S' + String(i).padStart(3, '0'), email: 's' + i + '@example.cn', region: '' }));
for (let i = 0; i < 10; i++) team.push({ role: 'manager', name: '经理' + i, code: 'M' + i, email: 'm' + i + '@example.cn', region: '区' + i });
team.push({ role: 'director', name: '总监', code: 'D0', email: 'd0@example.cn', region: '' });
team.push({ role: 'gm', name: '总经理', code: 'G0', email: 'g0@example.cn', region: '' });
const settings = {
  horizonWeeks: 4, workingDays: [1, 2, 3, 4, 5], slots: [540, 630, 810, 900, 990], keepDays: 28, visitMinutes: 60, callMinutes: 15,
  policy: DEFAULT_POLICY.map((p) => ({ ...p })), team, minGapDays: 3, lunchBreak: [720, 810],
};
const cities = ['上海市浦东新区', '上海市闵行区', '南京市鼓楼区', '杭州市西湖区', '苏州市姑苏区'];
const customers = Array.from({ length: 50000 }, (_, i) => ({
  id: 'KH' + String(i).padStart(6, '0'), name: '客户' + i + '有限公司', tier: i % 10 < 2 ? 'A' : i % 10 < 5 ? 'B' : 'C',
  rep: 'S' + String(i % 100).padStart(3, '0'), region: '区' + (i % 10), area: cities[(i * 7) % 5], value: 100000 - i,
  birthday: i % 37 === 0 ? TODAY + (i % 28) : null,
}));
const calendar = createWorkCalendar({ workWeekdays: [1, 2, 3, 4, 5], publicDays: chinaPublicDaysBetween(TODAY - 31, TODAY + 90), publicYears: chinaYears(), teamRows: [], from: TODAY - 31, to: TODAY + 90 });
const worksOn = (day, names) => calendar.isWorkingDay(day, names);
const festivals = [{ day: daysFromCivil(2026, 9, 25), purpose: 'midautumn' }];
const timed = (f) => { const t = performance.now(); const r = f(); return [r, performance.now() - t]; };
const input = { today: TODAY, settings, customers, contacts: [], existing: [], lang: 'zh', worksOn, festivals };
const [first, planMs] = timed(() => planSchedule(input));
const grid = renderScheduleSheet(first.rows, 'zh', (d) => new Date(clock.startOfDay(d))).map((l) => l.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
const rows = readScheduleSheet(grid, clock).rows;
const [, replanMs] = timed(() => planSchedule({ ...input, existing: rows }));
const [, nextDayMs] = timed(() => planSchedule({ ...input, today: TODAY + 1, existing: rows }));
console.log(JSON.stringify({ planMs, replanMs, nextDayMs, rows: first.rows.length, cells: grid.length * grid[0].length, joint: first.stats.joint, unplaced: first.stats.unplaced }));
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function runPlannerBench(): void {
  const root = path.resolve(__dirname, '../..');
  const built = buildSync({ stdin: { contents: SCENARIO, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', write: false, logLevel: 'silent' });
  const runs = Array.from({ length: SAMPLES }, () => JSON.parse(execFileSync(process.execPath, ['-e', built.outputFiles[0].text], { encoding: 'utf8' })));
  const r = runs[0];
  console.log('\nVisit planner (issue 10): 50,000 customers, 100 reps, 10 managers, a director, a GM; 4 weeks across 中秋 and National Day 2026 (Node, median of ' + SAMPLES + ' fresh processes)');
  console.log(`  plan ${Math.round(median(runs.map((x) => x.planMs)))} ms (target 5,000), re-plan over its own rows ${Math.round(median(runs.map((x) => x.replanMs)))} ms, next day ${Math.round(median(runs.map((x) => x.nextDayMs)))} ms`);
  console.log(`  ${r.rows.toLocaleString('en-US')} rows (${r.cells.toLocaleString('en-US')} cells), ${r.joint} joint visits, ${r.unplaced.toLocaleString('en-US')} occurrences in the capacity summary`);
}

if (require.main === module) runPlannerBench();
