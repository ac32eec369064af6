/**
 * Executions over the fakes: a bundle loaded with gas-local, fresh contexts on one state (the
 * next execution), the test clock inside the bundle, authorization modes, locks released when an
 * execution ends, faults that cut a run, and snapshots proving a cut run recovers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGasFakes, ManualClock, totalCalls } from '../tools/gas/fakes';
import { loadBundle, type LoadedBundle } from '../tools/gas/loadBundle';

const BUNDLE = `
function countRun() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(0)) return 'busy';
  var props = PropertiesService.getDocumentProperties();
  var n = Number(props.getProperty('runs') || 0) + 1;
  props.setProperty('runs', String(n));
  SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange(n, 1).setValue('run ' + n);
  return n; // the lock is left to the end of the execution
}
function clockNow() { return [Date.now(), new Date().getTime(), new Date(0).getTime(), new Date() instanceof Date, typeof Date()]; }
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Count', 'countRun').addItem('Sync', 'syncEvents').addToUi();
  if (e.authMode !== ScriptApp.AuthMode.NONE) PropertiesService.getDocumentProperties().setProperty('opened', String(e.authMode));
}
function install() { ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create(); }
function hourly(e) {
  PropertiesService.getDocumentProperties().setProperty('tick', e.triggerUid + ' ' + e.authMode + ' ' + e.hour);
  try { SpreadsheetApp.getUi(); } catch (err) { return err.message; }
}
function realmValues() {
  var rows = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Plan').getRange('A1:B2').getValues();
  Calendar.Events.insert({ id: 'abcdef', start: { date: '2026-03-03' }, end: { date: '2026-03-04' }, attendees: [] }, 'primary');
  var e = Calendar.Events.get('primary', 'abcdef');
  return [rows instanceof Array, rows[0] instanceof Array, e instanceof Object, e.attendees instanceof Array];
}
function thrownIsError() {
  try { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(0, 1); } catch (e) { return [e instanceof Error, e.name, e.message]; }
}
/** Idempotent: one event per row, ids derived from the row, a 409 means "already made". */
function syncEvents() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Plan');
  var rows = sheet.getDataRange().getValues();
  var ids = [];
  for (var i = 1; i < rows.length; i++) {
    var id = 'kehu' + rows[i][0];
    var day = rows[i][1];
    try {
      Calendar.Events.insert({ id: id, summary: 'Visit ' + rows[i][0], start: { dateTime: day + 'T09:00:00', timeZone: 'Asia/Shanghai' },
        end: { dateTime: day + 'T10:00:00', timeZone: 'Asia/Shanghai' }, attendees: [{ email: rows[i][2] }] }, 'primary', { sendUpdates: 'all' });
    } catch (e) {
      if (!/already exists/.test(e.message)) throw e;
    }
    ids.push([id]);
  }
  sheet.getRange(2, 4, ids.length, 1).setValues(ids);
  PropertiesService.getDocumentProperties().setProperty('synced', String(ids.length));
}
function showCard() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Card'));
}
function secret_() { return 'private'; }
function hasCalendar() { return typeof Calendar !== 'undefined'; }
`;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-runs-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), BUNDLE);
  fs.writeFileSync(path.join(dir, 'sidebar.html'), '<p>card</p>');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const plan = (): unknown[][] => [
  ['row', 'day', 'guest', 'event'],
  ['r001', '2026-03-03', 'rep@example.com', ''],
  ['r002', '2026-03-04', 'rep@example.com', ''],
  ['r003', '2026-03-05', 'manager@example.com', ''],
];

function load(extra: Parameters<typeof loadBundle>[0] = {}): LoadedBundle {
  return loadBundle({ distDir: dir, sheets: { S: [], Plan: plan() }, clock: new ManualClock('2026-03-02T01:00:00Z'), ...extra });
}

describe('the next execution', () => {
  it('is a fresh context on the same files: sheets and document properties carry over', () => {
    const first = load();
    expect(first.run('countRun')).toMatchObject({ ok: true, value: 1 });
    const second = first.next();
    expect(second.context).not.toBe(first.context);
    expect(second.run('countRun').value).toBe(2);
    const third = loadBundle({ distDir: dir, state: second.state });
    expect(third.run('countRun').value).toBe(3);
    expect(third.fakes.direct.spreadsheet.getSheetByName('S')!.getRange('A1:A3').getValues()).toEqual([['run 1'], ['run 2'], ['run 3']]);
  });

  it('releases its locks when it ends, even when its code left them held', () => {
    const a = load();
    const b = a.next();
    a.fakes.beginExecution();
    expect(a.context.countRun()).toBe(1); // holds the document lock, still running
    expect(b.run('countRun').value).toBe('busy'); // another execution meanwhile
    a.fakes.endExecution();
    expect(b.run('countRun').value).toBe(2);
  });

  it('reports each run with the calls it made, and a missing or private function as Apps Script does', () => {
    const b = load();
    const r = b.run('countRun');
    expect(r.callCount).toBe(totalCalls(r.calls));
    expect(r.calls.get('Range.setValue')).toBe(1);
    expect(b.run('nope')).toMatchObject({ ok: false, error: { message: 'Script function not found: nope' } });
    expect(b.run('secret_').error?.message).toBe('Script function not found: secret_');
  });
});

describe('the clock', () => {
  it('drives Date inside the bundle, new Date() included, and moves with Utilities.sleep', () => {
    const clock = new ManualClock('2026-03-02T01:00:00Z');
    const b = load({ clock });
    const [now, made, epoch, isDate, text] = b.context.clockNow();
    expect([now, made, epoch, isDate, text]).toEqual([clock.now(), clock.now(), 0, true, 'string']);
    (b.fakes.globals.Utilities as { sleep(ms: number): void }).sleep(1500);
    expect(b.context.clockNow()[0]).toBe(Date.parse('2026-03-02T01:00:01.500Z'));
  });

  it('leaves the real Date alone without a test clock', () => {
    const b = loadBundle({ distDir: dir });
    const [now] = b.context.clockNow();
    expect(Math.abs(now - Date.now())).toBeLessThan(5000);
  });
});

describe('custom functions', () => {
  it('run in CUSTOM_FUNCTION mode, where reads are allowed and writes refused', () => {
    const b = loadBundle({ execution: { authMode: 'CUSTOM_FUNCTION' } }); // the real bundle ($KEHU_DIST)
    expect(b.context.ABCTIER(b.realm.grid([[100], [1]]))).toEqual([['A'], ['C']]);
    const sheet = b.fakes.spreadsheet.getSheets()[0];
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(() => sheet.getRange('A1').setValue(1)).toThrow('You do not have permission to call setValue');
    expect(() => (b.fakes.globals.SpreadsheetApp as { getUi(): unknown }).getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('values handed to the bundle', () => {
  it('are its own arrays and objects, as in Apps Script', () => {
    expect(load().context.realmValues()).toEqual([true, true, true, true]);
  });
});

describe('errors thrown by the fakes', () => {
  it('are the bundle realm Errors, named as Apps Script names them', () => {
    expect(load().context.thrownIsError()).toEqual([true, 'Exception', 'The starting row of the range is too small.']);
  });
});

describe('menus, onOpen and triggers', () => {
  it('builds the menu in AuthMode.NONE without touching authorized services, then runs an item from it', () => {
    const b = load();
    expect(b.openFile('NONE')).toMatchObject({ ok: true });
    expect(b.fakes.ui.menus()[0].items.map((i) => (i.type === 'item' ? i.caption : i.type))).toEqual(['Count', 'Sync']);
    expect(b.state.documentProperties.has('opened')).toBe(false);
    expect(b.openFile('LIMITED').ok).toBe(true);
    expect(b.state.documentProperties.get('opened')).toBe('LIMITED');
    expect(b.clickMenu('Kehu', 'Count')).toMatchObject({ ok: true, value: 1 });
  });

  it('refuses authorized services in NONE with the permission wording', () => {
    const b = load();
    const r = b.run('countRun', { authMode: 'NONE' });
    expect(r.error?.message).toBe('You do not have permission to call LockService.getDocumentLock.');
    const s = b.run('syncEvents', { authMode: 'NONE' });
    expect(s.error?.message).toBe(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
  });

  it('fires due triggers as their owner, in FULL without UI, in a fresh context', () => {
    const clock = new ManualClock('2026-03-02T01:00:00Z');
    const b = load({ clock });
    expect(b.run('install').ok).toBe(true);
    expect(b.fireDueTriggers()).toEqual([]);
    clock.advanceHours(1);
    const [run] = b.fireDueTriggers();
    expect(run).toMatchObject({ ok: true, handler: 'hourly', value: 'Cannot call SpreadsheetApp.getUi() from this context.' });
    expect(b.state.documentProperties.get('tick')).toBe(`${run.uid} FULL 2`);
    expect(b.fireDueTriggers()).toEqual([]); // not due again until the next hour
    clock.advanceHours(5);
    expect(b.fireDueTriggers()).toHaveLength(1); // missed runs are skipped, not caught up
    expect(b.fakes.triggers.list()[0].runs).toBe(2);
  });

  it('shows a sidebar from the dist folder', () => {
    const b = load();
    expect(b.run('showCard').ok).toBe(true);
    expect(b.fakes.ui.lastDialog()).toMatchObject({ kind: 'sidebar', title: 'Card', html: '<p>card</p>' });
  });
});

describe('cut runs', () => {
  it('failAt makes the n-th call from now throw once, of any service, with Apps Script wording', () => {
    const f = createGasFakes({ spreadsheetId: 'doc1' });
    const props = (f.globals.PropertiesService as { getDocumentProperties(): { setProperty(k: string, v: string): unknown } }).getDocumentProperties();
    f.failAt(2);
    expect(() => f.spreadsheet.getSheets()).not.toThrow();
    expect(() => f.spreadsheet.getSheets()).toThrow('Service Spreadsheets timed out while accessing document with id doc1.');
    expect(() => f.spreadsheet.getSheets()).not.toThrow();
    f.failAt(1, 'Exceeded maximum execution time');
    expect(() => props.setProperty('k', 'v')).toThrow('Exceeded maximum execution time');
    expect(f.state.documentProperties.has('k')).toBe(false); // a "before" fault has no effect
    f.failAt(1, { when: 'after' });
    expect(() => props.setProperty('k', 'v')).toThrow("We're sorry, a server error occurred.");
    expect(f.state.documentProperties.get('k')).toBe('v'); // the server did it; the answer was lost
    expect(f.callCount()).toBe(6);
    expect(f.callLog().slice(-2)).toEqual(['Properties.setProperty', 'Properties.setProperty']);
  });

  it('a run cut at any call, then a full run, ends where one uncut run does', () => {
    const uncut = load();
    const whole = uncut.run('syncEvents');
    expect(whole.ok).toBe(true);
    const expected = uncut.fakes.snapshot();
    expect(expected.calendar['owner@example.com'].map((e) => e.id)).toEqual(['kehur001', 'kehur002', 'kehur003']);
    for (let n = 1; n <= whole.callCount; n++) {
      for (const when of ['before', 'after'] as const) {
        const cut = load();
        cut.fakes.failAt(n, { when });
        const r = cut.run('syncEvents');
        expect(r.ok).toBe(false);
        const rerun = cut.next().run('syncEvents');
        expect(rerun.ok).toBe(true);
        const got = cut.fakes.snapshot();
        // Same sheets, properties and events; mails may differ only by nothing here (409s send none).
        expect(got).toEqual(expected);
      }
    }
  });

  it('snapshots leave out named sheets and volatile fields unless asked', () => {
    const b = load();
    b.run('syncEvents');
    expect(b.fakes.snapshot({ excludeSheets: ['S'] }).sheets.map((s) => s.name)).toEqual(['Plan']);
    const plain = b.fakes.snapshot().calendar['owner@example.com'][0];
    const full = b.fakes.snapshot({ volatile: true }).calendar['owner@example.com'][0];
    expect(plain.etag).toBeUndefined();
    expect(full.etag).toMatch(/^"\d+"$/);
    expect(b.fakes.snapshot().notifications.map((n) => n.to)).toEqual(['rep@example.com', 'rep@example.com', 'manager@example.com']);
  });
});

describe('the manifest', () => {
  function withManifest(manifest: object): string {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-manifest-'));
    fs.writeFileSync(path.join(d, 'Code.js'), BUNDLE);
    fs.writeFileSync(path.join(d, 'appsscript.json'), JSON.stringify(manifest));
    return d;
  }
  const scopes = (...names: string[]) => names.map((n) => `https://www.googleapis.com/auth/${n}`);

  it('is followed on request: no Calendar without the advanced service, no call outside the scopes', () => {
    const d = withManifest({ runtimeVersion: 'V8', oauthScopes: scopes('spreadsheets.currentonly', 'script.container.ui') });
    try {
      const b = loadBundle({ distDir: d, followManifest: true, sheets: { Plan: plan() } });
      expect(b.context.hasCalendar()).toBe(false);
      expect(b.run('install').error?.message).toBe(
        'Specified permissions are not sufficient to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
      );
      expect(loadBundle({ distDir: d }).context.hasCalendar()).toBe(true); // not followed by default
      expect(b.manifest?.oauthScopes).toHaveLength(2);
    } finally {
      fs.rmSync(d, { recursive: true, force: true });
    }
  });

  it('lets the calls it covers run, with the narrowest calendar scope', () => {
    const d = withManifest({
      oauthScopes: scopes('spreadsheets.currentonly', 'script.container.ui', 'script.scriptapp', 'calendar.events.owned'),
      dependencies: { enabledAdvancedServices: [{ userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' }] },
    });
    try {
      const b = loadBundle({ distDir: d, followManifest: true, sheets: { Plan: plan() } });
      expect(b.run('install').ok).toBe(true);
      expect(b.run('syncEvents').ok).toBe(true);
      expect(b.next().context.hasCalendar()).toBe(true);
    } finally {
      fs.rmSync(d, { recursive: true, force: true });
    }
  });
});
