/**
 * The customer card (dist/Sidebar.html, built by tools/build-sidebar.ts) in Debian's Chromium
 * through playwright-core, 300 px wide as Google Sheets shows it, with a google.script.run that
 * keeps Apps Script's rules (test/sidebar.gasRun.ts) answering from fixture customers
 * (test/sidebar.fixtures.ts). Screenshots go to .cache/screenshots/sidebar-*.png.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium fonts-noto-cjk`). Without it this test
 * fails, in CI and locally alike.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildSidebar, SIDEBAR_FILE } from '../tools/build-sidebar';
import { FIRST_CARD_ELEMENT } from '../src/shared/api';
import type { ListedCustomer } from '../src/shared/customerList';
import type { OpenCardResult } from '../src/shared/types';
import { enCustomers, FakeServer, PAYLOAD, TODAY, zhCustomers, type FakeServerOptions } from './sidebar.fixtures';
import { installScriptRun } from './sidebar.gasRun';

const CHROMIUM = '/usr/bin/chromium';
/** The page's pause after a keystroke before it searches (sidebar/search.ts SEARCH_PAUSE_MS). */
const SEARCH_PAUSE = 60;
const SHOTS = path.resolve(__dirname, '..', '.cache', 'screenshots');
const PAGE_URL = 'http://sidebar.kehu.test/Sidebar.html';

jest.setTimeout(120_000);

let browser: Browser | undefined;
let html = '';
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    const where = process.env.CI ? 'The CI image' : 'This machine';
    throw new Error(`${where} has no Chromium at ${CHROMIUM}; install it (apt-get update && apt-get install -y chromium fonts-noto-cjk) to run the browser test.`);
  }
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-sidebar-'));
  await buildSidebar(dist);
  html = fs.readFileSync(path.join(dist, SIDEBAR_FILE), 'utf8');
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterEach(async () => {
  while (contexts.length) await contexts.pop()!.close();
});

afterAll(async () => {
  await browser?.close();
});

interface Sidebar {
  page: Page;
  server: FakeServer;
  /** Requests for anything but the page itself, and script errors: both must stay empty. */
  foreign: string[];
  errors: string[];
}

function zhServer(selection: FakeServerOptions['selection'] = { id: 'C001' }): FakeServer {
  return new FakeServer({ lang: 'zh', locale: 'zh_CN', customers: zhCustomers(), selection, user: '李娜' });
}

function enServer(): FakeServer {
  return new FakeServer({ lang: 'en', locale: 'en_GB', customers: enCustomers(), selection: { id: 'A-1001' }, user: 'tom.baker@example.com' });
}

/** The page as HtmlService serves it from the menu: the first card written after it (src/app/card/api.ts showCard). */
function withFirstCard(page: string, first: OpenCardResult): string {
  return `${page}<script type="application/json" id="${FIRST_CARD_ELEMENT}">${JSON.stringify(first).replace(/</g, '\\u003c')}</script>`;
}

async function openSidebar(server: FakeServer, browserLocale = 'zh-CN', width = 300, first?: OpenCardResult): Promise<Sidebar> {
  const body = first ? withFirstCard(html, first) : html;
  const context = await browser!.newContext({ viewport: { width, height: 800 }, locale: browserLocale, deviceScaleFactor: 1 });
  contexts.push(context);
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === PAGE_URL) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    foreign.push(url);
    return route.abort();
  });
  await installScriptRun(page, server);
  await page.goto(PAGE_URL);
  return { page, server, foreign, errors };
}

/** Polls until the check holds (Playwright's web-first waiting, without @playwright/test). */
async function until(check: () => Promise<boolean>, describe: string | (() => Promise<string> | string), ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(typeof describe === 'string' ? describe : await describe());
}

async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

async function waitText(page: Page, selector: string, want: string | RegExp): Promise<void> {
  const ok = (t: string): boolean => (typeof want === 'string' ? t.includes(want) : want.test(t));
  await until(
    async () => (await page.locator(selector).count()) > 0 && ok(await textOf(page, selector)),
    async () => `${selector}: expected ${String(want)}, got "${(await page.locator(selector).count()) ? await textOf(page, selector) : '(absent)'}"`,
  );
}

async function waitCard(page: Page, id: string): Promise<void> {
  await until(async () => (await page.locator(`article.card[data-id="${id}"] #card-id`).count()) === 1, async () => `card ${id} not shown; the page says: ${await textOf(page, 'body')}`);
}

/** What has focus, as a short description. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a) return '';
    return a.id || a.dataset.focus || a.getAttribute('aria-label') || a.textContent || a.tagName;
  });
}

/** Nothing wider than the frame: no sideways scrolling and no element past the right edge. */
async function expectFits(page: Page): Promise<void> {
  const r = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const over = Array.from(document.querySelectorAll('body *'))
      .filter((e) => {
        const b = e.getBoundingClientRect();
        return b.width > 0 && b.height > 0 && (b.right > width + 0.5 || b.left < -0.5) && !e.closest('.sr-only');
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} right=${Math.round(e.getBoundingClientRect().right)}`);
    return { scroll: document.documentElement.scrollWidth, width, over };
  });
  expect(r.over).toEqual([]);
  expect(r.scroll).toBeLessThanOrEqual(r.width);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `sidebar-${name}.png`), fullPage: true });
}

function expectClean(s: Sidebar): void {
  expect(s.errors).toEqual([]);
  expect(s.foreign).toEqual([]);
}

/** The edit button of a profile field, by its field name. */
function editButton(page: Page, field: string) {
  return page.locator(`[data-field="${field}"] button[data-focus="edit:${field}"]`);
}

function fieldText(page: Page, field: string) {
  return page.locator(`[data-field="${field}"] dd`);
}

describe('opening', () => {
  test('opens on the selected customer with one call: id, name and notes at once, then the whole card (zh)', async () => {
    const server = zhServer();
    server.delay = (name) => (name === 'kehuOpenCard' ? 400 : 0);
    const s = await openSidebar(server);
    await waitText(s.page, '#view .loading', '正在打开客户卡…');
    expect(await s.page.locator('#view').getAttribute('aria-busy')).toBe('true');
    await waitCard(s.page, 'C001');
    await new Promise((r) => setTimeout(r, 400));
    expect(server.callsOf('kehuOpenCard')).toEqual([{ name: 'kehuOpenCard', arg: { mode: 'selection' } }]);
    // The customer list, once per sidebar; no other call.
    expect(server.calls.map((c) => c.name).sort()).toEqual(['kehuCustomerList', 'kehuOpenCard']);

    const page = s.page;
    expect(await textOf(page, '#card-id')).toBe('C001');
    expect(await textOf(page, '#card-name')).toBe('上海华联贸易有限公司');
    expect(await textOf(page, '#card-notes')).toBe(server.customer('C001').cells.notes);
    // Visible without a click: inside the first screen of the sidebar.
    for (const sel of ['#card-id', '#card-name', '#card-notes']) {
      const box = await page.locator(sel).boundingBox();
      expect(box && box.y + box.height).toBeLessThan(800);
    }
    const card = await textOf(page, 'article.card');
    for (const want of [
      '第 2 行', '王建国', '021-6234 5678', 'wang@hualian.cn', '李娜', 'S01',
      '545 (R5 F4 M5)', '重要价值客户', '由 B 升级（能上能下）', 'A（高周转·高利润）', '93% · 很可能仍在购买',
      '2026年11月12日 (8 天前)', '1,286,400', '26,800', '120,000 / 500,000 (24%)',
      '已填 14 / 16 项', '缺少：微信、邮政编码', '生日在 7 天内：3 月 12 日',
      '2026年11月23日 10:30', '确认年底促销订单', '没有未结投诉。', '分类更新于',
    ]) expect(card).toContain(want);
    expect(await page.locator('.flag-amber').count()).toBe(1);
    expect(await page.locator('.status-amber').textContent()).toBe('请留意');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // Opening moves no focus (no ring around the name before the user did anything).
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    // Pictures with text alternatives.
    const pictures = page.locator('svg[role="img"]');
    expect(await pictures.count()).toBe(2);
    expect(await pictures.nth(0).getAttribute('aria-label')).toMatch(/排第 12 名，共 300 位（前 4%）；.*贡献了团队 \d+% 的销售额/);
    expect(await textOf(page, '.part-class figcaption')).toMatch(/^第 12 名 \/ 共 300 位 · 累计占销售额 \d+%$/);
    expect(await pictures.nth(1).getAttribute('aria-label')).toMatch(/^2024年12月 至 2026年11月 每月订单：共 \d+ 笔，合计 [\d,]+；最多的月份是 2026年10月/);
    expect(await page.locator('svg rect.bar').count()).toBe(24);
    expect(await page.locator('svg rect.bar.zero').count()).toBe(3);
    expect(await page.locator('svg rect.bar title').first().textContent()).toMatch(/^2024年12月：18,000（1 笔）$/);

    await expectFits(page);
    await shot(page, 'zh');
    expectClean(s);
  });

  test('the bank account stays masked until revealed, with one call', async () => {
    const s = await openSidebar(zhServer());
    await waitCard(s.page, 'C001');
    const account = fieldText(s.page, 'bankAccount');
    expect(await account.textContent()).toContain('•••• 3445');
    expect(await account.textContent()).not.toContain('6222');
    const reveal = s.page.getByRole('button', { name: '显示银行账号' });
    await reveal.focus();
    await s.page.keyboard.press('Enter');
    await until(async () => ((await account.textContent()) ?? '').includes('6222 0202 0011 2233 445'), 'not revealed');
    expect(s.server.callsOf('kehuRevealField')).toEqual([{ name: 'kehuRevealField', arg: { id: 'C001', field: 'bankAccount' } }]);
    expect(await focused(s.page)).toBe('reveal:bankAccount');
    await s.page.keyboard.press('Enter');
    await until(async () => ((await account.textContent()) ?? '').includes('•••• 3445'), 'not hidden again');
    await s.page.keyboard.press('Enter');
    await until(async () => ((await account.textContent()) ?? '').includes('6222'), 'not revealed again');
    expect(s.server.callsOf('kehuRevealField')).toHaveLength(1);
    expectClean(s);
  });

  test('the page speaks the browser language until the answer, then the file language', async () => {
    const server = zhServer();
    server.delay = (name) => (name === 'kehuOpenCard' ? 400 : 0);
    const s = await openSidebar(server, 'en-US');
    await waitText(s.page, '#view .loading', 'Opening the customer card…');
    await waitCard(s.page, 'C001');
    expect(await textOf(s.page, '.part-notes h2')).toBe('备注');
    expect(await s.page.locator('#search-input').getAttribute('placeholder')).toBe('名称、代码、城市或电话');

    const en = enServer();
    en.delay = (name) => (name === 'kehuOpenCard' ? 400 : 0);
    const e = await openSidebar(en, 'zh-CN');
    await waitText(e.page, '#view .loading', '正在打开客户卡…');
    await waitCard(e.page, 'A-1001');
    expect(await textOf(e.page, '.part-notes h2')).toBe('Notes');
    expectClean(s);
    expectClean(e);
  });

  test('the card in English: words, numbers and dates of the language', async () => {
    const s = await openSidebar(enServer(), 'en-GB');
    await waitCard(s.page, 'A-1001');
    const card = await textOf(s.page, 'article.card');
    for (const want of [
      'Acme Trading Ltd', 'Code A-1001', 'row 2', 'Notes', 'Orders at the start of each month.', 'Flags',
      'no visit for 41 days', 'Profile and contacts', 'Jane Miller', '+44 20 7946 0958', 'Sales rep', 'Tom Baker',
      '454 (R4 F5 M4)', 'Loyal customers', 'unchanged', '88% · likely still buying', 'Last order', '2 Nov 2026 (18 days ago)', '912,345.5',
      '25,342.93', '190,000 of 250,000 (76%)', '15 of 16 fields filled', 'Missing: WeChat', '24 Nov 2026 09:00',
      'Quarterly review', 'No open complaints.',
    ]) expect(card).toContain(want);
    expect(await s.page.locator('svg[role="img"]').first().getAttribute('aria-label')).toMatch(/ranks 5 of 120 \(top 4%\)/);
    expect(await s.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectFits(s.page);
    await shot(s.page, 'en');
    expectClean(s);
  });

  test('many flags and complaints: red and amber, the overdue reply marked, credit over the limit', async () => {
    const s = await openSidebar(zhServer({ id: 'C004' }));
    await waitCard(s.page, 'C004');
    const page = s.page;
    expect(await page.locator('.flag-red').count()).toBe(4);
    expect(await page.locator('.flag-amber').count()).toBe(3);
    expect(await page.locator('.flag-red .badge').first().textContent()).toBe('红色');
    expect(await page.locator('.status-red').textContent()).toBe('需要关注');
    const complaints = page.locator('li.complaint');
    expect(await complaints.count()).toBe(3);
    expect(await page.locator('li.complaint.overdue').count()).toBe(1);
    const overdue = (await page.locator('li.complaint.overdue').textContent()) ?? '';
    expect(overdue).toContain('已逾期');
    expect(overdue).toContain('负责人：张伟');
    expect(overdue).toContain('2026年11月15日 前答复');
    expect(await complaints.nth(1).textContent()).toContain('无负责人');
    expect(await complaints.nth(2).textContent()).toContain('无期限');
    expect(await textOf(page, '.part-orders .bad')).toContain('236,000 / 200,000 (118%)');
    expect(await textOf(page, '.part-class')).toContain('由 B 降级（能上能下）');
    expect(await textOf(page, '.part-rep')).toContain('没有对口销售员。');
    expect(await textOf(page, '#card-notes')).toBe('没有备注。');
    await expectFits(page);
    await shot(page, 'flags');
    expectClean(s);
  });

  test("a failure shows the server's sentence, and Retry asks again", async () => {
    const server = zhServer();
    const sentence = '找不到客户表：没有一张工作表的表头同时含有“客户代码”和“名称”。';
    server.failWith = (name) => (name === 'kehuOpenCard' ? sentence : null);
    const s = await openSidebar(server);
    await waitText(s.page, '.failure .error', sentence);
    expect(await textOf(s.page, '.failure .error')).toBe(sentence);
    expect(await focused(s.page)).toBe('重试');
    server.failWith = () => null;
    await s.page.keyboard.press('Enter');
    await waitCard(s.page, 'C001');
    expect(server.callsOf('kehuOpenCard')).toHaveLength(2);
    expectClean(s);
  });

  test('a result holding a Date reaches the page as null, which it says it cannot read', async () => {
    const server = zhServer();
    server.dateInResult = true;
    const s = await openSidebar(server);
    await waitText(s.page, '.failure .error', '无法读取服务器的回复。');
    expectClean(s);
  });

  test('on another sheet it opens on search with the reason and the focus in the box', async () => {
    const s = await openSidebar(zhServer({ reason: 'otherSheet' }));
    await waitText(s.page, '.reason', '请在客户表中选择某位客户所在行的任一单元格来打开客户卡');
    expect(await focused(s.page)).toBe('search-input');
    expect(s.server.callsOf('kehuOpenCard')).toHaveLength(1);
    const header = await openSidebar(zhServer({ reason: 'headerRow' }));
    await waitText(header.page, '.reason', '选中的是表头行');
    expectClean(s);
    expectClean(header);
  });
});

/** Customers only in the list (no card behind them), to rank and to page through. */
const RANKED: ListedCustomer[] = [
  { id: 'P1', name: '五金 1234 商店', phone: '', city: '', row: 60 },
  { id: '1234', name: '精确代码客户', phone: '', city: '', row: 61 },
  { id: 'P2', name: '1234 便利店', phone: '', city: '', row: 62 },
  { id: 'P3', name: '电话客户', phone: '0571-1234 5678', city: '杭州', row: 63 },
];

describe('search', () => {
  test('by name, code, city and phone with the keyboard, in the list received once: no call per keystroke', async () => {
    const s = await openSidebar(new FakeServer({ lang: 'zh', locale: 'zh_CN', customers: zhCustomers(), selection: { reason: 'otherSheet' }, user: '李娜', listed: RANKED }));
    const page = s.page;
    await until(async () => (await focused(page)) === 'search-input', 'search box not focused');
    await until(async () => s.server.callsOf('kehuCustomerList').length === 1, 'the list was not asked');

    await page.keyboard.type('华联', { delay: 40 });
    await waitText(page, '#search-info', '1 位客户匹配。');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe('C001');
    await page.keyboard.press('Enter');
    await waitCard(page, 'C001');
    // The pick sends the row the list gave: the server reads it first.
    expect(s.server.callsOf('kehuOpenCard').at(-1)!.arg).toEqual({ mode: 'id', id: 'C001', row: 2 });
    expect(await page.locator('#search-input').inputValue()).toBe('');

    // Code: Enter opens the first match.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('search-input');
    await page.keyboard.type('c004', { delay: 30 });
    await page.keyboard.press('Enter');
    await waitCard(page, 'C004');

    // Phone digits from the middle of the number; arrows move and come back to the box.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('6234', { delay: 30 });
    await waitText(page, '#search-results', '021-6234 5678');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe('C001');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('search-input');

    // An exact code and a name starting with the text come before a name containing it, then
    // the phones holding it (C005 020-8888 1234, C666 010-1234 5678, P3), in table order.
    await page.keyboard.press('Escape');
    await page.keyboard.type('1234', { delay: 30 });
    await waitText(page, '#search-info', '共 6 位客户匹配。');
    expect(await page.locator('#search-results button').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id))).toEqual(['1234', 'P2', 'P1', 'C005', 'C666', 'P3']);
    await page.keyboard.press('Escape');
    await page.keyboard.type('杭州', { delay: 30 });
    await waitText(page, '#search-results', '电话客户');

    expect(s.server.callsOf('kehuSearch')).toEqual([]);
    expect(s.server.callsOf('kehuCustomerList')).toHaveLength(1);
    expectClean(s);
  });

  test('every match can be reached a page at a time; nothing found says so and shows nothing stale; the list can be read again', async () => {
    const server = zhServer({ reason: 'blankRow' });
    const s = await openSidebar(server);
    const page = s.page;
    await until(async () => (await focused(page)) === 'search-input', 'search box not focused');

    await page.keyboard.type('测试');
    await waitText(page, '#search-info', '共 30 位客户匹配，已显示 20 位。');
    expect(await page.locator('#search-results button').count()).toBe(20);
    expect(await textOf(page, '#search-more')).toBe('再显示 10 位（还有 10 位未显示）');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe('T20');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('search-more');
    await page.keyboard.press('Enter');
    await waitText(page, '#search-info', '共 30 位客户匹配。');
    expect(await page.locator('#search-results button').count()).toBe(30);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe('T21');
    expect(await page.locator('#search-more').isHidden()).toBe(true);
    await page.keyboard.press('End');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id)).toBe('T30');
    await expectFits(page);
    await shot(page, 'search');

    // Nothing found: said, and none of the 30 stays on show.
    await page.locator('#search-input').focus();
    await page.keyboard.press('End');
    await page.keyboard.type('星辰');
    await waitText(page, '#search-info', '没有与“测试星辰”匹配的客户。');
    expect(await page.locator('#search-results button').count()).toBe(0);
    expect(await page.locator('#search-more').isHidden()).toBe(true);

    // Renamed in the sheet since the list came: reading the list again finds it.
    server.rename('T07', '测试星辰贸易');
    await page.locator('#search-reload').click();
    await waitText(page, '#search-info', '1 位客户匹配。');
    expect(await page.locator('#search-results button').first().getAttribute('data-id')).toBe('T07');
    expect(server.callsOf('kehuCustomerList')).toHaveLength(2);

    await page.locator('#search-input').focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('#search-input').inputValue()).toBe('');
    expect(await page.locator('.search-panel').isHidden()).toBe(true);
    expect(server.callsOf('kehuSearch')).toEqual([]);
    expectClean(s);
  });
});

describe('search at scale', () => {
  test('50,000 customers: every keystroke searched in the page, fast, and no call', async () => {
    const cities = ['杭州', '上海', '广州', '成都'];
    const listed: ListedCustomer[] = Array.from({ length: 50_000 }, (_, i) => ({
      id: `KH${String(i + 1).padStart(6, '0')}`, name: `客户${i + 1}商贸有限公司`, phone: `0571-${String(10_000_000 + i).slice(-8)}`, city: cities[i % 4], row: 100 + i,
    }));
    const server = new FakeServer({ lang: 'zh', locale: 'zh_CN', customers: zhCustomers(), selection: { reason: 'otherSheet' }, user: '李娜', listed });
    const s = await openSidebar(server);
    const page = s.page;
    await until(async () => server.callsOf('kehuCustomerList').length === 1, 'the list was not asked');
    // Wait until the list is in: a search finds a customer of it.
    await page.locator('#search-input').fill('KH050000');
    await waitText(page, '#search-info', '1 位客户匹配。');
    const timings: Record<string, number> = {};
    for (const [query, want] of [['客户4999', '共 11 位'], ['KH012345', '1 位'], ['0571-1000', '位客户匹配'], ['商贸', '共 50,000 位'], ['杭州', '共 12,'], ['没有这个客户', '没有与']] as const) {
      timings[query] = await page.evaluate(async ([q, expected]) => {
        const input = document.getElementById('search-input') as HTMLInputElement;
        const info = document.getElementById('search-info') as HTMLElement;
        info.textContent = '';
        const t0 = performance.now();
        input.value = q;
        input.dispatchEvent(new Event('input'));
        await new Promise<void>((resolve) => {
          const check = (): void => (info.textContent && info.textContent.includes(expected) ? resolve() : void requestAnimationFrame(check));
          check();
        });
        return performance.now() - t0;
      }, [query, want]);
    }
    console.log(`search in Chromium over 50,000 customers (ms from the keystroke to the results drawn, ${SEARCH_PAUSE}ms pause included): ${JSON.stringify(timings)}`);
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(SEARCH_PAUSE + 250);
    expect(server.callsOf('kehuCustomerList')).toHaveLength(1);
    expect(server.callsOf('kehuSearch')).toEqual([]);
    expectClean(s);
  });
});

describe('the first card and before a classification', () => {
  test('with the sidebar open, another selected row opens its customer with one call', async () => {
    const server = zhServer();
    const s = await openSidebar(server);
    await waitCard(s.page, 'C001');
    server.options.selection = { id: 'C004' };
    await s.page.getByRole('button', { name: '打开选中行的客户' }).click();
    await waitCard(s.page, 'C004');
    expect(server.callsOf('kehuOpenCard').map((c) => c.arg)).toEqual([{ mode: 'selection' }, { mode: 'selection' }]);
    expectClean(s);
  });

  test('opened from the menu, the card written into the page shows with no call before it', async () => {
    const server = zhServer();
    const first = await server.handle('kehuOpenCard', { mode: 'selection' }) as OpenCardResult;
    server.calls.length = 0;
    server.delay = (name) => (name === 'kehuCustomerList' ? 300 : 0);
    const s = await openSidebar(server, 'zh-CN', 300, first);
    await waitCard(s.page, 'C001');
    expect(server.callsOf('kehuOpenCard')).toEqual([]);
    expect(await textOf(s.page, '#card-name')).toBe('上海华联贸易有限公司');
    // The list still comes, once, and the search works on it.
    await until(async () => server.callsOf('kehuCustomerList').length === 1, 'the list was not asked');
    await s.page.locator('#search-input').focus();
    await s.page.keyboard.type('北方');
    await waitText(s.page, '#search-info', '1 位客户匹配。');
    expectClean(s);
  });

  test('before the first classification: the real order figures, what waits, and a button that classifies', async () => {
    const s = await openSidebar(zhServer({ id: 'C009' }));
    const page = s.page;
    await waitCard(page, 'C009');
    const waiting = await textOf(page, '.part-waiting');
    expect(waiting).toContain('这个文件还没有运行过分类。下面的订单数字是刚从订单表读取的；RFM 得分和类别、ABC 等级、象限、存活概率、提醒、帕累托曲线上的位置要等首次分类后才有。');
    const orders = await textOf(page, '.part-orders');
    for (const want of ['订单数11', '86,300', '2026年11月6日 (14 天前)']) expect(orders).toContain(want);
    expect(orders).not.toContain('还没有订单');
    expect(await page.locator('svg rect.bar:not(.zero)').count()).toBe(9);
    expect(await textOf(page, '.part-flags')).toContain('提醒在分类后给出。');
    await expectFits(page);
    await shot(page, 'preclassification');

    await page.locator('#classify-now').click();
    await waitText(page, '#status', '已分类');
    await until(async () => (await page.locator('.part-waiting').count()) === 0, 'the waiting part stays');
    expect(s.server.callsOf('kehuClassifyNow')).toEqual([{ name: 'kehuClassifyNow', arg: { mode: 'id', id: 'C009', row: 8 } }]);
    expect(await textOf(page, '.part-class')).toContain('533 (R5 F3 M3)');
    expect(await textOf(page, '.part-flags')).toContain('还没有拜访或电话记录');
    expectClean(s);
  });
});

describe('actions', () => {
  test('log a visit: today by default, one call, and the card shows it at once', async () => {
    const s = await openSidebar(zhServer());
    const page = s.page;
    await waitCard(page, 'C001');
    await page.locator('button[data-focus="log:visit"]').focus();
    await page.keyboard.press('Enter');
    const form = page.locator('form.log');
    await form.waitFor();
    expect(await form.locator('input[type="date"]').first().inputValue()).toBe(TODAY);
    expect(await form.getByLabel('人员').inputValue()).toBe('李娜');
    expect(await form.getByLabel('答复期限').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('送样品，约定下周报价。');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitText(page, '#status', '已为上海华联贸易有限公司记录拜访。');
    expect(s.server.callsOf('kehuLogContact')).toEqual([
      { name: 'kehuLogContact', arg: { id: 'C001', row: 2, kind: 'visit', date: TODAY, note: '送样品，约定下周报价。', person: '李娜' } },
    ]);
    const first = page.locator('.part-contacts li').first();
    expect(await first.textContent()).toContain('2026年11月20日 · 拜访 · 李娜送样品，约定下周报价。');
    expect(await page.locator('form.log').count()).toBe(0);
    expect(await focused(page)).toBe('log:visit');
    // Another customer picked from search: the message about this one does not stay.
    await page.locator('#search-input').focus();
    await page.keyboard.type('华联', { delay: 40 });
    await waitText(page, '#search-info', '1 位客户匹配。');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitCard(page, 'C001');
    expect(await page.locator('#status').textContent()).toBe('');
    expectClean(s);
  });

  test('log a complaint: a deadline is required and may not precede it; dates after today are refused in the page', async () => {
    const s = await openSidebar(zhServer());
    const page = s.page;
    await waitCard(page, 'C001');
    await page.locator('button[data-focus="log:complaint"]').click();
    const form = page.locator('form.log');
    await form.getByLabel('内容').fill('第二批货物破损三箱。');
    await form.getByRole('button', { name: '保存' }).click();
    await waitText(page, 'form.log .error:not([hidden])', '投诉需要答复期限（首问负责）。');
    await form.getByLabel('日期').fill('2026-11-21');
    await form.getByLabel('答复期限').fill('2026-11-25');
    await form.getByRole('button', { name: '保存' }).click();
    await waitText(page, 'form.log .error:not([hidden])', '联系日期不能晚于今天（2026年11月20日）。');
    expect(await form.getByLabel('日期').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('日期').fill('2026-11-19');
    await form.getByLabel('答复期限').fill('2026-11-18');
    await form.getByRole('button', { name: '保存' }).click();
    await waitText(page, 'form.log .error:not([hidden])', '答复期限不能早于投诉日期。');
    expect(s.server.callsOf('kehuLogContact')).toHaveLength(0);

    await form.getByLabel('答复期限').fill('2026-11-25');
    await form.getByRole('button', { name: '保存' }).click();
    await waitText(page, '#status', '已为上海华联贸易有限公司记录投诉。');
    expect(s.server.callsOf('kehuLogContact')[0].arg).toEqual({ id: 'C001', row: 2, kind: 'complaint', date: '2026-11-19', note: '第二批货物破损三箱。', person: '李娜', deadline: '2026-11-25' });
    const complaint = (await page.locator('li.complaint').first().textContent()) ?? '';
    expect(complaint).toContain('第二批货物破损三箱。');
    expect(complaint).toContain('负责人：李娜');
    expect(complaint).toContain('2026年11月25日 前答复');

    // Escape closes the form and gives the focus back to the button that opened it.
    await page.locator('button[data-focus="log:call"]').click();
    await page.keyboard.press('Escape');
    expect(await page.locator('form.log').count()).toBe(0);
    expect(await focused(page)).toBe('log:call');
    expectClean(s);
  });

  test('edit fields: invalid phone, e-mail, date and amount refused in the page; valid ones saved with one call each', async () => {
    const s = await openSidebar(zhServer());
    const page = s.page;
    await waitCard(page, 'C001');
    const edits = (): unknown[] => s.server.callsOf('kehuEditField').map((c) => c.arg);

    const attempt = async (field: string, typed: string): Promise<void> => {
      if ((await page.locator(`[data-field="${field}"] form.edit`).count()) === 0) {
        await editButton(page, field).focus();
        await page.keyboard.press('Enter');
      }
      const input = page.locator(`[data-field="${field}"] form.edit input`);
      await input.waitFor();
      expect(await focused(page)).toMatch(/^in-/);
      await input.fill(typed);
      await page.keyboard.press('Enter');
    };
    const refused = async (field: string, typed: string, message: string): Promise<void> => {
      await attempt(field, typed);
      await waitText(page, `[data-field="${field}"] form.edit .error:not([hidden])`, message);
      expect(await page.locator(`[data-field="${field}"] form.edit input`).getAttribute('aria-invalid')).toBe('true');
    };
    const saved = async (field: string, typed: string, label: string): Promise<void> => {
      await attempt(field, typed);
      await waitText(page, '#status', `${label}已保存。`);
      await until(async () => (await page.locator(`[data-field="${field}"] form.edit`).count()) === 0, 'editor still open');
      expect(await focused(page)).toBe(`edit:${field}`);
    };

    await refused('phone', 'abc-12', '电话号码应有 5 到 20 位数字');
    await refused('phone', '12', '电话号码应有 5 到 20 位数字');
    await saved('phone', '138 0013 8000', '电话号码');
    expect(await fieldText(page, 'phone').textContent()).toContain('138 0013 8000');

    await refused('email', 'wang@', '请输入一个电子邮箱');
    await refused('email', 'wang hualian.cn', '请输入一个电子邮箱');
    await saved('email', 'wang.jianguo@hualian.cn', '邮箱');

    await refused('birthday', '2026-02-30', '请输入有效日期');
    await refused('birthday', '三月十二', '请输入有效日期');
    await saved('birthday', '1975/3/15', '生日');
    expect(await fieldText(page, 'birthday').textContent()).toContain('1975-03-15');

    await refused('creditLimit', '50万', '请输入数字');
    await refused('creditLimit', '-5000', '金额不能为负数。');
    await saved('creditLimit', '600,000', '销售限额');
    // A Chinese extension (转) is part of a phone number, for the page as for the server.
    await saved('phone', '(010) 8888-1234 转 12', '电话号码');

    expect(edits()).toEqual([
      { id: 'C001', row: 2, field: 'phone', expected: '021-6234 5678', value: '138 0013 8000' },
      { id: 'C001', row: 2, field: 'email', expected: 'wang@hualian.cn', value: 'wang.jianguo@hualian.cn' },
      { id: 'C001', row: 2, field: 'birthday', expected: '1975-03-12', value: '1975-03-15' },
      { id: 'C001', row: 2, field: 'creditLimit', expected: '500000', value: '600000' },
      { id: 'C001', row: 2, field: 'phone', expected: '138 0013 8000', value: '(010) 8888-1234 转 12' },
    ]);

    // Escape cancels without a call; the notes are edited in place too.
    await editButton(page, 'contact').click();
    await page.locator('[data-field="contact"] input').fill('王某');
    await page.keyboard.press('Escape');
    expect(await fieldText(page, 'contact').textContent()).toContain('王建国');
    expect(await focused(page)).toBe('edit:contact');
    expect(edits()).toHaveLength(5);
    expectClean(s);
  });

  test('a conflicting edit is refused with the current value: keep it, or apply mine', async () => {
    const s = await openSidebar(zhServer({ id: 'C005' }));
    const page = s.page;
    await waitCard(page, 'C005');
    // Someone else changes the cell after the card read it.
    s.server.changeCell('C005', 'phone', '020-8888 9999');

    await editButton(page, 'phone').click();
    await page.locator('[data-field="phone"] input').fill('020-1111 2222');
    await page.keyboard.press('Enter');
    await waitText(page, '[data-field="phone"] .conflict', '客户卡读取之后，这个单元格已被修改。表格中现在是：');
    expect(await textOf(page, '[data-field="phone"] .conflict .current')).toBe('020-8888 9999');
    expect(await focused(page)).toBe('仍用我的值');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitText(page, '#status', '电话号码保留表格中的值。');
    expect(await fieldText(page, 'phone').textContent()).toContain('020-8888 9999');
    expect(s.server.customer('C005').cells.phone).toBe('020-8888 9999');

    // The next edit starts from the value kept.
    await editButton(page, 'phone').click();
    expect(await page.locator('[data-field="phone"] input').inputValue()).toBe('020-8888 9999');
    await page.locator('[data-field="phone"] input').fill('020-1111 2222');
    await page.keyboard.press('Enter');
    await waitText(page, '#status', '电话号码已保存。');

    // Changed again behind the card: this time the user's value wins.
    s.server.changeCell('C005', 'phone', '020-3333 4444');
    await editButton(page, 'phone').click();
    await page.locator('[data-field="phone"] input').fill('020-5555 6666');
    await page.keyboard.press('Enter');
    await waitText(page, '[data-field="phone"] .conflict .current', '020-3333 4444');
    await page.keyboard.press('Enter');
    await until(async () => ((await fieldText(page, 'phone').textContent()) ?? '').includes('020-5555 6666'), 'mine not applied');
    expect(s.server.callsOf('kehuEditField').map((c) => c.arg)).toEqual([
      { id: 'C005', row: 6, field: 'phone', expected: '020-8888 1234', value: '020-1111 2222' },
      { id: 'C005', row: 6, field: 'phone', expected: '020-8888 9999', value: '020-1111 2222' },
      { id: 'C005', row: 6, field: 'phone', expected: '020-1111 2222', value: '020-5555 6666' },
      { id: 'C005', row: 6, field: 'phone', expected: '020-3333 4444', value: '020-5555 6666' },
    ]);
    expect(s.server.customer('C005').cells.phone).toBe('020-5555 6666');
    expectClean(s);
  });

  test("a failed save shows the server's sentence in the form", async () => {
    const server = zhServer();
    server.failWith = (name) => (name === 'kehuEditField' ? '另一个操作正在进行，请稍后再试。' : null);
    const s = await openSidebar(server);
    await waitCard(s.page, 'C001');
    await editButton(s.page, 'contact').click();
    await s.page.locator('[data-field="contact"] input').fill('王建华');
    await s.page.keyboard.press('Enter');
    await waitText(s.page, '[data-field="contact"] .error:not([hidden])', '未保存：另一个操作正在进行，请稍后再试。');
    expect(await s.page.locator('[data-field="contact"] input').isEnabled()).toBe(true);
    expectClean(s);
  });
});

describe('safety and reach', () => {
  test('markup and script in the sheet are shown as text and nothing runs', async () => {
    const s = await openSidebar(zhServer({ id: 'C666' }));
    const page = s.page;
    await waitCard(page, 'C666');
    expect(await textOf(page, '#card-name')).toBe(PAYLOAD.name);
    expect(await textOf(page, '#card-notes')).toBe(PAYLOAD.notes);
    expect(await fieldText(page, 'contact').textContent()).toContain(PAYLOAD.contact);
    expect(await textOf(page, '.part-flags')).toContain(PAYLOAD.flag);
    expect(await textOf(page, '.part-class')).toContain(PAYLOAD.segment);
    expect(await textOf(page, '.part-complete')).toBe('档案完整度客户表中没有插件认识的档案列。');
    // Hover and click where an injected element would have listened.
    await fieldText(page, 'contact').hover();
    await page.locator('.part-rep p').click();
    await page.locator('#card-name').click();
    // Search shows the same name as text.
    await page.locator('#search-input').focus();
    await page.keyboard.type('<img');
    await waitText(page, '#search-results .r-name', PAYLOAD.name);
    await new Promise((r) => setTimeout(r, 300));

    const found = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected: document.querySelectorAll('body img, body iframe, body marquee, body a, body b, body i, body u, body style, [onerror], [onload], [onclick], [onmouseover]').length,
      scripts: document.scripts.length,
      styles: document.querySelectorAll('style').length,
      bodyShown: getComputedStyle(document.body).display !== 'none',
    }));
    expect(found).toEqual({ pwned: undefined, injected: 0, scripts: 1, styles: 1, bodyShown: true });
    await page.keyboard.press('Escape');
    await expectFits(page);
    await shot(page, 'payload');
    expectClean(s);
  });

  test('the mock keeps Apps Script rules: Dates and functions are refused, private names absent', async () => {
    const s = await openSidebar(zhServer());
    await waitCard(s.page, 'C001');
    const answers = await s.page.evaluate(() => {
      const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => void> } } }).google.script.run;
      const attempt = (f: () => void): string => {
        try {
          f();
          return 'sent';
        } catch (e) {
          return (e as Error).message;
        }
      };
      return {
        date: attempt(() => run.kehuSearch(new Date())),
        nested: attempt(() => run.kehuOpenCard({ mode: 'id', id: 'C001', when: [new Date()] })),
        fn: attempt(() => run.kehuSearch(() => 1)),
        unknown: typeof run.kehuSecret_,
      };
    });
    expect(answers).toEqual({
      date: 'Failed due to illegal value in property: 0',
      nested: 'Failed due to illegal value in property: 0.when.0',
      fn: 'Failed due to illegal value in property: 0',
      unknown: 'undefined',
    });
    expect(s.server.calls.map((c) => c.name).sort()).toEqual(['kehuCustomerList', 'kehuOpenCard']);
    expectClean(s);
  });

  test('everything is reachable by Tab with a visible focus ring', async () => {
    const s = await openSidebar(zhServer());
    const page = s.page;
    await waitCard(page, 'C001');
    await page.locator('#search-input').focus();
    const seen: { name: string; ring: boolean }[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const now = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const style = getComputedStyle(a);
        return { name: a.dataset.focus || a.id || a.tagName, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 };
      });
      if (now.name === 'search-input' || now.name === 'BODY') break;
      seen.push(now);
    }
    const names = seen.map((x) => x.name);
    expect(names).toEqual(expect.arrayContaining(['log:visit', 'log:call', 'log:complaint', 'edit:notes', 'edit:phone', 'edit:email', 'edit:birthday', 'edit:creditLimit', 'reveal:bankAccount']));
    expect(seen.filter((x) => !x.ring)).toEqual([]);
    expectClean(s);
  });

  test('fits a 300 px sidebar with a scrollbar (280 px of content) without sideways scrolling', async () => {
    for (const id of ['C001', 'C004', 'C666']) {
      const s = await openSidebar(zhServer({ id }), 'zh-CN', 280);
      await waitCard(s.page, id);
      await s.page.locator('button[data-focus="log:complaint"]').click();
      await editButton(s.page, 'phone').click();
      await expectFits(s.page);
      expectClean(s);
    }
  });
});
