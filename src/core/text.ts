/**
 * Text going into cells. Sheets turns a written string that starts with '=' into a formula, and
 * '+', '-', '@' (and a leading tab or carriage return) can start one too when the file is
 * exported and opened elsewhere (OWASP "CSV injection"). Text a person typed, or read from a
 * cell, is written with a leading apostrophe in those cases, which Sheets keeps as text and does
 * not show.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function cellText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Text that must come back exactly as written: Sheets reads a written '2026-11' as a date,
 * '00123' as the number 123 and 'TRUE' as a boolean. The leading apostrophe keeps any string
 * as it is (and is not part of the value read back).
 */
export function literalText(text: string): string {
  return text === '' ? '' : `'${text}`;
}
