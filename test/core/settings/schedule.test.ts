/**
 * The schedule settings of issue 10 on the Settings sheet: the new parameters, the Daily capacity
 * and Days off tables with their error sentences, China's public holidays as Days off rows, and
 * an old sheet that still has the retired "max per day" row.
 */
import type { CellValue } from '../../../src/core/cells';
import { DayClock, daysFromCivil } from '../../../src/core/dates';
import type { Lang } from '../../../src/core/locale';
import type { DayOff, Settings } from '../../../src/core/model';
import {
  chinaDaysOff, chinaYearsFor, festivalCareOn, horizonYears, settingsWithChinaDays, uncoveredYears, usesChinaDays,
} from '../../../src/core/settings/chinaDays';
import { DEFAULT_CAPACITY, defaultSettings } from '../../../src/core/settings/defaults';
import { describeSettingsError, readSettingsSheet, SettingsError } from '../../../src/core/settings/read';
import { unquote } from '../../../src/core/settings/cellText';
import { renderSettingsSheet, updateSettingsSheet } from '../../../src/core/settings/render';
import { chinaYears } from '../../../src/core/workdays';
import { offsetMinutes, zonedInstant, zoneOffsetMs } from '../../../tools/gas/zone';

type Grid = CellValue[][];

const TZ = 'Asia/Shanghai';
const clock = new DayClock((ms) => offsetMinutes(zoneOffsetMs(TZ, ms)));
const day = (y: number, m: number, d: number) => daysFromCivil(y, m, d);
/** A typed time as Sheets hands it over: that wall time on 1899-12-30 in the spreadsheet's zone. */
const typedTime = (h: number, m: number) => new Date(zonedInstant(TZ, 1899, 12, 30, h, m));
/** A typed date as Sheets hands it over: local midnight. */
const typedDate = (y: number, m: number, d: number) => new Date(zonedInstant(TZ, y, m, d, 0, 0));

function settingsError(fn: () => unknown): SettingsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SettingsError) return e;
    throw e;
  }
  throw new Error('expected a SettingsError');
}

function withValue(lang: Lang, name: string, value: CellValue): Grid {
  const grid = renderSettingsSheet(defaultSettings(), null, lang);
  const i = grid.findIndex((r) => r[0] === name);
  if (i < 0) throw new Error(`no parameter row ${name}`);
  grid[i][1] = value;
  return grid;
}

const TEAM: Grid = [['团队'], ['角色', '姓名', '代码', '邮箱', '区域'], ['销售员', '张三', 'S01', 'zhang@example.com', '上海']];

describe('the schedule parameters', () => {
  it('start with the defaults issue 10 and 11 ask for', () => {
    const s = defaultSettings();
    expect([s.minGapDays, s.lunchBreak, s.publicHolidays, s.festivalCare, s.lunarBirthdays, s.dailyEventLimit, s.daysOff])
      .toEqual([3, [720, 810], 'auto', 'auto', false, 300, []]);
    expect(s.capacity).toEqual([
      { role: 'rep', visits: 4, calls: 8, start: 540, end: 1050 },
      { role: 'manager', visits: 2, calls: 4, start: 540, end: 1050 },
      { role: 'director', visits: 1, calls: 2, start: 540, end: 1050 },
      { role: 'gm', visits: 1, calls: 2, start: 540, end: 1050 },
    ]);
    const en = renderSettingsSheet(s, null, 'en');
    const row = (name: string) => en.find((r) => r[0] === name)!;
    expect(row('Lunch break')[1]).toBe("'12:00-13:30");
    expect(row('Public holidays')[1]).toBe('auto');
    expect(row('Birthdays are lunar')[1]).toBe('no');
    expect(row('New calendar events per day').slice(1, 3)).toEqual([300, expect.stringContaining('Google may make a calendar read-only')]);
    expect(en.some((r) => r[0] === 'Max per person per day')).toBe(false);
    const zh = renderSettingsSheet(s, null, 'zh');
    expect(zh.find((r) => r[0] === '最少间隔天数')!.slice(1, 3)).toEqual([3, '同一客户两次联系（拜访或电话，已记录的也算）至少相隔几天。允许：0 到 60 的整数。']);
    expect(zh.find((r) => r[0] === '生日为农历')![1]).toBe('否');
  });

  it('reads a lunch break written with any dash, 至 or to, in Chinese time words, or none', () => {
    const cases: [CellValue, [number, number]][] = [
      ['12:00-13:30', [720, 810]], ['12:00–13:30', [720, 810]], ['12:00~13:30', [720, 810]], ['12:00～13:30', [720, 810]],
      ['12:00 至 13:30', [720, 810]], ['12点-13点半', [720, 810]], ['11:45 to 13:00', [705, 780]], ['无', [0, 0]], ['none', [0, 0]], ['—', [0, 0]],
    ];
    for (const [v, want] of cases) expect([v, readSettingsSheet(withValue('zh', '午休', v), clock).lunchBreak]).toEqual([v, want]);
    const none = renderSettingsSheet({ ...defaultSettings(), lunchBreak: [0, 0] }, null, 'zh');
    expect(none.find((r) => r[0] === '午休')![1]).toBe('无');
  });

  it('reads yes/no, the holiday and the greeting choices in either language', () => {
    for (const [v, want] of [[true, true], ['是', true], ['Yes', true], [false, false], ['否', false], ['no', false]] as const) {
      expect([v, readSettingsSheet(withValue('en', 'Birthdays are lunar', v), clock).lunarBirthdays]).toEqual([v, want]);
    }
    expect(readSettingsSheet(withValue('en', 'Public holidays', '国务院'), clock).publicHolidays).toBe('china');
    expect(readSettingsSheet(withValue('zh', '法定节假日', 'none'), clock).publicHolidays).toBe('none');
    expect(readSettingsSheet(withValue('zh', '节日问候', '关'), clock).festivalCare).toBe('off');
    expect(readSettingsSheet(withValue('en', 'Festival greetings', 'on'), clock).festivalCare).toBe('on');
  });

  it('says what is wrong with a new parameter, in both languages', () => {
    const grid = withValue('zh', '午休', '13:30-12:00');
    const row = grid.findIndex((r) => r[0] === '午休') + 1;
    const e = settingsError(() => readSettingsSheet(grid, clock));
    expect(describeSettingsError(e, 'zh')).toBe(`“设置”表第 ${row} 行：午休的值是文本“13:30-12:00”。允许：起止时间，例如 12:00-13:30，或“无”。`);
    expect(describeSettingsError(e, 'en')).toBe(`Settings row ${row}: the value of Lunch break is the text '13:30-12:00'. Allowed: a start and end time such as 12:00-13:30, or none.`);
    const lunar = settingsError(() => readSettingsSheet(withValue('en', 'Birthdays are lunar', 'lunar'), clock));
    expect(describeSettingsError(lunar, 'zh')).toMatch(/生日为农历的值是文本“lunar”。允许：是 或 否。$/);
    const holidays = settingsError(() => readSettingsSheet(withValue('en', 'Public holidays', 'Japan'), clock));
    expect(describeSettingsError(holidays, 'en')).toMatch(/the value of Public holidays is the text 'Japan'\. Allowed: auto, China or none\.$/);
  });
});

describe('an old Settings sheet with the retired "max per day" row', () => {
  it('reads it (the row is ignored) and drops the row on the next update', () => {
    for (const [lang, name] of [['zh', '每人每天上限'], ['en', 'Max per person per day']] as const) {
      const fresh = renderSettingsSheet(defaultSettings(), null, lang);
      const old = fresh.map((r) => r.slice());
      const at = old.findIndex((r) => r[1] === "'09:00, 10:30, 13:30, 14:30, 15:30, 16:30");
      old.splice(at, 0, [name, 6, '', '', '', '']);
      expect(readSettingsSheet(old, clock)).toEqual(defaultSettings());
      const updated = updateSettingsSheet(old, null, lang);
      expect(updated).toEqual(fresh);
      expect(updateSettingsSheet(updated!, null, lang)).toBeNull();
    }
  });
});

describe('the Daily capacity table', () => {
  it('reads rows in either language, typed times included, and keeps the default for a role left out', () => {
    const s = readSettingsSheet([
      ['Daily capacity'], ['Role', 'Visits a day', 'Calls a day', 'Day starts', 'Day ends'],
      ['销售员', 5, '10', typedTime(8, 30), '18:00'],
      ['Marketing director', '', 1, '', ''],
    ], clock);
    expect(s.capacity).toEqual([
      { role: 'rep', visits: 5, calls: 10, start: 510, end: 1080 },
      DEFAULT_CAPACITY[1],
      { role: 'director', visits: 0, calls: 1, start: 540, end: 1050 },
      DEFAULT_CAPACITY[3],
    ]);
    expect(readSettingsSheet([['每日容量'], ['角色', '每天拜访', '每天电话', '上班', '下班']], clock).capacity).toEqual(DEFAULT_CAPACITY);
  });

  it('names the row and the cell of a bad capacity row, in both languages', () => {
    const read = (row: CellValue[]) => () => readSettingsSheet([['每日容量'], ['角色', '每天拜访', '每天电话', '上班', '下班'], row], clock);
    const cases: [CellValue[], string, string][] = [
      [['老板娘', 4, 8], '“设置”表第 3 行（每日容量）：角色是文本“老板娘”。允许：销售员、销售经理、营销总监、总经理之一。',
        "Settings row 3 (daily capacity): the role is the text '老板娘'. Allowed: Sales rep, Sales manager, Marketing director or General manager."],
      [['销售员', 51, 8], '“设置”表第 3 行（每日容量）：每天拜访是数字 51。允许：0 到 50 的整数（空白 = 0）。',
        'Settings row 3 (daily capacity): the visits a day is the number 51. Allowed: a whole number from 0 to 50 (empty = 0).'],
      [['销售员', 4, 2.5], '“设置”表第 3 行（每日容量）：每天电话是数字 2.5。允许：0 到 100 的整数（空白 = 0）。',
        'Settings row 3 (daily capacity): the calls a day is the number 2.5. Allowed: a whole number from 0 to 100 (empty = 0).'],
      [['销售员', 4, 8, '25:00'], '“设置”表第 3 行（每日容量）：上班时间是文本“25:00”。允许：时间，例如 09:00（空白 = 09:00）。',
        "Settings row 3 (daily capacity): the start of the day is the text '25:00'. Allowed: a time of day such as 09:00 (empty = 09:00)."],
      [['销售员', 4, 8, '', 'late'], '“设置”表第 3 行（每日容量）：下班时间是文本“late”。允许：时间，例如 17:30（空白 = 17:30）。',
        "Settings row 3 (daily capacity): the end of the day is the text 'late'. Allowed: a time of day such as 17:30 (empty = 17:30)."],
      [['销售员', 4, 8, '18:00', '09:00'], '“设置”表第 3 行（每日容量）：上班时间 18:00 不早于下班时间 09:00。上班时间要早于下班时间。',
        'Settings row 3 (daily capacity): the day starts at 18:00, not before it ends (09:00). The start must come before the end.'],
    ];
    for (const [row, zh, en] of cases) {
      const e = settingsError(read(row));
      expect(describeSettingsError(e, 'zh')).toBe(zh);
      expect(describeSettingsError(e, 'en')).toBe(en);
    }
    const twice = settingsError(() => readSettingsSheet([['Daily capacity'], ['rep', 4, 8], ['业务员', 3, 6]], clock));
    expect(describeSettingsError(twice, 'en')).toBe('Settings row 3 (daily capacity): Sales rep is already on row 2. Keep one of the two rows.');
    expect(describeSettingsError(twice, 'zh')).toBe('“设置”表第 3 行（每日容量）：销售员已在第 2 行出现。请只保留一行。');
  });
});

describe('the Days off table', () => {
  it('reads typed dates and date text, a blank To as one day, kind words in either language and the source', () => {
    const s = readSettingsSheet([
      ['Days off'], ['From', 'To', 'Kind', 'Person', 'Note', 'Source'],
      [typedDate(2026, 10, 9), '', '请假', 'S01', '年假', ''],
      ['2026/10/10', typedDate(2026, 10, 10), 'work', '', '', ''],
      ['2026-10-12', '2026年10月13日', '', 'ZHANG@example.com', 'training', 'team'],
      ["'2026-10-01", "'2026-10-07", '休息', '', '国庆节', '国务院'],
      [], ...TEAM,
    ], clock);
    expect(s.daysOff).toEqual([
      { from: day(2026, 10, 9), to: day(2026, 10, 9), kind: 'closed', person: 'S01', note: '年假', source: 'team' },
      { from: day(2026, 10, 10), to: day(2026, 10, 10), kind: 'working', person: '', note: '', source: 'team' },
      { from: day(2026, 10, 12), to: day(2026, 10, 13), kind: 'closed', person: 'ZHANG@example.com', note: 'training', source: 'team' },
      { from: day(2026, 10, 1), to: day(2026, 10, 7), kind: 'closed', person: '', note: '国庆节', source: 'china' },
    ]);
  });

  it('names the row and the cell of a bad Days off row, in both languages', () => {
    const read = (row: CellValue[]) => () => readSettingsSheet([['休息日'], ['从', '到', '类型', '人员', '说明', '来源'], row, [], ...TEAM], clock);
    const cases: [CellValue[], string, string][] = [
      [['soon', '', '休息'], '“设置”表第 3 行（休息日）：开始日期是文本“soon”。允许：日期，例如 2026-10-01。',
        "Settings row 3 (days off): the From date is the text 'soon'. Allowed: a date such as 2026-10-01."],
      [['', '2026-10-02', '休息'], '“设置”表第 3 行（休息日）：开始日期是空白。允许：日期，例如 2026-10-01。',
        'Settings row 3 (days off): the From date is empty. Allowed: a date such as 2026-10-01.'],
      [['2026-10-01', '10月8日'], '“设置”表第 3 行（休息日）：结束日期是文本“10月8日”。允许：日期，例如 2026-10-08，或空白（= 开始日期）。',
        "Settings row 3 (days off): the To date is the text '10月8日'. Allowed: a date such as 2026-10-08, or empty (= the From date)."],
      [['2026-10-08', '2026-10-01'], '“设置”表第 3 行（休息日）：结束日期 2026-10-01 早于开始日期 2026-10-08。',
        'Settings row 3 (days off): the To date 2026-10-01 is before the From date 2026-10-08.'],
      [['2026-10-08', '', '半天'], '“设置”表第 3 行（休息日）：类型是文本“半天”。允许：休息（放假、关闭、请假）或上班（工作、补班），空白 = 休息。',
        "Settings row 3 (days off): the kind is the text '半天'. Allowed: off (closed, leave) or working (work); empty = off."],
      [['2026-10-08', '', '请假', '王五'], '“设置”表第 3 行（休息日）：人员是文本“王五”。允许：“团队”表里的姓名、代码或邮箱，或空白（= 全体）。',
        "Settings row 3 (days off): the person is the text '王五'. Allowed: a name, code or e-mail from the Team table, or empty (= the whole team)."],
    ];
    for (const [row, zh, en] of cases) {
      const e = settingsError(read(row));
      expect(describeSettingsError(e, 'zh')).toBe(zh);
      expect(describeSettingsError(e, 'en')).toBe(en);
    }
  });
});

describe("China's public holidays as Days off rows", () => {
  const find = (rows: DayOff[], from: number) => rows.find((r) => r.from === from);

  it('makes one row per run of days off or make-up working days, named in the file language', () => {
    const zh = chinaDaysOff([2025], 'zh');
    expect(find(zh, day(2025, 10, 1))).toEqual({ from: day(2025, 10, 1), to: day(2025, 10, 8), kind: 'closed', person: '', note: '国庆节、中秋节', source: 'china' });
    expect(find(zh, day(2025, 9, 28))).toEqual({ from: day(2025, 9, 28), to: day(2025, 9, 28), kind: 'working', person: '', note: '国庆节调休', source: 'china' });
    expect(find(zh, day(2025, 10, 11))?.kind).toBe('working');
    const en = chinaDaysOff([2025], 'en');
    expect(find(en, day(2025, 10, 1))?.note).toBe('National Day, Mid-autumn Festival');
    expect(find(en, day(2025, 9, 28))?.note).toBe('make-up working day (National Day)');
    // 2026: 中秋 (Sep 25-27) and 国庆 (Oct 1-7) are two rows; the make-up Sunday before them is a working row.
    const y26 = chinaDaysOff([2026], 'zh');
    expect(find(y26, day(2026, 9, 25))).toMatchObject({ to: day(2026, 9, 27), kind: 'closed', note: '中秋节' });
    expect(find(y26, day(2026, 10, 1))).toMatchObject({ to: day(2026, 10, 7), kind: 'closed', note: '国庆节' });
    expect(find(y26, day(2026, 9, 20))).toMatchObject({ kind: 'working', note: '国庆节调休' });
    // Rows are in day order, never overlap, and the data's years only.
    const both = chinaDaysOff([2026, 2025, 2026], 'zh');
    both.forEach((r, i) => {
      expect(r.from).toBeLessThanOrEqual(r.to);
      if (i > 0) expect(r.from).toBeGreaterThan(both[i - 1].to);
    });
    expect(both.length).toBe(zh.length + y26.length);
    expect(chinaDaysOff([chinaYears().last + 1], 'zh')).toEqual([]);
  });

  it('replaces the China rows of the settings and keeps the team rows first', () => {
    const team: DayOff = { from: day(2026, 10, 8), to: day(2026, 10, 8), kind: 'working', person: '', note: '盘点', source: 'team' };
    const s: Settings = { ...defaultSettings(), daysOff: [team, ...chinaDaysOff([2025], 'zh')] };
    const next = settingsWithChinaDays(s, [2026], 'zh');
    expect(next.daysOff).toEqual([team, ...chinaDaysOff([2026], 'zh')]);
    expect(settingsWithChinaDays(s, [], 'zh').daysOff).toEqual([team]);
  });

  it('says which years a horizon touches and whether the file takes China holidays', () => {
    expect(horizonYears(day(2026, 9, 21), 4)).toEqual([2026]);
    expect(horizonYears(day(2026, 12, 20), 4)).toEqual([2026, 2027]);
    const auto = { publicHolidays: 'auto' as const, horizonWeeks: 4 };
    expect([usesChinaDays(auto, 'zh_CN'), usesChinaDays(auto, 'zh_TW'), usesChinaDays(auto, 'zh_HK'), usesChinaDays(auto, 'en_US')]).toEqual([true, false, false, false]);
    expect([usesChinaDays({ publicHolidays: 'china' }, 'en_US'), usesChinaDays({ publicHolidays: 'none' }, 'zh_CN')]).toEqual([true, false]);
    expect(chinaYearsFor(auto, 'zh_CN', day(2026, 12, 20))).toEqual([2026, 2027]);
    expect(chinaYearsFor(auto, 'en_GB', day(2026, 12, 20))).toEqual([]);
    const last = chinaYears().last;
    expect(uncoveredYears([last, last + 1])).toEqual([last + 1]);
    expect([festivalCareOn({ festivalCare: 'auto' }, 'zh'), festivalCareOn({ festivalCare: 'auto' }, 'en'), festivalCareOn({ festivalCare: 'on' }, 'en'), festivalCareOn({ festivalCare: 'off' }, 'zh')])
      .toEqual([true, false, true, false]);
  });

  it('writes the China rows with the State Council as source, and reads them back', () => {
    const s = settingsWithChinaDays({ ...defaultSettings(), team: [{ role: 'rep', name: '张三', code: 'S01', email: '', region: '' }] }, [2026], 'zh');
    const grid = renderSettingsSheet(s, null, 'zh');
    expect(grid).toContainEqual(["'2026-10-01", "'2026-10-07", '休息', '', '国庆节', '国务院']);
    expect(grid).toContainEqual(["'2026-09-20", "'2026-09-20", '上班', '', '国庆节调休', '国务院']);
    expect(readSettingsSheet(grid, clock)).toEqual(s);
    const en = renderSettingsSheet(settingsWithChinaDays(defaultSettings(), [2026], 'en'), null, 'en');
    expect(en).toContainEqual(["'2026-10-01", "'2026-10-07", 'off', '', 'National Day', 'State Council']);
  });

  it("refreshes the China rows of a sheet in place, keeps the team's rows as typed, and then has nothing to write", () => {
    const s = settingsWithChinaDays(defaultSettings(), [2025], 'zh');
    const sheet = renderSettingsSheet(s, null, 'zh');
    // A person adds a team row after the China rows.
    const last = sheet.findIndex((r) => r[5] === '国务院') + chinaDaysOff([2025], 'zh').length;
    sheet.splice(last, 0, ['2026-10-08', '', '上班', '', '盘点', '']);
    const out = updateSettingsSheet(sheet, null, 'zh', { chinaYears: [2026] })!;
    expect(out).not.toBeNull();
    // Text read from the sheet is written back as text (a date typed as text stays text).
    expect(out).toContainEqual(["'2026-10-08", '', '上班', '', '盘点', '']);
    const read = readSettingsSheet(out, clock);
    expect(read.daysOff).toEqual([...chinaDaysOff([2026], 'zh'), { from: day(2026, 10, 8), to: day(2026, 10, 8), kind: 'working', person: '', note: '盘点', source: 'team' }]);
    expect({ ...read, daysOff: [] }).toEqual({ ...defaultSettings() });
    expect(updateSettingsSheet(out, null, 'zh', { chinaYears: [2026] })).toBeNull();
    expect(updateSettingsSheet(out, null, 'zh')).toBeNull();
    // Turned off: the China rows go, the team's row stays.
    const off = updateSettingsSheet(out, null, 'zh', { chinaYears: [] })!;
    expect(readSettingsSheet(off, clock).daysOff).toEqual([{ from: day(2026, 10, 8), to: day(2026, 10, 8), kind: 'working', person: '', note: '盘点', source: 'team' }]);
  });

  it('sees no change in a sheet read back through Sheets (text without its apostrophe), and writes text back as text', () => {
    // getValues gives text without the apostrophe that kept it text when written.
    const throughSheets = (g: Grid): Grid => g.map((r) => r.map((v) => (typeof v === 'string' ? unquote(v) : v)));
    const s: Settings = { ...settingsWithChinaDays(defaultSettings(), [2026], 'zh'), team: [{ role: 'rep', name: '张三', code: '007', email: '', region: '' }] };
    const read = throughSheets(renderSettingsSheet(s, null, 'zh'));
    expect(read).toContainEqual(['2026-10-01', '2026-10-07', '休息', '', '国庆节', '国务院']);
    expect(updateSettingsSheet(read, null, 'zh', { chinaYears: [2026] })).toBeNull();
    // Next year's rows change the sheet: what is written keeps every text as text.
    const out = updateSettingsSheet(read, null, 'zh', { chinaYears: [2026, 2027 > chinaYears().last ? 2025 : 2027] })!;
    expect(out).toContainEqual(['销售员', '张三', "'007", '', '', '']);
    expect(out).toContainEqual(["'2026-10-01", "'2026-10-07", '休息', '', '国庆节', '国务院']);
    expect(readSettingsSheet(out, clock).team[0].code).toBe('007');
  });

  it('adds the Days off table with the China rows to a sheet made before it existed', () => {
    const old: Grid = [['Kehu · 设置'], [], ['参数'], ['设置项', '值', ''], ['流失天数', 500, '']];
    const out = updateSettingsSheet(old, null, 'zh', { chinaYears: [2026] })!;
    expect(readSettingsSheet(out, clock).daysOff).toEqual(chinaDaysOff([2026], 'zh'));
    expect(updateSettingsSheet(out, null, 'zh', { chinaYears: [2026] })).toBeNull();
  });
});
