/**
 * A1 notation for messages. Parsing goes through HyperFormula (it knows sheet names and quoting);
 * this only writes addresses back, e.g. for Sheets' "would overwrite data in D2".
 */

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Zero-based column and row as "D2". */
export function a1Of(col: number, row: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
