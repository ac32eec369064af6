/**
 * LockService. Each getXLock() call makes a new Lock on a shared slot, so two Lock objects
 * contend like two executions would. Nothing runs concurrently here, so a held lock never
 * frees while waiting: tryLock answers false at once and waitLock throws at once. The slots
 * live in the GasState, so a second load on the same state (another execution) sees a lock the
 * first still holds; ending an execution releases its locks, as Apps Script does.
 */
import { counted, type Runtime } from './runtime';
import type { LockSlot } from './state';

export interface FakeLock {
  tryLock(timeoutInMillis: number): boolean;
  waitLock(timeoutInMillis: number): void;
  releaseLock(): void;
  hasLock(): boolean;
}

export function createLock(slot: LockSlot, rt: Runtime): FakeLock {
  const acquire = (): boolean => {
    if (slot.holder !== null && slot.holder !== lock) return false;
    slot.holder = lock;
    slot.execution = rt.execution.id;
    return true;
  };
  const lock: FakeLock = {
    tryLock: () => acquire(),
    waitLock() {
      if (!acquire()) throw rt.error('Lock timeout: another process was holding the lock for too long.');
    },
    releaseLock() {
      if (slot.holder === lock) {
        slot.holder = null;
        slot.execution = null;
      }
    },
    hasLock: () => slot.holder === lock,
  };
  return counted('Lock', lock, rt);
}

/** Frees every lock taken during execution `id` (Apps Script does this when an execution ends). */
export function releaseLocksOf(id: number, rt: Runtime): void {
  const { locks } = rt.state;
  for (const slot of [locks.script, locks.document, ...locks.user.values()]) {
    if (slot.execution === id) {
      slot.holder = null;
      slot.execution = null;
    }
  }
}

export function createLockService(rt: Runtime) {
  const { locks } = rt.state;
  return counted('LockService', {
    getScriptLock: () => createLock(locks.script, rt),
    getUserLock: () => {
      let slot = locks.user.get(rt.execution.user);
      if (!slot) locks.user.set(rt.execution.user, (slot = { holder: null, execution: null }));
      return createLock(slot, rt);
    },
    getDocumentLock: () => createLock(locks.document, rt),
  }, rt);
}
