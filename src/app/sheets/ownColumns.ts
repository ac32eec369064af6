/**
 * Writing the add-on's own columns on the team's customer table, each customer's values on the
 * row that holds its id when the write happens.
 */
import type { CellValue } from '../../core/cells';
import { layoutOwnColumns, type OwnColumnKey } from '../../core/automation/ownColumns';
import { flagsCell, movementText, quadrantText, statusText } from '../../core/automation/reasons';
import { statusColourRules } from '../../core/automation/statusColours';
import { value8Label } from '../../core/analytics/labels';
import type { CustomerClass, Flag, Status } from '../../core/model';
import { cellText } from '../../core/text';
import type { Classified } from '../reads/classified';
import type { RunContext } from '../run/frame';

/** A customer id as the records readers make it (text trimmed, numbers as written), '' for blank. */
function idLabel(v: CellValue): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return '';
}

function ownCells(cls: CustomerClass, flags: readonly Flag[], status: Status, ctx: RunContext): Record<OwnColumnKey, CellValue> {
  return {
    rfm: cls.rfm ? `'${cls.rfm.code}` : '',
    segment: cls.rfm ? value8Label(ctx.lang, cls.rfm.segment) : '',
    abc: cls.tier,
    quadrant: quadrantText(cls.quadrant, ctx.lang),
    movement: movementText(cls.movement, cls.previousTier, ctx.lang),
    status: statusText(status, ctx.lang),
    flags: cellText(flagsCell(flags, ctx.lang)),
  };
}

/** A written cell as Sheets gives it back (the leading apostrophe that keeps text is not part of it). */
function asRead(v: CellValue): CellValue {
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v;
}

const WRITE_ATTEMPTS = 3;

/**
 * Writes the own columns. The id column is read again just before writing, and each customer's
 * values go on the row that holds its id now: a user may have sorted or inserted rows since the
 * table was read. A row whose id is unknown (added meanwhile) or blank gets empty own cells.
 *
 * Sheets has no compare-and-set, so a person may still sort or insert rows between that read and
 * the write. The write is therefore checked by reading ids and own cells back together (one
 * read): a row whose own cells are not its customer's is written again from that read.
 */
export function writeOwnColumns(ctx: RunContext, c: Classified): void {
  const m = c.tables.mapping.customers;
  const grid = c.tables.customerGrid;
  const header = grid[m.headerRow - 1] ?? [];
  const lastUsed = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const layout = layoutOwnColumns(header, lastUsed, ctx.lang);
  const cells = new Map<string, Record<OwnColumnKey, CellValue>>();
  c.tables.customers.forEach((record, i) => {
    if (!cells.has(record.id)) cells.set(record.id, ownCells(c.result.classes[i], c.flags.get(record.id)!, c.status.get(record.id)!, ctx));
  });
  const idColumn = m.columns.id!;
  const ownColumns = Object.values(layout.columns);
  const left = Math.min(idColumn, ...ownColumns);
  const right = Math.max(idColumn, ...ownColumns);
  const expected = (id: string, key: OwnColumnKey): CellValue => cells.get(id)?.[key] ?? '';

  ctx.wb.forget(m.sheet);
  let ids = ctx.wb.readFresh(m.sheet, m.headerRow + 1, idColumn, Number.MAX_SAFE_INTEGER, 1).map((r) => idLabel(r[0]));
  for (let attempt = 1; ; attempt++) {
    for (const run of layout.runs) {
      const block: CellValue[][] = [run.keys.map((k) => layout.headers[k])];
      for (const id of ids) block.push(run.keys.map((k) => expected(id, k)));
      ctx.wb.write(m.sheet, m.headerRow, run.start, block);
    }
    ctx.wb.forget(m.sheet);
    const back = ctx.wb.readFresh(m.sheet, m.headerRow + 1, left, Number.MAX_SAFE_INTEGER, right - left + 1);
    const misplaced = back.some((row) => {
      const id = idLabel(row[idColumn - left]);
      return (Object.keys(layout.columns) as OwnColumnKey[]).some((k) => row[layout.columns[k] - left] !== asRead(expected(id, k)));
    });
    if (!misplaced || attempt === WRITE_ATTEMPTS) break;
    ids = back.map((row) => idLabel(row[idColumn - left]));
  }
  // Red, amber and green on the status column, by conditional formats (written only when not there).
  ctx.wb.keepColumnColours(m.sheet, layout.columns.status, m.headerRow + 1, statusColourRules());
}
