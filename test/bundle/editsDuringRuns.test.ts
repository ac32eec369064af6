/**
 * People keep working while a run is on: a row inserted or the table sorted between two of the
 * run's service calls, a schedule row edited while the schedule is being planned. Whatever the
 * moment, the file ends as if the person had acted before the run or after it (never a mix, such
 * as one customer's values beside another), and no person's edit is written over.
 */
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { exec, sampleFile, sheetOf, sheetValues } from '../support/automation';

jest.setTimeout(300_000);

function callsOf(fn: string, prepare: (b: LoadedBundle) => void = () => undefined): number {
  const b = sampleFile({ customers: 30 });
  prepare(b);
  return exec(b, fn).callCount;
}

describe('during a refresh', () => {
  const total = callsOf('flagStaleRecords');
  const customersAfter = (act: (b: LoadedBundle) => void, when: 'before' | 'after'): string => {
    const b = sampleFile({ customers: 30 });
    if (when === 'before') act(b);
    exec(b, 'flagStaleRecords');
    if (when === 'after') act(b);
    return JSON.stringify(sheetValues(b, 'Customers'));
  };

  it.each([
    ['a row inserted at the top', (b: LoadedBundle) => {
      const s = sheetOf(b, 'Customers');
      s.insertRowsBefore(3, 1);
      s.getRange(3, 1, 1, 2).setValues([['KH-NEW', '新客户']]);
    }],
    ['the team columns sorted by name', (b: LoadedBundle) => {
      const s = sheetOf(b, 'Customers');
      const width = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0].findIndex((h: unknown) => String(h).startsWith('Kehu'));
      s.getRange(2, 1, s.getLastRow() - 1, width < 0 ? s.getLastColumn() : width).sort({ column: 2, ascending: false });
    }],
    ['the whole sheet sorted by name', (b: LoadedBundle) => {
      const s = sheetOf(b, 'Customers');
      s.getRange(2, 1, s.getLastRow() - 1, s.getLastColumn()).sort({ column: 2, ascending: true });
    }],
  ])('%s at any moment: the file ends as if it happened before the run or after it', (_what, act) => {
    // Between the run's last read and its write the person's change cannot be seen in advance;
    // what must never happen is a third outcome, such as one customer's values beside another.
    const before = customersAfter(act, 'before');
    const after = customersAfter(act, 'after');
    const other: number[] = [];
    for (let n = 1; n <= total; n++) {
      const b = sampleFile({ customers: 30 });
      const run = b.next();
      run.fakes.actAt(n, () => act(b));
      expect(run.run('flagStaleRecords', { ui: true }).ok).toBe(true);
      const got = JSON.stringify(sheetValues(b, 'Customers'));
      if (got !== before && got !== after) other.push(n);
    }
    expect(other).toEqual([]);
  });
});

describe('during a schedule build', () => {
  it('an edit a person makes at any moment survives the run', () => {
    const total = callsOf('buildVisitSchedule', (b) => exec(b, 'buildVisitSchedule'));
    const lost: string[] = [];
    for (let n = 1; n <= total; n++) {
      const b = sampleFile({ customers: 30 });
      exec(b, 'buildVisitSchedule');
      const rows = sheetValues(b, '拜访计划')!;
      const at = rows.findIndex((r, i) => i > 0 && r[0] !== '');
      const id = rows[at][11];
      const run = b.next();
      run.fakes.actAt(n, () => sheetOf(b, '拜访计划').getRange(at + 1, 10).setValue('客户说周五再来'));
      expect(run.run('buildVisitSchedule', { ui: true }).ok).toBe(true);
      const row = sheetValues(b, '拜访计划')!.find((r) => r[11] === id);
      if (!row || row[9] !== '客户说周五再来') lost.push(`call ${n}: ${row ? row[9] : 'row gone'}`);
    }
    expect(lost).toEqual([]);
  });
});
