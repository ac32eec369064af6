/**
 * Where a function's range arguments start on the sheet, read from the formula text, so that an
 * error can say "amounts row 7" for the sheet's row 7 rather than the 6th cell of the range.
 * Only plain A1 references are understood; anything else (a named range, a nested function)
 * gives null and the message falls back to the position inside the range.
 */

/** Top-level argument texts of the first call to `fn` in the formula, or null. */
export function callArguments(formula: string, fn: string): string[] | null {
  const start = new RegExp(`(^|[^A-Za-z0-9_.])${fn}\\s*\\(`, 'i').exec(formula);
  if (!start) return null;
  const args: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = start.index + start[0].length; i < formula.length; i++) {
    const ch = formula[i];
    if (quote) {
      current += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(' || ch === '{') depth++;
    else if ((ch === ')' || ch === '}') && depth > 0) depth--;
    else if (ch === ')' && depth === 0) {
      args.push(current.trim());
      return args;
    } else if (ch === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  return null;
}

const SHEET = "(?:(?:'(?:[^']|'')+'|[^'!(),\\s]+)!)?";
const COL = '\\$?[A-Za-z]{1,3}';
const ROW = '\\$?(\\d+)';
// A cell or range with a row ('B7', 'A2:A', 'A2:C100'), or whole columns ('A:A', 'A:C').
const WITH_ROW = new RegExp(`^${SHEET}${COL}${ROW}(?::${COL}(?:\\$?\\d+)?)?$`);
const WHOLE_COLUMNS = new RegExp(`^${SHEET}${COL}:${COL}$`);

/** The first sheet row of a plain A1 reference ('Orders!A2:A' → 2, 'A:A' → 1), else null. */
export function firstRowOf(reference: string): number | null {
  const ref = reference.trim();
  const m = WITH_ROW.exec(ref);
  if (m) return Number(m[1]);
  return WHOLE_COLUMNS.test(ref) ? 1 : null;
}
