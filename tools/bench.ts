/**
 * npm run bench: the speed figures of issue 2, through the built bundle's globals, with inputs
 * shaped as Sheets passes them (ids as text, one Date per date cell at local midnight of the
 * spreadsheet's time zone, amounts as numbers).
 *
 *   RFM     on 100k, 1M and 2M order rows (20 orders per customer: 2M rows = 100k customers)
 *   ABCTIER on 100k and 1M values
 *
 * Sheets hands every call freshly made values, so each measured call gets freshly generated
 * inputs (a string's hash, once computed, is cached in it: reusing inputs flatters the figures),
 * and each sample runs in its own process so one sample's heap does not slow the next. Within a
 * process: a first call on other data (the cold figure: JIT not yet warm), a full GC, fresh
 * inputs, then the measured call. Targets: RFM 2M < 0.5 s, ABCTIER 1M < 0.25 s.
 *
 * Beside Node's time, the modeled Apps Script time of each call's service calls (the cost model
 * in tools/gas/fakes/costModel.ts, docs/cost-model.md): the first call in a file (it learns the
 * time zone and keeps it in the document cache) and the measured one (which finds the cache).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { costRowOf, totalCalls } from './gas/fakes';
import { loadBundle, LoadedBundle } from './gas/loadBundle';
import { runDailyBench } from './bench/daily';
import { runClvBench } from './bench/clv';

const TIME_ZONE = 'Asia/Shanghai';
const SAMPLES = 5;

interface Sample {
  coldMs: number;
  warmMs: number;
  heapGrowthMb: number;
  peakRssMb: number;
  serviceCalls: number;
  /** Modeled Apps Script time of the first call's service calls (ms). */
  coldModeledMs: number;
  /** Modeled Apps Script time of the measured call's service calls (ms). */
  modeledMs: number;
}

/** A small deterministic generator, so every run measures the same kind of data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function orderLog(b: LoadedBundle, rows: number, seed: number): unknown[][][] {
  const RealmDate = b.realm.date(2024, 1, 1).constructor as DateConstructor;
  const dayStarts = Array.from({ length: 730 }, (_, d) => b.realm.date(2024, 1, 1 + d).getTime());
  const customers = rows / 20;
  const rnd = lcg(seed);
  const ids = new Array<unknown[]>(rows);
  const dates = new Array<unknown[]>(rows);
  const amounts = new Array<unknown[]>(rows);
  for (let i = 0; i < rows; i++) {
    ids[i] = [`KH${Math.floor(rnd() * customers)}`];
    dates[i] = [new RealmDate(dayStarts[Math.floor(rnd() * dayStarts.length)])];
    amounts[i] = [Math.round(rnd() * 2000 * 100) / 100];
  }
  return [ids, dates, amounts];
}

function valueColumn(rows: number, seed: number): unknown[][][] {
  const rnd = lcg(seed);
  // Heavy-tailed values, as sales per customer are.
  return [Array.from({ length: rows }, () => [Math.round(1000 / (rnd() + 0.001))])];
}

function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** One sample, in this (child) process. */
function runSample(fn: 'RFM' | 'ABCTIER', rows: number, seed: number): Sample {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const b = loadBundle({ timeZone: TIME_ZONE, locale: 'zh_CN' });
  const make = (s: number) => (fn === 'RFM' ? orderLog(b, rows, s) : valueColumn(rows, s));
  const call = (args: unknown[][][]) => b.context[fn](...args) as unknown[][];

  const first = make(seed + 1000);
  b.fakes.resetModeled();
  let t0 = process.hrtime.bigint();
  call(first);
  const coldMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const coldModeledMs = b.fakes.modeled().ms;

  first.length = 0;
  gc();
  // Made after the collection and used at once, as Sheets' freshly passed values are.
  const args = make(seed);
  b.calls.clear();
  b.fakes.resetModeled();
  const heapBefore = process.memoryUsage().heapUsed;
  t0 = process.hrtime.bigint();
  const result = call(args);
  const warmMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  if (!Array.isArray(result) || result.length < 2) throw new Error(`${fn} returned no table`);
  return { coldMs, warmMs, heapGrowthMb, peakRssMb: peakRssMb(), serviceCalls: totalCalls(b.calls), coldModeledMs, modeledMs: b.fakes.modeled().ms };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main(): void {
  const cases: ['RFM' | 'ABCTIER', number][] = [
    ['RFM', 100_000],
    ['RFM', 1_000_000],
    ['RFM', 2_000_000],
    ['ABCTIER', 100_000],
    ['ABCTIER', 1_000_000],
  ];
  console.log(`Kehu bench: node ${process.version}, time zone ${TIME_ZONE}, median of ${SAMPLES} samples, each in a fresh process on fresh inputs\n`);
  console.log('| function | rows | time (ms) | fastest–slowest (ms) | rows/s | first call, cold (ms) | heap growth (MB) | peak RSS (MB) | service calls | modeled Apps Script time, first call / cached (ms, fakes) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const results: Record<string, number> = {};
  for (const [fn, rows] of cases) {
    const samples: Sample[] = [];
    for (let s = 0; s < SAMPLES; s++) {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--sample', fn, String(rows), String(s + 1)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      samples.push(JSON.parse(out.trim().split('\n').pop()!));
    }
    const ms = median(samples.map((x) => x.warmMs));
    results[`${fn}${rows}`] = ms;
    const label = fn === 'RFM' ? `RFM (${(rows / 20).toLocaleString('en')} customers)` : fn;
    console.log(
      `| ${label} | ${rows.toLocaleString('en')} | ${ms.toFixed(0)} | ${Math.min(...samples.map((x) => x.warmMs)).toFixed(0)}–${Math.max(...samples.map((x) => x.warmMs)).toFixed(0)} | ${Math.round(rows / (ms / 1000)).toLocaleString('en')} | ${median(samples.map((x) => x.coldMs)).toFixed(0)} | ${median(samples.map((x) => x.heapGrowthMb)).toFixed(0)} | ${median(samples.map((x) => x.peakRssMb)).toFixed(0)} | ${samples[0].serviceCalls} | ${median(samples.map((x) => x.coldModeledMs)).toFixed(0)} / ${median(samples.map((x) => x.modeledMs)).toFixed(0)} |`,
    );
  }
  const perRow = [100_000, 1_000_000, 2_000_000].map((n) => (results[`RFM${n}`] * 1e6) / n);
  // Sheets hands a custom function its ranges without a service call; priced as one read of those cells, for scale.
  const read = costRowOf('Range.getValues');
  const argumentsMs = (rows: number, columns: number) => read.ms + (read.perUnitMs ?? 0) * rows * columns;
  console.log(
    `\nModeled Apps Script time (fakes, docs/cost-model.md) counts service calls only; the arguments Sheets passes, priced as one read of their cells, would add ${argumentsMs(100_000, 3).toFixed(0)} ms for RFM on 100,000 orders (3 columns) and ${argumentsMs(1_000_000, 1).toFixed(0)} ms for ABCTIER on 1,000,000 values.`,
  );
  console.log(`\nRFM cost per row (ns) at 100k / 1M / 2M: ${perRow.map((x) => x.toFixed(0)).join(' / ')} (linear growth keeps these level).`);
  const rfm = results.RFM2000000;
  const abc = results.ABCTIER1000000;
  console.log(`Targets: RFM 2M ${rfm.toFixed(0)} ms (< 500) ${rfm < 500 ? 'met' : 'MISSED'}; ABCTIER 1M ${abc.toFixed(0)} ms (< 250) ${abc < 250 ? 'met' : 'MISSED'}.`);
}

const sampleAt = process.argv.indexOf('--sample');
if (sampleAt > 0) {
  const [fn, rows, seed] = process.argv.slice(sampleAt + 1);
  console.log(JSON.stringify(runSample(fn as 'RFM' | 'ABCTIER', Number(rows), Number(seed))));
} else if (process.argv.includes('clv')) {
  runClvBench(); // npm run bench -- clv: the lifetime-value bench alone
} else if (process.argv.includes('daily')) {
  runDailyBench(); // npm run bench -- daily: the automation and the card alone
} else {
  main();
  runClvBench();
  runDailyBench();
  void import('./bench/sql')
    .then((m) => m.runSqlBench())
    .then(() => import('./bench/planner'))
    .then((m) => m.runPlannerBench()) // the visit planner; alone: npx tsx tools/bench/planner.ts
    // The card's calls and modeled time at 50,000 customers, in a process of its own; alone: npx tsx tools/bench/card.ts
    .then(() => execFileSync(process.execPath, [require.resolve('tsx/cli'), 'tools/bench/card.ts'], { stdio: 'inherit' }))
    // Issue 11's six minutes and footprint (the hourly runs at 50,000 customers, own sheets after 1 and 30 days); alone: npx tsx tools/bench/sixMinutes.ts
    .then(() => execFileSync(process.execPath, [require.resolve('tsx/cli'), 'tools/bench/sixMinutes.ts'], { stdio: 'inherit' }));
}
