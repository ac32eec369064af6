/** What a user types into a cell, turned into what the local engine stores. */

/** Plain decimal numbers as typed: 12, -3.5, .5, 1e3. Not '1,200' or '¥1200' (those stay text). */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const A1 = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/;

/** Sheets' grid limits: columns up to ZZZ is more than enough; rows up to 10 million cells anyway. */
export const MAX_ROWS = 1_000_000;
export const MAX_COLS = 18_278; // ZZZ

/** 'B12' → { row: 11, col: 1 } (zero-based), or null when it is not a single-cell A1 address. */
export function parseA1(a1: unknown): { row: number; col: number } | null {
  if (typeof a1 !== 'string') return null;
  const m = A1.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row > MAX_ROWS || col > MAX_COLS) return null;
  return { row: row - 1, col: col - 1 };
}

export interface ParsedInput {
  /** The cell content for the engine: number, boolean, text, a '=' formula, or null to clear. */
  content: string | number | boolean | null;
  /** Open-ended ranges that were closed, as 'Orders!A2:A → Orders!A2:A2707'. */
  expanded: string[];
}

/**
 * Typed text → cell content, the way Sheets reads typing: '=' starts a formula, plain numbers
 * become numbers, TRUE/FALSE booleans, '' clears; everything else goes to the engine as typed
 * (which reads 2024-03-05 as a date and 10% as a percent). `heightOf` gives a sheet's used row
 * count, to close open-ended ranges (see expandOpenRanges).
 */
export function parseInput(input: unknown, currentSheet: string, heightOf: (sheet: string) => number | undefined): ParsedInput {
  if (input === null || input === undefined) return { content: null, expanded: [] };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new TypeError('not a finite number');
    return { content: input, expanded: [] };
  }
  if (typeof input === 'boolean') return { content: input, expanded: [] };
  if (typeof input !== 'string') throw new TypeError('unsupported input');
  if (input.trim() === '') return { content: null, expanded: [] };
  if (input.startsWith('=')) return expandOpenRanges(input, currentSheet, heightOf);
  const trimmed = input.trim();
  if (NUMBER.test(trimmed)) return { content: Number(trimmed), expanded: [] };
  if (/^true$/i.test(trimmed)) return { content: true, expanded: [] };
  if (/^false$/i.test(trimmed)) return { content: false, expanded: [] };
  return { content: input, expanded: [] };
}

// A sheet prefix (quoted or plain), a start cell with a row, ':' and an end column without a row.
const OPEN_RANGE =
  /(^|[^A-Za-z0-9_.$!'\u00C0-\uFFFF])((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*)!)?(\$?[A-Za-z]{1,3}\$?(\d+)):(\$?[A-Za-z]{1,3})(?![A-Za-z0-9_$(!\u00C0-\uFFFF])/g;

/**
 * Sheets reads `Orders!A2:A` as "from A2 down to the sheet's last row"; the local engine
 * (HyperFormula) cannot parse it. Such ranges are closed at the referenced sheet's current last
 * used row (at least the start row). Text inside "…" strings is left alone.
 */
export function expandOpenRanges(formula: string, currentSheet: string, heightOf: (sheet: string) => number | undefined): ParsedInput {
  const expanded: string[] = [];
  const parts = formula.split(/("(?:[^"]|"")*")/);
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i].replace(OPEN_RANGE, (whole, before: string, prefix: string | undefined, start: string, startRow: string, endCol: string) => {
      const sheet = prefix ? prefix.slice(0, -1).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : currentSheet;
      const height = heightOf(sheet);
      if (height === undefined) return whole;
      const end = Math.max(Number(startRow), height);
      const closed = `${prefix ?? ''}${start}:${endCol}${end}`;
      expanded.push(`${prefix ?? ''}${start}:${endCol} → ${closed}`);
      return before + closed;
    });
  }
  return { content: parts.join(''), expanded };
}
