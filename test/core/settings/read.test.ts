/**
 * Reading the Settings sheet as people and Sheets fill it in: typed percentages, times and
 * numbers as text, working days in many forms, missing rows and sections, and one sentence
 * naming the row, the setting and the value for everything that cannot be used.
 */
import type { CellValue } from '../../../src/core/cells';
import { DayClock } from '../../../src/core/dates';
import type { Lang } from '../../../src/core/locale';
import { defaultSettings, DEFAULT_POLICY } from '../../../src/core/settings/defaults';
import { describeSettingsError, readSettingsSheet, SettingsError } from '../../../src/core/settings/read';
import { renderSettingsSheet } from '../../../src/core/settings/render';
import { weekdaysOf } from '../../../src/core/settings/values';
import { offsetMinutes, zonedInstant, zoneOffsetMs } from '../../../tools/gas/zone';

type Grid = CellValue[][];

function clockOf(tz: string): DayClock {
  return new DayClock((ms) => offsetMinutes(zoneOffsetMs(tz, ms)));
}

const TZ = 'Asia/Shanghai';
const clock = clockOf(TZ);
/** A typed time as Sheets hands it over: that wall time on 1899-12-30 in the spreadsheet's zone. */
const typedTime = (tz: string, h: number, m: number) => new Date(zonedInstant(tz, 1899, 12, 30, h, m));

/** The default sheet in a language, with one parameter's value cell replaced. */
function withValue(lang: Lang, name: string, value: CellValue): { grid: Grid; row: number } {
  const grid = renderSettingsSheet(defaultSettings(), null, lang);
  const i = grid.findIndex((r) => r[0] === name);
  if (i < 0) throw new Error(`no parameter row ${name}`);
  grid[i][1] = value;
  return { grid, row: i + 1 };
}

function settingsError(fn: () => unknown): SettingsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SettingsError) return e;
    throw e;
  }
  throw new Error('expected a SettingsError');
}

describe('readSettingsSheet: values as typed', () => {
  it('reads the default sheet as the defaults', () => {
    for (const lang of ['zh', 'en'] as const) expect(readSettingsSheet(renderSettingsSheet(defaultSettings(), null, lang), clock)).toEqual(defaultSettings());
  });

  it('gives every setting its default when the sheet is empty or has no such row', () => {
    expect(readSettingsSheet([], clock)).toEqual(defaultSettings());
    expect(readSettingsSheet([['参数'], ['设置项', '值'], ['流失天数', 400]], clock)).toEqual({ ...defaultSettings(), lapseDays: 400 });
    // An emptied value cell takes the default too.
    expect(readSettingsSheet(withValue('zh', '流失天数', '').grid, clock).lapseDays).toBe(365);
  });

  it('accepts shares as Sheets hands them (80% → 0.8) or as typed text', () => {
    for (const v of [0.75, '75%', ' 75 % ', '0.75', '７５％']) {
      expect([v, readSettingsSheet(withValue('zh', 'A 类占比', v).grid, clock).abcAShare]).toEqual([v, 0.75]);
    }
    expect(readSettingsSheet(withValue('en', 'P(alive) threshold', 0).grid, clock).pAliveThreshold).toBe(0);
  });

  it('accepts numbers written as text', () => {
    expect(readSettingsSheet(withValue('en', 'Min days between contacts', '6').grid, clock).minGapDays).toBe(6);
    expect(readSettingsSheet(withValue('en', 'New calendar events per day', '1,500').grid, clock).dailyEventLimit).toBe(1500);
    expect(readSettingsSheet(withValue('en', 'Overdue factor', ' 1.5 ').grid, clock).overdueFactor).toBe(1.5);
  });

  it('reads a slot cell Sheets turned into a time, in zones whose 1899 offset had seconds', () => {
    for (const tz of ['Asia/Shanghai', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      const c = clockOf(tz);
      for (const [h, m] of [[9, 0], [0, 0], [13, 30], [23, 55]]) {
        const s = readSettingsSheet(withValue('zh', '时间段', typedTime(tz, h, m)).grid, c);
        expect([tz, h, m, s.slots]).toEqual([tz, h, m, [h * 60 + m]]);
      }
    }
    // Minutes off the 5-minute grid are read to the minute where the zone's offset was whole.
    expect(readSettingsSheet(withValue('zh', '时间段', typedTime('UTC', 9, 7)).grid, clockOf('UTC')).slots).toEqual([547]);
  });

  it('reads slots typed as a list, in any order, each once', () => {
    const cases: [CellValue, number[]][] = [
      ['9:00, 10:30', [540, 630]],
      ['14:30，9:00、10:30', [540, 630, 870]],
      ['09:00 13:30 09:00', [540, 810]],
      ['9点, 9点半, 14点15分', [540, 570, 855]],
      ['9am, 2:30pm', [540, 870]],
      [0.375, [540]],
    ];
    for (const [v, want] of cases) expect([v, readSettingsSheet(withValue('en', 'Time slots', v).grid, clock).slots]).toEqual([v, want]);
  });

  it('reads working days written in many ways', () => {
    const cases: [CellValue, number[]][] = [
      ['1-5', [1, 2, 3, 4, 5]], ['1,2,3,4,5', [1, 2, 3, 4, 5]], ['周一至周五', [1, 2, 3, 4, 5]], ['周一、周三', [1, 3]],
      ['Mon-Fri', [1, 2, 3, 4, 5]], ['Mon, Wed', [1, 3]], ['Monday to Friday', [1, 2, 3, 4, 5]], ['星期一到星期六', [1, 2, 3, 4, 5, 6]],
      ['周六~周一', [1, 6, 7]], ['工作日', [1, 2, 3, 4, 5]], ['weekdays, sat', [1, 2, 3, 4, 5, 6]], ['周日', [7]], ['Sun', [7]], [3, [3]],
      ['礼拜二', [2]], ['周1-周3', [1, 2, 3]],
    ];
    for (const [v, want] of cases) expect([v, weekdaysOf(v)]).toEqual([v, want]);
    for (const v of ['', 'Mon-', '8', '周八', 'Mon--Fri', 0, true]) expect([v, weekdaysOf(v as CellValue)]).toEqual([v, undefined]);
    expect(readSettingsSheet(withValue('zh', '工作日', 'Mon, Wed').grid, clock).workingDays).toEqual([1, 3]);
  });

  it('reads the daily hour as a number, text or a time on the hour', () => {
    for (const v of [7, '7', '07:00', typedTime(TZ, 7, 0)]) expect([v, readSettingsSheet(withValue('zh', '每日运行时间', v).grid, clock).dailyHour]).toEqual([v, 7]);
  });

  it('reads choices and field lists in either language', () => {
    expect(readSettingsSheet(withValue('zh', 'RFM 分组', 'urban/rural').grid, clock).rfmGroupBy).toBe('urbanRural');
    expect(readSettingsSheet(withValue('en', 'RFM within', '城乡').grid, clock).rfmGroupBy).toBe('urbanRural');
    expect(readSettingsSheet(withValue('en', 'Tier period', '季度').grid, clock).tierPeriod).toBe('quarter');
    expect(readSettingsSheet(withValue('en', 'Required fields', '手机, E-mail、对口销售员码').grid, clock).requiredFields).toEqual(['phone', 'email', 'rep']);
    expect(readSettingsSheet(withValue('zh', '必填字段', '无').grid, clock).requiredFields).toEqual([]);
  });

  it('recognizes parameter names and sections in the other language', () => {
    const grid: Grid = [['Parameters'], ['Setting', 'Value'], ['流失天数', 500], ['Lapse days', ''], ['团队'], ['Role', 'Name'], ['销售员', '张三', 'S01', 'zhang@example.com', '华东']];
    // Two rows for one setting are refused even when one is empty.
    expect(settingsError(() => readSettingsSheet(grid, clock)).key).toBe('duplicateRow');
    grid.splice(3, 1);
    const s = readSettingsSheet(grid, clock);
    expect(s.lapseDays).toBe(500);
    expect(s.team).toEqual([{ role: 'rep', name: '张三', code: 'S01', email: 'zhang@example.com', region: '华东' }]);
    expect(s.policy).toEqual(DEFAULT_POLICY);
  });

  it('reads an emptied section as empty and a missing one as the default', () => {
    const s = readSettingsSheet([['拜访政策'], ['等级', '角色', '拜访次数', '电话次数', '每几个月'], [], ['列映射'], ['表', '字段', '工作表', '表头']], clock);
    expect(s.policy).toEqual([]);
    expect(s.mappingChoices).toEqual([]);
    expect(s.team).toEqual([]);
    // A header row a person deleted is not missed.
    expect(readSettingsSheet([['拜访政策'], ['A', '销售员', 4, '', 1]], clock).policy).toEqual([{ tier: 'A', role: 'rep', visits: 4, calls: 0, months: 1 }]);
  });

  it('reads the column mapping: a header, — for unused, blank for "find it"', () => {
    const s = readSettingsSheet([
      ['Column mapping'], ['Table', 'Field', 'Sheet', 'Header'],
      ['Customers', 'Phone', '客户', '手机号'],
      ['客户', '微信号', '', '—'],
      ['订单', '金额', '', ''],
      ['contacts', 'status', '', '不使用'],
      ['Orders', 'Date', '', 2024],
    ], clock);
    expect(s.mappingChoices).toEqual([
      { table: 'customers', field: 'phone', header: '手机号' },
      { table: 'customers', field: 'wechat', header: null },
      { table: 'contacts', field: 'status', header: null },
      { table: 'orders', field: 'date', header: '2024' },
    ]);
  });
});

describe('readSettingsSheet: errors name the row, the setting and the value', () => {
  it('refuses a parameter value outside what is allowed', () => {
    const { grid, row } = withValue('zh', 'A 类占比', 'abc');
    const e = settingsError(() => readSettingsSheet(grid, clock));
    expect(e.params).toMatchObject({ row, setting: 'abcAShare', value: 'abc' });
    expect(describeSettingsError(e, 'zh')).toBe(`“设置”表第 ${row} 行：A 类占比的值是文本“abc”。允许：大于 0、不超过 1 的比例，例如 0.8 或 80%。`);
    expect(describeSettingsError(e, 'en')).toBe(`Settings row ${row}: the value of A share is the text 'abc'. Allowed: a share above 0 and up to 1, such as 0.8 or 80%.`);
  });

  it('refuses values just outside each range', () => {
    const bad: [string, CellValue][] = [
      ['RFM bins', 10], ['RFM bins', 1], ['RFM bins', 4.5], ['A share', 0], ['A share', 1.2], ['A share', 80], ['ABC months', 0],
      ['Lapse after days', -1], ['Birthday days ahead', 367], ['Overdue factor', 0], ['P(alive) threshold', -0.1],
      ['Horizon (weeks)', 53], ['Working days', 'Funday'], ['Working days', new Date(2026, 0, 5)], ['Min days between contacts', 61],
      ['Min days between contacts', 2.5], ['Lunch break', '13:30-12:00'], ['Lunch break', '12:00'], ['Lunch break', 0.5],
      ['Public holidays', 'Japan'], ['Festival greetings', 'maybe'], ['Birthdays are lunar', 'lunar'],
      ['Time slots', '25:00'], ['Time slots', '9:00, soon'], ['Time slots', new Date(2026, 0, 5, 9)], ['Visit minutes', 481],
      ['Keep past rows (days)', 'x'], ['Daily run after', 24], ['Daily run after', '6:30'], ['Time budget (seconds)', 360],
      ['New calendar events per day', -5], ['Calendar ID', true], ['RFM within', 'city'], ['ABC by', 'weight'],
      ['Tier period', 'week'], ['Required fields', 'phone, shoe size'], ['Required fields', true],
      ['Orders source', 'bigquery:sales.orders'], ['Orders source', 'bigquery:My-Project.sales.orders'], ['Orders source', 'mysql:a.b.c'],
      ['Orders source', 'bigquery:p1.sales.orders`; DROP'], ['BigQuery columns (customer, date, amount)', 'customer_id, order_date'],
      ['BigQuery columns (customer, date, amount)', "id, date, amount'--"], ['BigQuery billing project', 'My Project'], ['BigQuery billing project', 'p_1'],
    ];
    for (const [name, v] of bad) {
      const { grid, row } = withValue('en', name, v);
      const e = settingsError(() => readSettingsSheet(grid, clock));
      expect([name, v, e.key, e.params.row]).toEqual([name, v, 'badValue', row]);
      expect(describeSettingsError(e, 'en')).toContain(`Settings row ${row}: the value of ${name} is `);
    }
  });

  it('reads the orders source, the BigQuery columns and the billing project in either language, and names a bad one', () => {
    const read = (lang: 'zh' | 'en', name: string, v: CellValue) => readSettingsSheet(withValue(lang, name, v).grid, clock);
    expect(read('zh', '订单来源', 'BigQuery：kehu-demo.sales.orders').ordersSource).toEqual({ kind: 'bigquery', table: ['kehu-demo', 'sales', 'orders'] });
    expect(read('en', 'Orders source', '工作表').ordersSource).toEqual({ kind: 'sheet' });
    expect(read('zh', 'BigQuery 列（客户, 日期, 金额）', '客户编号，下单日期，金额').bigQueryColumns).toEqual(['客户编号', '下单日期', '金额']);
    expect(read('en', 'BigQuery billing project', "the table's project").bigQueryProject).toBe('');
    expect(read('en', 'BigQuery billing project', 'kehu-billing').bigQueryProject).toBe('kehu-billing');
    const { grid, row } = withValue('zh', '订单来源', 'bigquery:sales.orders');
    const e = settingsError(() => readSettingsSheet(grid, clock));
    expect(describeSettingsError(e, 'zh')).toBe(`“设置”表第 ${row} 行：订单来源的值是文本“bigquery:sales.orders”。允许：工作表（或留空：订单在本文件中），或 bigquery:项目.数据集.表，例如 bigquery:my-project.sales.orders。`);
    expect(describeSettingsError(e, 'en')).toBe(`Settings row ${row}: the value of Orders source is the text 'bigquery:sales.orders'. Allowed: sheet (or blank: the orders are in this file), or bigquery:project.dataset.table, such as bigquery:my-project.sales.orders.`);
  });

  it('shows a typed time in the sentence as a time', () => {
    const { grid, row } = withValue('en', 'Daily run after', typedTime(TZ, 6, 30));
    expect(describeSettingsError(settingsError(() => readSettingsSheet(grid, clock)), 'en'))
      .toBe(`Settings row ${row}: the value of Daily run after is the time 06:30. Allowed: a whole hour from 0 to 23, such as 6 or 06:00.`);
  });

  it('refuses an A share above the B share, naming both rows', () => {
    const { grid, row } = withValue('en', 'A share', 0.97);
    const e = settingsError(() => readSettingsSheet(grid, clock));
    const bRow = grid.findIndex((r) => r[0] === 'B share') + 1;
    expect(describeSettingsError(e, 'en')).toBe(`Settings row ${row}: A share (0.97, row ${row}) must not be larger than B share (0.95, row ${bRow}).`);
    const only = readSettingsSheet.bind(null, [['参数'], ['B 类占比', 0.5]], clock);
    expect(describeSettingsError(settingsError(only), 'zh')).toBe('“设置”表第 2 行：A 类占比（0.8，默认值）不能大于B 类占比（0.5，第 2 行）。');
  });

  it('refuses an unknown setting and a repeated one', () => {
    const unknown = settingsError(() => readSettingsSheet([['参数'], ['设置项', '值'], ['流失天', 3]], clock));
    expect(describeSettingsError(unknown, 'zh')).toBe('“设置”表第 3 行：“流失天”不是 Kehu 的设置项。请改正名称，或清空这一行。');
    expect(describeSettingsError(unknown, 'en')).toBe("Settings row 3: '流失天' is not a setting Kehu knows. Correct the name, or clear the row.");
    const nameless = settingsError(() => readSettingsSheet([['Parameters'], ['', 3]], clock));
    expect(describeSettingsError(nameless, 'en')).toBe('Settings row 2: this row has a value but no setting name. Write the name, or clear the row.');
    // A note typed in the description column alone is no setting.
    expect(readSettingsSheet([['Parameters'], ['', '', 'remember to check']], clock)).toEqual(defaultSettings());
    const twice = settingsError(() => readSettingsSheet([['Parameters'], ['Lapse after days', 3], ['流失天数', 4]], clock));
    expect(describeSettingsError(twice, 'en')).toBe('Settings row 3: Lapse after days is already on row 2. Keep one of the two rows.');
    expect(describeSettingsError(twice, 'zh')).toBe('“设置”表第 3 行：流失天数已在第 2 行出现。请只保留一行。');
  });

  it('refuses bad visit policy rows', () => {
    const policy = (row: CellValue[]) => () => readSettingsSheet([['拜访政策'], ['等级', '角色', '拜访次数', '电话次数', '每几个月'], row], clock);
    const cases: [CellValue[], string, string][] = [
      [['D', '销售员', 1, 1, 1], '“设置”表第 3 行（拜访政策）：等级是文本“D”。允许：A、B、C之一。', "Settings row 3 (visit policy): the tier is the text 'D'. Allowed: A, B or C."],
      [['A', '老板娘', 1, 1, 1], '“设置”表第 3 行（拜访政策）：角色是文本“老板娘”。允许：销售员、销售经理、营销总监、总经理之一。', "Settings row 3 (visit policy): the role is the text '老板娘'. Allowed: Sales rep, Sales manager, Marketing director or General manager."],
      [['A', '销售员', 1.5, 1, 1], '“设置”表第 3 行（拜访政策）：拜访次数是数字 1.5。允许：0 到 100 的整数（空白 = 0）。', 'Settings row 3 (visit policy): the visits is the number 1.5. Allowed: a whole number from 0 to 100 (empty = 0).'],
      [['A', '销售员', 1, -1, 1], '“设置”表第 3 行（拜访政策）：电话次数是数字 -1。允许：0 到 100 的整数（空白 = 0）。', 'Settings row 3 (visit policy): the calls is the number -1. Allowed: a whole number from 0 to 100 (empty = 0).'],
      [['A', '销售员', 1, 1, ''], '“设置”表第 3 行（拜访政策）：每几个月是空白。允许：大于 0、不超过 120 的月数，例如 1、2 或 0.5。', 'Settings row 3 (visit policy): the per months is empty. Allowed: a number of months above 0 and up to 120, such as 1, 2 or 0.5.'],
    ];
    for (const [row, zh, en] of cases) {
      const e = settingsError(policy(row));
      expect(describeSettingsError(e, 'zh')).toBe(zh);
      expect(describeSettingsError(e, 'en')).toBe(en);
    }
    const twice = settingsError(() => readSettingsSheet([['Visit policy'], ['A', 'rep', 1, 1, 1], ['a类', '业务员', 2, 2, 1]], clock));
    expect(describeSettingsError(twice, 'en')).toBe('Settings row 3 (visit policy): A · Sales rep is already on row 2. Keep one of the two rows.');
  });

  it('refuses a team row without a role or with a broken e-mail', () => {
    const noRole = settingsError(() => readSettingsSheet([['团队'], ['', '张三']], clock));
    expect(describeSettingsError(noRole, 'zh')).toBe('“设置”表第 2 行（团队）：角色是空白。允许：销售员、销售经理、营销总监、总经理之一。');
    const mail = settingsError(() => readSettingsSheet([['Team'], ['Role', 'Name'], ['rep', 'Li', '', 'li@', '']], clock));
    expect(describeSettingsError(mail, 'en')).toBe("Settings row 3 (team): the e-mail is the text 'li@'. Allowed: an e-mail address such as name@example.com, or empty.");
  });

  it('refuses bad column mapping and extra header rows', () => {
    const table = settingsError(() => readSettingsSheet([['列映射'], ['表', '字段', '工作表', '表头'], ['产品', '名称', '', '品名']], clock));
    expect(describeSettingsError(table, 'zh')).toBe('“设置”表第 3 行（列映射）：表是文本“产品”。允许：客户、订单、联系记录之一。');
    const field = settingsError(() => readSettingsSheet([['Column mapping'], ['Orders', 'Colour', '', 'x']], clock));
    expect(describeSettingsError(field, 'en')).toBe("Settings row 2 (column mapping): the field is the text 'Colour'. Allowed: a field of Orders: Customer ID, Order date, Amount, Margin, Product.");
    const required = settingsError(() => readSettingsSheet([['Column mapping'], ['Orders', 'Amount', '', '—']], clock));
    expect(describeSettingsError(required, 'en')).toBe('Settings row 2 (column mapping): Orders · Amount is marked as not used, but Kehu needs that column. Write its header, or clear the cell to let Kehu find it.');
    expect(describeSettingsError(required, 'zh')).toBe('“设置”表第 2 行（列映射）：订单 · 金额被设为不使用，但 Kehu 需要这一列。请填写它的表头，或清空该单元格让 Kehu 自动查找。');
    const repeated = settingsError(() => readSettingsSheet([['Column mapping'], ['Orders', 'Amount', '', '金额'], ['订单', '金额', '', '']], clock));
    expect(describeSettingsError(repeated, 'en')).toBe('Settings row 3 (column mapping): Orders · Amount is already on row 2. Keep one of the two rows.');
    const twice = settingsError(() => readSettingsSheet([['Column mapping'], ['Customers', 'Phone', '', '电话'], ['Customers', 'Notes', '', '电话']], clock));
    expect(describeSettingsError(twice, 'en')).toBe("Settings row 3 (column mapping): the header '电话' is already given for Customers · Phone on row 2, so it cannot stand for Customers · Notes too. A header stands for one field.");
    const extra = settingsError(() => readSettingsSheet([['额外表头'], ['表', '字段', '表头'], ['客户', '电话', '座机号、分机'], ['客户', '备注', '分机']], clock));
    expect(describeSettingsError(extra, 'zh')).toBe('“设置”表第 4 行（额外表头）：表头“分机”已在第 3 行用于客户 · 电话，不能再用于客户 · 备注。一个表头只能对应一个字段。');
  });

  it('reads extra headers split on , ， and 、', () => {
    const s = readSettingsSheet([['Extra headers'], ['Table', 'Field', 'Headers'], ['Customers', 'Phone', '座机号，分机, Landline、 Tel. no'], ['Orders', 'Amount', '']], clock);
    expect(s.synonyms).toEqual([{ table: 'customers', field: 'phone', headers: ['座机号', '分机', 'Landline', 'Tel. no'] }]);
  });
});
