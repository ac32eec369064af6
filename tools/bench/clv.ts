/**
 * npm run bench (or npm run bench -- clv for this part alone): CLVPARAMS on 100,000 customers
 * (about 220,000 order rows) through the built bundle's global, with inputs shaped as Sheets
 * passes them (ids as text, one Date per date cell at local midnight of Asia/Shanghai, amounts
 * as numbers), fresh for every measured call, each sample in its own process (as tools/bench.ts
 * does for RFM). Target: CLVPARAMS under 3 s for 100k customers.
 *
 * The order log is drawn from the models themselves (simulateOrders), with the CDNOW paper's
 * parameters, so the bench also shows that the fit finds the parameters the data came from.
 * Besides the whole call it times the fit alone (the core on the summaries) and CLV scoring
 * with frozen params.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { BgNbdParams } from '../../src/core/clv/bgnbd';
import { fitBgNbd, fitGammaGamma, fitMbgNbd, fitParetoNbd } from '../../src/core/clv/fit';
import type { GammaGammaParams } from '../../src/core/clv/gammaGamma';
import { groupCustomers, spendingData, summarize } from '../../src/core/clv/summary';
import { loadBundle, LoadedBundle } from '../gas/loadBundle';

export const PAPER_BGNBD: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
export const PAPER_GG: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };

const TIME_ZONE = 'Asia/Shanghai';
const SAMPLES = 5;
const CUSTOMERS = 100_000;

// ---------------------------------------------------------------------------------------------
// Drawing an order log from BG/NBD and Gamma-Gamma

/** mulberry32: a small generator with good enough statistics for simulation, seeded. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/** Gamma(shape, rate) by Marsaglia and Tsang (shape < 1 boosted by U^(1/shape)). */
export function gamma(rnd: () => number, shape: number, rate: number): number {
  if (shape < 1) return gamma(rnd, shape + 1, rate) * rnd() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(rnd);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = 1 - rnd();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export interface SimulatedOrders {
  /** Customer number per order row (0-based, in order of first appearance). */
  customer: number[];
  /** Day per order row, 0 = the first day of the log. */
  day: number[];
  amount: number[];
  customers: number;
  /** The day after the log, as CLVPARAMS defaults it (when the last day has an order). */
  days: number;
}

export interface SimulationOptions {
  customers: number;
  seed: number;
  bgnbd?: BgNbdParams;
  gammaGamma?: GammaGammaParams;
  /** First purchases fall on the first cohortDays days (the CDNOW cohort: 12 weeks). */
  cohortDays?: number;
  /** The log covers this many days (the CDNOW calibration period: 39 weeks). */
  days?: number;
  /** Share of purchases entered as two order rows on the same day (the day's amount split). */
  splitShare?: number;
}

/**
 * An order log drawn from the models: rates λ ~ Gamma(r, α) per week, dropout p ~ Beta(a, b)
 * after each repeat purchase, exponential gaps; amounts Gamma(p, ν) with ν ~ Gamma(q, v). Orders
 * are listed customer by customer, each customer's purchases in time order, shuffled by day
 * across customers as a log would be (sorted by day).
 */
export function simulateOrders(o: SimulationOptions): SimulatedOrders {
  const rnd = random(o.seed);
  const { r, alpha, a, b } = o.bgnbd ?? PAPER_BGNBD;
  const gg = o.gammaGamma ?? PAPER_GG;
  const cohortDays = o.cohortDays ?? 84;
  const days = o.days ?? 273;
  const splitShare = o.splitShare ?? 0.1;
  const rows: [number, number, number][] = [];
  for (let c = 0; c < o.customers; c++) {
    const lambda = gamma(rnd, r, alpha);
    const ga = gamma(rnd, a, 1);
    const p = ga / (ga + gamma(rnd, b, 1));
    const nu = gamma(rnd, gg.q, gg.v);
    const first = Math.floor(rnd() * cohortDays);
    let weeks = first / 7;
    let day = first;
    for (;;) {
      const amount = Math.max(0.01, Math.round(gamma(rnd, gg.p, nu) * 100) / 100);
      if (rnd() < splitShare && amount >= 0.02) {
        const part = Math.round(amount * rnd() * 100) / 100 || 0.01;
        rows.push([day, c, part], [day, c, Math.round((amount - part) * 100) / 100]);
      } else {
        rows.push([day, c, amount]);
      }
      if (day !== first && rnd() < p) break; // dropout after a repeat purchase
      weeks += -Math.log(1 - rnd()) / lambda;
      day = Math.floor(weeks * 7);
      if (day >= days) break;
    }
  }
  rows.sort((u, v) => u[0] - v[0] || u[1] - v[1]);
  // Customer numbers in order of first appearance, as the functions list them.
  const renumber = new Map<number, number>();
  const customer = rows.map(([, c]) => {
    let n = renumber.get(c);
    if (n === undefined) renumber.set(c, (n = renumber.size));
    return n;
  });
  return { customer, day: rows.map((x) => x[0]), amount: rows.map((x) => x[2]), customers: renumber.size, days };
}

// ---------------------------------------------------------------------------------------------
// The bench

interface Sample {
  orders: number;
  customers: number;
  groups: number;
  coldMs: number;
  warmMs: number;
  fitBgNbdMs: number;
  fitGgMs: number;
  bgnbdIterations: number;
  ggIterations: number;
  /** CLVPARAMS(…, "mbgnbd") and (…, "paretonbd"), whole calls, and their purchase-model fits alone. */
  mbgnbdMs: number;
  paretoMs: number;
  fitMbgNbdMs: number;
  fitParetoMs: number;
  mbgnbdIterations: number;
  paretoIterations: number;
  scoreMs: number;
  heapGrowthMb: number;
  peakRssMb: number;
  fitted: number[];
}

/** Arguments as Sheets passes them: fresh text ids, one Date per cell, numbers. */
function sheetsArgs(b: LoadedBundle, s: SimulatedOrders): unknown[][][] {
  const RealmDate = b.realm.date(2024, 1, 1).constructor as DateConstructor;
  const dayStarts = Array.from({ length: s.days }, (_, d) => b.realm.date(2024, 1, 1 + d).getTime());
  return [
    s.customer.map((c) => [`KH${100000 + c}`]),
    s.day.map((d) => [new RealmDate(dayStarts[d])]),
    s.amount.map((x) => [x]),
  ];
}

function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

function runSample(seed: number): Sample {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  const b = loadBundle({ timeZone: TIME_ZONE, locale: 'zh_CN' });
  const call = (args: unknown[][][]) => b.context.CLVPARAMS(...args) as unknown[][];

  let t0 = process.hrtime.bigint();
  const first = call(sheetsArgs(b, simulateOrders({ customers: CUSTOMERS, seed: seed + 1000 })));
  const coldMs = ms(t0);
  if (first.length !== 13) throw new Error('CLVPARAMS returned no table');

  const sim = simulateOrders({ customers: CUSTOMERS, seed });
  gc();
  const args = sheetsArgs(b, sim); // made after the collection and used at once, as Sheets' fresh values are
  const heapBefore = process.memoryUsage().heapUsed;
  t0 = process.hrtime.bigint();
  const table = call(args);
  const warmMs = ms(t0);
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const fitted = table.slice(1).map((row) => row[1] as number);

  // The fit alone, in the core, on the same log's summaries.
  const summary = summarize({ customerOf: Int32Array.from(sim.customer), day: Float64Array.from(sim.day), amount: Float64Array.from(sim.amount), customers: sim.customers, analysisDay: sim.days });
  const { groups } = groupCustomers(summary);
  t0 = process.hrtime.bigint();
  const bg = fitBgNbd(groups);
  const fitBgNbdMs = ms(t0);
  const spending = spendingData(summary);
  t0 = process.hrtime.bigint();
  const gg = fitGammaGamma(spending.x, spending.m);
  const fitGgMs = ms(t0);
  if (!bg.ok || !gg.ok) throw new Error('the core fit failed on the bench data');
  t0 = process.hrtime.bigint();
  const mbg = fitMbgNbd(groups);
  const fitMbgNbdMs = ms(t0);
  t0 = process.hrtime.bigint();
  const pnbd = fitParetoNbd(groups);
  const fitParetoMs = ms(t0);
  if (!mbg.ok || !pnbd.ok) throw new Error('the MBG/NBD or Pareto/NBD fit failed on the bench data');

  // The other models through the bundle, each on fresh inputs.
  const timed = (model: string) => {
    const input = sheetsArgs(b, sim);
    const start = process.hrtime.bigint();
    const out = b.context.CLVPARAMS(...input, '', model) as unknown[][];
    const took = ms(start);
    if (out[1][1] !== model) throw new Error(`CLVPARAMS did not fit ${model}`);
    return took;
  };
  const mbgnbdMs = timed('mbgnbd');
  const paretoMs = timed('paretonbd');

  // Fit once, score fast: CLV with the params CLVPARAMS returned, on fresh inputs.
  const fresh = sheetsArgs(b, sim);
  const params = b.realm.grid(table);
  t0 = process.hrtime.bigint();
  const scored = b.context.CLV(...fresh, '', 12, 0.01, params) as unknown[][];
  const scoreMs = ms(t0);
  if (scored.length !== sim.customers + 1) throw new Error('CLV returned the wrong number of rows');

  return {
    orders: sim.customer.length,
    customers: sim.customers,
    groups: groups.count.length,
    coldMs,
    warmMs,
    fitBgNbdMs,
    fitGgMs,
    bgnbdIterations: bg.iterations,
    ggIterations: gg.iterations,
    mbgnbdMs,
    paretoMs,
    fitMbgNbdMs,
    fitParetoMs,
    mbgnbdIterations: mbg.iterations,
    paretoIterations: pnbd.iterations,
    scoreMs,
    heapGrowthMb,
    peakRssMb: peakRssMb(),
    fitted,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((u, v) => u - v);
  return s[Math.floor(s.length / 2)];
}

const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

export function runClvBench(): void {
  const samples: Sample[] = [];
  for (let s = 0; s < SAMPLES; s++) {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--clv-sample', String(s + 1)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    samples.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  const pick = (f: (x: Sample) => number) => samples.map(f);
  const total = median(pick((x) => x.warmMs));
  console.log(`\nCLVPARAMS bench: ${CUSTOMERS.toLocaleString('en')} customers drawn from the paper's BG/NBD and Gamma-Gamma parameters, median of ${SAMPLES} samples, each in a fresh process on fresh inputs\n`);
  console.log('| step | median (ms) | fastest–slowest (ms) |');
  console.log('|---|---:|---:|');
  console.log(`| CLVPARAMS, whole call (${median(pick((x) => x.orders)).toLocaleString('en')} orders) | ${total.toFixed(0)} | ${spread(pick((x) => x.warmMs))} |`);
  console.log(`| CLVPARAMS, first call (cold JIT) | ${median(pick((x) => x.coldMs)).toFixed(0)} | ${spread(pick((x) => x.coldMs))} |`);
  console.log(`| BG/NBD fit alone (${median(pick((x) => x.groups)).toLocaleString('en')} groups, ${median(pick((x) => x.bgnbdIterations))} iterations) | ${median(pick((x) => x.fitBgNbdMs)).toFixed(0)} | ${spread(pick((x) => x.fitBgNbdMs))} |`);
  console.log(`| Gamma-Gamma fit alone (${median(pick((x) => x.ggIterations))} iterations) | ${median(pick((x) => x.fitGgMs)).toFixed(0)} | ${spread(pick((x) => x.fitGgMs))} |`);
  console.log(`| CLV with params (12 months, no fit) | ${median(pick((x) => x.scoreMs)).toFixed(0)} | ${spread(pick((x) => x.scoreMs))} |`);
  console.log(`| CLVPARAMS(…, "mbgnbd"), whole call | ${median(pick((x) => x.mbgnbdMs)).toFixed(0)} | ${spread(pick((x) => x.mbgnbdMs))} |`);
  console.log(`| MBG/NBD fit alone (${median(pick((x) => x.mbgnbdIterations))} iterations) | ${median(pick((x) => x.fitMbgNbdMs)).toFixed(0)} | ${spread(pick((x) => x.fitMbgNbdMs))} |`);
  console.log(`| CLVPARAMS(…, "paretonbd"), whole call | ${median(pick((x) => x.paretoMs)).toFixed(0)} | ${spread(pick((x) => x.paretoMs))} |`);
  console.log(`| Pareto/NBD fit alone (${median(pick((x) => x.paretoIterations))} iterations) | ${median(pick((x) => x.fitParetoMs)).toFixed(0)} | ${spread(pick((x) => x.fitParetoMs))} |`);
  console.log(`\nHeap growth ${median(pick((x) => x.heapGrowthMb)).toFixed(0)} MB, peak RSS ${median(pick((x) => x.peakRssMb)).toFixed(0)} MB (the whole process, inputs included).`);
  const names = ['r', 'alpha', 'a', 'b', 'BG/NBD LL', 'p', 'q', 'v'];
  const truth = [PAPER_BGNBD.r, PAPER_BGNBD.alpha, PAPER_BGNBD.a, PAPER_BGNBD.b, NaN, PAPER_GG.p, PAPER_GG.q, PAPER_GG.v];
  const first = samples[0].fitted.slice(1); // after the model row
  console.log(`Fitted (sample 1) vs drawn from: ${names.map((n, i) => (Number.isNaN(truth[i]) ? `${n} ${first[i].toFixed(1)}` : `${n} ${first[i].toPrecision(4)} (${truth[i]})`)).join(', ')}.`);
  console.log(`Target: CLVPARAMS on 100k customers ${total.toFixed(0)} ms (< 3000) ${total < 3000 ? 'met' : 'MISSED'}.`);
  const slowest = Math.max(median(pick((x) => x.mbgnbdMs)), median(pick((x) => x.paretoMs)));
  console.log(`With MBG/NBD or Pareto/NBD: at most ${slowest.toFixed(0)} ms (< 3000) ${slowest < 3000 ? 'met' : 'MISSED'}.`);
}

const sampleAt = process.argv.indexOf('--clv-sample');
if (sampleAt > 0) console.log(JSON.stringify(runSample(Number(process.argv[sampleAt + 1]))));
else if (require.main === module) runClvBench();
