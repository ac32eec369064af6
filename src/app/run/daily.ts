/**
 * The daily work and its trigger. An add-on may keep one clock trigger per document and run it
 * at most hourly, so one hourly trigger calls runDaily: it continues a run that was cut (time
 * budget, daily calendar quota, an error), else starts the day's run once the configured hour
 * has passed, else returns at once (two property reads).
 *
 * The cursor (document property kehu.daily) holds the day and the next step. Each step
 * recomputes from the sheets, so continuing means redoing the step that was cut: nothing is lost
 * and nothing doubles (row and event ids are derived, not counted).
 */
import { authorizationNeeded, fileOfTrigger, hasClockTrigger, installHourlyTrigger, removeTriggers } from '../../adapters/triggers';
import { readDocumentJson, writeDocumentJson } from '../../adapters/properties';
import { Workbook } from '../../adapters/workbook';
import { runClassifyAndFlagStep } from '../steps/classifyAndFlag';
import { runDashboardStep } from '../steps/dashboard';
import { logRun } from '../sheets/log';
import { createContext, failureText, runLocked, type Outcome, type RunContext } from './frame';
import { runInviteStep } from '../steps/invites';
import { runScheduleStep } from '../steps/schedule';
import { loadSettings } from '../reads/tables';
import { appText, type TextKey } from './texts';
import { tryDocumentLock } from '../../adapters/lock';
import { runningAs } from '../../adapters/session';
import { automationOwner, calendarOwner, setAutomationOwner } from './owners';

export const DAILY_HANDLER = 'runDailyAutomation';
const CURSOR_KEY = 'kehu.daily';

type StepName = 'classify' | 'dashboard' | 'schedule' | 'invites';
/** The dashboard is a step of its own: a checkpoint after the classification it draws from. */
const STEPS: readonly StepName[] = ['classify', 'dashboard', 'schedule', 'invites'];

export interface DailyCursor {
  day: number;
  /** The next step to run; 'done' when the day's run finished. */
  next: StepName | 'done';
  /**
   * The daily hour of the settings the run read: the next day's firings before it return at once,
   * without the lock or the Settings sheet (a changed hour counts from the run after).
   */
  hour?: number;
}

const STEP_TITLE: Record<StepName, TextKey> = { classify: 'menuRefresh', dashboard: 'dashTitle', schedule: 'menuSchedule', invites: 'menuInvites' };

/** Minutes after local midnight of the run's start. */
function minuteOfDay(ctx: RunContext): number {
  return Math.floor((ctx.started - ctx.clock.startOfDay(ctx.today)) / 60000);
}

/**
 * Runs the remaining steps of today's run in order, stopping before a step when too little of
 * the time budget is left. Returns the summaries of the steps that ran.
 */
type PauseReason = 'whyBudget' | 'whyQuota' | 'whyRetry';

function continueDaily(ctx: RunContext, cursor: DailyCursor, force: boolean): { summaries: string[]; paused: StepName | null; why: PauseReason } {
  const summaries: string[] = [];
  let next = cursor.next;
  while (next !== 'done') {
    // A step needs headroom: the invite step stops itself between calls, the others must finish.
    if (!force && summaries.length > 0 && ctx.timeLeft() < ctx.budgetMs() * 0.4) return { summaries, paused: next, why: 'whyBudget' };
    const step: StepName = next;
    const result = step === 'classify' ? { summary: runClassifyAndFlagStep(ctx), complete: true, stop: null }
      : step === 'dashboard' ? { summary: runDashboardStep(ctx).summary, complete: true, stop: null }
      : step === 'schedule' ? { summary: runScheduleStep(ctx), complete: true, stop: null }
      : runInviteStep(ctx);
    summaries.push(result.summary);
    if (!result.complete) {
      writeDocumentJson(CURSOR_KEY, { day: ctx.today, next: step, hour: cursor.hour } satisfies DailyCursor);
      return { summaries, paused: step, why: result.stop === 'budget' ? 'whyBudget' : result.stop === 'quota' ? 'whyQuota' : 'whyRetry' };
    }
    next = STEPS[STEPS.indexOf(step) + 1] ?? 'done';
    writeDocumentJson(CURSOR_KEY, { day: ctx.today, next, hour: cursor.hour } satisfies DailyCursor);
  }
  return { summaries, paused: null, why: 'whyBudget' };
}

/** The trigger handler: the whole daily work (classification, flags, schedule, invites), in that order. */
export function runDaily(event?: { triggerUid?: string } | null): Outcome {
  // Before anything else: with the authorization lapsed, every service call would throw.
  let lapsed: boolean;
  try {
    lapsed = authorizationNeeded();
  } catch (e) {
    // Could not even ask (a passing service error): the next hourly run tries again.
    const message = e instanceof Error ? e.message : String(e);
    console.warn(`Kehu: ${message}`);
    return { kind: 'skipped', message };
  }
  if (lapsed) {
    const message = `${appText('en', 'authorizationNeeded')} / ${appText('zh', 'authorizationNeeded')}`;
    console.warn(message);
    return { kind: 'skipped', message };
  }
  // A clock trigger may run with no active spreadsheet: the file kept for the trigger is opened.
  const wb = Workbook.active() ?? Workbook.open(fileOfTrigger(event?.triggerUid));
  if (!wb) return { kind: 'failed', message: appText('en', 'noSpreadsheet') };
  const ctx = createContext(wb, false);
  const saved = readDocumentJson<DailyCursor>(CURSOR_KEY);
  if (saved && saved.day === ctx.today && saved.next === 'done') return { kind: 'skipped', message: 'done today' };
  // Before the daily hour the last run read: nothing to do, and no lock, Settings read or flush to pay for (about 1.4 s each).
  if (saved && saved.day < ctx.today && typeof saved.hour === 'number' && minuteOfDay(ctx) < saved.hour * 60) return { kind: 'skipped', message: 'before the daily hour' };
  const lock = tryDocumentLock(2000);
  if (!lock) return { kind: 'skipped', message: appText(ctx.lang, 'busy') };
  try {
    const settings = loadSettings(ctx);
    let cursor: DailyCursor;
    if (saved && saved.day === ctx.today) cursor = { ...saved, hour: settings.dailyHour };
    else {
      if (minuteOfDay(ctx) < settings.dailyHour * 60) return { kind: 'skipped', message: 'before the daily hour' };
      cursor = { day: ctx.today, next: 'classify', hour: settings.dailyHour };
    }
    const { summaries, paused, why } = continueDaily(ctx, cursor, false);
    const text = paused ? appText(ctx.lang, 'dailyPaused', { step: appText(ctx.lang, STEP_TITLE[paused]), why: appText(ctx.lang, why) }) : appText(ctx.lang, 'dailyDone', { steps: '' });
    logRun(ctx, appText(ctx.lang, 'titleDaily'), [text, ...summaries].join(' '));
    return { kind: 'done', summary: [text, ...summaries].join(' ') };
  } catch (e) {
    const message = failureText(e, ctx.lang);
    try {
      logRun(ctx, appText(ctx.lang, 'titleDaily'), message);
    } catch (logFailure) {
      // The log itself may be what failed; the execution log still has the message.
    }
    console.error(message);
    return { kind: 'failed', message };
  } finally {
    ctx.saveClock();
    lock.release();
  }
}

export function installAutomation(): Outcome {
  return runLocked('titleAutomation', true, (ctx) => {
    const settings = loadSettings(ctx);
    const me = runningAs();
    const owner = automationOwner();
    // The trigger runs as its maker, and sends invites from their calendar: one person's only.
    if (owner !== '' && me !== '' && owner !== me && !hasClockTrigger(DAILY_HANDLER, ctx.wb.id())) return appText(ctx.lang, 'automationOwnedBy', { owner });
    const sender = calendarOwner();
    if (sender !== '' && me !== '' && sender !== me) return appText(ctx.lang, 'calendarOwnedBy', { owner: sender });
    const made = installHourlyTrigger(DAILY_HANDLER, ctx.wb.id());
    setAutomationOwner(me);
    return appText(ctx.lang, made ? 'automationOn' : 'automationAlreadyOn', { hour: String(settings.dailyHour).padStart(2, '0') });
  });
}

export function removeAutomation(): Outcome {
  return runLocked('titleAutomation', true, (ctx) => {
    if (removeTriggers(DAILY_HANDLER, ctx.wb.id()) > 0) {
      setAutomationOwner(null);
      return appText(ctx.lang, 'automationOff');
    }
    const owner = automationOwner();
    const me = runningAs();
    // Another person's trigger: Apps Script lets only them remove it.
    if (owner !== '' && me !== '' && owner !== me) return appText(ctx.lang, 'automationOffOnlyBy', { owner });
    return appText(ctx.lang, 'automationWasOff');
  });
}

