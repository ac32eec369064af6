/** The log sheet (Kehu · 日志 / Kehu · Log): made on first use, only ever appended to. */
import { LOG_HEADERS, runRow } from '../core/automation/log';
import type { RunContext } from './frame';
import { newSheetName, ownSheetNames } from './ownSheets';

export function ensureLog(ctx: RunContext): string {
  const existing = ctx.wb.findSheet(ownSheetNames('log', ctx.lang));
  if (existing && ctx.wb.extent(existing).lastRow > 0) return existing;
  // New, or left empty by a run cut right after making it: header, frozen, times shown as times.
  const name = existing ?? newSheetName('log', ctx.lang);
  ctx.wb.ensureSheet(name);
  ctx.wb.write(name, 1, 1, [LOG_HEADERS[ctx.lang]]);
  ctx.wb.setFrozenRows(name, 1);
  ctx.wb.format(name, 2, 1, 1000, 1, 'yyyy-mm-dd hh:mm');
  return name;
}

/** One line in the log (a run, a failure), appended. */
export function logRun(ctx: RunContext, what: string, summary: string): void {
  ctx.wb.append(ensureLog(ctx), [runRow(new Date(ctx.started), what, summary, ctx.lang)]);
}

/** Several lines about one thing (failed calls, say), in one append. */
export function logLines(ctx: RunContext, what: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  const at = new Date(ctx.started);
  ctx.wb.append(ensureLog(ctx), lines.map((line) => runRow(at, what, line, ctx.lang)));
}
