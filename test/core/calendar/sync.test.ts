/**
 * Calendar sync: the calls planned, what each answer does to the registry, and the protocol of
 * sync.ts run against a small in-test calendar that behaves as the Calendar API documents
 * (client ids, 409 for an id that exists even when cancelled, patch merging objects and
 * replacing arrays, a cancelled event kept with its details). Runs are cut at every call to
 * show that the next run ends where an uncut run would have.
 */
import { desiredEvent, eventIdFor, type CalendarEventLike, type EventContext } from '../../../src/core/calendar/events';
import { readRegistry, renderRegistry, type Registry } from '../../../src/core/calendar/registry';
import {
  applyResult, classifyCalendarError, planSync, pruneRegistry, recordPlanned, releaseUnsent, type CallOutcome, type SyncAction, REGISTRY_KEEP_DAYS } from '../../../src/core/calendar/sync';
import type { CellValue } from '../../../src/core/cells';
import { DayClock, daysFromCivil } from '../../../src/core/dates';
import type { ScheduleRow } from '../../../src/core/model';
import { offsetMinutes, zoneOffsetMs } from '../../../tools/gas/zone';

const FILE = 'sheet-abc';
const TZ = 'Asia/Shanghai';
const D = (y: number, m: number, d: number): number => daysFromCivil(y, m, d);
const TODAY = D(2024, 3, 4);

const offsetAt = (ms: number): number => offsetMinutes(zoneOffsetMs(TZ, ms));
const clock = new DayClock(offsetAt);

function ctx(today = TODAY): EventContext {
  return {
    today, timeZone: TZ, clock, offsetAt, visitMinutes: 60, callMinutes: 15, spreadsheetId: FILE,
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${FILE}/edit`, lang: 'zh', customers: new Map(),
  };
}

function row(rowId: string, over: Partial<ScheduleRow> = {}): ScheduleRow {
  return {
    rowId, day: D(2024, 3, 5), slot: 9 * 60, customerId: `C-${rowId}`, customerName: `客户 ${rowId}`, kind: 'visit', role: 'rep',
    person: '王伟', email: 'wang.wei@example.com', status: 'planned', note: '', eventId: '', ...over,
  };
}

// ---------------------------------------------------------------------------------------------
// A calendar that behaves as the Calendar API reference describes, with call counting and cuts

class Cut extends Error {}

type Stored = Record<string, unknown> & { id: string; status: string };

class FakeCalendar {
  readonly events = new Map<string, Stored>();
  calls: { method: string; id: string; sendUpdates?: string }[] = [];
  /** Throws Cut at this call number (1-based), after ('after') or before ('before') it takes effect. */
  cutAt = 0;
  /** From this call number on (1-based), every call answers as a quota would. */
  quotaFrom = 0;
  cutWhen: 'before' | 'after' = 'after';

  private count(method: string, id: string, sendUpdates?: string): () => void {
    this.calls.push({ method, id, sendUpdates });
    const n = this.calls.length;
    if (this.quotaFrom > 0 && n >= this.quotaFrom) throw new Error('API call to calendar.events.insert failed with error: Calendar usage limits exceeded.');
    if (n === this.cutAt && this.cutWhen === 'before') throw new Cut(`cut before call ${n}`);
    return () => {
      if (n === this.cutAt && this.cutWhen === 'after') throw new Cut(`cut after call ${n}`);
    };
  }

  insert(resource: Record<string, unknown>, sendUpdates: string): void {
    const done = this.count('insert', String(resource.id), sendUpdates);
    if (this.events.has(String(resource.id))) throw new Error('API call to calendar.events.insert failed with error: The requested identifier already exists.');
    this.events.set(String(resource.id), JSON.parse(JSON.stringify({ ...resource, status: resource.status ?? 'confirmed', etag: '"1"' })));
    done();
  }

  get(id: string): CalendarEventLike {
    const done = this.count('get', id);
    const e = this.events.get(id);
    if (!e) throw new Error('API call to calendar.events.get failed with error: Not Found');
    // What Events.get adds: attendees' responses, links, etag.
    const answer = JSON.parse(JSON.stringify({ ...e, htmlLink: `https://calendar.google.com/event?eid=${id}`, attendees: (e.attendees as object[] | undefined)?.map((a) => ({ ...a, responseStatus: 'needsAction' })) }));
    done();
    return answer;
  }

  patch(body: Record<string, unknown>, id: string, sendUpdates: string): void {
    const done = this.count('patch', id, sendUpdates);
    const e = this.events.get(id);
    if (!e) throw new Error('API call to calendar.events.patch failed with error: Not Found');
    for (const [k, v] of Object.entries(JSON.parse(JSON.stringify(body)))) {
      if (v && typeof v === 'object' && !Array.isArray(v) && e[k] && typeof e[k] === 'object') {
        const merged: Record<string, unknown> = { ...(e[k] as object) };
        for (const [kk, vv] of Object.entries(v)) {
          if (vv === null) delete merged[kk];
          else merged[kk] = vv;
        }
        e[k] = merged;
      } else e[k] = v;
    }
    done();
  }

  /** What a person sees: each event's status, time, guests and text (`live`: only events not cancelled). */
  state(live = false): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [id, e] of [...this.events].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (live && e.status === 'cancelled') continue;
      out[id] = { status: e.status, start: e.start, end: e.end, summary: e.summary, description: e.description, location: e.location, attendees: e.attendees };
    }
    return out;
  }
}

/** What getValues answers after setValues (the apostrophe keeps text and is not part of the value). */
function stored(grid: string[][]): CellValue[][] {
  return grid.map((r) => r.map((v) => (v.startsWith("'") ? v.slice(1) : v)));
}

interface World {
  cal: FakeCalendar;
  registrySheet: CellValue[][];
}

function world(): World {
  return { cal: new FakeCalendar(), registrySheet: [] };
}

function call(cal: FakeCalendar, a: SyncAction): CallOutcome {
  try {
    if (a.kind === 'insert') cal.insert(a.resource as unknown as Record<string, unknown>, a.sendUpdates);
    else cal.patch(a.body as unknown as Record<string, unknown>, a.eventId, a.sendUpdates);
    return { kind: 'ok' };
  } catch (e) {
    if (e instanceof Cut) throw e;
    const message = (e as Error).message;
    const kind = classifyCalendarError(message);
    if (kind === 'alreadyExists') return { kind: 'alreadyExists', current: cal.get(a.eventId) };
    if (kind === 'notFound') return { kind: 'notFound' };
    if (kind === 'quota') return { kind: 'quota', message };
    return { kind: 'failed', message };
  }
}

/** The adapter's protocol as sync.ts documents it. Returns the plan; throws Cut when cut. */
function runInvites(w: World, rows: ScheduleRow[], opts: { today?: number; budget?: number; file?: string; callsAllowed?: number } = {}): { actions: SyncAction[]; deferred: number } {
  const today = opts.today ?? TODAY;
  const file = opts.file ?? FILE;
  const { registry, problems } = readRegistry(w.registrySheet);
  expect(problems).toEqual([]);
  pruneRegistry(registry, today, file);
  const c = { ...ctx(today), spreadsheetId: file };
  const desired = new Map(rows.map((r) => [r.rowId, desiredEvent(r, c)] as const));
  const plan = planSync({ rows, desired, registry, today, insertBudget: opts.budget ?? 100, spreadsheetId: file });
  if (plan.actions.length === 0) return plan;
  recordPlanned(registry, plan.actions);
  w.registrySheet = stored(renderRegistry(registry, 'zh'));
  const start = w.cal.calls.length;
  for (let i = 0; i < plan.actions.length; i++) {
    if (opts.callsAllowed !== undefined && w.cal.calls.length - start >= opts.callsAllowed) {
      releaseUnsent(registry, plan.actions.slice(i)); // out of time
      break;
    }
    const outcome = call(w.cal, plan.actions[i]);
    const next = applyResult(registry, plan.actions[i], outcome);
    if (outcome.kind === 'quota') {
      releaseUnsent(registry, plan.actions.slice(i + 1));
      break;
    }
    if (next) applyResult(registry, next, call(w.cal, next));
  }
  w.registrySheet = stored(renderRegistry(registry, 'zh'));
  return plan;
}

function registryOf(w: World): Registry {
  return readRegistry(w.registrySheet).registry;
}

const id = (rowId: string, file = FILE): string => eventIdFor(file, rowId);

// ---------------------------------------------------------------------------------------------

describe('planSync and the protocol: ordinary runs', () => {
  it('inserts one event per wanted row, by day then row id, each inviting the guests', () => {
    const w = world();
    const rows = [row('b', { day: D(2024, 3, 6) }), row('c'), row('a', { day: D(2024, 3, 6) }), row('x', { status: 'done' }), row('y', { email: '' })];
    const plan = runInvites(w, rows);
    expect(plan.actions.map((a) => [a.kind, a.rowId])).toEqual([['insert', 'c'], ['insert', 'a'], ['insert', 'b']]);
    expect(w.cal.calls.map((c) => c.sendUpdates)).toEqual(['all', 'all', 'all']);
    expect([...w.cal.events.keys()].sort()).toEqual([id('a'), id('b'), id('c')].sort());
    expect(w.cal.events.get(id('c'))).toMatchObject({ status: 'confirmed', summary: '拜访 客户 c (C-c)', attendees: [{ email: 'wang.wei@example.com', displayName: '王伟' }] });
  });

  it('makes no calendar call on an unchanged re-run', () => {
    const w = world();
    const rows = [row('a'), row('b', { day: D(2024, 3, 7) }), row('c', { status: 'cancelled' })];
    runInvites(w, rows);
    const calls = w.cal.calls.length;
    expect(runInvites(w, rows).actions).toEqual([]);
    expect(w.cal.calls.length).toBe(calls);
  });

  it('updates a moved row with a notice to guests, and a changed note quietly', () => {
    const w = world();
    runInvites(w, [row('a'), row('b')]);
    w.cal.calls = [];
    const plan = runInvites(w, [row('a', { day: D(2024, 3, 8), status: 'moved' }), row('b', { note: '带样品' })]);
    expect(plan.actions.map((a) => [a.kind, a.rowId, a.kind === 'patch' ? a.sendUpdates : ''])).toEqual([['patch', 'b', 'none'], ['patch', 'a', 'all']]);
    expect((w.cal.events.get(id('a'))!.start as { dateTime: string }).dateTime).toBe('2024-03-08T09:00:00+08:00');
    expect(w.cal.events.get(id('b'))!.description).toContain('备注：带样品');
    expect(runInvites(w, [row('a', { day: D(2024, 3, 8), status: 'moved' }), row('b', { note: '带样品' })]).actions).toEqual([]);
  });

  it('switches an event between timed and all-day (the patch clears the other form)', () => {
    const w = world();
    runInvites(w, [row('a')]);
    runInvites(w, [row('a', { slot: null })]);
    expect(w.cal.events.get(id('a'))!.start).toEqual({ date: '2024-03-05' });
    runInvites(w, [row('a')]);
    expect(w.cal.events.get(id('a'))!.start).toEqual({ dateTime: '2024-03-05T09:00:00+08:00', timeZone: TZ });
  });

  it('cancels the event of a cancelled row, of a row without an address, and of a future row a person deleted', () => {
    const w = world();
    runInvites(w, [row('a'), row('b'), row('c'), row('past', { day: TODAY })]);
    w.cal.calls = [];
    const later = TODAY + 1; // "past" is now yesterday's: left alone when deleted
    const plan = runInvites(w, [row('a', { status: 'cancelled' }), row('b', { email: '' })], { today: later });
    expect(plan.actions.map((a) => [a.kind, a.rowId])).toEqual([['cancel', 'a'], ['cancel', 'b'], ['cancel', 'c']]);
    expect(w.cal.calls.every((c) => c.method === 'patch' && c.sendUpdates === 'all')).toBe(true);
    for (const r of ['a', 'b', 'c']) expect(w.cal.events.get(id(r))!.status).toBe('cancelled');
    expect(w.cal.events.get(id('past'))!.status).toBe('confirmed');
    expect(runInvites(w, [row('a', { status: 'cancelled' }), row('b', { email: '' })], { today: later }).actions).toEqual([]);
  });

  it('restores a cancelled event when its row is planned again', () => {
    const w = world();
    runInvites(w, [row('a')]);
    runInvites(w, [row('a', { status: 'cancelled' })]);
    const plan = runInvites(w, [row('a', { status: 'moved', day: D(2024, 3, 9) })]);
    expect(plan.actions.map((a) => [a.kind, a.kind === 'patch' ? a.sendUpdates : ''])).toEqual([['patch', 'all']]);
    expect(w.cal.events.get(id('a'))).toMatchObject({ status: 'confirmed', start: { dateTime: '2024-03-09T09:00:00+08:00' } });
  });

  it('leaves done rows and past rows alone', () => {
    const w = world();
    runInvites(w, [row('a'), row('b')]);
    w.cal.calls = [];
    expect(runInvites(w, [row('a', { status: 'done' }), row('b', { status: 'cancelled' })], { today: D(2024, 3, 6) }).actions).toEqual([]);
    expect(w.cal.calls).toEqual([]);
  });

  it('gives the same actions whatever the order of the rows', () => {
    const rows = ['q', 'a', 'm', 'b', 'z'].map((r, i) => row(r, { day: D(2024, 3, 5 + (i % 2)) }));
    const plans = [rows, [...rows].reverse(), [rows[2], rows[0], rows[4], rows[1], rows[3]]].map((rs) => {
      const desired = new Map(rs.map((r) => [r.rowId, desiredEvent(r, ctx())] as const));
      return planSync({ rows: rs, desired, registry: new Map(), today: TODAY, insertBudget: 10, spreadsheetId: FILE });
    });
    expect(plans[1]).toEqual(plans[0]);
    expect(plans[2]).toEqual(plans[0]);
    expect(plans[0].actions.map((a) => a.rowId)).toEqual(['m', 'q', 'z', 'a', 'b']); // day 5, then day 6
  });
});

describe('planSync: the daily insert budget', () => {
  it('sends the earliest inserts the budget allows and leaves the rest for the next run', () => {
    const w = world();
    const rows = ['e', 'd', 'c', 'b', 'a'].map((r, i) => row(r, { day: D(2024, 3, 5 + i) }));
    const first = runInvites(w, rows, { budget: 2 });
    expect(first.actions.map((a) => a.rowId)).toEqual(['e', 'd']);
    expect(first.deferred).toBe(3);
    expect(runInvites(w, rows, { budget: 0 })).toEqual({ actions: [], deferred: 3 });
    const second = runInvites(w, rows, { budget: 10 });
    expect(second.actions.map((a) => a.rowId)).toEqual(['c', 'b', 'a']);
    expect(second.deferred).toBe(0);
    expect(w.cal.events.size).toBe(5);
  });

  it('never limits patches and cancels, and reads a nonsense budget as none', () => {
    const w = world();
    runInvites(w, [row('a'), row('b')]);
    const rows = [row('a', { day: D(2024, 3, 8) }), row('b', { status: 'cancelled' }), row('c')];
    const desired = new Map(rows.map((r) => [r.rowId, desiredEvent(r, ctx())] as const));
    const plan = planSync({ rows, desired, registry: registryOf(w), today: TODAY, insertBudget: Number.NaN, spreadsheetId: FILE });
    expect(plan.actions.map((a) => a.kind)).toEqual(['cancel', 'patch']);
    expect(plan.deferred).toBe(1);
  });
});

describe('applyResult: answers other than ok', () => {
  it('after a lost registry, reconciles each 409 by reading the event: nothing, a patch, or a restore', () => {
    const w = world();
    runInvites(w, [row('same'), row('moved'), row('gone')]);
    runInvites(w, [row('same'), row('moved'), row('gone', { status: 'cancelled' })]);
    w.registrySheet = []; // a person deleted the hidden sheet
    w.cal.calls = [];
    runInvites(w, [row('same'), row('moved', { day: D(2024, 3, 7) }), row('gone')]);
    expect(w.cal.calls.map((c) => [c.method, c.id === id('same') ? 'same' : c.id === id('moved') ? 'moved' : 'gone', c.sendUpdates ?? ''])).toEqual([
      ['insert', 'gone', 'all'], ['get', 'gone', ''], ['patch', 'gone', 'all'],
      ['insert', 'same', 'all'], ['get', 'same', ''],
      ['insert', 'moved', 'all'], ['get', 'moved', ''], ['patch', 'moved', 'all'],
    ]);
    expect(w.cal.events.get(id('gone'))!.status).toBe('confirmed');
    expect((w.cal.events.get(id('moved'))!.start as { dateTime: string }).dateTime).toBe('2024-03-07T09:00:00+08:00');
    expect([...registryOf(w).values()].map((e) => e.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    w.cal.calls = [];
    expect(runInvites(w, [row('same'), row('moved', { day: D(2024, 3, 7) }), row('gone')]).actions).toEqual([]);
  });

  it('cancels through the row’s event id cell when the registry is lost, but never an id another file made', () => {
    const w = world();
    runInvites(w, [row('a'), row('b')]);
    w.registrySheet = [];
    const plan = runInvites(w, [row('a', { status: 'cancelled', eventId: id('a') }), row('b', { status: 'cancelled', eventId: id('b', 'other-file') })]);
    expect(plan.actions.map((a) => [a.kind, a.rowId])).toEqual([['cancel', 'a']]);
    expect(w.cal.events.get(id('a'))!.status).toBe('cancelled');
    expect(w.cal.events.get(id('b'))!.status).toBe('confirmed');
  });

  it('inserts anew an event gone for good (404 on patch), in the same run', () => {
    const w = world();
    runInvites(w, [row('a')]);
    w.cal.events.delete(id('a'));
    w.cal.calls = [];
    runInvites(w, [row('a', { note: 'x' })]);
    expect(w.cal.calls.map((c) => c.method)).toEqual(['patch', 'insert']);
    expect(w.cal.events.get(id('a'))!.description).toContain('备注：x');
    expect(registryOf(w).get(id('a'))?.status).toBe('confirmed');
    expect(runInvites(w, [row('a', { note: 'x' })]).actions).toEqual([]);
  });

  it('records a cancel of an event that is not there as done', () => {
    const registry: Registry = new Map();
    const a: SyncAction = { kind: 'cancel', eventId: id('a'), rowId: 'a', day: TODAY, body: { status: 'cancelled' }, sendUpdates: 'all' };
    expect(applyResult(registry, a, { kind: 'notFound' })).toBeNull();
    expect(registry.get(id('a'))?.status).toBe('cancelled');
  });

  it('puts an entry back as it was after a failed call, so the next run plans the same call', () => {
    const w = world();
    runInvites(w, [row('a'), row('b')]);
    const rows = [row('a', { day: D(2024, 3, 8) }), row('b'), row('c')];
    const desired = new Map(rows.map((r) => [r.rowId, desiredEvent(r, ctx())] as const));
    const registry = registryOf(w);
    const before = renderRegistry(registry, 'en');
    const plan = planSync({ rows, desired, registry, today: TODAY, insertBudget: 10, spreadsheetId: FILE });
    expect(plan.actions.map((a) => a.kind)).toEqual(['insert', 'patch']); // c on the 5th, a moved to the 8th
    recordPlanned(registry, plan.actions);
    expect([...registry.values()].filter((e) => e.status === 'pending')).toHaveLength(2);
    for (const a of plan.actions) expect(applyResult(registry, a, { kind: 'failed', message: 'Backend Error' })).toBeNull();
    expect(renderRegistry(registry, 'en')).toEqual(before);
    expect(planSync({ rows, desired, registry, today: TODAY, insertBudget: 10, spreadsheetId: FILE })).toEqual(plan);
  });

  it('a run that stops itself (time budget) leaves nothing pending, and the next run sends just the rest', () => {
    const w = world();
    const rows = ['a', 'b', 'c', 'd'].map((r) => row(r));
    runInvites(w, rows, { callsAllowed: 2 });
    expect([...registryOf(w).values()].map((e) => e.status)).toEqual(['confirmed', 'confirmed']);
    w.cal.calls = [];
    runInvites(w, rows);
    expect(w.cal.calls.map((c) => [c.method, c.id])).toEqual([['insert', id('c')], ['insert', id('d')]]);
  });

  it('stops at a quota answer and leaves the unsent calls for the next run', () => {
    const w = world();
    const rows = ['a', 'b', 'c'].map((r) => row(r));
    w.cal.quotaFrom = 2;
    const plan = runInvites(w, rows);
    expect(plan.actions).toHaveLength(3);
    expect(w.cal.calls).toHaveLength(2); // the third is not tried
    expect([...registryOf(w).values()].map((e) => [e.rowId, e.status])).toEqual([['a', 'confirmed']]);
    w.cal.quotaFrom = 0;
    w.cal.calls = [];
    runInvites(w, rows);
    expect(w.cal.calls.map((c) => c.method)).toEqual(['insert', 'insert']);
    expect(w.cal.events.size).toBe(3);
  });
});

describe('pruneRegistry', () => {
  it('drops entries more than two weeks past and entries another file made (a copy of the spreadsheet)', () => {
    expect(REGISTRY_KEEP_DAYS).toBe(14);
    const registry: Registry = new Map();
    const put = (rowId: string, day: number, file = FILE): void => {
      registry.set(id(rowId, file), { eventId: id(rowId, file), rowId, day, status: 'confirmed', signature: '' });
    };
    put('old', TODAY - 15);
    put('kept', TODAY - 14);
    put('future', TODAY + 3);
    put('copied', TODAY + 3, 'original-file');
    expect(pruneRegistry(registry, TODAY, FILE)).toBe(2);
    expect([...registry.values()].map((e) => e.rowId).sort()).toEqual(['future', 'kept']);
  });

  it('so a copy of the file never cancels the original’s events', () => {
    const w = world();
    runInvites(w, [row('a'), row('b')]); // the original file
    const copy: World = { cal: w.cal, registrySheet: w.registrySheet }; // copied with its registry, same calendar
    w.cal.calls = [];
    runInvites(copy, [row('a', { status: 'cancelled', eventId: id('a') })], { file: 'copy-file' });
    expect(w.cal.calls).toEqual([]);
    expect(w.cal.events.get(id('a'))!.status).toBe('confirmed');
    expect(w.cal.events.get(id('b'))!.status).toBe('confirmed');
  });
});

describe('cut runs', () => {
  /** Three runs over changing sheets: the first makes events, the second changes and deletes rows, the third is a re-run. */
  const runs: ScheduleRow[][] = [
    [row('a'), row('b', { day: D(2024, 3, 6) }), row('c', { day: D(2024, 3, 7) }), row('d', { day: D(2024, 3, 8), kind: 'call' })],
    [row('a', { status: 'cancelled' }), row('b', { day: D(2024, 3, 9), status: 'moved' }), row('d', { day: D(2024, 3, 8), kind: 'call', note: '改为电话' }), row('e')],
    [row('a', { status: 'planned' }), row('b', { day: D(2024, 3, 9), status: 'moved' }), row('e')],
  ];

  interface End {
    calendar: Record<string, unknown>;
    /** The events guests have (a cut run may never have made one the next sheet cancels). */
    live: Record<string, unknown>;
    registry: unknown;
    /** Calendar calls each run made (the cut run: both its parts). */
    calls: number[];
    cut: boolean;
  }

  /** `retry`: the cut run's rows are run again before the sheet changes; else the next run already sees the next sheet. */
  function finalState(cutRun: number, cutAt: number, when: 'before' | 'after', retry = true): End {
    const w = world();
    const calls: number[] = [];
    let cut = false;
    runs.forEach((rows, i) => {
      const start = w.cal.calls.length;
      if (i === cutRun) {
        w.cal.cutAt = start + cutAt;
        w.cal.cutWhen = when;
        try {
          runInvites(w, rows);
        } catch (e) {
          if (!(e instanceof Cut)) throw e;
          cut = true;
        }
        w.cal.cutAt = 0;
        if (retry || i === runs.length - 1) runInvites(w, rows); // the next run continues
      } else runInvites(w, rows);
      calls.push(w.cal.calls.length - start);
    });
    expect(runInvites(w, runs[runs.length - 1]).actions).toEqual([]);
    return { calendar: w.cal.state(), live: w.cal.state(true), registry: [...registryOf(w)].sort(), calls, cut };
  }

  const uncut = finalState(-1, 0, 'after');

  it('the uncut runs end with the events the rows ask for', () => {
    const st = uncut.calendar as Record<string, { status: string }>;
    expect(Object.fromEntries(Object.entries(st).map(([k, v]) => [k, v.status]))).toEqual({
      [id('a')]: 'confirmed', [id('b')]: 'confirmed', [id('c')]: 'cancelled', [id('d')]: 'cancelled', [id('e')]: 'confirmed',
    });
    expect(uncut.calls).toEqual([4, 5, 2]);
  });

  // Every calendar call of each run, cut before it takes effect and after it did.
  uncut.calls.forEach((count, cutRun) => {
    for (let cutAt = 1; cutAt <= count; cutAt++) {
      for (const when of ['before', 'after'] as const) {
        for (const retry of [true, false]) {
          const next = retry ? 'a re-run: the same calendar' : 'the next sheet: the same live events';
          it(`run ${cutRun + 1} cut ${when} call ${cutAt} of ${count}, then ${next} and registry as uncut`, () => {
            const end = finalState(cutRun, cutAt, when, retry);
            expect(end.cut).toBe(true);
            if (retry) expect({ calendar: end.calendar, registry: end.registry }).toEqual({ calendar: uncut.calendar, registry: uncut.registry });
            else expect({ live: end.live, registry: end.registry }).toEqual({ live: uncut.live, registry: uncut.registry });
          });
        }
      }
    }
  });

  it('an event made by a cut run is cancelled when its row is cancelled before the next run', () => {
    const w = world();
    w.cal.cutAt = 1; // the insert of "a" happens, then the run dies before recording it
    expect(() => runInvites(w, [row('a')])).toThrow(Cut);
    w.cal.cutAt = 0;
    expect(registryOf(w).get(id('a'))?.status).toBe('pending');
    runInvites(w, [row('a', { status: 'cancelled' })]);
    expect(w.cal.events.get(id('a'))!.status).toBe('cancelled');
  });

  it('an event made by a cut run is cancelled when a person deletes its row before the next run', () => {
    const w = world();
    w.cal.cutAt = 1;
    expect(() => runInvites(w, [row('a'), row('b')])).toThrow(Cut);
    w.cal.cutAt = 0;
    runInvites(w, [row('b')]);
    expect(w.cal.events.get(id('a'))!.status).toBe('cancelled');
    expect(w.cal.events.get(id('b'))!.status).toBe('confirmed');
  });
});

describe('classifyCalendarError', () => {
  it.each([
    ['API call to calendar.events.insert failed with error: The requested identifier already exists.', 'alreadyExists'],
    ['API call to calendar.events.patch failed with error: Not Found', 'notFound'],
    ['API call to calendar.events.delete failed with error: Resource has been deleted', 'notFound'],
    ['API call to calendar.events.insert failed with error: Calendar usage limits exceeded.', 'quota'],
    ['API call to calendar.events.insert failed with error: Rate Limit Exceeded', 'quota'],
    ['Service invoked too many times in a short time: calendar. Try Utilities.sleep(1000) between calls.', 'quota'],
    ['API call to calendar.events.insert failed with error: Invalid attendee email.', 'failed'],
  ])('%s → %s', (message, kind) => {
    expect(classifyCalendarError(message)).toBe(kind);
  });
});
