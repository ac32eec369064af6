/**
 * The add-on's automation through the built bundle: files to run it on, each menu item or
 * trigger as its own Apps Script execution (a fresh gas-local context on the same files), and
 * what tests read back.
 */
import { ManualClock, type Clock, type FakeSheet } from '../../tools/gas/fakes';
import { loadBundle, type LoadedBundle } from '../../tools/gas/loadBundle';
import { generateSecondFile } from '../../tools/sample/second';
import { generateSampleWorkbook, REPS } from '../../tools/sample/generate';

export type Rows = unknown[][];

/** A team list as a team keeps it (code, name, role, e-mail, region), for the invites. */
export function teamSheet(): Rows {
  const rows: Rows = [['代码', '姓名', '角色', '邮箱', '区域']];
  REPS.forEach((r, i) => rows.push([r.code, `销售${i + 1}`, '销售员', `${r.code.toLowerCase()}@example.com`, r.region]));
  rows.push(['M01', '经理甲', '销售经理', 'manager@example.com', '']);
  rows.push(['D01', '总监乙', '营销总监', 'director@example.com', '']);
  rows.push(['G01', '总经理丙', '总经理', 'gm@example.com', '']);
  return rows;
}

export interface FileOptions {
  customers?: number;
  withTeam?: boolean;
  locale?: string;
  clock?: Clock;
}

/** The sample customer file (Chinese headers), 2026-11-20 09:00 in Shanghai unless told. */
export function sampleFile(o: FileOptions = {}): LoadedBundle {
  const wb = generateSampleWorkbook({ customers: o.customers ?? 120 });
  const sheets: Record<string, Rows> = { ...wb.sheets };
  if (o.withTeam !== false) sheets['销售团队'] = teamSheet();
  return loadBundle({ sheets: sheets as Record<string, unknown[][]>, locale: o.locale ?? 'zh_CN', timeZone: 'Asia/Shanghai', clock: o.clock ?? new ManualClock('2026-11-20T09:00:00+08:00') });
}

/** The second file: English headers, a title row, other sheet names, reps as e-mail addresses. */
export function secondFile(o: FileOptions = {}): LoadedBundle {
  const f = generateSecondFile(o.customers ?? 40);
  return loadBundle({ sheets: f.sheets as Record<string, unknown[][]>, locale: o.locale ?? 'en_US', timeZone: 'America/New_York', clock: o.clock ?? new ManualClock('2026-11-20T09:00:00-05:00') });
}

/** Runs a global as one execution in a fresh context on the same files (menu: FULL with UI). */
export function exec(b: LoadedBundle, fn: string, options: { ui?: boolean; args?: unknown[] } = {}) {
  return b.next().run(fn, { ui: options.ui ?? true, args: options.args });
}

/** The values of a sheet (uncounted), or null. */
export function sheetValues(b: LoadedBundle, name: string): unknown[][] | null {
  const sheet = b.fakes.direct.spreadsheet.getSheetByName(name);
  if (!sheet) return null;
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  return rows > 0 && cols > 0 ? sheet.getRange(1, 1, rows, cols).getValues() : [];
}

export function sheetNames(b: LoadedBundle): string[] {
  return b.fakes.direct.spreadsheet.getSheets().map((s: { getName(): string }) => s.getName());
}

/** The last alert's text (what the user read after a menu item). */
export function lastAlert(b: LoadedBundle): string {
  const alerts = b.fakes.ui.alerts();
  return alerts.length ? String(alerts[alerts.length - 1].prompt) : '';
}

/**
 * A comparable picture of the file and the calendar, without the log (which may differ) and the
 * day's invite count (a retried insert counts twice). Invitations sent are compared as a set:
 * a cut run sends the same ones, some of them later.
 */
export function fileState(b: LoadedBundle) {
  const snap = b.fakes.snapshot({ excludeSheets: ['Kehu · 日志', 'Kehu · Log', 'Kehu · 修改记录', 'Kehu · Change log'], excludeProperties: ['kehu.invites'] });
  const mails = (snap as { notifications?: unknown[] }).notifications;
  if (Array.isArray(mails)) mails.sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  return snap;
}

/** A sheet of the file as a person sees it (uncounted); the test fails when it is missing. */
export function sheetOf(b: LoadedBundle, name: string): FakeSheet {
  const sheet = b.fakes.direct.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`the file has no sheet named ${name}`);
  return sheet;
}

/** A calendar event as the fake calendar keeps it; the test fails when it is missing. */
export function eventOf(b: LoadedBundle, id: string): { attendees: { email: string }[]; start: { dateTime?: string; timeZone?: string }; status: string } {
  const event = b.fakes.calendar.event(id);
  if (!event) throw new Error(`no calendar event ${id}`);
  return event as unknown as { attendees: { email: string }[]; start: { dateTime?: string; timeZone?: string }; status: string };
}
