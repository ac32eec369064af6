/**
 * The sidebar page. Opened from the menu, the page carries its first card (the server wrote it
 * into the HTML: no round trip before the card shows); otherwise it asks kehuOpenCard for the
 * selected row's customer. Then, once per sidebar, it asks for the customer list and searches it
 * itself. Until the server has told the file's language, the page speaks the browser's.
 */
import { FIRST_CARD_ELEMENT } from '../src/shared/api';
import { decodeCustomerList, type ListedCustomer } from '../src/shared/customerList';
import type { CardRequest, CustomerCard, OpenCardResult } from '../src/shared/types';
import { el, fill } from './dom';
import { renderCard } from './card';
import type { CardContext } from './context';
import { failureText, focusIn } from './fields';
import { langOfBrowser, makeWords, type Words } from './i18n';
import { createSearch, type ListState, type Search } from './search';
import { available, call } from './server';

interface Page {
  w: Words;
  today: string;
  user: string;
  card: CustomerCard | null;
  search: Search;
  list: ListState;
  /** Counts card openings, so a slow answer for a customer no longer wanted is dropped. */
  opening: number;
  /** Whether the server has told the language and locale yet. */
  localized: boolean;
}

const app = document.getElementById('app') as HTMLElement;
const searchSlot = el('div', { class: 'search-slot' });
const statusLine = el('p', { id: 'status', class: 'status-line', role: 'status', 'aria-live': 'polite' });
const view = el('div', { id: 'view' });
fill(app, searchSlot, statusLine, view);

function pick(customer: ListedCustomer): void {
  void open({ mode: 'id', id: customer.id, row: customer.row });
}

const browserWords = makeWords(langOfBrowser(navigator.language));
const page: Page = { w: browserWords, today: '', user: '', card: null, search: createSearch(browserWords, pick, () => void loadList()), list: { kind: 'loading' }, opening: 0, localized: false };

function useWords(w: Words): void {
  const query = page.search.input.value;
  const focused = document.activeElement === page.search.input;
  page.w = w;
  document.documentElement.lang = w.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = w.t('title');
  page.search = createSearch(w, pick, () => void loadList(), query);
  page.search.setList(page.list);
  // The sidebar stays open while the user selects another row (of the customers, orders, contact
  // log or schedule): this opens that row's customer without the menu.
  const selected = el('button', { type: 'button', class: 'link', id: 'open-selection' }, w.t('openSelection'));
  selected.addEventListener('click', () => void open({ mode: 'selection' }));
  // Above the box: Shift+Tab from the card still reaches the search box first.
  fill(searchSlot, available() ? el('p', { class: 'selection-line' }, selected) : null, page.search.element);
  if (focused) page.search.focus();
}

function announce(message: string, tone: 'ok' | 'error' = 'ok'): void {
  statusLine.className = `status-line ${tone}`;
  // Emptying first makes a repeated message ("Saved.") read out again.
  statusLine.textContent = '';
  window.setTimeout(() => {
    statusLine.textContent = message;
  }, 30);
}

const context = (): CardContext => ({
  w: page.w,
  today: page.today,
  user: page.user,
  announce,
  showCard,
  classify,
});

function showCard(card: CustomerCard, focus?: string): void {
  page.card = card;
  view.removeAttribute('aria-busy');
  fill(view, renderCard(card, context()));
  // What a save changed is what the search finds from now on (a renamed customer by its new name).
  const field = (name: string): string => card.profile.find((p) => p.field === name)?.text ?? '';
  page.search.update({ id: card.id, name: card.name, phone: field('phone'), city: field('region'), row: card.row });
  // Focus moves only after something the user did (a search pick, a save); on load it stays put.
  if (focus && !focusIn(view, focus)) (view.querySelector('#card-name') as HTMLElement | null)?.focus();
}

function showLoading(): void {
  view.setAttribute('aria-busy', 'true');
  fill(view, el('p', { class: 'loading' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), page.w.t('loading')));
}

function showNoCard(result: OpenCardResult): void {
  page.card = null;
  view.removeAttribute('aria-busy');
  const reason = result.reason ? page.w.t(`reason_${result.reason}` as const) : '';
  fill(view, result.problem ? el('p', { class: 'error', role: 'alert' }, result.problem) : null, reason ? el('p', { class: 'reason' }, reason) : null);
  page.search.focus();
}

function showFailure(message: string, request: CardRequest): void {
  view.removeAttribute('aria-busy');
  const retry = el('button', { type: 'button', class: 'primary' }, page.w.t('retry'));
  retry.addEventListener('click', () => void open(request));
  fill(view, el('div', { class: 'failure', role: 'alert' }, el('p', { class: 'error' }, message), available() ? retry : null));
  if (available()) retry.focus();
}

/** Clears the status line: a message about one customer ("Saved.") must not stay on the next. */
function quiet(): void {
  statusLine.className = 'status-line';
  statusLine.textContent = '';
}

/** Shows a server's answer: the file's language on the first, then the card or why there is none. */
function show(result: OpenCardResult, focus?: string): void {
  const lang = result.lang === 'zh' || result.lang === 'en' ? result.lang : page.w.lang;
  if (!page.localized) {
    page.localized = true;
    useWords(makeWords(lang, result.locale, result.timeZone));
  }
  page.today = typeof result.today === 'string' ? result.today : '';
  if (typeof result.user === 'string' && result.user) page.user = result.user;
  if (result.card) showCard(result.card, focus);
  else showNoCard(result);
}

async function open(request: CardRequest): Promise<void> {
  const mine = ++page.opening;
  quiet();
  showLoading();
  if (request.mode === 'id') page.search.reset();
  let result: OpenCardResult;
  try {
    result = await call('kehuOpenCard', request);
  } catch (e) {
    if (mine === page.opening) showFailure(failureText(e, page.w), request);
    return;
  }
  if (mine !== page.opening) return;
  show(result, request.mode === 'id' ? 'name' : undefined);
}

function classify(card: CustomerCard, done: () => void): void {
  const mine = ++page.opening;
  call('kehuClassifyNow', { mode: 'id', id: card.id, row: card.row }).then(
    (answer) => {
      if (mine !== page.opening) return;
      if (answer.result) show(answer.result, 'name');
      else done();
      announce(answer.message, answer.ok ? 'ok' : 'error');
    },
    (e: unknown) => {
      done();
      announce(failureText(e, page.w), 'error');
    },
  );
}

/** The customer list, once per sidebar (and again when the user asks after a search found nothing). */
async function loadList(): Promise<void> {
  page.list = { kind: 'loading' };
  page.search.setList(page.list);
  try {
    const answer = await call('kehuCustomerList', {});
    page.list = { kind: 'ready', index: decodeCustomerList(typeof answer.list === 'string' ? answer.list : '') };
    if (typeof answer.user === 'string' && answer.user) page.user = answer.user;
  } catch (e) {
    page.list = { kind: 'failed', message: failureText(e, page.w) };
  }
  page.search.setList(page.list);
}

/** The first card the server wrote into the page, or null (the page was not opened from the menu). */
function firstCard(): OpenCardResult | null {
  const block = document.getElementById(FIRST_CARD_ELEMENT);
  if (!block) return null;
  try {
    const value = JSON.parse(block.textContent ?? '') as OpenCardResult;
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

function start(): void {
  useWords(page.w);
  const first = firstCard();
  if (first) show(first);
  else if (available()) void open({ mode: 'selection' });
  if (available()) void loadList();
  else if (!first) showFailure(page.w.t('notInSheets'), { mode: 'selection' });
}

// The data block comes after this script in the page: wait until the page is parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
