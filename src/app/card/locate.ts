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
import type { RunContext } from '../frame';
import { isOwnSheet, ownSheetNames } from '../ownSheets';
import { UserError } from '../userError';

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

export function cardTables(ctx: RunContext): CardTables {
  const cached = ctx.shared.get('cardTables') as CardTables | undefined;
  if (cached) return cached;
  try {
    const settingsSheet = ctx.wb.findSheet(ownSheetNames('settings', ctx.lang));
    const settings = settingsSheet ? readSettingsSheet(ctx.wb.read(settingsSheet), ctx.clock) : defaultSettings();
    const tops = ctx.wb.sheetNames().filter((n) => !isOwnSheet(n)).map((name) => ({ name, top: ctx.wb.readTop(name, HEADER_SCAN_ROWS) }));
    const mapping = detectTables(tops, { synonyms: settings.synonyms, choices: settings.mappingChoices, ignoreSheets: isOwnSheet });
    const top = tops.find((t) => t.name === mapping.customers.sheet)!.top;
    const out = { settings, mapping, customerHeader: (top[mapping.customers.headerRow - 1] ?? []) as CellValue[] };
    ctx.shared.set('cardTables', out);
    return out;
  } catch (e) {
    if (isMappingError(e)) throw new UserError((lang) => describeMappingError(e, lang));
    if (isSettingsError(e)) throw new UserError((lang) => describeSettingsError(e, lang));
    throw e;
  }
}

/** 1-based rows (after the header) whose cell in `column` holds `id`, top to bottom. */
export function rowsWithId(ctx: RunContext, sheet: string, headerRow: number, column: number, id: string): number[] {
  const cells = ctx.wb.readFresh(sheet, headerRow + 1, column, Number.MAX_SAFE_INTEGER, 1);
  const out: number[] = [];
  for (let i = 0; i < cells.length; i++) if (idOf(cells[i][0]) === id) out.push(headerRow + 1 + i);
  return out;
}

/** The customer's row in the customer table, or null. */
export function customerRow(ctx: RunContext, m: TableMapping<'customers'>, id: string): number | null {
  const rows = rowsWithId(ctx, m.sheet, m.headerRow, m.columns.id!, id);
  return rows.length > 0 ? rows[0] : null;
}

/** Reads the given rows (all columns up to `width`), runs of consecutive rows in one call each. */
export function readRows(ctx: RunContext, sheet: string, rows: readonly number[], width: number): CellValue[][] {
  const out: CellValue[][] = [];
  const sorted = [...rows].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(...ctx.wb.readFresh(sheet, sorted[i], 1, j - i + 1, width));
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
