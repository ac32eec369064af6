/**
 * The parameters of the Settings sheet: their names in both languages, what they mean, what is
 * allowed, and how a cell is read and written. One list, so the sheet, the reader and the error
 * sentences cannot drift apart.
 */
import type { CellValue } from '../cells';
import type { DayClock } from '../dates';
import type { Lang } from '../locale';
import { CUSTOMER_FIELDS, type CustomerField, type Settings } from '../model';
import { fieldLabel, headerKeys, SYNONYMS } from '../tables/synonyms';
import { keepText } from './cellText';
import {
  formatTimes, formatWeekdays, isNoneWord, minutesOf, numberOf, shareOf, textOf, timesOf, weekdaysOf,
} from './values';

export type ParamKey = Exclude<keyof Settings, 'policy' | 'team' | 'synonyms' | 'mappingChoices'>;

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
  write: (minutes) => formatTimes(minutes),
  allowed: (lang) => (lang === 'zh' ? '时间，例如 09:00, 10:30（用逗号分隔）' : 'times of day such as 09:00, 10:30, separated by commas'),
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
  maxPerDay: {
    names: { zh: '每人每天上限', en: 'Max per person per day', also: ['max per day'] },
    about: { zh: '每人每天最多安排几次拜访和电话。', en: 'At most this many visits and calls per person per day.' },
    kind: int(1, 50),
  },
  slots: {
    names: { zh: '时间段', en: 'Time slots', also: ['slots'] },
    about: { zh: '每次联系的开始时间；同一人同一时间只安排一次。', en: 'Start times of the contact slots; one contact per person per slot.' },
    kind: times,
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
    about: { zh: '每天最多新建这么多日历邀请，其余的下一天继续；0 表示不发邀请。', en: 'At most this many new calendar invites a day; the rest wait for the next day. 0 sends none.' },
    kind: int(0, 10000),
  },
  calendarId: {
    names: { zh: '日历 ID', en: 'Calendar ID' },
    about: { zh: '在哪个日历里创建邀请（primary：您自己的日历）。', en: 'The calendar the invites are made in (primary: your own calendar).' },
    kind: text,
  },
};

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
