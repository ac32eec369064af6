/**
 * A customer's line of the state sheet, which holds what the card shows of the last run (see
 * src/core/automation/cardSummary.ts). The run writes the sheet sorted by customer id and keeps
 * every FENCE_EVERY-th id in the card's setup: the block of lines that holds an id is known
 * without a read, and read in one call. Without fences (a setup the card made), the id column is
 * read to find the line.
 */
import { decodeCardSummary, encodeCardSummary, type CardSummary } from '../../core/automation/cardSummary';
import { readState, renderState, STATE_CARD_COLUMN, STATE_VISITS_COLUMN, type CustomerState } from '../../core/automation/state';
import type { CellValue } from '../../core/cells';
import type { RunContext } from '../run/frame';
import { FENCE_EVERY, VISITS_KEY, type CardSetup } from './setup';
import { idOf } from './locate';

/** Where a card call keeps the document properties it read, in ctx.shared. */
export const DOCUMENT_PROPERTIES = 'documentProperties';

/** The state sheet's columns read: id … card, and the next visits when the schedule step wrote them. */
const widthOf = (setup: CardSetup, props: Record<string, string>): number =>
  setup.state && props[VISITS_KEY] === setup.state.sheet ? STATE_VISITS_COLUMN : STATE_CARD_COLUMN;

export interface StateLine {
  /** 1-based row in the state sheet. */
  row: number;
  state: CustomerState;
  summary: CardSummary | null;
}

/** Every FENCE_EVERY-th id of ids sorted as the state sheet is. */
export function fencesOf(sortedIds: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sortedIds.length; i += FENCE_EVERY) out.push(sortedIds[i]);
  return out;
}

/** Sorted as the state sheet is: by code unit (JavaScript's string order), the same in every locale. */
export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first data row (after the header) of the block of lines that may hold `id`, or null when no block can. */
export function blockOf(fences: readonly string[], id: string): number | null {
  let lo = 0;
  let hi = fences.length - 1;
  if (hi < 0 || byId(id, fences[0]) < 0) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (byId(fences[mid], id) <= 0) lo = mid;
    else hi = mid - 1;
  }
  return 2 + lo * FENCE_EVERY;
}

function lineFrom(header: readonly CellValue[], cells: readonly CellValue[], row: number, id: string): StateLine | null {
  const state = readState([header as CellValue[], cells as CellValue[]]).get(id);
  if (!state) return null;
  const summary = decodeCardSummary(state.card);
  // The plan the schedule step made after the classification, when it wrote one.
  const visits = cells[STATE_VISITS_COLUMN - 1];
  if (summary && typeof visits === 'string' && visits.startsWith('[')) {
    try {
      const list = JSON.parse(visits) as unknown;
      if (Array.isArray(list)) summary.visits = list as CardSummary['visits'];
    } catch (e) {
      // Unreadable: the classification's visits stay.
    }
  }
  return { row, state, summary };
}

const HEADER: CellValue[] = renderState([], 'en')[0];

/** The customer's line, or null when the last run did not know the customer (or no run has been). */
export function findLine(ctx: RunContext, setup: CardSetup, id: string): StateLine | null {
  const s = setup.state;
  if (!s || s.rows < 2) return null;
  // The document properties the card call read (see cardContext.ts).
  const STATE_WIDTH = widthOf(setup, (ctx.shared.get(DOCUMENT_PROPERTIES) as Record<string, string> | undefined) ?? {});
  if (s.fences) {
    const first = blockOf(s.fences, id);
    const block = first === null || first > s.rows ? [] : ctx.wb.readBlock(s.sheet, first, 1, Math.min(FENCE_EVERY, s.rows - first + 1), STATE_WIDTH);
    const at = block.findIndex((r) => idOf(r[0]) === id);
    if (at >= 0 && first !== null) return lineFrom(HEADER, block[at], first + at, id);
    // Not where the fences say: a customer added since the run, or a person sorted the hidden
    // sheet. The id column tells which (two calls more, only then).
  }
  // No fences (or they missed): the id column, then the line.
  const ids = ctx.wb.readBlock(s.sheet, 2, 1, s.rows - 1, 1);
  const at = ids.findIndex((r) => idOf(r[0]) === id);
  if (at < 0) return null;
  const cells = ctx.wb.readBlock(s.sheet, 2 + at, 1, 1, STATE_WIDTH)[0] ?? [];
  return lineFrom(HEADER, cells, 2 + at, id);
}

/** Writes a line's card cell (a contact logged from the card shows before the next run). */
export function writeSummary(ctx: RunContext, setup: CardSetup, line: StateLine, summary: CardSummary): void {
  if (!setup.state) return;
  const rendered = renderState([{ ...line.state, card: encodeCardSummary(summary) }], ctx.lang)[1];
  ctx.wb.writeBlock(setup.state.sheet, line.row, STATE_CARD_COLUMN, [[rendered[STATE_CARD_COLUMN - 1]]]);
}
