/** A1 notation: column letters and ranges, as Sheets writes them. */

/** 'A' for 1, 'AA' for 27. */
export function columnLetters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** [row, column, numRows, numColumns] (1-based) of 'B2', 'A1:C10', 'A:C' (whole columns) or '2:5' (whole rows). */
export function parseA1(a1: string, maxRows: number, maxColumns: number): [number, number, number, number] {
  const text = a1.trim();
  const cells = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(text);
  if (cells) {
    const [, c1, r1, c2 = c1, r2 = r1] = cells;
    const [top, bottom] = [Number(r1), Number(r2)].sort((a, b) => a - b);
    const [left, right] = [columnNumber(c1), columnNumber(c2)].sort((a, b) => a - b);
    return [top, left, bottom - top + 1, right - left + 1];
  }
  // 'B2:D' (open below, as Sheets allows): from row 2 to the sheet's last row.
  const open = /^\$?([A-Za-z]+)\$?(\d+):\$?([A-Za-z]+)$/.exec(text);
  if (open) {
    const top = Number(open[2]);
    const [left, right] = [columnNumber(open[1]), columnNumber(open[3])].sort((a, b) => a - b);
    if (top > maxRows) throw new Error('Range not found');
    return [top, left, maxRows - top + 1, right - left + 1];
  }
  const columns = /^\$?([A-Za-z]+):\$?([A-Za-z]+)$/.exec(text);
  if (columns) {
    const [left, right] = [columnNumber(columns[1]), columnNumber(columns[2])].sort((a, b) => a - b);
    return [1, left, maxRows, right - left + 1];
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(text);
  if (rows) {
    const [top, bottom] = [Number(rows[1]), Number(rows[2])].sort((a, b) => a - b);
    return [top, 1, bottom - top + 1, maxColumns];
  }
  throw new Error('Range not found');
}

/** Splits "'My sheet'!A1:B2" or "Sheet1!A1" into [sheet name or null, range]. */
export function splitSheetName(a1: string): [string | null, string] {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return [null, a1];
  let name = a1.slice(0, bang).trim();
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return [name, a1.slice(bang + 1)];
}

/** 'B2' or 'B2:C9' for a rectangle. */
export function a1Of(row: number, column: number, numRows: number, numColumns: number): string {
  const first = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return first;
  return `${first}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
