/**
 * The `npm start` page in a real browser (Debian's Chromium through playwright-core): the tabs,
 * the example results, and typing a formula into a cell that then spills into the grid.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`). Without it this test fails, in CI
 * and locally alike: a page nobody opened is not a tested page.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type StartedServer } from '../tools/start/server';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/kehu-start.png';

jest.setTimeout(120_000);

let server: StartedServer | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    const where = process.env.CI ? 'The CI image' : 'This machine';
    throw new Error(`${where} has no Chromium at ${CHROMIUM}; install it (apt-get update && apt-get install -y chromium) to run the browser test.`);
  }
  server = await startServer({ port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // The page must be self-contained: any request elsewhere fails the test.
  const foreign: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(server!.url)) foreign.push(req.url());
  });
  page.on('pageerror', (e) => foreign.push(`page error: ${e.message}`));
  (page as unknown as { foreign: string[] }).foreign = foreign;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The text the grid shows at an A1 address (row header column and header row excluded). */
async function gridText(a1: string): Promise<string> {
  return (await cellLocator(a1).textContent()) ?? '';
}

function cellLocator(a1: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  // tr:nth-child is 1-based over tbody rows; td:nth-of-type skips the row header th.
  return page.locator(`#grid tbody tr:nth-child(${Number(m[2])}) td:nth-of-type(${col})`);
}

test('open the page, see the examples, type a QUADRANT formula and see it spill', async () => {
  await page.goto(server!.url);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect_(page.locator('#tabs button.active')).toHaveText('Analysis');

  // An example result is visible: ABCSUMMARY's header and its tier A row.
  const summary = server!.examples.find((e) => e.kind === 'ABCSUMMARY')!;
  await cellLocator(summary.a1).waitFor({ state: 'visible' });
  expect(await gridText(summary.a1)).toBe('等级');
  expect(await page.locator('#grid td.e').count()).toBe(0);

  // Select it: the formula bar shows the formula.
  await cellLocator(summary.a1).click();
  await expect_(page.locator('#fbar')).toHaveValue(summary.formula);
  await expect_(page.locator('#addr')).toHaveText(summary.a1);

  // Type a formula into an empty cell next to the RFM table: amounts (E) × orders (D).
  const target = 'O12';
  expect(await gridText(target)).toBe('');
  await cellLocator(target).click();
  await page.keyboard.type('=QUADRANT(E12:E311, D12:D311, , , "高高,高低,低低,低高")');
  await page.keyboard.press('Enter');

  await expect_(cellLocator(target)).toHaveText(/^(高高|高低|低低|低高)$/);
  const labels = new Set<string>();
  for (let row = 12; row <= 40; row++) labels.add(await gridText(`O${row}`));
  expect([...labels].every((l) => ['高高', '高低', '低低', '低高'].includes(l))).toBe(true);
  expect(labels.size).toBeGreaterThan(1);
  // Enter moved the selection down; the formula stays on the cell it was typed into.
  await expect_(page.locator('#addr')).toHaveText('O13');
  await cellLocator(target).click();
  await expect_(page.locator('#fbar')).toHaveValue('=QUADRANT(E12:E311, D12:D311, , , "高高,高低,低低,低高")');

  // An error shows its code in the cell and its message in the status line.
  await cellLocator('Q1').click();
  await page.keyboard.type('=ABCTIER(A1:A3)');
  await page.keyboard.press('Enter');
  await expect_(cellLocator('Q1')).toHaveText('#ERROR!');
  await cellLocator('Q1').click();
  await expect_(page.locator('#status')).toContainText('Q1');
  expect(await cellLocator('Q1').getAttribute('title')).toBeTruthy();

  await cellLocator(summary.a1).click();
  await page.screenshot({ path: SCREENSHOT });
  expect((page as unknown as { foreign: string[] }).foreign).toEqual([]);
});

test('arrow keys move the selection and typing over a cell replaces it', async () => {
  await cellLocator('A9').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect_(page.locator('#addr')).toHaveText('B10');
  await page.keyboard.type('123.456');
  await page.keyboard.press('Enter');
  await expect_(cellLocator('B10')).toHaveText('123.46');
  await cellLocator('B10').click();
  await expect_(page.locator('#fbar')).toHaveValue('123.456');
  await page.keyboard.press('Delete');
  await expect_(cellLocator('B10')).toHaveText('');
});

// Playwright's web-first assertions, without @playwright/test: poll until the condition holds.
function expect_(locator: ReturnType<Page['locator']>) {
  const poll = async (check: () => Promise<boolean>, describe: () => Promise<string>): Promise<void> => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(await describe());
  };
  return {
    toHaveText: (want: string | RegExp) =>
      poll(
        async () => {
          const text = (await locator.textContent()) ?? '';
          return typeof want === 'string' ? text === want : want.test(text);
        },
        async () => `expected text ${String(want)}, got "${await locator.textContent()}"`,
      ),
    toContainText: (want: string) =>
      poll(
        async () => ((await locator.textContent()) ?? '').includes(want),
        async () => `expected text containing ${want}, got "${await locator.textContent()}"`,
      ),
    toHaveValue: (want: string) =>
      poll(
        async () => (await locator.inputValue()) === want,
        async () => `expected value ${want}, got "${await locator.inputValue()}"`,
      ),
  };
}
