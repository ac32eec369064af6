/** The fakes' execution without an active spreadsheet (a published add-on's clock trigger) and openById. */
import { createGasFakes, type Manifest } from '../tools/gas/fakes';

const AUTH = 'https://www.googleapis.com/auth/';

describe('an execution without an active spreadsheet', () => {
  it('answers null for the active spreadsheet and opens the file by its id', () => {
    const fakes = createGasFakes({ spreadsheetId: 'file-1' });
    const app = fakes.globals.SpreadsheetApp as { getActiveSpreadsheet(): unknown; getActive(): unknown; openById(id: string): { getId(): string } };
    fakes.beginExecution({ ui: false, noActiveSpreadsheet: true });
    expect(app.getActiveSpreadsheet()).toBeNull();
    expect(app.getActive()).toBeNull();
    expect(app.openById('file-1').getId()).toBe('file-1');
    expect(() => app.openById('another')).toThrow(/openById/);
    fakes.endExecution();
    // The next execution (a menu item) has its document again.
    expect(app.getActiveSpreadsheet()).not.toBeNull();
  });

  it('refuses openById under spreadsheets.currentonly, as Apps Script does', () => {
    const manifest: Manifest = { oauthScopes: [`${AUTH}spreadsheets.currentonly`] };
    const fakes = createGasFakes({ spreadsheetId: 'file-1', manifest });
    const app = fakes.globals.SpreadsheetApp as { getActiveSpreadsheet(): unknown; openById(id: string): unknown };
    expect(app.getActiveSpreadsheet()).not.toBeNull();
    expect(() => app.openById('file-1')).toThrow(`Specified permissions are not sufficient to call SpreadsheetApp.openById. Required permissions: ${AUTH}spreadsheets`);
    const full = createGasFakes({ spreadsheetId: 'file-1', manifest: { oauthScopes: [`${AUTH}spreadsheets`] } });
    expect(() => (full.globals.SpreadsheetApp as { openById(id: string): unknown }).openById('file-1')).not.toThrow();
  });
});
