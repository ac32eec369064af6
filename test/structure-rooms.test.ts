/**
 * The rooms of src/app/ (issue 11): run/ (the frame, the menu, the commands, the daily trigger,
 * the custom functions' frame), steps/ (one file per step of the day), reads/ (what a run reads),
 * sheets/ (the sheets the add-on writes and owns), card/ (the customer card). Nothing lies loose:
 * a new file goes into the room it belongs to, or a new room is named here. src/core/ keeps the
 * customer analytics in analytics/, beside clv/, and tests mirror src/ paths.
 * Written by the one-time script that made the move (in the history at 36235d4's parent).
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const APP_ROOMS = ['card', 'reads', 'run', 'sheets', 'steps'];
const ANALYTICS = ['abc', 'labels', 'quadrant', 'quantiles', 'rfm', 'segments'];

function entries(dir: string): fs.Dirent[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true });
}

function modules(dir: string): string[] {
  return entries(dir).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => e.name.replace(/\.ts$/, ''));
}

it('src/app holds its rooms and nothing loose', () => {
  const loose = entries('src/app').filter((e) => !e.isDirectory()).map((e) => e.name);
  const rooms = entries('src/app').filter((e) => e.isDirectory()).map((e) => e.name).sort();
  expect({ loose, rooms }).toEqual({ loose: [], rooms: APP_ROOMS });
});

it('every room of src/app holds modules', () => {
  const empty = APP_ROOMS.filter((room) => modules(`src/app/${room}`).length === 0);
  expect(empty).toEqual([]);
});

it('the analytics of src/core live in src/core/analytics', () => {
  expect(ANALYTICS.filter((m) => !modules('src/core/analytics').includes(m))).toEqual([]);
  expect(modules('src/core').filter((m) => ANALYTICS.includes(m))).toEqual([]);
});

it("a test of a room's module sits in the room's mirror under test/", () => {
  const misplaced: string[] = [];
  const check = (testDir: string, roomModules: string[]): void => {
    if (!fs.existsSync(path.join(ROOT, testDir))) return;
    for (const e of entries(testDir)) {
      const name = e.name.split('.')[0];
      if (e.isFile() && e.name.endsWith('.test.ts') && roomModules.includes(name)) misplaced.push(`${testDir}/${e.name}`);
    }
  };
  check('test/app', APP_ROOMS.flatMap((room) => modules(`src/app/${room}`)));
  check('test/core', modules('src/core/analytics').filter((m) => !modules('src/core').includes(m)));
  expect(misplaced).toEqual([]);
});

it("a test of one folder of src/core sits in that folder's mirror, not flat in test/core", () => {
  // calendar-ics.test.ts, clvFit.test.ts, schedule.rows.test.ts: a folder's name then a part of it.
  // A test named just as the folder (automation.test.ts) covers the whole folder and may stay.
  const folders = entries('src/core').filter((e) => e.isDirectory()).map((e) => e.name);
  const flat = entries('test/core')
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => e.name)
    .filter((name) => folders.some((f) => name.startsWith(f) && /^[-.A-Z]/.test(name.slice(f.length)) && !name.slice(f.length).startsWith('.test.ts')));
  expect(flat).toEqual([]);
});
