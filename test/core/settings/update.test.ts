/**
 * Writing the Settings sheet: the layout a person sees, the first Team table, and later runs
 * that fill in only what is missing and never change a cell a person wrote.
 */
import type { CellValue } from '../../../src/core/cells';
import { DayClock } from '../../../src/core/dates';
import { defaultSettings, teamFromReps } from '../../../src/core/settings/defaults';
import { readSettingsSheet } from '../../../src/core/settings/read';
import { renderSettingsSheet, updateSettingsSheet } from '../../../src/core/settings/render';
import { detectTables } from '../../../src/core/tables/detect';

const clock = new DayClock(() => 480);

const mapping = detectTables([
  { name: '客户', top: [['客户代码', '名称', '电话', '地址', '对口销售员']] },
  { name: '订单', top: [['客户代码', '订单日期', '金额']] },
]);

/** Section titles: a text in column A, nothing in column B (a hint may follow in column C). */
function titlesOf(grid: CellValue[][], from = 2): CellValue[] {
  return grid.filter((r, i) => i >= from && r[0] !== '' && r[1] === '' && r.slice(3).every((v) => v === '')).map((r) => r[0]);
}

/** Rows of a section: from its title to the blank row after it. */
function section(grid: CellValue[][], title: string): CellValue[][] {
  const start = grid.findIndex((r) => r[0] === title);
  const end = grid.findIndex((r, i) => i > start && r.every((v) => v === ''));
  return grid.slice(start, end);
}

describe('renderSettingsSheet', () => {
  it('lays out a title, a how-to line and seven sections, each with a header row and a blank row after it', () => {
    const grid = renderSettingsSheet(defaultSettings(), null, 'en');
    expect(grid[0][0]).toBe('Kehu · Settings');
    expect(String(grid[1][0])).toMatch(/^Change values in column B/);
    expect(titlesOf(grid)).toEqual(['Parameters', 'Visit policy', 'Daily capacity', 'Team', 'Days off', 'Column mapping', 'Extra headers']);
    expect(grid.every((r) => r.length === 6)).toBe(true);
    expect(section(grid, 'Daily capacity')[1]).toEqual(['Role', 'Visits a day', 'Calls a day', 'Day starts', 'Day ends', '']);
    expect(section(grid, 'Days off')[1]).toEqual(['From', 'To', 'Kind', 'Person', 'Note', 'Source']);
    // The two new tables say their rules beside their title.
    expect(section(grid, 'Days off')[0][2]).toMatch(/State Council are refreshed by Kehu on every run/);
    expect(section(grid, 'Parameters')[1].slice(0, 3)).toEqual(['Setting', 'Value', 'What it means and what is allowed']);
    expect(section(grid, 'Visit policy')[1]).toEqual(['Tier', 'Role', 'Visits', 'Calls', 'Per months', '']);
  });

  it('writes numbers as numbers and lists as text, with what each setting means and allows', () => {
    const en = renderSettingsSheet(defaultSettings(), null, 'en');
    const row = (g: CellValue[][], name: string) => g.find((r) => r[0] === name)!;
    expect(row(en, 'A share').slice(1, 2)).toEqual([0.8]);
    expect(row(en, 'Time slots')[1]).toBe("'09:00, 10:30, 13:30, 14:30, 15:30, 16:30");
    expect(row(en, 'Working days')[1]).toBe('Mon, Tue, Wed, Thu, Fri');
    expect(row(en, 'RFM bins')[2]).toBe('How many score levels R, F and M each get (5: scores 1 to 5). Allowed: a whole number from 2 to 9.');
    const zh = renderSettingsSheet(defaultSettings(), null, 'zh');
    expect(row(zh, '工作日')[1]).toBe('周一、周二、周三、周四、周五');
    expect(row(zh, '必填字段')[1]).toBe('电话、地址、对口销售员');
    expect(row(zh, '流失天数')[2]).toBe('超过这么多天没有订单就提醒（流失客户）。允许：1 到 3650 的整数。');
    expect(section(zh, '拜访政策').slice(2, 4)).toEqual([['A', '销售员', 3, 2, 1, ''], ['B', '销售员', 2, 1, 1, '']]);
  });

  it('keeps text a person typed as text: never a formula, a number or a date', () => {
    const s = { ...defaultSettings(), team: [{ role: 'rep' as const, name: '=HYPERLINK("x")', code: '007', email: '', region: '+86' }] };
    const team = section(renderSettingsSheet(s, null, 'zh'), '团队');
    expect(team[2]).toEqual(['销售员', `'=HYPERLINK("x")`, "'007", '', "'+86", '']);
  });

  it('shows the mapping found: table, field, sheet and header', () => {
    const rows = section(renderSettingsSheet(defaultSettings(), mapping, 'zh'), '列映射');
    expect(rows[1]).toEqual(['表', '字段', '工作表', '表头', '', '']);
    expect(rows).toContainEqual(['客户', '电话', '客户', '电话', '', '']);
    expect(rows).toContainEqual(['客户', '邮箱', '客户', '', '', '']);
    expect(rows).toContainEqual(['订单', '金额', '订单', '金额', '', '']);
    expect(rows).toContainEqual(['联系记录', '方式', '', '', '', '']);
    const en = section(renderSettingsSheet({ ...defaultSettings(), mappingChoices: [{ table: 'customers', field: 'phone', header: null }] }, mapping, 'en'), 'Column mapping');
    expect(en).toContainEqual(['Customers', 'Phone', '客户', '—', '', '']);
  });
});

describe('teamFromReps', () => {
  it('makes one sales rep per distinct value, e-mails in the e-mail cell, then one empty row per other role', () => {
    expect(teamFromReps(['S10', 'S2', ' S2 ', '', 'Ann@Example.com', 'ann@example.com', 'S1'])).toEqual([
      { role: 'rep', name: '', code: '', email: 'Ann@Example.com', region: '' },
      { role: 'rep', name: 'S1', code: '', email: '', region: '' },
      { role: 'rep', name: 'S2', code: '', email: '', region: '' },
      { role: 'rep', name: 'S10', code: '', email: '', region: '' },
      { role: 'manager', name: '', code: '', email: '', region: '' },
      { role: 'director', name: '', code: '', email: '', region: '' },
      { role: 'gm', name: '', code: '', email: '', region: '' },
    ]);
    expect(teamFromReps([]).map((m) => m.role)).toEqual(['rep', 'manager', 'director', 'gm']);
  });

  it('round-trips through the sheet', () => {
    const s = { ...defaultSettings(), team: teamFromReps(['张三', 'li@example.com']) };
    expect(readSettingsSheet(renderSettingsSheet(s, mapping, 'zh'), clock).team).toEqual(s.team);
  });
});

describe('updateSettingsSheet', () => {
  it('writes the whole sheet into an empty one', () => {
    const out = updateSettingsSheet([], mapping, 'en', { team: teamFromReps(['S01']) });
    expect(out).toEqual(renderSettingsSheet({ ...defaultSettings(), team: teamFromReps(['S01']) }, mapping, 'en'));
  });

  it('fills blank mapping cells from detection and changes no cell a person wrote', () => {
    const sheet = renderSettingsSheet(defaultSettings(), null, 'zh');
    // A person typed a header for the phone and marked the address unused.
    const phone = sheet.findIndex((r) => r[0] === '客户' && r[1] === '电话');
    const address = sheet.findIndex((r) => r[0] === '客户' && r[1] === '地址');
    sheet[phone][3] = '电话';
    sheet[address][3] = '—';
    const lapse = sheet.findIndex((r) => r[0] === '流失天数');
    sheet[lapse][1] = 400;
    const out = updateSettingsSheet(sheet, mapping, 'zh')!;
    expect(out).not.toBeNull();
    expect(out).toHaveLength(sheet.length);
    sheet.forEach((r, i) => r.forEach((v, j) => {
      if (v !== '') expect([i, j, out[i][j]]).toEqual([i, j, v]);
    }));
    const id = out.find((r) => r[0] === '客户' && r[1] === '客户代码')!;
    expect(id).toEqual(['客户', '客户代码', '客户', '客户代码', '', '']);
    expect(out[address]).toEqual(['客户', '地址', '客户', '—', '', '']);
    expect(out.find((r) => r[0] === '订单' && r[1] === '金额')).toEqual(['订单', '金额', '订单', '金额', '', '']);
    // Nothing left to write on the next run.
    expect(updateSettingsSheet(out, mapping, 'zh')).toBeNull();
    const read = readSettingsSheet(out, clock);
    expect(read.lapseDays).toBe(400);
    expect(read.mappingChoices).toContainEqual({ table: 'customers', field: 'address', header: null });
  });

  it('appends missing sections and parameters at the end, in the file language, with their defaults', () => {
    const old: CellValue[][] = [['Kehu · Settings'], [], ['Parameters'], ['Setting', 'Value', ''], ['Lapse after days', 500, ''], [], ['Team'], ['Role', 'Name'], ['Sales rep', 'Ann']];
    const out = updateSettingsSheet(old, null, 'zh')!;
    old.forEach((r, i) => r.forEach((v, j) => expect(out[i][j]).toBe(v)));
    expect(out[old.length].every((v) => v === '')).toBe(true);
    expect(titlesOf(out.slice(old.length), 0)).toEqual(['参数', '拜访政策', '每日容量', '休息日', '列映射', '额外表头']);
    const read = readSettingsSheet(out, clock);
    expect(read).toEqual({ ...defaultSettings(), lapseDays: 500, team: [{ role: 'rep', name: 'Ann', code: '', email: '', region: '' }] });
    expect(updateSettingsSheet(out, null, 'zh')).toBeNull();
  });

  it('keeps the sheet column showing where each table is', () => {
    const sheet = renderSettingsSheet(defaultSettings(), mapping, 'en');
    const moved = detectTables([
      { name: 'Clients', top: [['客户代码', '名称', '电话', '地址', '对口销售员']] },
      { name: '订单', top: [['客户代码', '订单日期', '金额']] },
    ]);
    const out = updateSettingsSheet(sheet, moved, 'en')!;
    expect(out.filter((r) => r[0] === 'Customers').every((r) => r[2] === 'Clients')).toBe(true);
    expect(out.filter((r) => r[0] === 'Orders').every((r) => r[2] === '订单')).toBe(true);
  });
});
