/**
 * The whole add-on on one machine, as `npm start` shows it: the sample customer file in the
 * HyperFormula engine, which is also the storage of the Apps Script fakes' Spreadsheet (see
 * sheets/hfStore.ts), so the cells a menu item or the card writes are the cells the grid shows
 * and the cells a user types are the ones the add-on reads. Every menu click and every
 * google.script.run call is one Apps Script execution of the built bundle: a fresh gas-local
 * context on the same document (loadBundle's next()), as each execution is a fresh global scope.
 *
 * Apps Script's rules for google.script.run are kept here on the server side (bridge.ts does
 * the page side): only public globals (functions not ending in '_'), arguments arrive as plain
 * values made in the script's realm, a result holding a Date reaches the page as null, and a
 * failure reaches the page with the server's message as it is.
 */
import vm from 'node:vm';
import {
  createGasState, wallClock,
  type AlertRecord, type CalendarNotification, type Clock, type DialogRecord, type EventResource, type GasState, type MenuEntry, type MenuTree, type SheetState, type ToastRecord,
} from '../gas/fakes';
import type { LoadedBundle } from '../gas/loadBundle';
import { wallTime, zonedInstant } from '../gas/zone';
import { a1Of } from '../sheets/a1';
import type { SheetsEngine } from '../sheets/engine';
import { createHfBook, type HfBook } from '../sheets/hfStore';
import { createKehuSheets } from '../sheets/kehuSheets';
import type { SampleOptions } from '../sample/generate';
import { langOfLocale, type Lang } from './i18n';
import { expandOpenRanges, parseA1 } from './input';
import { DEFAULT_VIEW_ROWS, errorCells, sheetView, type SheetView } from './view';
import { chartViews, withGradients, type ChartView } from './chartsData';
import { buildStartWorkbook, type ExampleFormula, type SampleFile } from './workbook';

export interface PlaygroundOptions {
  locale?: string;
  timeZone?: string;
  /** Folder of the built bundle (default: $KEHU_DIST or dist/). */
  distDir?: string;
  /** What the add-on's clock reads; default: the sample's "today" at 09:00 in the file's zone, then running in real time. */
  clock?: Clock;
  sample?: SampleOptions;
  /** Which sample file opens (default 'standard'; 'team': the named East China team, today 2026-09-21). */
  sampleFile?: SampleFile;
  /** Called with each execution's fresh bundle just before it runs (logging, tests). */
  onExecution?: (bundle: LoadedBundle, functionName: string) => void;
}

export interface SheetTab {
  name: string;
  hidden: boolean;
}

/** Where the user is: the active sheet and the selected cell. */
export interface Place {
  sheet: string;
  a1: string;
}

export interface DialogView {
  id: number;
  kind: DialogRecord['kind'];
  title: string;
  width: number;
  height: number;
}

/** What one menu click did, as the page needs it. */
export interface MenuRun {
  ok: boolean;
  /** The exception's message when the item failed (Sheets shows it in an error bar). */
  error?: string;
  alerts: AlertRecord[];
  dialogs: DialogView[];
  toasts: ToastRecord[];
  active: Place;
  revision: number;
  ms: number;
}

export type ScriptReply = { ok: true; value: unknown; revision: number } | { ok: false; message: string; revision: number };

export interface CalendarPerson {
  email: string;
  name: string;
  events: { id: string; summary: string; start: string; end: string; status: string }[];
  mails: { invite: number; update: number; cancel: number };
}

export interface CalendarView {
  calendars: string[];
  events: number;
  cancelled: number;
  people: CalendarPerson[];
  /** Time-driven triggers; nextRun in the file's time zone, 'YYYY-MM-DD hh:mm'. */
  triggers: { handler: string; nextRun: string | null; runs: number }[];
}

export interface Playground {
  lang: Lang;
  locale: string;
  timeZone: string;
  engine: SheetsEngine;
  state: GasState;
  examples: ExampleFormula[];
  /** The sheet of example formulas: 分析 in a Chinese file, Analysis in an English one. */
  analysisSheet: string;
  /** Example cells on the Analysis sheet that show an error at start. */
  warnings: string[];
  /** Visible and hidden sheets, in tab order. */
  tabs(): SheetTab[];
  /** The active sheet and selected cell. */
  active(): Place;
  /** Selects a cell as the user does (what showCustomerCard and the card's selection mode read). */
  select(sheet: string, a1: string): void;
  view(sheet: string, rows?: number): SheetView;
  /** The native charts on a sheet, with their data (the page draws them over the grid). */
  charts(sheet: string): ChartView[];
  /**
   * A user types into a cell (a value as typed, or a formula). A formula's open ranges
   * (Orders!A2:A) stay open: they take the rows added later, as in Sheets.
   */
  type(sheet: string, a1: string, content: unknown): void;
  /** The formula as the user typed it, where it holds an open range (the engine holds it closed). */
  typedFormula(sheet: string, a1: string): string | undefined;
  /** A user adds an empty sheet (the + beside the tabs). */
  addSheet(name: string): void;
  /** The add-on menus onOpen built. */
  menus(): MenuTree[];
  /** Clicks a menu item by its function name (it must be on the menu). */
  /** Clicks a menu item; a Yes/No question it asks is answered `answer` (default No: the page asks the person, then runs it again with Yes). */
  runMenu(functionName: string, answer?: 'YES' | 'NO'): MenuRun;
  /** The public globals the page's google.script.run may call. */
  publicFunctions(): string[];
  /** One google.script.run call: `argsJson` is the JSON text of the arguments array. */
  runScript(name: string, argsJson: string): ScriptReply;
  dialog(id: number): DialogRecord | undefined;
  calendar(): CalendarView;
  /**
   * Fires the time-driven triggers due by the add-on's clock, each as its own execution, as
   * Apps Script does (the server calls this every minute): once automation is on, the daily
   * run happens while the page is open.
   */
  tick(): { handler: string; ok: boolean; error?: string }[];
  /** Counts changes to the document (cells, sheets), so the page knows when to redraw. */
  revision(): number;
  close(): void;
}

/** A menu item was asked for that the menu does not show. */
export class NotOnMenuError extends Error {}

const isDate = (v: unknown): boolean => Object.prototype.toString.call(v) === '[object Date]';

/**
 * The path of the first value a google.script.run result may not carry (a Date, a function, an
 * object that is not plain), or null. Apps Script hands the page null for such a result.
 */
export function illegalResultPath(value: unknown, path = 'result'): string | null {
  if (value === null || value === undefined) return null;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t !== 'object' || isDate(value)) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = illegalResultPath(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  // Plain objects from any realm: their prototype's prototype is null.
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return path;
  for (const [k, v] of Object.entries(value as object)) {
    const bad = illegalResultPath(v, `${path}.${k}`);
    if (bad) return bad;
  }
  return null;
}

function defaultClock(today: string, timeZone: string): Clock {
  const [y, m, d] = today.split('-').map(Number);
  const start = zonedInstant(timeZone, y, m, d, 9, 0);
  const launched = Date.now();
  return wallClock(() => start + (Date.now() - launched));
}

function menuFunctions(menus: MenuTree[]): Set<string> {
  const names = new Set<string>();
  const walk = (items: MenuEntry[]): void => {
    for (const e of items) {
      if (e.type === 'item') names.add(e.functionName);
      else if (e.type === 'submenu') walk(e.items);
    }
  };
  for (const m of menus) walk(m.items);
  return names;
}

export function createPlayground(o: PlaygroundOptions = {}): Playground {
  const locale = o.locale ?? 'zh_CN';
  const timeZone = o.timeZone ?? 'Asia/Shanghai';
  const lang = langOfLocale(locale);
  const workbook = buildStartWorkbook(lang, o.sample, o.sampleFile);

  const book: HfBook = createHfBook(timeZone);
  // The document's sheets start empty: their stores adopt the engine's sheets, which hold the file.
  const names = Object.keys(workbook.sheets);
  const state = createGasState({
    sheets: Object.fromEntries(names.map((n) => [n, []])),
    createStore: book.createStore,
    locale,
    timeZone,
    userLocale: locale,
    spreadsheetName: o.sampleFile === 'team'
      ? (lang === 'zh' ? '华东销售团队客户档案（示例）' : 'East China team file (sample)')
      : (lang === 'zh' ? '客户档案（示例）' : 'Customer file (sample)'),
    clock: o.clock ?? defaultClock(workbook.today, timeZone),
  });
  // The custom functions run in the same document (its locale, zone and caches), as in Sheets.
  const { engine, bundle: formulas } = createKehuSheets({
    sheets: workbook.sheets,
    state,
    distDir: o.distDir,
    execution: { authMode: 'CUSTOM_FUNCTION', ui: false },
    // The add-on reads these cells as a script: values as computed, dates to the millisecond.
    exactValues: true,
  });
  book.attach(state, engine);
  const warnings = errorCells(engine, workbook.analysisSheet);
  // Executions follow the built manifest: no Calendar without the advanced service, no call outside its scopes.
  const base: LoadedBundle = formulas.next({ followManifest: true });
  const fresh = (): LoadedBundle => base.next();
  const execution = (functionName: string): LoadedBundle => {
    const b = fresh();
    o.onExecution?.(b, functionName);
    return b;
  };

  const sheetNamed = (name: string): SheetState => {
    const sheet = state.spreadsheet.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet named ${name}`);
    return sheet;
  };

  const active = (): Place => {
    const ss = state.spreadsheet;
    const sel = ss.selection;
    const sheet = ss.sheets.find((s) => s.id === sel.sheetId) ?? ss.sheets.find((s) => s.id === ss.activeSheetId) ?? ss.sheets[0];
    return { sheet: sheet.name, a1: a1Of(sel.column - 1, sel.row - 1) };
  };

  /**
   * Formulas typed with open ranges (Orders!A2:A), by cell. Sheets keeps such a range open: it
   * takes rows added later. HyperFormula cannot parse one, so the engine holds the formula
   * closed at the referenced sheet's last row, and after every change the formula is closed
   * again at the new last row; the page shows the formula as typed. A cell whose formula someone
   * else replaced (the add-on, a row move) is forgotten.
   */
  // `closed`: the typed text with its ranges closed; `held`: the formula as the engine then reports it.
  const openFormulas = new Map<string, { sheet: string; a1: string; typed: string; closed: string; held: string | undefined }>();
  const openKey = (sheet: string, a1: string): string => `${sheet}!${a1.replace(/\$/g, '').toUpperCase()}`;
  const usedHeight = (sheet: string): number | undefined =>
    engine.getSheetNames().includes(sheet) ? engine.getSheetValues(sheet).length : undefined;
  const reclose = (): void => {
    for (const [key, f] of openFormulas) {
      if (!engine.getSheetNames().includes(f.sheet) || engine.getFormula(f.sheet, f.a1) !== f.held) {
        openFormulas.delete(key);
        continue;
      }
      const closed = String(expandOpenRanges(f.typed, f.sheet, usedHeight).content);
      if (closed === f.closed) continue;
      f.closed = closed;
      engine.setCell(f.sheet, f.a1, closed);
      f.held = engine.getFormula(f.sheet, f.a1);
      book.touch();
    }
  };

  /** After an execution: the engine follows renamed or deleted sheets, queued writes are in, open ranges reach the last row. */
  const settle = (): void => {
    book.reconcile();
    if (openFormulas.size > 0) reclose();
  };

  const uiMark = () => ({ alerts: state.ui.alerts.length, dialogs: state.ui.dialogs.length, toasts: state.ui.toasts.length });

  const publicFunctions = (): string[] => {
    const context = fresh().context;
    return Object.keys(context).filter((k) => typeof context[k] === 'function' && !k.endsWith('_')).sort();
  };

  // The file is opened: onOpen builds the menu. A file the add-on already ran in opens in LIMITED.
  execution('onOpen').openFile('LIMITED');
  settle();

  return {
    lang,
    locale,
    timeZone,
    engine,
    state,
    examples: workbook.examples,
    analysisSheet: workbook.analysisSheet,
    warnings,
    tabs: () => state.spreadsheet.sheets.map((s) => ({ name: s.name, hidden: s.hidden })),
    active,
    select(sheet, a1) {
      const at = parseA1(a1);
      if (at === null) throw new Error(`Not a cell: ${a1}`);
      const name = sheetNamed(sheet).name;
      // The page shows empty cells past the sheet's grid, as Sheets shows its empty columns and
      // rows: a click there is a selection (the card opens on that row's customer), so the grid
      // grows to the cell instead of refusing it.
      const grid = base.fakes.direct.spreadsheet.getSheetByName(name);
      if (grid && at.col + 1 > grid.getMaxColumns()) grid.insertColumnsAfter(grid.getMaxColumns(), at.col + 1 - grid.getMaxColumns());
      if (grid && at.row + 1 > grid.getMaxRows()) grid.insertRowsAfter(grid.getMaxRows(), at.row + 1 - grid.getMaxRows());
      base.fakes.select(name, at.row + 1, at.col + 1, 1, 1);
    },
    view(sheet, rows = DEFAULT_VIEW_ROWS) {
      settle();
      const s = sheetNamed(sheet);
      const view = sheetView(engine, s.name, rows, {
        formatAt: (r, c) => s.store.format(r, c),
        typedFormulaAt: (a1) => openFormulas.get(openKey(s.name, a1))?.typed,
        valueAt: (r, c) => s.store.value(r, c),
        hiddenColumns: [...s.hiddenColumns].map((c) => c - 1).sort((a, b) => a - b),
        frozenRows: s.frozenRows,
        timeZone,
      });
      return withGradients(view, s);
    },
    charts(sheet) {
      settle();
      return chartViews(sheetNamed(sheet), state.spreadsheet.sheets);
    },
    type(sheet, a1, content) {
      settle();
      const name = sheetNamed(sheet).name;
      const key = openKey(name, a1);
      openFormulas.delete(key);
      const open = typeof content === 'string' && content.startsWith('=') ? expandOpenRanges(content, name, usedHeight) : null;
      if (open && open.expanded.length > 0) {
        engine.setCell(name, a1, open.content);
        const cell = a1.replace(/\$/g, '').toUpperCase();
        openFormulas.set(key, { sheet: name, a1: cell, typed: content as string, closed: String(open.content), held: engine.getFormula(name, cell) });
      } else {
        engine.setCell(name, a1, content);
      }
      book.touch();
      // A formula on the sheet it reads (C2:C beside a table) may have grown that sheet.
      if (openFormulas.size > 0) reclose();
    },
    typedFormula: (sheet, a1) => openFormulas.get(openKey(sheet, a1))?.typed,
    addSheet(name) {
      base.fakes.direct.spreadsheet.insertSheet(name);
      settle();
    },
    menus: () => JSON.parse(JSON.stringify(state.ui.menus)) as MenuTree[],
    runMenu(functionName, answer) {
      if (!menuFunctions(state.ui.menus).has(functionName)) throw new NotOnMenuError(`No menu item runs ${functionName}`);
      const mark = uiMark();
      const started = Date.now();
      // A Yes/No question the item asks (send the invites?) is answered No on the first run, which
      // changes nothing; the page shows the question and, on Yes, runs the item again answering Yes.
      state.ui.yesNoDefault = answer ?? 'NO';
      let r;
      try {
        r = execution(functionName).run(functionName, { authMode: 'FULL', ui: true });
      } finally {
        state.ui.yesNoDefault = undefined;
      }
      settle();
      return {
        ok: r.ok,
        ...(r.ok ? {} : { error: r.error?.message ?? '' }),
        alerts: state.ui.alerts.slice(mark.alerts),
        dialogs: state.ui.dialogs.slice(mark.dialogs).map((d, i) => ({ id: mark.dialogs + i, kind: d.kind, title: d.title, width: d.width, height: d.height })),
        toasts: state.ui.toasts.slice(mark.toasts),
        active: active(),
        revision: book.revision(),
        ms: Date.now() - started,
      };
    },
    publicFunctions,
    runScript(name, argsJson) {
      const b = execution(name);
      const fn = b.context[name];
      // What google.script.run offers: public globals only (the page's runner has no others).
      if (typeof fn !== 'function' || name.endsWith('_')) return { ok: false, message: `Script function not found: ${name}`, revision: book.revision() };
      let args: unknown;
      try {
        // Made by the script realm's JSON, as Apps Script hands the function its own objects.
        args = (vm.runInContext('JSON', b.fakes.globals) as JSON).parse(argsJson);
      } catch {
        return { ok: false, message: 'Failed due to illegal value in property: arguments', revision: book.revision() };
      }
      if (!Array.isArray(args)) return { ok: false, message: 'Failed due to illegal value in property: arguments', revision: book.revision() };
      const r = b.run(name, { authMode: 'FULL', ui: true, args });
      settle();
      if (!r.ok) return { ok: false, message: r.error?.message ?? '', revision: book.revision() };
      const bad = illegalResultPath(r.value);
      if (bad) {
        console.warn(`google.script.run: ${name} returned a value the page cannot receive (${bad} is a Date, a function or not a plain object); Apps Script hands the page null.`);
        return { ok: true, value: null, revision: book.revision() };
      }
      return { ok: true, value: r.value === undefined ? null : JSON.parse(JSON.stringify(r.value)), revision: book.revision() };
    },
    dialog: (id) => state.ui.dialogs[id],
    calendar: () => calendarView(state, timeZone),
    tick() {
      const runs = base.fireDueTriggers();
      if (runs.length) settle();
      return runs.map((r) => ({ handler: r.handler, ok: r.ok, ...(r.ok ? {} : { error: r.error?.message ?? '' }) }));
    },
    revision: () => book.revision(),
    close() {
      engine.destroy();
    },
  };
}

function calendarView(state: GasState, timeZone: string): CalendarView {
  const people = new Map<string, CalendarPerson>();
  const person = (email: string, name = ''): CalendarPerson => {
    const key = email.toLowerCase();
    let p = people.get(key);
    if (!p) {
      p = { email: key, name, events: [], mails: { invite: 0, update: 0, cancel: 0 } };
      people.set(key, p);
    } else if (!p.name && name) p.name = name;
    return p;
  };
  const when = (t: unknown): string => {
    const v = t as { dateTime?: string; date?: string } | undefined;
    return v?.dateTime ?? v?.date ?? '';
  };
  let events = 0;
  let cancelled = 0;
  const calendars = [...state.calendar.calendars.keys()].sort();
  for (const id of calendars) {
    for (const e of state.calendar.calendars.get(id)!.values() as Iterable<EventResource>) {
      events++;
      if (e.status === 'cancelled') cancelled++;
      const shown = { id: e.id, summary: String(e.summary ?? ''), start: when(e.start), end: when(e.end), status: e.status };
      const guests = (e.attendees as { email?: string; displayName?: string }[] | undefined) ?? [];
      for (const g of guests) if (g.email) person(g.email, g.displayName).events.push(shown);
    }
  }
  for (const n of state.calendar.notifications as CalendarNotification[]) person(n.to).mails[n.type]++;
  const sorted = [...people.values()].sort((a, b) => a.email.localeCompare(b.email));
  for (const p of sorted) p.events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const two = (n: number): string => String(n).padStart(2, '0');
  const local = (ms: number | undefined): string | null => {
    if (ms === undefined) return null;
    const w = wallTime(timeZone, ms);
    return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}`;
  };
  return {
    calendars,
    events,
    cancelled,
    people: sorted,
    triggers: state.triggers.map((t) => ({ handler: t.handler, nextRun: local(t.nextRun), runs: t.runs })),
  };
}
