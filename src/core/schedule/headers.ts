/**
 * The schedule sheet's header words and where each column is found. The add-on writes its own
 * headers, but a person may move columns, insert their own, or change the file's language, so
 * columns are found by header in either language wherever they are.
 */
import type { CellValue } from '../cells';
import type { Lang } from '../locale';
import { normalizeWord } from '../vocabulary';
import { SCHEDULE_COLUMNS, ScheduleColumn } from './types';

export const SCHEDULE_SHEET_NAMES: Record<Lang, string> = { zh: '拜访计划', en: 'Visit schedule' };

export const SCHEDULE_HEADERS: Record<ScheduleColumn, { zh: string; en: string; also: readonly string[] }> = {
  date: { zh: '日期', en: 'Date', also: [] },
  time: { zh: '时间', en: 'Time', also: ['时间段', 'slot', 'time slot'] },
  customerId: { zh: '客户代码', en: 'Customer ID', also: ['客户编号', '客户编码'] },
  customerName: { zh: '客户名称', en: 'Customer', also: ['客户', 'customer name', 'name'] },
  area: { zh: '区域', en: 'Area', also: ['地区', '城市', 'region', 'city'] },
  kind: { zh: '方式', en: 'Kind', also: ['类型', '联系方式'] },
  purpose: { zh: '事由', en: 'Purpose', also: ['原因', '目的', 'reason', 'why'] },
  role: { zh: '角色', en: 'Role', also: [] },
  person: { zh: '人员', en: 'Person', also: ['拜访人'] },
  with: { zh: '同行', en: 'With', also: ['陪访', '陪同', 'together with', 'joint'] },
  email: { zh: '邮箱', en: 'E-mail', also: ['email', '电子邮件'] },
  status: { zh: '状态', en: 'Status', also: [] },
  note: { zh: '备注', en: 'Note', also: ['notes'] },
  eventId: { zh: '日历事件 ID', en: 'Calendar event ID', also: ['event id', '日历事件'] },
  rowId: { zh: 'Kehu ID', en: 'Kehu ID', also: [] },
  check: { zh: 'Kehu · 校验', en: 'Kehu · check', also: ['校验', 'check'] },
};

const HEADER_INDEX = new Map<string, ScheduleColumn>();
for (const column of SCHEDULE_COLUMNS) {
  const h = SCHEDULE_HEADERS[column];
  for (const word of [h.zh, h.en, ...h.also]) HEADER_INDEX.set(normalizeWord(word), column);
}

/** The column a header cell names, or null. */
export function columnOfHeader(v: CellValue): ScheduleColumn | null {
  return typeof v === 'string' ? HEADER_INDEX.get(normalizeWord(v)) ?? null : null;
}

/** How many rows from the top may hold the header (a person may put a title above it). */
export const HEADER_SEARCH_ROWS = 5;
/** A row is the header when it names at least this many columns (so a data row saying "Date" is not). */
const MIN_HEADER_COLUMNS = 3;

export interface Layout {
  /** 0-based index of the header row in the grid. */
  headerIndex: number;
  /** 0-based grid column of each known column found (the first one when a header repeats). */
  columns: Partial<Record<ScheduleColumn, number>>;
  /** 0-based grid columns the add-on does not know, with their header text. */
  extra: { column: number; header: string }[];
}

/** The header row among the first few (the one naming the most columns) and the columns it names. */
export function findLayout(grid: readonly (readonly CellValue[])[]): Layout | null {
  let best: Layout | null = null;
  let bestCount = MIN_HEADER_COLUMNS - 1;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.length); r++) {
    const columns: Partial<Record<ScheduleColumn, number>> = {};
    let count = 0;
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const column = columnOfHeader(row[c]);
      if (column && columns[column] === undefined) {
        columns[column] = c;
        count++;
      }
    }
    if (count > bestCount) {
      bestCount = count;
      best = { headerIndex: r, columns, extra: [] };
    }
  }
  if (!best) return null;
  // Every other column that has anything in it (header or cells below) is a person's: kept.
  const known = new Set(Object.values(best.columns));
  let width = 0;
  for (let r = best.headerIndex; r < grid.length; r++) width = Math.max(width, grid[r].length);
  for (let c = 0; c < width; c++) {
    if (known.has(c)) continue;
    let used = false;
    for (let r = best.headerIndex; r < grid.length && !used; r++) used = !isEmpty(grid[r][c]);
    if (used) best.extra.push({ column: c, header: headerText(grid[best.headerIndex][c]) });
  }
  return best;
}

/** The header row the add-on writes. */
export function headerRow(lang: Lang): string[] {
  return SCHEDULE_COLUMNS.map((c) => SCHEDULE_HEADERS[c][lang]);
}

function isEmpty(v: CellValue): boolean {
  return v === '' || v === null || v === undefined;
}

function headerText(v: CellValue): string {
  return isEmpty(v) ? '' : String(v);
}
