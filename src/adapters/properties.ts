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
