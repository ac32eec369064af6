/**
 * The HyperFormula-backed SheetStore (tools/sheets/hfStore.ts): the fake Spreadsheet a script
 * writes to and the engine a user types into are one set of cells, with Sheets' rules on what a
 * written value becomes. And the proof that it changes nothing for the add-on: the whole
 * automation run on the sample through this store leaves the same document as through the
 * fakes' own in-memory store.
 */
import { createGasFakes, ManualClock, MemorySheetStore, type FakeSpreadsheet, type GasState } from '../tools/gas/fakes';
import { loadBundle } from '../tools/gas/loadBundle';
import { zonedInstant } from '../tools/gas/zone';
import { createSheetsEngine, type SheetsEngine } from '../tools/sheets/engine';
import { createHfBook, type HfBook } from '../tools/sheets/hfStore';
import { createPlayground, type Playground } from '../tools/start/playground';

const ZONE = 'Asia/Shanghai';
const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

interface World {
  spreadsheet: FakeSpreadsheet;
  engine: SheetsEngine;
  book: HfBook;
  state: GasState;
}

const engines: SheetsEngine[] = [];
afterAll(() => engines.forEach((e) => e.destroy()));

/** A document whose sheets start as `sheets` (typed as a user types them into the engine). */
function world(sheets: Record<string, unknown[][]>): World {
  const engine = createSheetsEngine({
    sheets,
    functions: {},
    toDate: (serial) => new Date(EPOCH + serial * MS_PER_DAY),
    fromDate: (d) => ((d as Date).getTime() - EPOCH) / MS_PER_DAY,
    isDate: (v) => v instanceof Date,
    exactValues: true,
  });
  engines.push(engine);
  const book = createHfBook(ZONE);
  const f = createGasFakes({ sheets: Object.fromEntries(Object.keys(sheets).map((n) => [n, []])), createStore: book.createStore, timeZone: ZONE, locale: 'zh_CN' });
  book.attach(f.state, engine);
  return { spreadsheet: f.direct.spreadsheet, engine, book, state: f.state };
}

describe('what a script writes is what the grid holds', () => {
  test('a Date becomes a date cell of the spreadsheet zone, read back as the same instant', () => {
    const w = world({ S: [] });
    const sheet = w.spreadsheet.getSheetByName('S')!;
    const midnight = new Date('2026-03-02T00:00:00+08:00');
    const visit = new Date('2026-03-02T09:30:00+08:00');
    sheet.getRange(1, 1, 1, 2).setValues([[midnight, visit]]);
    w.book.flush();
    expect(w.engine.getDisplay('S', 'A1')).toBe('2026-03-02');
    expect(w.engine.isDateCell('S', 'A1')).toBe(true);
    expect(w.engine.getDisplay('S', 'B1')).toBe('2026-03-02 09:30:00');
    const back = sheet.getRange(1, 1, 1, 2).getValues()[0] as Date[];
    expect(back.map((d) => d.getTime())).toEqual([midnight.getTime(), visit.getTime()]);
  });

  test("strings the fake reads as typed are typed; text stays text: '007, 'TRUE, '=1+1, '2026-11", () => {
    const w = world({ S: [] });
    const sheet = w.spreadsheet.getSheetByName('S')!;
    sheet.getRange(1, 1, 2, 5).setValues([
      ['007', 'TRUE', '2026-03-05', '09:30', '12%'],
      ["'007", "'TRUE", "'=1+1", "'2026-11", "''quoted"],
    ]);
    const [typed, text] = sheet.getRange(1, 1, 2, 5).getValues();
    expect(typed.slice(0, 2)).toEqual([7, true]);
    expect((typed[2] as Date).getTime()).toBe(new Date('2026-03-05T00:00:00+08:00').getTime());
    // A time of day is a Date on Sheets' day 0 (in 1899 Shanghai kept its local mean time).
    expect((typed[3] as Date).getTime()).toBe(zonedInstant(ZONE, 1899, 12, 30, 9, 30));
    expect(typed[4]).toBe(0.12);
    expect(text).toEqual(['007', 'TRUE', '=1+1', '2026-11', "'quoted"]);
    // The grid shows the same: text cells are text, the time a time.
    expect(w.engine.getValue('S', 'A2')).toBe('007');
    expect(w.engine.getFormula('S', 'C2')).toBeUndefined();
    expect(w.engine.getDisplay('S', 'D1')).toBe('09:30:00');
  });

  test('a formula is computed by the engine, and its text is what getFormula answers', () => {
    const w = world({ S: [[21, 2]] });
    const sheet = w.spreadsheet.getSheetByName('S')!;
    sheet.getRange('C1').setValue('=A1*B1');
    expect(sheet.getRange('C1').getValue()).toBe(42);
    expect(sheet.getRange('C1').getFormula()).toBe('=A1*B1');
    expect(w.engine.getValue('S', 'C1')).toBe(42);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['', '', '=A1*B1']]);
    // An error cell reads as its code, as getValues answers in Sheets.
    sheet.getRange('D1').setValue('=1/0');
    expect(sheet.getRange('D1').getValue()).toBe('#DIV/0!');
  });

  test('a whole table written with setValues is one recalculation of the engine', () => {
    const w = world({ S: [] });
    const spy = jest.spyOn(w.engine, 'setCells');
    const rows = Array.from({ length: 200 }, (_, r) => [`C${r}`, r, r * 2, 'x', true]);
    const range = w.spreadsheet.getSheetByName('S')!.getRange(1, 1, 200, 5);
    range.setValues(rows);
    expect(spy).not.toHaveBeenCalled();
    expect(range.getValues()).toEqual(rows);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0]).toHaveLength(1000);
  });
});

describe('what a user types is what the script reads', () => {
  test('dates, numbers, formulas and text typed into the engine', () => {
    const w = world({ S: [['2024-03-05', '1200.5', '=A2+1', "'00123", 'abc']] });
    w.engine.setCell('S', 'A2', 3);
    const values = w.spreadsheet.getSheetByName('S')!.getRange(1, 1, 1, 5).getValues()[0];
    expect((values[0] as Date).getTime()).toBe(new Date('2024-03-05T00:00:00+08:00').getTime());
    expect(values.slice(1)).toEqual([1200.5, 4, '00123', 'abc']);
    expect(w.spreadsheet.getSheetByName('S')!.getRange('C1').getFormula()).toBe('=A2+1');
  });

  test('a cell typed below the last row grows the sheet the script sees', () => {
    const w = world({ S: [['a']] });
    w.engine.setCell('S', 'A1500', 'far');
    const sheet = w.spreadsheet.getSheetByName('S')!;
    expect(sheet.getMaxRows()).toBe(1500);
    expect(sheet.getLastRow()).toBe(1500);
    expect(sheet.getRange(1500, 1).getValue()).toBe('far');
  });
});

describe('sheets, rows and columns', () => {
  test('a sheet the script inserts is an engine sheet; renaming it renames the references; deleting it removes it', () => {
    const w = world({ Main: [['=Later!A1']] });
    expect(w.engine.getValue('Main', 'A1')).toMatchObject({ error: '#REF!' });
    const later = w.spreadsheet.insertSheet('Later');
    later.getRange('A1').setValue(5);
    expect(w.spreadsheet.getSheetByName('Main')!.getRange('A1').getValue()).toBe(5);
    later.setName('设置');
    w.book.reconcile();
    expect(w.engine.getSheetNames()).toEqual(['Main', '设置']);
    expect(w.engine.getFormula('Main', 'A1')).toMatch(/^='?设置'?!A1$/);
    w.spreadsheet.deleteSheet(later);
    w.book.reconcile();
    expect(w.engine.getSheetNames()).toEqual(['Main']);
    // A new sheet of the old name starts empty.
    const again = w.spreadsheet.insertSheet('设置');
    expect(again.getLastRow()).toBe(0);
    expect(w.engine.getSheetNames()).toEqual(['Main', '设置']);
  });

  test('rows and columns inserted or deleted move values, formulas and formats together', () => {
    const w = world({ S: [['h1', 'h2'], ['a', 1], ['b', 2], ['=SUM(B2:B3)', '']] });
    const sheet = w.spreadsheet.getSheetByName('S')!;
    sheet.getRange('A1:B1').setFontWeight('bold').setBackground('#ffeeaa');
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getRange('A3').getValue()).toBe('h1');
    expect(sheet.getRange('A3').getFontWeight()).toBe('bold');
    expect(sheet.getRange('B3').getBackground()).toBe('#ffeeaa');
    expect(sheet.getRange('A1').getFontWeight()).toBe('normal');
    expect(sheet.getRange('A6').getFormula()).toBe('=SUM(B4:B5)');
    expect(sheet.getRange('A6').getValue()).toBe(3);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('B3').getValue()).toBe('h1');
    expect(sheet.getRange('C3').getBackground()).toBe('#ffeeaa');
    expect(sheet.getRange('B6').getFormula()).toBe('=SUM(C4:C5)');
    sheet.deleteRows(4, 1);
    expect(sheet.getRange('B5').getFormula()).toBe('=SUM(C4:C4)');
    expect(sheet.getRange('B5').getValue()).toBe(2);
    sheet.deleteColumns(1, 1);
    expect(sheet.getRange('A3').getValue()).toBe('h1');
    expect(w.engine.getValue('S', 'A5')).toBe(2);
  });

  test('last row and column follow what holds a value or a formula, not what once did', () => {
    const w = world({ S: [['a', 'b', 'c'], ['d', '', ''], ['e', '', 'f']] });
    const sheet = w.spreadsheet.getSheetByName('S')!;
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 3]);
    sheet.getRange('C3').setValue('');
    sheet.getRange('C1').clearContent();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 2]);
    sheet.getRange('A3').setValue(null);
    expect(sheet.getLastRow()).toBe(2);
  });
});

describe('the add-on through this store', () => {
  // Both documents start from the sample as it stands in the playground (its cells as a script reads them).
  let pg: Playground;
  const clock = new ManualClock('2026-11-20T09:00:00+08:00');
  beforeAll(() => {
    pg = createPlayground({ clock });
  });
  afterAll(() => pg?.close());

  test('leaves the same document as the in-memory store: sheets, cells, formats, calendar', () => {
    const file: Record<string, unknown[][]> = {};
    for (const s of pg.state.spreadsheet.sheets) {
      const rows = s.store.lastRow();
      const cols = s.store.lastColumn();
      file[s.name] = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.store.formula(r, c) || s.store.value(r, c)));
    }
    const memory = loadBundle({ sheets: file, locale: 'zh_CN', timeZone: ZONE, userLocale: 'zh_CN', spreadsheetName: pg.state.spreadsheet.name, owner: pg.state.owner, clock: new ManualClock('2026-11-20T09:00:00+08:00'), createStore: (r, c) => new MemorySheetStore(r, c) });
    memory.next().openFile('LIMITED');
    const steps = ['flagStaleRecords', 'buildVisitSchedule', 'sendVisitInvites', 'openSettings'];
    for (const fn of steps) {
      // Yes to the invites' question, as the in-memory run's fakes answer by default.
      const hf = pg.runMenu(fn, 'YES');
      const mem = memory.next().run(fn, { authMode: 'FULL', ui: true });
      expect([fn, hf.ok, hf.error]).toEqual([fn, true, undefined]);
      expect(mem.ok).toBe(true);
    }
    // A card edit, then a person types in the grid, then the next refresh.
    pg.select('客户', 'B5');
    memory.fakes.select('客户', 'B5');
    const open = JSON.stringify([{ mode: 'selection' }]);
    const card = pg.runScript('kehuOpenCard', open) as { ok: true; value: { card: { id: string; version: string } } };
    expect(card.ok).toBe(true);
    const edit = { id: card.value.card.id, field: 'phone', expected: '135-0099-3832', value: '139-0000-1111' };
    expect(pg.runScript('kehuEditField', JSON.stringify([edit]))).toMatchObject({ ok: true, value: { ok: true } });
    expect(memory.next().run('kehuEditField', { args: [edit] }).value).toMatchObject({ ok: true });
    pg.type('客户', 'Q7', '2020-01-01');
    memory.fakes.direct.spreadsheet.getSheetByName('客户')!.getRange('Q7').setValue(new Date('2020-01-01T00:00:00+08:00'));
    expect(pg.runMenu('flagStaleRecords').ok).toBe(true);
    expect(memory.next().run('flagStaleRecords').ok).toBe(true);

    // Formula cells differ by design (the in-memory store does not compute them): the Analysis sheet is left out.
    const a = pg.state;
    const b = memory.state;
    const snap = (s: GasState) => createGasFakes({ state: s }).snapshot({ excludeSheets: ['分析'] });
    const hfSnap = snap(a);
    const memSnap = snap(b);
    expect(hfSnap.sheets.map((s) => s.name)).toEqual(memSnap.sheets.map((s) => s.name));
    for (let i = 0; i < hfSnap.sheets.length; i++) expect(hfSnap.sheets[i]).toEqual(memSnap.sheets[i]);
    expect(hfSnap.calendar).toEqual(memSnap.calendar);
    expect(hfSnap.documentProperties).toEqual(memSnap.documentProperties);
    expect(Object.values(hfSnap.calendar).flat().length).toBeGreaterThan(100);
  });

  test('with automation on, the hourly trigger runs the day\'s work when it is due', () => {
    expect(pg.runMenu('installAutomation').ok).toBe(true);
    const [trigger] = pg.calendar().triggers;
    expect(trigger).toMatchObject({ handler: 'runDailyAutomation', runs: 0, nextRun: expect.stringMatching(/^2026-11-20 1\d:\d\d$/) });
    expect(pg.tick()).toEqual([]);
    clock.advanceHours(2);
    expect(pg.tick()).toEqual([{ handler: 'runDailyAutomation', ok: true }]);
    expect(JSON.parse(pg.state.documentProperties.get('kehu.daily')!)).toMatchObject({ next: 'done' });
    expect(pg.calendar().triggers[0].runs).toBe(1);
  });
});
