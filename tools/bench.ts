/**
 * npm run bench: the speed figures of issue 2, through the built bundle's globals, with inputs
 * shaped as Sheets passes them (ids as text, one Date per date cell at local midnight of the
 * spreadsheet's time zone, amounts as numbers).
 *
 *   RFM     on 100k, 1M and 2M order rows (20 orders per customer: 2M rows = 100k customers)
 *   ABCTIER on 100k and 1M values
 *
 * For each: median time of 3 runs after a warm-up, rows per second, the heap the call grew by,
 * and the service calls it made. Targets: RFM 2M < 0.5 s, ABCTIER 1M < 0.25 s.
 */
import fs from 'node:fs';
import { totalCalls } from './gas/fakes';
import { loadBundle } from './gas/loadBundle';

const TIME_ZONE = 'Asia/Shanghai';
const RUNS = 3;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** A small deterministic generator, so every run measures the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function peakRssMb(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const m = /VmHWM:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

interface Figure {
  name: string;
  rows: number;
  medianMs: number;
  rowsPerSecond: number;
  heapGrowthMb: number;
  serviceCalls: number;
}

function measure(name: string, rows: number, run: () => unknown, calls: Map<string, number>): Figure {
  run(); // warm-up: let the JIT settle, as a second recalculation in Sheets would
  const times: number[] = [];
  let heapGrowth = 0;
  let serviceCalls = 0;
  for (let i = 0; i < RUNS; i++) {
    gc();
    calls.clear();
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = process.hrtime.bigint();
    const result = run();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heapBefore);
    serviceCalls = totalCalls(calls);
    times.push(ms);
    if (!Array.isArray(result)) throw new Error(`${name} returned no table`);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)];
  return { name, rows, medianMs, rowsPerSecond: rows / (medianMs / 1000), heapGrowthMb: heapGrowth / 2 ** 20, serviceCalls };
}

function main(): void {
  const b = loadBundle({ timeZone: TIME_ZONE, locale: 'zh_CN' });
  const RealmDate = b.realm.date(2024, 1, 1).constructor as DateConstructor;
  const dayStarts = Array.from({ length: 730 }, (_, d) => b.realm.date(2024, 1, 1 + d).getTime());
  const figures: Figure[] = [];

  for (const rows of [100_000, 1_000_000, 2_000_000]) {
    const customers = rows / 20;
    const rnd = lcg(rows);
    const ids = new Array<unknown[]>(rows);
    const dates = new Array<unknown[]>(rows);
    const amounts = new Array<unknown[]>(rows);
    for (let i = 0; i < rows; i++) {
      ids[i] = [`KH${Math.floor(rnd() * customers)}`];
      dates[i] = [new RealmDate(dayStarts[Math.floor(rnd() * dayStarts.length)])];
      amounts[i] = [Math.round(rnd() * 2000 * 100) / 100];
    }
    figures.push(measure(`RFM (${customers.toLocaleString('en')} customers)`, rows, () => b.context.RFM(ids, dates, amounts), b.calls));
  }

  for (const rows of [100_000, 1_000_000]) {
    const rnd = lcg(rows + 7);
    // Heavy-tailed values, as sales per customer are.
    const values = Array.from({ length: rows }, () => [Math.round(1000 / (rnd() + 0.001))]);
    figures.push(measure('ABCTIER', rows, () => b.context.ABCTIER(values), b.calls));
  }

  console.log(`Kehu bench (node ${process.version}, time zone ${TIME_ZONE}, median of ${RUNS} runs after a warm-up)\n`);
  console.log('| function | rows | time (ms) | rows/s | heap growth (MB) | service calls |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const f of figures) {
    console.log(`| ${f.name} | ${f.rows.toLocaleString('en')} | ${f.medianMs.toFixed(0)} | ${Math.round(f.rowsPerSecond).toLocaleString('en')} | ${f.heapGrowthMb.toFixed(0)} | ${f.serviceCalls} |`);
  }
  const rfm = figures.filter((f) => f.name.startsWith('RFM'));
  const perRow = rfm.map((f) => (f.medianMs * 1e6) / f.rows);
  console.log(`\nRFM cost per row (ns): ${perRow.map((x) => x.toFixed(0)).join(' / ')} at 100k / 1M / 2M: linear when these stay level.`);
  console.log(`Peak resident memory of the whole bench process: ${peakRssMb().toFixed(0)} MB (inputs included).`);
  const rfm2m = rfm[rfm.length - 1];
  const abc1m = figures[figures.length - 1];
  console.log(`Targets: RFM 2M ${rfm2m.medianMs.toFixed(0)} ms (< 500) ${rfm2m.medianMs < 500 ? 'met' : 'MISSED'}; ABCTIER 1M ${abc1m.medianMs.toFixed(0)} ms (< 250) ${abc1m.medianMs < 250 ? 'met' : 'MISSED'}.`);
}

main();
