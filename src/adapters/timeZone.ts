/**
 * The spreadsheet time zone: its UTC offset at an instant, through Utilities.formatDate, and a
 * DayClock that keeps what it learnt in the document cache between executions.
 */
import { DayClock, OFFSET_RULES, type LearntRun, type OffsetAt, type OffsetMemory } from '../core/dates';

/** The longest the cache keeps a value (6 hours), and its size limit per value (100 KB). */
const CACHE_SECONDS = 21600;
const CACHE_VALUE_CHARS = 100 * 1024; // the text is ASCII: one byte per character

/** "+0800" → 480, "-0430" → -270. */
function parseOffset(rfc822: string): number {
  const m = /^([+-])(\d{2})(\d{2})$/.exec(rfc822);
  if (!m) throw new Error(`Unexpected time zone offset "${rfc822}"`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export function zoneOffsetAt(timeZone: string): OffsetAt {
  return (ms) => parseOffset(Utilities.formatDate(new Date(ms), timeZone, 'Z'));
}

/** A clock for the spreadsheet's time zone, and how to keep what it learnt. */
export interface SpreadsheetClock {
  clock: DayClock;
  /**
   * Keeps what the clock learnt in the document cache, merged with what other executions kept;
   * does nothing when it learnt nothing new. Never throws. The same as `clock.saveLearnt()`.
   */
  save(): void;
}

/**
 * A clock that starts from what earlier executions learnt about the zone (the document cache,
 * read at the clock's first question that needs the zone) and keeps what it learns when saved:
 * save once at the end of a run, or also at checkpoints of a long one. Without a document (no
 * document cache) it works the same, learning afresh each time.
 */
export function spreadsheetClock(timeZone: string): SpreadsheetClock {
  const clock = new DayClock(zoneOffsetAt(timeZone), documentCacheMemory(`kehu.zone.${OFFSET_RULES}.${timeZone}`));
  return { clock, save: () => clock.saveLearnt() };
}

/**
 * The document cache as a clock's memory. The cache only saves looks at the zone: a cache that
 * is missing, failing or holding something unreadable is treated as empty, never as an error.
 */
function documentCacheMemory(key: string): OffsetMemory {
  let cache: GoogleAppsScript.Cache.Cache | null | undefined;
  const open = (): GoogleAppsScript.Cache.Cache | null => {
    if (cache === undefined) {
      try {
        // Null outside a containing document, though the types say it never is.
        cache = (CacheService.getDocumentCache() as GoogleAppsScript.Cache.Cache | null) ?? null;
      } catch {
        cache = null;
      }
    }
    return cache;
  };
  return {
    recall() {
      const c = open();
      if (!c) return null;
      try {
        const text = c.get(key);
        return text === null ? null : decodeRuns(text);
      } catch {
        return null;
      }
    },
    keep(runs) {
      const c = open();
      if (!c) return;
      try {
        c.put(key, encodeRuns(runs), CACHE_SECONDS);
      } catch {
        // A full or failing cache costs only looks on the next run.
      }
    },
  };
}

/** The runs as JSON, dropping the earliest ones if the whole would not fit in one cache value. */
export function encodeRuns(runs: readonly LearntRun[]): string {
  const parts = runs.map((r) => `[${r[0]},${r[1]},${r[2]}]`);
  let size = 2 + parts.reduce((n, p) => n + p.length + 1, 0);
  let from = 0;
  while (size > CACHE_VALUE_CHARS && from < parts.length) size -= parts[from++].length + 1;
  return `[${parts.slice(from).join(',')}]`;
}

/** Runs read back from the cache; the clock checks each one, so anything else is just dropped. */
function decodeRuns(text: string): LearntRun[] | null {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? (value as LearntRun[]) : null;
}
