/**
 * Which Calendar calls bring the calendar in line with the schedule, and what each answer
 * means for the registry.
 *
 * The adapter's protocol (Advanced Calendar service, one calendar id from the settings):
 *
 *   const { registry, problems } = readRegistry(values, clock);      // log the problems
 *   pruneRegistry(registry, today, spreadsheetId);
 *   const plan = planSync({ rows, desired, registry, today, insertBudget, spreadsheetId });
 *   if (plan.actions.length === 0) return;                          // unchanged re-run: no call at all
 *   recordPlanned(registry, plan.actions); write renderRegistry(registry, lang);   // one sheet write
 *   for (let i = 0; i < plan.actions.length; i++) {
 *     if (out of time) { releaseUnsent(registry, plan.actions.slice(i)); break; }
 *     const outcome = call(plan.actions[i]);                          // see below
 *     const next = applyResult(registry, plan.actions[i], outcome);
 *     if (outcome.kind === 'quota') { releaseUnsent(registry, plan.actions.slice(i + 1)); break; }
 *     if (next) applyResult(registry, next, call(next));             // one follow-up at most
 *   }
 *   write renderRegistry(registry, lang);                           // one sheet write
 *   (On an exception: in a finally, release the actions after the one in flight and write.)
 *
 *   call(insert) = Calendar.Events.insert(a.resource, calendarId, { sendUpdates: 'all' })
 *   call(patch)  = Calendar.Events.patch(a.body, calendarId, a.eventId, { sendUpdates: a.sendUpdates })
 *   call(cancel) = Calendar.Events.patch(a.body, calendarId, a.eventId, { sendUpdates: 'all' })
 *   Each answers { kind: 'ok' }, or, when it throws, classifyCalendarError(e.message):
 *   'alreadyExists' → Calendar.Events.get(calendarId, a.eventId) and answer
 *   { kind: 'alreadyExists', current }; 'notFound' → { kind: 'notFound' }; 'quota' →
 *   { kind: 'quota', message } (stop, as above); else { kind: 'failed', message } (log it with the row).
 *   Count every insert sent against the day's dailyEventLimit (document properties).
 *
 * Why this is safe to cut anywhere: event ids are derived from the file and the row, so a
 * repeated insert answers 409 and is reconciled by reading the event (Calendar keeps a cancelled
 * event's id, so a 409 can also mean "cancelled": it is patched back if the row wants it). The
 * registry is written before the first call with the event of every planned action as pending
 * (its state unknown until the call's answer is recorded), so nothing a cut run did is
 * forgotten: the next run re-inserts a pending event the row wants (→ 201, or 409 → read →
 * patched only if it differs) and cancels one the row no longer wants. A run that stops itself
 * (time budget, quota) releases what it did not send and writes the registry, leaving nothing
 * pending; only a hard kill leaves pending entries, each then costing a call or two.
 *
 * Why cancel is a patch of status to 'cancelled' rather than Events.remove: it is the same state
 * (Calendar's "cancelled" is its deleted state, and guests get the cancellation with
 * sendUpdates 'all'), but a patch is idempotent where a repeated remove answers 410 Gone, and
 * one verb both cancels and restores (status back to 'confirmed' with the row's fields).
 */
import type { ScheduleRow } from '../model';
import { eventIdFor, eventSignature, notifiedChange, type CalendarEventLike, type EventResource, type EventTime } from './events';
import { cmp, type Registry, type RegistryEntry } from './registry';

/** Start and end in a patch name both forms, the unused one null: patching merges objects, so a switch between a timed and an all-day event must clear the other field. */
export type PatchTime = { dateTime: string; timeZone: string; date: null } | { date: string; dateTime: null; timeZone: null };
export type EventPatch = Omit<EventResource, 'id' | 'start' | 'end'> & { start: PatchTime; end: PatchTime };

interface ActionBase {
  eventId: string;
  rowId: string;
  /** The event's day: actions are ordered by it. */
  day: number;
}
export interface InsertAction extends ActionBase {
  kind: 'insert';
  resource: EventResource;
  signature: string;
  sendUpdates: 'all';
}
export interface PatchAction extends ActionBase {
  kind: 'patch';
  body: EventPatch;
  /** The whole event, to insert it anew should the patch find it gone for good (404). */
  resource: EventResource;
  signature: string;
  /** 'all' when guests' view changes (time, guests, title, place, status), 'none' for a description alone. */
  sendUpdates: 'all' | 'none';
}
export interface CancelAction extends ActionBase {
  kind: 'cancel';
  body: { status: 'cancelled' };
  sendUpdates: 'all';
}
export type SyncAction = InsertAction | PatchAction | CancelAction;

export type CallOutcome =
  | { kind: 'ok' }
  | { kind: 'alreadyExists'; current: CalendarEventLike }
  | { kind: 'notFound' }
  /** A quota or rate limit: the call was not made; stop calling for this run. */
  | { kind: 'quota'; message: string }
  | { kind: 'failed'; message: string };

export interface SyncInput {
  /** The schedule sheet as it is now (rows a person deleted are absent). */
  rows: readonly ScheduleRow[];
  /** desiredEvent of each row, by row id; a row missing here is left alone. */
  desired: ReadonlyMap<string, EventResource | 'cancel' | 'leave'>;
  registry: Registry;
  today: number;
  /** Inserts allowed in this run (the day's limit minus those sent today); the rest wait. */
  insertBudget: number;
  /** The file's id: entries and event id cells made by another file (a copy) are not touched. */
  spreadsheetId: string;
}

export interface SyncPlan {
  /** Ordered by day, then row id. */
  actions: SyncAction[];
  /** Inserts left for a later run by the budget. */
  deferred: number;
}

function toPatchTime(t: EventTime): PatchTime {
  return 'date' in t ? { date: t.date, dateTime: null, timeZone: null } : { dateTime: t.dateTime, timeZone: t.timeZone, date: null };
}

export function patchBody(resource: EventResource): EventPatch {
  const { id: _id, start, end, ...rest } = resource;
  return { ...rest, start: toPatchTime(start), end: toPatchTime(end) };
}

function patchAction(resource: EventResource, rowId: string, day: number, signature: string, sendUpdates: 'all' | 'none'): PatchAction {
  return { kind: 'patch', eventId: resource.id, rowId, day, body: patchBody(resource), resource, signature, sendUpdates };
}

function cancelAction(eventId: string, rowId: string, day: number): CancelAction {
  return { kind: 'cancel', eventId, rowId, day, body: { status: 'cancelled' }, sendUpdates: 'all' };
}

/** The calls that make the calendar match `desired`; none when nothing changed since the registry was written. */
export function planSync(input: SyncInput): SyncPlan {
  const { rows, desired, registry, today, spreadsheetId } = input;
  const planned: SyncAction[] = [];
  const present = new Set<string>();
  for (const row of rows) {
    if (row.rowId === '' || present.has(row.rowId)) continue;
    present.add(row.rowId);
    const want = desired.get(row.rowId) ?? 'leave';
    if (want === 'leave') continue;
    if (want === 'cancel') {
      const own = eventIdFor(spreadsheetId, row.rowId);
      const entry = registry.get(own);
      if (entry ? entry.status !== 'cancelled' : row.eventId.trim() === own) {
        planned.push(cancelAction(own, row.rowId, entry?.day ?? row.day ?? today));
      }
      continue;
    }
    const day = row.day ?? today;
    const sig = eventSignature(want);
    const entry = registry.get(want.id);
    if (!entry || entry.status === 'pending') {
      planned.push({ kind: 'insert', eventId: want.id, rowId: row.rowId, day, resource: want, signature: sig, sendUpdates: 'all' });
    } else if (entry.status === 'cancelled') {
      planned.push(patchAction(want, row.rowId, day, sig, 'all'));
    } else if (entry.signature !== sig) {
      planned.push(patchAction(want, row.rowId, day, sig, notifiedChange(entry.signature, sig) ? 'all' : 'none'));
    }
  }
  // Rows a person (or the schedule) removed: their events are cancelled, unless already past.
  for (const entry of registry.values()) {
    if (present.has(entry.rowId) || entry.status === 'cancelled' || entry.day < today) continue;
    if (entry.eventId !== eventIdFor(spreadsheetId, entry.rowId)) continue;
    planned.push(cancelAction(entry.eventId, entry.rowId, entry.day));
  }
  planned.sort((a, b) => a.day - b.day || cmp(a.rowId, b.rowId) || cmp(a.eventId, b.eventId));
  const budget = Number.isFinite(input.insertBudget) ? Math.max(0, Math.floor(input.insertBudget)) : 0;
  const actions: SyncAction[] = [];
  let inserts = 0;
  let deferred = 0;
  for (const a of planned) {
    if (a.kind === 'insert' && inserts++ >= budget) deferred++;
    else actions.push(a);
  }
  return { actions, deferred };
}

/**
 * Before the first call: every planned action's event enters the registry as pending (see the
 * protocol above), since a run cut after a call took effect but before the registry was written
 * again would otherwise leave an entry that no longer says what the calendar holds.
 */
export function recordPlanned(registry: Registry, actions: readonly SyncAction[]): void {
  for (const a of actions) {
    const old = registry.get(a.eventId);
    const before = old ? { eventId: old.eventId, rowId: old.rowId, day: old.day, status: old.status, signature: old.signature } : null;
    registry.set(a.eventId, { eventId: a.eventId, rowId: a.rowId, day: a.day, status: 'pending', signature: '', before });
  }
}

/** Puts back what recordPlanned replaced, for an action whose call failed or was never sent. */
function restore(registry: Registry, eventId: string): void {
  const e = registry.get(eventId);
  if (!e || e.status !== 'pending' || e.before === undefined) return;
  if (e.before === null) registry.delete(eventId);
  else registry.set(eventId, e.before);
}

/**
 * For the actions a run does not send (it stopped itself: time budget, quota): their entries
 * say again what they said before, so the next run plans the same calls and no more.
 */
export function releaseUnsent(registry: Registry, unsent: readonly SyncAction[]): void {
  for (const a of unsent) restore(registry, a.eventId);
}

/** A cancelled entry keeps no signature: whatever it held, a row wanting the event again restores it whole. */
function record(registry: Registry, a: SyncAction, status: RegistryEntry['status'], signature: string): void {
  registry.set(a.eventId, { eventId: a.eventId, rowId: a.rowId, day: a.day, status, signature: status === 'cancelled' ? '' : signature });
}

/** After a 409: the event exists; compare it with what the action wanted and say what is left to do. */
function reconcile(registry: Registry, a: SyncAction, current: CalendarEventLike): SyncAction | null {
  const currentSig = eventSignature(current);
  const cancelled = current.status === 'cancelled';
  if (a.kind === 'cancel') {
    record(registry, a, cancelled ? 'cancelled' : 'confirmed', currentSig);
    return cancelled ? null : cancelAction(a.eventId, a.rowId, a.day);
  }
  if (cancelled) {
    record(registry, a, 'cancelled', currentSig);
    return patchAction(a.resource, a.rowId, a.day, a.signature, 'all');
  }
  if (currentSig === a.signature) {
    record(registry, a, 'confirmed', a.signature);
    return null;
  }
  record(registry, a, 'confirmed', currentSig);
  return patchAction(a.resource, a.rowId, a.day, a.signature, notifiedChange(currentSig, a.signature) ? 'all' : 'none');
}

/**
 * Updates the registry after one call and returns the call still needed, if any: after a 409,
 * a patch to restore or correct the event; after a 404 on a patch, an insert of the event anew
 * (count it against the day's inserts). A failed call leaves the entry as it was before
 * recordPlanned: the next run plans it again.
 */
export function applyResult(registry: Registry, action: SyncAction, outcome: CallOutcome): SyncAction | null {
  switch (outcome.kind) {
    case 'ok':
      if (action.kind === 'cancel') record(registry, action, 'cancelled', '');
      else record(registry, action, 'confirmed', action.signature);
      return null;
    case 'alreadyExists':
      return reconcile(registry, action, outcome.current);
    case 'notFound':
      // Nothing to cancel; an event to patch is gone for good (not merely cancelled): insert it anew.
      if (action.kind === 'cancel') {
        record(registry, action, 'cancelled', '');
        return null;
      }
      if (action.kind === 'patch') {
        registry.delete(action.eventId);
        return { kind: 'insert', eventId: action.eventId, rowId: action.rowId, day: action.day, resource: action.resource, signature: action.signature, sendUpdates: 'all' };
      }
      return null;
    case 'quota':
    case 'failed':
      restore(registry, action.eventId);
      return null;
  }
}

/**
 * Past events are never changed again (planSync skips them), so two weeks of them are enough to
 * see what was sent; the registry is one of the add-on's sheets and every cell counts.
 */
export const REGISTRY_KEEP_DAYS = 14;

/**
 * Drops entries for events more than `keepDays` past (nothing will be done with them) and
 * entries another file made (a copy of the spreadsheet carries the original's registry: its
 * events are not this file's to cancel). Returns how many were dropped.
 */
export function pruneRegistry(registry: Registry, today: number, spreadsheetId: string, keepDays = REGISTRY_KEEP_DAYS): number {
  let dropped = 0;
  for (const [id, e] of [...registry]) {
    if (e.day < today - keepDays || id !== eventIdFor(spreadsheetId, e.rowId)) {
      registry.delete(id);
      dropped++;
    }
  }
  return dropped;
}

export type CalendarErrorKind = 'alreadyExists' | 'notFound' | 'quota' | 'failed';

/**
 * What a thrown Calendar error means, from its message (Apps Script throws
 * "API call to calendar.events.insert failed with error: The requested identifier already exists.").
 */
export function classifyCalendarError(message: string): CalendarErrorKind {
  if (/identifier already exists|\b409\b|duplicate/i.test(message)) return 'alreadyExists';
  if (/not found|\b404\b|has been deleted|\b410\b|\bgone\b/i.test(message)) return 'notFound';
  if (/rate limit|usage limit|quota|too many|invoked too many times|\b429\b|\b403\b.*limit/i.test(message)) return 'quota';
  return 'failed';
}
