/**
 * The customer card's figures at 50,000 customers (issue 11 "Card" and "Search"), through the
 * built bundle under gas-local on the bench's generated file after one classification run:
 * service calls and modeled Apps Script time (tools/gas/fakes/costModel.ts: a model, not a
 * measurement of Google) of opening a card from each place, of the customer list, of a save,
 * the list's size, and the page's search time over that list (the same code the page runs,
 * src/shared/customerList.ts, timed in Node).
 *
 *   npx tsx tools/bench/card.ts [customers] [ordersPerCustomer]     (default 50000 1)
 */
import { ManualClock, SCRIPT_RUN_MS } from '../gas/fakes';
import { loadBundle, type LoadedBundle } from '../gas/loadBundle';
import { zonedInstant } from '../gas/zone';
import { decodeCustomerList, searchList } from '../../src/shared/customerList';
import { benchFile } from './teamFile';

const TIME_ZONE = 'Asia/Shanghai';

export interface CardFigure {
  what: string;
  calls: number;
  modeledMs: number;
  nodeMs: number;
}

function measured(b: LoadedBundle, what: string, fn: string, args: unknown[], select?: [string, number, number]): CardFigure & { value: unknown } {
  const run = b.next();
  if (select) run.fakes.select(select[0], select[1], select[2]);
  run.fakes.resetModeled();
  const t0 = process.hrtime.bigint();
  const r = run.run(fn, { ui: true, args });
  const nodeMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!r.ok) throw new Error(`${what}: ${r.error?.message}`);
  return { what, calls: r.callCount, modeledMs: run.fakes.modeled().ms, nodeMs, value: r.value };
}

export function runCardBench(customers = 50_000, ordersPerCustomer = 1): { figures: CardFigure[]; listBytes: number; listChars: number; searchMs: Record<string, number> } {
  const toDate = (y: number, m: number, d: number) => new Date(zonedInstant(TIME_ZONE, y, m, d));
  const file = benchFile(customers, toDate, ordersPerCustomer, Math.max(3, Math.round(customers / 500)));
  const b = loadBundle({ sheets: file.sheets, locale: 'zh_CN', timeZone: TIME_ZONE, clock: new ManualClock('2026-11-20T07:00:00+08:00') });
  const refreshed = b.next().run('flagStaleRecords', { ui: false });
  if (!refreshed.ok) throw new Error(`refresh failed: ${refreshed.error?.message}`);

  const figures: CardFigure[] = [];
  const mid = Math.floor(customers / 2) + 1;
  figures.push(measured(b, 'open from a customer row (selection)', 'kehuOpenCard', [{ mode: 'selection' }], ['客户', mid, 2]));
  figures.push(measured(b, 'open from an order row (selection)', 'kehuOpenCard', [{ mode: 'selection' }], ['订单', Math.floor((customers * ordersPerCustomer) / 3), 2]));
  const id = `KH${String(mid - 1).padStart(6, '0')}`;
  figures.push(measured(b, 'open a customer picked in the list', 'kehuOpenCard', [{ mode: 'id', id, row: mid }]));
  figures.push(measured(b, 'menu: sidebar with the first card in it', 'showCustomerCard', [], ['客户', mid, 2]));
  const list = measured(b, 'customer list (once per sidebar)', 'kehuCustomerList', [{}]);
  figures.push(list);
  figures.push(measured(b, 'save: log a call', 'kehuLogContact', [{ id, row: mid, kind: 'call', date: '2026-11-20', note: 'bench' }]));

  const text = (list.value as { list: string }).list;
  const t0 = process.hrtime.bigint();
  const index = decodeCustomerList(text);
  const parseMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const searchMs: Record<string, number> = { 'parse the list': parseMs };
  for (const q of ['客户4999', 'KH012345', '0571-1000', '商贸', '华东', '没有这个客户']) {
    const s0 = process.hrtime.bigint();
    for (let k = 0; k < 5; k++) searchList(index, q);
    searchMs[q] = Number(process.hrtime.bigint() - s0) / 1e6 / 5;
  }
  return { figures: figures.map(({ what, calls, modeledMs, nodeMs }) => ({ what, calls, modeledMs, nodeMs })), listBytes: Buffer.byteLength(text, 'utf8'), listChars: text.length, searchMs };
}

if (require.main === module) {
  const customers = Number(process.argv[2] ?? 50_000);
  const orders = Number(process.argv[3] ?? 1);
  const r = runCardBench(customers, orders);
  const f = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
  console.log(`\nCustomer card, ${customers.toLocaleString('en')} customers (${orders} order each), after one classification run`);
  console.log(`modeled = the fakes' cost model (a model of Apps Script, not Google's figures); + ${SCRIPT_RUN_MS} ms of google.script.run per page call\n`);
  console.log('| what | service calls | modeled Apps Script time | Node time |');
  console.log('|---|---:|---:|---:|');
  for (const x of r.figures) console.log(`| ${x.what} | ${x.calls} | ${f(x.modeledMs)} | ${f(x.nodeMs)} |`);
  console.log(`\ncustomer list: ${(r.listBytes / 1e6).toFixed(2)} MB UTF-8 (${r.listChars.toLocaleString('en')} characters, ${Math.round(r.listBytes / customers)} bytes a customer)`);
  console.log('page search over it (Node, same code as the page):');
  for (const [q, ms] of Object.entries(r.searchMs)) console.log(`  ${q}: ${ms.toFixed(1)} ms`);
}
