/**
 * Table rows → records: ids as labels, dates as Date cells or unambiguous text, every unusable
 * cell kept as a problem with its sheet row, and the sentences those problems become.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/core/cells';
import { DayClock, daysFromCivil } from '../../../src/core/dates';
import type { TableMapping } from '../../../src/core/model';
import { describeRowProblem, readContacts, readCustomers, readMonthDay, readOrders, type Grid } from '../../../src/core/tables/records';
import { offsetMinutes, zonedInstant, zoneOffsetMs } from '../../../tools/gas/zone';

const TZ = 'Asia/Shanghai';
const clock = () => new DayClock((ms) => offsetMinutes(zoneOffsetMs(TZ, ms)));
/** A date cell as Sheets passes it: local midnight in the spreadsheet's zone. */
const date = (y: number, m: number, d: number) => new Date(zonedInstant(TZ, y, m, d));
const day = daysFromCivil;

function mapping<T extends 'customers' | 'orders' | 'contacts'>(table: T, columns: TableMapping<T>['columns'], headerRow = 1): TableMapping<T> {
  return { table, sheet: table, headerRow, columns, headers: {}, width: 9 };
}

const ORDERS = mapping('orders', { customer: 1, date: 2, amount: 3, margin: 4, product: 5 });

describe('readOrders', () => {
  it('reads ids as labels, Date cells and date text as days, and numbers', () => {
    const grid: Grid = [
      ['客户代码', '订单日期', '金额', '毛利', '产品', '别的列'],
      [' KH01 ', date(2024, 3, 5), 1200, 300, '螺栓', 'x'],
      [101, '2024-03-06', 80.5, '', '', ''],
      ['101', '2024年3月7日', 0, 0, 7, ''],
    ];
    const { records, problems } = readOrders(grid, ORDERS, clock());
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { row: 2, customer: 'KH01', day: day(2024, 3, 5), amount: 1200, margin: 300, product: '螺栓' },
      { row: 3, customer: '101', day: day(2024, 3, 6), amount: 80.5 },
      { row: 4, customer: '101', day: day(2024, 3, 7), amount: 0, margin: 0, product: '7' },
    ]);
  });

  it('skips rows blank in every mapped column and counts rows from the header row', () => {
    const m = mapping('orders', { customer: 2, date: 3, amount: 4 }, 3);
    const grid: Grid = [
      ['备注', '客户代码', '订单日期', '金额'],
      ['只有备注', '', '', ''],
      [],
      ['', 'KH01', date(2024, 1, 2), 5],
    ];
    const { records, problems } = readOrders(grid, m, clock());
    expect(problems).toEqual([]);
    expect(records).toEqual([{ row: 6, customer: 'KH01', day: day(2024, 1, 2), amount: 5 }]);
  });

  it('leaves out a row with an unusable cell and names each such cell', () => {
    const grid: Grid = [
      ['客户代码', '订单日期', '金额', '毛利', '产品'],
      ['KH01', date(2024, 3, 5), '¥1,200', '', ''],
      ['KH01', '05/03/2024', 10, '', ''],
      ['', date(2024, 3, 5), 10, '', ''],
      [true, date(2024, 3, 5), 10, '', ''],
      [date(2024, 1, 1), date(2024, 3, 5), 10, '', ''],
      ['KH01', '', '', 'x', ''],
      ['KH01', new Date(NaN), 10, '', ''],
      ['KH09', date(2024, 3, 5), 10, '', ''],
      ['KH01', date(2024, 3, 5), 10, '', ''],
    ];
    const { records, problems } = readOrders(grid, ORDERS, clock(), new Set(['KH01']));
    expect(records.map((r) => r.row)).toEqual([10]);
    expect(problems.map((p) => [p.row, p.field, p.problem, p.customer])).toEqual([
      [2, 'amount', 'notNumber', 'KH01'],
      [3, 'date', 'notDate', 'KH01'],
      [4, 'customer', 'missing', undefined],
      [5, 'customer', 'notLabel', undefined],
      [6, 'customer', 'notLabel', undefined],
      [7, 'date', 'missing', 'KH01'],
      [7, 'amount', 'missing', 'KH01'],
      [7, 'margin', 'notNumber', 'KH01'],
      [8, 'date', 'notDate', 'KH01'],
      [9, 'customer', 'unknownCustomer', 'KH09'],
    ]);
    expect(problems[0].value).toBe('¥1,200');
  });

  it('keeps every row exactly once: as a record or as the row of a problem', () => {
    const cell = fc.oneof(
      fc.constantFrom<CellValue>('', 'KH1', 'KH2', ' KH1', 12, 'x', '2024-02-30', '2024-02-29', true),
      fc.integer({ min: 0, max: 800 }).map((d) => date(2024, 1, 1 + (d % 28))),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 40 }), (rows) => {
        const grid: Grid = [['c', 'd', 'a', 'm', 'p'], ...rows];
        const { records, problems } = readOrders(grid, ORDERS, clock(), new Set(['KH1', '12']));
        const blank = (v: CellValue) => v === '';
        const nonBlank = rows.map((r, i) => (r.every(blank) ? -1 : i + 2)).filter((r) => r > 0);
        const seen = new Set([...records.map((r) => r.row), ...problems.map((p) => p.row)]);
        expect([...seen].sort((a, b) => a - b)).toEqual(nonBlank);
        for (const r of records) expect(problems.some((p) => p.row === r.row)).toBe(false);
        for (const r of records) {
          expect(Number.isFinite(r.amount)).toBe(true);
          expect(['KH1', '12']).toContain(r.customer);
        }
      }),
    );
  });
});

describe('readCustomers', () => {
  const m = mapping('customers', { id: 1, name: 2, birthday: 3, lastReviewed: 4, creditLimit: 5, outstanding: 6 });

  it('keeps the cells of every mapped field as written, and the first of two rows with one id', () => {
    const grid: Grid = [
      ['客户代码', '名称', '生日', '最近审核日期', '销售限额', '应收余额', '不认识的列'],
      ['KH01', '甲公司', '11-26', date(2026, 1, 5), 5000, 100, 'x'],
      ['KH02', '', '', '', '', ''],
      ['KH01', '甲公司（重复）', '', '', '', ''],
      ['', '没有代码的公司', '', '', '', ''],
      [true, '逻辑值', '', '', '', ''],
    ];
    const { records, problems } = readCustomers(grid, m, clock());
    expect(records).toEqual([
      { row: 2, id: 'KH01', fields: { id: 'KH01', name: '甲公司', birthday: '11-26', lastReviewed: grid[1][3], creditLimit: 5000, outstanding: 100 } },
      { row: 3, id: 'KH02', fields: { id: 'KH02', name: '', birthday: '', lastReviewed: '', creditLimit: '', outstanding: '' } },
    ]);
    expect(problems).toEqual([
      { table: 'customers', row: 4, field: 'id', value: 'KH01', problem: 'duplicateId', customer: 'KH01', otherRow: 2 },
      { table: 'customers', row: 5, field: 'id', value: '', problem: 'missing' },
      { table: 'customers', row: 6, field: 'id', value: true, problem: 'notLabel' },
    ]);
  });

  it('keeps a customer whose profile cells are unusable, and names those cells', () => {
    const grid: Grid = [
      ['客户代码', '名称', '生日', '最近审核日期', '销售限额', '应收余额'],
      ['KH01', '甲', '生日不详', '上个月', '五千', '1,000'],
    ];
    const { records, problems } = readCustomers(grid, m, clock());
    expect(records.map((r) => r.id)).toEqual(['KH01']);
    expect(problems.map((p) => [p.field, p.problem, p.customer])).toEqual([
      ['birthday', 'notDate', 'KH01'],
      ['lastReviewed', 'notDate', 'KH01'],
      ['creditLimit', 'notNumber', 'KH01'],
      ['outstanding', 'notNumber', 'KH01'],
    ]);
  });
});

describe('readContacts', () => {
  const m = mapping('contacts', { date: 1, customer: 2, kind: 3, person: 4, note: 5, deadline: 6, status: 7 });

  it('reads kinds in either language and their variants', () => {
    const rows: CellValue[][] = ['拜访', '走访', 'Visit', ' 电话 ', 'Phone call', '回访', '投诉', 'Complaint', '客诉'].map((k, i) => [
      date(2026, 11, 1 + i), 'KH01', k, '张三', '看货架', '', '',
    ]);
    const { records, problems } = readContacts([['h'], ...rows], m, clock());
    expect(problems).toEqual([]);
    expect(records.map((r) => r.kind)).toEqual(['visit', 'visit', 'visit', 'call', 'call', 'call', 'complaint', 'complaint', 'complaint']);
    expect(records[0]).toEqual({ row: 2, customer: 'KH01', day: day(2026, 11, 1), kind: 'visit', person: '张三', note: '看货架', status: '' });
  });

  it('counts a contact of an unknown or blank kind as another kind, with a problem', () => {
    const grid: Grid = [
      ['日期', '客户代码', '方式', '人员', '内容', '跟进期限', '状态'],
      [date(2026, 11, 2), 'KH01', '微信', '', '', '', ''],
      [date(2026, 11, 3), 'KH01', '', 'li@example.com', '', '', ''],
      [date(2026, 11, 4), 'KH01', '投诉', '王五', '送货晚了', '2026-11-06', '处理中'],
    ];
    const { records, problems } = readContacts(grid, m, clock());
    expect(records.map((r) => [r.row, r.kind])).toEqual([[2, 'other'], [3, 'other'], [4, 'complaint']]);
    expect(records[2]).toMatchObject({ deadlineDay: day(2026, 11, 6), status: '处理中', note: '送货晚了' });
    expect(problems.map((p) => [p.row, p.field, p.problem, p.value])).toEqual([[2, 'kind', 'unknownKind', '微信'], [3, 'kind', 'missing', '']]);
  });

  it('leaves out a contact with a bad date or deadline, or for an unknown customer', () => {
    const grid: Grid = [
      ['日期', '客户代码', '方式', '人员', '内容', '跟进期限', '状态'],
      ['昨天', 'KH01', '拜访', '', '', '', ''],
      [date(2026, 11, 3), 'KH01', '投诉', '', '', '下周', ''],
      [date(2026, 11, 3), 'KH07', '拜访', '', '', '', ''],
    ];
    const { records, problems } = readContacts(grid, m, clock(), new Set(['KH01']));
    expect(records).toEqual([]);
    expect(problems.map((p) => [p.row, p.field, p.problem])).toEqual([[2, 'date', 'notDate'], [3, 'deadline', 'notDate'], [4, 'customer', 'unknownCustomer']]);
  });
});

describe('readMonthDay', () => {
  it('reads a birthday from a date cell, a full date or a month and day', () => {
    const c = clock();
    expect(readMonthDay(date(1980, 11, 26), c)).toEqual({ month: 11, day: 26 });
    for (const v of ['1980-11-26', '1980/11/26', '1980年11月26日', '11-26', '11/26', '11月26日', '１１月２６日', ' 11-26 ']) {
      expect([v, readMonthDay(v, c)]).toEqual([v, { month: 11, day: 26 }]);
    }
    expect(readMonthDay('2-29', c)).toEqual({ month: 2, day: 29 });
    for (const v of ['2-30', '13-01', '26/11', '11月', 'soon', '', 1126, true, new Date(NaN)]) {
      expect([v, readMonthDay(v as CellValue, c)]).toEqual([v, null]);
    }
  });
});

describe('describeRowProblem', () => {
  it('words the brief examples exactly', () => {
    const p = { table: 'orders', row: 57, field: 'amount', value: '¥1,200', problem: 'notNumber' } as const;
    expect(describeRowProblem(p, 'zh', '订单')).toBe('订单 第 57 行：金额是文本“¥1,200”，不是数字。');
    expect(describeRowProblem(p, 'en', 'Orders')).toBe("Orders row 57: amount is the text '¥1,200', not a number.");
  });

  it('has a sentence for every kind of problem, naming the row and the value', () => {
    const c = clock();
    const cases = [
      [{ table: 'orders', row: 9, field: 'date', value: '05/03/24', problem: 'notDate' },
        '订单 第 9 行：订单日期是文本“05/03/24”，不是日期。请把单元格设为日期格式，或写成 2024-03-05 的形式。',
        "Orders row 9: order date is the text '05/03/24', not a date. Format the cells as dates or write them as 2024-03-05."],
      [{ table: 'customers', row: 4, field: 'birthday', value: '生日不详', problem: 'notDate', customer: 'KH01' },
        '客户 第 4 行：生日是文本“生日不详”，不是日期。请写成 11-26 或 1980-11-26 的形式，或设为日期格式。',
        "Customers row 4: birthday is the text '生日不详', not a date. Write it as 11-26 or 1980-11-26, or format the cell as a date."],
      [{ table: 'orders', row: 12, field: 'customer', value: '', problem: 'missing' },
        '订单 第 12 行：客户代码是空白。请填写，或把整行清空。',
        'Orders row 12: customer ID is empty. Fill it in, or clear the whole row.'],
      [{ table: 'contacts', row: 3, field: 'kind', value: '', problem: 'missing', customer: 'KH01' },
        '联系记录 第 3 行：方式是空白；按其他联系计算。请填写拜访、电话或投诉。',
        'Contacts row 3: kind is empty; it counts as another kind of contact. Write visit, call or complaint.'],
      [{ table: 'orders', row: 5, field: 'customer', value: date(2024, 1, 1), problem: 'notLabel' },
        '订单 第 5 行：客户代码是日期 2024-01-01；代码只能是文本或数字。',
        'Orders row 5: customer ID is the date 2024-01-01; codes must be text or numbers.'],
      [{ table: 'customers', row: 4, field: 'id', value: 'KH01', problem: 'duplicateId', customer: 'KH01', otherRow: 2 },
        '客户 第 4 行：客户代码“KH01”已在第 2 行出现，这一行没有计入。每个客户请用不同的代码。',
        "Customers row 4: customer ID 'KH01' is already on row 2, so this row is left out. Give each customer its own code."],
      [{ table: 'orders', row: 9, field: 'customer', value: 'KH09', problem: 'unknownCustomer', customer: 'KH09' },
        '订单 第 9 行：客户“KH09”不在客户表中，这一行没有计入。请添加该客户，或改正代码。',
        "Orders row 9: customer 'KH09' is not in the customer table, so this row is left out. Add the customer, or correct the code."],
      [{ table: 'contacts', row: 2, field: 'kind', value: '微信', problem: 'unknownKind', customer: 'KH01' },
        '联系记录 第 2 行：方式是文本“微信”，不是拜访、电话或投诉；按其他联系计算。',
        "Contacts row 2: kind is the text '微信', not visit, call or complaint; it counts as another kind of contact."],
    ] as const;
    const sheets = { orders: ['订单', 'Orders'], customers: ['客户', 'Customers'], contacts: ['联系记录', 'Contacts'] } as const;
    for (const [p, zh, en] of cases) {
      expect(describeRowProblem(p, 'zh', sheets[p.table][0], c)).toBe(zh);
      expect(describeRowProblem(p, 'en', sheets[p.table][1], c)).toBe(en);
    }
    // Without the clock a date is still named, without a day that could be wrong.
    expect(describeRowProblem(cases[4][0], 'en', 'Orders')).toBe('Orders row 5: customer ID is a date; codes must be text or numbers.');
  });
});
