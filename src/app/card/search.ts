/**
 * Finding a customer by name, code or phone as the user types, among the customers kept in the
 * document cache (searchIndex.ts). Ranked: the exact code first, then codes and names that start
 * with the query, then those that contain it, then phones that contain its digits.
 */
import type { CellValue } from '../../core/cells';
import type { SearchResponse, SearchResult } from '../../shared/types';
import type { RunContext } from '../frame';
import type { CardTables } from './locate';
import { entriesOf, entryOfLine, KEY_SEPARATOR, recallIndex, storeIndex, textOf, type SearchText } from './searchIndex';

export const MAX_RESULTS = 8;
export const MAX_QUERY_LENGTH = 100;

/** The query's form for comparing: compatibility forms folded (full-width letters), lower case, no spaces. */
const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const digitsOf = (text: string): string => text.replace(/\D+/g, '');

function columnOf(ctx: RunContext, sheet: string, headerRow: number, column: number | undefined): CellValue[] {
  if (column === undefined) return [];
  return ctx.wb.readFresh(sheet, headerRow + 1, column, Number.MAX_SAFE_INTEGER, 1).map((r) => r[0]);
}

/** The customers to search: kept in the cache (see searchIndex.ts), or read from the table and kept. */
export function searchText(ctx: RunContext, t: CardTables, fresh = false): { text: SearchText; at: number } {
  const m = t.mapping.customers;
  const lastRow = ctx.wb.extent(m.sheet).lastRow;
  const kept = fresh ? null : recallIndex(ctx, m.sheet, lastRow);
  if (kept !== null) return kept;
  const text = textOf(entriesOf(columnOf(ctx, m.sheet, m.headerRow, m.columns.id), columnOf(ctx, m.sheet, m.headerRow, m.columns.name), columnOf(ctx, m.sheet, m.headerRow, m.columns.phone), m.headerRow + 1));
  storeIndex(ctx, m.sheet, lastRow, text);
  return { text, at: ctx.started };
}

/** A list older than this is looked up in the table again when it finds nothing. */
const RECHECK_AFTER_MS = 60_000;

/** Start offsets of the lines of `text` that contain `needle`. */
function linesWith(text: string, needle: string, into: Set<number>): void {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    into.add(text.lastIndexOf('\n', at) + 1);
  }
}

export function searchCustomers(ctx: RunContext, t: CardTables, query: string): SearchResponse {
  const q = fold(query);
  if (q === '' || q.includes('\t') || q.includes('\n') || q.includes(KEY_SEPARATOR)) return { query, results: [], total: 0 };
  const kept = searchText(ctx, t);
  const found = searchIn(kept.text, q, query);
  // Nothing in a list made a while ago: the customer may have been added or renamed in the
  // sheet since, so look in the table itself before saying "not found" (at most once a minute).
  if (found.total > 0 || ctx.started - kept.at < RECHECK_AFTER_MS) return found;
  return searchIn(searchText(ctx, t, true).text, q, query);
}

function searchIn(text: SearchText, q: string, query: string): SearchResponse {
  const digits = digitsOf(query);
  const starts = new Set<number>();
  linesWith(text, q, starts);
  if (digits.length >= 3 && digits !== q) linesWith(text, digits, starts);
  // Rank from the line's key (lower-cased id and name); the rest of a line is read only for the results.
  const ranked: { rank: number; start: number }[] = [];
  for (const start of starts) {
    const keyEnd = text.indexOf('\t', start);
    const sep = text.indexOf(KEY_SEPARATOR, start);
    const idText = text.slice(start, sep);
    const name = text.slice(sep + 1, keyEnd);
    let rank = -1;
    if (idText === q) rank = 0;
    else if (idText.startsWith(q) || name.startsWith(q)) rank = 1;
    else if (idText.includes(q) || name.includes(q)) rank = 2;
    else if (digits.length >= 3) {
      const digitsStart = text.indexOf('\t', text.indexOf('\t', keyEnd + 1) + 1) + 1;
      const digitsEnd = text.indexOf('\t', digitsStart);
      if (text.slice(digitsStart, digitsEnd).includes(digits)) rank = 3;
    }
    if (rank >= 0) ranked.push({ rank, start });
  }
  // Lines are in table order, so the start offset orders rows.
  ranked.sort((a, b) => a.rank - b.rank || a.start - b.start);
  const results: SearchResult[] = ranked.slice(0, MAX_RESULTS).map(({ start }) => {
    const end = text.indexOf('\n', start);
    const e = entryOfLine(text.slice(start, end < 0 ? text.length : end));
    return { id: e.id, name: e.name, phone: e.phone, row: e.row };
  });
  return { query, results, total: ranked.length };
}
