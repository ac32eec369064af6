/** CacheService: expiring string caches per script, per user and per document. */
import { LIMITS } from './limits';
import { counted, type Runtime } from './runtime';
import type { CacheEntries } from './state';

export interface FakeCache {
  get(key: string): string | null;
  getAll(keys: string[]): Record<string, string>;
  put(key: string, value: string, expirationInSeconds?: number): void;
  putAll(values: Record<string, string>, expirationInSeconds?: number): void;
  remove(key: string): void;
  removeAll(keys: string[]): void;
}

export function createCache(entries: CacheEntries, rt: Runtime): FakeCache {
  const read = (key: string): string | null => {
    const e = entries.get(String(key));
    if (!e) return null;
    if (e.expires <= rt.now()) {
      entries.delete(String(key));
      return null;
    }
    return e.value;
  };
  const write = (key: string, value: unknown, seconds: number = LIMITS.cacheDefaultSeconds): void => {
    const text = String(value);
    if (String(key).length > LIMITS.cacheKeyChars) throw rt.error('Argument too large: key');
    if (Buffer.byteLength(text, 'utf8') > LIMITS.cacheValueBytes) throw rt.error('Argument too large: value');
    // Apps Script keeps entries at most 6 hours, whatever is asked.
    const s = Math.min(Math.max(seconds, 1), LIMITS.cacheMaxSeconds);
    entries.set(String(key), { value: text, expires: rt.now() + s * 1000 });
  };
  const cache: FakeCache = {
    get: read,
    getAll(keys) {
      const out: Record<string, string> = {};
      for (const k of keys) {
        const v = read(k);
        if (v !== null) out[k] = v;
      }
      return out;
    },
    put: write,
    putAll(values, seconds) {
      for (const [k, v] of Object.entries(values)) write(k, v, seconds);
    },
    remove: (key) => void entries.delete(String(key)),
    removeAll(keys) {
      for (const k of keys) entries.delete(String(k));
    },
  };
  return counted('Cache', cache, rt);
}

export function createCacheService(rt: Runtime) {
  const { caches } = rt.state;
  const views = new Map<CacheEntries, FakeCache>();
  const view = (entries: CacheEntries): FakeCache => {
    let c = views.get(entries);
    if (!c) views.set(entries, (c = createCache(entries, rt)));
    return c;
  };
  return counted('CacheService', {
    getScriptCache: () => view(caches.script),
    getUserCache: () => {
      let entries = caches.user.get(rt.execution.user);
      if (!entries) caches.user.set(rt.execution.user, (entries = new Map()));
      return view(entries);
    },
    getDocumentCache: () => view(caches.document),
  }, rt);
}
