/** The log's limit on plain rows: whole days summarized per kind, counts kept, merges, order. */
import { compactLog, summaryCounts, SUMMARY_WORD } from '../../../src/core/automation/log';
import type { CellValue } from '../../../src/core/cells';

const DAY = 86_400_000;
const options = (max: number, target: number) => ({
  lang: 'en' as const,
  max,
  target,
  dayOf: (cell: CellValue) => (cell instanceof Date ? Math.floor(cell.getTime() / DAY) : null),
  dayCell: (day: number) => new Date(day * DAY),
});

function lines(day: number, kind: string, word: string, n: number): CellValue[][] {
  return Array.from({ length: n }, (_, i) => [new Date(day * DAY + 1000 * i), `C${i}`, kind, word, 'why']);
}

/** raised/cleared totals per kind over summary and detail lines. */
function totals(rows: readonly CellValue[][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const kind = String(r[2]).replace(/^'/, '');
    if (r[3] === SUMMARY_WORD.en) for (const [w, n] of summaryCounts(String(r[4]).replace(/^'/, ''))) out[`${kind}/${w}`] = (out[`${kind}/${w}`] ?? 0) + n;
    else {
      const word = String(r[3]).replace(/^'/, '');
      out[`${kind}/${word}`] = (out[`${kind}/${word}`] ?? 0) + 1;
    }
  }
  return out;
}

describe('compactLog', () => {
  it('leaves a log within the limit as it is', () => {
    const rows = lines(1, 'lapsed', 'raised', 10);
    expect(compactLog(rows, options(10, 5))).toEqual(rows);
  });

  it('summarizes one huge day (a first run on a large file) into a line per kind, keeping the counts', () => {
    const rows = [...lines(5, 'lapsed', 'raised', 1204), ...lines(5, 'lapsed', 'cleared', 1177), ...lines(5, 'run', 'Daily run', 3)];
    const out = compactLog(rows, options(2000, 1500));
    expect(out).toEqual([
      [new Date(5 * DAY), '', "'lapsed", 'summary', "'raised 1,204, cleared 1,177"],
      [new Date(5 * DAY), '', "'run", 'summary', "'Daily run 3"],
    ]);
  });

  it('summarizes whole days, oldest first, until the target is met, and keeps the newer lines in order as text', () => {
    const rows = [...lines(1, 'lapsed', 'raised', 50), ...lines(2, 'lapsed', 'raised', 50), ...lines(3, 'big', 'raised', 50), ...lines(4, 'big', 'cleared', 50)];
    const out = compactLog(rows, options(150, 120));
    expect(out.length).toBeLessThanOrEqual(120);
    expect(out.slice(0, 2).map((r) => r[3])).toEqual(['summary', 'summary']);
    expect(out.slice(2)).toEqual(rows.slice(100).map((r) => r.map((v) => (typeof v === 'string' ? `'${v}` : v))));
    expect(totals(out)).toEqual(totals(rows));
  });

  it('merges a day summarized before with its later lines into one line per kind', () => {
    const first = compactLog([...lines(7, 'lapsed', 'raised', 30), ...lines(8, 'lapsed', 'raised', 5)], options(20, 10));
    // Read back as Sheets answers: without the apostrophes.
    const readBack = first.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)));
    const again = compactLog([...readBack, ...lines(8, 'lapsed', 'cleared', 30)], options(20, 10));
    expect(again.filter((r) => r[3] === 'summary')).toHaveLength(2);
    expect(totals(again)).toEqual({ 'lapsed/raised': 35, 'lapsed/cleared': 30 });
  });

  it('counts a line without a time in the day of the line before it', () => {
    const rows = [...lines(3, 'lapsed', 'raised', 5), ['', '', 'run', 'note', 'typed by a person'], ...lines(9, 'lapsed', 'raised', 5)];
    const out = compactLog(rows, options(10, 6));
    expect(out.slice(0, 2)).toEqual([
      [new Date(3 * DAY), '', "'lapsed", 'summary', "'raised 5"],
      [new Date(3 * DAY), '', "'run", 'summary', "'note 1"],
    ]);
  });
});
