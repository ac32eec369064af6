/**
 * The Settings sheet's shape: a title row, a how-to line, then sections, each a title in column
 * A (column B empty), a header row and its rows. Titles and headers are recognized in both
 * languages, so a file whose locale changed still reads; the scan below is shared by the reader
 * and the updater so both see the same sections.
 */
import type { CellValue } from '../cells';
import type { Lang } from '../locale';
import type { AnyField, TableKey } from '../model';
import { fieldLabel, headerKeys, synonymsOf, TABLE_FIELDS, TABLE_WORDS, TABLES, tableLabel } from '../tables/synonyms';
import { textOf } from './values';

export type SectionKey = 'parameters' | 'policy' | 'capacity' | 'team' | 'daysOff' | 'mapping' | 'extra';
export const SECTIONS: readonly SectionKey[] = ['parameters', 'policy', 'capacity', 'team', 'daysOff', 'mapping', 'extra'];

/** Columns every row of the sheet is padded to (the widest section: Days off). */
export const SHEET_WIDTH = 6;

export const SHEET_TITLE: Record<Lang, string> = { zh: 'Kehu · 设置', en: 'Kehu · Settings' };

export const HOW_TO: Record<Lang, string> = {
  zh: '在 B 列修改数值，每次运行都会检查所有设置。列映射的表头留空由 Kehu 自动查找；写“—”表示不使用该字段。',
  en: 'Change values in column B; every run checks them. In the column mapping, leave a header blank to let Kehu find it, or write — to leave a field unused.',
};

interface SectionWords {
  title: Record<Lang, string>;
  also: readonly string[];
  columns: Record<Lang, readonly string[]>;
  /** A hint written beside the title (column C), for a table whose rules are not obvious. */
  hint?: Record<Lang, string>;
}

export const SECTION_WORDS: Record<SectionKey, SectionWords> = {
  parameters: {
    title: { zh: '参数', en: 'Parameters' },
    also: ['设置', '参数设置', 'Settings', 'Parameter'],
    columns: { zh: ['设置项', '值', '说明（含义和允许的值）'], en: ['Setting', 'Value', 'What it means and what is allowed'] },
  },
  policy: {
    title: { zh: '拜访政策', en: 'Visit policy' },
    also: ['拜访频率', '客户访问管理', 'Policy', 'Visit plan'],
    columns: { zh: ['等级', '角色', '拜访次数', '电话次数', '每几个月'], en: ['Tier', 'Role', 'Visits', 'Calls', 'Per months'] },
  },
  capacity: {
    title: { zh: '每日容量', en: 'Daily capacity' },
    also: ['每天容量', '容量', 'Capacity', 'Capacity per day'],
    columns: { zh: ['角色', '每天拜访', '每天电话', '上班', '下班'], en: ['Role', 'Visits a day', 'Calls a day', 'Day starts', 'Day ends'] },
    hint: { zh: '每人每天最多的拜访和电话次数，以及上下班时间；没有列出的角色用默认值。', en: 'The most visits and calls one person makes a day, and the working hours; a role not listed keeps its default.' },
  },
  team: {
    title: { zh: '团队', en: 'Team' },
    also: ['销售团队', '人员', 'Sales team', 'People'],
    columns: { zh: ['角色', '姓名', '代码', '邮箱', '区域'], en: ['Role', 'Name', 'Code', 'E-mail', 'Region'] },
  },
  daysOff: {
    title: { zh: '休息日', en: 'Days off' },
    also: ['休假', '假期', '休息日期', 'Closures', 'Holidays and leave'],
    columns: { zh: ['从', '到', '类型', '人员', '说明', '来源'], en: ['From', 'To', 'Kind', 'Person', 'Note', 'Source'] },
    hint: {
      zh: '来源为“国务院”的行由 Kehu 每次运行按国务院的放假安排更新，其他行保持原样。要在法定假日上班，另加一行“上班”。人员留空 = 全体。',
      en: 'Rows whose source is State Council are refreshed by Kehu on every run; other rows stay as typed. To work on a public holiday, add a row of kind working. Person empty = the whole team.',
    },
  },
  mapping: {
    title: { zh: '列映射', en: 'Column mapping' },
    also: ['列对应', '字段映射', 'Mapping', 'Columns'],
    columns: { zh: ['表', '字段', '工作表', '表头'], en: ['Table', 'Field', 'Sheet', 'Header'] },
  },
  extra: {
    title: { zh: '额外表头', en: 'Extra headers' },
    also: ['其他表头', '自定义表头', 'More headers', 'Synonyms'],
    columns: { zh: ['表', '字段', '表头（用 , ，、 分隔）'], en: ['Table', 'Field', 'Headers (separated by , ，、)'] },
  },
};

function indexOf<K extends string>(entries: [K, readonly string[]][]): Map<string, K> {
  const index = new Map<string, K>();
  for (const [key, words] of entries) for (const w of words) for (const k of headerKeys(w)) index.set(k, key);
  return index;
}

const TITLE_INDEX = indexOf(SECTIONS.map((s) => [s, [SECTION_WORDS[s].title.zh, SECTION_WORDS[s].title.en, ...SECTION_WORDS[s].also]]));
const HEADER_INDEX = new Map(SECTIONS.map((s) => [s, new Set([SECTION_WORDS[s].columns.zh[0], SECTION_WORDS[s].columns.en[0]].flatMap(headerKeys))]));
const TABLE_INDEX = indexOf(TABLES.map((t) => [t, [t, tableLabel(t, 'zh'), tableLabel(t, 'en'), ...TABLE_WORDS[t]]]));

export function tableOf(v: CellValue): TableKey | undefined {
  const t = textOf(v);
  return t === '' ? undefined : headerKeys(t).map((k) => TABLE_INDEX.get(k)).find((k) => k !== undefined);
}

function blank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined;
}

export function isBlankRow(row: readonly CellValue[]): boolean {
  for (const v of row) if (!blank(v)) return false;
  return true;
}

/** What one row of the Settings sheet is. */
export type RowRole =
  | { kind: 'outside' }
  | { kind: 'blank' }
  | { kind: 'title'; section: SectionKey }
  | { kind: 'header'; section: SectionKey }
  | { kind: 'data'; section: SectionKey };

/**
 * The role of every row. A section runs from its title to the next title; blank rows inside it
 * are skipped, and the first row after the title is its header row when column A holds the
 * header word (a header row a person deleted is not missed).
 */
export function scanSheet(grid: readonly (readonly CellValue[])[]): RowRole[] {
  const out: RowRole[] = [];
  let section: SectionKey | null = null;
  let expectHeader = false;
  for (const row of grid) {
    const a = textOf(row[0]);
    const title = a === '' ? undefined : headerKeys(a).map((k) => TITLE_INDEX.get(k)).find((k) => k !== undefined);
    if (title !== undefined && blank(row[1])) {
      section = title;
      expectHeader = true;
      out.push({ kind: 'title', section });
      continue;
    }
    if (isBlankRow(row)) {
      out.push({ kind: section ? 'blank' : 'outside' } as RowRole);
      continue;
    }
    if (!section) {
      out.push({ kind: 'outside' });
      continue;
    }
    if (expectHeader && headerKeys(a).some((k) => HEADER_INDEX.get(section!)!.has(k))) {
      expectHeader = false;
      out.push({ kind: 'header', section });
      continue;
    }
    expectHeader = false;
    out.push({ kind: 'data', section });
  }
  return out;
}

/** A section's title row, header row and rows, then the blank row that separates sections. */
export function sectionBlock(section: SectionKey, rows: readonly CellValue[][], lang: Lang): CellValue[][] {
  const w = SECTION_WORDS[section];
  const title = w.hint ? [w.title[lang], '', w.hint[lang]] : [w.title[lang]];
  return [title, [...w.columns[lang]], ...rows, []];
}

/** Rows padded with '' to one width, as setValues needs. */
export function rectangular(rows: readonly (readonly CellValue[])[], width = SHEET_WIDTH): CellValue[][] {
  const w = Math.max(width, ...rows.map((r) => r.length));
  return rows.map((r) => {
    const out = r.slice();
    while (out.length < w) out.push('');
    return out;
  });
}

const FIELD_INDEX = new Map(TABLES.map((t) => {
  const index = new Map<string, AnyField>();
  const fields = TABLE_FIELDS[t] as readonly AnyField[];
  // Labels and keys first, then the synonym table: a label always names its own field.
  for (const f of fields) for (const w of [fieldLabel(t, f as never, 'zh'), fieldLabel(t, f as never, 'en'), f]) for (const k of headerKeys(w)) index.set(k, f);
  for (const f of fields) for (const w of synonymsOf(t, f)) for (const k of headerKeys(w)) if (!index.has(k)) index.set(k, f);
  return [t, index];
}));

/** The field of `table` a Settings cell names: its label in either language, its key or a synonym. */
export function fieldOf(table: TableKey, v: CellValue): AnyField | undefined {
  const t = textOf(v);
  return t === '' ? undefined : headerKeys(t).map((k) => FIELD_INDEX.get(table)!.get(k)).find((k) => k !== undefined);
}
