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

const A1_RANGE = /^(?:(?:'(?:[^']|'')+'|[^'!(),\s]+)!)?\$?[A-Za-z]{1,3}\$?(\d+)?(?::\$?[A-Za-z]{1,3}\$?(\d*))?$/;

/** The first sheet row of a plain A1 reference ('Orders!A2:A' → 2, 'A:A' → 1), else null. */
export function firstRowOf(reference: string): number | null {
  const m = A1_RANGE.exec(reference.trim());
  if (!m) return null;
  return m[1] ? Number(m[1]) : 1;
}
