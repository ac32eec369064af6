/**
 * A few real service calls, timed, for "Check this file": how long this file's round trips take
 * in Google's Sheets today, to compare with the cost model the bench uses (docs/cost-model.md).
 * Each probe touches only what the add-on owns: a small range of one of its own sheets, a
 * property and a cache entry under its own key, removed again.
 */
import { nowMs } from './clock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function timed(f: () => void): number {
  const t0 = nowMs();
  f();
  return nowMs() - t0;
}

/**
 * One read of a block of `sheetName`, then one write of the same values back, made to happen
 * with a flush (Apps Script holds writes back until a read or the end; without the flush the
 * write would cost nothing here and its time would land on a later call).
 */
export function timeReadWrite(ss: Spreadsheet, sheetName: string, numRows: number, numColumns: number): { readMs: number; writeMs: number; cells: number } {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new Error(`Kehu: the sheet "${sheetName}" is missing`);
  let values: unknown[][] = [];
  const readMs = timed(() => {
    values = sheet.getRange(1, 1, numRows, numColumns).getValues();
  });
  const writeMs = timed(() => {
    sheet.getRange(1, 1, numRows, numColumns).setValues(values);
    SpreadsheetApp.flush();
  });
  return { readMs, writeMs, cells: numRows * numColumns };
}

/** A document property set, read back and removed: the round trips a run's cursor makes. */
export function timePropertyRoundTrip(key: string): { setMs: number; getMs: number } {
  const props = PropertiesService.getDocumentProperties();
  const value = String(nowMs());
  const setMs = timed(() => props.setProperty(key, value));
  let read: string | null = null;
  const getMs = timed(() => {
    read = props.getProperty(key);
  });
  props.deleteProperty(key);
  if (read !== value) throw new Error('Kehu: the document property read back differs from what was written');
  return { setMs, getMs };
}

/** A document cache entry put, read back and removed (the card and the custom functions keep things there). */
export function timeCacheRoundTrip(key: string): { putMs: number; getMs: number } {
  const cache = CacheService.getDocumentCache();
  if (!cache) return { putMs: NaN, getMs: NaN };
  const value = String(nowMs());
  const putMs = timed(() => cache.put(key, value, 60));
  const getMs = timed(() => {
    cache.get(key);
  });
  cache.remove(key);
  return { putMs, getMs };
}

export interface SheetSize {
  name: string;
  rows: number;
  columns: number;
}

/** Every sheet's size as Sheets counts it toward the file's cell limit: max rows × max columns, used or not. */
export function sheetSizes(ss: Spreadsheet): SheetSize[] {
  return ss.getSheets().map((s) => ({ name: s.getName(), rows: s.getMaxRows(), columns: s.getMaxColumns() }));
}
