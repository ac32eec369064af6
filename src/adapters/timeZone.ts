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
   * Keeps what the clock learnt in the document cache, merged with what other executions kept
   * (when it learnt nothing new: only renews a kept value more than an hour old, so that hourly
   * runs keep it from expiring). Never throws. Call it at the end of a run, and at checkpoints
   * of a long one if you like.
   */
  save(): void;
}

/**
 * A clock that starts from what earlier executions learnt about the zone (the document cache,
 * read at the clock's first question that needs the zone) and keeps what it learns when saved.
 * Without a document (no document cache) it works the same, learning afresh each time.
 */
export function spreadsheetClock(timeZone: string): SpreadsheetClock {
  const memory = documentCacheMemory(`kehu.zone.${OFFSET_RULES}.${timeZone}`);
  const clock = new DayClock(zoneOffsetAt(timeZone), memory);
  return {
    clock,
    save() {
      clock.saveLearnt();
      memory.renew();
    },
  };
}

/** A value older than this is put again (with a fresh 6 hours) when an execution used it. */
const RENEW_AFTER_MS = 3_600_000;

/** What the cache holds under a zone's key: when it was kept, and the runs. */
interface Kept {
  at: number;
  runs: LearntRun[];
}

/**
 * The document cache as a clock's memory. The cache only saves looks at the zone: a cache that
 * is missing, failing or holding something unreadable is treated as empty, never as an error.
 */
function documentCacheMemory(key: string): OffsetMemory & { renew(): void } {
  let cache: GoogleAppsScript.Cache.Cache | null | undefined;
  let recalledAt: number | null = null;
  let kept = false;
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
  const read = (): Kept | null => {
    const c = open();
    if (!c) return null;
    try {
      const text = c.get(key);
      return text === null ? null : decodeKept(text);
    } catch {
      return null;
    }
  };
  const write = (runs: readonly LearntRun[]): void => {
    const c = open();
    if (!c) return;
    try {
      c.put(key, encodeKept(runs, Date.now()), CACHE_SECONDS);
      kept = true;
    } catch {
      // A full or failing cache costs only looks on the next run.
    }
  };
  return {
    recall() {
      const value = read();
      if (value && recalledAt === null) recalledAt = value.at;
      return value ? value.runs : null;
    },
    keep: write,
    renew() {
      if (kept || recalledAt === null || Date.now() - recalledAt < RENEW_AFTER_MS) return;
      // Read again: another execution may have kept more since.
      const value = read();
      if (value) write(value.runs);
    },
  };
}

/**
 * The cache value: JSON with the time it was kept and the runs, dropping the earliest runs if
 * the whole would not fit in one cache value (recent dates are the ones asked about most).
 */
export function encodeKept(runs: readonly LearntRun[], at: number): string {
  const head = `{"at":${at},"runs":[`;
  const parts = runs.map((r) => `[${r[0]},${r[1]},${r[2]}]`);
  let size = head.length + 2 + parts.reduce((n, p) => n + p.length + 1, 0);
  let from = 0;
  while (size > CACHE_VALUE_CHARS && from < parts.length) size -= parts[from++].length + 1;
  return `${head}${parts.slice(from).join(',')}]}`;
}

/** A cache value read back; the clock checks each run, so anything else is just dropped. */
function decodeKept(text: string): Kept | null {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null) return null;
  const { at, runs } = value as { at?: unknown; runs?: unknown };
  return typeof at === 'number' && Array.isArray(runs) ? { at, runs: runs as LearntRun[] } : null;
}
