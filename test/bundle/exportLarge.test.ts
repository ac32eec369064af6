/**
 * The .ics export at the size the README claims (issue 11): a visit schedule over 50,000
 * customers is several MB, past Chrome's 2 MB limit for a URL, so the dialog builds the file as
 * a Blob in the page (URL.createObjectURL) instead of a data: URI. Proven in a real Chromium
 * (Debian's, through playwright-core): the dialog, in a sandboxed frame as Apps Script serves
 * it, downloads the whole file on a click, and ical.js reads every event back.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`); without it the browser test fails.
 */
import fs from 'node:fs';
import ICAL from 'ical.js';
import { chromium, type Browser } from 'playwright-core';
import { downloadDialogHtml } from '../../src/app/steps/export';
import type { CustomerDetails } from '../../src/core/calendar/events';
import { scheduleToIcs } from '../../src/core/calendar/ics';
import { DayClock, daysFromCivil } from '../../src/core/dates';
import type { ScheduleRow } from '../../src/core/model';
import { offsetMinutes, zoneOffsetMs } from '../../tools/gas/zone';
import { exec, sampleFile } from '../support/automation';

jest.setTimeout(180_000);

const CHROMIUM = '/usr/bin/chromium';
const CUSTOMERS = 50_000;
const REPS = 100;
/** Four weeks of working days, six contacts a rep a day: what 100 reps can hold for 50,000 customers. */
const WORKING_DAYS = 20;
const PER_DAY = 6;

function largeSchedule(): { rows: ScheduleRow[]; customers: Map<string, CustomerDetails> } {
  const customers = new Map<string, CustomerDetails>();
  for (let c = 1; c <= CUSTOMERS; c++) {
    const id = `KH${String(c).padStart(5, '0')}`;
    customers.set(id, { address: `江苏省苏州市工业园区星湖街 ${c} 号`, phone: `0512-6${String(c).padStart(7, '0')}`, contact: `联系人${c % 97}`, tier: c % 5 === 0 ? 'A' : c % 3 === 0 ? 'B' : 'C', flags: '' });
  }
  const rows: ScheduleRow[] = [];
  const first = daysFromCivil(2026, 11, 23);
  let c = 0;
  for (let d = 0; d < WORKING_DAYS; d++) {
    const day = first + d + 2 * Math.floor(d / 5);
    for (let r = 1; r <= REPS; r++) {
      for (let k = 0; k < PER_DAY; k++) {
        c = (c % CUSTOMERS) + 1;
        const id = `KH${String(c * 7 % CUSTOMERS + 1).padStart(5, '0')}`;
        rows.push({
          rowId: `k${d}r${r}s${k}`, day, slot: 9 * 60 + k * 75, customerId: id, customerName: `苏州客户${id}有限公司`,
          kind: k % 3 === 2 ? 'call' : 'visit', role: 'rep', person: `销售${r}`, email: `rep${r}@example.com`,
          status: 'planned', note: '', eventId: '',
        });
      }
    }
  }
  return { rows, customers };
}

function largeIcs(): { ics: string; events: number } {
  const { rows, customers } = largeSchedule();
  const tz = 'Asia/Shanghai';
  const offsetAt = (ms: number): number => offsetMinutes(zoneOffsetMs(tz, ms));
  const ics = scheduleToIcs(rows, {
    now: Date.parse('2026-11-20T09:00:00+08:00'), calendarName: '拜访计划 · 华东客户', timeZone: tz, clock: new DayClock(offsetAt), offsetAt,
    visitMinutes: 60, callMinutes: 15, spreadsheetId: 'sheet-large', spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/sheet-large/edit',
    lang: 'zh', customers,
  });
  return { ics, events: rows.length };
}

describe('the export dialog', () => {
  it('builds its link from a Blob in the page, never a data: URI', () => {
    const b = sampleFile({ customers: 40 });
    exec(b, 'buildVisitSchedule');
    expect(exec(b, 'exportVisitSchedule').ok).toBe(true);
    const html = String(b.fakes.ui.lastDialog()?.html);
    expect(html).toContain('URL.createObjectURL(new Blob([ics]');
    expect(html).not.toMatch(/data:/);
  });
});

describe('a 50,000-customer schedule in a real Chromium', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium to run the browser test.`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('downloads the whole file (> 2 MB) from the dialog\'s link, and ical.js reads every event', async () => {
    const { ics, events } = largeIcs();
    const bytes = Buffer.byteLength(ics, 'utf8');
    expect(bytes).toBeGreaterThan(2 * 1024 * 1024);
    const html = downloadDialogHtml(ics, 'kehu-拜访计划.ics', events, 'zh');
    expect(html).not.toMatch(/data:/);

    const page = await browser!.newPage({ acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // As Apps Script serves a dialog: the add-on's page in a sandboxed frame of the editor's page.
    await page.route('http://editor.test/', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><iframe id="dlg" sandbox="allow-scripts allow-forms allow-downloads allow-popups allow-modals" src="http://dialog.test/"></iframe>' }),
    );
    await page.route('http://dialog.test/', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html, headers: { 'Content-Security-Policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'" } }),
    );
    await page.goto('http://editor.test/');
    const dialog = page.frameLocator('#dlg');
    await dialog.locator('p').filter({ hasText: `共 ${events} 个日程` }).waitFor();
    expect(await dialog.locator('#download').getAttribute('href')).toMatch(/^blob:/);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('#download').click()]);
    expect(download.suggestedFilename()).toBe('kehu-拜访计划.ics');
    const got = fs.readFileSync((await download.path())!, 'utf8');
    expect(Buffer.byteLength(got, 'utf8')).toBe(bytes);
    expect(got).toBe(ics);
    const cal = new ICAL.Component(ICAL.parse(got));
    const vevents = cal.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(events);
    expect(new Set(vevents.map((v) => String(v.getFirstPropertyValue('uid')))).size).toBe(events);
    expect(errors).toEqual([]);
    await page.close();
  });
});
