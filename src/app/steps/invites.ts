/**
 * "Send calendar invites": bring the calendar in line with the schedule, following the protocol
 * of src/core/calendar/sync.ts (registry written before the first call with every planned event
 * pending, one call per event that is new or changed, the registry written again at the end).
 * Stops between calls when the time budget runs low (the next hourly run continues), and stays
 * within the settings' daily limit of new events (the rest wait for tomorrow).
 *
 * Google's limits: a rate limit ("too many calls in a short time") is waited out with exponential
 * backoff; a usage limit, or a rate limit that outlasts the backoff, stops the sending for the
 * day (kept in the day's quota record, so the hourly runs do not knock again): Google may make a
 * calendar read-only for hours or days when many invitations go to external guests, and knocking
 * again only prolongs it.
 *
 * From the menu, the person first sees what will happen (new, changed, cancelled, how many
 * people) and is asked; the daily trigger sends without asking.
 */
import { calendarAvailable, sendActionWithBackoff } from '../../adapters/calendar';
import { readDocumentJson, writeDocumentJson } from '../../adapters/properties';
import { zoneOffsetAt } from '../../adapters/timeZone';
import type { CellValue } from '../../core/cells';
import { flagsCell } from '../../core/automation/reasons';
import { desiredEvent, eventIdFor, type CustomerDetails, type EventContext, type EventResource } from '../../core/calendar/events';
import { describeRegistryProblem, readRegistry, renderRegistry, type Registry } from '../../core/calendar/registry';
import { applyResult, planSync, pruneRegistry, recordPlanned, releaseUnsent, type SyncAction, type SyncPlan } from '../../core/calendar/sync';
import type { ScheduleRow } from '../../core/model';
import { findLayout } from '../../core/schedule/headers';
import { unknownPeople } from '../../core/schedule/plan';
import { Team } from '../../core/schedule/people';
import { classified } from '../reads/classified';
import { logLines, logRun } from '../sheets/log';
import { claimCalendar } from '../run/owners';
import type { RunContext } from '../run/frame';
import { newSheetName, ownSheetNames, trimOwnSheet } from '../sheets/ownSheets';
import { readSchedule } from '../reads/scheduleRead';
import { appText } from '../run/texts';
import { UserError } from '../run/userError';

const QUOTA_KEY = 'kehu.invites';
/** Time kept in hand after the last calendar call: the registry and the sheet still have to be written. */
const RESERVE_MS = 20_000;

interface InviteQuota {
  day: number;
  inserted: number;
  /** Google's refusal that stopped the sending for this day, if one did. */
  stopped?: string;
}

/** What a send would do, shown to the person before it (the same plan the send then runs). */
export interface InvitePreview {
  inserted: number;
  patched: number;
  cancelled: number;
  /** Different guests (e-mail addresses) of those events. */
  people: number;
  /** New invites past the day's limit, left for tomorrow. */
  deferred: number;
}

export function previewOf(plan: SyncPlan, rows: readonly ScheduleRow[]): InvitePreview {
  const emailOfRow = new Map(rows.map((r) => [r.rowId, r.email.trim().toLowerCase()] as const));
  const people = new Set<string>();
  const counts = { inserted: 0, patched: 0, cancelled: 0 };
  for (const a of plan.actions) {
    counts[a.kind === 'insert' ? 'inserted' : a.kind === 'patch' ? 'patched' : 'cancelled']++;
    if (a.kind === 'cancel') {
      const email = emailOfRow.get(a.rowId);
      if (email) people.add(email);
    } else {
      for (const g of a.resource.attendees) people.add(g.email.trim().toLowerCase());
    }
  }
  return { ...counts, people: people.size, deferred: plan.deferred };
}

/** The question asked before sending from the menu; answers whether to go on. */
export type AskBeforeSending = (preview: InvitePreview) => boolean;

const text = (v: CellValue | undefined): string => (v === undefined || v === null ? '' : String(v).trim());

function customerDetails(ctx: RunContext): Map<string, CustomerDetails> {
  const c = classified(ctx);
  const out = new Map<string, CustomerDetails>();
  c.tables.customers.forEach((r, i) => {
    // Reasons without day counts: a count that changes daily would patch every event every day.
    const flags = (c.flags.get(r.id) ?? []).filter((f) => f.key !== 'lapsed' && f.key !== 'overdue' && f.key !== 'notReviewed' && f.key !== 'birthday');
    out.set(r.id, {
      address: text(r.fields.address),
      phone: text(r.fields.phone),
      contact: text(r.fields.contact),
      tier: c.result.classes[i].tier,
      flags: flagsCell(flags, ctx.lang),
    });
  });
  return out;
}

export interface InviteOutcome {
  summary: string;
  /** False when the next hourly run should continue today (time budget, passing failures); Google's limits stop the day. */
  complete: boolean;
  /** Why it stopped early when it did so for the hour. */
  stop: 'budget' | 'quota' | null;
  /** The person was asked and said no: nothing was sent. */
  declined?: boolean;
}

type StopReason = 'budget' | 'limit' | 'quota' | 'noCalendar' | 'failing';

/** Failures worth trying again within the hour; any other is left for the next day's run. */
const TRANSIENT = /backend error|timed out|time-?out|server error|internal error|unavailable|try again|503|500/i;
/** So many failures in a row with one message: the rest would fail the same way. */
const SAME_FAILURES_TO_STOP = 5;
const MAX_LOGGED_FAILURES = 20;

export function runInviteStep(ctx: RunContext, ask?: AskBeforeSending): InviteOutcome {
  const { settings } = classified(ctx).tables;
  if (settings.dailyEventLimit === 0) return { summary: appText(ctx.lang, 'invitesOff'), complete: true, stop: null };
  if (!calendarAvailable()) throw new UserError((lang) => appText(lang, 'noCalendar'));
  const notYours = claimCalendar(ctx.lang);
  if (notYours) return { summary: notYours, complete: true, stop: null };
  const schedule = readSchedule(ctx);
  const rows = schedule.sheet.rows;
  const spreadsheetId = ctx.wb.id();

  const existing = ctx.wb.findSheet(ownSheetNames('calendar', ctx.lang));
  const registryName = existing ?? newSheetName('calendar', ctx.lang);
  const read = existing ? readRegistry(ctx.wb.read(existing), ctx.clock) : { registry: new Map() as Registry, problems: [] };
  const registry = read.registry;
  for (const p of read.problems) logRun(ctx, appText(ctx.lang, 'menuInvites'), describeRegistryProblem(p, registryName, ctx.lang));
  pruneRegistry(registry, ctx.today, spreadsheetId);

  const eventCtx: EventContext = {
    today: ctx.today,
    timeZone: ctx.wb.timeZone(),
    clock: ctx.clock,
    offsetAt: zoneOffsetAt(ctx.wb.timeZone()),
    visitMinutes: settings.visitMinutes,
    callMinutes: settings.callMinutes,
    spreadsheetId,
    spreadsheetUrl: ctx.wb.url(),
    lang: ctx.lang,
    customers: customerDetails(ctx),
  };
  const desired = new Map<string, EventResource | 'cancel' | 'leave'>();
  // A person's row naming someone the add-on does not know keeps its invite as it was (the schedule step says so in the row).
  const team = new Team(settings.team);
  const reps = new Set(classified(ctx).tables.customers.map((r) => text(r.fields.rep)));
  for (const row of rows) {
    if (row.rowId === '') continue;
    const unknown = row.origin !== 'kehu' && unknownPeople(row, team, reps).length > 0;
    desired.set(row.rowId, desiredEvent(unknown ? { ...row, unreadable: [...row.unreadable, 'person'] } : row, eventCtx));
  }

  const saved = readDocumentJson<InviteQuota>(QUOTA_KEY);
  const quota: InviteQuota = saved && saved.day === ctx.today ? saved : { day: ctx.today, inserted: 0 };
  if (quota.stopped) return { summary: appText(ctx.lang, 'invitesHeldToday'), complete: true, stop: null };
  const plan = planSync({ rows, desired, registry, today: ctx.today, insertBudget: settings.dailyEventLimit - quota.inserted, spreadsheetId });
  if (ask && plan.actions.length > 0 && !ask(previewOf(plan, rows))) return { summary: appText(ctx.lang, 'invitesNotSent'), complete: true, stop: null, declined: true };
  const counts = { inserted: 0, patched: 0, cancelled: 0 };
  const failures: { rowId: string; message: string }[] = [];
  let stop: StopReason | null = null;

  if (plan.actions.length > 0) {
    ctx.wb.ensureSheet(registryName);
    recordPlanned(registry, plan.actions);
    ctx.wb.replace(registryName, renderRegistry(registry, ctx.lang));
    ctx.wb.keepHidden(registryName);
    let sent = 0;
    let sameFailures = 0;
    try {
      for (; sent < plan.actions.length && !stop; sent++) {
        if (ctx.timeLeft() < RESERVE_MS) {
          stop = 'budget';
          break;
        }
        let action: SyncAction | null = plan.actions[sent];
        // One follow-up at most (a patch after a 409, an insert after a 404).
        for (let attempt = 0; action && attempt < 2; attempt++) {
          if (action.kind === 'insert') {
            if (quota.inserted >= settings.dailyEventLimit) {
              stop = 'limit';
              break;
            }
            quota.inserted++;
          }
          // Rate limits are waited out while the budget allows; what still refuses stops the day.
          const outcome = sendActionWithBackoff(settings.calendarId, action, (ms) => ctx.timeLeft() - ms > RESERVE_MS);
          if (outcome.kind === 'quota') {
            stop = 'quota';
            quota.stopped = outcome.message;
            applyResult(registry, action, outcome);
            break;
          }
          if (outcome.kind === 'notFound' && action.kind === 'insert') {
            // An insert that finds nothing: the calendar itself is not there (a wrong calendar ID).
            stop = 'noCalendar';
            applyResult(registry, action, { kind: 'failed', message: 'calendar not found' });
            break;
          }
          if (outcome.kind === 'failed') {
            sameFailures = failures.length > 0 && failures[failures.length - 1].message === outcome.message ? sameFailures + 1 : 1;
            failures.push({ rowId: action.rowId, message: outcome.message });
            if (sameFailures >= SAME_FAILURES_TO_STOP) stop = 'failing';
          } else if (outcome.kind === 'ok') {
            sameFailures = 0;
            counts[action.kind === 'insert' ? 'inserted' : action.kind === 'patch' ? 'patched' : 'cancelled']++;
          }
          action = applyResult(registry, action, outcome);
        }
      }
    } finally {
      // Whatever happens (a budget stop, a quota, an exception), what was not sent is released
      // and the registry says what is known.
      releaseUnsent(registry, plan.actions.slice(sent));
      const rendered = renderRegistry(registry, ctx.lang);
      ctx.wb.replace(registryName, rendered);
      writeDocumentJson(QUOTA_KEY, quota);
      // The registry's own cells only (a new sheet is 1,000 × 26; pruned lines leave blank rows).
      trimOwnSheet(ctx, registryName, rendered.length, rendered[0]?.length ?? 1);
    }
  }
  writeEventIds(ctx, registry, spreadsheetId);
  if (failures.length > 0) logFailures(ctx, failures);

  // Retried within the hour: a time-budget stop and failures that may pass (a backend error, a
  // timeout). The day is done otherwise: what the daily limit or Google's limits left waits for
  // tomorrow, and a wrong calendar ID or a refusal would only fail again.
  const transient = stop !== 'quota' && failures.some((f) => TRANSIENT.test(f.message));
  const complete = !(stop === 'budget' || transient);
  const notes: string[] = [];
  if (plan.deferred > 0 || stop === 'limit') notes.push(appText(ctx.lang, 'invitesLimit', { count: plan.deferred, limit: settings.dailyEventLimit }));
  if (stop === 'budget') notes.push(appText(ctx.lang, 'invitesBudget'));
  if (stop === 'quota') notes.push(appText(ctx.lang, 'invitesStoppedToday', { message: quota.stopped ?? '' }));
  if (stop === 'noCalendar') notes.push(appText(ctx.lang, 'invitesNoCalendar', { id: settings.calendarId }));
  if (failures.length > 0) notes.push(appText(ctx.lang, 'invitesFailed', { count: failures.length, message: failures[0].message }));
  return {
    summary: appText(ctx.lang, 'invitesDone', { ...counts, deferred: notes.length ? ` ${notes.join(' ')}` : '' }),
    complete,
    stop: stop === 'budget' ? stop : null,
  };
}

/** The failed calls, in one append (the first ones, then a count). */
function logFailures(ctx: RunContext, failures: readonly { rowId: string; message: string }[]): void {
  const shown = failures.slice(0, MAX_LOGGED_FAILURES).map((f) => `${f.rowId}: ${f.message}`);
  if (failures.length > MAX_LOGGED_FAILURES) shown.push(appText(ctx.lang, 'moreFailures', { count: failures.length - MAX_LOGGED_FAILURES }));
  logLines(ctx, appText(ctx.lang, 'menuInvites'), shown);
}

/**
 * Stores each row's event id in its "Calendar event ID" cell (what the registry knows as made
 * and not cancelled), writing the column only when a cell would change. The Kehu ID column is
 * read again first, so every id lands on its own row even if a person sorted the sheet.
 */
function writeEventIds(ctx: RunContext, registry: Registry, spreadsheetId: string): void {
  const { name, sheet } = readSchedule(ctx);
  if (!name || sheet.headerRow === null) return;
  const wanted = (rowId: string): string => {
    if (rowId === '') return '';
    const e = registry.get(eventIdFor(spreadsheetId, rowId));
    return e && e.status !== 'cancelled' ? e.eventId : '';
  };
  if (sheet.rows.every((r) => r.eventId === wanted(r.rowId))) return;
  const layout = findLayout(ctx.wb.read(name));
  if (!layout || layout.columns.rowId === undefined || layout.columns.eventId === undefined) return;
  const first = sheet.headerRow + 1;
  const rowIdColumn = layout.columns.rowId + 1;
  const eventColumn = layout.columns.eventId + 1;
  ctx.wb.forget(name);
  const ids = ctx.wb.readFresh(name, first, rowIdColumn, Number.MAX_SAFE_INTEGER, 1).map((r) => text(r[0]));
  const current = ctx.wb.readFresh(name, first, eventColumn, ids.length, 1).map((r) => text(r[0]));
  const column = ids.map((id, i) => [id === '' ? current[i] ?? '' : wanted(id)] as CellValue[]);
  if (column.length > 0) ctx.wb.write(name, first, eventColumn, column);
}
