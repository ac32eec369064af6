/**
 * The frame of one card call: the spreadsheet (one call), the document properties (one read,
 * which holds the card's setup) and a run context made from the setup, so the card asks Sheets
 * neither its locale nor its time zone, and its clock starts from what the last run learnt.
 */
import { nowMs } from '../../adapters/clock';
import { readAllDocumentProperties } from '../../adapters/properties';
import { zoneOffsetAt } from '../../adapters/timeZone';
import { Workbook } from '../../adapters/workbook';
import { DayClock } from '../../core/dates';
import { createContext, type RunContext } from '../run/frame';
import { appText } from '../run/texts';
import { findSetup, keptSetup, type CardSetup } from './setup';
import { DOCUMENT_PROPERTIES } from './stateLine';

export interface CardCall {
  ctx: RunContext;
  /** The document properties as read (the setup, the schedule's index). */
  props: Record<string, string>;
  /** The kept setup, or the one found now (tables detected and kept). */
  setup(): CardSetup;
  /** Whether the setup was found in this call (a header check would be redundant). */
  fresh(): boolean;
  /** Finds the tables again and keeps them (the header row changed since the setup was kept). */
  renew(): CardSetup;
}

function contextFromSetup(wb: Workbook, setup: CardSetup): RunContext {
  const started = nowMs();
  const clock = new DayClock(zoneOffsetAt(setup.timeZone), { recall: () => setup.zone, keep: () => undefined });
  return {
    wb,
    lang: setup.lang,
    clock,
    started,
    today: clock.dayOf(started),
    interactive: true,
    shared: new Map(),
    timeLeft: () => started + 60_000 - nowMs(),
    budgetMs: () => 60_000,
    setBudget: () => undefined,
    saveClock: () => undefined,
  };
}

export function cardCall(): CardCall {
  const wb = Workbook.active();
  if (!wb) throw new Error(appText('en', 'noSpreadsheet'));
  const props = readAllDocumentProperties();
  const kept = keptSetup(props);
  const ctx = kept ? contextFromSetup(wb, kept) : createContext(wb, true);
  ctx.shared.set(DOCUMENT_PROPERTIES, props);
  let setup: CardSetup | null = kept;
  let found = false;
  const renew = (): CardSetup => {
    found = true;
    return (setup = findSetup(ctx, kept));
  };
  return { ctx, props, setup: () => setup ?? renew(), fresh: () => found, renew };
}
