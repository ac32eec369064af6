/**
 * Finding a customer by name, code or phone as the user types. Reads the three columns (one
 * call each) and ranks: the exact code first, then codes and names that start with the query,
 * then those that contain it, then phones that contain its digits.
 */
import type { CellValue } from '../../core/cells';
import type { SearchResponse, SearchResult } from '../../shared/types';
import type { RunContext } from '../frame';
import { idOf, type CardTables } from './locate';

export const MAX_RESULTS = 8;
export const MAX_QUERY_LENGTH = 100;

const fold = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const digitsOf = (text: string): string => text.replace(/\D+/g, '');

function columnOf(ctx: RunContext, sheet: string, headerRow: number, column: number | undefined): CellValue[] {
  if (column === undefined) return [];
  return ctx.wb.readFresh(sheet, headerRow + 1, column, Number.MAX_SAFE_INTEGER, 1).map((r) => r[0]);
}

export function searchCustomers(ctx: RunContext, t: CardTables, query: string): SearchResponse {
  const q = fold(query);
  if (q === '') return { query, results: [], total: 0 };
  const digits = digitsOf(query);
  const m = t.mapping.customers;
  const ids = columnOf(ctx, m.sheet, m.headerRow, m.columns.id);
  const names = columnOf(ctx, m.sheet, m.headerRow, m.columns.name);
  const phones = columnOf(ctx, m.sheet, m.headerRow, m.columns.phone);
  const ranked: { rank: number; i: number }[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = idOf(ids[i]);
    if (id === '') continue;
    const idText = fold(id);
    const name = fold(String(names[i] ?? ''));
    let rank = -1;
    if (idText === q) rank = 0;
    else if (idText.startsWith(q) || name.startsWith(q)) rank = 1;
    else if (idText.includes(q) || name.includes(q)) rank = 2;
    else if (digits.length >= 3 && digitsOf(String(phones[i] ?? '')).includes(digits)) rank = 3;
    if (rank >= 0) ranked.push({ rank, i });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  const results: SearchResult[] = ranked.slice(0, MAX_RESULTS).map(({ i }) => ({
    id: idOf(ids[i]),
    name: String(names[i] ?? ''),
    phone: String(phones[i] ?? ''),
    row: m.headerRow + 1 + i,
  }));
  return { query, results, total: ranked.length };
}
