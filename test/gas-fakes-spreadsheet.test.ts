/** The Spreadsheet, Sheet and Range fakes: what the automation reads and writes, and what a user does between runs. */
import { createGasFakes, MemorySheetStore, totalCalls, type FakeSheet, type FakeSpreadsheet, type SheetStore } from '../tools/gas/fakes';

type App = { getActiveSpreadsheet(): FakeSpreadsheet; getActiveSheet(): FakeSheet; getActiveRange(): ReturnType<FakeSheet['getRange']> };

function fakes(options: Parameters<typeof createGasFakes>[0] = {}) {
  const f = createGasFakes(options);
  return { ...f, app: f.globals.SpreadsheetApp as App };
}

const customers = (): unknown[][] => [
  ['客户代码', '名称', '金额'],
  ['C01', 'Alpha', 30],
  ['C02', 'Beta', 10],
  ['C03', 'Gamma', 20],
];

describe('Spreadsheet', () => {
  it('answers its url and ids, and finds sheets by name and id', () => {
    const { spreadsheet } = fakes({ spreadsheetId: 'abc123', sheets: { A: [], B: [] } });
    expect(spreadsheet.getUrl()).toBe('https://docs.google.com/spreadsheets/d/abc123/edit');
    const b = spreadsheet.getSheetByName('B')!;
    expect(b.getSheetId()).toBe(1);
    expect(spreadsheet.getSheetById(1)!.getName()).toBe('B');
    expect(spreadsheet.getSheetById(9)).toBeNull();
    expect(spreadsheet.getSheetByName('C')).toBeNull();
    expect(b.getIndex()).toBe(2);
  });

  it('inserts sheets at an index, makes them active and refuses a duplicate name in Apps Script words', () => {
    const { spreadsheet } = fakes({ sheets: { Data: [] } });
    const log = spreadsheet.insertSheet('Kehu · Log', 0);
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(['Kehu · Log', 'Data']);
    expect(spreadsheet.getActiveSheet().getName()).toBe('Kehu · Log');
    expect(log.getMaxRows()).toBe(1000);
    expect(log.getMaxColumns()).toBe(26);
    expect(() => spreadsheet.insertSheet('Data')).toThrow('A sheet with the name "Data" already exists. Please enter another name.');
    expect(spreadsheet.insertSheet().getName()).toBe('Sheet3');
    expect(() => spreadsheet.insertSheet('X', 7)).toThrow('Invalid argument: sheetIndex');
  });

  it('lets a test select cells, and scripts read and move the selection', () => {
    const f = fakes({ sheets: { Orders: [], Customers: customers() } });
    f.select('Customers', 'B3');
    expect(f.app.getActiveSheet().getName()).toBe('Customers');
    expect(f.spreadsheet.getActiveRange().getA1Notation()).toBe('B3');
    expect(f.spreadsheet.getActiveCell().getValue()).toBe('Beta');
    f.select('Customers', 2, 1, 2, 3);
    expect(f.spreadsheet.getActiveRange().getA1Notation()).toBe('A2:C3');
    expect(f.spreadsheet.getActiveCell().getA1Notation()).toBe('A2');
    f.spreadsheet.setActiveSheet(f.spreadsheet.getSheetByName('Orders')!);
    expect(f.spreadsheet.getActiveSheet().getName()).toBe('Orders');
    expect(f.spreadsheet.getActiveRange().getA1Notation()).toBe('A1');
    f.spreadsheet.getSheetByName('Customers')!.getRange('C4').activate();
    expect(f.spreadsheet.getActiveCell().getValue()).toBe(20);
    expect(f.spreadsheet.getSheetId()).toBe(1);
    expect(() => f.select('Customers', 'AA1')).toThrow('select: Customers has no cells there');
    expect(() => f.select('Nope', 'A1')).toThrow('select: no sheet named Nope');
  });

  it('records toasts with their default time', () => {
    const f = fakes();
    f.spreadsheet.toast('Done', 'Kehu');
    f.spreadsheet.toast('Again', undefined, 10);
    expect(f.ui.toasts().map(({ message, title, seconds }) => ({ message, title, seconds }))).toEqual([
      { message: 'Done', title: 'Kehu', seconds: 5 },
      { message: 'Again', title: '', seconds: 10 },
    ]);
  });

  it('reads a range by A1 with a sheet name', () => {
    const { spreadsheet } = fakes({ sheets: { 'My data': customers() } });
    expect(spreadsheet.getRange("'My data'!B2:B3").getValues()).toEqual([['Alpha'], ['Beta']]);
    expect(() => spreadsheet.getRange('Nope!A1')).toThrow('Range not found');
  });
});

describe('Sheet', () => {
  it('hides and shows sheets and columns, and freezes rows', () => {
    const sheet = fakes({ sheets: { S: customers() } }).spreadsheet.getSheetByName('S')!;
    expect(sheet.hideSheet().isSheetHidden()).toBe(true);
    expect(sheet.showSheet().isSheetHidden()).toBe(false);
    sheet.hideColumns(2, 2);
    expect([1, 2, 3, 4].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([false, true, true, false]);
    sheet.showColumns(3);
    expect(sheet.isColumnHiddenByUser(3)).toBe(false);
    sheet.hideColumns(5);
    expect(sheet.isColumnHiddenByUser(5)).toBe(true);
    expect(() => sheet.hideColumns(26, 2)).toThrow('Those columns are out of bounds.');
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
  });

  it('must grow before a range beyond its size is used', () => {
    const sheet = fakes({ sheets: { S: customers() } }).spreadsheet.getSheetByName('S')!;
    expect(() => sheet.getRange(1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertColumnsAfter(26, 2);
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getMaxRows()).toBe(1005);
    sheet.getRange(1005, 28).setValue('far');
    expect(sheet.getLastRow()).toBe(1005);
    expect(sheet.getLastColumn()).toBe(28);
  });

  it('shifts rows and columns like a user inserting and deleting them', () => {
    const sheet = fakes({ sheets: { S: customers() } }).spreadsheet.getSheetByName('S')!;
    sheet.getRange('C2').setNumberFormat('#,##0.00');
    sheet.insertRowsBefore(2, 1);
    expect(sheet.getRange('A2:A5').getValues()).toEqual([[''], ['C01'], ['C02'], ['C03']]);
    expect(sheet.getRange('C3').getNumberFormat()).toBe('#,##0.00'); // formats move with their cells
    expect(sheet.getMaxRows()).toBe(1001);
    sheet.deleteRows(3, 2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['客户代码'], [''], ['C03']]);
    expect(sheet.getMaxRows()).toBe(999);
    sheet.hideColumns(3);
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['客户代码', '', '名称', '金额']]);
    expect(sheet.isColumnHiddenByUser(4)).toBe(true); // the hidden column moved right
    sheet.deleteColumns(2, 1);
    expect(sheet.isColumnHiddenByUser(3)).toBe(true);
    expect(() => sheet.deleteRows(999, 2)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
  });

  it('sorts below its frozen rows, blanks last, as a user sorting the sheet', () => {
    const sheet = fakes({ sheets: { S: [...customers(), ['C04', 'Delta', '']] } }).spreadsheet.getSheetByName('S')!;
    sheet.getRange('A3').setBackground('#FF0');
    sheet.setFrozenRows(1);
    sheet.sort(3);
    expect(sheet.getRange('A1:C5').getValues()).toEqual([
      ['客户代码', '名称', '金额'],
      ['C02', 'Beta', 10],
      ['C03', 'Gamma', 20],
      ['C01', 'Alpha', 30],
      ['C04', 'Delta', ''],
    ]);
    expect(sheet.getRange('A2').getBackground()).toBe('#ffff00'); // the format moved with C02's row
    sheet.sort(3, false);
    expect(sheet.getRange('A2:A5').getValues()).toEqual([['C01'], ['C03'], ['C02'], ['C04']]);
  });

  it('appends rows, growing the sheet when full', () => {
    const sheet = fakes({ sheets: { S: [] } }).spreadsheet.getSheetByName('S')!;
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['x', 'y']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([['x', 'y']]);
  });

  it('renames, refusing a name another sheet has', () => {
    const { spreadsheet } = fakes({ sheets: { A: [], B: [] } });
    expect(spreadsheet.getSheetByName('A')!.setName('设置').getName()).toBe('设置');
    expect(() => spreadsheet.getSheetByName('B')!.setName('设置')).toThrow('A sheet with the name "设置" already exists.');
  });
});

describe('Range', () => {
  it('sorts its own rows only, by one or several columns', () => {
    const sheet = fakes({ sheets: { S: [...customers(), ['C04', 'Beta', 5]] } }).spreadsheet.getSheetByName('S')!;
    sheet.getRange('A2:C5').sort([{ column: 2, ascending: true }, { column: 3, ascending: false }]);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['客户代码'], ['C01'], ['C02'], ['C04'], ['C03']]);
    expect(() => sheet.getRange('A2:B5').sort(3)).toThrow('outside the range being sorted');
  });

  it('clears content but keeps formats, and stores number formats, weights and backgrounds', () => {
    const sheet = fakes({ sheets: { S: customers() } }).spreadsheet.getSheetByName('S')!;
    const header = sheet.getRange('A1:C1');
    header.setFontWeight('bold').setBackground('#EEEEEE');
    sheet.getRange('C2:C3').setNumberFormats([['0.00'], ['0%']]);
    expect(header.getFontWeights()).toEqual([['bold', 'bold', 'bold']]);
    expect(sheet.getRange('A2').getFontWeight()).toBe('normal');
    expect(header.getBackgrounds()).toEqual([['#eeeeee', '#eeeeee', '#eeeeee']]);
    expect(sheet.getRange('C2:C4').getNumberFormats()).toEqual([['0.00'], ['0%'], ['General']]);
    header.clearContent();
    expect(header.getValues()).toEqual([['', '', '']]);
    expect(header.getFontWeight()).toBe('bold');
    header.setFontWeights([[null, 'normal', 'bold']]);
    expect(header.getFontWeights()).toEqual([['normal', 'normal', 'bold']]);
    expect(() => header.setFontWeight('heavy')).toThrow('Invalid argument: fontWeight');
    expect(() => sheet.getRange('C2:C3').setNumberFormats([['0']])).toThrow('The number of rows in the data does not match');
  });

  it('shows display values: dates as their format shows them, numbers as written', () => {
    const f = fakes({ timeZone: 'Asia/Shanghai', sheets: { S: [] } });
    const sheet = f.spreadsheet.getSheetByName('S')!;
    const day = new Date(Date.UTC(2026, 2, 1, 16, 0)); // 2026-03-02 00:00 in Shanghai
    const noon = new Date(Date.UTC(2026, 2, 2, 4, 5, 6)); // 12:05:06 there
    sheet.getRange('A1:F1').setValues([[day, noon, 1234.5, 0.25, true, 'text']]);
    expect(sheet.getRange('A1:F1').getDisplayValues()).toEqual([['2026-03-02', '2026-03-02 12:05:06', '1234.5', '0.25', 'TRUE', 'text']]);
    sheet.getRange('A1').setNumberFormat('dd/mm/yyyy');
    sheet.getRange('B1').setNumberFormat('yyyy-mm-dd hh:mm');
    sheet.getRange('C1').setNumberFormat('"¥"#,##0.00');
    sheet.getRange('D1').setNumberFormat('0.0%');
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['02/03/2026', '2026-03-02 12:05', '¥1,234.50', '25.0%']]);
    sheet.getRange('A2:C2').setValues([[-1234.567, 45353, 7]]);
    sheet.getRange('A2').setNumberFormat('#,##0.0');
    sheet.getRange('B2').setNumberFormat('ddd d mmm yyyy');
    sheet.getRange('C2').setNumberFormat('000');
    expect(sheet.getRange('A2:C2').getDisplayValues()).toEqual([['-1,234.6', 'Sat 2 Mar 2024', '007']]);
    sheet.getRange('D2').setValue(3).setNumberFormat('0.00 "USD"');
    expect(sheet.getRange('D2').getDisplayValue()).toBe('3.00 USD');
    sheet.getRange('E2').setValue(3).setNumberFormat('0.00E+00');
    expect(() => sheet.getRange('E2').getDisplayValue()).toThrow('not supported');
  });

  it('reads strings a script writes as a person typing them, unless the cell is plain text or the text starts with an apostrophe', () => {
    const sheet = fakes({ timeZone: 'Asia/Shanghai', sheets: { S: [] } }).spreadsheet.getSheetByName('S')!;
    sheet.getRange('A1:F1').setValues([['00123', 'TRUE', '12%', '2026-03-02', "'00123", 'C01']]);
    const [row] = sheet.getRange('A1:F1').getValues();
    expect(row.slice(0, 3)).toEqual([123, true, 0.12]);
    expect((row[3] as Date).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(row.slice(4)).toEqual(['00123', 'C01']);
    expect(sheet.getRange('D1').getNumberFormat()).toBe('yyyy-mm-dd');
    sheet.getRange('A2').setNumberFormat('@').setValue('00123');
    expect(sheet.getRange('A2').getValue()).toBe('00123');
    // A time slot typed as text becomes a time of day: a Date on day 0 of Sheets' calendar.
    sheet.getRange('B2').setValue('09:30');
    expect(sheet.getRange('B2').getValue()).toBeInstanceOf(Date);
    expect(sheet.getRange('B2').getDisplayValue()).toBe('09:30');
    expect(sheet.getRange('C2').setValue('+86 138 0000 0000').getValue()).toBe('+86 138 0000 0000');
    expect(sheet.getRange('C2').setValue('13800000000').getValue()).toBe(13800000000);
    expect((sheet.getRange('D2').setValue('2026-11').getValue() as Date).toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(sheet.getRange('D2').getDisplayValue()).toBe('2026-11');
  });

  it("keeps '=' strings as formulas and the apostrophe rule", () => {
    const sheet = fakes().spreadsheet.getSheets()[0];
    sheet.getRange('A1:B1').setValues([['=SUM(1,2)', "'=1+1"]]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['=SUM(1,2)', '']]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '=1+1']]);
    sheet.getRange('A1').setValue('plain');
    expect(sheet.getRange('A1').getFormula()).toBe(''); // a value replaces the formula
  });

  it('offsets, picks cells and answers blank', () => {
    const sheet = fakes({ sheets: { S: customers() } }).spreadsheet.getSheetByName('S')!;
    const r = sheet.getRange('A2:B3');
    expect(r.offset(1, 1).getA1Notation()).toBe('B3:C4');
    expect(r.offset(0, 2, 1, 1).getValue()).toBe(30);
    expect(r.getCell(2, 2).getValue()).toBe('Beta');
    expect(() => r.getCell(3, 1)).toThrow('Cell reference out of range');
    expect(sheet.getRange('E1:F9').isBlank()).toBe(true);
    expect(r.isBlank()).toBe(false);
    expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
  });

  it('refuses a range that reaches past the sheet after rows were deleted', () => {
    const sheet = fakes({ sheets: { S: customers() } }).spreadsheet.getSheetByName('S')!;
    const tail = sheet.getRange(990, 1, 11, 1);
    sheet.deleteRows(1, 5);
    expect(() => tail.getValues()).toThrow('outside the dimensions of the sheet');
  });

  it('counts each call as Range.method, Sheet.method, Spreadsheet.method', () => {
    const f = fakes({ sheets: { S: customers() } });
    f.calls.clear();
    const sheet = f.spreadsheet.getSheetByName('S')!;
    sheet.getRange('A1:C1').setBackgrounds([['#fff', '#fff', '#fff']]);
    sheet.getRange('A1').offset(1, 0).getDisplayValues();
    sheet.insertRowsAfter(1, 1);
    expect(f.calls.get('Spreadsheet.getSheetByName')).toBe(1);
    expect(f.calls.get('Sheet.getRange')).toBe(2);
    expect(f.calls.get('Range.setBackgrounds')).toBe(1);
    expect(f.calls.get('Range.offset')).toBe(1);
    expect(f.calls.get('Range.getDisplayValues')).toBe(1);
    expect(f.calls.get('Sheet.insertRowsAfter')).toBe(1);
    expect(totalCalls(f.calls)).toBe(7);
  });
});

describe('SheetStore seam', () => {
  it('lets another backend hold the cells behind the same fake Spreadsheet', () => {
    const made: SheetStore[] = [];
    // A backend that computes "=A1*2"-style doublings, standing in for a formula engine.
    class Doubling extends MemorySheetStore {
      value(r: number, c: number) {
        const f = this.formula(r, c);
        const m = /^=A(\d+)\*2$/.exec(f);
        return m ? (Number(super.value(Number(m[1]) - 1, 0)) * 2) : super.value(r, c);
      }
    }
    const { spreadsheet } = fakes({
      sheets: { S: [[21]] },
      createStore: (rows, columns) => {
        const s = new Doubling(rows, columns);
        made.push(s);
        return s;
      },
    });
    const sheet = spreadsheet.getSheetByName('S')!;
    sheet.getRange('B1').setValue('=A1*2');
    expect(sheet.getRange('B1').getValue()).toBe(42);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1*2');
    spreadsheet.insertSheet('T');
    expect(made).toHaveLength(2);
  });
});
