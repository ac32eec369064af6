/**
 * Running the bundle's globals the way Apps Script does: each run is one execution (its locks
 * released when it ends, whatever it threw), with the authorization mode and UI of its entry
 * point: a menu item (FULL, UI), onOpen (NONE or LIMITED, UI), a time-driven trigger (FULL, no
 * UI, as the trigger's owner, in a fresh context).
 */
import type { CallCounts, ExecutionOptions } from './fakes';
import { clockEvent, nextRunOf } from './fakes';
import type { LoadedBundle } from './loadBundle';

export interface RunOptions extends ExecutionOptions {
  /** Arguments for the function (default none). */
  args?: unknown[];
}

export interface RunResult {
  ok: boolean;
  /** What the function returned (ok runs). */
  value?: unknown;
  /** What it threw (failed runs): the text Apps Script would log as "name: message". */
  error?: { name: string; message: string };
  /** The calls this run made ('Service.method' → count). */
  calls: CallCounts;
  /** Counted calls this run made. */
  callCount: number;
  /** The modeled Apps Script time of this run's calls, in ms (fakes/costModel.ts). */
  modeledMs: number;
  /** Apps Script stopped the run for running past the execution limit (fakes.setExecutionLimit). */
  killed: boolean;
}

export interface TriggerRun extends RunResult {
  uid: string;
  handler: string;
  /** The clock time it fired at. */
  at: number;
}

function diff(after: CallCounts, before: CallCounts): CallCounts {
  const out: CallCounts = new Map();
  for (const [k, n] of after) {
    const d = n - (before.get(k) ?? 0);
    if (d > 0) out.set(k, d);
  }
  return out;
}

export function runGlobal(bundle: LoadedBundle, name: string, options: RunOptions = {}): RunResult {
  const { args = [], ...execution } = options;
  const { fakes } = bundle;
  const before = new Map(fakes.calls);
  const start = fakes.callCount();
  const modeledBefore = fakes.modeled().ms;
  fakes.beginExecution(execution);
  let result: Pick<RunResult, 'ok' | 'value' | 'error'>;
  let killed = false;
  try {
    const fn = bundle.context[name];
    if (typeof fn !== 'function' || name.endsWith('_')) throw new Error(`Script function not found: ${name}`);
    result = { ok: true, value: fn(...args) };
  } catch (e) {
    const err = e as { name?: unknown; message?: unknown };
    result = { ok: false, error: { name: String(err?.name ?? 'Error'), message: String(err?.message ?? e) } };
  } finally {
    killed = fakes.wasKilled();
    fakes.endExecution();
  }
  // Apps Script ends a killed execution whatever the script caught: it fails with the limit's message.
  if (killed) result = { ok: false, error: { name: 'Exception', message: 'Exceeded maximum execution time' } };
  return { ...result, calls: diff(fakes.calls, before), callCount: fakes.callCount() - start, modeledMs: fakes.modeled().ms - modeledBefore, killed };
}

export function clickMenu(bundle: LoadedBundle, path: string[]): RunResult {
  const item = bundle.fakes.ui.item(...path);
  return runGlobal(bundle, item.functionName, { authMode: 'FULL', ui: true });
}

export function openFile(bundle: LoadedBundle, authMode: 'NONE' | 'LIMITED' | 'FULL' = 'LIMITED'): RunResult {
  // In NONE the event carries no document: the add-on may not touch it yet.
  const event: Record<string, unknown> = { authMode };
  if (authMode !== 'NONE') event.source = bundle.fakes.spreadsheet;
  return runGlobal(bundle, 'onOpen', { authMode, ui: true, args: [event] });
}

/**
 * `noActiveSpreadsheet`: the triggers run with no active spreadsheet, as a published add-on's
 * clock trigger may (the script has to open its file by id).
 */
export function fireDueTriggers(bundle: LoadedBundle, options: { fresh?: boolean; noActiveSpreadsheet?: boolean } = {}): TriggerRun[] {
  const { state } = bundle;
  const at = state.clock.now();
  const runs: TriggerRun[] = [];
  for (const t of bundle.fakes.triggers.due(at)) {
    const target = options.fresh === false ? bundle : bundle.next();
    const previous = t.nextRun!;
    t.runs++;
    t.nextRun = t.schedule ? nextRunOf(t.schedule, at, false, previous) : undefined;
    const result = runGlobal(target, t.handler, { authMode: 'FULL', ui: false, user: t.user, noActiveSpreadsheet: options.noActiveSpreadsheet, args: [clockEvent(t, at)] });
    runs.push({ ...result, uid: t.uid, handler: t.handler, at });
  }
  return runs;
}
