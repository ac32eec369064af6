/**
 * The next planned visits of every customer, kept for the card by the schedule step (which runs
 * after the classification in the daily run): one column beside the card's JSON in the state
 * sheet, one read of the state's id column and one write, so a card shows the plan just made.
 * The next classification blanks the column and carries the visits in its own JSON again.
 */
import { readAllDocumentProperties, writeDocumentProperties } from '../../adapters/properties';
import type { CardVisitLine } from '../../core/automation/cardSummary';
import { STATE_VISITS_COLUMN } from '../../core/automation/state';
import type { CellValue } from '../../core/cells';
import type { ScheduleRow } from '../../core/model';
import { literalText } from '../../core/text';
import { STATUS_WORDS, wordFor } from '../../core/vocabulary';
import type { RunContext } from '../run/frame';
import { idOf } from './locate';
import { keptSetup, VISITS_KEY } from './setup';

const VISITS_KEPT = 4;
const HEADER = { zh: '下次拜访', en: 'Next visits' };

/** Per customer, its next planned or moved visits from today, earliest first. */
export function nextVisits(rows: readonly ScheduleRow[], today: number, lang: RunContext['lang']): Map<string, CardVisitLine[]> {
  const out = new Map<string, CardVisitLine[]>();
  for (const r of rows) {
    if (r.day === null || r.day < today || (r.status !== 'planned' && r.status !== 'moved')) continue;
    const list = out.get(r.customerId) ?? [];
    list.push({ day: r.day, slot: r.slot, kind: r.kind, person: r.person, status: wordFor(STATUS_WORDS, r.status, lang) });
    out.set(r.customerId, list);
  }
  for (const [id, list] of out) out.set(id, list.sort((a, b) => a.day - b.day || (a.slot ?? 0) - (b.slot ?? 0)).slice(0, VISITS_KEPT));
  return out;
}

export function keepCardVisits(ctx: RunContext, rows: readonly ScheduleRow[]): void {
  const setup = keptSetup(readAllDocumentProperties());
  const state = setup?.state;
  if (!state || state.rows < 2 || !ctx.wb.has(state.sheet)) return;
  const visits = nextVisits(rows, ctx.today, ctx.lang);
  const ids = ctx.wb.readBlock(state.sheet, 2, 1, state.rows - 1, 1);
  const column: CellValue[][] = [[HEADER[ctx.lang]]];
  for (const r of ids) {
    const list = visits.get(idOf(r[0]));
    column.push([list ? literalText(JSON.stringify(list)) : '[]']);
  }
  ctx.wb.write(state.sheet, 1, STATE_VISITS_COLUMN, column);
  writeDocumentProperties({ [VISITS_KEY]: state.sheet });
}
