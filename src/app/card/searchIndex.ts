/**
 * The customers the card's search looks through (id, name, phone, row), kept in the document
 * cache so a keystroke does not read three columns of a 50,000-row table. Made by the daily run
 * (from the customer table it has read anyway) or by the first search, and made again when it
 * is older than ten minutes or the table's length changed; the card's own edits drop it.
 * The cache holds 100 KB per value: the list is cut into pieces and read with one getAll.
 */
import type { CellValue } from '../../core/cells';
import type { RunContext } from '../frame';
import { idOf } from './locate';

// The format's version is in the key: a list kept by an older version is not read.
const META_KEY = 'kehu.search.v2';
const PART_KEY = 'kehu.search.v2.';
/** Characters per piece: at most 3 UTF-8 bytes each, under the cache's 100 KB per value. */
const PART_CHARS = 30_000;
const MAX_AGE_MS = 10 * 60_000;
const CACHE_SECONDS = 21_600;

export interface SearchEntry {
  id: string;
  name: string;
  phone: string;
  row: number;
}

/**
 * One customer per line: a key to search (id and name in lower case, without spaces), then id,
 * name, phone digits, row and phone as written, tab-separated. The search looks for the query in
 * the text with indexOf and reads only the lines it hits, so a keystroke on 50,000 customers
 * costs a few milliseconds.
 */
export type SearchText = string;

/** Lower case, no white space: how the search compares names and codes. */
export function searchForm(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

export const KEY_SEPARATOR = '\u0001';

export function lineOf(e: SearchEntry): string {
  return `${searchForm(e.id)}${KEY_SEPARATOR}${searchForm(e.name)}\t${e.id}\t${e.name}\t${e.phone.replace(/\D+/g, '')}\t${e.row}\t${e.phone}`;
}

export function entryOfLine(line: string): SearchEntry & { digits: string } {
  const [, id, name, digits, row, phone] = line.split('\t');
  return { id, name, phone, digits, row: Number(row) };
}

export function textOf(entries: readonly SearchEntry[]): SearchText {
  return entries.map(lineOf).join('\n');
}

interface Meta {
  parts: number;
  at: number;
  sheet: string;
  lastRow: number;
}

function cache(): GoogleAppsScript.Cache.Cache | null {
  try {
    return (CacheService.getDocumentCache() as GoogleAppsScript.Cache.Cache | null) ?? null;
  } catch (e) {
    return null;
  }
}

const clean = (v: CellValue | undefined): string => (v === undefined || v === null ? '' : String(v).replace(/[\t\n\r]+/g, ' '));

/** Entries from the customer table's id, name and phone cells (rows from the first data row). */
export function entriesOf(ids: readonly CellValue[], names: readonly CellValue[], phones: readonly CellValue[], firstRow: number): SearchEntry[] {
  const out: SearchEntry[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = idOf(ids[i]);
    if (id !== '') out.push({ id, name: clean(names[i]), phone: clean(phones[i]), row: firstRow + i });
  }
  return out;
}

export function storeIndex(ctx: RunContext, sheet: string, lastRow: number, text: SearchText): void {
  const c = cache();
  if (!c) return;
  const values: Record<string, string> = {};
  let parts = 0;
  for (let at = 0; at < text.length; at += PART_CHARS) values[PART_KEY + parts++] = text.slice(at, at + PART_CHARS);
  values[META_KEY] = JSON.stringify({ parts, at: ctx.started, sheet, lastRow } satisfies Meta);
  try {
    c.putAll(values, CACHE_SECONDS);
  } catch (e) {
    // A full cache only means the next search reads the columns.
  }
}

export function dropIndex(): void {
  try {
    cache()?.remove(META_KEY);
  } catch (e) {
    // Nothing to drop.
  }
}

/** The kept text and when it was made, when it is recent and the table has the same length; else null. */
export function recallIndex(ctx: RunContext, sheet: string, lastRow: number): { text: SearchText; at: number } | null {
  const c = cache();
  if (!c) return null;
  try {
    const metaText = c.get(META_KEY);
    if (!metaText) return null;
    const meta = JSON.parse(metaText) as Meta;
    if (meta.sheet !== sheet || meta.lastRow !== lastRow || !(ctx.started - meta.at < MAX_AGE_MS)) return null;
    const keys = Array.from({ length: meta.parts }, (_, k) => PART_KEY + k);
    const got = c.getAll(keys);
    if (keys.some((k) => typeof got[k] !== 'string')) return null;
    return { text: keys.map((k) => got[k]).join(''), at: meta.at };
  } catch (e) {
    return null;
  }
}
