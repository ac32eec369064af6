/**
 * The frame around every run of the automation and every card call: the spreadsheet, its
 * language and calendar, the document lock, the time budget, and errors turned into one
 * sentence the user can act on (in the file's language).
 */
import { nowMs } from '../../adapters/clock';
import { tryDocumentLock } from '../../adapters/lock';
import { spreadsheetClock } from '../../adapters/timeZone';
import { alertUser } from '../../adapters/ui';
import { Workbook } from '../../adapters/workbook';
import type { DayClock } from '../../core/dates';
import { langOf, type Lang } from '../../core/locale';
import { UserError } from './userError';
import { appText, type TextKey } from './texts';

export interface RunContext {
  wb: Workbook;
  lang: Lang;
  clock: DayClock;
  /** When the run started (ms since the epoch). */
  started: number;
  /** Today in the spreadsheet's calendar. */
  today: number;
  /** Whether a person started the run (menu, sidebar) and can be told things. */
  interactive: boolean;
  /** Results shared by the steps of one run (tables read, classification), by name. */
  shared: Map<string, unknown>;
  /** Milliseconds left before the time budget; the budget is set once settings are read. */
  timeLeft(): number;
  /** The whole time budget in milliseconds. */
  budgetMs(): number;
  setBudget(seconds: number): void;
  /** Keeps what the clock learnt about the time zone for the next executions (document cache). */
  saveClock(): void;
}

export type Outcome =
  | { kind: 'done'; summary: string }
  | { kind: 'skipped'; message: string }
  | { kind: 'failed'; message: string };

/** Until the settings are read: well under Apps Script's 6 minutes. */
const DEFAULT_BUDGET_SECONDS = 240;
const LOCK_WAIT_MS = 2000;

export function createContext(wb: Workbook, interactive: boolean): RunContext {
  const started = nowMs();
  const zone = spreadsheetClock(wb.timeZone());
  const clock = zone.clock;
  let budgetMs = DEFAULT_BUDGET_SECONDS * 1000;
  return {
    wb,
    lang: langOf(wb.locale()),
    clock,
    started,
    today: clock.dayOf(started),
    interactive,
    shared: new Map(),
    timeLeft: () => started + budgetMs - nowMs(),
    budgetMs: () => budgetMs,
    setBudget(seconds) {
      budgetMs = seconds * 1000;
    },
    saveClock: zone.save,
  };
}

/** The sentence for a failure: a user error as it is, anything else as "unexpected", with its detail. */
export function failureText(e: unknown, lang: Lang): string {
  if (e instanceof UserError) return e.text(lang);
  const detail = e instanceof Error ? e.message : String(e);
  return appText(lang, 'unexpected', { detail });
}

/**
 * Runs `body` under the document lock. Another run holding the lock → skipped, said so. A
 * failure is worded for the user; an interactive run shows the outcome in a dialog.
 */
export function runLocked(title: TextKey, interactive: boolean, body: (ctx: RunContext) => string): Outcome {
  const wb = Workbook.active();
  if (!wb) return { kind: 'failed', message: appText('en', 'noSpreadsheet') };
  const ctx = createContext(wb, interactive);
  const lock = tryDocumentLock(LOCK_WAIT_MS);
  let outcome: Outcome;
  if (!lock) {
    outcome = { kind: 'skipped', message: appText(ctx.lang, 'busy') };
  } else {
    try {
      outcome = { kind: 'done', summary: body(ctx) };
    } catch (e) {
      outcome = { kind: 'failed', message: failureText(e, ctx.lang) };
    } finally {
      ctx.saveClock();
      lock.release();
    }
  }
  // A step that showed its own dialog (the export) has nothing more to say.
  if (interactive && !(outcome.kind === 'done' && outcome.summary === '')) {
    const text = outcome.kind === 'done' ? outcome.summary : outcome.message;
    const heading = appText(ctx.lang, title);
    if (!alertUser(heading, text)) console.log(`${heading}: ${text}`);
  } else if (outcome.kind !== 'done') {
    console.warn(`${appText(ctx.lang, title)}: ${outcome.message}`);
  }
  return outcome;
}
