/**
 * The functions the customer card (sidebar/) calls through google.script.run. Each is a public
 * global any user of the sidebar can call with anything, so each checks its input's shape before
 * use, answers only plain values (dates as ISO strings: a Date in a result reaches the page as
 * null), and words every problem for the user. Opening a card is one call; so is each save.
 */
import { tryDocumentLock } from '../../adapters/lock';
import { userEmail } from '../../adapters/session';
import { showSidebarFile } from '../../adapters/ui';
import { Workbook } from '../../adapters/workbook';
import type { CellValue } from '../../core/cells';
import { formatDay } from '../../core/dates';
import type { CardRequest, EditFieldRequest, LogContactRequest, OpenCardResult, RevealRequest, RevealResult, SaveResult, SearchResponse } from '../../shared/types';
import { createContext, failureText, type RunContext } from '../frame';
import { appText } from '../texts';
import { UserError } from '../userError';
import { buildCard, shownText } from './build';
import { editField, logContact, say, type Refusal } from './edit';
import { cardTables, cellOf, customerRow, forgetCardTables, idOf, type CardTables } from './locate';
import { MAX_QUERY_LENGTH, searchCustomers } from './search';

const SIDEBAR_FILE = 'Sidebar';
const MAX_ID_LENGTH = 200;

/** Opens the sidebar on the selected row's customer. */
export function showCard(): void {
  const wb = Workbook.active();
  const lang = wb ? createContext(wb, true).lang : 'en';
  showSidebarFile(SIDEBAR_FILE, appText(lang, 'cardTitle'));
}

function context(): RunContext {
  const wb = Workbook.active();
  if (!wb) throw new Error(appText('en', 'noSpreadsheet'));
  return createContext(wb, true);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= MAX_ID_LENGTH;
const optionalString = (v: unknown, max: number): boolean => v === undefined || (typeof v === 'string' && v.length <= max);
const optionalRow = (v: unknown): boolean => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 10_000_000);

/** A request the page could not have sent: refused with a plain sentence (no stack trace). */
function badRequest(ctx: RunContext): Error {
  return new Error(ctx.lang === 'zh' ? 'Kehu 收到了无法识别的请求。请关闭卡片后重新打开。' : 'Kehu received a request it cannot read. Close the card and open it again.');
}

/** Runs a card call: user errors come back as their sentence, anything else as "unexpected". */
function guarded<T>(ctx: RunContext, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw new Error(failureText(e, ctx.lang));
  }
}

function rowCells(ctx: RunContext, t: CardTables, row: number): CellValue[] {
  const width = Math.max(t.customerHeader.length, 1);
  return ctx.wb.readFresh(t.mapping.customers.sheet, row, 1, 1, width)[0] ?? [];
}

function base(ctx: RunContext): Omit<OpenCardResult, 'card'> {
  return { lang: ctx.lang, locale: ctx.wb.locale(), timeZone: ctx.wb.timeZone(), today: formatDay(ctx.today), user: userEmail() };
}

export function openCard(request: unknown): OpenCardResult {
  const ctx = context();
  if (!isObject(request) || (request.mode !== 'selection' && !(request.mode === 'id' && isId(request.id)))) throw badRequest(ctx);
  const req = request as CardRequest;
  return guarded(ctx, () => {
    let t: CardTables;
    try {
      t = cardTables(ctx);
    } catch (e) {
      if (e instanceof UserError) return { ...base(ctx), card: null, problem: e.text(ctx.lang) };
      throw e;
    }
    const m = t.mapping.customers;
    let row: number | null;
    if (req.mode === 'id') {
      row = customerRow(ctx, m, req.id.trim());
      if (row === null) return { ...base(ctx), card: null, reason: 'notFound' };
    } else {
      const sel = ctx.wb.selection();
      if (!sel || sel.sheet !== m.sheet) return { ...base(ctx), card: null, reason: 'otherSheet' };
      if (sel.row <= m.headerRow) return { ...base(ctx), card: null, reason: 'headerRow' };
      row = sel.row;
    }
    const cells = rowCells(ctx, t, row);
    if (idOf(cellOf(m, cells, 'id')) === '') return { ...base(ctx), card: null, reason: 'blankRow' };
    return { ...base(ctx), card: buildCard(ctx, t, row, cells) };
  });
}

export function search(query: unknown): SearchResponse {
  const ctx = context();
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH) throw badRequest(ctx);
  return guarded(ctx, () => searchCustomers(ctx, cardTables(ctx), query));
}

/** A write under the document lock, answered with the card as it is now (or the refusal). */
function save(ctx: RunContext, id: string, write: (t: CardTables) => { row: number; madeTable?: boolean } | Refusal): SaveResult {
  return guarded(ctx, () => {
    const lock = tryDocumentLock(10_000);
    if (!lock) return { ok: false, reason: 'conflict', message: appText(ctx.lang, 'busy') };
    try {
      let t = cardTables(ctx);
      const done = write(t);
      if ('reason' in done) return { ok: false, ...done };
      ctx.wb.flush();
      if (done.madeTable) {
        // The contact log was just made: found again, so the card shows the contact at once.
        forgetCardTables(ctx);
        ctx.wb.forget(t.mapping.customers.sheet);
        t = cardTables(ctx);
      }
      const row = customerRow(ctx, t.mapping.customers, id, done.row) ?? done.row;
      return { ok: true, card: buildCard(ctx, t, row, rowCells(ctx, t, row)) };
    } finally {
      lock.release();
    }
  });
}

export function logContactFromCard(request: unknown): SaveResult {
  const ctx = context();
  if (!isObject(request) || !isId(request.id) || typeof request.kind !== 'string' || typeof request.date !== 'string' || typeof request.note !== 'string' || !optionalString(request.person, 200) || !optionalString(request.deadline, 20) || !optionalRow(request.row)) {
    throw badRequest(ctx);
  }
  const req = request as unknown as LogContactRequest;
  return save(ctx, req.id, (t) => logContact(ctx, t, req));
}

export function editFieldFromCard(request: unknown): SaveResult {
  const ctx = context();
  if (!isObject(request) || !isId(request.id) || typeof request.field !== 'string' || typeof request.expected !== 'string' || typeof request.value !== 'string' || request.value.length > 5000 || !optionalRow(request.row)) {
    throw badRequest(ctx);
  }
  const req = request as unknown as EditFieldRequest;
  return save(ctx, req.id, (t) => editField(ctx, t, req));
}

export function revealField(request: unknown): RevealResult {
  const ctx = context();
  if (!isObject(request) || !isId(request.id) || request.field !== 'bankAccount') throw badRequest(ctx);
  const req = request as unknown as RevealRequest;
  return guarded(ctx, () => {
    const t = cardTables(ctx);
    const m = t.mapping.customers;
    const row = customerRow(ctx, m, req.id);
    if (row === null || m.columns.bankAccount === undefined) throw new UserError((lang) => say('notFound', lang));
    return { value: shownText(cellOf(m, rowCells(ctx, t, row), 'bankAccount'), ctx) };
  });
}
