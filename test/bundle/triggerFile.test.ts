/**
 * The daily trigger finds its file without an active spreadsheet: a published add-on's clock
 * trigger may run with none (getTriggerSourceId() is null for clock triggers), so the file's id
 * is kept for the trigger at install (user properties, keyed by the trigger's unique id) and
 * opened by id when the trigger runs.
 */
import { ManualClock } from '../../tools/gas/fakes';
import { loadBundle, type LoadedBundle } from '../../tools/gas/loadBundle';
import { exec, sampleFile, sheetValues } from '../support/automation';

jest.setTimeout(120_000);

const FILE_KEY = 'kehu.triggerFile.';

function keptFiles(b: LoadedBundle): Record<string, string> {
  const store = b.state.userProperties.get(b.state.owner) ?? new Map<string, string>();
  return Object.fromEntries([...store].filter(([k]) => k.startsWith(FILE_KEY)));
}

describe('the daily trigger and its file', () => {
  it('keeps the spreadsheet id for the trigger it makes, and forgets it when the trigger is removed', () => {
    const b = sampleFile();
    exec(b, 'installAutomation');
    const [trigger] = b.fakes.triggers.list();
    expect(keptFiles(b)).toEqual({ [FILE_KEY + trigger.uid]: b.state.spreadsheet.id });
    exec(b, 'removeAutomation');
    expect(b.fakes.triggers.list()).toEqual([]);
    expect(keptFiles(b)).toEqual({});
  });

  it('does the whole daily run when the trigger fires with no active spreadsheet', () => {
    const clock = new ManualClock('2026-11-20T05:30:00+08:00');
    const b = sampleFile({ clock });
    exec(b, 'installAutomation');
    // The hourly trigger first fires an hour later, past the daily hour (06:00 by default).
    clock.advanceHours(1);
    const runs = b.fireDueTriggers({ noActiveSpreadsheet: true });
    expect(runs).toHaveLength(1);
    expect(runs[0].ok).toBe(true);
    expect(runs[0].calls.get('SpreadsheetApp.getActiveSpreadsheet')).toBeGreaterThan(0);
    expect(runs[0].calls.get('SpreadsheetApp.openById')).toBe(1);
    expect(JSON.stringify(runs[0].value)).toContain('"kind":"done"');
    expect(sheetValues(b, '拜访计划')!.length).toBeGreaterThan(10);
    expect(b.fakes.calendar.events().length).toBeGreaterThan(0);
  });

  it('without a kept id (no active spreadsheet, an old trigger) says it found no spreadsheet and touches nothing', () => {
    const clock = new ManualClock('2026-11-20T05:30:00+08:00');
    const b = sampleFile({ clock });
    exec(b, 'installAutomation');
    b.state.userProperties.get(b.state.owner)!.clear();
    clock.advanceHours(1);
    const [run] = b.fireDueTriggers({ noActiveSpreadsheet: true });
    expect(JSON.stringify(run.value)).toContain('"kind":"failed"');
    expect(b.fakes.direct.spreadsheet.getSheetByName('拜访计划')).toBeNull();
    // Turning the automation on again (the trigger exists) keeps the id for it: the next run works.
    exec(b, 'installAutomation');
    clock.advanceHours(1);
    const [again] = b.fireDueTriggers({ noActiveSpreadsheet: true });
    expect(JSON.stringify(again.value)).toContain('"kind":"done"');
  });

  it('runs under the project manifest: its scopes allow opening the file by id', () => {
    const clock = new ManualClock('2026-11-20T05:30:00+08:00');
    const first = sampleFile({ clock });
    const b = loadBundle({ state: first.state, followManifest: true });
    expect(b.manifest?.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(b.manifest?.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(b.next().run('installAutomation', { ui: true }).ok).toBe(true);
    clock.advanceHours(1);
    const [run] = b.fireDueTriggers({ noActiveSpreadsheet: true });
    expect(run.error).toBeUndefined();
    expect(JSON.stringify(run.value)).toContain('"kind":"done"');
  });

  it('a trigger kept for another spreadsheet of the same user is not this file\'s', () => {
    const b = sampleFile();
    exec(b, 'installAutomation');
    const [trigger] = b.fakes.triggers.list();
    // As if the user's one project trigger had been made in another file (a published add-on lists them all).
    b.state.userProperties.get(b.state.owner)!.set(FILE_KEY + trigger.uid, 'another-file');
    exec(b, 'removeAutomation');
    expect(b.fakes.triggers.list()).toHaveLength(1);
  });
});
