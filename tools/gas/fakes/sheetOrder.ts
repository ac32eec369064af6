/** The order Sheets sorts cells in: numbers (dates too), then text, then booleans; blanks always last. */
import { isDate } from './cells';
import type { CellValue } from './sheetStore';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: false });

function rank(v: CellValue): number {
  if (typeof v === 'number' || isDate(v)) return 0;
  if (typeof v === 'string') return 1;
  return 2; // boolean
}

const asNumber = (v: CellValue): number => (isDate(v) ? v.getTime() / 86_400_000 : (v as number));

/** Compares two non-blank cells, ascending. */
function compareFilled(a: CellValue, b: CellValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return asNumber(a) - asNumber(b);
  if (ra === 1) return collator.compare(a as string, b as string);
  return Number(a) - Number(b);
}

/** Orders rows by several keys (each a column index into the row), as Range.sort with a list does. */
export function sortedOrderBy(rows: CellValue[][], specs: { index: number; ascending: boolean }[]): number[] {
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      for (const { index, ascending } of specs) {
        const a = x.row[index];
        const b = y.row[index];
        const ab = a === '';
        const bb = b === '';
        if (ab || bb) {
          if (ab !== bb) return ab ? 1 : -1;
          continue;
        }
        const c = compareFilled(a, b);
        if (c !== 0) return ascending ? c : -c;
      }
      return x.i - y.i;
    })
    .map((e) => e.i);
}
