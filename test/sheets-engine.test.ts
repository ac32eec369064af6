/**
 * The local Sheets stand-in: custom functions get arguments shaped as Google Sheets shapes them
 * and their results spill the way Sheets spills them. Plain test functions, not the bundle.
 */
import { readFileSync } from 'node:fs';
import { createSheetsEngine, type SheetsEngine, type SheetsEngineOptions } from '../tools/sheets/engine';
import { parseCsv } from '../tools/sheets/csv';
import path from 'node:path';
import { REFERENCE_DATA } from './support/referenceData';

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30); // serial 0

// Dates as the test realm makes them, in UTC so serials map to whole days.
const dates: Pick<SheetsEngineOptions, 'toDate' | 'fromDate' | 'isDate'> = {
  toDate: (serial) => new Date(EPOCH + serial * MS_PER_DAY),
  fromDate: (d) => ((d as Date).getTime() - EPOCH) / MS_PER_DAY,
  isDate: (v) => Object.prototype.toString.call(v) === '[object Date]',
};

function shapeOf(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `${v.length}x${(v[0] as unknown[]).length}`;
  if (dates.isDate(v)) return 'date';
  if (v === '') return 'empty';
  return typeof v;
}

let engines: SheetsEngine[] = [];
afterEach(() => {
  for (const e of engines) e.destroy();
  engines = [];
});

function engine(sheets: Record<string, unknown[][]>, functions: SheetsEngineOptions['functions']): SheetsEngine {
  const e = createSheetsEngine({ sheets, functions, ...dates });
  engines.push(e);
  return e;
}

const DATA = [
  ['name', 'date', 'amount', 'share'],
  ['Ann', '2024-03-05', 10, '10%'],
  ['Bob', null, 20, ''],
];

describe('arguments arrive as in Sheets', () => {
  let seen: unknown[][] = [];
  const functions = {
    ECHOSHAPE: (...args: unknown[]) => {
      seen.push(args);
      return args.map(shapeOf).join(' ');
    },
  };
  beforeEach(() => {
    seen = [];
  });

  test('a range is rows of values, one cell is bare, empty cells are empty strings', () => {
    const e = engine({ Data: DATA, Out: [['=ECHOSHAPE(Data!A1:C3, Data!A2, Data!B3, Data!A2:A2, Data!C2)']] }, functions);
    expect(e.getValue('Out', 'A1')).toBe('3x3 string empty string number');
    const [range, one, empty, oneByOne, num] = seen[seen.length - 1];
    expect((range as unknown[][])[0]).toEqual(['name', 'date', 'amount']);
    expect((range as unknown[][])[2]).toEqual(['Bob', '', 20]);
    expect(one).toBe('Ann');
    expect(empty).toBe('');
    expect(oneByOne).toBe('Ann');
    expect(num).toBe(10);
  });

  test('date cells arrive as Dates made by toDate, percents as numbers, booleans as is', () => {
    const e = engine({ Data: DATA, Out: [[true, '=ECHOSHAPE(Data!B2, Data!B1:B2, Data!D2, A1)']] }, functions);
    expect(e.getValue('Out', 'B1')).toBe('date 2x1 number boolean');
    const [d, col, pct, bool] = seen[seen.length - 1];
    expect((d as Date).toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(((col as unknown[][])[1][0] as Date).toISOString()).toBe('2024-03-05T00:00:00.000Z');
    expect(pct).toBeCloseTo(0.1, 12);
    expect(bool).toBe(true);
    expect(e.isDateCell('Data', 'B2')).toBe(true);
    expect(e.getDisplay('Data', 'B2')).toBe('2024-03-05');
  });

  test('omitted arguments are undefined and not counted', () => {
    const e = engine({ S: [[1, '=ECHOSHAPE(A1)', '=ECHOSHAPE()']] }, functions);
    expect(e.getValue('S', 'B1')).toBe('number');
    expect(e.getValue('S', 'C1')).toBe(''); // no shapes join to '': text, but empty-looking
    expect(e.getDisplay('S', 'C1')).toBe('');
    const [withOne, withNone] = seen;
    expect(withOne).toHaveLength(1);
    expect(withNone).toHaveLength(0);
  });

  test('an error in an argument is the result, and the function is not called', () => {
    const e = engine({ S: [[1, '=1/0', '=ECHOSHAPE(A1:B1)', '=ECHOSHAPE(B1)']] }, functions);
    expect(e.getValue('S', 'C1')).toMatchObject({ error: '#DIV/0!' });
    expect(e.getValue('S', 'D1')).toMatchObject({ error: '#DIV/0!' });
    expect(seen).toHaveLength(0);
  });
});

describe('results', () => {
  test('a thrown error shows #ERROR! with its message', () => {
    const e = engine({ S: [['=BOOM(1)']] }, {
      BOOM: () => {
        throw new Error('Amounts must be numbers');
      },
    });
    expect(e.getValue('S', 'A1')).toEqual({ error: '#ERROR!', message: 'Amounts must be numbers' });
    expect(e.getDisplay('S', 'A1')).toBe('#ERROR!');
  });

  test('a 3x4 result spills and reads back with getRange', () => {
    const grid = [
      [1, 2, 3, 4],
      ['a', 'b', 'c', 'd'],
      [true, false, '', null],
    ];
    const e = engine({ S: [[null, '=GRID()']] }, { GRID: () => grid });
    expect(e.getRange('S', 'B1:E3')).toEqual([
      [1, 2, 3, 4],
      ['a', 'b', 'c', 'd'],
      [true, false, '', null],
    ]);
    expect(e.getRange('S', 'F1:F3')).toEqual([[null], [null], [null]]);
    expect(e.getRange('S', 'B4:E4')).toEqual([[null, null, null, null]]);
    expect(e.getFormula('S', 'B1')).toBe('=GRID()');
    expect(e.getFormula('S', 'C2')).toBeUndefined();
    expect(e.getDisplay('S', 'B3')).toBe('TRUE');
  });

  test('the spill follows its data when the data grows or shrinks', () => {
    let calls = 0;
    const names = (rows: unknown) => {
      calls++;
      return (rows as unknown[][]).filter((r) => r[0] !== '').map((r) => [String(r[0]).toUpperCase(), 1]);
    };
    const e = engine({ S: [['ann', null, '=NAMES(A1:A10)'], ['bob']] }, { NAMES: names });
    expect(e.getRange('S', 'C1:D3')).toEqual([['ANN', 1], ['BOB', 1], [null, null]]);

    e.setCell('S', 'A3', 'cy');
    e.setCell('S', 'A4', 'di');
    expect(e.getRange('S', 'C1:D5')).toEqual([['ANN', 1], ['BOB', 1], ['CY', 1], ['DI', 1], [null, null]]);

    e.setCell('S', 'A2', '');
    e.setCell('S', 'A3', null);
    expect(e.getRange('S', 'C1:D5')).toEqual([['ANN', 1], ['DI', 1], [null, null], [null, null], [null, null]]);
    expect(calls).toBeLessThan(20);
  });

  test('cells that refer into a spill see the spilled values', () => {
    const e = engine({ S: [['=SEQ(3)', '=A3*10']] }, { SEQ: (n: unknown) => [[1], [2], [n]] });
    expect(e.getValue('S', 'B1')).toBe(30);
  });

  test('a returned Date displays as a date, alone and inside a spill', () => {
    const day = new Date(Date.UTC(2024, 2, 5));
    const e = engine({ S: [['=DAY1()', '=DATEGRID()']] }, {
      DAY1: () => day,
      DATEGRID: () => [[day, 'x'], [new Date(Date.UTC(2024, 2, 5, 12)), 'y']],
    });
    expect(e.getValue('S', 'A1')).toBe(45356);
    expect(e.isDateCell('S', 'A1')).toBe(true);
    expect(e.getDisplay('S', 'A1')).toBe('2024-03-05');
    expect(e.getDisplay('S', 'B1')).toBe('2024-03-05');
    expect(e.isDateCell('S', 'B2')).toBe(true);
    expect(e.getDisplay('S', 'B2')).toBe('2024-03-05 12:00:00');
    expect(e.isDateCell('S', 'C1')).toBe(false);
  });

  test('a blocked spill shows #REF! with Sheets’ message, and spills once the way is clear', () => {
    const e = engine({ S: [['=GRID()'], [null, 'in the way']] }, { GRID: () => [[1, 2], [3, 4]] });
    expect(e.getValue('S', 'A1')).toEqual({
      error: '#REF!',
      message: 'Array result was not expanded because it would overwrite data in B2.',
    });
    expect(e.getValue('S', 'B2')).toBe('in the way');
    e.setCell('S', 'B2', null);
    expect(e.getRange('S', 'A1:B2')).toEqual([[1, 2], [3, 4]]);

    // Typing into a spilled cell blocks it again, as in Sheets.
    e.setCell('S', 'A2', 'x');
    expect(e.getValue('S', 'A1')).toMatchObject({ error: '#REF!', message: expect.stringContaining('overwrite data in A2') });
    expect(e.getValue('S', 'B1')).toBeNull();
  });

  test("a blocked spill is said in the file's language", () => {
    const e = createSheetsEngine({ sheets: { S: [['=GRID()'], [null, '挡住了']] }, functions: { GRID: () => [[1, 2], [3, 4]] }, ...dates, lang: 'zh' });
    expect(e.getValue('S', 'A1')).toEqual({ error: '#REF!', message: '数组结果无法展开，因为这会覆盖 B2 中的数据。' });
  });

  test('a formula typed in later spills, blocks, and re-spills like one loaded with the sheet', () => {
    const e = engine({ S: [[null, null], [null, 'in the way']] }, { GRID: () => [[1, 2], [3, 4]] });
    e.setCell('S', 'A1', '=GRID()');
    expect(e.getValue('S', 'A1')).toMatchObject({ error: '#REF!', message: expect.stringContaining('data in B2') });
    e.setCell('S', 'B2', '');
    expect(e.getRange('S', 'A1:B2')).toEqual([[1, 2], [3, 4]]);
    // Nested, the call hands its whole result to the outer function and nothing spills.
    e.setCell('S', 'A1', '=INDEX(GRID(), 2, 2)');
    expect(e.getRange('S', 'A1:B2')).toEqual([[4, null], [null, null]]);
  });
});

describe('rows, columns and sheets changed by position (what a script does through the SheetStore)', () => {
  test('a spill moves with inserted and removed rows and columns, and still blocks and re-spills there', () => {
    const e = engine({ S: [['x'], [null], ['=GRID()']] }, { GRID: () => [[1, 2], [3, 4]] });
    expect(e.getRange('S', 'A3:B4')).toEqual([[1, 2], [3, 4]]);
    e.insertRows('S', 0, 2);
    expect(e.getFormula('S', 'A5')).toBe('=GRID()');
    expect(e.getRange('S', 'A5:B6')).toEqual([[1, 2], [3, 4]]);
    e.insertColumns('S', 0, 1);
    expect(e.getRange('S', 'B5:C6')).toEqual([[1, 2], [3, 4]]);
    // Typing into the moved spill blocks it; clearing the cell lets it spill again.
    e.setCells([{ sheet: 'S', row: 5, col: 2, content: 'in the way' }]);
    expect(e.getValue('S', 'B5')).toMatchObject({ error: '#REF!', message: expect.stringContaining('data in C6') });
    e.setCells([{ sheet: 'S', row: 5, col: 2, content: null }]);
    expect(e.getRange('S', 'B5:C6')).toEqual([[1, 2], [3, 4]]);
    e.removeRows('S', 0, 3);
    e.removeColumns('S', 0, 1);
    expect(e.getFormula('S', 'A2')).toBe('=GRID()');
    expect(e.getRange('S', 'A2:B3')).toEqual([[1, 2], [3, 4]]);
  });

  test('sheets added, renamed and removed; cells read by position with their type', () => {
    const e = engine({ S: [['=T!A1*2']] }, {});
    e.addSheet('T');
    e.setCells([{ sheet: 'T', row: 0, col: 0, content: 21 }, { sheet: 'T', row: 1, col: 0, content: '2024-03-05' }]);
    expect(e.cellAt('S', 0, 0)).toEqual({ value: 42, type: 'NUMBER_RAW' });
    expect(e.cellAt('T', 1, 0).type).toBe('NUMBER_DATE');
    expect(e.formulaAt('S', 0, 0)).toBe('=T!A1*2');
    e.renameSheet('T', 'U');
    expect(e.formulaAt('S', 0, 0)).toBe('=U!A1*2');
    expect(e.extent('U')).toEqual({ rows: 2, cols: 1 });
    e.removeSheet('U');
    expect(e.getSheetNames()).toEqual(['S']);
    expect(e.getValue('S', 'A1')).toMatchObject({ error: '#REF!' });
  });
});

describe('engines in one process', () => {
  test('each engine calls its own functions; a name from another engine is unknown', () => {
    const a = engine({ S: [['=WHO()']] }, { WHO: () => 'a' });
    const b = engine({ S: [['=WHO()', '=ONLYB()']] }, { who: () => 'b', ONLYB: () => 'only b' });
    expect(a.getValue('S', 'A1')).toBe('a');
    expect(b.getValue('S', 'A1')).toBe('b');
    a.setCell('S', 'B1', '=ONLYB()');
    expect(a.getValue('S', 'B1')).toMatchObject({ error: '#NAME?' });
    expect(b.getValue('S', 'B1')).toBe('only b');
  });

  test('built-in names are refused and built-ins still work', () => {
    expect(() => createSheetsEngine({ sheets: {}, functions: { SUM: () => 0 }, ...dates })).toThrow(/built-in/);
    const e = engine({ S: [[1, 2, '=SUM(A1:B1)']] }, {});
    expect(e.getValue('S', 'C1')).toBe(3);
  });
});

describe('parseCsv', () => {
  test('quoted fields, escaped quotes, CRLF and line breaks inside quotes', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"x\ny",,z\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['x\ny', '', 'z'],
    ]);
    expect(parseCsv('h\n1')).toEqual([['h'], ['1']]);
    expect(parseCsv('')).toEqual([]);
  });
});

describe('real data', () => {
  test('a custom function over 4,906 orders counts rows per customer', () => {
    const rows = parseCsv(readFileSync(path.join(REFERENCE_DATA, 'rfm_data_orders.csv'), 'utf8'));
    expect(rows[0]).toEqual(['customer_id', 'order_date', 'revenue', 'first_name', 'last_name', 'email']);
    const data = rows.slice(1);
    expect(data).toHaveLength(4906);
    const first = data[0][0];
    const expected = data.filter((r) => r[0] === first).length;

    let sawDate = false;
    const countByCustomer = (ids: unknown, orderDates: unknown, amounts: unknown) => {
      const counts = new Map<string, number>();
      const idRows = ids as unknown[][];
      sawDate = dates.isDate((orderDates as unknown[][])[0][0]) && typeof (amounts as unknown[][])[0][0] === 'number';
      for (const [id] of idRows) counts.set(String(id), (counts.get(String(id)) ?? 0) + 1);
      return [...counts].map(([id, n]) => [id, n]);
    };

    const started = performance.now();
    const e = engine({ Orders: rows, Out: [['=COUNTBY(Orders!A2:A4907, Orders!B2:B4907, Orders!C2:C4907)']] }, { COUNTBY: countByCustomer });
    const elapsed = performance.now() - started;

    expect(sawDate).toBe(true);
    expect(e.getRange('Out', 'A1:B1')).toEqual([[first, expected]]);
    const customers = new Set(data.map((r) => r[0])).size;
    expect(e.getValue('Out', `A${customers}`)).not.toBeNull();
    expect(e.getValue('Out', `A${customers + 1}`)).toBeNull();
    expect(e.isDateCell('Orders', 'B2')).toBe(true);
    expect(elapsed).toBeLessThan(1000);
  });
});
