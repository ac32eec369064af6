/**
 * The daily trigger at issue 11's size, as Apps Script runs it: the bench's team file (50,000
 * customers, ~500,000 orders, 100 reps), the hourly trigger installed at 05:30 Shanghai time and
 * fired hour by hour under the modeled clock with Apps Script's six-minute kill, or unhurried (no
 * kill, and a clock that stands still during a run, so the time budget never runs low).
 * Shared by test/bundle/sixMinutes.test.ts, test/bundle/footprint.test.ts and the bench
 * (tools/bench/sixMinutes.ts), so the figures printed are those the tests assert.
 */
import { createHash } from 'node:crypto';
import { isOwnSheet } from '../../src/app/sheets/ownSheets';
import { ManualClock, type Snapshot } from '../gas/fakes';
import { loadBundle, type LoadedBundle } from '../gas/loadBundle';
import { zonedInstant } from '../gas/zone';
import { stepsOf, type StepModeled } from './daily';
import { benchFile } from './teamFile';

export const TIME_ZONE = 'Asia/Shanghai';
/** Apps Script's limit for one execution of a consumer account's script. */
export const EXECUTION_LIMIT_MS = 360_000;
/** Issue 11's goals for the add-on's own sheets. */
export const OWN_CELL_BUDGET = 1_000_000;
export const LOG_ROW_LIMIT = 20_000;
/** Customers per rep: 100 reps at 50,000 customers (issue 11). */
const CUSTOMERS_PER_REP = 500;
const CURSOR_KEY = 'kehu.daily';
/** The sheets that record each run (times, counts): they differ between equal histories. */
const LOG_SHEETS = ['Kehu · 日志', 'Kehu · Log', 'Kehu · 修改记录', 'Kehu · Change log'];

export interface TeamFileOptions {
  /** Modeled clock and six-minute kill (true), or unhurried (false). */
  modeled: boolean;
  /** Settings a person changed before the first run, by their name on the Settings sheet. */
  settings?: Record<string, number>;
  /** When the automation is turned on (Shanghai time); the first hourly run is an hour later. */
  start?: string;
}

/** The bench's team file with the daily automation turned on (the trigger installed). */
export function teamFileWithTrigger(customers: number, o: TeamFileOptions): LoadedBundle {
  const toDate = (y: number, m: number, d: number) => new Date(zonedInstant(TIME_ZONE, y, m, d));
  const file = benchFile(customers, toDate, 10, Math.max(3, Math.round(customers / CUSTOMERS_PER_REP)));
  const clock = new ManualClock(o.start ?? '2026-11-20T05:30:00+08:00');
  // Both kinds of file are set up under the modeled clock, so their first hourly run starts at
  // the same instant (a run records when it ran); the unhurried one then stops the clock.
  const b = loadBundle({ sheets: file.sheets, locale: 'zh_CN', timeZone: TIME_ZONE, clock, modeledClock: true, ...(o.modeled ? { executionLimitMs: EXECUTION_LIMIT_MS } : {}) });
  if (o.settings) {
    // As a person would: open the Settings sheet from the menu, then type the values.
    const opened = b.next().run('openSettings', { ui: true });
    if (!opened.ok) throw new Error(`openSettings failed: ${opened.error?.message}`);
    const sheet = b.fakes.direct.spreadsheet.getSheetByName('设置');
    if (!sheet) throw new Error('openSettings made no 设置 sheet');
    const names = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().map((r: unknown[]) => r[0]);
    for (const [name, value] of Object.entries(o.settings)) {
      const at = names.indexOf(name);
      if (at < 0) throw new Error(`no setting ${name} on the 设置 sheet`);
      sheet.getRange(at + 1, 2).setValue(value);
    }
  }
  const installed = b.next().run('installAutomation', { ui: true });
  if (!installed.ok) throw new Error(`installAutomation failed: ${installed.error?.message}`);
  if (!o.modeled) b.fakes.useModeledClock(false);
  return b;
}

export function clockOf(b: LoadedBundle): ManualClock {
  return b.state.clock as ManualClock;
}

/** One firing of the hourly trigger that did work (not "done today" or "before the daily hour"). */
export interface HourlyRun {
  /** When it fired (ms). */
  at: number;
  ok: boolean;
  killed: boolean;
  /** The step it stopped before or in, when it paused; null when it ended the day's run. */
  paused: string | null;
  modeledMs: number;
  nodeMs: number;
  /** Its modeled time split at the cursor it writes after each step (see daily.ts stepsOf). */
  steps: StepModeled[];
  summary: string;
}

export interface DayRuns {
  /** The runs that did work, in order. */
  runs: HourlyRun[];
  /** Every firing, work or not. */
  firings: number;
  /** Modeled time of the firings that only looked at the cursor or the hour. */
  idleModeledMs: number;
  done: boolean;
}

interface Cursor {
  day: number;
  next: string;
}

export function cursorOf(b: LoadedBundle): Cursor | null {
  const text = b.state.documentProperties.get(CURSOR_KEY);
  return text ? (JSON.parse(text) as Cursor) : null;
}

/**
 * Fires the hourly trigger hour by hour (the clock moved to its next due time) until the
 * day's run is done, at most `maxHours` firings. A firing that failed or was killed is kept
 * and the hours go on, as Apps Script's would.
 */
export function fireHourly(b: LoadedBundle, maxHours = 24): DayRuns {
  const clock = clockOf(b);
  const before = cursorOf(b);
  const runs: HourlyRun[] = [];
  let firings = 0;
  let idleModeledMs = 0;
  for (let hour = 0; hour < maxHours; hour++) {
    // To the trigger's next hourly time (Apps Script keeps the hour whatever the last run took).
    const due = b.fakes.triggers.list().map((t) => t.nextRun).filter((x): x is number => typeof x === 'number');
    clock.advance(due.length ? Math.max(0, Math.min(...due) - clock.now()) : 3_600_000);
    const run = b.next();
    const resumed = cursorOf(b);
    const steps = stepsOf(run, resumed && resumed.next !== 'done' ? resumed.next : 'classify');
    const t0 = process.hrtime.bigint();
    const fired = run.fireDueTriggers({ fresh: false });
    const nodeMs = Number(process.hrtime.bigint() - t0) / 1e6;
    steps.end();
    for (const r of fired) {
      firings++;
      const value = (r.value ?? {}) as { kind?: string; summary?: string; message?: string };
      if (r.ok && value.kind === 'skipped') {
        idleModeledMs += r.modeledMs;
        continue;
      }
      const cursor = cursorOf(b);
      runs.push({
        at: r.at,
        ok: r.ok && value.kind === 'done',
        killed: Boolean((r as { killed?: boolean }).killed),
        paused: cursor && cursor.next !== 'done' ? cursor.next : null,
        modeledMs: r.modeledMs,
        nodeMs,
        steps: steps.list,
        summary: value.summary ?? value.message ?? r.error?.message ?? '',
      });
    }
    const now = cursorOf(b);
    if (now && now.next === 'done' && (!before || now.day !== before.day)) return { runs, firings, idleModeledMs, done: true };
  }
  return { runs, firings, idleModeledMs, done: false };
}

/** One sheet of the add-on as Sheets counts it, and what it uses. */
export interface OwnSheetSize {
  name: string;
  rows: number;
  columns: number;
  cells: number;
  usedRows: number;
  usedColumns: number;
}

export interface Footprint {
  /** Every sheet's max rows × max columns (Sheets' 10,000,000-cell limit counts these). */
  fileCells: number;
  ownCells: number;
  own: OwnSheetSize[];
}

export function footprintOf(b: LoadedBundle): Footprint {
  const count = b.fakes.cellCount();
  const own = count.sheets
    .filter((s) => isOwnSheet(s.name))
    .map((s) => {
      const sheet = b.fakes.direct.spreadsheet.getSheetByName(s.name)!;
      return { name: s.name, rows: s.rows, columns: s.columns, cells: s.cells, usedRows: sheet.getLastRow(), usedColumns: sheet.getLastColumn() };
    });
  return { fileCells: count.total, ownCells: own.reduce((n, s) => n + s.cells, 0), own };
}

/**
 * The file and the calendar as a comparable record: every sheet but the logs (each run writes
 * its own lines), the document properties but the day's invite count (a retried insert counts
 * twice), the events without their etags and times, the mails as a set.
 */
export function endState(b: LoadedBundle): Snapshot {
  const snap = b.fakes.snapshot({ excludeSheets: LOG_SHEETS, excludeProperties: ['kehu.invites'] });
  // The instant a run stamps on what it computed is its start, which the modeled clock has
  // moved by the calls made before it (the authorization check: tens of ms): not a difference.
  const unstamp = (text: string) => text.replace(STAMP, '"$1":"<run start>"');
  for (const sheet of snap.sheets) sheet.values = sheet.values.map((row) => row.map((v) => (typeof v === 'string' ? unstamp(v) : v)));
  for (const k of Object.keys(snap.documentProperties)) snap.documentProperties[k] = unstamp(snap.documentProperties[k]);
  snap.notifications.sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  for (const events of Object.values(snap.calendar)) events.sort((x, y) => (String(x.id) < String(y.id) ? -1 : 1));
  return snap;
}

/** `"at":1795127401776` in a state cell or a property (13 digits: an instant in ms). */
const STAMP = /"(at|classifiedAt)":(\d{13})/g;

const digest = (value: unknown): string => createHash('sha1').update(JSON.stringify(value)).digest('hex');

/**
 * Where two end states differ, one readable line per part (a sheet and its first different row,
 * the properties, a calendar, the mails); empty when they are equal. Compared by digest first,
 * so equal 500,000-row sheets cost one hash each.
 */
export function differences(a: Snapshot, b: Snapshot): string[] {
  const out: string[] = [];
  const names = [...new Set([...a.sheets, ...b.sheets].map((s) => s.name))];
  for (const name of names) {
    const x = a.sheets.find((s) => s.name === name);
    const y = b.sheets.find((s) => s.name === name);
    if (!x || !y) {
      out.push(`sheet ${name}: only in the ${x ? 'first' : 'second'} file`);
      continue;
    }
    if (digest(x) === digest(y)) continue;
    for (const part of ['values', 'formulas', 'numberFormats', 'fontWeights', 'backgrounds'] as const) {
      const rows = Math.max(x[part].length, y[part].length);
      for (let r = 0; r < rows; r++) {
        if (JSON.stringify(x[part][r]) !== JSON.stringify(y[part][r])) {
          out.push(`sheet ${name}, ${part}, row ${r + 1}: ${whereTextsDiffer(JSON.stringify(x[part][r]), JSON.stringify(y[part][r]))}`);
          break;
        }
      }
    }
    if (x.hidden !== y.hidden || x.frozenRows !== y.frozenRows || JSON.stringify(x.hiddenColumns) !== JSON.stringify(y.hiddenColumns)) out.push(`sheet ${name}: hidden, frozen rows or hidden columns differ`);
  }
  const keys = [...new Set([...Object.keys(a.documentProperties), ...Object.keys(b.documentProperties)])];
  for (const k of keys) if (a.documentProperties[k] !== b.documentProperties[k]) out.push(`property ${k}: ${whereTextsDiffer(String(a.documentProperties[k]), String(b.documentProperties[k]))}`);
  const calendars = [...new Set([...Object.keys(a.calendar), ...Object.keys(b.calendar)])];
  for (const id of calendars) {
    const x = a.calendar[id] ?? [];
    const y = b.calendar[id] ?? [];
    if (digest(x) === digest(y)) continue;
    const at = x.findIndex((e, i) => JSON.stringify(e) !== JSON.stringify(y[i]));
    out.push(`calendar ${id}: ${x.length} ≠ ${y.length} events; first different: ${JSON.stringify(x[at] ?? null).slice(0, 300)} ≠ ${JSON.stringify(y[at === -1 ? x.length : at] ?? null).slice(0, 300)}`);
  }
  if (digest(a.notifications) !== digest(b.notifications)) out.push(`mails: ${a.notifications.length} ≠ ${b.notifications.length}`);
  return out;
}

/** Two long texts shown around their first difference. */
function whereTextsDiffer(x: string, y: string): string {
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  const from = Math.max(0, i - 60);
  return `…${x.slice(from, i + 60)}… ≠ …${y.slice(from, i + 60)}…`;
}

/** A sheet's projected size, and how it was projected. */
export interface ProjectedSheet {
  name: string;
  rows: number;
  columns: number;
  cells: number;
  how: string;
}

/**
 * The own sheets of a large file after `days` days, projected from its first day and from a
 * smaller file's growth over the same days (a 30-day run at 50,000 customers takes minutes of
 * Node's time): each sheet's rows on day one at the large size, plus the small file's growth in
 * rows times `scale`, the ratio of reps (the schedule's new rows are the reps' filled days) and of
 * customers (the bench file keeps one rep per 500). Two sheets have a bound the small file
 * does not reach: the log keeps at most 20,000 lines, and the calendar registry gains at most
 * the daily invite limit a day (a 50,000-customer file sends the limit every day, a 5,000 one
 * soon sends fewer).
 */
export function projectFootprint(largeFirstDay: Footprint, smallFirstDay: Footprint, smallLastDay: Footprint, scale: number, days: number, dailyInviteLimit: number): ProjectedSheet[] {
  const names = [...new Set([...largeFirstDay.own, ...smallLastDay.own].map((s) => s.name))];
  return names.map((name) => {
    const large = largeFirstDay.own.find((s) => s.name === name);
    const first = smallFirstDay.own.find((s) => s.name === name);
    const last = smallLastDay.own.find((s) => s.name === name);
    const growth = (last?.rows ?? 0) - (first?.rows ?? 0);
    let rows = (large?.rows ?? 0) + growth * scale;
    let how = `${large?.rows ?? 0} on day 1 + ${growth} × ${scale}`;
    if (LOG_NAMES.includes(name) && rows > LOG_ROW_LIMIT + 1) {
      rows = LOG_ROW_LIMIT + 1;
      how = `the log's limit, ${LOG_ROW_LIMIT} lines and the header`;
    }
    const inviteBound = (large?.rows ?? 1) + dailyInviteLimit * (days - 1);
    if (REGISTRY_NAMES.includes(name) && rows > inviteBound) {
      rows = inviteBound;
      how = `${large?.rows ?? 1} on day 1 + ${dailyInviteLimit} invites a day for ${days - 1} days`;
    }
    const columns = Math.max(large?.columns ?? 0, last?.columns ?? 0);
    return { name, rows, columns, cells: rows * columns, how };
  });
}

const LOG_NAMES = ['Kehu · 日志', 'Kehu · Log'];
const REGISTRY_NAMES = ['Kehu · 日历记录', 'Kehu · Calendar'];

export interface DayFigures {
  day: number;
  runs: number;
  killed: boolean;
  done: boolean;
  /** Modeled time of the runs that did work, each. */
  modeledMs: number[];
  /** Modeled time of the other firings since the day before (before the daily hour, done today). */
  idleModeledMs: number;
  footprint: Footprint;
}

/** `days` days of the hourly trigger, one after another: each ends when that day's run is done. */
export function runDays(b: LoadedBundle, days: number, onDay?: (d: DayFigures) => void): DayFigures[] {
  const out: DayFigures[] = [];
  for (let d = 1; d <= days; d++) {
    // A day's run ends within the day's 24 firings, plus the ones before its daily hour.
    const day = fireHourly(b, 30);
    const figures: DayFigures = {
      day: d,
      runs: day.runs.length,
      killed: day.runs.some((r) => r.killed),
      done: day.done,
      modeledMs: day.runs.map((r) => r.modeledMs),
      idleModeledMs: day.idleModeledMs,
      footprint: footprintOf(b),
    };
    out.push(figures);
    onDay?.(figures);
    if (!day.done) break;
  }
  return out;
}
