/**
 * Text going into cells. setValue/setValues read a string the way Sheets reads typing: '=…'
 * becomes a formula (and '+', '-', '@', a leading tab or carriage return can start one when the
 * file is exported: OWASP "CSV injection"), '007' becomes the number 7, '2026-11' a date,
 * 'TRUE' a boolean, and a leading apostrophe disappears. A leading apostrophe of our own makes
 * Sheets keep the rest exactly as text and is not part of the value read back; it is not shown.
 */

/** Text (typed by a person, or read from a cell) written so it comes back exactly as it is. */
export function cellText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** The same rule, for ids, periods and codes the add-on writes and reads back. */
export function literalText(text: string): string {
  return cellText(text);
}
