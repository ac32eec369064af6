/** PropertiesService: string stores per script, per user and per document, with their quotas. */
import { LIMITS } from './limits';
import { counted, type Runtime } from './runtime';

export interface FakeProperties {
  getProperty(key: string): string | null;
  setProperty(key: string, value: unknown): FakeProperties;
  getProperties(): Record<string, string>;
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): FakeProperties;
  getKeys(): string[];
  deleteProperty(key: string): FakeProperties;
  deleteAllProperties(): FakeProperties;
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

function storeBytes(store: Map<string, string>): number {
  let total = 0;
  for (const [k, v] of store) total += utf8Bytes(k) + utf8Bytes(v);
  return total;
}

/** A counted Properties object over `store` (a Map kept in the GasState, so it outlives the load). */
export function createProperties(store: Map<string, string>, rt: Runtime): FakeProperties {
  // Checks a whole batch against the quotas before changing anything, like one server write.
  const apply = (next: Map<string, string>): void => {
    for (const v of next.values()) {
      if (utf8Bytes(v) > LIMITS.propertyValueBytes) throw rt.error('Argument too large: value');
    }
    if (storeBytes(next) > LIMITS.propertyStoreBytes) {
      throw rt.error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    store.clear();
    for (const [k, v] of next) store.set(k, v);
  };
  const props: FakeProperties = {
    getProperty: (key) => store.get(String(key)) ?? null,
    setProperty(key, value) {
      apply(new Map(store).set(String(key), String(value)));
      return props;
    },
    getProperties: () => Object.fromEntries(store),
    setProperties(properties, deleteAllOthers = false) {
      const next = deleteAllOthers ? new Map<string, string>() : new Map(store);
      for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
      apply(next);
      return props;
    },
    getKeys: () => [...store.keys()],
    deleteProperty(key) {
      store.delete(String(key));
      return props;
    },
    deleteAllProperties() {
      store.clear();
      return props;
    },
  };
  return counted('Properties', props, rt);
}

export function createPropertiesService(rt: Runtime) {
  const { state } = rt;
  const cache = new Map<Map<string, string>, FakeProperties>();
  const view = (store: Map<string, string>): FakeProperties => {
    let p = cache.get(store);
    if (!p) cache.set(store, (p = createProperties(store, rt)));
    return p;
  };
  const userStore = (): Map<string, string> => {
    const user = rt.execution.user;
    let store = state.userProperties.get(user);
    if (!store) state.userProperties.set(user, (store = new Map()));
    return store;
  };
  return counted('PropertiesService', {
    getScriptProperties: () => view(state.scriptProperties),
    getUserProperties: () => view(userStore()),
    getDocumentProperties: () => view(state.documentProperties),
  }, rt);
}
