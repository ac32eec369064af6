/**
 * The document lock: one run of the automation at a time per spreadsheet. getDocumentLock()
 * answers null outside a document (platform-notes), although its type says it never does.
 */
export interface HeldLock {
  release(): void;
}

/** The lock, or null when another run holds it (after waiting up to `waitMs`). */
export function tryDocumentLock(waitMs: number): HeldLock | null {
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  if (!lock) return { release: () => undefined };
  if (!lock.tryLock(waitMs)) return null;
  return {
    release() {
      try {
        // Pending writes reach the sheet before the next run may start.
        SpreadsheetApp.flush();
      } catch (e) {
        // A failing flush must not hide the run's outcome; Apps Script applies pending writes
        // when the execution ends anyway.
      } finally {
        lock.releaseLock();
      }
    },
  };
}
