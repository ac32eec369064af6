/**
 * The cost model in the fakes: one table gives each kind of call a modeled cost (with its
 * source), the fakes add it up beside the call counts, and the modeled clock lets a run's time
 * budget see Apps Script's time instead of Node's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { COST_TABLE, costRowOf, createGasFakes, DEFAULT_ROW, ManualClock, SOURCES } from '../tools/gas/fakes';
import { sampleFile } from './support/automation';

/** The modeled ms the table gives one call moving `units` (cells, characters). */
const priced = (name: string, units = 0): number => {
  const row = costRowOf(name);
  return row.ms + (row.perUnitMs ?? 0) * units;
};

describe('the cost table', () => {
  it('names a known source for every row, and why for every figure that is not a source\'s own', () => {
    for (const row of [...COST_TABLE, DEFAULT_ROW]) {
      expect(SOURCES[row.source]).toEqual(expect.any(String));
      if (row.source === 'assumed') expect(row.note).toEqual(expect.stringMatching(/\w{4}/));
      expect(row.ms).toBeGreaterThanOrEqual(0);
      if (row.perUnitMs) expect(row.size).toBeDefined();
    }
  });

  it('prices each call name in one row at most', () => {
    const seen = new Map<string, string>();
    for (const row of COST_TABLE) {
      for (const name of row.calls) {
        expect([name, seen.get(name)]).toEqual([name, undefined]);
        seen.set(name, row.kind);
      }
    }
  });

  it('uses the published figures where there are some', () => {
    expect(costRowOf('Properties.getProperty')).toMatchObject({ ms: 30, source: 'ziritione' });
    expect(costRowOf('Properties.setProperty')).toMatchObject({ ms: 60, source: 'ziritione' });
    expect(costRowOf('Cache.put')).toMatchObject({ ms: 90, source: 'ziritione' });
    expect(costRowOf('Sheet.getLastRow')).toMatchObject({ ms: 160, source: 'bugbugnow' });
    const flush = costRowOf('SpreadsheetApp.flush');
    expect(flush.source).toBe('flush');
    expect(flush.ms).toBeGreaterThanOrEqual(300);
    expect(flush.ms).toBeLessThanOrEqual(600);
    // A 4,000-cell write: tens of ms, as measured (under 50 ms) give or take the model's round trip.
    expect(priced('Range.setValues', 4000)).toBeGreaterThan(40);
    expect(priced('Range.setValues', 4000)).toBeLessThan(100);
  });

  it('is the table docs/cost-model.md shows, figure for figure', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../docs/cost-model.md'), 'utf8');
    const lines = doc.slice(doc.indexOf('## The table')).split('\n');
    for (const row of [...COST_TABLE, DEFAULT_ROW]) {
      const line = lines.find((l) => l.startsWith(`| ${row.kind} | `));
      expect([row.kind, line]).toEqual([row.kind, expect.stringContaining(`| ${row.ms} | `)]);
      expect(line).toContain(`| ${row.source} | `);
      if (row.perUnitMs) expect(line).toContain(`${row.perUnitMs * 1000} µs a `);
    }
  });

  it('prices every call the add-on makes by a row of its own (a new kind of call needs a figure)', () => {
    const b = sampleFile({ customers: 24 });
    const names = new Set<string>();
    const seen = (run: ReturnType<typeof b.next>) => run.fakes.callLog().forEach((n) => names.add(n));
    let run = b.next();
    expect(run.run('runDailyAutomation', { ui: false }).ok).toBe(true);
    seen(run);
    run = b.next();
    run.fakes.select(run.fakes.cellCount().sheets[0].name, 'B3');
    expect(run.run('kehuOpenCard', { ui: true, args: [{ mode: 'selection' }] }).ok).toBe(true);
    seen(run);
    for (const fn of ['checkThisFile', 'buildVisitSchedule', 'openSettings']) {
      run = b.next();
      expect(run.run(fn, { ui: true }).ok).toBe(true);
      seen(run);
    }
    expect(names.size).toBeGreaterThan(30);
    expect([...names].filter((n) => costRowOf(n) === DEFAULT_ROW)).toEqual([]);
  });

  it("prices a call without a row of its own as its service's, else as one round trip", () => {
    expect(costRowOf('Sheet.getSheetId').kind).toBe('sheet metadata');
    expect(costRowOf('Nothing.here')).toBe(DEFAULT_ROW);
    expect(DEFAULT_ROW.ms).toBeGreaterThan(0);
  });
});

describe('the fakes add up modeled time beside the counts', () => {
  const rows = Array.from({ length: 200 }, (_, i) => [`KH${i}`, i, 'x', i * 2]);

  it('charges a read a round trip plus each cell read, a write each cell written', () => {
    const f = createGasFakes({ sheets: { S: rows } });
    const sheet = f.spreadsheet.getSheetByName('S')!;
    f.resetModeled();
    const values = sheet.getRange(1, 1, 200, 4).getValues();
    expect(values.length).toBe(200);
    const read = f.modeled();
    expect(read.ms).toBeCloseTo(priced('Sheet.getRange') + priced('Range.getValues', 800), 6);
    expect(read.byKind['range read']).toEqual({ calls: 1, ms: priced('Range.getValues', 800), cells: 800, chars: 0 });

    f.resetModeled();
    sheet.getRange(1, 1, 50, 4).setValues(values.slice(0, 50));
    sheet.getRange(1, 1, 10, 3).clearContent(); // a fill counts its range's cells
    const write = f.modeled().byKind['range write'];
    expect(write.cells).toBe(200 + 30);
    expect(write.ms).toBeCloseTo(priced('Range.setValues', 200) + priced('Range.clearContent', 30), 6);
  });

  it('charges the cache and the property stores per character moved', () => {
    const f = createGasFakes();
    const cache = (f.globals.CacheService as { getScriptCache(): { put(k: string, v: string): void; get(k: string): string | null } }).getScriptCache();
    const props = (f.globals.PropertiesService as { getDocumentProperties(): { setProperty(k: string, v: string): void; getProperty(k: string): string | null } }).getDocumentProperties();
    f.resetModeled();
    const text = 'x'.repeat(50_000);
    cache.put('k', text);
    expect(cache.get('k')).toBe(text);
    props.setProperty('p', 'abc');
    expect(props.getProperty('p')).toBe('abc');
    const m = f.modeled();
    expect(m.byKind['cache put']).toEqual({ calls: 1, ms: priced('Cache.put', 50_001), cells: 0, chars: 50_001 });
    expect(m.byKind['cache get'].chars).toBe(50_000);
    expect(m.byKind['property set'].chars).toBe(4);
    expect(m.byKind['property get']).toMatchObject({ calls: 1, chars: 3 });
    // The larger the value, the dearer the call.
    expect(m.byKind['cache put'].ms).toBeGreaterThan(costRowOf('Cache.put').ms);
    expect(m.ms).toBeCloseTo(Object.values(m.byKind).reduce((n, k) => n + k.ms, 0), 6);
  });

  it('charges a call that throws (its round trip was made) and starts again from zero when reset', () => {
    const f = createGasFakes();
    const sheet = f.spreadsheet.getSheets()[0];
    f.resetModeled();
    expect(() => sheet.getRange(1, 1, 5000, 1)).toThrow('outside the dimensions');
    expect(f.modeled().byKind.getRange.calls).toBe(1);
    f.resetModeled();
    expect(f.modeled()).toEqual({ ms: 0, byKind: {} });
  });

  it('follows per-call overrides given with the state', () => {
    const f = createGasFakes({ costs: { 'Sheet.getLastRow': 7 } });
    const sheet = f.spreadsheet.getSheets()[0];
    f.resetModeled();
    sheet.getLastRow();
    expect(f.modeled().ms).toBe(7);
  });
});

describe('the modeled clock', () => {
  it('moves the clock by each call\'s modeled time, and only the script\'s calls', () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const f = createGasFakes({ sheets: { S: [[1, 2, 3]] }, clock });
    const start = clock.now();
    const sheet = f.spreadsheet.getSheetByName('S')!;
    sheet.getLastRow();
    expect(clock.now()).toBe(start); // off by default

    f.useModeledClock();
    f.resetModeled();
    sheet.getLastRow();
    sheet.getRange(1, 1, 1, 3).getValues();
    // The clock moves by whole milliseconds, as Date.now() answers; the rest waits for the next call.
    expect(Number.isInteger(clock.now())).toBe(true);
    expect(Math.abs(clock.now() - start - f.modeled().ms)).toBeLessThan(1);
    expect(f.modeled().ms).toBeGreaterThan(150);

    // A person's edit costs the script nothing; a sleep moves the clock once, by what it asked.
    const before = clock.now();
    f.direct.spreadsheet.getSheetByName('S')!.getRange(1, 1).setValue(9);
    expect(clock.now()).toBe(before);
    (f.globals.Utilities as { sleep(ms: number): void }).sleep(1000);
    expect(clock.now() - before).toBe(1000);

    f.useModeledClock(false);
    const still = clock.now();
    sheet.getLastRow();
    expect(clock.now()).toBe(still);
  });

  it("adds Node's time between calls when asked (cpuFactor)", () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const f = createGasFakes({ clock, modeledClock: { cpuFactor: 1000 } });
    const sheet = f.spreadsheet.getSheets()[0];
    sheet.getLastRow();
    const t0 = clock.now();
    const until = Date.now() + 5;
    while (Date.now() < until) {
      // The script computing for 5 ms of Node's time.
    }
    sheet.getLastRow();
    expect(clock.now() - t0).toBeGreaterThanOrEqual(costRowOf('Sheet.getLastRow').ms + 4 * 1000);
  });

  it('needs a clock it can move', () => {
    expect(() => createGasFakes({ modeledClock: true })).toThrow('ManualClock');
  });

  it('lets a run\'s time budget see modeled time: the daily run pauses for its budget and ends in the next hourly runs', () => {
    // 24 customers make about a hundred invites. At 4 s an insert (a slow calendar, made so with
    // an override) they outrun the 240 s budget; in Node's time they take milliseconds.
    const costs = { 'Calendar.Events.insert': 4_000 };
    const modeled = sampleFile({ customers: 24 });
    modeled.fakes.useModeledClock();
    const plain = sampleFile({ customers: 24 });
    const first = modeled.next({ costs }).run('runDailyAutomation', { ui: false });
    const unhurried = plain.next({ costs }).run('runDailyAutomation', { ui: false });
    expect(first.ok && unhurried.ok).toBe(true);
    expect(JSON.stringify(unhurried.value)).toContain('"done"');
    expect(JSON.stringify(first.value)).toMatch(/暂停|paused/);
    expect(first.modeledMs).toBeGreaterThan(200_000);
    const sent = modeled.fakes.calendar.events().length;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(plain.fakes.calendar.events().length);

    // The next hourly runs continue where it stopped, until every invite is out.
    for (let hour = 0; hour < 4 && modeled.fakes.calendar.events().length < plain.fakes.calendar.events().length; hour++) {
      (modeled.state.clock as ManualClock).advanceHours(1);
      expect(modeled.next({ costs }).run('runDailyAutomation', { ui: false }).ok).toBe(true);
    }
    expect(modeled.fakes.calendar.events().map((e) => e.id)).toEqual(plain.fakes.calendar.events().map((e) => e.id));
  });
});

describe('the execution time limit', () => {
  it('stops an execution at its first call past the limit, every later call too, whatever the script catches', () => {
    const clock = new ManualClock('2026-03-02T09:00:00Z');
    const f = createGasFakes({ clock, modeledClock: true, executionLimitMs: 360_000 });
    const sheet = f.spreadsheet.getSheets()[0];
    for (let i = 0; i < 2000 && !f.wasKilled(); i++) {
      try {
        sheet.getLastRow(); // 160 ms each: 2,250 calls to six minutes
      } catch (e) {
        expect((e as Error).message).toBe('Exceeded maximum execution time');
      }
    }
    expect(f.wasKilled()).toBe(false);
    let thrown = 0;
    for (let i = 0; i < 300; i++) {
      try {
        sheet.getLastRow();
      } catch (e) {
        expect((e as Error).message).toBe('Exceeded maximum execution time');
        thrown++;
      }
    }
    expect(f.wasKilled()).toBe(true);
    // Past the limit every call throws: 2,250 calls fit in six minutes, the other 50 throw.
    expect(thrown).toBe(2300 - Math.ceil(360_000 / costRowOf('Sheet.getLastRow').ms));
    f.beginExecution();
    expect(() => sheet.getLastRow()).not.toThrow();
  });

  it('fails a bundle run that outlasts it, even when the script catches the error', () => {
    // One calendar call that hangs for 400 s: the run checks its budget between calls, so only
    // the limit stops it. The daily run catches what a step throws; Apps Script's kill is not caught.
    const b = sampleFile({ customers: 24 });
    b.fakes.useModeledClock();
    const killed = b.next({ costs: { 'Calendar.Events.insert': 400_000 }, executionLimitMs: 360_000 }).run('runDailyAutomation', { ui: false });
    expect(killed).toMatchObject({ ok: false, killed: true, error: { message: 'Exceeded maximum execution time' } });
    expect(killed.modeledMs).toBeGreaterThan(400_000);
    // The next execution is not stopped for the last one's time.
    expect(b.next({ costs: {} }).run('checkThisFile', { ui: false })).toMatchObject({ ok: true, killed: false });
  });
});

describe('the file\'s cells as Sheets counts them', () => {
  it('counts every sheet\'s max rows × max columns, used or not', () => {
    const f = createGasFakes({ sheets: { A: [[1]], B: Array.from({ length: 1500 }, () => Array(30).fill('x')) } });
    f.spreadsheet.insertSheet('C').insertRowsAfter(1000, 500);
    const count = f.cellCount();
    expect(count.sheets.map((s) => [s.name, s.rows, s.columns])).toEqual([
      ['A', 1000, 26],
      ['B', 1500, 30],
      ['C', 1500, 26],
    ]);
    expect(count.total).toBe(1000 * 26 + 1500 * 30 + 1500 * 26);
  });
});
