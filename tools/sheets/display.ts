/**
 * What a user would read in a cell, close enough to Sheets' "Automatic" format for tests and the
 * local tool: dates as yyyy-mm-dd (the format the test data is typed in), errors as their code.
 */
import { CellValueDetailedType } from 'hyperformula';

// Serial 0 in Sheets (and HyperFormula's default nullDate) is 1899-12-30.
const EPOCH_MS = Date.UTC(1899, 11, 30);

const two = (n: number): string => String(n).padStart(2, '0');

/** A date serial's calendar parts, read without any time zone (serials have none). */
function serialParts(serial: number): { date: string; time: string } {
  // Whole seconds, as Sheets shows them; rounding first keeps 23:59:59.9996 from printing as :60.
  const d = new Date(EPOCH_MS + Math.round(serial * 86_400) * 1000);
  const y = d.getUTCFullYear();
  const year = y >= 0 ? String(y).padStart(4, '0') : `-${String(-y).padStart(4, '0')}`;
  return {
    date: `${year}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`,
    time: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`,
  };
}

/** Up to 10 significant digits, no trailing zeros: 1/3 → 0.3333333333. */
function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(10)));
}

export function formatDisplay(value: unknown, type: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'error' in value) return String((value as { error: unknown }).error);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return String(value);
  switch (type) {
    case CellValueDetailedType.NUMBER_DATE:
      return serialParts(value).date;
    case CellValueDetailedType.NUMBER_DATETIME: {
      const p = serialParts(value);
      return `${p.date} ${p.time}`;
    }
    case CellValueDetailedType.NUMBER_TIME:
      return serialParts(value).time;
    case CellValueDetailedType.NUMBER_PERCENT:
      return `${formatNumber(value * 100)}%`;
    default:
      return formatNumber(value);
  }
}

