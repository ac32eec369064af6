/**
 * The log sheet (Kehu · 日志 / Kehu · Log): made on first use, appended to, and kept within
 * LOG_MAX_ROWS lines: an append that would pass it rewrites the sheet in one write with the
 * oldest days summarized (src/core/automation/log.ts), and the sheet is trimmed to its lines.
 */
import type { CellValue } from '../../core/cells';
import { compactLog, LOG_HEADERS, LOG_MAX_ROWS, runRow } from '../../core/automation/log';
import type { RunContext } from '../run/frame';
import { newSheetName, ownSheetNames, trimOwnSheet } from './ownSheets';

const LOG_COLUMNS = LOG_HEADERS.en.length;

export function ensureLog(ctx: RunContext): string {
  const existing = ctx.wb.findSheet(ownSheetNames('log', ctx.lang));
  if (existing && ctx.wb.lastUsedRow(existing) > 0) return existing;
  // New, or left empty by a run cut right after making it: header, frozen, times shown as times,
  // and only the header's cells (a new sheet is 1,000 × 26).
  const name = existing ?? newSheetName('log', ctx.lang);
  ctx.wb.ensureSheet(name);
  ctx.wb.write(name, 1, 1, [LOG_HEADERS[ctx.lang]]);
  ctx.wb.setFrozenRows(name, 1);
  ctx.wb.format(name, 2, 1, 1, 1, 'yyyy-mm-dd hh:mm');
  trimOwnSheet(ctx, name, 2, LOG_COLUMNS);
  return name;
}

/** A cell as Sheets reads it back: a leading apostrophe (text kept as text) is not part of the value. */
const asRead = (v: CellValue): CellValue => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v);

/** Appends lines, summarizing the oldest days first when the log would pass its limit. */
function appendLines(ctx: RunContext, lines: CellValue[][]): void {
  const name = ensureLog(ctx);
  const used = ctx.wb.lastUsedRow(name) - 1;
  if (used + lines.length <= LOG_MAX_ROWS) {
    ctx.wb.append(name, lines);
    return;
  }
  const [header, ...kept] = ctx.wb.read(name);
  const rows = compactLog([...kept, ...lines.map((l) => l.map(asRead))], {
    lang: ctx.lang,
    dayOf: (cell) => (cell instanceof Date ? ctx.clock.dayOf(cell.getTime()) : null),
    dayCell: (day) => new Date(ctx.clock.startOfDay(day)),
  });
  // One write over the old lines (blanks past the new end), then the emptied rows go.
  ctx.wb.replace(name, [header ?? LOG_HEADERS[ctx.lang], ...rows]);
  trimOwnSheet(ctx, name, rows.length + 1, LOG_COLUMNS);
}

/** One line in the log (a run, a failure), appended. */
export function logRun(ctx: RunContext, what: string, summary: string): void {
  appendLines(ctx, [runRow(new Date(ctx.started), what, summary, ctx.lang)]);
}

/** Several lines about one thing (failed calls, say), in one append. */
export function logLines(ctx: RunContext, what: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  const at = new Date(ctx.started);
  appendLines(ctx, lines.map((line) => runRow(at, what, line, ctx.lang)));
}

/** Flag changes and other prepared lines (rows in LOG_HEADERS' columns), in one append. */
export function logRows(ctx: RunContext, rows: readonly (readonly CellValue[])[]): void {
  if (rows.length > 0) appendLines(ctx, rows.map((r) => [...r]));
}
