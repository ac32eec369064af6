/**
 * Runs a piece of JavaScript in a fresh Node process whose machine time zone is `tz`, and returns
 * the JSON it prints. Jest gives each test file its own copy of process.env, so setting TZ in a
 * test does not change how Date reads local time; a child process is the way to choose the zone.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export function runInZone<T>(tz: string, script: string): T {
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: root,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as T;
}
