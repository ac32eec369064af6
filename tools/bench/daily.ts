/**
 * The automation's figures (issue 5 "Speed", issue 6 "Speed"), through the built bundle under
 * gas-local on a generated customer file: one full daily run (classification, flags, schedule,
 * invites) for 5,000 to 50,000 customers with 10 orders each and one rep per 500 customers (100
 * reps at 50,000, issue 11's size), with its spreadsheet and calendar service calls; an
 * unchanged re-run (no calendar call); opening a customer card, searching and logging a contact
 * (the card's save) on the same file. Each size runs in its own process.
 *
 * Beside Node's time: the modeled Apps Script time of the same service calls (the cost model,
 * tools/gas/fakes/costModel.ts and docs/cost-model.md), per step of the daily run, and for the
 * card with one google.script.run round trip added; and the file's cells as Sheets counts them
 * (every sheet's max rows × max columns) with the add-on's own sheets' share.
 *
 *   npx tsx tools/bench/daily.ts            all sizes, a child process each
 *   npx tsx tools/bench/daily.ts 50000      one size, in this process (prints JSON)
 */
import { execFileSync } from 'node:child_process';
import { isOwnSheet } from '../../src/app/sheets/ownSheets';
import { ManualClock, SCRIPT_RUN_MS, totalCalls, type CallCounts } from '../gas/fakes';
import { loadBundle, type LoadedBundle } from '../gas/loadBundle';
import { zonedInstant } from '../gas/zone';
import { benchFile } from './teamFile';

const TIME_ZONE = 'Asia/Shanghai';
export const DAILY_SIZES = [5_000, 10_000, 20_000, 50_000];
/** Customers per rep: 100 reps at 50,000 customers. */
const CUSTOMERS_PER_REP = 500;
/** The cursor the daily run writes after each step (src/app/run/daily.ts): where the bench splits the run's modeled time. */
const DAILY_CURSOR_KEY = 'kehu.daily';
/** Google Sheets' limit for one file. */
const CELL_LIMIT = 10_000_000;

export interface StepModeled {
  step: string;
  ms: number;
  calls: number;
}

export interface DailyFigures {
  customers: number;
  orders: number;
  dailyMs: number;
  dailySpreadsheetCalls: number;
  dailyCalendarCalls: number;
  dailyZoneCalls: number;
  rerunMs: number;
  rerunSpreadsheetCalls: number;
  rerunCalendarCalls: number;
  scheduleRows: number;
  events: number;
  cardMs: number;
  cardCalls: number;
  searchMs: number;
  searchCalls: number;
  peakRssMb: number;
  reps: number;
  /** Modeled Apps Script time of the whole daily run (ms), and per step (settings and tables read count to the first). */
  dailyModeledMs: number;
  steps: StepModeled[];
  /** Server-side modeled time of one call (median), without google.script.run's round trip. */
  cardModeledMs: number;
  searchModeledMs: number;
  saveMs: number;
  saveCalls: number;
  saveModeledMs: number;
  /** The file after the daily run, as Sheets counts it. */
  cells: number;
  ownCells: number;
  ownSheets: { name: string; rows: number; columns: number }[];
}

const spreadsheetCalls = (c: CallCounts): number =>
  totalCalls(c, 'SpreadsheetApp') + totalCalls(c, 'Spreadsheet') + totalCalls(c, 'Sheet') + totalCalls(c, 'Range');

function timed<T>(f: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = f();
  return [v, Number(process.hrtime.bigint() - t0) / 1e6];
}

function measure(customers: number): DailyFigures {
  const toDate = (y: number, m: number, d: number) => new Date(zonedInstant(TIME_ZONE, y, m, d));
  const clock = new ManualClock('2026-11-20T07:00:00+08:00');
  const reps = Math.round(customers / CUSTOMERS_PER_REP);
  const file = benchFile(customers, toDate, 10, reps);
  const b: LoadedBundle = loadBundle({ sheets: file.sheets, locale: 'zh_CN', timeZone: TIME_ZONE, clock });

  const dailyRun = b.next();
  const steps = stepsOf(dailyRun);
  const [daily, dailyMs] = timed(() => dailyRun.run('runDailyAutomation', { ui: false }));
  steps.end();
  if (!daily.ok) throw new Error(`daily run failed: ${daily.error?.message}`);
  if (!JSON.stringify(daily.value).includes('"done"')) throw new Error(`daily run did not finish: ${JSON.stringify(daily.value)}`);

  // An unchanged re-run: the same three steps from the menu, same day.
  const [rerunCalls, rerunMs] = timed(() => {
    const calls: CallCounts = new Map();
    for (const fn of ['flagStaleRecords', 'buildVisitSchedule', 'sendVisitInvites']) {
      const r = b.next().run(fn, { ui: false });
      if (!r.ok) throw new Error(`${fn} failed: ${r.error?.message}`);
      for (const [k, n] of r.calls) calls.set(k, (calls.get(k) ?? 0) + n);
    }
    return calls;
  });

  // Server time of one google.script.run call, each a fresh execution whose context is made
  // before the clock starts (Apps Script loads the script before the call, too): median of 7.
  const cards: number[] = [];
  const cardsModeled: number[] = [];
  let cardCalls = 0;
  for (let k = 1; k <= 7; k++) {
    const card = b.next();
    card.fakes.select('客户', `B${Math.floor((customers * k) / 8)}`);
    const [opened, ms] = timed(() => card.run('kehuOpenCard', { ui: true, args: [{ mode: 'selection' }] }));
    if (!opened.ok || !(opened.value as { card: unknown }).card) throw new Error(`card did not open: ${opened.error?.message}`);
    cards.push(ms);
    cardsModeled.push(opened.modeledMs);
    cardCalls = opened.callCount;
  }
  const searches: number[] = [];
  const searchesModeled: number[] = [];
  let searchCalls = 0;
  for (const query of ['客户4999', 'KH00123', '0571-1000', '商贸', '客户1', 'kh0', '99999']) {
    const s = b.next();
    const [searched, ms] = timed(() => s.run('kehuSearch', { ui: true, args: [query] }));
    if (!searched.ok) throw new Error(`search failed: ${searched.error?.message}`);
    searches.push(ms);
    searchesModeled.push(searched.modeledMs);
    searchCalls = searched.callCount;
  }
  // The card's save: a visit logged for a customer, as the sidebar sends it.
  const id = `KH${String(Math.floor(customers / 3)).padStart(6, '0')}`;
  const [saved, saveMs] = timed(() => b.next().run('kehuLogContact', { ui: true, args: [{ id, kind: 'visit', date: '2026-11-20', note: '例行拜访' }] }));
  if (!saved.ok || !(saved.value as { ok: boolean }).ok) throw new Error(`card save failed: ${saved.error?.message ?? JSON.stringify(saved.value)}`);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

  const schedule = b.fakes.direct.spreadsheet.getSheetByName('拜访计划');
  const cells = b.fakes.cellCount();
  const own = cells.sheets.filter((s) => isOwnSheet(s.name));
  const rss = /VmHWM:\s+(\d+) kB/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'));
  return {
    customers,
    orders: file.sheets['订单'].length - 1,
    dailyMs,
    dailySpreadsheetCalls: spreadsheetCalls(daily.calls),
    dailyCalendarCalls: totalCalls(daily.calls, 'Calendar'),
    dailyZoneCalls: totalCalls(daily.calls, 'Utilities.formatDate'),
    rerunMs,
    rerunSpreadsheetCalls: spreadsheetCalls(rerunCalls),
    rerunCalendarCalls: totalCalls(rerunCalls, 'Calendar'),
    scheduleRows: schedule ? schedule.getLastRow() - 1 : 0,
    events: b.fakes.calendar.events().length,
    cardMs: median(cards),
    cardCalls,
    searchMs: median(searches),
    searchCalls,
    peakRssMb: rss ? Number(rss[1]) / 1024 : NaN,
    reps,
    dailyModeledMs: daily.modeledMs,
    steps: steps.list,
    cardModeledMs: median(cardsModeled),
    searchModeledMs: median(searchesModeled),
    saveMs,
    saveCalls: saved.callCount,
    saveModeledMs: saved.modeledMs,
    cells: cells.total,
    ownCells: own.reduce((n, s) => n + s.cells, 0),
    ownSheets: own.map((s) => ({ name: s.name, rows: s.rows, columns: s.columns })),
  };
}

/**
 * Splits a daily run's modeled time at each step's end: the run writes its cursor (the next
 * step) after each step, so the calls up to that write are the step's. The first step carries
 * the settings and tables read; what follows the last write (log, flush, lock) is 'finish'. A
 * run that continues a paused day starts at the step its cursor names (`first`); a step that
 * paused itself writes its own name as the next ("invites (paused)").
 */
export function stepsOf(run: LoadedBundle, first = 'classify'): { list: StepModeled[]; end(): void } {
  const list: StepModeled[] = [];
  let step = first;
  let ms = 0;
  let calls = 0;
  const stop = run.fakes.onCall((name, args, cost) => {
    ms += cost;
    calls++;
    if (name === 'Properties.setProperty' && args[0] === DAILY_CURSOR_KEY) {
      const next = String((JSON.parse(String(args[1])) as { next: string }).next);
      list.push({ step: next === step ? `${step} (paused)` : step, ms, calls });
      step = next;
      ms = 0;
      calls = 0;
    }
  });
  return {
    list,
    end() {
      stop();
      if (calls > 0) list.push({ step: 'finish', ms, calls });
    },
  };
}

/** Runs every size in its own process and prints the table. */
export function runDailyBench(sizes: readonly number[] = DAILY_SIZES): DailyFigures[] {
  const out: DailyFigures[] = [];
  for (const n of sizes) {
    const text = execFileSync(process.execPath, ['--import', 'tsx', __filename, String(n)], { encoding: 'utf8', maxBuffer: 1 << 24, env: process.env });
    out.push(JSON.parse(text.trim().split('\n').pop()!));
  }
  const f = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
  console.log('\nDaily run (classification, flags, schedule, invites), fresh file, one process per size');
  console.log('| customers | orders | daily run | spreadsheet calls | calendar calls | formatDate calls | schedule rows | events | unchanged re-run | its spreadsheet calls | its calendar calls | card open | card calls | search | peak RSS |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of out) {
    console.log(`| ${r.customers.toLocaleString('en')} (${r.reps} reps) | ${r.orders.toLocaleString('en')} | ${f(r.dailyMs)} | ${r.dailySpreadsheetCalls} | ${r.dailyCalendarCalls} | ${r.dailyZoneCalls} | ${r.scheduleRows.toLocaleString('en')} | ${r.events.toLocaleString('en')} | ${f(r.rerunMs)} | ${r.rerunSpreadsheetCalls} | ${r.rerunCalendarCalls} | ${f(r.cardMs)} | ${r.cardCalls} | ${f(r.searchMs)} | ${Math.round(r.peakRssMb)} MB |`);
  }
  printModeled(out, f);
  return out;
}

if (require.main === module) {
  const arg = process.argv[2];
  if (arg) console.log(JSON.stringify(measure(Number(arg))));
  else runDailyBench();
}

/** The modeled Apps Script time beside Node's, and the file's cells, per size. */
function printModeled(out: readonly DailyFigures[], f: (ms: number) => string): void {
  const stepNames = [...new Set(out.flatMap((r) => r.steps.map((s) => s.step)))];
  const stepMs = (r: DailyFigures, step: string) => {
    const s = r.steps.find((x) => x.step === step);
    return s ? f(s.ms) : '—';
  };
  console.log(`\nModeled Apps Script time (measured on the fakes with the cost model of docs/cost-model.md: a model, not Google's timing), beside Node's time; card calls with one google.script.run round trip (${SCRIPT_RUN_MS} ms) added`);
  console.log(`| customers | daily run: Node / modeled | ${stepNames.map((s) => `${s}, modeled`).join(' | ')} | card open: Node / modeled | search: Node / modeled | card save (log a visit): calls, Node / modeled |`);
  console.log(`|---:|---:|${stepNames.map(() => '---:|').join('')}---:|---:|---:|`);
  for (const r of out) {
    console.log(
      `| ${r.customers.toLocaleString('en')} | ${f(r.dailyMs)} / ${f(r.dailyModeledMs)} | ${stepNames.map((s) => stepMs(r, s)).join(' | ')} | ${f(r.cardMs)} / ${f(r.cardModeledMs + SCRIPT_RUN_MS)} | ${f(r.searchMs)} / ${f(r.searchModeledMs + SCRIPT_RUN_MS)} | ${r.saveCalls}, ${f(r.saveMs)} / ${f(r.saveModeledMs + SCRIPT_RUN_MS)} |`,
    );
  }
  console.log(`\nThe file's cells after the first daily run, as Sheets counts them toward its ${CELL_LIMIT.toLocaleString('en')}-cell limit (every sheet's max rows × max columns; measured on the fakes)`);
  console.log("| customers | whole file | share of the limit | Kehu's own sheets | Kehu's share of the file | own sheets (rows × columns) |");
  console.log('|---:|---:|---:|---:|---:|---|');
  for (const r of out) {
    const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
    console.log(
      `| ${r.customers.toLocaleString('en')} | ${r.cells.toLocaleString('en')} | ${pct(r.cells, CELL_LIMIT)} | ${r.ownCells.toLocaleString('en')} | ${pct(r.ownCells, r.cells)} | ${r.ownSheets.map((s) => `${s.name} ${s.rows.toLocaleString('en')} × ${s.columns}`).join('; ')} |`,
    );
  }
}
