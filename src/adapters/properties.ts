/** Small state in document properties (9 KB per value): the run cursor and the day's invite count. */

export function readDocumentJson<T>(key: string): T | null {
  const text = PropertiesService.getDocumentProperties().getProperty(key);
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    return null;
  }
}

export function writeDocumentJson(key: string, value: unknown): void {
  PropertiesService.getDocumentProperties().setProperty(key, JSON.stringify(value));
}

/** Every document property in one call (the card reads its kept setup, cut in pieces, this way). */
export function readAllDocumentProperties(): Record<string, string> {
  return PropertiesService.getDocumentProperties().getProperties();
}

/** Sets several document properties in one call, then deletes `remove` (one call each). */
export function writeDocumentProperties(values: Record<string, string>, remove: readonly string[] = []): void {
  const props = PropertiesService.getDocumentProperties();
  props.setProperties(values);
  for (const key of remove) props.deleteProperty(key);
}
