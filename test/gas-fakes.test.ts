import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGasFakes, totalCalls, LIMITS, type FakeProperties, type FakeSpreadsheet } from '../tools/gas/fakes';
import { loadBundle } from '../tools/gas/loadBundle';
import { zonedInstant, zoneOffsetMs } from '../tools/gas/zone';

type Services = {
  SpreadsheetApp: { getActiveSpreadsheet(): FakeSpreadsheet; flush(): void };
  Utilities: { formatDate(d: Date, tz: string, pattern: string): string };
  PropertiesService: { getScriptProperties(): FakeProperties; getUserProperties(): FakeProperties };
  CacheService: { getScriptCache(): { get(k: string): string | null; put(k: string, v: string, s?: number): void } };
  LockService: { getDocumentLock(): Lock; getScriptLock(): Lock };
};
type Lock = { tryLock(ms: number): boolean; waitLock(ms: number): void; releaseLock(): void; hasLock(): boolean };

function services(options: Parameters<typeof createGasFakes>[0] = {}) {
  const fakes = createGasFakes(options);
  return { ...fakes, g: fakes.globals as unknown as Services };
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('zonedInstant', () => {
  it('finds local midnight across DST in New York', () => {
    expect(iso(zonedInstant('America/New_York', 2024, 3, 10))).toBe('2024-03-10T05:00:00.000Z');
    expect(iso(zonedInstant('America/New_York', 2024, 11, 3))).toBe('2024-11-03T04:00:00.000Z');
    expect(iso(zonedInstant('America/New_York', 2024, 3, 11))).toBe('2024-03-11T04:00:00.000Z');
  });

  it('finds local midnight in Shanghai', () => {
    expect(iso(zonedInstant('Asia/Shanghai', 2024, 1, 1))).toBe('2023-12-31T16:00:00.000Z');
  });

  it('handles the half-hour DST of Lord Howe Island', () => {
    expect(iso(zonedInstant('Australia/Lord_Howe', 2024, 1, 1))).toBe('2023-12-31T13:00:00.000Z'); // +11
    expect(iso(zonedInstant('Australia/Lord_Howe', 2024, 7, 1))).toBe('2024-06-30T13:30:00.000Z'); // +10:30
    // 02:00 → 02:30 on 2024-10-06: 02:15 does not exist and moves forward by the gap.
    expect(iso(zonedInstant('Australia/Lord_Howe', 2024, 10, 6, 2, 15))).toBe('2024-10-05T15:45:00.000Z');
    // 02:00 → 01:30 on 2024-04-07: 01:45 happens twice; the first (+11) is taken.
    expect(iso(zonedInstant('Australia/Lord_Howe', 2024, 4, 7, 1, 45))).toBe('2024-04-06T14:45:00.000Z');
  });

  it('takes the first of a repeated wall time and skips forward over a gap', () => {
    expect(iso(zonedInstant('America/New_York', 2024, 11, 3, 1, 30))).toBe('2024-11-03T05:30:00.000Z'); // EDT
    expect(iso(zonedInstant('America/New_York', 2024, 3, 10, 2, 30))).toBe('2024-03-10T07:30:00.000Z'); // 03:30 EDT
    // Santiago skips midnight itself (00:00 → 01:00 on 2024-09-08): the day starts at 01:00 -03.
    expect(iso(zonedInstant('America/Santiago', 2024, 9, 8))).toBe('2024-09-08T04:00:00.000Z');
  });

  it('rolls over out-of-range fields like DATE()', () => {
    expect(zonedInstant('Asia/Shanghai', 2024, 1, 32)).toBe(zonedInstant('Asia/Shanghai', 2024, 2, 1));
  });

  it('reports offsets and rejects unknown zones', () => {
    expect(zoneOffsetMs('Asia/Kolkata', Date.UTC(2024, 0, 1))).toBe(5.5 * 3600_000);
    expect(() => zonedInstant('Mars/Olympus', 2024, 1, 1)).toThrow('Invalid argument: timeZone');
  });
});

describe('Utilities.formatDate', () => {
  const { g } = services();
  const f = (ms: number, tz: string, p: string) => g.Utilities.formatDate(new Date(ms), tz, p);

  it('writes Java SimpleDateFormat patterns', () => {
    const t = Date.UTC(2024, 0, 5, 1, 2, 3, 4); // Fri 2024-01-05 09:02:03.004 in Shanghai
    expect(f(t, 'Asia/Shanghai', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe('2024-01-05T09:02:03.004+08:00');
    expect(f(t, 'Asia/Shanghai', 'yy/M/d H:mm EEE Z')).toBe('24/1/5 9:02 Fri +0800');
    expect(f(t, 'UTC', 'XXX Z')).toBe('Z +0000');
    expect(f(t, 'Asia/Shanghai', "'It''s' h a, EEEE d MMMM")).toBe("It's 9 AM, Friday 5 January");
  });

  it('follows DST in New York', () => {
    expect(f(Date.UTC(2024, 2, 10, 6, 59), 'America/New_York', 'yyyy-MM-dd HH:mm Z')).toBe('2024-03-10 01:59 -0500');
    expect(f(Date.UTC(2024, 2, 10, 7, 0), 'America/New_York', 'yyyy-MM-dd HH:mm Z')).toBe('2024-03-10 03:00 -0400');
    expect(f(Date.UTC(2024, 10, 3, 5, 30), 'America/New_York', 'HH:mm XXX')).toBe('01:30 -04:00');
    expect(f(Date.UTC(2024, 10, 3, 6, 30), 'America/New_York', 'HH:mm XXX')).toBe('01:30 -05:00');
  });

  it('writes midnight as 00, not 24', () => {
    expect(f(zonedInstant('Asia/Shanghai', 2024, 6, 1), 'Asia/Shanghai', 'HH:mm')).toBe('00:00');
  });

  it('rejects bad zones, dates and patterns', () => {
    expect(() => f(0, 'Not/AZone', 'yyyy')).toThrow('Invalid argument: timeZone');
    expect(() => f(NaN, 'UTC', 'yyyy')).toThrow('Invalid argument: date');
    expect(() => f(0, 'UTC', 'yyyy q')).toThrow("Illegal pattern character 'q'");
  });
});

describe('Spreadsheet fakes', () => {
  it('answers locale, zone and the active formula', () => {
    const { g } = services({ locale: 'zh_CN', timeZone: 'America/New_York', activeFormula: '=RFM(A2:A9)' });
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSpreadsheetLocale()).toBe('zh_CN');
    expect(ss.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(ss.getActiveRange().getFormula()).toBe('=RFM(A2:A9)');
    expect(services().spreadsheet.getActiveRange().getFormula()).toBe('');
  });

  it('reads and writes cells with Apps Script shapes', () => {
    const { spreadsheet } = services({ sheets: { Orders: [['id', 'amount'], ['a', 10], ['b', null]] } });
    const sheet = spreadsheet.getSheetByName('Orders')!;
    expect(spreadsheet.getSheetByName('Nope')).toBeNull();
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(2);
    expect(sheet.getDataRange().getValues()).toEqual([['id', 'amount'], ['a', 10], ['b', '']]);
    expect(sheet.getRange('A2:B3').getA1Notation()).toBe('A2:B3');
    expect(sheet.getRange(2, 2).getValue()).toBe(10);

    // getValues hands out a copy.
    const copy = sheet.getRange('A1:B1').getValues();
    copy[0][0] = 'changed';
    expect(sheet.getRange('A1').getValue()).toBe('id');

    sheet.appendRow(['c', 30]);
    expect(sheet.getRange(4, 1, 1, 2).getValues()).toEqual([['c', 30]]);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow('outside the dimensions of the sheet');
  });

  it('rejects setValues with the wrong shape, in Apps Script words', () => {
    const sheet = services().spreadsheet.getSheets()[0];
    const range = sheet.getRange(1, 1, 3, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
    expect(() => range.setValues([[1, 2], [3], [5, 6]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(range.getValues()).toEqual([['', ''], ['', ''], ['', '']]); // nothing written
  });

  it("stores '=' strings as formulas and keeps apostrophe-prefixed text as text", () => {
    const sheet = services().spreadsheet.insertSheet('Out');
    sheet.getRange('A1:C1').setValues([['=SUM(B2:B9)', "'=1+1", 'plain']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(B2:B9)');
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', '=1+1', 'plain']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([['=SUM(B2:B9)', '', '']]);
    sheet.getRange('D1').setValue('=NOW()');
    expect(sheet.getRange('D1').getFormula()).toBe('=NOW()');
    expect(sheet.getLastColumn()).toBe(4);
  });
});

describe('call counting', () => {
  it('counts every service method as Service.method', () => {
    const { g, calls } = services({ sheets: { S: [[1, 2]] } });
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    ss.getSpreadsheetLocale();
    ss.getSpreadsheetLocale();
    const range = ss.getSheetByName('S')!.getDataRange();
    range.getValues();
    g.Utilities.formatDate(new Date(0), 'UTC', 'yyyy');
    g.PropertiesService.getScriptProperties().setProperty('k', 'v').getProperty('k');
    g.SpreadsheetApp.flush();

    expect(calls.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
    expect(calls.get('Spreadsheet.getSpreadsheetLocale')).toBe(2);
    expect(calls.get('Spreadsheet.getSheetByName')).toBe(1);
    expect(calls.get('Sheet.getDataRange')).toBe(1);
    expect(calls.get('Range.getValues')).toBe(1);
    expect(calls.get('Utilities.formatDate')).toBe(1);
    expect(calls.get('Properties.setProperty')).toBe(1);
    expect(calls.get('Properties.getProperty')).toBe(1); // chained off setProperty's result
    expect(totalCalls(calls, 'Spreadsheet')).toBe(3); // not SpreadsheetApp
    expect(totalCalls(calls, 'SpreadsheetApp')).toBe(2);
    expect(totalCalls(calls, 'Spreadsheet.get')).toBe(3);
    expect(totalCalls(calls)).toBe(11); // incl. PropertiesService.getScriptProperties
  });

  it('does not count logging', () => {
    const { globals, calls } = services();
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    (globals.Logger as { log(s: string): void }).log('hello');
    (globals.console as { log(s: string): void }).log('hi');
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
    expect(totalCalls(calls)).toBe(0);
  });
});

describe('PropertiesService', () => {
  it('keeps separate string stores', () => {
    const { g } = services();
    const script = g.PropertiesService.getScriptProperties();
    script.setProperty('n', 42 as unknown as string);
    expect(script.getProperty('n')).toBe('42');
    expect(g.PropertiesService.getUserProperties().getProperty('n')).toBeNull();
    script.setProperties({ a: '1' }, true);
    expect(script.getProperties()).toEqual({ a: '1' });
  });

  it('throws over 9 KB per value and 500 KB per store', () => {
    const props = services().g.PropertiesService.getScriptProperties();
    props.setProperty('fits', 'x'.repeat(LIMITS.propertyValueBytes));
    expect(() => props.setProperty('big', 'x'.repeat(LIMITS.propertyValueBytes + 1))).toThrow('Argument too large: value');
    // Multi-byte text counts in UTF-8 bytes: 3,100 CJK characters are 9,300 bytes.
    expect(() => props.setProperty('cjk', '客'.repeat(3100))).toThrow('Argument too large: value');
    expect(() => {
      for (let i = 0; i < 60; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    }).toThrow('exceeded the property storage quota');
    expect(props.getProperty('big')).toBeNull();
  });
});

describe('CacheService', () => {
  it('expires entries and limits value size', () => {
    let now = 1_000_000;
    const cache = services({ now: () => now }).g.CacheService.getScriptCache();
    cache.put('k', 'v', 10);
    expect(cache.get('k')).toBe('v');
    now += 10_000;
    expect(cache.get('k')).toBeNull();
    expect(() => cache.put('big', 'x'.repeat(LIMITS.cacheValueBytes + 1))).toThrow('Argument too large: value');
  });
});

describe('LockService', () => {
  it('refuses a lock held by another Lock object', () => {
    const { g } = services();
    const first = g.LockService.getDocumentLock();
    const second = g.LockService.getDocumentLock();
    expect(first.tryLock(1000)).toBe(true);
    expect(first.hasLock()).toBe(true);
    expect(second.tryLock(1000)).toBe(false);
    expect(second.hasLock()).toBe(false);
    expect(() => second.waitLock(1000)).toThrow('Lock timeout');
    expect(g.LockService.getScriptLock().tryLock(0)).toBe(true); // a different lock
    first.releaseLock();
    expect(second.tryLock(0)).toBe(true);
  });
});

describe('loadBundle', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-dist-'));
    fs.writeFileSync(
      path.join(dir, 'bundle.js'),
      "function HELLO(x){ return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale() + ':' + (x instanceof Date) }\n" +
        'function IS_GRID(g){ return g instanceof Array && g[0] instanceof Array && g[0][0] instanceof Date }\n' +
        "function FIRST_CELL(){ var v = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue(); return v instanceof Date; }\n",
    );
    fs.writeFileSync(path.join(dir, 'bundle.js.map'), 'not javascript {');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs top-level functions in a context over the fakes', () => {
    const { context, calls, realm } = loadBundle({ distDir: dir, locale: 'de_DE' });
    expect(context.HELLO(realm.date(2024, 1, 1))).toBe('de_DE:true');
    expect(context.HELLO(new Date())).toBe('de_DE:false'); // an outer-realm Date is not one in there
    expect(calls.get('SpreadsheetApp.getActiveSpreadsheet')).toBe(2);
    expect(calls.get('Spreadsheet.getSpreadsheetLocale')).toBe(2);
  });

  it('hands date cells and grids to the bundle as its own objects', () => {
    const { context, realm } = loadBundle({ distDir: dir, sheets: { S: [[new Date(0)]] } });
    expect(context.FIRST_CELL()).toBe(true);
    expect(context.IS_GRID(realm.grid([[new Date(0), 1]]))).toBe(true);
    expect(context.IS_GRID([[new Date(0), 1]])).toBe(false);
  });

  it('builds dates at local midnight of the spreadsheet zone and converts serials', () => {
    const { realm } = loadBundle({ distDir: dir, timeZone: 'America/New_York' });
    expect(realm.date(2024, 3, 10).toISOString()).toBe('2024-03-10T05:00:00.000Z');
    expect(realm.dateTime(2024, 3, 10, 12, 30).toISOString()).toBe('2024-03-10T16:30:00.000Z');
    // 45361 is 2024-03-10; .75 is 18:00 local, after the switch to EDT.
    expect(realm.fromSerial(45361).toISOString()).toBe('2024-03-10T05:00:00.000Z');
    expect(realm.fromSerial(45361.75).toISOString()).toBe('2024-03-10T22:00:00.000Z');
    expect(realm.toSerial(realm.fromSerial(45361.75))).toBe(45361.75);
    expect(realm.toSerial(new Date('2024-11-03T04:00:00Z'))).toBe(45599);
  });

  it('says how to build when dist is missing', () => {
    expect(() => loadBundle({ distDir: path.join(dir, 'missing') })).toThrow('npm run build');
  });
});
