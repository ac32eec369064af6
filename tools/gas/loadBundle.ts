/**
 * Runs the built Apps Script bundle (dist/*.js) in a gas-local vm context over fresh fakes, and
 * offers helpers that build arguments the way Sheets hands them to a custom function, and that
 * run the bundle's globals the way Apps Script does (menu clicks, onOpen, triggers).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { clickMenu, fireDueTriggers, openFile, runGlobal, type RunOptions, type RunResult, type TriggerRun } from './bundleRuns';
import { createGasFakes, readManifest, type CallCounts, type GasFakes, type GasFakesOptions, type GasState, type Manifest } from './fakes';
import { wallTime, zonedInstant } from './zone';

// gas-local ships no types; this is the one function used.
const gasLocal = require('gas-local') as {
  require(folder: string, globals: object, options: { filter(file: string): boolean }): Record<string, any>;
};

const MS_PER_DAY = 86_400_000;
/** Day 0 of Sheets' serial numbers, as a day count from 1970-01-01. */
const SERIAL_EPOCH_DAY = Date.UTC(1899, 11, 30) / MS_PER_DAY;

export interface LoadBundleOptions extends GasFakesOptions {
  /** Folder of built .js files (and the .html files HtmlService reads); defaults to $KEHU_DIST or the project's dist/. */
  distDir?: string;
  /**
   * Follow dist's appsscript.json as Apps Script does: no Calendar global unless the manifest
   * enables the advanced service, and calls outside its oauthScopes throw. Default false.
   */
  followManifest?: boolean;
}

/** Values made inside the context's realm, in the spreadsheet's time zone. Months are 1-based. */
export interface Realm {
  /** Local midnight of y-m-d (a DATE() cell). */
  date(y: number, m: number, d: number): Date;
  /** Local y-m-d h:min. */
  dateTime(y: number, m: number, d: number, h: number, min: number): Date;
  /** A date cell from its serial number (days since 1899-12-30; the fraction is the time of day). */
  fromSerial(serial: number): Date;
  /** The serial number Sheets would show for `date` (from either realm). */
  toSerial(date: Date): number;
  /** Deep copy of rows (arrays, Dates) into the context's realm, as a range argument arrives. */
  grid(rows: unknown[][]): unknown[][];
}

export interface LoadedBundle {
  /** The gas-local context: the bundle's top-level functions are its properties. */
  context: Record<string, any>;
  calls: CallCounts;
  fakes: GasFakes;
  realm: Realm;
  /** The document and all it remembers: loadBundle({ state }) is the next execution on it. */
  state: GasState;
  distDir: string;
  /** dist's appsscript.json (null when there is none). */
  manifest: Manifest | null;
  /** A fresh context on the same state and dist folder: the next Apps Script execution. */
  next(options?: Omit<LoadBundleOptions, 'state' | 'distDir'>): LoadedBundle;
  /**
   * Runs a global as one execution (default: FULL, with UI, as the owner, as from the script
   * editor or a menu), catching what it throws; the execution's locks are released at the end.
   */
  run(functionName: string, options?: RunOptions): RunResult;
  /** Clicks a menu item by its caption path (a leading menu name is optional): runs its function in FULL with UI. */
  clickMenu(...path: string[]): RunResult;
  /** Opens the file: onOpen({ authMode, source }) in that mode (default LIMITED), with UI. */
  openFile(authMode?: 'NONE' | 'LIMITED' | 'FULL'): RunResult;
  /**
   * Fires every time-driven trigger due by the fake clock, each once and in its user's name,
   * as a FULL execution without UI, in a fresh context (fresh: false uses this one).
   */
  fireDueTriggers(options?: { fresh?: boolean; noActiveSpreadsheet?: boolean }): TriggerRun[];
}

/** Makes the realm's Date follow the test's clock: Date.now(), new Date() and Date() with no arguments. */
function installClock(context: object, now: () => number): void {
  const install = vm.runInContext(
    `(function (now) {
      var RealDate = Date;
      function clockNow() { return now(); }
      var ClockDate = new Proxy(RealDate, {
        construct: function (target, args, newTarget) {
          return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget === ClockDate ? target : newTarget);
        },
        apply: function () { return new RealDate(now()).toString(); },
        get: function (target, key) { return key === 'now' ? clockNow : target[key]; }
      });
      Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true, enumerable: false });
    })`,
    context,
  ) as (now: () => number) => void;
  install(now);
}

export function loadBundle(options: LoadBundleOptions = {}): LoadedBundle {
  const distDir = options.distDir ?? (process.env.KEHU_DIST ? path.resolve(process.env.KEHU_DIST) : path.resolve(__dirname, '../../dist'));
  if (!fs.existsSync(distDir)) throw new Error(`No built bundle at ${distDir}: run "npm run build" first.`);
  const manifest = readManifest(distDir);
  const fakes = createGasFakes({ htmlDir: distDir, ...options, manifest: options.followManifest && manifest ? manifest : options.manifest });
  const { state } = fakes;
  if (state.htmlDir === null) state.htmlDir = distDir;
  const timeZone = state.spreadsheet.timeZone;

  // Contextify the globals before gas-local does (its vm.createContext then returns the same
  // context), so the realm's constructors exist before the bundle runs and date cells read
  // through the fakes are already the bundle's own Dates.
  vm.createContext(fakes.globals);
  const RealmDate = vm.runInContext('Date', fakes.globals) as DateConstructor;
  const RealmArray = vm.runInContext('Array', fakes.globals) as ArrayConstructor;
  const RealmError = vm.runInContext('Error', fakes.globals) as ErrorConstructor;
  const RealmJSON = vm.runInContext('JSON', fakes.globals) as JSON;
  fakes.useRealm({ Date: RealmDate, Error: RealmError, Array: RealmArray, JSON: RealmJSON });
  // Only a test's clock replaces Date: the proxy costs a little on every construction.
  if (!state.clock.wall) installClock(fakes.globals, () => state.clock.now());

  const context = gasLocal.require(distDir, fakes.globals, { filter: (f) => f.endsWith('.js') });

  const toRealm = (v: unknown): unknown => {
    if (Array.isArray(v)) return RealmArray.from(v, toRealm);
    if (Object.prototype.toString.call(v) === '[object Date]') return new RealmDate((v as Date).getTime());
    return v;
  };

  const realm: Realm = {
    date: (y, m, d) => new RealmDate(zonedInstant(timeZone, y, m, d)),
    dateTime: (y, m, d, h, min) => new RealmDate(zonedInstant(timeZone, y, m, d, h, min)),
    fromSerial(serial) {
      const day = Math.floor(serial);
      // Whole milliseconds, as the serial's fraction rarely lands exactly on one.
      const msOfDay = Math.round((serial - day) * MS_PER_DAY);
      const civil = new Date((SERIAL_EPOCH_DAY + day) * MS_PER_DAY);
      const minutes = Math.floor(msOfDay / 60_000);
      // Clocks change on whole minutes, so seconds and milliseconds add without crossing a change.
      const start = zonedInstant(timeZone, civil.getUTCFullYear(), civil.getUTCMonth() + 1, civil.getUTCDate(), Math.floor(minutes / 60), minutes % 60);
      return new RealmDate(start + (msOfDay - minutes * 60_000));
    },
    toSerial(date) {
      const w = wallTime(timeZone, date.getTime());
      const civil = new Date(0);
      civil.setUTCFullYear(w.year, w.month - 1, w.day);
      const day = civil.getTime() / MS_PER_DAY - SERIAL_EPOCH_DAY;
      const msOfDay = ((w.hour * 60 + w.minute) * 60 + w.second) * 1000 + w.millisecond;
      return day + msOfDay / MS_PER_DAY;
    },
    grid: (rows) => toRealm(rows) as unknown[][],
  };

  const bundle: LoadedBundle = {
    context,
    calls: fakes.calls,
    fakes,
    realm,
    state,
    distDir,
    manifest,
    next: (o = {}) => loadBundle({ followManifest: options.followManifest, manifest: options.manifest, ...o, state, distDir }),
    run: (name, o) => runGlobal(bundle, name, o),
    clickMenu: (...p) => clickMenu(bundle, p),
    openFile: (authMode) => openFile(bundle, authMode),
    fireDueTriggers: (o) => fireDueTriggers(bundle, o),
  };
  return bundle;
}
