/**
 * In-memory fakes of the Apps Script services Kehu touches, for running the built bundle under
 * gas-local (see ../loadBundle.ts) and for unit tests.
 *
 * They model the behaviour the add-on relies on (quotas that throw, locks that refuse, '='
 * strings becoming formulas, authorization modes, Apps Script's error wording) and count every
 * service call as 'Service.method', so tests can assert on how chatty the code is: in Apps
 * Script each call is a round trip. One module per service; this file assembles them.
 */
import { createCalendar } from './calendar/events';
import { createChartsService } from './charts';
import type { CalendarNotification, EventResource } from './calendar/state';
import { createCacheService } from './cache';
import type { CallCounts } from './counting';
import type { Execution, ExecutionOptions } from './execution';
import type { FaultSpec } from './faults';
import { createHtmlService } from './html';
import { createLockService, releaseLocksOf } from './lock';
import { createLogging } from './logging';
import { createPropertiesService } from './properties';
import { counted, Runtime, type RealmConstructors } from './runtime';
import { createScriptApp, type TriggerRecord } from './script';
import { createSession } from './session';
import { snapshotOf, type Snapshot, type SnapshotOptions } from './snapshot';
import { createSpreadsheetServices, type FakeSpreadsheet } from './spreadsheet';
import { createGasState, type AuthorizationStatusName, type GasState, type GasStateOptions } from './state';
import { parseA1 } from './a1';
import { advancedServiceEnabled, type Manifest } from './manifest';
import { createBigQueryFake, type BigQueryFakeOptions } from './bigquery';
import { createUi, findMenuItem, type AlertRecord, type ButtonName, type DialogRecord, type MenuTree, type ScriptedAnswer, type ToastRecord } from './ui';
import { createUtilities } from './utilities';
import { wallClock } from './clock';
import type { Modeled, ModeledClockOptions } from './costMeter';
import { modeledClockOf } from './state';
import { cellCountOf, type CellCount } from './cellCount';

export { totalCalls, type CallCounts } from './counting';
export { COST_TABLE, DEFAULT_ROW, SCRIPT_RUN_MS, SCRIPT_RUN_ROW, SOURCES, costRowOf, type CostOverrides, type CostRow } from './costModel';
export type { Modeled, ModeledKind, ModeledClockOptions } from './costMeter';
export type { CellCount, SheetCells } from './cellCount';
export { LIMITS } from './limits';
export { ManualClock, wallClock, type Clock } from './clock';
export { MemorySheetStore, type SheetStore, type CellFormat, type CellValue, type CellWrite } from './sheetStore';
export { createGasState, type GasState, type GasStateOptions, type SheetState } from './state';
export type { AuthModeName, Execution, ExecutionOptions } from './execution';
export type { FaultSpec } from './faults';
export type { FakeSpreadsheet } from './spreadsheet';
export type { FakeSheet } from './sheet';
export type { FakeRange } from './range';
export type { FakeProperties } from './properties';
export type { FakeCache } from './cache';
export type { FakeLock } from './lock';
export type { FakeHtmlOutput } from './html';
export type { FakeUi, FakeMenu, MenuTree, MenuEntry, AlertRecord, DialogRecord, ToastRecord, ScriptedAnswer, ButtonName, ButtonSetName } from './ui';
export type { TriggerRecord, ClockSchedule } from './script';
export { nextRunOf, clockEvent } from './script';
export type { EventResource, CalendarNotification } from './calendar/state';
export type { Snapshot, SheetSnapshot, SnapshotOptions } from './snapshot';
export { displayValue } from './displayFormat';
export { booleanRulesOf, chartsOf, conditionalRulesOf, type BooleanRuleRecord, type ChartRecord, type GradientRuleRecord, type RangeRecord } from './charts';
export { readManifest, type Manifest } from './manifest';

export interface GasFakesOptions extends GasStateOptions {
  /** What the active range's getFormula() answers (a custom function's own cell); null: the cell's own. */
  activeFormula?: string | null;
  /**
   * The document and everything remembered with it, from an earlier createGasFakes/loadBundle:
   * the new fakes are a fresh execution on the same files. The options that shape a new state
   * (sheets, locale, timeZone, …) are then ignored; `now`/`clock` replace the state's clock.
   */
  state?: GasState;
  /** The first execution (default FULL, with UI, as the owner). */
  execution?: ExecutionOptions;
  /**
   * Follow this manifest: the global Calendar exists only when it enables the advanced service,
   * and calls outside its explicit oauthScopes throw (loadBundle's followManifest reads dist's).
   */
  manifest?: Manifest;
  /**
   * The BigQuery advanced service's answers (a fresh state only): the global BigQuery exists when
   * these are given and, when a manifest is followed, only if it enables the advanced service.
   */
  bigquery?: BigQueryFakeOptions;
  /** Scopes the owner declined at consent (a fresh state only): ScriptApp.requireScopes for them fails. */
  declinedScopes?: string[];
}

/** Test controls over menus and dialogs (nothing here is counted). */
export interface UiFakes {
  /** Menus added with addToUi(), add-on menu first. */
  menus(): MenuTree[];
  /** The item at a caption path (a leading menu name is optional), e.g. item('Kehu', 'Settings'). */
  item(...path: string[]): { caption: string; functionName: string };
  /** Answers for the next alerts/prompts, in order: a button name or { button, text }. Unanswered ones get OK or YES. */
  answer(...answers: (ButtonName | ScriptedAnswer)[]): void;
  alerts(): AlertRecord[];
  dialogs(): DialogRecord[];
  lastDialog(): DialogRecord | undefined;
  toasts(): ToastRecord[];
  /** Forgets recorded alerts, dialogs and toasts (menus stay: they are still shown). */
  clear(): void;
}

export interface TriggerInfo {
  uid: string;
  handler: string;
  user: string;
  eventType: string;
  nextRun: number | null;
  runs: number;
}

/** Test controls over the calendar (nothing here is counted). */
export interface CalendarFakes {
  /** Events of a calendar (default: the owner's primary), by id, cancelled ones included. */
  events(calendarId?: string): EventResource[];
  event(eventId: string, calendarId?: string): EventResource | undefined;
  /** Mails sent so far, optionally only those to one guest. */
  notifications(to?: string): CalendarNotification[];
  /** Events a user may create per 24 hours (default 5,000). */
  setDailyLimit(n: number): void;
  /** At most `calls` Calendar calls within `perMs` (null: no burst limit). */
  setBurstLimit(limit: { calls: number; perMs: number } | null): void;
  /** Starts a new 24-hour quota window for every user. */
  resetQuota(): void;
  /** Inserts counted against `user`'s current quota window. */
  created(user?: string): number;
  /** Lets scripts use another calendar id (besides 'primary' and the user's e-mail). */
  addCalendar(calendarId: string): void;
  /** A person deletes the event in Google Calendar (it becomes cancelled; no mail recorded). */
  cancelAsUser(eventId: string, calendarId?: string): void;
}

/** Services over the same state with nothing counted against the script and no checks: a person editing the file. */
export interface DirectServices {
  spreadsheet: FakeSpreadsheet;
  SpreadsheetApp: unknown;
  PropertiesService: unknown;
  Calendar: unknown;
}

export interface GasFakes {
  /** A fresh object to hand to gas-local as the context's globals. */
  globals: Record<string, unknown>;
  calls: CallCounts;
  /** The active spreadsheet, as the script sees it (calls on it are counted). */
  spreadsheet: FakeSpreadsheet;
  /** Everything remembered across executions; pass it to createGasFakes/loadBundle({ state }). */
  state: GasState;
  /**
   * Date cells read through getValues()/getValue() are built with this constructor. loadBundle
   * passes the vm context's Date so `instanceof Date` holds inside the bundle, as in Sheets.
   */
  useDateConstructor(ctor: DateConstructor): void;
  /** The script realm's constructors (Date for cells, Array for rows, Error for thrown errors, JSON for API answers). */
  useRealm(realm: Partial<RealmConstructors>): void;
  /** Sets the formula getActiveRange().getFormula() answers (null: the selected cell's own). */
  setActiveFormula(formula: string | null): void;
  /** Selects cells as the user would: select('Customers', 'B5') or select('Customers', 5, 2, 1, 3). */
  select(sheetName: string, a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): void;
  /** Ends the current execution (releasing its locks) and starts one with these options. */
  beginExecution(options?: ExecutionOptions): Execution;
  /** Ends the current execution: every lock it holds is released; a default execution follows. */
  endExecution(): void;
  execution(): Execution;
  /** beginExecution(options), fn(), endExecution() even when fn throws. */
  inExecution<T>(options: ExecutionOptions, fn: () => T): T;
  /**
   * The n-th counted service call from now (1 = the next one), of any service, throws once:
   * by default what Apps Script says when that service fails (spreadsheet calls: "Service
   * Spreadsheets timed out while accessing document with id …"), before the call has any effect.
   */
  /** Runs `act` (a person's edit, through `direct`) just before the n-th counted call from now. */
  actAt(n: number, act: () => void): void;
  failAt(n: number, fault?: string | FaultSpec): void;
  clearFaults(): void;
  /** Counted calls since these fakes were made (not reset by calls.clear()). */
  callCount(): number;
  /** The names of the counted calls, in order (the first million). */
  callLog(): readonly string[];
  /** Sets ScriptApp.getAuthorizationInfo's answer; REQUIRED also makes authorized services throw. */
  setAuthorization(status: AuthorizationStatusName, options?: { user?: string; url?: string }): void;
  /**
   * The modeled Apps Script time of the calls counted since these fakes were made or
   * resetModeled() (costModel.ts: a model from published measurements, not a promise).
   */
  modeled(): Modeled;
  resetModeled(): void;
  /**
   * From now on (for this state: later loads too) every counted call moves the clock by its
   * modeled time, so the bundle's Date.now() — and a run's time budget — sees Apps Script's time.
   * Needs a ManualClock. false turns it off.
   */
  useModeledClock(options?: ModeledClockOptions | false): void;
  /** Calls `listener` after every counted call with its arguments and modeled ms; returns a function that stops it. */
  onCall(listener: (name: string, args: readonly unknown[], ms: number) => void): () => void;
  /** The file's cells as Sheets counts them toward its 10-million limit: each sheet's max rows × max columns. */
  cellCount(): CellCount;
  /**
   * Stops an execution at its first service call once it has run `ms` by the clock (for this
   * state: later loads too), as Apps Script stops one at 6 minutes; null: no limit.
   */
  setExecutionLimit(ms: number | null): void;
  /** Whether the current execution was stopped for running past that limit. */
  wasKilled(): boolean;
  ui: UiFakes;
  triggers: { list(): TriggerInfo[]; due(at?: number): TriggerRecord[] };
  calendar: CalendarFakes;
  snapshot(options?: SnapshotOptions): Snapshot;
  direct: DirectServices;
}

/** The globals of one runtime. */
function buildServices(rt: Runtime, manifest: Manifest | null = null) {
  const Ui = (() => {
    let ui: ReturnType<typeof createUi> | undefined;
    return () => (ui ??= createUi(rt));
  })();
  const { SpreadsheetApp, spreadsheet, doc } = createSpreadsheetServices(rt, Ui);
  const logging = createLogging();
  const globals: Record<string, unknown> = {
    SpreadsheetApp,
    Utilities: createUtilities(rt),
    Logger: logging.Logger,
    console: logging.console,
    PropertiesService: createPropertiesService(rt),
    CacheService: createCacheService(rt),
    LockService: createLockService(rt),
    HtmlService: createHtmlService(rt),
    ScriptApp: createScriptApp(rt),
    Session: createSession(rt),
    Calendar: createCalendar(rt),
    Charts: createChartsService(),
  };
  // Without the advanced service enabled in the manifest, Apps Script defines no Calendar global.
  if (manifest && !advancedServiceEnabled(manifest, 'Calendar')) delete globals.Calendar;
  // BigQuery likewise, and only for a test that gave it answers (tests/bundle/bigquery*.test.ts).
  if (rt.state.bigquery && (!manifest || advancedServiceEnabled(manifest, 'BigQuery'))) {
    const fake = createBigQueryFake(rt.state.bigquery);
    const calls = (rt.state.bigqueryCalls ??= []);
    const jobs = fake.BigQuery.Jobs as unknown as Record<string, (...args: unknown[]) => unknown>;
    const recorded: Record<string, (...args: unknown[]) => unknown> = {};
    for (const method of Object.keys(jobs)) {
      recorded[method] = (...args: unknown[]) => {
        const before = fake.calls.length;
        try {
          return jobs[method](...args);
        } finally {
          calls.push(...fake.calls.slice(before));
        }
      };
    }
    globals.BigQuery = { Jobs: counted('BigQuery.Jobs', recorded, rt) };
  }
  return { globals, spreadsheet, doc };
}

export function createGasFakes(options: GasFakesOptions = {}): GasFakes {
  const state = options.state ?? createGasState(options);
  if (options.state && (options.clock || options.now)) {
    state.clock = options.clock ?? wallClock(options.now);
  }
  if (options.state && options.modeledClock !== undefined) state.modeledClock = modeledClockOf(options.modeledClock);
  // Like the clock, a new execution may change the cost model for this state (and later ones).
  if (options.state && options.costs) state.costOverrides = options.costs;
  if (options.state && options.executionLimitMs !== undefined) state.executionLimitMs = options.executionLimitMs;
  if (state.modeledClock) requireMovableClock(state);
  if (!options.state && options.bigquery) state.bigquery = options.bigquery;
  if (!options.state && options.declinedScopes) state.declinedScopes = new Set(options.declinedScopes);
  const rt = new Runtime(state, true, options.execution);
  rt.manifest = options.manifest ?? null;
  const { globals, spreadsheet, doc } = buildServices(rt, rt.manifest);
  doc.activeFormula = options.activeFormula ?? null;
  const direct = (() => {
    const quiet = new Runtime(state, false);
    const s = buildServices(quiet);
    return { spreadsheet: s.spreadsheet, SpreadsheetApp: s.globals.SpreadsheetApp, PropertiesService: s.globals.PropertiesService, Calendar: s.globals.Calendar };
  })();

  const endExecution = (): void => {
    releaseLocksOf(rt.execution.id, rt);
    rt.execution = rt.newExecution();
  };
  const beginExecution = (o: ExecutionOptions = {}): Execution => {
    releaseLocksOf(rt.execution.id, rt);
    rt.execution = rt.newExecution(o);
    if (o.noActiveSpreadsheet) rt.execution = { ...rt.execution, noActiveSpreadsheet: true };
    return rt.execution;
  };
  const cal = state.calendar;
  const calendarKey = (id?: string): string => (id === undefined || id === 'primary' ? state.owner : id).toLowerCase();

  return {
    globals,
    calls: rt.calls,
    spreadsheet,
    state,
    useDateConstructor(ctor) {
      rt.realm = { ...rt.realm, Date: ctor };
    },
    useRealm(realm) {
      rt.realm = { ...rt.realm, ...realm };
    },
    setActiveFormula(formula) {
      doc.activeFormula = formula;
    },
    select(sheetName, a1OrRow, column, numRows = 1, numColumns = 1) {
      const sheet = state.spreadsheet.sheets.find((s) => s.name === sheetName);
      if (!sheet) throw new Error(`select: no sheet named ${sheetName}`);
      const [row, col, nr, nc] =
        typeof a1OrRow === 'string' ? parseA1(a1OrRow, sheet.store.rowCount(), sheet.store.columnCount()) : [a1OrRow, column ?? 1, numRows, numColumns];
      if (!(row >= 1 && col >= 1 && nr >= 1 && nc >= 1 && row + nr - 1 <= sheet.store.rowCount() && col + nc - 1 <= sheet.store.columnCount())) {
        throw new Error(`select: ${sheetName} has no cells there`);
      }
      doc.select(sheet, row, col, nr, nc);
    },
    beginExecution,
    endExecution,
    execution: () => rt.execution,
    inExecution(o, fn) {
      beginExecution(o);
      try {
        return fn();
      } finally {
        endExecution();
      }
    },
    failAt(n, fault = {}) {
      if (!(Number.isInteger(n) && n >= 1)) throw new Error('failAt: n is the 1-based number of a call from now');
      rt.faults.arm(rt.total + n, typeof fault === 'string' ? { message: fault } : fault);
    },
    actAt(n, act) {
      if (!(Number.isInteger(n) && n >= 1)) throw new Error('actAt: n is the 1-based number of a call from now');
      rt.faults.arm(rt.total + n, { act });
    },
    clearFaults: () => rt.faults.clear(),
    callCount: () => rt.total,
    callLog: () => rt.log,
    setAuthorization(status, o = {}) {
      state.authorization.set(o.user ?? state.owner, { status, url: o.url ?? 'https://script.google.com/macros/d/fake/authorize' });
    },
    ui: {
      menus: () => JSON.parse(JSON.stringify(state.ui.menus)),
      item: (...path) => findMenuItem(state.ui.menus, path),
      answer(...answers) {
        for (const a of answers) state.ui.answers.push(typeof a === 'string' ? { button: a } : a);
      },
      alerts: () => [...state.ui.alerts],
      dialogs: () => [...state.ui.dialogs],
      lastDialog: () => state.ui.dialogs[state.ui.dialogs.length - 1],
      toasts: () => [...state.ui.toasts],
      clear() {
        state.ui.alerts.length = 0;
        state.ui.dialogs.length = 0;
        state.ui.toasts.length = 0;
      },
    },
    triggers: {
      list: () => state.triggers.map((t) => ({ uid: t.uid, handler: t.handler, user: t.user, eventType: t.eventType, nextRun: t.nextRun ?? null, runs: t.runs })),
      due: (at = state.clock.now()) =>
        state.triggers.filter((t) => t.nextRun !== undefined && t.nextRun <= at).sort((a, b) => a.nextRun! - b.nextRun!),
    },
    calendar: {
      events: (calendarId) => [...(cal.calendars.get(calendarKey(calendarId))?.values() ?? [])].sort((a, b) => a.id.localeCompare(b.id)).map((e) => JSON.parse(JSON.stringify(e))),
      event(eventId, calendarId) {
        const e = cal.calendars.get(calendarKey(calendarId))?.get(eventId);
        return e && JSON.parse(JSON.stringify(e));
      },
      notifications: (to) => cal.notifications.filter((n) => to === undefined || n.to === to.toLowerCase()),
      setDailyLimit(n) {
        cal.dailyLimit = n;
      },
      setBurstLimit(limit) {
        cal.burst = limit;
        cal.recentCalls = [];
      },
      resetQuota: () => cal.quota.clear(),
      created: (user = state.owner) => cal.quota.get(user.toLowerCase())?.created ?? 0,
      addCalendar: (id) => void cal.extraCalendars.add(id.toLowerCase()),
      cancelAsUser(eventId, calendarId) {
        const events = cal.calendars.get(calendarKey(calendarId));
        const e = events?.get(eventId);
        if (!e) throw new Error(`cancelAsUser: no event ${eventId}`);
        events!.set(eventId, { ...e, status: 'cancelled', updated: new Date(state.clock.now()).toISOString() });
      },
    },
    modeled: () => rt.cost.modeled(),
    resetModeled: () => rt.cost.reset(),
    useModeledClock(o = {}) {
      state.modeledClock = modeledClockOf(o);
      if (state.modeledClock) requireMovableClock(state);
    },
    onCall(listener) {
      rt.callListeners.push(listener);
      return () => {
        const i = rt.callListeners.indexOf(listener);
        if (i >= 0) rt.callListeners.splice(i, 1);
      };
    },
    cellCount: () => cellCountOf(state.spreadsheet.sheets),
    setExecutionLimit(ms) {
      state.executionLimitMs = ms;
    },
    wasKilled: () => rt.killedExecution === rt.execution.id,
    snapshot: (o) => snapshotOf(state, o),
    direct,
  };
}

function requireMovableClock(state: GasState): void {
  if (typeof (state.clock as { advance?: unknown }).advance !== 'function') {
    throw new Error('The modeled clock moves the fakes\' clock: give a ManualClock (clock: new ManualClock(start)).');
  }
}
