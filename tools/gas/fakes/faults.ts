/**
 * Fault injection: make the n-th counted service call from now throw, once, the way a real run
 * is cut by a timeout or a server error. "after" faults let the call take effect and then throw,
 * as when the server did the work but the answer never arrived (the case that makes calendar
 * event ids deterministic).
 */

export interface FaultSpec {
  /** The error's message; default: what Apps Script says for a failure of that service. */
  message?: string;
  /** The error's name (default 'Exception', or 'GoogleJsonResponseException' for Calendar). */
  name?: string;
  /** 'before' (default): the call does nothing and throws; 'after': it takes effect, then throws. */
  when?: 'before' | 'after';
  /**
   * Instead of failing: something a person does while the script waits between two calls (edit a
   * cell, sort, insert a row, through the uncounted services), run just before call n.
   */
  act?: () => void;
}

interface Armed {
  /** The running call number that fails. */
  at: number;
  spec: FaultSpec;
}

export class Faults {
  private armed: Armed[] = [];

  arm(at: number, spec: FaultSpec): void {
    this.armed.push({ at, spec });
  }

  clear(): void {
    this.armed = [];
  }

  pending(): number {
    return this.armed.length;
  }

  /** The fault armed for call number `n`, removed so it fires once. */
  take(n: number): FaultSpec | undefined {
    const i = this.armed.findIndex((a) => a.at === n);
    if (i < 0) return undefined;
    return this.armed.splice(i, 1)[0].spec;
  }
}

/** What Apps Script says when a call to `name` ('Service.method') fails on Google's side. */
export function defaultFaultMessage(name: string, spreadsheetId: string): { message: string; name: string } {
  const service = name.slice(0, name.lastIndexOf('.'));
  if (service.startsWith('Calendar.')) {
    const method = name.slice(name.lastIndexOf('.') + 1);
    return { message: `API call to calendar.events.${method} failed with error: Backend Error`, name: 'GoogleJsonResponseException' };
  }
  if (['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range'].includes(service)) {
    return { message: `Service Spreadsheets timed out while accessing document with id ${spreadsheetId}.`, name: 'Exception' };
  }
  return { message: "We're sorry, a server error occurred. Please wait a bit and try again.", name: 'Exception' };
}
