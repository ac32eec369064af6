/**
 * The calendar registry sheet: what is written reads back the same (in either language, in any
 * column order, as Sheets hands the values back), and hand-damaged rows are skipped and named.
 */
import type { CellValue } from '../../../src/core/cells';
import { eventIdFor } from '../../../src/core/calendar/events';
import { describeRegistryProblem, readRegistry, renderRegistry, type Registry, type RegistryEntry } from '../../../src/core/calendar/registry';
import { DayClock, daysFromCivil } from '../../../src/core/dates';
import { offsetMinutes, zonedInstant, zoneOffsetMs } from '../../../tools/gas/zone';

const D = (y: number, m: number, d: number): number => daysFromCivil(y, m, d);

function entry(rowId: string, over: Partial<RegistryEntry> = {}): RegistryEntry {
  return { eventId: eventIdFor('sheet-abc', rowId), rowId, day: D(2024, 3, 11), status: 'confirmed', signature: 'abcdefghij0123456789klmnop', ...over };
}

function registryOf(...entries: RegistryEntry[]): Registry {
  return new Map(entries.map((e) => [e.eventId, e]));
}

/** What getValues answers after setValues: a leading apostrophe keeps text as text and is not part of the value. */
function asSheetsStores(rows: readonly (readonly string[])[]): CellValue[][] {
  return rows.map((r) => r.map((v) => (v.startsWith("'") ? v.slice(1) : v)));
}

const sample = registryOf(
  entry('row-b', { day: D(2024, 3, 12) }),
  entry('row-a', { day: D(2024, 3, 12), status: 'cancelled' }),
  entry('row-c', { day: D(2024, 3, 9), status: 'pending', signature: '' }),
  entry('row-d', { signature: '1234567890123e45678901234' }), // would read as a number if written bare
);

describe('renderRegistry / readRegistry', () => {
  it.each(['zh', 'en'] as const)('reads back what it wrote (%s), sorted by day then row id', (lang) => {
    const grid = renderRegistry(sample, lang);
    expect(grid[0]).toEqual(lang === 'zh' ? ['日历事件 ID', 'Kehu ID', '日期', '状态', '签名'] : ['Event ID', 'Kehu ID', 'Day', 'Status', 'Signature']);
    expect(grid.slice(1).map((r) => r[1])).toEqual(["'row-c", "'row-d", "'row-a", "'row-b"]);
    const read = readRegistry(asSheetsStores(grid));
    expect(read.problems).toEqual([]);
    expect([...read.registry.values()].sort((a, b) => (a.rowId < b.rowId ? -1 : 1))).toEqual(
      [...sample.values()].sort((a, b) => (a.rowId < b.rowId ? -1 : 1)),
    );
  });

  it('writes every value cell as text (apostrophe), so Sheets turns no signature into a number and no day into a date', () => {
    const grid = renderRegistry(sample, 'en');
    for (const r of grid.slice(1)) {
      for (const [c, v] of r.entries()) if (c !== 3) expect(v.startsWith("'")).toBe(true);
    }
    expect(grid[1][2]).toBe("'2024-03-09");
  });

  it('reads a file written in the other language, with columns in another order and extra columns', () => {
    const zh = renderRegistry(sample, 'zh');
    const order = [4, 2, 0, 3, 1];
    const shuffled = zh.map((r, i) => [...order.map((c) => r[c]), i === 0 ? '备注' : 'typed by someone']);
    const read = readRegistry(asSheetsStores(shuffled));
    expect(read.problems).toEqual([]);
    expect(read.registry).toEqual(readRegistry(asSheetsStores(renderRegistry(sample, 'en'))).registry);
  });

  it('reads a day cell that Sheets turned into a date, with the clock', () => {
    const tz = 'Asia/Shanghai';
    const clock = new DayClock((ms) => offsetMinutes(zoneOffsetMs(tz, ms)));
    const id = eventIdFor('sheet-abc', 'row-1');
    const grid: CellValue[][] = [['Event ID', 'Kehu ID', 'Day', 'Status', 'Signature'], [id, 'row-1', new Date(zonedInstant(tz, 2024, 3, 11)), 'confirmed', 'x']];
    expect(readRegistry(grid, clock).registry.get(id)?.day).toBe(D(2024, 3, 11));
    // Without a clock the day cannot be known: the row is reported, not guessed.
    expect(readRegistry(grid).problems).toEqual([{ row: 2, field: 'day', value: grid[1][2] }]);
  });

  it('takes a row id Sheets hands back as a number as its text', () => {
    const id = eventIdFor('sheet-abc', '101');
    const read = readRegistry([['Event ID', 'Kehu ID', 'Day', 'Status'], [id, 101, '2024-03-11', 'confirmed']]);
    expect(read.registry.get(id)).toEqual({ eventId: id, rowId: '101', day: D(2024, 3, 11), status: 'confirmed', signature: '' });
  });

  it('reads an empty sheet as an empty registry without a problem', () => {
    expect(readRegistry([])).toEqual({ registry: new Map(), problems: [] });
    expect(readRegistry([['', ''], ['', '']])).toEqual({ registry: new Map(), problems: [] });
  });
});

describe('readRegistry: damaged rows', () => {
  const good = eventIdFor('sheet-abc', 'row-1');
  const header = ['Event ID', 'Kehu ID', 'Day', 'Status', 'Signature'];

  it('skips and names each damaged row, keeps the good ones, and skips blank rows silently', () => {
    const grid: CellValue[][] = [
      header,
      [good, 'row-1', '2024-03-11', 'confirmed', 's'],
      ['', '', '', '', ''],
      ['KEHU-not-an-id', 'row-2', '2024-03-11', 'confirmed', 's'],
      [eventIdFor('sheet-abc', 'row-3'), '', '2024-03-11', 'confirmed', 's'],
      [eventIdFor('sheet-abc', 'row-4'), 'row-4', '11/03/2024', 'confirmed', 's'],
      [eventIdFor('sheet-abc', 'row-5'), 'row-5', '2024-03-11', 'maybe', 's'],
      [good, 'row-1', '2024-03-12', 'cancelled', 's'],
    ];
    const read = readRegistry(grid);
    expect([...read.registry.keys()]).toEqual([good]);
    expect(read.registry.get(good)?.status).toBe('confirmed');
    expect(read.problems).toEqual([
      { row: 4, field: 'eventId', value: 'KEHU-not-an-id' },
      { row: 5, field: 'rowId', value: '' },
      { row: 6, field: 'day', value: '11/03/2024' },
      { row: 7, field: 'status', value: 'maybe' },
      { row: 8, field: 'duplicate', value: good },
    ]);
  });

  it('reads nothing from a sheet whose header lacks a needed column, and says so', () => {
    const read = readRegistry([['Event ID', 'Kehu ID', 'Status'], [good, 'row-1', 'confirmed']]);
    expect(read.registry.size).toBe(0);
    expect(read.problems).toEqual([{ row: 1, field: 'header', value: 'Event ID | Kehu ID | Status' }]);
  });

  it('describes a problem with its sheet row and value, in Chinese and English', () => {
    const p = { row: 6, field: 'day' as const, value: '11/03/2024' };
    expect(describeRegistryProblem(p, 'Kehu · 日历记录', 'zh')).toBe('“Kehu · 日历记录”第 6 行已跳过：日期无法识别（“11/03/2024”）。');
    expect(describeRegistryProblem(p, 'Kehu · Calendar', 'en')).toBe("Row 6 of 'Kehu · Calendar' was skipped: the day cannot be read ('11/03/2024').");
  });
});
