/**
 * A Settings value the run cannot use stops the run with one sentence naming the Settings row,
 * the setting and the value, and saying what is allowed.
 */
import { CellValue, isDate } from '../cells';
import { DayClock, daysFromCivil, formatDay } from '../dates';
import type { Lang } from '../locale';
import type { AnyField, TableKey, Tier } from '../model';
import { ROLES, type Role } from '../model';
import { fieldLabel, TABLE_FIELDS, TABLES, tableLabel } from '../tables/synonyms';
import { describeValue, list, quote } from '../tables/wording';
import { ROLE_WORDS } from '../vocabulary';
import type { SectionKey } from './layout';
import { allowedText, paramSpec, type ParamKey } from './parameters';
import { formatTime, minutesOf } from './values';

export type SettingsErrorKey =
  | 'badValue' | 'sharesOrder' | 'unknownSetting' | 'duplicateRow' | 'badCell' | 'requiredUnused' | 'headerTwice'
  | 'hoursOrder' | 'daysOrder';

/** Which cell of a table row was refused (badCell). */
export type SettingsColumn =
  | 'tier' | 'role' | 'visits' | 'calls' | 'months' | 'email' | 'table' | 'field' | 'headers'
  | 'visitsPerDay' | 'callsPerDay' | 'dayStart' | 'dayEnd' | 'from' | 'to' | 'dayKind' | 'person';

export interface SettingsErrorParams {
  /** 1-based row of the Settings sheet. */
  row: number;
  section: SectionKey;
  setting?: ParamKey;
  column?: SettingsColumn;
  value?: CellValue;
  /** The value as each language shows it (dates and times need the spreadsheet's clock). */
  shown?: Record<Lang, string>;
  /** The earlier row a duplicate repeats, the other row of a pair. */
  otherRow?: number;
  tier?: Tier;
  role?: Role;
  table?: TableKey;
  field?: AnyField;
  otherField?: AnyField;
  header?: string;
  /** sharesOrder: the two shares and their rows (none: the default). */
  a?: number;
  b?: number;
  aRow?: number;
  bRow?: number;
  /** hoursOrder: a role's working hours (minutes after midnight). */
  start?: number;
  end?: number;
  /** daysOrder: a Days off row's dates (day numbers). */
  from?: number;
  to?: number;
}

export class SettingsError extends Error {
  constructor(
    readonly key: SettingsErrorKey,
    readonly params: SettingsErrorParams,
  ) {
    super(`${key} on Settings row ${params.row}`);
    this.name = 'SettingsError';
  }
}

export function isSettingsError(e: unknown): e is SettingsError {
  return e instanceof SettingsError;
}

/** A table cell the run cannot use: its row, section, column and value. */
export function badCellError(section: SectionKey, row: number, column: SettingsColumn, value: CellValue, clock: DayClock, extra: Partial<SettingsErrorParams> = {}): SettingsError {
  return new SettingsError('badCell', { row, section, column, value, shown: shownValue(value, clock), ...extra });
}

// Sheets' day zero, 1899-12-30 (and the day before, where a zone's 1899 offset had seconds):
// a Date there is a typed time of day, shown as one.
const TIME_DAYS = new Set([daysFromCivil(1899, 12, 29), daysFromCivil(1899, 12, 30)]);

/** A value as the error sentence shows it, in both languages; a typed time as 09:00. */
export function shownValue(v: CellValue, clock: DayClock): Record<Lang, string> {
  if (isDate(v) && v.getTime() === v.getTime() && TIME_DAYS.has(clock.dayOf(v.getTime()))) {
    const m = minutesOf(v, clock);
    if (m !== undefined) return { zh: `时间 ${formatTime(m)}`, en: `the time ${formatTime(m)}` };
  }
  return { zh: describeValue(v, 'zh', clock), en: describeValue(v, 'en', clock) };
}

const SECTION_NAMES: Record<SectionKey, Record<Lang, string>> = {
  parameters: { zh: '参数', en: 'parameters' },
  policy: { zh: '拜访政策', en: 'visit policy' },
  team: { zh: '团队', en: 'team' },
  mapping: { zh: '列映射', en: 'column mapping' },
  extra: { zh: '额外表头', en: 'extra headers' },
  capacity: { zh: '每日容量', en: 'daily capacity' },
  daysOff: { zh: '休息日', en: 'days off' },
};

const COLUMN_NAMES: Record<SettingsColumn, Record<Lang, string>> = {
  tier: { zh: '等级', en: 'tier' },
  role: { zh: '角色', en: 'role' },
  visits: { zh: '拜访次数', en: 'visits' },
  calls: { zh: '电话次数', en: 'calls' },
  months: { zh: '每几个月', en: 'per months' },
  email: { zh: '邮箱', en: 'e-mail' },
  table: { zh: '表', en: 'table' },
  field: { zh: '字段', en: 'field' },
  headers: { zh: '表头', en: 'headers' },
  visitsPerDay: { zh: '每天拜访', en: 'visits a day' },
  callsPerDay: { zh: '每天电话', en: 'calls a day' },
  dayStart: { zh: '上班时间', en: 'start of the day' },
  dayEnd: { zh: '下班时间', en: 'end of the day' },
  from: { zh: '开始日期', en: 'From date' },
  to: { zh: '结束日期', en: 'To date' },
  dayKind: { zh: '类型', en: 'kind' },
  person: { zh: '人员', en: 'person' },
};

function or(items: readonly string[], lang: Lang): string {
  if (lang === 'zh') return `${items.join('、')}之一`;
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}` : items.join('');
}

function allowedCell(p: SettingsErrorParams, lang: Lang): string {
  switch (p.column) {
    case 'tier': return or(['A', 'B', 'C'], lang);
    case 'role': return or(ROLES.map((r) => ROLE_WORDS[r][lang]), lang);
    case 'visits':
    case 'calls': return lang === 'zh' ? '0 到 100 的整数（空白 = 0）' : 'a whole number from 0 to 100 (empty = 0)';
    case 'months': return lang === 'zh' ? '大于 0、不超过 120 的月数，例如 1、2 或 0.5' : 'a number of months above 0 and up to 120, such as 1, 2 or 0.5';
    case 'email': return lang === 'zh' ? '邮箱地址（例如 name@example.com），或空白' : 'an e-mail address such as name@example.com, or empty';
    case 'table': return or(TABLES.map((t) => tableLabel(t, lang)), lang);
    case 'field': {
      const t = p.table ?? 'customers';
      const fields = (TABLE_FIELDS[t] as readonly AnyField[]).map((f) => fieldLabel(t, f as never, lang));
      return lang === 'zh' ? `${tableLabel(t, lang)}表的字段：${list(fields, lang)}` : `a field of ${tableLabel(t, lang)}: ${list(fields, lang)}`;
    }
    case 'headers': return lang === 'zh' ? '用逗号或顿号分隔的表头' : 'headers separated by commas';
    case 'visitsPerDay': return lang === 'zh' ? '0 到 50 的整数（空白 = 0）' : 'a whole number from 0 to 50 (empty = 0)';
    case 'callsPerDay': return lang === 'zh' ? '0 到 100 的整数（空白 = 0）' : 'a whole number from 0 to 100 (empty = 0)';
    case 'dayStart': return lang === 'zh' ? '时间，例如 09:00（空白 = 09:00）' : 'a time of day such as 09:00 (empty = 09:00)';
    case 'dayEnd': return lang === 'zh' ? '时间，例如 17:30（空白 = 17:30）' : 'a time of day such as 17:30 (empty = 17:30)';
    case 'from': return lang === 'zh' ? '日期，例如 2026-10-01' : 'a date such as 2026-10-01';
    case 'to': return lang === 'zh' ? '日期，例如 2026-10-08，或空白（= 开始日期）' : 'a date such as 2026-10-08, or empty (= the From date)';
    case 'dayKind': return lang === 'zh' ? '休息（放假、关闭、请假）或上班（工作、补班），空白 = 休息' : 'off (closed, leave) or working (work); empty = off';
    case 'person': return lang === 'zh' ? '“团队”表里的姓名、代码或邮箱，或空白（= 全体）' : 'a name, code or e-mail from the Team table, or empty (= the whole team)';
    default: return '';
  }
}

function mappingRow(table: TableKey | undefined, field: AnyField | undefined, lang: Lang): string {
  if (!table || !field) return '';
  return `${tableLabel(table, lang)} · ${fieldLabel(table, field as never, lang)}`;
}

function shown(p: SettingsErrorParams, lang: Lang): string {
  return p.shown?.[lang] ?? describeValue(p.value, lang);
}

export function describeSettingsError(e: SettingsError, lang: Lang): string {
  const p = e.params;
  const zh = lang === 'zh';
  const where = zh
    ? `“设置”表第 ${p.row} 行${p.section === 'parameters' ? '' : `（${SECTION_NAMES[p.section].zh}）`}：`
    : `Settings row ${p.row}${p.section === 'parameters' ? '' : ` (${SECTION_NAMES[p.section].en})`}: `;
  const name = p.setting ? paramSpec(p.setting).names[lang] : '';
  switch (e.key) {
    case 'badValue':
      return where + (zh
        ? `${name}的值是${shown(p, lang)}。允许：${allowedText(p.setting!, lang)}。`
        : `the value of ${name} is ${shown(p, lang)}. Allowed: ${allowedText(p.setting!, lang)}.`);
    case 'sharesOrder': {
      const at = (r: number | undefined) => (r === undefined ? (zh ? '默认值' : 'the default') : (zh ? `第 ${r} 行` : `row ${r}`));
      const a = `${paramSpec('abcAShare').names[lang]}${zh ? `（${p.a}，${at(p.aRow)}）` : ` (${p.a}, ${at(p.aRow)})`}`;
      const b = `${paramSpec('abcBShare').names[lang]}${zh ? `（${p.b}，${at(p.bRow)}）` : ` (${p.b}, ${at(p.bRow)})`}`;
      return where + (zh ? `${a}不能大于${b}。` : `${a} must not be larger than ${b}.`);
    }
    case 'unknownSetting':
      if (p.value === '' || p.value === null || p.value === undefined) {
        return where + (zh ? '这一行有值，但没有设置项名称。请填写名称，或清空这一行。' : 'this row has a value but no setting name. Write the name, or clear the row.');
      }
      return where + (zh
        ? `${quote(String(p.value ?? ''), lang)}不是 Kehu 的设置项。请改正名称，或清空这一行。`
        : `${quote(String(p.value ?? ''), lang)} is not a setting Kehu knows. Correct the name, or clear the row.`);
    case 'duplicateRow': {
      const what = p.setting ? name
        : p.section === 'policy' ? `${p.tier} · ${p.role ? ROLE_WORDS[p.role][lang] : ''}`
        : p.section === 'capacity' ? (p.role ? ROLE_WORDS[p.role][lang] : '')
        : mappingRow(p.table, p.field, lang);
      return where + (zh
        ? `${what}已在第 ${p.otherRow} 行出现。请只保留一行。`
        : `${what} is already on row ${p.otherRow}. Keep one of the two rows.`);
    }
    case 'badCell':
      return where + (zh
        ? `${COLUMN_NAMES[p.column!].zh}是${shown(p, lang)}。允许：${allowedCell(p, lang)}。`
        : `the ${COLUMN_NAMES[p.column!].en} is ${shown(p, lang)}. Allowed: ${allowedCell(p, lang)}.`);
    case 'requiredUnused':
      return where + (zh
        ? `${mappingRow(p.table, p.field, lang)}被设为不使用，但 Kehu 需要这一列。请填写它的表头，或清空该单元格让 Kehu 自动查找。`
        : `${mappingRow(p.table, p.field, lang)} is marked as not used, but Kehu needs that column. Write its header, or clear the cell to let Kehu find it.`);
    case 'hoursOrder': {
      const start = formatTime(p.start ?? 0);
      const end = formatTime(p.end ?? 0);
      return where + (zh
        ? `上班时间 ${start} 不早于下班时间 ${end}。上班时间要早于下班时间。`
        : `the day starts at ${start}, not before it ends (${end}). The start must come before the end.`);
    }
    case 'daysOrder':
      return where + (zh
        ? `结束日期 ${formatDay(p.to ?? 0)} 早于开始日期 ${formatDay(p.from ?? 0)}。`
        : `the To date ${formatDay(p.to ?? 0)} is before the From date ${formatDay(p.from ?? 0)}.`);
    case 'headerTwice': {
      const header = quote(p.header ?? '', lang);
      return where + (zh
        ? `表头${header}已在第 ${p.otherRow} 行用于${mappingRow(p.table, p.otherField, lang)}，不能再用于${mappingRow(p.table, p.field, lang)}。一个表头只能对应一个字段。`
        : `the header ${header} is already given for ${mappingRow(p.table, p.otherField, lang)} on row ${p.otherRow}, so it cannot stand for ${mappingRow(p.table, p.field, lang)} too. A header stands for one field.`);
    }
  }
}
