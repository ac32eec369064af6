/** Session: who runs the script, their locale, the script's time zone. */
import { createHash } from 'node:crypto';
import { counted, type Runtime } from './runtime';

export interface FakeUser {
  getEmail(): string;
}

export function createSession(rt: Runtime) {
  const user = (email: () => string): FakeUser => counted('User', { getEmail: email }, rt);
  return counted('Session', {
    // May be '' for a consumer account using someone else's file (ExecutionOptions.activeUserHidden).
    getActiveUser: () => user(() => (rt.execution.activeUserHidden ? '' : rt.execution.user)),
    getEffectiveUser: () => user(() => rt.execution.user),
    getActiveUserLocale: () => rt.execution.userLocale ?? rt.state.userLocale,
    getScriptTimeZone: () => rt.state.scriptTimeZone,
    // Stable per user and script (Apps Script rotates it every 30 days; the fake never does).
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`${rt.state.spreadsheet.id}\u0000${rt.execution.user}`).digest('base64').slice(0, 43),
  }, rt);
}
