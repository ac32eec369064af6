/**
 * The automation's figures (issue 5 "Speed", issue 6 "Speed"), through the built bundle under
 * gas-local on a generated customer file: one full daily run (classification, flags, schedule,
 * invites) for 5,000 to 50,000 customers with 10 orders each, with its spreadsheet and calendar
 * service calls; an unchanged re-run (no calendar call); opening a customer card and searching
 * on the same file. Each size runs in its own process.
 *
 *   npx tsx tools/bench/daily.ts            all sizes, a child process each
 *   npx tsx tools/bench/daily.ts 50000      one size, in this process (prints JSON)
 */
import { execFileSync } from 'node:child_process';
import { ManualClock, totalCalls, type CallCounts } from '../gas/fakes';
import { loadBundle, type LoadedBundle } from '../gas/loadBundle';
import { zonedInstant } from '../gas/zone';
import { benchFile } from './teamFile';

const TIME_ZONE = 'Asia/Shanghai';
export const DAILY_SIZES = [5_000, 10_000, 20_000, 50_000];

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
  const file = benchFile(customers, toDate);
  const clock = new ManualClock('2026-11-20T07:00:00+08:00');
  const b: LoadedBundle = loadBundle({ sheets: file.sheets, locale: 'zh_CN', timeZone: TIME_ZONE, clock });

  const [daily, dailyMs] = timed(() => b.next().run('runDailyAutomation', { ui: false }));
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
  let cardCalls = 0;
  for (let k = 1; k <= 7; k++) {
    const card = b.next();
    card.fakes.select('客户', `B${Math.floor((customers * k) / 8)}`);
    const [opened, ms] = timed(() => card.run('kehuOpenCard', { ui: true, args: [{ mode: 'selection' }] }));
    if (!opened.ok || !(opened.value as { card: unknown }).card) throw new Error(`card did not open: ${opened.error?.message}`);
    cards.push(ms);
    cardCalls = opened.callCount;
  }
  const searches: number[] = [];
  let searchCalls = 0;
  for (const query of ['客户4999', 'KH00123', '0571-1000', '商贸', '客户1', 'kh0', '99999']) {
    const s = b.next();
    const [searched, ms] = timed(() => s.run('kehuSearch', { ui: true, args: [query] }));
    if (!searched.ok) throw new Error(`search failed: ${searched.error?.message}`);
    searches.push(ms);
    searchCalls = searched.callCount;
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

  const schedule = b.fakes.direct.spreadsheet.getSheetByName('拜访计划');
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
    console.log(`| ${r.customers.toLocaleString('en')} | ${r.orders.toLocaleString('en')} | ${f(r.dailyMs)} | ${r.dailySpreadsheetCalls} | ${r.dailyCalendarCalls} | ${r.dailyZoneCalls} | ${r.scheduleRows.toLocaleString('en')} | ${r.events.toLocaleString('en')} | ${f(r.rerunMs)} | ${r.rerunSpreadsheetCalls} | ${r.rerunCalendarCalls} | ${f(r.cardMs)} | ${r.cardCalls} | ${f(r.searchMs)} | ${Math.round(r.peakRssMb)} MB |`);
  }
  return out;
}

if (require.main === module) {
  const arg = process.argv[2];
  if (arg) console.log(JSON.stringify(measure(Number(arg))));
  else runDailyBench();
}
