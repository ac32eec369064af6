/**
 * The capacity summary sheet (Kehu · 未排入 / Kehu · Not placed): what the plan could not place,
 * per person and tier, rewritten in one call by every schedule step. It is small (a row per
 * person and tier), made only when something did not fit, and kept (emptied to its title) after.
 */
import { sheetText } from '../../core/schedule/cells';
import { renderSummary } from '../../core/schedule/summary';
import type { UnplacedGroup } from '../../core/schedule/plan';
import type { RunContext } from '../run/frame';
import { newSheetName, ownSheetNames, trimOwnSheet } from './ownSheets';

export function writeUnplaced(ctx: RunContext, groups: readonly UnplacedGroup[], from: number, to: number): void {
  const existing = ctx.wb.findSheet(ownSheetNames('unplaced', ctx.lang));
  if (!existing && groups.length === 0) return;
  const name = existing ?? newSheetName('unplaced', ctx.lang);
  if (!existing) ctx.wb.ensureSheet(name);
  const grid = renderSummary(groups, ctx.lang, from, to).map((row) => row.map(sheetText));
  ctx.wb.replace(name, grid);
  ctx.wb.setFrozenRows(name, 2);
  trimOwnSheet(ctx, name);
}
