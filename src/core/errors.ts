/**
 * Errors a user can cause and fix. The core throws them with a message key and plain
 * parameters; the entry layer turns them into one sentence in the spreadsheet's language,
 * naming the function, the argument, the row and the value.
 */
import type { MessageKey } from './messages';

export interface ErrorParams {
  /** Argument name as the user sees it in autocomplete, e.g. 'amounts'. */
  arg?: string;
  /** 0-based row inside the argument's range; the entry layer turns it into a sheet row. */
  index?: number;
  /** The offending cell value. */
  value?: unknown;
  [extra: string]: unknown;
}

export class InputError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: ErrorParams = {},
  ) {
    super(key);
    this.name = 'InputError';
  }
}

export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
