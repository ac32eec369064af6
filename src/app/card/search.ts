/**
 * Finding a customer by name, code or phone as the user types, among the customers kept in the
 * document cache (searchIndex.ts). Ranked: the exact code first, then codes and names that start
 * with the query, then those that contain it, then phones that contain its digits.
 */
import type { CellValue } from '../../core/cells';
import type { SearchResponse, SearchResult } from '../../shared/types';
import type { RunContext } from '../frame';
import type { CardTables } from './locate';
import { entriesOf, entryOfLine, recallIndex, storeIndex, textOf, type SearchEntry, type SearchText } from './searchIndex';

export const MAX_RESULTS = 8;
export const MAX_QUERY_LENGTH = 100;

/** The query's form for comparing: compatibility forms folded (full-width letters), lower case, no spaces. */
const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
/** A cell's form for comparing: only lower case and no spaces (normalizing 50,000 names per keystroke would cost more than the search). */
const lower = (text: string): string => text.toLowerCase().replace(/\s+/g, '');
const digitsOf = (text: string): string => text.replace(/\D+/g, '');

function columnOf(ctx: RunContext, sheet: string, headerRow: number, column: number | undefined): CellValue[] {
  if (column === undefined) return [];
  return ctx.wb.readFresh(sheet, headerRow + 1, column, Number.MAX_SAFE_INTEGER, 1).map((r) => r[0]);
}

/** The customers to search: kept in the cache (see searchIndex.ts), or read from the table and kept. */
export function searchText(ctx: RunContext, t: CardTables, fresh = false): SearchText {
  const m = t.mapping.customers;
  const lastRow = ctx.wb.extent(m.sheet).lastRow;
  const kept = fresh ? null : recallIndex(ctx, m.sheet, lastRow);
  if (kept !== null) return kept;
  const text = textOf(entriesOf(columnOf(ctx, m.sheet, m.headerRow, m.columns.id), columnOf(ctx, m.sheet, m.headerRow, m.columns.name), columnOf(ctx, m.sheet, m.headerRow, m.columns.phone), m.headerRow + 1));
  storeIndex(ctx, m.sheet, lastRow, text);
  return text;
}

/** Start offsets of the lines of `text` that contain `needle`. */
function linesWith(text: string, needle: string, into: Set<number>): void {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
    into.add(text.lastIndexOf('\n', at) + 1);
  }
}

export function searchCustomers(ctx: RunContext, t: CardTables, query: string): SearchResponse {
  const q = fold(query);
  if (q === '' || q.includes('\t') || q.includes('\n')) return { query, results: [], total: 0 };
  const found = searchIn(searchText(ctx, t), q, query);
  // Nothing in the kept list: the customer may have been added or renamed in the sheet since
  // it was made, so look in the table itself before saying "not found".
  return found.total > 0 ? found : searchIn(searchText(ctx, t, true), q, query);
}

function searchIn(text: SearchText, q: string, query: string): SearchResponse {
  const digits = digitsOf(query);
  const lowered = text.toLowerCase();
  const starts = new Set<number>();
  linesWith(lowered, q, starts);
  if (digits.length >= 3 && digits !== q) linesWith(lowered, digits, starts);
  const ranked: { rank: number; e: SearchEntry }[] = [];
  for (const start of starts) {
    const end = text.indexOf('\n', start);
    const e = entryOfLine(text.slice(start, end < 0 ? text.length : end));
    const idText = lower(e.id);
    const name = lower(e.name);
    let rank = -1;
    if (idText === q) rank = 0;
    else if (idText.startsWith(q) || name.startsWith(q)) rank = 1;
    else if (idText.includes(q) || name.includes(q)) rank = 2;
    else if (digits.length >= 3 && e.digits.includes(digits)) rank = 3;
    if (rank >= 0) ranked.push({ rank, e });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.e.row - b.e.row);
  const results: SearchResult[] = ranked.slice(0, MAX_RESULTS).map(({ e }) => ({ id: e.id, name: e.name, phone: e.phone, row: e.row }));
  return { query, results, total: ranked.length };
}
