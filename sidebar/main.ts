/**
 * The sidebar page. On load: one call, kehuOpenCard({mode: 'selection'}), which brings the card
 * of the selected row (or why there is none) with the file's language, locale, time zone, today
 * and the user. Until it answers the page speaks the browser's language and shows loading.
 */
import type { CardRequest, CustomerCard, OpenCardResult } from '../src/shared/types';
import { el, fill } from './dom';
import { renderCard } from './card';
import type { CardContext } from './context';
import { failureText, focusIn } from './fields';
import { langOfBrowser, makeWords, type Words } from './i18n';
import { createSearch, type Search } from './search';
import { available, call } from './server';

interface Page {
  w: Words;
  today: string;
  user: string;
  card: CustomerCard | null;
  search: Search;
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

function pick(id: string): void {
  void open({ mode: 'id', id });
}

const browserWords = makeWords(langOfBrowser(navigator.language));
const page: Page = { w: browserWords, today: '', user: '', card: null, search: createSearch(browserWords, pick), opening: 0, localized: false };

function useWords(w: Words): void {
  const query = page.search.input.value;
  const focused = document.activeElement === page.search.input;
  page.w = w;
  document.documentElement.lang = w.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = w.t('title');
  page.search = createSearch(w, pick, query);
  fill(searchSlot, page.search.element);
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
});

function showCard(card: CustomerCard, focus?: string): void {
  page.card = card;
  view.removeAttribute('aria-busy');
  fill(view, renderCard(card, context()));
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
  const lang = result.lang === 'zh' || result.lang === 'en' ? result.lang : page.w.lang;
  if (!page.localized) {
    page.localized = true;
    useWords(makeWords(lang, result.locale, result.timeZone));
  }
  page.today = typeof result.today === 'string' ? result.today : '';
  page.user = typeof result.user === 'string' ? result.user : '';
  if (result.card) showCard(result.card, request.mode === 'id' ? 'name' : undefined);
  else showNoCard(result);
}

useWords(page.w);
if (available()) void open({ mode: 'selection' });
else showFailure(page.w.t('notInSheets'), { mode: 'selection' });
