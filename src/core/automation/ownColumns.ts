/**
 * The add-on's own columns on the team's customer table: found by their "Kehu · …" headers in
 * either language wherever they are (a user may move them), appended after the last used column
 * when missing, and written as few contiguous blocks as possible without touching a column the
 * add-on does not own.
 */
import type { CellValue } from '../cells';
import type { Lang } from '../locale';
import { normalizeWord } from '../vocabulary';

export const OWN_COLUMN_KEYS = ['rfm', 'segment', 'abc', 'quadrant', 'movement', 'status', 'flags'] as const;
export type OwnColumnKey = (typeof OWN_COLUMN_KEYS)[number];

export const OWN_PREFIX = 'Kehu · ';

const HEADERS: Record<OwnColumnKey, Record<Lang, string>> = {
  rfm: { zh: 'Kehu · RFM', en: 'Kehu · RFM' },
  segment: { zh: 'Kehu · 类别', en: 'Kehu · Segment' },
  abc: { zh: 'Kehu · ABC', en: 'Kehu · ABC' },
  quadrant: { zh: 'Kehu · 象限', en: 'Kehu · Quadrant' },
  movement: { zh: 'Kehu · 变动', en: 'Kehu · Movement' },
  status: { zh: 'Kehu · 状态', en: 'Kehu · Status' },
  flags: { zh: 'Kehu · 提醒', en: 'Kehu · Flags' },
};

export function ownHeader(key: OwnColumnKey, lang: Lang): string {
  return HEADERS[key][lang];
}

/** Whether a header is one of the add-on's (in any language, or any "Kehu · " header). */
export function isOwnHeader(v: CellValue): boolean {
  return typeof v === 'string' && normalizeWord(v).startsWith(normalizeWord(OWN_PREFIX));
}

export interface OwnColumnLayout {
  /** 1-based sheet column of each own column. */
  columns: Record<OwnColumnKey, number>;
  /** The header text to (re)write at each own column: what is there, or the new header. */
  headers: Record<OwnColumnKey, string>;
  /** Contiguous runs of own columns, left to right: one write each. */
  runs: { start: number; keys: OwnColumnKey[] }[];
}

/**
 * Where the own columns are on `headerRow` (the customer table's header row as read), adding the
 * missing ones after `lastUsedColumn` (the sheet's last used column, so nothing of the user's to
 * the right is covered) in the documented order.
 */
export function layoutOwnColumns(headerRow: readonly CellValue[], lastUsedColumn: number, lang: Lang): OwnColumnLayout {
  const found = new Map<OwnColumnKey, number>();
  const names = new Map<string, OwnColumnKey>();
  for (const key of OWN_COLUMN_KEYS) for (const l of ['zh', 'en'] as const) names.set(normalizeWord(HEADERS[key][l]), key);
  const headers = {} as Record<OwnColumnKey, string>;
  headerRow.forEach((v, i) => {
    if (typeof v !== 'string') return;
    const key = names.get(normalizeWord(v));
    if (key && !found.has(key)) {
      found.set(key, i + 1);
      headers[key] = v;
    }
  });
  let next = Math.max(lastUsedColumn, headerRow.length) + 1;
  const columns = {} as Record<OwnColumnKey, number>;
  for (const key of OWN_COLUMN_KEYS) {
    const at = found.get(key);
    if (at !== undefined) columns[key] = at;
    else {
      columns[key] = next++;
      headers[key] = HEADERS[key][lang];
    }
  }
  const sorted = [...OWN_COLUMN_KEYS].sort((a, b) => columns[a] - columns[b]);
  const runs: OwnColumnLayout['runs'] = [];
  for (const key of sorted) {
    const last = runs[runs.length - 1];
    if (last && columns[last.keys[last.keys.length - 1]] + 1 === columns[key]) last.keys.push(key);
    else runs.push({ start: columns[key], keys: [key] });
  }
  return { columns, headers, runs };
}
