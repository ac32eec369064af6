/**
 * Six minutes (issue 11): the daily trigger at 50,000 customers (~500,000 orders, 100 reps: the
 * bench's team file) under the modeled clock and Apps Script's six-minute kill is never killed,
 * ends the day's work within a few hourly runs, and leaves the file and the calendar as an
 * unhurried run (no kill, a clock that stands still during a run) leaves a copy of the same file.
 * The figures are the cost model's (docs/cost-model.md), not Google's.
 */
import { differences, endState, EXECUTION_LIMIT_MS, fireHourly, teamFileWithTrigger, type DayRuns } from '../../tools/bench/hourly';

// The file takes about 76 s (56 s of CPU; three 50,000-customer files); the limit leaves room for
// a busy machine.
jest.setTimeout(300_000);

const CUSTOMERS = 50_000;
/** A day's work in at most this many hourly runs ("a few"). */
const MAX_RUNS = 4;

function expectNeverKilled(day: DayRuns, budgetMs: number): void {
  expect(day.done).toBe(true);
  expect(day.runs.length).toBeGreaterThan(0);
  expect(day.runs.length).toBeLessThanOrEqual(MAX_RUNS);
  for (const run of day.runs) {
    expect({ killed: run.killed, ok: run.ok, summary: run.summary.slice(0, 200) }).toEqual({ killed: false, ok: true, summary: expect.any(String) });
    // Within the run's own budget, with the log and the flush after it, and well before the kill.
    expect(run.modeledMs).toBeLessThan(budgetMs + 10_000);
    expect(run.modeledMs).toBeLessThan(EXECUTION_LIMIT_MS);
  }
  // Only the last run ends the day; each before it stopped at a checkpoint.
  expect(day.runs.map((r) => r.paused === null)).toEqual(day.runs.map((_, i) => i === day.runs.length - 1));
}

describe('the daily trigger at 50,000 customers within six minutes', () => {
  it('with the default settings, does the whole day in the first hourly run, far from the kill', () => {
    const b = teamFileWithTrigger(CUSTOMERS, { modeled: true });
    const day = fireHourly(b, 6);
    expectNeverKilled(day, 240_000);
    expect(day.runs).toHaveLength(1);
    const [run] = day.runs;
    // Every step ran in it, in order; the 300 invites of the default limit are most of its time.
    expect(run.steps.map((s) => s.step)).toEqual(['classify', 'dashboard', 'schedule', 'invites', 'finish']);
    const invites = run.steps.find((s) => s.step === 'invites')!;
    expect(invites.ms).toBeGreaterThan(run.modeledMs / 2);
    expect(b.fakes.calendar.events()).toHaveLength(300);
    // The next hourly runs of the day find it done: a property read or two each, no lock.
    const rest = fireHourly(b, 3);
    expect(rest.runs).toEqual([]);
    expect(rest.firings).toBe(3);
    expect(rest.idleModeledMs).toBeLessThan(3 * 1_000);
  });

  it('with 2,000 invites a day and the largest time budget, pauses at checkpoints and ends as one unhurried run', () => {
    // 2,000 invites (the old default) at 300 ms each outrun one execution; a 330 s budget (the
    // most the Settings sheet allows) leaves the run the least room before the kill at 360 s.
    const settings = { 每日新日历邀请上限: 2_000, '时间预算（秒）': 330 };
    const hurried = teamFileWithTrigger(CUSTOMERS, { modeled: true, settings });
    const day = fireHourly(hurried, 6);
    expectNeverKilled(day, 330_000);
    expect(day.runs.length).toBeGreaterThan(1);
    // The first run classifies and plans; the invites go out over the next hours, as checkpoints.
    expect(day.runs[0].steps.map((s) => s.step)).toEqual(['classify', 'dashboard', 'schedule', 'invites (paused)', 'finish']);
    for (const run of day.runs.slice(1)) expect(run.steps.map((s) => s.step).filter((s) => !s.startsWith('invites'))).toEqual(['finish']);
    // Hourly: each run continues on the trigger's next hour, the one after the run that paused.
    day.runs.slice(1).forEach((run, i) => expect(run.at - day.runs[i].at).toBe(3_600_000));

    const unhurried = teamFileWithTrigger(CUSTOMERS, { modeled: false, settings });
    const calm = fireHourly(unhurried, 6);
    expect(calm.runs.map((r) => [r.ok, r.paused])).toEqual([[true, null]]);
    expect(hurried.fakes.calendar.events()).toHaveLength(2_000);
    // Schedule, customer sheet, state sheet, every other sheet, properties, events and mails.
    expect(differences(endState(hurried), endState(unhurried))).toEqual([]);
  });
});
