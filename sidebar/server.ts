/**
 * The server globals the card calls, as promises. google.script.run answers asynchronously
 * through handlers; a failure arrives as an Error whose message is the server's sentence. A
 * result holding a Date reaches the page as null (Apps Script's rule), so null is refused here
 * rather than read as "no data".
 */
import type { ServerApi, ServerName, ServerRequest, ServerResult } from '../src/shared/api';

export type { ServerApi, ServerName };

/** A failure to show: the server's own sentence, or the page's when the call could not be made. */
export class ServerError extends Error {
  constructor(message: string, readonly kind: 'server' | 'unavailable' | 'unreadable') {
    super(message);
  }
}

/** Apps Script prefixes some messages with the exception's type; people need only the sentence. */
export function serverSentence(error: unknown): string {
  const message = error && typeof error === 'object' && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  return message.replace(/^(?:Exception|Error|TypeError|RangeError|ScriptError):\s*/, '');
}

export function available(): boolean {
  return typeof window.google?.script?.run?.withSuccessHandler === 'function';
}

export function call<K extends ServerName>(name: K, argument: ServerRequest<K>): Promise<ServerResult<K>> {
  return new Promise((resolve, reject) => {
    const run = window.google?.script?.run;
    if (!run || !available()) {
      reject(new ServerError('', 'unavailable'));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => {
        if (value === null || typeof value !== 'object') reject(new ServerError('', 'unreadable'));
        else resolve(value as ServerResult<K>);
      })
      .withFailureHandler((error) => reject(new ServerError(serverSentence(error), 'server')));
    const fn = runner[name];
    if (typeof fn !== 'function') {
      reject(new ServerError('', 'unavailable'));
      return;
    }
    try {
      (fn as (a: unknown) => void).call(runner, argument);
    } catch (e) {
      // Apps Script refuses an argument it cannot send (a Date, a function) by throwing at once.
      reject(new ServerError(serverSentence(e), 'server'));
    }
  });
}
