/** Helpers shared by the core tests: catching an InputError, and an independent PERCENTILE.INC. */
import { InputError } from '../../src/core/errors';

/** The InputError a call throws; anything else (or no throw) fails the test. */
export function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError, but the call succeeded');
}

/** Sheets' PERCENTILE.INC, written from its definition: rank (n-1)p, linear between neighbours. */
export function refPercentile(values: readonly number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  if (lo + 1 >= x.length) return x[x.length - 1];
  return x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
}
