/**
 * "Check this file": real figures from the team's own file in Google's Sheets, to set beside the
 * cost model the bench uses (docs/cost-model.md). Times one read and one write of a small range
 * of the add-on's log sheet (never the team's data), a document property and a document cache
 * round trip, counts the file's cells as Google counts them toward the 10-million limit and the
 * add-on's share, shows the figures in a dialog and appends them to the log.
 */
import { sheetSizes, timeCacheRoundTrip, timePropertyRoundTrip, timeReadWrite, type SheetSize } from '../../adapters/probe';
import { LOG_HEADERS } from '../../core/automation/log';
import { runLocked, type Outcome } from './frame';
import { ensureLog, logRun } from '../sheets/log';
import { isOwnSheet } from '../sheets/ownSheets';
import { appText } from './texts';

/** Google Sheets' limit for one file: every sheet's rows × columns together. */
export const SHEETS_CELL_LIMIT = 10_000_000;

/** The property and cache key the probes use (removed again at once). */
const PROBE_KEY = 'kehu.checkFile';

export interface CellShare {
  total: number;
  own: number;
  ownSheets: number;
}

/** The file's cells and the add-on's own sheets' part of them. */
export function cellShare(sizes: readonly SheetSize[]): CellShare {
  let total = 0;
  let own = 0;
  let ownSheets = 0;
  for (const s of sizes) {
    const cells = s.rows * s.columns;
    total += cells;
    if (isOwnSheet(s.name)) {
      own += cells;
      ownSheets++;
    }
  }
  return { total, own, ownSheets };
}

const count = (n: number): string => n.toLocaleString('en-US');
const ms = (n: number): string => (Number.isFinite(n) ? String(Math.round(n)) : '—');
const percent = (part: number, whole: number): string => (whole > 0 ? ((100 * part) / whole).toFixed(1) : '0.0');

export function checkFile(): Outcome {
  return runLocked('titleCheckFile', true, (ctx) => {
    const log = ensureLog(ctx);
    const rw = timeReadWrite(ctx.wb.spreadsheet, log, 1, LOG_HEADERS[ctx.lang].length);
    const property = timePropertyRoundTrip(PROBE_KEY);
    const cache = timeCacheRoundTrip(PROBE_KEY);
    const share = cellShare(sheetSizes(ctx.wb.spreadsheet));
    const params = {
      readCells: rw.cells,
      readMs: ms(rw.readMs),
      writeMs: ms(rw.writeMs),
      propSetMs: ms(property.setMs),
      propGetMs: ms(property.getMs),
      cachePutMs: ms(cache.putMs),
      cacheGetMs: ms(cache.getMs),
      total: count(share.total),
      limitShare: percent(share.total, SHEETS_CELL_LIMIT),
      own: count(share.own),
      ownSheets: share.ownSheets,
      ownShare: percent(share.own, share.total),
    };
    logRun(ctx, appText(ctx.lang, 'menuCheckFile'), appText(ctx.lang, 'checkFileLine', params));
    return appText(ctx.lang, 'checkFileReport', params);
  });
}
