/**
 * `npm start`, the playground, in a real browser (Debian's Chromium through playwright-core):
 * formulas typed into the grid, each add-on menu item on the sample file and what it leaves in
 * the grid and the simulated calendar, the .ics download, and the customer card (the deployed
 * dist/Sidebar.html in the 300 px sidebar) over google.script.run to the bundle. One browser,
 * one page per language, the steps in order as a user takes them. Screenshots go to
 * .cache/screenshots/playground-*.png.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium fonts-noto-cjk`). Without it this test
 * fails, in CI and locally alike: a page nobody opened is not a tested page.
 */
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';
import { startServer, type StartedServer } from '../tools/start/server';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '..', '.cache', 'screenshots');

jest.setTimeout(120_000);

let server: StartedServer | undefined;
let browser: Browser | undefined;
let page: Page;
/** Requests for anything but the server, and script errors, of the page and its frames. */
const foreign: string[] = [];

async function openPage(s: StartedServer): Promise<Page> {
  const p = await browser!.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, deviceScaleFactor: 1 });
  p.setDefaultTimeout(10_000);
  p.on('request', (req) => {
    if (!req.url().startsWith(s.url) && !req.url().startsWith('data:')) foreign.push(req.url());
  });
  p.on('pageerror', (e) => foreign.push(`page error: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error') foreign.push(`console: ${m.text()}`);
  });
  await p.goto(s.url);
  await p.locator('#grid td').first().waitFor();
  await p.locator('.menu-btn').waitFor();
  return p;
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    const where = process.env.CI ? 'The CI image' : 'This machine';
    throw new Error(`${where} has no Chromium at ${CHROMIUM}; install it (apt-get update && apt-get install -y chromium fonts-noto-cjk) to run the browser test.`);
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([
    startServer({ port: 0 }),
    chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    }),
  ]);
  page = await openPage(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// A step that failed half-way must not leave a dialog over the page for the next one.
afterEach(async () => {
  if (page && (await page.locator('#overlay').isVisible())) await page.locator('#dlg-x').click();
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** Polls until the check holds (Playwright's web-first waiting, without @playwright/test). */
async function until(check: () => Promise<boolean>, describe: string | (() => Promise<string>), ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 40));
  }
  throw new Error(typeof describe === 'string' ? describe : await describe());
}

function cellLocator(a1: string, p = page) {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  // tr:nth-child is 1-based over tbody rows; td:nth-of-type skips the row header th.
  return p.locator(`#grid tbody tr:nth-child(${Number(m[2])}) td:nth-of-type(${col})`);
}

async function gridText(a1: string, p = page): Promise<string> {
  return (await cellLocator(a1, p).textContent()) ?? '';
}

async function waitText(locator: ReturnType<Page['locator']>, want: string | RegExp, what = 'text'): Promise<void> {
  const ok = (t: string): boolean => (typeof want === 'string' ? t.includes(want) : want.test(t));
  await until(
    async () => (await locator.count()) > 0 && ok((await locator.first().textContent()) ?? ''),
    async () => `${what}: expected ${String(want)}, got "${(await locator.count()) ? await locator.first().textContent() : '(absent)'}"`,
  );
}

/** The texts of a grid row (1-based sheet row). */
async function rowTexts(row: number, p = page): Promise<string[]> {
  return p.locator(`#grid tbody tr:nth-child(${row}) td`).allTextContents();
}

/** The column letter of a header on row 1 of the shown sheet. */
async function columnOf(header: string, p = page): Promise<string> {
  const i = (await rowTexts(1, p)).indexOf(header);
  if (i < 0) throw new Error(`no column ${header} on row 1: ${(await rowTexts(1, p)).join(' | ')}`);
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function showTab(name: string, p = page): Promise<void> {
  await p.getByRole('tab', { name, exact: true }).click();
  await until(async () => (await p.locator('#tabs button.active').textContent()) === name, `tab ${name} not shown`);
}

/** Clicks an item of the Kehu menu; resolves once the page says it finished. */
async function clickMenu(caption: string, p = page): Promise<void> {
  await p.locator('.menu-btn').click();
  await p.getByRole('menuitem', { name: caption, exact: true }).click();
  await waitText(p.locator('#status'), /已完成|finished/, `status after ${caption}`);
}

/** The alert a menu item showed: its text, then OK. */
async function readAlert(p = page): Promise<string> {
  await p.locator('#overlay:not([hidden]) .alert-text').waitFor();
  const text = (await p.locator('.alert-text').textContent()) ?? '';
  await p.locator('.dlg-ok').click();
  await p.locator('#overlay').waitFor({ state: 'hidden' });
  return text;
}

const card = (p = page): FrameLocator => p.frameLocator('#sb-frame');

async function waitCard(id: string, p = page): Promise<void> {
  await until(async () => (await card(p).locator(`article.card[data-id="${id}"] #card-id`).count()) === 1, async () => `card ${id} not shown; the sidebar says: ${await card(p).locator('body').textContent()}`);
}

async function shot(name: string, p = page): Promise<void> {
  await p.screenshot({ path: path.join(SHOTS, `playground-${name}.png`) });
}

/** Types into a cell of the shown sheet through the grid, as a user does. */
async function typeInto(a1: string, text: string, p = page): Promise<void> {
  await cellLocator(a1, p).click();
  await p.keyboard.type(text);
  await p.keyboard.press('Enter');
  await until(async () => (await gridText(a1, p)) === text, async () => `${a1} shows "${await gridText(a1, p)}", not "${text}"`);
}

// ---------------------------------------------------------------------------------------------
// The grid

describe('formulas in the grid', () => {
  test('type a QUADRANT formula and see it spill; an error shows its code and message', async () => {
    await showTab('分析');
    const summary = server!.examples.find((e) => e.kind === 'ABCSUMMARY')!;
    await cellLocator(summary.a1).waitFor({ state: 'visible' });
    expect(await gridText(summary.a1)).toBe('等级');
    expect(await page.locator('#grid td.e').count()).toBe(0);
    await cellLocator(summary.a1).click();
    expect(await page.locator('#fbar').inputValue()).toBe(summary.formula);

    const target = 'O12';
    expect(await gridText(target)).toBe('');
    await cellLocator(target).click();
    await page.keyboard.type('=QUADRANT(E12:E311, D12:D311, , , "高高,高低,低低,低高")');
    await page.keyboard.press('Enter');
    await waitText(cellLocator(target), /^(高高|高低|低低|低高)$/, target);
    const labels = new Set<string>();
    for (let row = 12; row <= 40; row++) labels.add(await gridText(`O${row}`));
    expect([...labels].every((l) => ['高高', '高低', '低低', '低高'].includes(l))).toBe(true);
    expect(labels.size).toBeGreaterThan(1);
    expect(await page.locator('#addr').textContent()).toBe('O13');

    await cellLocator('Q1').click();
    await page.keyboard.type('=ABCTIER(A1:A3)');
    await page.keyboard.press('Enter');
    await waitText(cellLocator('Q1'), '#ERROR!', 'Q1');
    await cellLocator('Q1').click();
    await waitText(page.locator('#status'), 'Q1');
    expect(await cellLocator('Q1').getAttribute('title')).toBeTruthy();
  });

  test('arrow keys move the selection and typing over a cell replaces it', async () => {
    await cellLocator('A9').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#addr').textContent()).toBe('B10');
    await page.keyboard.type('123.456');
    await page.keyboard.press('Enter');
    await waitText(cellLocator('B10'), '123.46', 'B10');
    await cellLocator('B10').click();
    expect(await page.locator('#fbar').inputValue()).toBe('123.456');
    await page.keyboard.press('Delete');
    await until(async () => (await gridText('B10')) === '', 'B10 not cleared');
  });
});

// ---------------------------------------------------------------------------------------------
// The menu

describe('the add-on menu on the sample file', () => {
  test('the menu shows the items onOpen built, in the file\'s language', async () => {
    await page.locator('.menu-btn').click();
    const items = await page.getByRole('menuitem').allTextContents();
    expect(items).toEqual(['客户卡片', '刷新分类和提醒', '生成拜访计划', '发送日历邀请', '导出日历文件 (.ics)', '设置', '开启每日自动运行', '关闭每日自动运行', '检查此文件']);
    await page.keyboard.press('Escape');
    expect(await page.locator('.menu-list').isHidden()).toBe(true);
  });

  test('刷新分类和提醒: the Kehu columns and the flags appear on the customer sheet', async () => {
    await showTab('客户');
    await clickMenu('刷新分类和提醒');
    expect(await readAlert()).toMatch(/^已为 300 位客户刷新分类和提醒：红 \d+，黄 \d+，绿 \d+。/);
    const header = await rowTexts(1);
    expect(header.slice(header.indexOf('Kehu · RFM'), header.indexOf('Kehu · RFM') + 7)).toEqual(['Kehu · RFM', 'Kehu · 类别', 'Kehu · ABC', 'Kehu · 象限', 'Kehu · 变动', 'Kehu · 状态', 'Kehu · 提醒']);
    // The first customer over its credit limit shows the flag with both amounts.
    const [limit, owed, flags, status] = await Promise.all(['销售限额', '应收余额', 'Kehu · 提醒', 'Kehu · 状态'].map((h) => columnOf(h)));
    let found = 0;
    for (let row = 2; row <= 301 && !found; row++) {
      if (Number(await gridText(`${owed}${row}`)) > Number(await gridText(`${limit}${row}`))) found = row;
    }
    expect(found).toBeGreaterThan(0);
    expect(await gridText(`${flags}${found}`)).toContain(`应收余额 ${Number(await gridText(`${owed}${found}`)).toLocaleString('en-US')} 超过销售限额`);
    expect(await gridText(`${status}${found}`)).toBe('红');
    // Its own sheets appear as tabs; the hidden customer state does not.
    const tabs = await page.locator('#tabs button').allTextContents();
    expect(tabs).toEqual(expect.arrayContaining(['设置', 'Kehu · 日志']));
    expect(tabs).not.toContain('Kehu · 客户状态');
    await cellLocator(`${flags}${found}`).click();
    await shot('zh-refresh');
  });

  test('生成拜访计划: the 拜访计划 sheet opens with dated visits for the team', async () => {
    await clickMenu('生成拜访计划');
    expect(await readAlert()).toMatch(/^拜访计划已更新（2026-\d\d-\d\d 至 2026-\d\d-\d\d）：排入 \d+ 次联系（其中陪访 \d+ 次）/);
    await until(async () => (await page.locator('#tabs button.active').textContent()) === '拜访计划', 'the schedule is not shown');
    expect((await rowTexts(1)).slice(0, 10)).toEqual(['日期', '时间', '客户代码', '客户名称', '区域', '方式', '事由', '角色', '人员', '同行']);
    expect(await gridText('A2')).toMatch(/^2026-1[12]-\d\d$/);
    expect(await gridText('B2')).toMatch(/^\d\d:\d\d$/);
    expect(await gridText('G2')).toMatch(/类，/);
    expect(['陈志明', '林晓东', '黄丽华', '赵国庆', '周文斌', '梁春梅', '徐建国', '何海燕', '孙永刚', '罗秀英', '郑志强', '王建华']).toContain(await gridText('I2'));
    await shot('zh-schedule');
  });

  test('发送日历邀请: asks first ("No" sends nothing), then the calendar panel lists the events and the invitations, per person', async () => {
    const ask = async () => {
      await page.locator('.menu-btn').click();
      await page.getByRole('menuitem', { name: '发送日历邀请', exact: true }).click();
      await page.locator('#overlay:not([hidden]) .dlg-no').waitFor();
      return (await page.locator('.alert-text').textContent()) ?? '';
    };
    const question = await ask();
    expect(question).toMatch(/新建 \d+/);
    await page.locator('.dlg-no').click();
    await waitText(page.locator('#status'), /已完成/, 'status after No');
    expect(await readAlert()).toMatch(/没有发送|未发送/);
    await page.getByRole('tab', { name: '日历（模拟）' }).click();
    await waitText(page.locator('#calendar .cal-summary'), /^0 个日程/, 'nothing sent after No');
    await showTab('拜访计划');
    await ask();
    await page.locator('.dlg-ok').click();
    await waitText(page.locator('#status'), /已完成/, 'status after Yes');
    const said = await readAlert();
    const created = Number(/^日历邀请：新建 (\d+)/.exec(said)?.[1]);
    expect(created).toBeGreaterThan(100);
    await page.getByRole('tab', { name: '日历（模拟）' }).click();
    await waitText(page.locator('#calendar .cal-summary'), `${created} 个日程`, 'calendar summary');
    const people = page.locator('#calendar .cal-person');
    expect(await people.count()).toBe(12);
    const chen = page.locator('#calendar .cal-person[data-email="chen.zhiming@example.com"]');
    await waitText(chen.locator('summary'), /陈志明 chen\.zhiming@example\.com \d+ 个日程 · 邀请 \d+ 封/, 'a rep');
    const first = chen.locator('.cal-events li').first();
    await first.waitFor();
    expect(await first.textContent()).toMatch(/^2026-1[12]-\d\d \d\d:\d\d(拜访|电话|陪访) .+ \(KH\d{4}\)$/);
    await shot('zh-calendar');
  });

  test('导出日历文件: the dialog\'s link downloads an .ics file that ical.js reads', async () => {
    await showTab('客户');
    await clickMenu('导出日历文件 (.ics)');
    const dialog = page.frameLocator('#dlg-body iframe');
    await waitText(dialog.locator('p'), /^共 \d+ 个日程/, 'export dialog');
    const count = Number(/共 (\d+) 个/.exec((await dialog.locator('p').textContent()) ?? '')![1]);
    await shot('zh-export');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('#download').click()]);
    expect(download.suggestedFilename()).toBe('kehu-拜访计划.ics');
    const ics = fs.readFileSync((await download.path())!, 'utf8');
    const cal = new ICAL.Component(ICAL.parse(ics));
    ICAL.TimezoneService.reset();
    for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(count);
    expect(new Set(events.map((e) => e.uid)).size).toBe(count);
    expect(events[0].startDate.zone?.tzid).toBe('Asia/Shanghai');
    expect(events.some((e) => /^(拜访|电话) .+ \(KH\d{4}\)$/.test(e.summary))).toBe(true);
    await page.locator('#dlg-x').click();
    await page.locator('#overlay').waitFor({ state: 'hidden' });
  });
});

// ---------------------------------------------------------------------------------------------
// The customer card

describe('the customer card', () => {
  test('select a row and open its card: the sidebar shows that customer', async () => {
    await showTab('客户');
    await cellLocator('F5').click();
    await clickMenu('客户卡片');
    await page.locator('#sidebar').waitFor();
    expect(await page.locator('#sb-title').textContent()).toBe('客户卡片');
    expect((await page.locator('#sidebar').boundingBox())!.width).toBe(300);
    await waitCard('KH0004');
    expect(await card().locator('#card-id').textContent()).toBe('KH0004');
    expect(await card().locator('#card-name').textContent()).toBe('杭州利民超市有限公司');
    await shot('zh-card');
  });

  test("the card frame's google.script.run keeps Apps Script's rules", async () => {
    const frame = page.frame({ url: /\/ui\/\d+$/ })!;
    const seen = await frame.evaluate(async () => {
      const run = (window as unknown as { google: { script: { run: Record<string, any> } } }).google.script.run;
      const refused = (f: () => void): string => {
        try {
          f();
          return 'sent';
        } catch (e) {
          return (e as Error).message;
        }
      };
      const reply = (name: string, arg: unknown): Promise<unknown> =>
        new Promise((resolve) => run.withSuccessHandler((v: unknown) => resolve({ ok: v })).withFailureHandler((e: Error) => resolve({ failed: e.message }))[name](arg));
      return {
        date: refused(() => run.kehuSearch(new Date())),
        nested: refused(() => run.kehuSearch({ at: [1, new Date()] })),
        fn: refused(() => run.kehuSearch(() => 1)),
        node: refused(() => run.kehuSearch({ el: document.body })),
        offered: [typeof run.kehuSearch, typeof run.kehuSearch_, typeof run.SpreadsheetApp],
        found: await reply('kehuSearch', '周记粮油'),
        failed: await reply('kehuOpenCard', { mode: 1 }),
      };
    });
    expect(seen.date).toBe('Failed due to illegal value in property: 0');
    expect(seen.nested).toBe('Failed due to illegal value in property: 0.at.1');
    expect(seen.fn).toBe('Failed due to illegal value in property: 0');
    expect(seen.node).toBe('Failed due to illegal value in property: 0.el');
    expect(seen.offered).toEqual(['function', 'undefined', 'undefined']);
    expect(seen.found).toMatchObject({ ok: { results: [expect.objectContaining({ id: 'KH0001', name: '周记粮油店' })] } });
    const said = server!.playground.runScript('kehuOpenCard', JSON.stringify([{ mode: 1 }]));
    expect(said.ok).toBe(false);
    expect(seen.failed).toEqual({ failed: (said as { message: string }).message });
  });

  test('search a customer by name and by phone', async () => {
    const search = card().locator('#search-input');
    await search.fill('周记粮油');
    await waitText(card().locator('#search-results .r-name'), '周记粮油店', 'search by name');
    const phone = await gridText(`${await columnOf('电话号码')}2`); // KH0001's
    await search.fill(phone.replace(/-/g, '').slice(-8));
    await waitText(card().locator('#search-results .r-name'), '周记粮油店', 'search by phone');
    await card().locator('#search-results button.result').first().click();
    await waitCard('KH0001');
    expect(await card().locator('#card-name').textContent()).toBe('周记粮油店');
  });

  test('log a visit: it shows on the card and in the contacts sheet', async () => {
    const note = '试吃新品，约定下周报价。';
    await card().locator('button[data-focus="log:visit"]').click();
    const form = card().locator('form.log');
    await form.waitFor();
    await form.getByLabel('内容').fill(note);
    await form.getByRole('button', { name: '保存' }).click();
    await waitText(card().locator('#status'), '已为周记粮油店记录拜访。', 'card status');
    await waitText(card().locator('.part-contacts li').first(), note, 'last contacts');
    await showTab('联系记录');
    await until(async () => (await page.locator('#grid tbody tr').filter({ hasText: note }).count()) === 1, 'the visit is not in the contacts sheet');
    const logged = page.locator('#grid tbody tr').filter({ hasText: note });
    const row = await logged.locator('td').allTextContents();
    expect(row.slice(0, 3)).toEqual(['2026-11-20', 'KH0001', '拜访']);
    await logged.locator('td').nth(4).click();
    await shot('zh-logged');
  });

  test('edit a field: the card and the grid show the new value', async () => {
    await showTab('客户');
    const contact = await columnOf('联系人');
    await card().locator('[data-field="contact"] button[data-focus="edit:contact"]').click();
    await card().locator('[data-field="contact"] form.edit input').fill('周小丽');
    await page.keyboard.press('Enter');
    await waitText(card().locator('#status'), '联系人已保存。', 'card status');
    await waitText(card().locator('[data-field="contact"] dd'), '周小丽', 'card field');
    await until(async () => (await gridText(`${contact}2`)) === '周小丽', 'the grid still shows the old contact');
  });

  test('a conflicting edit is refused with the current value shown', async () => {
    const phone = await columnOf('电话号码');
    // Someone changes the cell in the grid after the card read it…
    await typeInto(`${phone}2`, '186-0000-1111');
    // …then the card's edit of that field is refused, showing what the cell holds now.
    await card().locator('[data-field="phone"] button[data-focus="edit:phone"]').click();
    await card().locator('[data-field="phone"] form.edit input').fill('137-2222-3333');
    await page.keyboard.press('Enter');
    await waitText(card().locator('[data-field="phone"] .conflict'), '客户卡读取之后，这个单元格已被修改。表格中现在是：', 'conflict');
    expect(await card().locator('[data-field="phone"] .conflict .current').textContent()).toBe('186-0000-1111');
    expect(await gridText(`${phone}2`)).toBe('186-0000-1111');
    await shot('zh-conflict');
  });

  test('a customer whose name and notes hold markup and script is shown as text, and nothing runs', async () => {
    const name = '<img src=x onerror="window.__pwned=1">郑记';
    const notes = '<script>window.__pwned=2</script><svg onload="window.__pwned=3"></svg><b>粗</b>';
    const contact = '<b onmouseover="window.__pwned=5">hover</b>';
    const [nameCol, notesCol, contactCol] = await Promise.all(['名称', '备注', '联系人'].map((h) => columnOf(h)));
    await typeInto(`${nameCol}10`, name);
    await typeInto(`${notesCol}10`, notes);
    await typeInto(`${contactCol}10`, contact);
    expect(await page.locator('#grid img, #grid script, #grid svg').count()).toBe(0);
    // Opened from its row (the card's search list is cached by the add-on for up to ten
    // minutes, so it would still show the old name).
    await cellLocator(`${notesCol}10`).click();
    await clickMenu('客户卡片');
    await waitCard('KH0009');
    expect(await card().locator('#card-name').textContent()).toBe(name);
    expect(await card().locator('#card-notes').textContent()).toBe(notes);
    await card().locator('[data-field="contact"] dd').hover();
    await card().locator('#card-name').click();
    const frame = page.frame({ url: /\/ui\/\d+$/ })!;
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await frame.locator('article.card img, article.card script, article.card b, article.card svg:not([role=img])').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await cellLocator(`${nameCol}10`).click();
    await shot('zh-markup');
    expect(foreign).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// English

describe('in English (--locale en_US)', () => {
  let en: StartedServer | undefined;
  let p: Page;
  afterAll(async () => {
    await p?.close();
    await en?.close();
  });

  test('the menu, a refresh and the card speak English', async () => {
    en = await startServer({ port: 0, locale: 'en_US' });
    p = await openPage(en);
    await p.locator('.menu-btn').click();
    expect(await p.getByRole('menuitem').allTextContents()).toEqual([
      'Customer card', 'Refresh classification and flags', 'Build the visit schedule', 'Send calendar invites', 'Export the schedule (.ics)', 'Settings', 'Turn daily automation on', 'Turn daily automation off', 'Check this file',
    ]);
    await p.keyboard.press('Escape');
    await clickMenu('Refresh classification and flags', p);
    expect(await readAlert(p)).toMatch(/^Classification and flags refreshed for 300 customers: \d+ red/);
    expect(await rowTexts(1, p)).toEqual(expect.arrayContaining(['Kehu · Status', 'Kehu · Flags']));
    await cellLocator(`${await columnOf('Kehu · Flags', p)}3`, p).click();
    await shot('en-refresh', p);
    await cellLocator('C5', p).click();
    await clickMenu('Customer card', p);
    await waitCard('KH0004', p);
    // The English sample's own names: no Chinese in an English file.
    expect(await card(p).locator('#card-name').textContent()).toMatch(/^[\x20-\x7e]+$/);
    expect(await card(p).locator('.part-notes h2').textContent()).toBe('Notes');
    expect(await card(p).locator('html').getAttribute('lang')).toBe('en');
    await shot('en-card', p);
    expect(foreign).toEqual([]);
  });
});
