/**
 * Finding things for the customer card without reading whole tables: the tables' headers from
 * the first rows of each sheet, a customer's row by id from one column, the rows of one customer
 * in the contact log and the schedule from one column each plus those rows.
 */
import type { CellValue } from '../../core/cells';
import type { CustomerField, Settings, TableMapping, WorkbookMapping } from '../../core/model';
import { detectTables, HEADER_SCAN_ROWS, isMappingError } from '../../core/tables/detect';
import { describeMappingError } from '../../core/tables/mappingText';
import { readSettingsSheet } from '../../core/settings/read';
import { defaultSettings } from '../../core/settings/defaults';
import { describeSettingsError, isSettingsError } from '../../core/settings/read';
import type { RunContext } from '../run/frame';
import { isOwnSheet, ownSheetNames } from '../sheets/ownSheets';
import { UserError } from '../run/userError';

export interface CardTables {
  settings: Settings;
  mapping: WorkbookMapping;
  /** Header rows as read (for labels and the add-on's own columns). */
  customerHeader: CellValue[];
}

/** A customer id as the tables module reads it: text trimmed, numbers as written. */
export function idOf(v: CellValue | undefined): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return '';
}

const sameRow = (a: readonly CellValue[], b: readonly CellValue[]): boolean =>
  a.length === b.length && a.every((v, i) => String(v) === String(b[i]));

/**
 * The settings and the tables' mapping, found from the first rows of every sheet: what the card
 * does when no setup is kept yet (see setup.ts), and a save when the header row changed.
 */
export function detectCardTables(ctx: RunContext): CardTables {
  const cached = ctx.shared.get('cardTables') as CardTables | undefined;
  if (cached) return cached;
  try {
    const settingsSheet = ctx.wb.findSheet(ownSheetNames('settings', ctx.lang));
    const grid = settingsSheet ? ctx.wb.read(settingsSheet) : [];
    const settings = grid.length > 0 ? readSettingsSheet(grid, ctx.clock) : defaultSettings();
    const tops = ctx.wb.sheetNames().filter((n) => !isOwnSheet(n)).map((name) => ({ name, top: ctx.wb.readTop(name, HEADER_SCAN_ROWS) }));
    const mapping = detectTables(tops, { synonyms: settings.synonyms, choices: settings.mappingChoices, ignoreSheets: isOwnSheet, ordersElsewhere: settings.ordersSource.kind === 'bigquery' });
    const headerOf = (sheet: string, row: number): CellValue[] => (tops.find((t) => t.name === sheet)!.top[row - 1] ?? []) as CellValue[];
    const { warnings: _warnings, ...plain } = mapping as WorkbookMapping & { warnings?: unknown };
    const out = { settings, mapping: plain as WorkbookMapping, customerHeader: headerOf(mapping.customers.sheet, mapping.customers.headerRow) };
    ctx.shared.set('cardTables', out);
    return out;
  } catch (e) {
    if (isMappingError(e)) throw new UserError((lang) => describeMappingError(e, lang));
    if (isSettingsError(e)) throw new UserError((lang) => describeSettingsError(e, lang));
    throw e;
  }
}

/** Whether two header rows are the same cells. */
export function sameHeaderRow(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  return sameRow(a, b);
}

/** 1-based rows (after the header) whose cell in `column` holds `id`, top to bottom. */
export function rowsWithId(ctx: RunContext, sheet: string, headerRow: number, column: number, id: string, maxRows = Number.MAX_SAFE_INTEGER): number[] {
  const cells = ctx.wb.readFresh(sheet, headerRow + 1, column, maxRows, 1);
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) if (idOf(cells[i][0]) === id) out.push(headerRow + 1 + i);
  return out;
}

/**
 * The customer's row in the customer table, or null: the row the card shows when it still holds
 * the id (a copied row may carry the same id), else the first row that does.
 */
export function customerRow(ctx: RunContext, m: TableMapping<'customers'>, id: string, shown?: number): number | null {
  const idColumn = m.columns.id!;
  if (shown !== undefined && Number.isInteger(shown) && shown > m.headerRow) {
    const cell = ctx.wb.readBlock(m.sheet, shown, idColumn, 1, 1)[0]?.[0];
    if (idOf(cell) === id) return shown;
  }
  const rows = rowsWithId(ctx, m.sheet, m.headerRow, idColumn, id);
  return rows.length > 0 ? rows[0] : null;
}

/** Rows apart that are still read in one call (a few rows too many cost less than a round trip). */
const READ_GAP = 8;

/**
 * Reads the given rows (all columns up to `width`): rows no more than READ_GAP apart are read
 * in one call with what lies between, then only the asked rows are kept, in order.
 */
export function readRows(ctx: RunContext, sheet: string, rows: readonly number[], width: number): CellValue[][] {
  const out: CellValue[][] = [];
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] - sorted[j] <= READ_GAP) j++;
    const block = ctx.wb.readFresh(sheet, sorted[i], 1, sorted[j] - sorted[i] + 1, width);
    for (let k = i; k <= j; k++) {
      const line = block[sorted[k] - sorted[i]];
      if (line) out.push(line);
    }
    i = j + 1;
  }
  return out;
}

/** The cell of a field in a row of a table (row cells from column A). */
export function cellOf<T extends TableMapping>(m: T, row: readonly CellValue[], field: keyof T['columns']): CellValue | undefined {
  const column = (m.columns as Record<string, number | undefined>)[field as string];
  return column === undefined ? undefined : row[column - 1];
}

export const CUSTOMER_FIELDS_SHOWN: readonly CustomerField[] = [
  'contact', 'phone', 'email', 'wechat', 'address', 'postcode', 'type', 'region', 'urbanRural',
  'birthday', 'creditLimit', 'outstanding', 'paymentTerms', 'lastReviewed', 'bankAccount',
];
