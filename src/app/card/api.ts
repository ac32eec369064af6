/**
 * The functions the customer card (sidebar/) calls through google.script.run, typed by the one
 * contract in src/shared/api.ts. Each is a public global any user of the sidebar can call with
 * anything, so each checks its input's shape before use, answers only plain values (dates as ISO
 * strings: a Date in a result reaches the page as null), and words every problem for the user.
 *
 * Opening a card reads: the document properties (the card's setup, one call), the selection
 * (three calls) or nothing (a customer picked in the list, whose row the page sends), the
 * customer's row (two calls) and the customer's line of the state sheet (two calls).
 */
import { userEmail } from '../../adapters/session';
import { showSidebarFile } from '../../adapters/ui';
import { tryDocumentLock } from '../../adapters/lock';
import type { CellValue } from '../../core/cells';
import { formatDay } from '../../core/dates';
import { encodeCustomerList, MAX_QUERY_LENGTH, decodeCustomerList, searchList, type ListedCustomer } from '../../shared/customerList';
import { FIRST_CARD_ELEMENT, type ServerHandlers } from '../../shared/api';
import type { CardRequest, ClassifyResult, CustomerListResult, EditFieldRequest, LogContactRequest, OpenCardResult, RevealRequest, RevealResult, SaveResult, SearchResponse } from '../../shared/types';
import { SCHEDULE_COLUMNS } from '../../core/schedule/types';
import { refreshClassificationAndFlags } from '../run/commands';
import { SCHEDULE_INDEX_KEY, type ScheduleIndex } from '../reads/scheduleRead';
import { failureText, type RunContext } from '../run/frame';
import { appText } from '../run/texts';
import { UserError } from '../run/userError';
import { buildCard, shownText } from './build';
import { cardCall, type CardCall } from './cardContext';
import { editField, logContact, personOf, say, type Refusal } from './edit';
import { cellOf, customerRow, idOf } from './locate';
import { sameHeader, type CardSetup } from './setup';
import { findLine, type StateLine } from './stateLine';

const SIDEBAR_FILE = 'Sidebar';
const MAX_ID_LENGTH = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= MAX_ID_LENGTH;
const optionalString = (v: unknown, max: number): boolean => v === undefined || (typeof v === 'string' && v.length <= max);
const optionalRow = (v: unknown): boolean => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10_000_000);

/** A request the page could not have sent: refused with a plain sentence (no stack trace). */
function badRequest(lang: RunContext['lang']): Error {
  return new Error(lang === 'zh' ? 'Kehu 收到了无法识别的请求。请关闭卡片后重新打开。' : 'Kehu received a request it cannot read. Close the card and open it again.');
}

/** Runs a card call: user errors come back as their sentence, anything else as "unexpected". */
function guarded<T>(ctx: RunContext, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw new Error(failureText(e, ctx.lang));
  }
}

const widthOf = (setup: CardSetup): number => Math.max(setup.customerHeader.length, ...Object.values(setup.customers.columns).map((c) => c ?? 0), 1);

function rowCells(ctx: RunContext, setup: CardSetup, row: number): CellValue[] {
  return ctx.wb.readBlock(setup.customers.sheet, row, 1, 1, widthOf(setup))[0] ?? [];
}

function base(ctx: RunContext, setup: CardSetup | null): Omit<OpenCardResult, 'card'> {
  return { lang: ctx.lang, locale: setup?.locale ?? ctx.wb.locale(), timeZone: setup?.timeZone ?? ctx.wb.timeZone(), today: formatDay(ctx.today), user: '' };
}

function isCardRequest(v: unknown): v is CardRequest {
  return isObject(v) && (v.mode === 'selection' || (v.mode === 'id' && isId(v.id) && optionalRow(v.row)));
}

type Found = { row: number; cells: CellValue[]; line: StateLine | null | undefined } | { reason: NonNullable<OpenCardResult['reason']> };

/** The customer's row (and line, when it was needed to find the row) for a customer picked by id. */
function byId(ctx: RunContext, setup: CardSetup, id: string, hint: number | undefined, line?: StateLine | null): Found {
  const m = setup.customers;
  const guess = hint ?? line?.summary?.row;
  if (guess !== undefined && guess > m.headerRow) {
    const cells = rowCells(ctx, setup, guess);
    if (idOf(cellOf(m, cells, 'id')) === id) return { row: guess, cells, line };
  }
  const row = customerRow(ctx, m, id);
  return row === null ? { reason: 'notFound' } : { row, cells: rowCells(ctx, setup, row), line };
}

/**
 * The schedule as the card knows it: from the setup, or (made after the setup was kept) from the
 * schedule step's index in the document properties, its customer-id column where the add-on writes it.
 */
function scheduleOf(call: CardCall, setup: CardSetup): CardSetup['schedule'] {
  let index: ScheduleIndex | null = null;
  try {
    index = call.props[SCHEDULE_INDEX_KEY] ? (JSON.parse(call.props[SCHEDULE_INDEX_KEY]) as ScheduleIndex) : null;
  } catch (e) {
    index = null;
  }
  if (!index || typeof index.sheetId !== 'number' || (setup.schedule && setup.schedule.sheetId === index.sheetId)) return setup.schedule;
  return { sheet: index.sheet, sheetId: index.sheetId, headerRow: index.headerRow, customerId: SCHEDULE_COLUMNS.indexOf('customerId') + 1 };
}

/** The customer the selection points at: a row of the customer table, or a row of the orders, contacts or schedule naming one. */
function bySelection(call: CardCall, setup: CardSetup): Found {
  const { ctx } = call;
  const schedule = scheduleOf(call, setup);
  const sel = ctx.wb.selectedRow();
  if (!sel) return { reason: 'otherSheet' };
  const m = setup.customers;
  if (sel.sheetId === m.sheetId) {
    if (sel.row <= m.headerRow) return { reason: 'headerRow' };
    const cells = rowCells(ctx, setup, sel.row);
    return idOf(cellOf(m, cells, 'id')) === '' ? { reason: 'blankRow' } : { row: sel.row, cells, line: undefined };
  }
  const naming = [
    { sheetId: setup.orders.sheetId, sheet: setup.orders.sheet, headerRow: setup.orders.headerRow, column: setup.orders.columns.customer },
    setup.contacts && { sheetId: setup.contacts.sheetId, sheet: setup.contacts.sheet, headerRow: setup.contacts.headerRow, column: setup.contacts.columns.customer },
    schedule && { sheetId: schedule.sheetId, sheet: schedule.sheet, headerRow: schedule.headerRow, column: schedule.customerId },
  ].find((t) => t && t.sheetId === sel.sheetId && t.column !== undefined);
  if (!naming || naming.column === undefined) return { reason: 'otherSheet' };
  if (sel.row <= naming.headerRow) return { reason: 'headerRow' };
  const id = idOf(ctx.wb.readBlock(naming.sheet, sel.row, naming.column, 1, 1)[0]?.[0]);
  if (id === '') return { reason: 'blankRow' };
  return byId(ctx, setup, id, undefined, findLine(ctx, setup, id));
}

function open(call: CardCall, req: CardRequest): OpenCardResult {
  const { ctx } = call;
  let setup: CardSetup;
  try {
    setup = call.setup();
  } catch (e) {
    if (e instanceof UserError) return { ...base(ctx, null), card: null, problem: e.text(ctx.lang) };
    throw e;
  }
  const find = (): Found => (req.mode === 'id' ? byId(ctx, setup, req.id.trim(), req.row) : bySelection(call, setup));
  let found = find();
  // Nothing where the kept setup says: a sheet renamed since it was kept? Then find the tables
  // again and look once more (calls spent only on this path).
  if ('reason' in found && (found.reason === 'blankRow' || found.reason === 'notFound') && !call.fresh() && !ctx.wb.has(setup.customers.sheet)) {
    setup = call.renew();
    found = find();
  }
  if ('reason' in found) return { ...base(ctx, setup), card: null, reason: found.reason };
  const id = idOf(cellOf(setup.customers, found.cells, 'id'));
  const line = found.line !== undefined && found.line?.state.id === id ? found.line : findLine(ctx, setup, id);
  return { ...base(ctx, setup), card: buildCard(ctx, setup, found.row, found.cells, line) };
}

export function openCard(request: unknown): OpenCardResult {
  const call = cardCall();
  if (!isCardRequest(request)) throw badRequest(call.ctx.lang);
  return guarded(call.ctx, () => open(call, request));
}

/** Opens the sidebar with the selected row's card written into the page (no first round trip). */
export function showCard(): void {
  let first: OpenCardResult | null = null;
  let lang: RunContext['lang'] = 'en';
  try {
    const call = cardCall();
    lang = call.ctx.lang;
    first = open(call, { mode: 'selection' });
  } catch (e) {
    // The page opens anyway and asks again: it shows the failure with a retry button.
    first = null;
  }
  // '<' written as \u003c: the JSON cannot close the block or open markup.
  const data = first ? `<script type="application/json" id="${FIRST_CARD_ELEMENT}">${JSON.stringify(first).replace(/</g, '\\u003c')}</script>` : '';
  showSidebarFile(SIDEBAR_FILE, appText(lang, 'cardTitle'), data);
}

/** The header row still the one kept (else the tables are found again): before a write, and with the list. */
function checkedSetup(call: CardCall): CardSetup {
  const setup = call.setup();
  if (call.fresh()) return setup;
  const header = call.ctx.wb.readBlock(setup.customers.sheet, setup.customers.headerRow, 1, 1, widthOf(setup) + 1)[0] ?? [];
  return sameHeader(setup, header) ? setup : call.renew();
}

function listOf(ctx: RunContext, setup: CardSetup): ListedCustomer[] {
  const m = setup.customers;
  const column = (c: number | undefined): CellValue[] => (c === undefined ? [] : ctx.wb.readColumnDown(m.sheet, m.headerRow + 1, c));
  const ids = column(m.columns.id);
  const names = column(m.columns.name);
  const phones = column(m.columns.phone);
  const cities = column(m.columns.region);
  const out: ListedCustomer[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = idOf(ids[i]);
    if (id !== '') out.push({ id, name: shownText(names[i], ctx), phone: shownText(phones[i], ctx), city: shownText(cities[i], ctx), row: m.headerRow + 1 + i });
  }
  return out;
}

export function customerList(request: unknown): CustomerListResult {
  const call = cardCall();
  if (request !== undefined && request !== null && !isObject(request)) throw badRequest(call.ctx.lang);
  return guarded(call.ctx, () => {
    const setup = checkedSetup(call);
    const list = listOf(call.ctx, setup);
    return { list: encodeCustomerList(list), count: list.length, user: personOf(setup.team, userEmail()) };
  });
}

/** The server's own search over the same list (for scripts and the bench; the page searches its copy). */
export function search(query: unknown): SearchResponse {
  const call = cardCall();
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) throw badRequest(call.ctx.lang);
  return guarded(call.ctx, () => {
    const index = decodeCustomerList(encodeCustomerList(listOf(call.ctx, call.setup())));
    const found = searchList(index, query).found;
    return { query, results: found.slice(0, 8).map((i) => index.customers[i]), total: found.length };
  });
}

/** A write under the document lock, answered with the card as it is now (or the refusal). */
function save(call: CardCall, write: (setup: CardSetup) => { row: number; madeTable?: boolean } | Refusal): SaveResult {
  const { ctx } = call;
  return guarded(ctx, () => {
    const lock = tryDocumentLock(10_000);
    if (!lock) return { ok: false, reason: 'conflict', message: appText(ctx.lang, 'busy') };
    try {
      let setup = checkedSetup(call);
      const done = write(setup);
      if ('reason' in done) return { ok: false, ...done };
      // No flush here: the reads below see the writes (Apps Script applies pending writes before
      // a read), and releasing the lock flushes once.
      // The contact log was just made: found again, so the card shows the contact at once.
      if (done.madeTable) {
        ctx.shared.delete('cardTables');
        ctx.wb.forget(setup.customers.sheet);
        setup = call.renew();
      }
      // The row was found under the lock and written just now: read it as it is, without finding it again.
      const row = done.row;
      const cells = rowCells(ctx, setup, row);
      return { ok: true, card: buildCard(ctx, setup, row, cells, findLine(ctx, setup, idOf(cellOf(setup.customers, cells, 'id')))) };
    } finally {
      lock.release();
    }
  });
}

export function logContactFromCard(request: unknown): SaveResult {
  const call = cardCall();
  if (!isObject(request) || !isId(request.id) || typeof request.kind !== 'string' || typeof request.date !== 'string' || typeof request.note !== 'string' || request.note.length > 20_000 || !optionalString(request.person, 200) || !optionalString(request.deadline, 20) || !optionalRow(request.row)) {
    throw badRequest(call.ctx.lang);
  }
  const req = request as unknown as LogContactRequest;
  return save(call, (setup) => logContact(call.ctx, setup, req));
}

export function editFieldFromCard(request: unknown): SaveResult {
  const call = cardCall();
  if (!isObject(request) || !isId(request.id) || typeof request.field !== 'string' || typeof request.expected !== 'string' || typeof request.value !== 'string' || request.value.length > 20_000 || !optionalRow(request.row)) {
    throw badRequest(call.ctx.lang);
  }
  const req = request as unknown as EditFieldRequest;
  return save(call, (setup) => editField(call.ctx, setup, req));
}

export function revealField(request: unknown): RevealResult {
  const call = cardCall();
  if (!isObject(request) || !isId(request.id) || request.field !== 'bankAccount') throw badRequest(call.ctx.lang);
  const req = request as unknown as RevealRequest;
  return guarded(call.ctx, () => {
    const setup = call.setup();
    const m = setup.customers;
    const row = customerRow(call.ctx, m, req.id);
    if (row === null || m.columns.bankAccount === undefined) throw new UserError((lang) => say('notFound', lang));
    return { value: shownText(cellOf(m, rowCells(call.ctx, setup, row), 'bankAccount'), call.ctx) };
  });
}

/** The card's "classify now": the menu's refresh (no dialog: the card says the outcome), then the card again. */
export function classifyNow(request: unknown): ClassifyResult {
  if (!isCardRequest(request)) throw badRequest(cardCall().ctx.lang);
  const outcome = refreshClassificationAndFlags(false);
  const message = outcome.kind === 'done' ? outcome.summary : outcome.message;
  return { ok: outcome.kind === 'done', message, result: outcome.kind === 'done' ? openCard(request) : null };
}

/** The card's server functions, checked against the contract (src/shared/api.ts). */
export const cardServer: ServerHandlers = {
  kehuOpenCard: openCard,
  kehuCustomerList: customerList,
  kehuLogContact: logContactFromCard,
  kehuEditField: editFieldFromCard,
  kehuRevealField: revealField,
  kehuClassifyNow: classifyNow,
};
