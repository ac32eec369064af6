/**
 * `npm start` as the add-on's playground, through its HTTP API (no browser): each menu item on
 * the sample file and what it leaves in the grid, the sidebar and dialog pages as the frames
 * load them, and google.script.run with Apps Script's rules. The browser side is in
 * playground.browser.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { loadBundle } from '../tools/gas/loadBundle';
import { startServer, type StartedServer } from '../tools/start/server';
import os from 'node:os';
import { createPlayground, illegalResultPath, type MenuRun } from '../tools/start/playground';
import type { CellView, SheetView } from '../tools/start/view';

let server: StartedServer;
/** The global scope of each execution, with the function it ran. */
const executions: { context: Record<string, unknown>; fn: string }[] = [];
beforeAll(async () => {
  server = await startServer({ port: 0, onExecution: (b, fn) => executions.push({ context: b.context, fn }) });
});
afterAll(async () => {
  await server?.close();
});

async function get(p: string): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(server.url + p);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // an HTML page
  }
  return { status: res.status, body, headers: res.headers };
}

async function post(p: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(server.url + p, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

const menu = async (fn: string, where?: { sheet: string; a1: string }): Promise<MenuRun> => {
  const r = await post('/api/menu', { fn, ...where });
  expect(r.status).toBe(200);
  return r.body as MenuRun;
};

const run = async (name: string, ...args: unknown[]) => (await post('/api/run', { name, args: JSON.stringify(args) })).body;

const view = async (sheet: string, rows = 1000): Promise<SheetView> => (await get(`/api/sheet?name=${encodeURIComponent(sheet)}&rows=${rows}`)).body as SheetView;

const text = (c: CellView | null | undefined): string => (c ? c.v : '');

/** Rows of a view as header → shown text. */
function records(v: SheetView, headerRow = 0): Record<string, string>[] {
  const header = v.cells[headerRow].map(text);
  return v.cells.slice(headerRow + 1).map((row) => Object.fromEntries(header.map((h, i) => [h, text(row[i])])));
}

describe('the menu on the sample file', () => {
  test('refresh: the Kehu columns appear on the customer sheet, with a flag for each customer over its credit limit', async () => {
    const r = await menu('flagStaleRecords');
    expect(r.ok).toBe(true);
    expect(r.alerts).toHaveLength(1);
    expect(r.alerts[0].prompt).toMatch(/^已为 300 位客户刷新分类和提醒/);
    const v = await view('客户');
    const header = v.cells[0].map(text);
    expect(header.slice(-7)).toEqual(['Kehu · RFM', 'Kehu · 类别', 'Kehu · ABC', 'Kehu · 象限', 'Kehu · 变动', 'Kehu · 状态', 'Kehu · 提醒']);
    const rows = records(v).filter((c) => c['客户代码'] !== '');
    expect(rows).toHaveLength(300);
    const over = rows.filter((c) => Number(c['应收余额']) > Number(c['销售限额']));
    expect(over.length).toBeGreaterThan(0);
    for (const c of rows) {
      const flagged = /应收余额 [\d,.]+ 超过销售限额/.test(c['Kehu · 提醒']);
      expect([c['客户代码'], flagged]).toEqual([c['客户代码'], over.includes(c)]);
    }
    for (const c of over) expect(c['Kehu · 状态']).toBe('红');
    expect(new Set(rows.map((c) => c['Kehu · 状态']))).toEqual(new Set(['红', '黄', '绿']));
    // The status column is filled by its conditional formats: one colour per status word.
    const statusAt = header.indexOf('Kehu · 状态');
    const fills = new Map<string, Set<string | undefined>>();
    for (const row of v.cells.slice(1)) {
      const word = text(row[statusAt]);
      if (word !== '') fills.set(word, (fills.get(word) ?? new Set()).add(row[statusAt]?.bg));
    }
    expect([...fills.values()].map((f) => f.size)).toEqual([1, 1, 1]);
    expect(new Set([...fills.values()].map((f) => [...f][0])).size).toBe(3);
    expect([...fills.values()].every((f) => [...f][0] !== undefined)).toBe(true);
    // Its own sheets: the log shown as a tab, the customer state hidden.
    const tabs = (await get('/api/sheets')).body;
    expect(tabs.sheets).toEqual(expect.arrayContaining(['设置', 'Kehu · 日志']));
    expect(tabs.hidden).toEqual(['Kehu · 客户状态']);
  });

  test('the first Settings sheet takes its Team table from the team list', async () => {
    const settings = await view('设置');
    const all = settings.cells.flat().map(text);
    for (const email of ['chen.zhiming@example.com', 'xu.jianguo@example.com', 'zheng.zhiqiang@example.com', 'wang.jianhua@example.com']) expect(all).toContain(email);
  });

  test('schedule: the visit schedule sheet is made and shown, each dated row with a person of the team', async () => {
    const r = await menu('buildVisitSchedule');
    expect(r.ok).toBe(true);
    expect(r.active.sheet).toBe('拜访计划');
    const v = await view('拜访计划');
    const rows = records(v);
    const dated = rows.filter((row) => /^\d{4}-\d\d-\d\d$/.test(row['日期']));
    expect(dated.length).toBeGreaterThan(100);
    const team = new Set(records(await view('销售团队')).map((p) => p['姓名']));
    for (const row of dated) expect(team.has(row['人员'])).toBe(true);
    // Times as the add-on formatted them, and its check column hidden.
    expect(dated[0]['时间']).toMatch(/^\d\d:\d\d$/);
    expect(v.hiddenColumns).toEqual([v.cells[0].map(text).indexOf('Kehu · 校验')]);
  });

  test('invites: the calendar holds an event per dated row, with the person invited by mail', async () => {
    // The page asks first: the first run answers No and sends nothing, and says what it would do.
    const asked = await menu('sendVisitInvites');
    expect(asked.ok).toBe(true);
    expect(asked.alerts[0].buttons).toBe('YES_NO');
    expect((await get('/api/calendar')).body.events).toBe(0);
    const r = (await post('/api/menu', { fn: 'sendVisitInvites', answer: 'YES' })).body as MenuRun;
    expect(r.ok).toBe(true);
    // First the question (将发送日历邀请…确定现在发送吗？, answered Yes), then what was sent.
    const done = r.alerts.find((a: { prompt: string }) => /^日历邀请：新建 \d+/.test(a.prompt))!;
    expect(done).toBeDefined();
    const created = Number(/新建 (\d+)/.exec(done.prompt)![1]);
    const cal = (await get('/api/calendar')).body;
    expect(cal.events).toBe(created);
    const chen = cal.people.find((p: { email: string }) => p.email === 'chen.zhiming@example.com');
    expect(chen.name).toBe('陈志明');
    expect(chen.events.length).toBeGreaterThan(0);
    expect(chen.mails.invite).toBe(chen.events.length);
    // A joint visit invites two people to one event: at least one guest per event.
    expect(cal.people.reduce((n: number, p: { events: unknown[] }) => n + p.events.length, 0)).toBeGreaterThanOrEqual(created);
  });

  test('export: a modal dialog whose page carries the .ics and runs under a policy that loads nothing', async () => {
    const r = await menu('exportVisitSchedule');
    expect(r.dialogs).toEqual([expect.objectContaining({ kind: 'modal', width: 420, height: 220 })]);
    const page = await get(`/ui/${r.dialogs[0].id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(page.body).toContain('BEGIN:VCALENDAR');
    // google.script.run is defined before any script of the page runs.
    expect(page.body.indexOf('google.script.run')).toBeLessThan(page.body.indexOf('BEGIN:VCALENDAR'));
    expect((await get('/ui/99999')).status).toBe(404);
  });

  test('only items on the menu can be clicked', async () => {
    expect((await post('/api/menu', { fn: 'kehuOpenCard' })).status).toBe(400);
    expect((await post('/api/menu', { fn: 'nothing' })).body.error).toBe('菜单中没有这一项。');
  });
});

describe('the customer card', () => {
  test('the card item opens the deployed Sidebar.html in a 300 px sidebar, on the selected row', async () => {
    const r = await menu('showCustomerCard', { sheet: '客户', a1: 'F5' });
    expect(r.dialogs).toEqual([expect.objectContaining({ kind: 'sidebar', width: 300, title: '客户卡片' })]);
    const page = (await get(`/ui/${r.dialogs[0].id}`)).body as string;
    const deployed = fs.readFileSync(path.join(process.env.KEHU_DIST ?? 'dist', 'Sidebar.html'), 'utf8');
    // The frame gets the file as deployed, with only the client API script added in its head.
    // The frame gets the file as deployed, plus the client API script and the first card the server embeds.
    expect(page.replace(/<script data-playground>[\s\S]*?<\/script>/, '').replace(/<script type="application\/json" id="kehu-first-card">[\s\S]*?<\/script>/, '')).toBe(deployed);
    const open = await run('kehuOpenCard', { mode: 'selection' });
    expect(open).toMatchObject({ ok: true, value: { card: { id: 'KH0004', name: '杭州利民超市有限公司' } } });
  });

  test('a cell typed in the grid is what the card reads', async () => {
    const typed = await post('/api/cell', { sheet: '客户', a1: 'H5', input: '139-1234-5678' });
    expect(typed.status).toBe(200);
    const open = await run('kehuOpenCard', { mode: 'id', id: 'KH0004' });
    const phone = open.value.card.profile.find((f: { field: string }) => f.field === 'phone');
    expect(phone.text).toBe('139-1234-5678');
  });
});

describe('google.script.run', () => {
  test('each call is one execution in a fresh global scope, answering plain values', async () => {
    const before = executions.length;
    const r = await run('kehuSearch', '利民');
    expect(r.ok).toBe(true);
    expect(r.value.results.map((x: { id: string }) => x.id)).toContain('KH0004');
    expect(executions.slice(before).map((e) => e.fn)).toEqual(['kehuSearch']);
    // What one execution leaves in its globals is gone in the next, as in Apps Script.
    executions[before].context.leftBehind = true;
    await run('kehuSearch', 'KH0001');
    expect(executions).toHaveLength(before + 2);
    expect(executions[before + 1].context).not.toBe(executions[before].context);
    expect(executions[before + 1].context.leftBehind).toBeUndefined();
  });

  test('only public functions: a name ending in _, an unknown name or a service is "not found"', async () => {
    for (const name of ['kehuSearch_', 'nothingHere', 'SpreadsheetApp']) {
      expect(await run(name)).toMatchObject({ ok: false, message: `Script function not found: ${name}` });
    }
    expect(server.playground.publicFunctions()).toEqual(expect.arrayContaining(['kehuOpenCard', 'kehuSearch', 'kehuLogContact', 'kehuEditField', 'kehuRevealField', 'showCustomerCard']));
    expect(server.playground.publicFunctions().some((n) => n.endsWith('_'))).toBe(false);
  });

  test("a failure reaches the page with the server's message as it is", async () => {
    const direct = loadBundle({ locale: 'zh_CN' }).run('kehuOpenCard', { args: [{ mode: 1 }] });
    expect(direct.ok).toBe(false);
    expect(await run('kehuOpenCard', { mode: 1 })).toMatchObject({ ok: false, message: direct.error!.message });
  });

  test('arguments that are not a JSON array are refused', async () => {
    expect((await post('/api/run', { name: 'kehuSearch', args: '{"a":1}' })).body).toMatchObject({ ok: false, message: expect.stringMatching(/^Failed due to illegal value/) });
    expect((await post('/api/run', { name: 'kehuSearch', args: 'not json' })).body).toMatchObject({ ok: false });
    expect((await post('/api/run', { name: 'kehuSearch', args: ['x'] })).status).toBe(400);
  });

  test('a result holding a Date, a function or a class instance is not a value the page can get', () => {
    const realm = vm.createContext({});
    const made = vm.runInContext('({ a: [1, { b: "x", c: null }], d: true })', realm);
    expect(illegalResultPath(made)).toBeNull();
    expect(illegalResultPath(vm.runInContext('({ card: { when: new Date(0) } })', realm))).toBe('result.card.when');
    expect(illegalResultPath([1, [2, new Date(0)]])).toBe('result[1][1]');
    expect(illegalResultPath({ f: () => 1 })).toBe('result.f');
    expect(illegalResultPath({ m: new Map() })).toBe('result.m');
    expect(illegalResultPath(Object.create(null))).toBeNull();
  });
});

describe('google.script.run against functions written for the test', () => {
  // The built bundle plus three globals that do what the add-on never does, in a dist folder of the test's own.
  const extra = `
function returnsDate() { return { when: new Date(0), n: 1 }; }
function argumentKinds(x) { return { plain: Object.getPrototypeOf(x) === Object.prototype, list: Array.isArray(x.list), nulls: x.list[1] === null }; }
function throwsWithPrefix() { throw new Error('Exception: 原话，一字不改'); }
`;
  let dir: string;
  let pg: ReturnType<typeof createPlayground>;
  beforeAll(() => {
    const dist = process.env.KEHU_DIST ?? path.resolve(__dirname, '..', 'dist');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-playground-'));
    for (const f of fs.readdirSync(dist)) fs.copyFileSync(path.join(dist, f), path.join(dir, f));
    fs.appendFileSync(path.join(dir, 'Code.js'), extra);
    pg = createPlayground({ distDir: dir });
  });
  afterAll(() => {
    pg?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a result holding a Date reaches the page as null, and the terminal says why', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(pg.runScript('returnsDate', '[]')).toMatchObject({ ok: true, value: null });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('returnsDate returned a value the page cannot receive (result.when'));
    } finally {
      warn.mockRestore();
    }
  });

  test("arguments arrive as the script realm's own plain objects and arrays", () => {
    expect(pg.runScript('argumentKinds', JSON.stringify([{ list: [1, null] }]))).toMatchObject({ ok: true, value: { plain: true, list: true, nulls: true } });
  });

  test('the message of a failure is passed on whole, prefix and all', () => {
    expect(pg.runScript('throwsWithPrefix', '[]')).toMatchObject({ ok: false, message: 'Exception: 原话，一字不改' });
  });
});

