/**
 * The Apps Script fakes' entry point: every service lives in its own module under ./fakes/.
 * Kept as a file so existing imports ('tools/gas/fakes') keep working.
 */
export * from './fakes/index';
