/**
 * The dashboard in `npm start`'s page, in a real browser (Debian's Chromium through
 * playwright-core), in both languages: the refresh menu item makes the dashboard sheet, its tab
 * shows the tables with the R x F grids coloured by their gradient rule, and the page draws the
 * three native charts over the grid (tools/start/charts.js). Screenshots go to
 * .cache/screenshots/dashboard-{zh,en}.png (a person looks at them).
 *
 * Needs /usr/bin/chromium: without it this test fails, it never skips.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type StartedServer } from '../tools/start/server';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '..', '.cache', 'screenshots');

jest.setTimeout(120_000);

let browser: Browser | undefined;
const servers: StartedServer[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`This machine has no Chromium at ${CHROMIUM}; install it (apt-get install -y chromium fonts-noto-cjk) to run the browser test.`);
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

async function until(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(what);
}

async function open(locale: string): Promise<{ page: Page; problems: string[] }> {
  const server = await startServer({ port: 0, locale });
  servers.push(server);
  const page = await browser!.newPage({ viewport: { width: 2000, height: 1900 }, deviceScaleFactor: 1 });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.setDefaultTimeout(15_000);
  await page.goto(server.url);
  await page.locator('#grid td').first().waitFor();
  return { page, problems };
}

const CASES = [
  { lang: 'zh', locale: 'zh_CN', menu: '刷新分类和提醒', sheet: 'Kehu · 仪表盘', titles: ['各类别客户数与近 12 个月销售额', '帕累托曲线：累计销售额占比', '流失风险金额最高的客户'], heat: 'R × F 客户数（R 最近购买，F 购买次数）' },
  { lang: 'en', locale: 'en_US', menu: 'Refresh classification and flags', sheet: 'Kehu · Dashboard', titles: ['Customers and 12-month revenue per segment', 'Pareto curve: cumulative share of revenue', 'Highest value at risk'], heat: 'R × F: customers (R recency, F frequency)' },
] as const;

describe.each(CASES)('the dashboard in the playground ($lang)', ({ lang, locale, menu, sheet, titles, heat }) => {
  test('the refresh makes the dashboard tab; the page draws its three charts and the coloured R x F grid', async () => {
    const { page, problems } = await open(locale);
    await page.locator('.menu-btn').click();
    await page.getByRole('menuitem', { name: menu, exact: true }).click();
    await page.locator('#overlay:not([hidden]) .alert-text').waitFor();
    expect(await page.locator('.alert-text').textContent()).toContain(lang === 'zh' ? '仪表盘已更新' : 'The dashboard is updated');
    await page.locator('.dlg-ok').click();
    await page.getByRole('tab', { name: sheet, exact: true }).click();
    await until(async () => (await page.locator('#wrap .kchart svg').count()) === 3, `three charts on ${sheet}`);

    const charts = page.locator('#wrap .kchart');
    expect(await charts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([...titles]);
    expect(await charts.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.type))).toEqual(['COLUMN', 'LINE', 'BAR']);
    // The column chart has a bar per segment and series, the line chart a path per tier, the bar chart a bar per customer at risk.
    expect(await charts.nth(0).locator('rect[height]').count()).toBeGreaterThan(9);
    expect(await charts.nth(1).locator('path[data-series]').count()).toBe(3);
    expect(await charts.nth(2).locator('rect').count()).toBeGreaterThan(5);

    // Charts float right of the tables: none covers column A..H of its rows.
    const gridBox = await page.locator('#grid tbody tr:nth-child(1) td:nth-of-type(9)').boundingBox();
    for (const box of await charts.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left))) expect(box).toBeGreaterThanOrEqual(gridBox!.x + gridBox!.width - 1);

    // The heat map's cells carry the gradient's colours: the largest count is the darkest.
    const heatRow = await page.locator('#grid tbody tr').evaluateAll((rows, title) => rows.findIndex((r) => r.querySelectorAll('td')[0]?.textContent === title), heat);
    expect(heatRow).toBeGreaterThan(0);
    const cells = await page.locator('#grid tbody tr').evaluateAll((rows, at) => {
      const out: { n: number; bg: string }[] = [];
      for (let r = at + 2; r < at + 7; r++) {
        const tds = rows[r].querySelectorAll('td');
        for (let c = 1; c <= 5; c++) out.push({ n: Number(tds[c].textContent), bg: getComputedStyle(tds[c]).backgroundColor });
      }
      return out;
    }, heatRow);
    const max = cells.reduce((a, b) => (b.n > a.n ? b : a));
    const min = cells.reduce((a, b) => (b.n < a.n ? b : a));
    expect(max.bg).toBe('rgb(87, 187, 138)');
    expect(min.bg).toBe('rgb(255, 255, 255)');

    await page.screenshot({ path: path.join(SHOTS, `dashboard-${lang}.png`), fullPage: false });
    // The lower half: value at risk and the curve's data.
    await page.locator('#wrap').evaluate((e) => e.scrollTo(0, 1250));
    await page.screenshot({ path: path.join(SHOTS, `dashboard-${lang}-lower.png`), fullPage: false });
    expect(problems).toEqual([]);
  });
});
