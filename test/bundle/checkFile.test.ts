/**
 * "Check this file" on the built bundle: it times a read and a write of the add-on's log, a
 * property and a cache round trip, counts the file's cells as Google does and the add-on's
 * share, shows the figures in a dialog and appends them to the log, touching none of the
 * team's data and leaving no key behind. Under the modeled clock its timings are the cost
 * model's, which proves each figure times the call it names.
 */
import { isOwnSheet } from '../../src/app/sheets/ownSheets';
import { costRowOf } from '../../tools/gas/fakes';
import type { LoadedBundle } from '../../tools/gas/loadBundle';
import { exec, lastAlert, sampleFile, secondFile, sheetValues } from '../support/automation';

/** The add-on's own sheets in the file now (the list grows as features add sheets). */
const own = (b: LoadedBundle): string[] => b.fakes.cellCount().sheets.map((s) => s.name).filter(isOwnSheet);

/** The modeled ms of calls, each `[name, units]`. */
const priced = (...calls: [string, number?][]): number =>
  calls.reduce((sum, [name, units = 0]) => {
    const row = costRowOf(name);
    return sum + row.ms + (row.perUnitMs ?? 0) * units;
  }, 0);

/** The number after `label` in the dialog's text. */
function figure(text: string, label: RegExp): number {
  const m = label.exec(text);
  if (!m) throw new Error(`no ${label} in: ${text}`);
  return Number(m[1].replace(/,/g, ''));
}

function cellsOf(b: LoadedBundle): { total: number; own: number } {
  const count = b.fakes.cellCount();
  return { total: count.total, own: count.sheets.filter((s) => isOwnSheet(s.name)).reduce((n, s) => n + s.cells, 0) };
}

describe('Check this file', () => {
  it('is the menu\'s last item, in the file\'s language', () => {
    const b = sampleFile({ customers: 30 });
    b.openFile('LIMITED');
    expect(b.fakes.ui.item('检查此文件').functionName).toBe('checkThisFile');
    const items = b.fakes.ui.menus()[0].items.filter((i) => i.type === 'item');
    expect(items[items.length - 1]).toMatchObject({ caption: '检查此文件', functionName: 'checkThisFile' });
  });

  it('times real calls on the add-on\'s own log, counts the cells and Kehu\'s share, and shows and logs them', () => {
    const b = sampleFile({ customers: 30 });
    expect(exec(b, 'flagStaleRecords', { ui: false }).ok).toBe(true);
    b.fakes.useModeledClock();
    const before = b.fakes.snapshot({ excludeSheets: own(b) });
    b.openFile('LIMITED');
    b.fakes.ui.clear();
    // The figures count the file before the check's own log line (which may grow the log).
    const counted = cellsOf(b);

    const r = b.next().clickMenu('检查此文件');
    expect(r.ok).toBe(true);
    const alerts = b.fakes.ui.alerts();
    expect(alerts.map((a) => a.title)).toEqual(['Kehu · 检查此文件']);
    const text = lastAlert(b);

    // Each figure is the model's cost of the calls it names (the clock moves by whole ms).
    const cells = figure(text, /读取日志表 (\d+) 个单元格/);
    expect(cells).toBe(5); // the log's header row
    const close = (shown: number, modeled: number) => expect(Math.abs(shown - modeled)).toBeLessThanOrEqual(1);
    close(figure(text, /读取日志表 \d+ 个单元格：(\d+) 毫秒/), priced(['Sheet.getRange'], ['Range.getValues', cells]));
    close(figure(text, /写回并刷新：(\d+) 毫秒/), priced(['Sheet.getRange'], ['Range.setValues', cells], ['SpreadsheetApp.flush']));
    const stamp = String(b.state.clock.now()).length;
    close(figure(text, /文档属性写入 \/ 读取：(\d+)/), priced(['Properties.setProperty', 'kehu.checkFile'.length + stamp]));
    close(figure(text, /文档属性写入 \/ 读取：\d+ \/ (\d+)/), priced(['Properties.getProperty', stamp]));
    close(figure(text, /文档缓存写入 \/ 读取：(\d+)/), priced(['Cache.put', 'kehu.checkFile'.length + stamp]));
    close(figure(text, /文档缓存写入 \/ 读取：\d+ \/ (\d+)/), priced(['Cache.get', stamp]));

    // Cells as Google counts them: every sheet's rows × columns, and the add-on's own sheets' part.
    expect(figure(text, /按 Google 的计算方式）：([\d,]+)/)).toBe(counted.total);
    expect(figure(text, /Kehu 自己的 \d+ 个工作表：([\d,]+)/)).toBe(counted.own);
    expect(counted.own).toBeGreaterThan(0);
    expect(text).toContain(`已用 ${((100 * counted.total) / 10_000_000).toFixed(1)}%`);
    expect(text).toContain(`占文件的 ${((100 * counted.own) / counted.total).toFixed(1)}%`);

    // The same figures in the log, under the menu item's name.
    const log = sheetValues(b, 'Kehu · 日志')!;
    const last = log[log.length - 1].map(String);
    expect(last.some((v) => v === '检查此文件')).toBe(true);
    expect(last.join(' ')).toContain(`单元格 ${counted.total.toLocaleString('en-US')}`);

    // The team's data untouched; no property or cache entry left behind.
    expect(b.fakes.snapshot({ excludeSheets: own(b) })).toEqual(before);
    expect(before.sheets.length).toBeGreaterThanOrEqual(3); // the team's sheets are in the comparison
    expect(b.state.documentProperties.has('kehu.checkFile')).toBe(false);
    expect(b.state.caches.document.has('kehu.checkFile')).toBe(false);
  });

  it('makes the log when there is none yet, and speaks English in an English file', () => {
    const b = secondFile({ customers: 20 });
    const before = cellsOf(b);
    const r = exec(b, 'checkThisFile');
    expect(r.ok).toBe(true);
    const text = lastAlert(b);
    expect(text).toMatch(/^Measured in this file just now/);
    // The log is made before the count and its line appended after it.
    const cells = figure(text, /as Google counts them\): ([\d,]+)/);
    expect(cells).toBeGreaterThan(before.total);
    expect(cells).toBeLessThanOrEqual(cellsOf(b).total);
    const log = sheetValues(b, 'Kehu · Log')!;
    expect(log[0]).toEqual(['Time', 'Customer ID', 'Flag', 'Change', 'Reason']);
    expect(log[log.length - 1].map(String)).toContain('Check this file');
  });

  it('says plainly when a service fails, and leaves the team\'s data as it was', () => {
    const b = sampleFile({ customers: 20 });
    expect(exec(b, 'checkThisFile').ok).toBe(true); // makes the log: the next runs make the same calls
    const before = b.fakes.snapshot({ excludeSheets: own(b) });
    const probe = b.next();
    let cachePut = 0;
    probe.fakes.onCall((name) => {
      if (name === 'Cache.put') cachePut = probe.fakes.callCount();
    });
    expect(probe.run('checkThisFile', { ui: true }).ok).toBe(true);
    expect(cachePut).toBeGreaterThan(0);

    const again = b.next();
    again.fakes.failAt(cachePut);
    expect(again.run('checkThisFile', { ui: true }).ok).toBe(true);
    expect(lastAlert(b)).toContain('Kehu 遇到意外问题而停止');
    expect(b.fakes.snapshot({ excludeSheets: own(b) })).toEqual(before);
    expect(b.state.documentProperties.has('kehu.checkFile')).toBe(false);
  });
});
