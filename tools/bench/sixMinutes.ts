/**
 * Issue 11's "Six minutes" and "Footprint" figures, on the bench's team file (tools/bench/hourly.ts):
 * the hourly trigger under the modeled clock and the six-minute kill at 50,000 customers, with
 * the default settings and with 2,000 invites a day at the largest time budget (each run's
 * modeled time per step, the runs the day needs); then the add-on's own sheets, as Sheets counts
 * their cells, after the first day at 50,000 customers and after 30 days (measured at 5,000
 * customers and projected to 50,000, or measured at the size given).
 *
 *   npx tsx tools/bench/sixMinutes.ts                 all of it (a few minutes)
 *   npx tsx tools/bench/sixMinutes.ts runs            the hourly runs alone
 *   npx tsx tools/bench/sixMinutes.ts footprint 50000 30 days measured at 50,000 customers (~10 min)
 *
 * The times are the cost model's (docs/cost-model.md): a model, not Google's timing.
 */
import { EXECUTION_LIMIT_MS, fireHourly, OWN_CELL_BUDGET, projectFootprint, runDays, teamFileWithTrigger, type DayFigures, type Footprint } from './hourly';

const LARGE = 50_000;
const SMALL = 5_000;
const DAYS = 30;
const CELL_LIMIT = 10_000_000;

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (x: number) => x.toLocaleString('en');
const hhmm = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(11, 16);

function hourlyRuns(): void {
  const scenarios: { title: string; settings?: Record<string, number>; budgetMs: number }[] = [
    { title: 'default settings (300 invites a day, 240 s budget)', budgetMs: 240_000 },
    { title: '2,000 invites a day, 330 s budget (the largest)', settings: { 每日新日历邀请上限: 2_000, '时间预算（秒）': 330 }, budgetMs: 330_000 },
  ];
  console.log(`\nThe hourly trigger at ${n(LARGE)} customers (100 reps), modeled clock, killed at ${s(EXECUTION_LIMIT_MS)}: each run that did work`);
  console.log('| settings | run | at (Shanghai) | modeled | Node | steps, modeled (calls) | ended | killed |');
  console.log('|---|---:|---|---:|---:|---|---|---|');
  for (const sc of scenarios) {
    const b = teamFileWithTrigger(LARGE, { modeled: true, settings: sc.settings });
    const day = fireHourly(b, 8);
    day.runs.forEach((r, i) => {
      const steps = r.steps.map((x) => `${x.step} ${s(x.ms)} (${x.calls})`).join(', ');
      console.log(`| ${i === 0 ? sc.title : ''} | ${i + 1} | ${hhmm(r.at)} | ${s(r.modeledMs)} | ${s(r.nodeMs)} | ${steps} | ${r.paused ? `paused ${r.steps.some((x) => x.step === `${r.paused} (paused)`) ? 'in' : 'before'} ${r.paused}` : 'day done'} | ${r.killed ? 'KILLED' : 'no'} |`);
    });
    if (!day.done) console.log(`| ${sc.title} | | | | | | NOT DONE after ${day.firings} firings | |`);
  }
}

function sheetList(f: Footprint): string {
  return f.own.map((x) => `${x.name} ${n(x.rows)} × ${x.columns}${x.rows > Math.max(1, x.usedRows) || x.columns > Math.max(1, x.usedColumns) ? ` (uses ${n(x.usedRows)} × ${x.usedColumns})` : ''}`).join('; ');
}

function footprintRow(label: string, f: Footprint): string {
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  return `| ${label} | ${n(f.fileCells)} (${pct(f.fileCells, CELL_LIMIT)} of the limit) | ${n(f.ownCells)} (${pct(f.ownCells, OWN_CELL_BUDGET)} of the budget) | ${sheetList(f)} |`;
}

function footprints(measuredAt: number): void {
  console.log(`\nThe add-on's own sheets (max rows × columns as Sheets counts them; budget ${n(OWN_CELL_BUDGET)} cells)`);
  console.log("| when | whole file | Kehu's own sheets | own sheets (rows × columns) |");
  console.log('|---|---:|---:|---|');
  const large = teamFileWithTrigger(LARGE, { modeled: true });
  const [largeDay] = runDays(large, 1);
  console.log(footprintRow(`day 1, ${n(LARGE)} customers`, largeDay.footprint));
  const days: DayFigures[] = [];
  if (measuredAt === LARGE) {
    days.push(largeDay, ...runDays(large, DAYS - 1));
  } else {
    const small = teamFileWithTrigger(measuredAt, { modeled: true });
    days.push(...runDays(small, DAYS));
    console.log(footprintRow(`day 1, ${n(measuredAt)} customers`, days[0].footprint));
  }
  for (const d of days.filter((x) => x.day % 10 === 0 && x.day < DAYS)) console.log(footprintRow(`day ${d.day}, ${n(measuredAt)} customers`, d.footprint));
  const last = days[days.length - 1];
  console.log(footprintRow(`day ${last.day}, ${n(measuredAt)} customers`, last.footprint));
  const killed = days.filter((d) => d.killed || !d.done).map((d) => d.day);
  const runs = days.map((d) => d.runs);
  console.log(`\n${days.length} days at ${n(measuredAt)} customers: runs a day ${Math.min(...runs)}-${Math.max(...runs)}, modeled ${s(Math.min(...days.flatMap((d) => d.modeledMs)))}-${s(Math.max(...days.flatMap((d) => d.modeledMs)))} a run, idle firings ${s(days[days.length - 1].idleModeledMs)} a day; killed or unfinished days: ${killed.length ? killed.join(', ') : 'none'}`);
  if (measuredAt !== LARGE) {
    const projected = projectFootprint(largeDay.footprint, days[0].footprint, last.footprint, LARGE / measuredAt, DAYS, 300);
    const total = projected.reduce((x, p) => x + p.cells, 0);
    console.log(`\nProjected to ${n(LARGE)} customers after ${DAYS} days: ${n(total)} cells (${total <= OWN_CELL_BUDGET ? 'within' : `OVER by ${n(total - OWN_CELL_BUDGET)}`} the budget)`);
    for (const p of projected) console.log(`- ${p.name} ${n(p.rows)} × ${p.columns} = ${n(p.cells)} (${p.how})`);
  } else {
    const over = last.footprint.ownCells - OWN_CELL_BUDGET;
    console.log(`\nMeasured at ${n(LARGE)} customers after ${DAYS} days: ${n(last.footprint.ownCells)} cells (${over <= 0 ? 'within' : `OVER by ${n(over)}`} the budget)`);
  }
}

export function runSixMinutesBench(what: 'all' | 'runs' | 'footprint' = 'all', measuredAt = SMALL): void {
  if (what !== 'footprint') hourlyRuns();
  if (what !== 'runs') footprints(measuredAt);
}

if (require.main === module) {
  const what = (process.argv[2] ?? 'all') as 'all' | 'runs' | 'footprint';
  runSixMinutesBench(what, Number(process.argv[3] ?? SMALL));
}
