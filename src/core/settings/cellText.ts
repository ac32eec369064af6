/**
 * Text written into the Settings sheet must come back as the same text. Sheets turns written
 * text that looks like a formula, a number, a date, a time or TRUE/FALSE into that (a code
 * "007" would come back as the number 7); a leading apostrophe keeps it text and is not shown,
 * and getValues returns the text without it.
 */

// What Sheets would read as something other than text: numbers (1,000  5%  ¥12  1e5), dates
// (2024-03-05  3/5  1-5  2024年3月5日), times (9:00) and the two logical values.
const CONVERTED = [
  /^[+-]?[$¥€£]?\s*[\d.,]+(e[+-]?\d+)?\s*%?$/i,
  /^\d{1,4}\s*[-/.年]\s*\d{1,2}/,
  /^\d{1,2}\s*[:：]\s*\d{2}/,
  /^(true|false)$/i,
];

/** Text that starts a formula when written or exported (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The text, with a leading apostrophe only where Sheets would otherwise change it (the sheet stays readable as typed). */
export function keepText(text: string): string {
  if (text.startsWith("'")) return `'${text}`;
  const t = text.trim();
  return FORMULA_START.test(text) || CONVERTED.some((re) => re.test(t)) ? `'${text}` : text;
}

/**
 * A text cell as read. Through Sheets the marking apostrophe never arrives; a grid that did not
 * go through Sheets (tests, a copy) still has it. It is dropped only where keepText would have
 * added it, so a text that really starts with an apostrophe ('t Hoen) is kept as it is.
 */
export function unquote(text: string): string {
  if (!text.startsWith("'")) return text;
  const rest = text.slice(1);
  return keepText(rest) !== rest ? rest : text;
}
