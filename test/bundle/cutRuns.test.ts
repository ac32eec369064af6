/**
 * A daily run cut at any service call (Apps Script throwing: a timeout, a backend error) leaves
 * the file consistent, and the next run ends in the state one uncut run reaches: every sheet but
 * the log identical, the same calendar events and the same invitations sent. Cuts land on every
 * spreadsheet call and on calendar calls spread over the calendar step, before and after the
 * call takes effect (an answer lost on the way back).
 */
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { exec, fileState, sampleFile } from '../support/automation';

jest.setTimeout(300_000);

const CUSTOMERS = 24;
const world = (): LoadedBundle => sampleFile({ customers: CUSTOMERS });
const daily = (b: LoadedBundle) => exec(b, 'runDailyAutomation', { ui: false });

/** One daily run as its own execution, cut at its n-th service call. */
function cutDaily(b: LoadedBundle, n: number, when: 'before' | 'after') {
  const run = b.next();
  run.fakes.failAt(n, { when });
  return run.run('runDailyAutomation', { ui: false });
}

let uncut: ReturnType<typeof fileState>;
let log: string[];

beforeAll(() => {
  const b = world();
  const run = b.next();
  const r = run.run('runDailyAutomation', { ui: false });
  expect(r.ok).toBe(true);
  uncut = fileState(b);
  log = [...run.fakes.callLog()];
  // The run did real work: columns, schedule, events.
  expect(b.fakes.calendar.events().length).toBeGreaterThan(20);
});

/** Every spreadsheet (non-calendar) call, and every 7th calendar call plus the first and last. */
function cutPoints(): number[] {
  const calendar = log.map((name, i) => (name.startsWith('Calendar') ? i : -1)).filter((i) => i >= 0);
  const picked = new Set<number>();
  log.forEach((name, i) => {
    if (!name.startsWith('Calendar')) picked.add(i);
  });
  calendar.forEach((i, k) => {
    if (k % 7 === 0 || k === calendar.length - 1) picked.add(i);
  });
  return [...picked].sort((a, b) => a - b).map((i) => i + 1);
}

describe('a daily run cut at a service call', () => {
  it('has calendar calls to cut (the test covers the calendar step)', () => {
    expect(log.filter((n) => n.startsWith('Calendar')).length).toBeGreaterThan(20);
    expect(log.length).toBeGreaterThan(100);
  });

  for (const when of ['before', 'after'] as const) {
    it(`then run again ends as one uncut run (cut ${when} the call takes effect)`, () => {
      const failures: string[] = [];
      const points = cutPoints();
      for (const n of points) {
        const b = world();
        cutDaily(b, n, when);
        // The next hourly run continues where the cut one stopped.
        daily(b);
        if (JSON.stringify(fileState(b)) !== JSON.stringify(uncut)) failures.push(`call ${n} (${log[n - 1]})`);
      }
      expect(failures).toEqual([]);
      expect(points.length).toBeGreaterThan(60);
    });
  }
});
