/**
 * The parameters of the Settings sheet: their names in both languages, what they mean, what is
 * allowed, and how a cell is read and written. One list, so the sheet, the reader and the error
 * sentences cannot drift apart.
 */
import type { CellValue } from '../cells';
import type { DayClock } from '../dates';
import type { Lang } from '../locale';
import { CUSTOMER_FIELDS, type CustomerField, type OrdersSource, type Settings } from '../model';
import { bigQueryTableParts, isBigQueryProject, isColumnName } from '../sql/identifiers';
import { fieldLabel, headerKeys, SYNONYMS } from '../tables/synonyms';
import { keepText } from './cellText';
import {
  formatTimes, formatTimeSpan, formatWeekdays, isNoneWord, minutesOf, numberOf, shareOf, textOf, timesOf, timeSpanOf, weekdaysOf,
  yesNoOf,
} from './values';

/** Settings that are a row of the parameters section (the others are tables, or retired). */
export type ParamKey = Exclude<keyof Settings, 'policy' | 'team' | 'synonyms' | 'mappingChoices' | 'capacity' | 'daysOff'>;

type Words = Record<Lang, string> & { also?: readonly string[] };

interface Kind<V> {
  read(v: CellValue, clock: DayClock): V | undefined;
  write(value: V, lang: Lang): CellValue;
  allowed(lang: Lang): string;
}

function int(min: number, max: number): Kind<number> {
  return {
    read(v) {
      const n = numberOf(v);
      return n !== undefined && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
    },
    write: (n) => n,
    allowed: (lang) => (lang === 'zh' ? `${min} 到 ${max} 的整数` : `a whole number from ${min} to ${max}`),
  };
}

/** A number above `min` (exclusive) and up to `max`. */
function positive(min: number, max: number): Kind<number> {
  return {
    read(v) {
      const n = numberOf(v);
      return n !== undefined && n > min && n <= max ? n : undefined;
    },
    write: (n) => n,
    allowed: (lang) => (lang === 'zh' ? `大于 ${min}、不超过 ${max} 的数字` : `a number above ${min} and up to ${max}`),
  };
}

function share(zeroAllowed: boolean, example: number): Kind<number> {
  const pct = `${Math.round(example * 100)}%`;
  return {
    read(v) {
      const n = shareOf(v);
      return n !== undefined && (zeroAllowed ? n >= 0 : n > 0) && n <= 1 ? n : undefined;
    },
    write: (n) => n,
    allowed: (lang) => zeroAllowed
      ? (lang === 'zh' ? `0 到 1 之间的比例，例如 ${example} 或 ${pct}` : `a share from 0 to 1, such as ${example} or ${pct}`)
      : (lang === 'zh' ? `大于 0、不超过 1 的比例，例如 ${example} 或 ${pct}` : `a share above 0 and up to 1, such as ${example} or ${pct}`),
  };
}

function choice<K extends string>(words: Record<K, Words>): Kind<K> {
  const keys = Object.keys(words) as K[];
  const index = new Map<string, K>();
  for (const k of keys) {
    for (const w of [k, words[k].zh, words[k].en, ...(words[k].also ?? [])]) for (const key of headerKeys(w)) index.set(key, k);
  }
  return {
    read(v) {
      const t = textOf(v);
      return t === '' ? undefined : headerKeys(t).map((k) => index.get(k)).find((k) => k !== undefined);
    },
    write: (k, lang) => words[k][lang],
    allowed: (lang) => {
      const all = keys.map((k) => words[k][lang]);
      return lang === 'zh' ? `${all.join('、')}之一` : `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}`;
    },
  };
}

const weekdays: Kind<number[]> = {
  read: (v) => weekdaysOf(v),
  write: (days, lang) => formatWeekdays(days, lang),
  allowed: (lang) => (lang === 'zh' ? '工作日，例如 周一至周五、周一、周三 或 1-5（1 = 周一）' : 'days such as Mon-Fri, Mon, Wed or 1-5 (1 = Monday)'),
};

const times: Kind<number[]> = {
  read: (v, clock) => timesOf(v, clock),
  write: (minutes) => keepText(formatTimes(minutes)),
  allowed: (lang) => (lang === 'zh' ? '时间，例如 09:00, 10:30（用逗号分隔）' : 'times of day such as 09:00, 10:30, separated by commas'),
};

const timeSpan: Kind<[number, number]> = {
  read: (v) => timeSpanOf(v),
  write: (span, lang) => keepText(formatTimeSpan(span, lang)),
  allowed: (lang) => (lang === 'zh' ? '起止时间，例如 12:00-13:30，或“无”' : 'a start and end time such as 12:00-13:30, or none'),
};

const yesNo: Kind<boolean> = {
  read: (v) => yesNoOf(v),
  write: (b, lang) => (lang === 'zh' ? (b ? '是' : '否') : b ? 'yes' : 'no'),
  allowed: (lang) => (lang === 'zh' ? '是 或 否' : 'yes or no'),
};

const hour: Kind<number> = {
  read(v, clock) {
    // A whole number (6, "6") is an hour; anything else must be a time on the hour (6:00).
    const n = typeof v === 'number' || typeof v === 'string' ? numberOf(v) : undefined;
    if (n !== undefined && Number.isInteger(n)) return n >= 0 && n <= 23 ? n : undefined;
    const m = minutesOf(v, clock);
    return m !== undefined && m % 60 === 0 ? m / 60 : undefined;
  },
  write: (h) => h,
  allowed: (lang) => (lang === 'zh' ? '0 到 23 的整点，例如 6 或 06:00' : 'a whole hour from 0 to 23, such as 6 or 06:00'),
};

/** A customer field named by its label, its key or any header of the synonym table. */
const FIELD_INDEX = (() => {
  const index = new Map<string, CustomerField>();
  for (const f of CUSTOMER_FIELDS) {
    for (const w of [f, ...SYNONYMS.customers[f], fieldLabel('customers', f, 'zh'), fieldLabel('customers', f, 'en')]) {
      for (const key of headerKeys(w)) if (!index.has(key)) index.set(key, f);
    }
  }
  return index;
})();

export function customerFieldOf(text: string): CustomerField | undefined {
  return headerKeys(text).map((k) => FIELD_INDEX.get(k)).find((f) => f !== undefined);
}

const fields: Kind<CustomerField[]> = {
  read(v) {
    if (isNoneWord(v)) return [];
    const t = textOf(v);
    if (t === '') return undefined;
    const out: CustomerField[] = [];
    for (const part of t.normalize('NFKC').split(/[,;、]+/)) {
      if (part.trim() === '') continue;
      const f = customerFieldOf(part);
      if (f === undefined) return undefined;
      if (!out.includes(f)) out.push(f);
    }
    return out;
  },
  write: (list, lang) => (list.length === 0 ? (lang === 'zh' ? '无' : 'none') : list.map((f) => fieldLabel('customers', f, lang)).join(lang === 'zh' ? '、' : ', ')),
  allowed: (lang) => (lang === 'zh' ? '客户表的字段，例如 电话、地址、对口销售员（用顿号或逗号分隔），或“无”' : 'customer fields such as Phone, Address, Sales rep, separated by commas, or none'),
};

const text: Kind<string> = {
  read(v) {
    const t = textOf(v);
    return t === '' ? undefined : t;
  },
  write: (t) => keepText(t),
  allowed: (lang) => (lang === 'zh' ? '不为空的文本' : 'any text that is not empty'),
};

/** Blank or a sheet word: the order sheet; `bigquery:project.dataset.table`: that table. */
const SHEET_WORDS = new Set(['sheet', 'spreadsheet', '工作表', '表格', '订单表'].map((w) => w.toLowerCase()));
const ordersSource: Kind<OrdersSource> = {
  read(v) {
    const t = textOf(v).normalize('NFKC').trim();
    if (SHEET_WORDS.has(t.toLowerCase())) return { kind: 'sheet' };
    const m = /^bigquery\s*:\s*(.+)$/i.exec(t);
    const table = m ? bigQueryTableParts(m[1]) : null;
    return table ? { kind: 'bigquery', table } : undefined;
  },
  write: (source, lang) => (source.kind === 'sheet' ? (lang === 'zh' ? '工作表' : 'sheet') : keepText(`bigquery:${source.table.join('.')}`)),
  allowed: (lang) => (lang === 'zh'
    ? '工作表（或留空：订单在本文件中），或 bigquery:项目.数据集.表，例如 bigquery:my-project.sales.orders'
    : 'sheet (or blank: the orders are in this file), or bigquery:project.dataset.table, such as bigquery:my-project.sales.orders'),
};

const bigQueryColumns: Kind<string[]> = {
  read(v) {
    const parts = textOf(v).normalize('NFKC').split(/[,;、]/).map((p) => p.trim());
    return (parts.length === 3 || parts.length === 4) && parts.every(isColumnName) ? parts : undefined;
  },
  write: (columns) => keepText(columns.join(', ')),
  allowed: (lang) => (lang === 'zh'
    ? '客户、日期、金额三个列名（用逗号分隔），可再加毛利列，例如 customer_id, order_date, amount, margin'
    : 'the customer, date and amount column names separated by commas, and optionally a margin column, such as customer_id, order_date, amount, margin'),
};

/** The words for "the table's own project" (also what a blank cell means). */
const TABLE_PROJECT = { zh: '表所在项目', en: "the table's project" };
const TABLE_PROJECT_KEYS = new Set([TABLE_PROJECT.zh, TABLE_PROJECT.en, "table's project", 'table project'].map((w) => w.toLowerCase()));
const bigQueryProject: Kind<string> = {
  read(v) {
    const t = textOf(v).normalize('NFKC').trim();
    if (TABLE_PROJECT_KEYS.has(t.toLowerCase())) return '';
    return isBigQueryProject(t) ? t : undefined;
  },
  write: (project, lang) => (project === '' ? TABLE_PROJECT[lang] : project),
  allowed: (lang) => (lang === 'zh'
    ? '表所在项目（或留空），或 Google Cloud 项目 ID（小写字母、数字和连字符），例如 my-project'
    : "the table's project (or blank), or a Google Cloud project id (lower-case letters, digits and hyphens), such as my-project"),
};

export interface ParamSpec<K extends ParamKey = ParamKey> {
  key: K;
  names: Words;
  about: Record<Lang, string>;
  kind: Kind<Settings[K]>;
}

type Specs = { [K in ParamKey]: Omit<ParamSpec<K>, 'key'> };

const SPECS: Specs = {
  rfmBins: {
    names: { zh: 'RFM 分档数', en: 'RFM bins' },
    about: { zh: 'R、F、M 各分几档（5 档即 1 到 5 分）。', en: 'How many score levels R, F and M each get (5: scores 1 to 5).' },
    kind: int(2, 9),
  },
  rfmGroupBy: {
    names: { zh: 'RFM 分组', en: 'RFM within' },
    about: { zh: 'RFM 在全部客户中评分，还是在每个区域或城乡分组内分别评分。', en: 'Score RFM over all customers, or within each region or urban/rural group.' },
    kind: choice({
      none: { zh: '不分组', en: 'none', also: ['无', '不使用', '全部', 'all', '—', '-'] },
      region: { zh: '区域', en: 'region', also: ['地区', '按区域'] },
      urbanRural: { zh: '城乡', en: 'urban/rural', also: ['urban-rural', 'urban rural', '按城乡'] },
    }),
  },
  abcBy: {
    names: { zh: 'ABC 依据', en: 'ABC by' },
    about: { zh: 'ABC 分级按销售金额的累计占比，还是按客户数的占比。', en: 'Cut ABC tiers by cumulative share of sales value, or by share of customers.' },
    kind: choice({
      value: { zh: '金额', en: 'value', also: ['销售额', '按金额', 'amount', 'sales'] },
      count: { zh: '客户数', en: 'count', also: ['数量', '按客户数', 'customers', 'number'] },
    }),
  },
  abcAShare: {
    names: { zh: 'A 类占比', en: 'A share', also: ['A 类累计占比', 'ABC A share'] },
    about: { zh: 'A 类客户累计达到的占比（按金额：销售额的占比；按客户数：客户的占比）。', en: 'The share A customers reach (by value: of sales; by count: of customers).' },
    kind: share(false, 0.8),
  },
  abcBShare: {
    names: { zh: 'B 类占比', en: 'B share', also: ['B 类累计占比', 'ABC B share'] },
    about: { zh: 'A、B 类客户合计达到的占比，不小于 A 类占比。', en: 'The share A and B customers reach together; not below the A share.' },
    kind: share(false, 0.95),
  },
  abcMonths: {
    names: { zh: 'ABC 统计月数', en: 'ABC months' },
    about: { zh: '按最近几个月的销售额分级。', en: 'Tiers are cut on the sales of the last so many months.' },
    kind: int(1, 120),
  },
  tierPeriod: {
    names: { zh: '等级周期', en: 'Tier period' },
    about: { zh: '多久重新评定一次等级；升级或降级会显示到下一期。', en: 'How often tiers are re-evaluated; a move up or down shows until the next period.' },
    kind: choice({
      month: { zh: '月', en: 'month', also: ['每月', '按月', 'monthly'] },
      quarter: { zh: '季度', en: 'quarter', also: ['季', '每季度', '按季度', 'quarterly'] },
    }),
  },
  lapseDays: {
    names: { zh: '流失天数', en: 'Lapse after days', also: ['lapse days'] },
    about: { zh: '超过这么多天没有订单就提醒（流失客户）。', en: 'Flag a customer with no order for more than this many days.' },
    kind: int(1, 3650),
  },
  reviewDays: {
    names: { zh: '审核周期（天）', en: 'Review every (days)', also: ['review days'] },
    about: { zh: '客户资料超过这么多天未审核就提醒。', en: 'Flag a profile not reviewed for more than this many days.' },
    kind: int(1, 3650),
  },
  birthdayDays: {
    names: { zh: '生日提前天数', en: 'Birthday days ahead', also: ['birthday days'] },
    about: { zh: '生日前这么多天提醒负责的销售员。', en: 'Remind the account owner this many days before a birthday.' },
    kind: int(0, 366),
  },
  lunarBirthdays: {
    names: { zh: '生日为农历', en: 'Birthdays are lunar', also: ['农历生日', 'lunar birthdays'] },
    about: {
      zh: '客户表的生日一列都是农历日期（单个单元格也可写“农历八月十五”）。',
      en: 'The whole birthday column holds Chinese lunar dates (one cell may also say 农历八月十五).',
    },
    kind: yesNo,
  },
  overdueFactor: {
    names: { zh: '逾期倍数', en: 'Overdue factor' },
    about: { zh: '最近一次拜访或电话超过该等级联系间隔的这么多倍就算逾期。', en: "Overdue when the last visit or call is older than this many times the tier's contact interval." },
    kind: positive(0, 100),
  },
  pAliveThreshold: {
    names: { zh: '存活概率阈值', en: 'P(alive) threshold', also: ['p alive threshold'] },
    about: { zh: '客户仍活跃的概率低于此值时提醒“可能流失”；0 表示关闭。', en: "Flag 'probably lapsing' when the probability a customer is still active is below this; 0 turns the flag off." },
    kind: share(true, 0.3),
  },
  lifetimeModel: {
    names: { zh: '存活模型', en: 'Lifetime model', also: ['lifetime model', 'p alive model', '存活概率模型'] },
    about: {
      zh: '计算存活概率的模型：MBG/NBD（默认；只买过一次、很久没来的客户存活概率会下降）、Pareto/NBD（同样会下降）或 BG/NBD（只买过一次的客户总是 100%）。',
      en: 'The model behind P(alive): MBG/NBD (default; a one-time buyer long gone drops), Pareto/NBD (drops too) or BG/NBD (a one-time buyer always shows 100%).',
    },
    kind: choice({
      mbgnbd: { zh: 'MBG/NBD', en: 'MBG/NBD', also: ['mbgnbd', 'mbg-nbd', 'modified bg/nbd'] },
      paretonbd: { zh: 'Pareto/NBD', en: 'Pareto/NBD', also: ['paretonbd', 'pareto', 'pareto-nbd'] },
      bgnbd: { zh: 'BG/NBD', en: 'BG/NBD', also: ['bgnbd', 'bg-nbd'] },
    }),
  },
  requiredFields: {
    names: { zh: '必填字段', en: 'Required fields' },
    about: { zh: '客户资料必须填写的字段；为空就提醒（只检查表里有的列）。', en: 'Fields a customer record must have; an empty one is flagged (only columns the table has).' },
    kind: fields,
  },
  horizonWeeks: {
    names: { zh: '计划周数', en: 'Horizon (weeks)', also: ['horizon weeks'] },
    about: { zh: '拜访计划往后排几周。', en: 'How many weeks ahead the visit schedule is planned.' },
    kind: int(1, 52),
  },
  workingDays: {
    names: { zh: '工作日', en: 'Working days' },
    about: { zh: '在哪些日子安排拜访和电话。', en: 'The days visits and calls are planned on.' },
    kind: weekdays,
  },
  slots: {
    names: { zh: '时间段', en: 'Time slots', also: ['slots'] },
    about: { zh: '每次联系的开始时间；同一人同一时间只安排一次。', en: 'Start times of the contact slots; one contact per person per slot.' },
    kind: times,
  },
  minGapDays: {
    names: { zh: '最少间隔天数', en: 'Min days between contacts', also: ['min gap days'] },
    about: { zh: '同一客户两次联系（拜访或电话，已记录的也算）至少相隔几天。', en: 'The fewest days between two contacts with one customer (recorded ones count too).' },
    kind: int(0, 60),
  },
  lunchBreak: {
    names: { zh: '午休', en: 'Lunch break', also: ['午休时间', '午餐时间'] },
    about: { zh: '这段时间不安排拜访和电话。', en: 'No visit or call is planned in this time.' },
    kind: timeSpan,
  },
  visitMinutes: {
    names: { zh: '拜访时长（分钟）', en: 'Visit minutes' },
    about: { zh: '日历里一次拜访占用的时间。', en: 'How long a visit is in the calendar.' },
    kind: int(1, 480),
  },
  callMinutes: {
    names: { zh: '电话时长（分钟）', en: 'Call minutes' },
    about: { zh: '日历里一次电话占用的时间。', en: 'How long a call is in the calendar.' },
    kind: int(1, 480),
  },
  keepDays: {
    names: { zh: '保留天数', en: 'Keep past rows (days)', also: ['keep days'] },
    about: { zh: '无人修改过的计划行过了这么多天后删除。', en: 'Schedule rows nobody changed are removed once they are this many days old.' },
    kind: int(0, 3650),
  },
  publicHolidays: {
    names: { zh: '法定节假日', en: 'Public holidays', also: ['节假日', 'holidays'] },
    about: {
      zh: '“中国”：按国务院公布的放假和调休安排（写入下方“休息日”表）；“自动”：简体中文（中国）文件使用，其他文件只用“休息日”表。',
      en: "China: the State Council's holidays and make-up working days (written into the Days off table below); auto: in a Chinese (China) file only, other files use the Days off table alone.",
    },
    kind: choice({
      auto: { zh: '自动', en: 'auto', also: ['默认', 'default'] },
      china: { zh: '中国', en: 'China', also: ['国务院', '中国大陆', 'mainland china', 'cn', 'prc'] },
      none: { zh: '无', en: 'none', also: ['不使用', '不用', '关', 'off'] },
    }),
  },
  festivalCare: {
    names: { zh: '节日问候', en: 'Festival greetings', also: ['节日关怀', 'festival care'] },
    about: {
      zh: '春节和中秋前最后一个工作日，为 A 类客户安排问候或送礼；“自动”：中文文件开启。',
      en: 'A greeting or gift for A customers on the last working day before the Spring Festival and Mid-Autumn; auto: on in a Chinese file.',
    },
    kind: choice({
      auto: { zh: '自动', en: 'auto', also: ['默认', 'default'] },
      on: { zh: '开', en: 'on', also: ['是', '开启', '打开', 'yes', 'true'] },
      off: { zh: '关', en: 'off', also: ['否', '关闭', 'no', 'false'] },
    }),
  },
  dailyHour: {
    names: { zh: '每日运行时间', en: 'Daily run after', also: ['daily hour', '每日运行时间（点）'] },
    about: { zh: '每天这个钟点之后自动运行（按表格的时区）。', en: "The daily run starts after this hour (the spreadsheet's time zone)." },
    kind: hour,
  },
  timeBudgetSeconds: {
    names: { zh: '时间预算（秒）', en: 'Time budget (seconds)', also: ['time budget'] },
    about: { zh: '每次运行最多用这么多秒，没做完的下次继续。', en: 'A run stops after this many seconds and continues on the next run.' },
    kind: int(30, 330),
  },
  dailyEventLimit: {
    names: { zh: '每日新日历邀请上限', en: 'New calendar events per day', also: ['daily event limit'] },
    about: {
      zh: '每天最多新建这么多日历邀请，其余的下一天继续；0 表示不发邀请。邀请过多时 Google 可能暂时把日历设为只读。',
      en: 'At most this many new calendar invites a day; the rest wait for the next day. 0 sends none. Google may make a calendar read-only for a while after many invitations.',
    },
    kind: int(0, 10000),
  },
  calendarId: {
    names: { zh: '日历 ID', en: 'Calendar ID' },
    about: { zh: '在哪个日历里创建邀请（primary：您自己的日历）。', en: 'The calendar the invites are made in (primary: your own calendar).' },
    kind: text,
  },
  ordersSource: {
    names: { zh: '订单来源', en: 'Orders source' },
    about: {
      zh: '每日运行从哪里读订单：工作表为本文件的订单表；bigquery:项目.数据集.表 则从 BigQuery 读取每位客户的汇总（订单不写入本文件），首次使用时会请求 BigQuery 访问权限。',
      en: "Where the daily run reads the orders: sheet for this file's order sheet; bigquery:project.dataset.table reads per-customer sums from BigQuery (the orders never enter this file) and asks for access to BigQuery the first time.",
    },
    kind: ordersSource,
  },
  bigQueryColumns: {
    names: { zh: 'BigQuery 列（客户, 日期, 金额）', en: 'BigQuery columns (customer, date, amount)', also: ['BigQuery columns'] },
    about: {
      zh: 'BigQuery 订单表中客户、日期、金额三列的列名；再写上毛利列即可计算客户象限。',
      en: "The BigQuery order table's customer, date and amount columns; add its margin column for the quadrant.",
    },
    kind: bigQueryColumns,
  },
  bigQueryProject: {
    names: { zh: 'BigQuery 计费项目', en: 'BigQuery billing project', also: ['BigQuery project'] },
    about: {
      zh: '查询费用记在哪个项目（您需有在其中运行作业的权限）；默认为表所在的项目。',
      en: "The project the queries are billed to (you must be allowed to run jobs there); by default the table's project.",
    },
    kind: bigQueryProject,
  },
};

/**
 * Names of parameters that were retired: an old sheet's row is ignored (and dropped when the
 * sheet is next updated), never an unknown setting.
 */
const RETIRED_NAMES: readonly string[] = [
  // maxPerDay, replaced by the Daily capacity table.
  '每人每天上限', 'Max per person per day', 'max per day', 'maxPerDay',
];

const RETIRED_INDEX = new Set(RETIRED_NAMES.flatMap(headerKeys));

export function isRetiredParam(name: string): boolean {
  return headerKeys(name).some((k) => RETIRED_INDEX.has(k));
}

/** The parameters in the order the sheet lists them. */
export const PARAMETERS: readonly ParamSpec[] = (Object.keys(SPECS) as ParamKey[]).map((key) => ({ key, ...SPECS[key] }) as ParamSpec);

export function paramSpec<K extends ParamKey>(key: K): ParamSpec<K> {
  return { key, ...SPECS[key] } as ParamSpec<K>;
}

const NAME_INDEX = (() => {
  const index = new Map<string, ParamKey>();
  for (const p of PARAMETERS) {
    for (const w of [p.key, p.names.zh, p.names.en, ...(p.names.also ?? [])]) for (const k of headerKeys(w)) index.set(k, p.key);
  }
  return index;
})();

/** The parameter a name cell stands for (either language, its key, or a known variant). */
export function paramOf(name: string): ParamKey | undefined {
  return headerKeys(name).map((k) => NAME_INDEX.get(k)).find((k) => k !== undefined);
}

/** "Allowed: …" / "允许：…" for a parameter. */
export function allowedText(key: ParamKey, lang: Lang): string {
  return (SPECS[key].kind as Kind<unknown>).allowed(lang);
}
