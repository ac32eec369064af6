/**
 * The schedule sheet codec: what the add-on writes reads back as its own untouched rows (in
 * zones with daylight saving and with 1899 local mean time), a person's edits are seen as edits
 * and typing the same value again is not, columns are found wherever a person moved them, and
 * cells that cannot be read keep their row as a person's with a sentence naming row and value.
 *
 * `throughSheets` stands in for setValues + getValues with Sheets' own parsing of written text,
 * so a value that only survives because of its leading apostrophe is caught here.
 */
import { CellValue, isDate } from '../../../src/core/cells';
import { DayClock, daysFromCivil } from '../../../src/core/dates';
import type { ScheduleRow } from '../../../src/core/model';
import { readTime, sheetText } from '../../../src/core/schedule/cells';
import { SCHEDULE_HEADERS } from '../../../src/core/schedule/headers';
import { chainRowId, decodeCheck, encodeCheck } from '../../../src/core/schedule/identity';
import { readScheduleSheet, renderScheduleSheet, signatureOfRow } from '../../../src/core/schedule/rows';
import { ContactInfo, PlannedRow, SCHEDULE_COLUMNS } from '../../../src/core/schedule/types';

/** One cadence occurrence, as the rows below serve. */
interface ChainInfo {
  customer: string;
  role: 'rep' | 'manager' | 'director' | 'gm';
  kind: 'visit' | 'call';
  anchor: number | null;
  index: number;
  target: number;
}

function contactOf(c: ChainInfo): ContactInfo {
  return { customer: c.customer, serves: [{ role: c.role, kind: c.kind, anchor: c.anchor, index: c.index, target: c.target, purpose: 'cadence' }] };
}

const OLD_ORDER = ['date', 'time', 'customerId', 'customerName', 'kind', 'role', 'person', 'email', 'status', 'note', 'eventId', 'rowId', 'check'] as const;

/** A line written in the sheet's columns from cells listed in the 13-column order the tests were written in. */
function line(cells: CellValue[]): CellValue[] {
  const out: CellValue[] = new Array(SCHEDULE_COLUMNS.length).fill('');
  OLD_ORDER.forEach((c, i) => (out[SCHEDULE_COLUMNS.indexOf(c)] = cells[i] ?? ''));
  return out;
}
import { describeScheduleProblem } from '../../../src/core/schedule/words';
import { offsetMinutes, zonedInstant, zoneOffsetMs } from '../../../tools/gas/zone';

const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York'];

function clockOf(tz: string): DayClock {
  return new DayClock((ms) => offsetMinutes(zoneOffsetMs(tz, ms)));
}

/** A date cell as Sheets hands it back: local midnight of that day. */
function dateCell(tz: string, day: number): Date {
  const d = new Date(day * 86_400_000);
  return new Date(zonedInstant(tz, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()));
}

/** A time a person typed, as Sheets hands it back: that local time on 1899-12-30. */
function typedTime(tz: string, h: number, m: number): Date {
  return new Date(zonedInstant(tz, 1899, 12, 30, h, m));
}

/** What a cell holds after setValues(v) and getValues(), with Sheets' parsing of plain text. */
function sheetsValue(v: CellValue, tz: string): CellValue {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return new Date(v.getTime());
  if (typeof v !== 'string') return v;
  if (v.startsWith("'")) return v.slice(1);
  if (v.startsWith('=')) throw new Error(`a formula was written: ${v}`);
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  const t = /^(\d{1,2}):(\d{2})$/.exec(v);
  if (t) return typedTime(tz, +t[1], +t[2]);
  const d = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  if (d) return new Date(zonedInstant(tz, +d[1], +d[2], +d[3]));
  return v;
}

function throughSheets(grid: CellValue[][], tz: string): CellValue[][] {
  return grid.map((row) => row.map((v) => sheetsValue(v, tz)));
}

const TODAY = daysFromCivil(2026, 11, 16);

function planned(over: Partial<Omit<PlannedRow, 'contact'>> & { chain?: ChainInfo } = {}): PlannedRow {
  const { chain: given, ...rest } = over;
  const chain: ChainInfo = given ?? { customer: 'KH001', role: 'rep', kind: 'visit', anchor: null, index: 1, target: TODAY };
  return {
    rowId: chainRowId(chain.customer, chain.role, chain.kind, chain.anchor, chain.index),
    day: TODAY + 3,
    slot: 9 * 60,
    customerId: chain.customer,
    customerName: '华东贸易',
    kind: chain.kind,
    role: chain.role,
    person: '王伟',
    email: 'wang@example.cn',
    status: 'planned',
    note: '',
    eventId: '',
    origin: 'kehu',
    contact: contactOf(chain),
    sheetRow: null,
    extra: [],
    reason: '',
    ...rest,
  };
}

/** Rows that put every escape of the writer to work: formula starts, digits, dates and booleans as text, spaces. */
function awkwardRows(): PlannedRow[] {
  const chains: ChainInfo[] = [
    { customer: '00101', role: 'rep', kind: 'visit', anchor: TODAY - 40, index: 2, target: TODAY + 1 },
    { customer: '=HYPERLINK("x")', role: 'manager', kind: 'call', anchor: null, index: 1, target: TODAY },
    { customer: 'KH 7', role: 'gm', kind: 'visit', anchor: TODAY - 3, index: 5, target: TODAY + 20 },
  ];
  return [
    planned({ chain: chains[0], customerName: '2026-11-20', person: 'TRUE', note: '09:00', day: TODAY, slot: 16 * 60 + 30 }),
    planned({ chain: chains[1], customerName: ' 有空格 ', person: '-5', email: '', note: '+86 21 5555', day: null, slot: null, status: 'unscheduled' }),
    planned({ chain: chains[2], customerName: '@home', note: '3/4', eventId: 'kehu0123456789abcdefghijklmnopq', day: TODAY + 27, slot: 13 * 60 + 30 }),
  ];
}

describe('the schedule sheet round trip', () => {
  it.each(ZONES)('reads what it wrote back as the same untouched rows (%s)', (tz) => {
    const clock = clockOf(tz);
    const rows = awkwardRows();
    const grid = renderScheduleSheet(rows, 'zh', (day) => dateCell(tz, day));
    const sheet = readScheduleSheet(throughSheets(grid, tz), clock);
    expect(sheet.problems).toEqual([]);
    expect(sheet.headerRow).toBe(1);
    expect(sheet.rows.map((r) => r.origin)).toEqual(['kehu', 'kehu', 'kehu']);
    sheet.rows.forEach((r, i) => {
      const w = rows[i];
      expect({ ...r, customerName: r.customerName }).toMatchObject({
        rowId: w.rowId, day: w.day, slot: w.slot, customerId: w.customerId, customerName: w.customerName.trim(),
        kind: w.kind, role: w.role, person: w.person, email: w.email, status: w.status, note: w.note, eventId: w.eventId,
        contact: w.contact, sheetRow: i + 2,
      });
    });
  });

  it('writes dates through toDate, times and user text so they stay text, words of the file language', () => {
    const [row] = awkwardRows();
    const grid = renderScheduleSheet([row], 'en', (day) => `D${day}`);
    expect(grid[0]).toEqual(SCHEDULE_COLUMNS.map((c) => SCHEDULE_HEADERS[c].en));
    const line = grid[1];
    expect(line.slice(0, 14)).toEqual([`D${TODAY}`, "'16:30", "'00101", "'2026-11-20", '', 'Visit', '', 'Sales rep', "'TRUE", '', "'wang@example.cn", 'Planned', "'09:00", '']);
    expect(line[14]).toBe(row.rowId);
    expect(decodeCheck(line[15])).toEqual({ contact: row.contact, sig: signatureOfRow(row) });
    const zh = renderScheduleSheet([row], 'zh', () => '');
    expect(zh[0][0]).toBe('日期');
    expect(zh[1].slice(5, 12)).toEqual(['拜访', '', '销售员', "'TRUE", '', "'wang@example.cn", '计划']);
  });

  it('never writes a formula: text starting with = + - @ keeps one apostrophe', () => {
    expect(sheetText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(sheetText("'quoted")).toBe("''quoted");
    expect(sheetText('')).toBe('');
    const rows = awkwardRows();
    const grid = renderScheduleSheet(rows, 'zh', (day) => dateCell('Asia/Shanghai', day));
    for (const line of grid.slice(1)) for (const v of line) expect(typeof v === 'string' && /^[=+\-@]/.test(v)).toBe(false);
  });

  it('finds its columns after a person moved them, inserted their own and put a title above', () => {
    const tz = 'Asia/Shanghai';
    const clock = clockOf(tz);
    const rows = awkwardRows();
    const written = throughSheets(renderScheduleSheet(rows, 'en', (day) => dateCell(tz, day)), tz);
    // Move Status to the front, insert a column "拜访结果" after Customer, put two title rows above.
    const moved = written.map((line, i) => {
      const [date, time, id, name, ...rest] = line;
      const at = SCHEDULE_COLUMNS.indexOf('status') - 4;
      const status = rest[at];
      const restNoStatus = rest.filter((_, k) => k !== at);
      return [status, date, time, id, name, i === 0 ? '拜访结果' : i === 2 ? '谈得不错' : '', ...restNoStatus];
    });
    const grid: CellValue[][] = [['客户拜访计划 2026'], [], ...moved];
    const sheet = readScheduleSheet(grid, clock);
    expect(sheet.problems).toEqual([]);
    expect(sheet.headerRow).toBe(3);
    expect(sheet.extraHeaders).toEqual(['拜访结果']);
    expect(sheet.rows.map((r) => [r.origin, r.sheetRow, r.extra])).toEqual([['kehu', 4, ['']], ['kehu', 5, ['谈得不错']], ['kehu', 6, ['']]]);
    expect(sheet.rows[0].status).toBe('planned');
    // Written again, the person's column travels with its row, at the right.
    const again = renderScheduleSheet(sheet.rows.map((r) => ({ ...r, reason: '' as const })), 'en', (day) => dateCell(tz, day), sheet.extraHeaders);
    expect(again[0][SCHEDULE_COLUMNS.length]).toBe('拜访结果');
    expect(again[2][SCHEDULE_COLUMNS.length]).toBe("'谈得不错");
  });

  it('reads English headers in a Chinese file and Chinese words in an English one', () => {
    const tz = 'Europe/Berlin';
    const rows = awkwardRows();
    const en = throughSheets(renderScheduleSheet(rows, 'en', (day) => dateCell(tz, day)), tz);
    const zh = throughSheets(renderScheduleSheet(rows, 'zh', (day) => dateCell(tz, day)), tz);
    const mixed = [en[0], ...zh.slice(1)];
    const sheet = readScheduleSheet(mixed, clockOf(tz));
    expect(sheet.rows.map((r) => r.origin)).toEqual(['kehu', 'kehu', 'kehu']);
  });
});

describe('whose a row is', () => {
  const tz = 'America/New_York';
  const clock = clockOf(tz);
  const COL = Object.fromEntries(SCHEDULE_COLUMNS.map((c, i) => [c, i])) as Record<(typeof SCHEDULE_COLUMNS)[number], number>;

  function written(): CellValue[][] {
    return throughSheets(renderScheduleSheet(awkwardRows(), 'zh', (day) => dateCell(tz, day)), tz);
  }

  function readWith(edit: (grid: CellValue[][]) => void) {
    const grid = written();
    edit(grid);
    return readScheduleSheet(grid, clock);
  }

  it('does not count typing the same value again as a change', () => {
    const sheet = readWith((g) => {
      g[1][COL.date] = dateCell(tz, TODAY); // the date picked again in the date picker
      g[1][COL.time] = typedTime(tz, 16, 30); // "16:30" typed: Sheets makes it a time
      g[1][COL.status] = 'Planned'; // the English word in a Chinese file
      g[1][COL.kind] = ' 拜访 ';
      g[3][COL.time] = '13:30';
      g[3][COL.customerName] = '@home '; // a trailing space
      g[1][COL.eventId] = 'kehuabc'; // the calendar step writes this column: not a person's change
    });
    expect(sheet.rows.map((r) => r.origin)).toEqual(['kehu', 'kehu', 'kehu']);
  });

  it.each([
    ['date', (g: CellValue[][]) => { g[1][COL.date] = dateCell(tz, TODAY + 1); }],
    ['time', (g: CellValue[][]) => { g[1][COL.time] = typedTime(tz, 10, 0); }],
    ['customer id', (g: CellValue[][]) => { g[1][COL.customerId] = '00102'; }],
    ['customer name', (g: CellValue[][]) => { g[1][COL.customerName] = '另一家'; }],
    ['kind', (g: CellValue[][]) => { g[1][COL.kind] = '电话'; }],
    ['role', (g: CellValue[][]) => { g[1][COL.role] = '总经理'; }],
    ['person', (g: CellValue[][]) => { g[1][COL.person] = '李娜'; }],
    ['e-mail', (g: CellValue[][]) => { g[1][COL.email] = 'li@example.cn'; }],
    ['status', (g: CellValue[][]) => { g[1][COL.status] = '完成'; }],
    ['note', (g: CellValue[][]) => { g[1][COL.note] = '客户要求改到下午'; }],
    ['a cleared time', (g: CellValue[][]) => { g[1][COL.time] = ''; }],
  ])('sees a changed %s as a person\'s change, and keeps what the row serves', (_what, edit) => {
    const sheet = readWith(edit);
    expect(sheet.rows.map((r) => r.origin)).toEqual(['changed', 'kehu', 'kehu']);
    expect(sheet.rows[0].contact).toEqual(awkwardRows()[0].contact);
  });

  it('takes a row without a Kehu ID (or with one the add-on did not make) as a row a person added', () => {
    const sheet = readWith((g) => {
      g.push(line(['2026-11-18', '10:00', 'KH009', '新客户', '拜访', '', '王伟', '', '', '', '', '', '']));
      g.push(line([dateCell(tz, TODAY + 2), '', 'KH010', '', '', '', '', '', '', '', '', 'my-own-id', '']));
      g.push(line(['', '', '', '', '', '', '', '', '', '', '', 'kxxx', '{"s":"x"}'])); // a cleared row: gone
    });
    expect(sheet.rows.map((r) => [r.origin, r.rowId])).toEqual([['kehu', expect.any(String)], ['kehu', expect.any(String)], ['kehu', expect.any(String)], ['added', ''], ['added', '']]);
    const added = sheet.rows[3];
    expect(added).toMatchObject({ day: daysFromCivil(2026, 11, 18), slot: 600, kind: 'visit', role: 'rep', status: 'planned', guessed: ['role', 'status'] });
    expect(sheet.rows[4]).toMatchObject({ day: TODAY + 2, slot: null, status: 'planned', guessed: ['kind', 'role', 'status'] });
  });

  it('keeps a row whose check was edited as a person\'s, and says so', () => {
    const sheet = readWith((g) => {
      g[2][COL.check] = '{"c":"broken"';
      const other = awkwardRows()[2].contact!;
      g[3][COL.check] = encodeCheck({ contact: { ...other, serves: [{ ...other.serves[0], index: 6 }] }, sig: 'x' }); // another occurrence's check
    });
    expect(sheet.rows.map((r) => [r.origin, r.contact])).toEqual([['kehu', awkwardRows()[0].contact], ['changed', null], ['changed', null]]);
    expect(sheet.problems.map((p) => [p.problem, p.row])).toEqual([['badCheck', 3], ['badCheck', 4]]);
  });

  it('gives a copied row a new identity: the untouched one keeps the id', () => {
    const sheet = readWith((g) => {
      const copy = [...g[1]];
      copy[COL.note] = '加急';
      g.splice(1, 0, copy); // the edited copy is above the original
    });
    expect(sheet.rows.map((r) => [r.sheetRow, r.origin, r.rowId === ''])).toEqual([[2, 'added', true], [3, 'kehu', false], [4, 'kehu', false], [5, 'kehu', false]]);
    expect(sheet.problems).toEqual([{ problem: 'duplicateId', row: 2, column: 'rowId', value: awkwardRows()[0].rowId, otherRow: 3 }]);
  });

  it('keeps rows it cannot read, with a problem naming the row and the value in both languages', () => {
    const sheet = readWith((g) => {
      g[1][COL.date] = '下周二';
      g[1][COL.time] = dateCell(tz, TODAY); // a date typed into the time column
      g[2][COL.kind] = '投诉';
      g[2][COL.role] = '实习生';
      g[3][COL.status] = '进行中';
      g.push(line(['', '', 'KH011', '', '电话', '', '', '', '完成', '', '', '', '']));
    });
    expect(sheet.rows.map((r) => r.origin)).toEqual(['changed', 'changed', 'changed', 'added']);
    expect(sheet.problems.map((p) => [p.problem, p.row, p.column])).toEqual([
      ['notDate', 2, 'date'], ['notTime', 2, 'time'], ['unknownKind', 3, 'kind'], ['unknownRole', 3, 'role'],
      ['unknownStatus', 4, 'status'], ['doneWithoutDate', 5, 'date'],
    ]);
    const [notDate, notTime] = sheet.problems;
    expect(describeScheduleProblem(notDate, 'zh')).toBe('拜访计划第 2 行：日期“下周二”不是日期，请写成 2026-11-20。这一行按人工修改的行保留。');
    expect(describeScheduleProblem(notDate, 'en')).toBe("Visit schedule row 2: the Date '下周二' is not a date; write it as 2026-11-20. The row is kept as a person's row.");
    // A Date is quoted as the person sees it, in the file's zone.
    expect(describeScheduleProblem(notTime, 'en')).toContain("'2026-11-16 00:00'");
    for (const p of sheet.problems) {
      for (const lang of ['zh', 'en'] as const) {
        const text = describeScheduleProblem(p, lang);
        expect(text).toContain(String(p.row));
        if (p.problem !== 'doneWithoutDate') expect(text).toContain(String(p.value));
      }
    }
  });

  it('refuses to read a sheet whose header is gone, so nothing is overwritten', () => {
    const grid = written().slice(1);
    const sheet = readScheduleSheet(grid, clock);
    expect(sheet).toMatchObject({ headerRow: null, rows: [] });
    expect(sheet.problems.map((p) => p.problem)).toEqual(['noHeader']);
    expect(describeScheduleProblem(sheet.problems[0], 'zh')).toContain('找不到表头');
    expect(readScheduleSheet([], clock)).toEqual({ headerRow: null, extraHeaders: [], rows: [], problems: [] });
    expect(readScheduleSheet([['', ''], ['']], clock).problems).toEqual([]);
  });
});

describe('time cells', () => {
  it.each(ZONES.concat(['Asia/Kolkata', 'America/Sao_Paulo', 'Africa/Monrovia']))('reads every minute a person types as that minute (%s)', (tz) => {
    // In 1899 these zones kept local mean time (offsets with seconds); the clock learns whole minutes.
    const clock = clockOf(tz);
    for (let m = 0; m < 1440; m += 7) expect(readTime(typedTime(tz, Math.floor(m / 60), m % 60), clock)).toBe(m);
    expect(readTime(typedTime(tz, 23, 59), clock)).toBe(1439);
  });

  it('reads text, fractions of a day and blanks, and refuses the rest', () => {
    const clock = clockOf('Asia/Shanghai');
    expect([readTime('9:05', clock), readTime("'09:00", clock), readTime(' 14：30 ', clock), readTime('08:15:59', clock)]).toEqual([545, 540, 870, 495]);
    expect([readTime(0.375, clock), readTime('', clock), readTime(null, clock)]).toEqual([540, null, null]);
    for (const bad of ['24:00', '9点', '9:5', 1.5, -0.1, true, dateCell('Asia/Shanghai', TODAY), new Date(NaN)]) {
      expect(typeof readTime(bad as CellValue, clock)).toBe('symbol');
    }
  });
});

describe('row identity', () => {
  it('depends on customer, role, kind, anchor and occurrence, never on the date', () => {
    const ids = new Set<string>();
    for (const customer of ['KH1', 'KH2', '1', '']) {
      for (const role of ['rep', 'manager'] as const) {
        for (const kind of ['visit', 'call'] as const) {
          for (const anchor of [null, 0, 20000]) for (let i = 1; i <= 3; i++) ids.add(chainRowId(customer, role, kind, anchor, i));
        }
      }
    }
    expect(ids.size).toBe(4 * 2 * 2 * 3 * 3);
    for (const id of ids) expect(id).toMatch(/^k[0-9a-v]{25}$/);
    const row: ScheduleRow = planned();
    expect(signatureOfRow({ ...row, day: TODAY + 9, eventId: 'x' })).not.toBe(signatureOfRow(row));
    expect(signatureOfRow({ ...row, eventId: 'x', rowId: 'y' })).toBe(signatureOfRow(row));
  });

  it('refuses checks that are not its own', () => {
    for (const text of ['', 'null', '[]', '{}', '{"s":1}', '{"c":"K","r":"boss","k":"visit","a":null,"i":1,"t":1,"s":"x"}',
      '{"c":"K","r":"rep","k":"visit","a":null,"i":-5000000,"t":1,"s":"x"}', '{"c":"K","o":[],"s":"x"}', '{"c":"K","o":[["rep","visit",null,1,1,"party"]],"s":"x"}', '{"c":"K","r":"rep","k":"visit","a":1.5,"i":1,"t":1,"s":"x"}',
      // Out of any calendar: would make the planner count chains from the far past.
      '{"c":"K","r":"rep","k":"visit","a":null,"i":1,"t":-1e300,"s":"x"}', '{"c":"K","r":"rep","k":"visit","a":null,"i":1e12,"t":1,"s":"x"}']) {
      expect(decodeCheck(text)).toBeNull();
    }
    expect(decodeCheck(42)).toBeNull();
    expect(decodeCheck('{"s":"abc"}')).toEqual({ contact: null, sig: 'abc' });
    // A check written before rows served several occurrences reads as one cadence occurrence.
    expect(decodeCheck('{"c":"K","r":"rep","k":"call","a":null,"i":3,"t":20000,"s":"x"}')).toEqual({
      contact: { customer: 'K', serves: [{ role: 'rep', kind: 'call', anchor: null, index: 3, target: 20000, purpose: 'cadence' }] }, sig: 'x',
    });
  });
});
