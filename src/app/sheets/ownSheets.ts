/**
 * The add-on's own sheets, each known under its Chinese and its English name so a file whose
 * locale changed keeps using the sheets it has. The first name of the file's language is used
 * when a sheet is created.
 */
import type { Lang } from '../../core/locale';
import type { RunContext } from '../run/frame';

export type OwnSheet = 'settings' | 'schedule' | 'log' | 'changes' | 'state' | 'calendar' | 'dashboard' | 'unplaced';

const NAMES: Record<OwnSheet, Record<Lang, string>> = {
  settings: { zh: '设置', en: 'Settings' },
  schedule: { zh: '拜访计划', en: 'Visit schedule' },
  log: { zh: 'Kehu · 日志', en: 'Kehu · Log' },
  changes: { zh: 'Kehu · 修改记录', en: 'Kehu · Change log' },
  state: { zh: 'Kehu · 客户状态', en: 'Kehu · Customer state' },
  calendar: { zh: 'Kehu · 日历记录', en: 'Kehu · Calendar' },
  dashboard: { zh: 'Kehu · 仪表盘', en: 'Kehu · Dashboard' },
  unplaced: { zh: 'Kehu · 未排入', en: 'Kehu · Not placed' },
};

/** The names to look for, the file's language first. */
export function ownSheetNames(sheet: OwnSheet, lang: Lang): string[] {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return [NAMES[sheet][lang], NAMES[sheet][other]];
}

export function newSheetName(sheet: OwnSheet, lang: Lang): string {
  return NAMES[sheet][lang];
}

const ALL = new Set(Object.values(NAMES).flatMap((n) => [n.zh, n.en]));

/** Whether a sheet is one of the add-on's (never searched for the team's tables). */
export function isOwnSheet(name: string): boolean {
  return ALL.has(name);
}

/**
 * Trims one of the add-on's own sheets to the rows and columns it uses (at least `rows` ×
 * `columns`; never a used cell): Sheets makes a new sheet 1,000 × 26, and those cells count
 * toward the file's limit of 10 million. Call it at the end of a step that wrote the sheet; a
 * sheet already at that size costs four reads and no change. Answers the size kept (null: not an
 * own sheet, left alone).
 */
export function trimOwnSheet(ctx: RunContext, name: string, rows = 0, columns = 0): { rows: number; columns: number } | null {
  // Never a team's sheet: a name missing from NAMES above is left as it is.
  if (!isOwnSheet(name)) return null;
  return ctx.wb.trimTo(name, rows, columns);
}
