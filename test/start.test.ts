/**
 * `npm start`'s local server over the built bundle (run `npm run build` first; `npm test` does):
 * the Analysis sheet's examples compute, typing a formula spills the bundle's result, bad input
 * surfaces as the add-on's error naming the sheet row, and bad requests get a clear 400.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, type StartedServer } from '../tools/start/server';
import { parseA1, parseInput } from '../tools/start/input';
import type { CellView, SheetView } from '../tools/start/view';

/** 'B12' → the cell of a view (null when empty or beyond what the view holds). */
function cell(view: SheetView, a1: string): CellView | null {
  const at = parseA1(a1);
  if (at === null) throw new Error(`bad address ${a1}`);
  return view.cells[at.row]?.[at.col] ?? null;
}

function errorsOf(view: SheetView): string[] {
  const found: string[] = [];
  view.cells.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c?.t === 'e') found.push(`row ${r + 1} col ${col + 1}: ${c.v} ${c.m}`);
    }),
  );
  return found;
}

async function getJson(server: StartedServer, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(server.url + path);
  return { status: res.status, body: await res.json() };
}

async function post(server: StartedServer, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/cell`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** The number of customers ABCSUMMARY (anchored at `a1`) reports for `tier`. */
function summaryCount(view: SheetView, a1: string, tier: string): number {
  const at = parseA1(a1)!;
  for (let r = at.row + 1; r < at.row + 6; r++) {
    if (view.cells[r][at.col]?.v === tier) return Number(view.cells[r][at.col + 1]?.raw);
  }
  throw new Error(`no row for tier ${tier} under ${a1}`);
}

describe('npm start server (zh_CN)', () => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer({ port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  test('serves one self-contained page', async () => {
    const res = await fetch(server.url + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    // No external assets: nothing loaded from anywhere but this page.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  test('lists the sample sheets, the team list and the Analysis sheet, and the add-on menu onOpen built', async () => {
    const { status, body } = await getJson(server, '/api/sheets');
    expect(status).toBe(200);
    expect(body.sheets).toEqual(['客户', '订单', '联系记录', '销售团队', '分析']);
    expect(body.hidden).toEqual([]);
    expect(body.lang).toBe('zh');
    expect(body.menus).toHaveLength(1);
    const items = body.menus[0].items.filter((i: { type: string }) => i.type === 'item');
    expect(items.map((i: { functionName: string }) => i.functionName)).toEqual([
      'showCustomerCard', 'flagStaleRecords', 'buildVisitSchedule', 'sendVisitInvites', 'exportVisitSchedule', 'openSettings', 'installAutomation', 'removeAutomation', 'checkThisFile',
    ]);
    expect(items[1].caption).toBe('刷新分类和提醒');
  });

  test('the Analysis examples show results, not errors', async () => {
    expect(server.warnings).toEqual([]);
    const { status, body } = await getJson(server, '/api/sheet?name=' + encodeURIComponent('分析'));
    expect(status).toBe(200);
    const view = body as SheetView;
    expect(errorsOf(view)).toEqual([]);
    for (const e of server.examples) {
      expect(cell(view, e.a1)).toMatchObject({ f: e.formula });
      expect(cell(view, e.a1)?.v).not.toBe('');
    }
    const summary = server.examples.find((e) => e.kind === 'ABCSUMMARY')!;
    expect(cell(view, summary.a1)?.v).toBe('等级');
    expect(summaryCount(view, summary.a1, 'A')).toBeGreaterThan(0);
    // RFM spilled one row per customer: the amounts column ABCSUMMARY reads is full of numbers.
    const rfm = server.examples.find((e) => e.kind === 'RFM')!;
    const rfmRow = parseA1(rfm.a1)!.row;
    expect(view.cells[rfmRow][0]?.t).toBe('s');
    expect(view.cells[rfmRow + 1][1]?.t).toBe('d'); // last order date
    expect(view.cells[rfmRow + 1][1]?.v).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(view.cells[rfmRow + 300][4]?.t).toBe('n');
  });

  test('a sheet of data comes with dates marked and numbers as numbers', async () => {
    const { body } = await getJson(server, '/api/sheet?name=' + encodeURIComponent('订单') + '&rows=5');
    const view = body as SheetView;
    expect(view.shownRows).toBe(5);
    expect(view.rowCount).toBeGreaterThan(1000);
    expect(view.cells[0].map((c) => c?.v)).toEqual(['客户代码', '订单日期', '金额', '产品', '毛利', '区域']);
    expect(cell(view, 'B2')).toMatchObject({ t: 'd', v: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) });
    expect(cell(view, 'C2')?.t).toBe('n');
  });

  test('typing =ABCTIER into an empty cell spills A/B/C tiers that agree with ABCSUMMARY', async () => {
    const before = (await getJson(server, '/api/sheet?name=' + encodeURIComponent('分析'))).body as SheetView;
    const summary = server.examples.find((e) => e.kind === 'ABCSUMMARY')!;
    const spend = /\(([A-Z]+\d+:[A-Z]+\d+)\)/.exec(summary.formula)![1]; // E12:E311
    const [first, last] = spend.split(':').map((a) => parseA1(a)!.row);
    const target = `O${first + 1}`;
    expect(cell(before, target)).toBeNull();

    const { status, body } = await post(server, { sheet: '分析', a1: target, input: `=ABCTIER(${spend})` });
    expect(status).toBe(200);
    const view = body.view as SheetView;
    expect(errorsOf(view)).toEqual([]);
    expect(cell(view, target)?.f).toBe(`=ABCTIER(${spend})`);
    const tiers: string[] = [];
    for (let r = first; r <= last; r++) tiers.push(String(view.cells[r][parseA1(target)!.col]?.v));
    expect(new Set(tiers)).toEqual(new Set(['A', 'B', 'C']));
    expect(tiers.filter((t) => t === 'A').length).toBe(summaryCount(view, summary.a1, 'A'));
  });

  test('an open-ended range like Sheets\' E12:E stays open in the formula and computes', async () => {
    const { status, body } = await post(server, { sheet: '分析', a1: 'Q1', input: '=ABCSUMMARY(E12:E)' });
    expect(status).toBe(200);
    expect(body.expanded).toEqual([]);
    expect(cell(body.view, 'Q1')).toMatchObject({ v: '等级', f: '=ABCSUMMARY(E12:E)' });
  });

  test('numbers typed are numbers; text that is not a number breaks the dependent formula with the sheet row', async () => {
    const typed = await post(server, { sheet: '订单', a1: 'C5', input: '1200.5', rows: 10 });
    expect(typed.status).toBe(200);
    expect(cell(typed.body.view, 'C5')).toMatchObject({ t: 'n', v: '1200.5' });

    const bad = await post(server, { sheet: '订单', a1: 'C5', input: '¥1,200', rows: 10 });
    expect(bad.status).toBe(200);
    expect(cell(bad.body.view, 'C5')).toMatchObject({ t: 's', v: '¥1,200' });

    const view = (await getJson(server, '/api/sheet?name=' + encodeURIComponent('分析'))).body as SheetView;
    const rfm = server.examples.find((e) => e.kind === 'RFM')!;
    const shown = cell(view, rfm.a1);
    expect(shown).toMatchObject({ t: 'e', v: '#ERROR!' });
    expect(shown?.m).toContain('第 5 行');
    expect(shown?.m).toContain('¥1,200');
  });

  test('unknown sheets, bad addresses and bad bodies are 400 with a clear message', async () => {
    const unknown = await getJson(server, '/api/sheet?name=Nope');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toContain('Nope');
    expect(unknown.body.error).toContain('分析');

    const unknownPost = await post(server, { sheet: 'Nope', a1: 'A1', input: '1' });
    expect(unknownPost.status).toBe(400);
    expect(unknownPost.body.error).toContain('Nope');

    for (const a1 of ['A0', '1A', 'A1:B2', 'ABCD1', '', 42]) {
      const bad = await post(server, { sheet: '分析', a1, input: '1' });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatch(/单元格地址/);
    }

    const res = await fetch(`${server.url}/api/cell`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    const objectInput = await post(server, { sheet: '分析', a1: 'A1', input: { x: 1 } });
    expect(objectInput.status).toBe(400);
    expect((await getJson(server, '/api/nothing')).status).toBe(405);
  });
});

describe('npm start server (en_US)', () => {
  test('English headers from the bundle and English API messages', async () => {
    const server = await startServer({ port: 0, locale: 'en_US' });
    try {
      expect(server.warnings).toEqual([]);
      const { body } = await getJson(server, '/api/sheet?name=Analysis');
      const summary = server.examples.find((e) => e.kind === 'ABCSUMMARY')!;
      expect(cell(body, summary.a1)?.v).toBe('Tier');
      expect(errorsOf(body)).toEqual([]);
      const unknown = await getJson(server, '/api/sheet?name=Nope');
      expect(unknown.body.error).toBe('There is no sheet named "Nope". Sheets: Customers, Orders, Contacts, Team, Analysis.');
      const html = await (await fetch(server.url + '/')).text();
      expect(html).toContain('<html lang="en">');
      // The sample itself is English: headers and data, not only the interface.
      const customers = (await getJson(server, '/api/sheet?name=Customers&rows=3')).body as SheetView;
      const row = customers.cells[1].map((c) => String(c?.v ?? ''));
      expect(customers.cells[0].slice(0, 3).map((c) => c?.v)).toEqual(['Customer ID', 'Name', 'Customer type']);
      expect(row.join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
      const orders = (await getJson(server, '/api/sheet?name=Orders&rows=3')).body as SheetView;
      expect(orders.cells[0].map((c) => c?.v)).toEqual(['Customer ID', 'Order date', 'Amount', 'Product', 'Margin', 'Region']);
      expect(orders.cells.slice(1).flat().map((c) => String(c?.v ?? '')).join(' ')).not.toMatch(/[\u4e00-\u9fff]/);
    } finally {
      await server.close();
    }
  });
});

describe('typing', () => {
  const heights: Record<string, number> = { Orders: 2707, Analysis: 311 };
  const heightOf = (s: string): number | undefined => heights[s];

  test.each([
    ['42', 42],
    ['-3.5', -3.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['TRUE', true],
    ['false', false],
    ['', null],
    ['¥1,200', '¥1,200'],
    ['1,200', '1,200'],
    ['2024-03-05', '2024-03-05'],
  ])('%j is stored as %j', (typed, stored) => {
    expect(parseInput(typed, 'Analysis', heightOf).content).toEqual(stored);
  });

  test('open-ended ranges close at the referenced sheet\'s last row, strings untouched', () => {
    const out = parseInput('=RFM(Orders!A2:A, Orders!$B$2:$B, C2:C, "A2:A")', 'Analysis', heightOf);
    expect(out.content).toBe('=RFM(Orders!A2:A2707, Orders!$B$2:$B2707, C2:C311, "A2:A")');
    expect(out.expanded).toHaveLength(3);
    expect(parseInput("='My sheet'!A2:A", 'Analysis', heightOf).content).toBe("='My sheet'!A2:A");
    expect(parseInput('=SUM(A2:B9)', 'Analysis', heightOf).content).toBe('=SUM(A2:B9)');
  });
});

describe('npm install is quiet', () => {
  // npm 11 blocks dependencies' install scripts and lists the unreviewed ones after every install.
  // Both are denied on purpose: esbuild's postinstall only checks and shortcuts its binary (the
  // platform binary comes as an optional dependency), and @parcel/watcher (jest-haste-map's
  // optional watch backend) would compile itself with node-gyp, for a watch mode no script uses.
  test('every dependency install script is reviewed in package.json, and esbuild works without its postinstall', () => {
    const out = spawnSync('npm', ['install-scripts', 'ls'], { cwd: path.join(__dirname, '..'), encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('No packages with unreviewed install scripts');
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };
    expect(pkg.allowScripts).toEqual({ esbuild: false, '@parcel/watcher': false });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require('esbuild') as typeof import('esbuild')).transformSync('let a: number = 1', { loader: 'ts' }).code).toBe('let a = 1;\n');
  });
});
