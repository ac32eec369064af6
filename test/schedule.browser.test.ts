/**
 * A week of the visit plan as a team meets it (issue 10), in the playground in a real Chromium:
 * the named East China team file (`npm start -- --sample team`, today 2026-09-21, a horizon across
 * 中秋 and National Day 2026), the schedule built from the menu, checked on the page a person sees,
 * and photographed for the README (docs/images/schedule-week-*.png, refreshed when
 * KEHU_README_SHOTS=1; the test's own screenshots go to .cache/screenshots).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type StartedServer } from '../tools/start/server';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '..', '.cache', 'screenshots');
const README_SHOTS = path.resolve(__dirname, '..', 'docs', 'images');

jest.setTimeout(120_000);

let browser: Browser | undefined;
const servers: StartedServer[] = [];

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    const where = process.env.CI ? 'The CI image' : 'This machine';
    throw new Error(`${where} has no Chromium at ${CHROMIUM}; install it (apt-get update && apt-get install -y chromium fonts-noto-cjk) to run the browser test.`);
  }
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

async function open(locale: string): Promise<Page> {
  const server = await startServer({ port: 0, locale, sample: 'team' });
  servers.push(server);
  const p = await browser!.newPage({ viewport: { width: 1500, height: 760 }, deviceScaleFactor: 1 });
  p.setDefaultTimeout(15_000);
  await p.goto(server.url);
  await p.locator('#grid td').first().waitFor();
  return p;
}

async function buildSchedule(p: Page, caption: string): Promise<string> {
  await p.locator('.menu-btn').click();
  await p.getByRole('menuitem', { name: caption, exact: true }).click();
  await p.locator('#overlay:not([hidden]) .alert-text').waitFor();
  const said = (await p.locator('.alert-text').textContent()) ?? '';
  await p.locator('.dlg-ok').click();
  await p.locator('#overlay').waitFor({ state: 'hidden' });
  return said;
}

/** The shown sheet's rows as text, header first. */
async function rows(p: Page): Promise<string[][]> {
  return p.locator('#grid tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())));
}

async function shoot(p: Page, name: string): Promise<void> {
  const file = path.join(SHOTS, `${name}.png`);
  await p.screenshot({ path: file });
  if (process.env.KEHU_README_SHOTS === '1') {
    fs.mkdirSync(README_SHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(README_SHOTS, `${name}.png`));
  }
}

describe('a week of the plan, on the team file', () => {
  test('zh_CN: no contact on 中秋 or National Day, the make-up Saturday worked, joint visits and greetings shown', async () => {
    const p = await open('zh_CN');
    const said = await buildSchedule(p, '生成拜访计划');
    expect(said).toMatch(/^拜访计划已更新（2026-09-21 至 2026-10-18）：排入 \d+ 次联系（其中陪访 \d+ 次）/);
    const grid = await rows(p);
    const header = grid[0];
    const col = (h: string) => header.indexOf(h);
    expect(header.slice(0, 13)).toEqual(['日期', '时间', '客户代码', '客户名称', '区域', '方式', '事由', '角色', '人员', '同行', '邮箱', '状态', '备注']);
    const days = new Set(grid.slice(1).map((r) => r[col('日期')]).filter((d) => d !== ''));
    // 中秋 (25-27 Sep) and National Day (1-7 Oct 2026) are days off; Saturday 10 Oct is a make-up working day.
    for (const off of ['2026-09-25', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07']) expect(days.has(off)).toBe(false);
    expect(days.has('2026-10-10')).toBe(true);
    expect(days.has('2026-09-26')).toBe(false);
    // One contact per customer per day.
    const seen = new Set<string>();
    for (const r of grid.slice(1)) {
      if (r[col('日期')] === '') continue;
      const key = r[col('日期')] + '|' + r[col('客户代码')];
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(grid.some((r) => r[col('同行')] !== '')).toBe(true);
    expect(grid.some((r) => r[col('事由')].includes('中秋节问候'))).toBe(true);
    expect(grid.some((r) => r[col('事由')].includes('生日问候'))).toBe(true);
    await shoot(p, 'schedule-week-zh');
  });

  test('en_US: the same plan in English words', async () => {
    const p = await open('en_US');
    const said = await buildSchedule(p, 'Build the visit schedule');
    expect(said).toMatch(/^Visit schedule updated \(2026-09-21 to 2026-10-18\): \d+ contacts planned \(\d+ joint visits\)/);
    const grid = await rows(p);
    expect(grid[0].slice(0, 10)).toEqual(['Date', 'Time', 'Customer ID', 'Customer', 'Area', 'Kind', 'Purpose', 'Role', 'Person', 'With']);
    expect(grid.slice(1).some((r) => /^tier [ABC], /.test(r[6]))).toBe(true);
    await shoot(p, 'schedule-week-en');
  });
});
