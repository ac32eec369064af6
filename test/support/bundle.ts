/** Shortcuts for calling the built bundle's globals exactly as Sheets calls custom functions. */
import { loadBundle, LoadBundleOptions, LoadedBundle } from '../../tools/gas/loadBundle';

export type Grid = unknown[][];

/** A column range from plain values; 'YYYY-MM-DD' strings become date cells when `dates` is set. */
export function column(b: LoadedBundle, values: unknown[], dates = false): Grid {
  return b.realm.grid(values.map((v) => [dates && typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) ? b.realm.date(+v.slice(0, 4), +v.slice(5, 7), +v.slice(8, 10)) : v]));
}

/** The message of what a call throws (the text Sheets shows under #ERROR!). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the call to throw');
}

export function bundle(options: LoadBundleOptions = {}): LoadedBundle {
  return loadBundle(options);
}

/** YYYY-MM-DD of a Date as the spreadsheet (time zone `tz`) shows it. */
export function shownDate(d: Date, tz: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
