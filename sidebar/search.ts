/**
 * Find a customer by name, code, city or phone as one types, in the list the page received once
 * (src/shared/customerList.ts): no server call per keystroke. Every match can be reached: the
 * first PAGE are shown, and "show more" adds the next ones. A search that finds nothing says so,
 * shows no earlier results, and offers to read the list again (a customer added or renamed in the
 * sheet since the sidebar opened). The results are buttons (Tab reaches them); ArrowDown from the
 * box moves into them, arrows move between them, Enter opens one (Enter in the box opens the
 * first), Escape closes the list.
 */
import { fold, searchList, updateListed, type CustomerIndex, type ListedCustomer, type Matches } from '../src/shared/customerList';
import { el, fill } from './dom';
import type { Words } from './i18n';

/** Results shown at first, and added by each "show more". */
export const PAGE = 20;
/** A short pause after a keystroke before searching (a 50,000-line list takes a few milliseconds). */
export const SEARCH_PAUSE_MS = 60;

export type ListState = { kind: 'loading' } | { kind: 'ready'; index: CustomerIndex } | { kind: 'failed'; message: string };

export interface Search {
  element: HTMLElement;
  input: HTMLInputElement;
  focus(): void;
  /** Drop the query and the list of results (after a customer was opened). */
  reset(): void;
  /** The customers to search (or why there are none yet); a query typed meanwhile is searched again. */
  setList(state: ListState): void;
  /** A customer's new name or phone, after a save (found by the new name at once). */
  update(customer: ListedCustomer): void;
}

export function createSearch(w: Words, onPick: (customer: ListedCustomer) => void, onReload: () => void, initialQuery = ''): Search {
  const input = el('input', {
    id: 'search-input',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: w.t('searchPlaceholder'),
    'aria-controls': 'search-results',
    'aria-describedby': 'search-info',
  });
  input.value = initialQuery;
  const info = el('p', { id: 'search-info', class: 'muted', 'aria-live': 'polite' });
  const list = el('ul', { id: 'search-results', class: 'results', 'aria-label': w.t('searchLabel') });
  const more = el('button', { type: 'button', class: 'link more', id: 'search-more', hidden: true });
  const reload = el('button', { type: 'button', class: 'link', id: 'search-reload', hidden: true }, w.t('searchReload'));
  const panel = el('div', { class: 'search-panel', hidden: true }, info, list, more, reload);
  const element = el('div', { class: 'search', role: 'search' }, el('label', { for: 'search-input', class: 'sr-only' }, w.t('searchLabel')), input, panel);

  let state: ListState = { kind: 'loading' };
  let timer: number | undefined;
  /** The matches on show and how many of them are drawn. */
  let shown: { matches: Matches; drawn: number } | null = null;

  const current = (): string => input.value.trim();
  const buttons = (): HTMLButtonElement[] => Array.from(list.querySelectorAll('button.result'));

  const hide = (): void => {
    panel.hidden = true;
    fill(list);
    info.textContent = '';
    more.hidden = true;
    reload.hidden = true;
    shown = null;
  };

  const resultButton = (c: ListedCustomer): HTMLElement => {
    const meta: (string | HTMLElement)[] = [el('bdi', null, c.id)];
    if (c.city) meta.push(' · ', el('bdi', null, c.city));
    if (c.phone) meta.push(' · ', el('bdi', null, c.phone));
    const b = el('button', { type: 'button', class: 'result', 'data-id': c.id }, el('span', { class: 'r-name' }, c.name || c.id), el('span', { class: 'r-meta' }, ...meta));
    b.addEventListener('click', () => onPick(c));
    return el('li', null, b);
  };

  const drawMore = (index: CustomerIndex): void => {
    if (!shown) return;
    const { matches } = shown;
    const next = matches.found.slice(shown.drawn, shown.drawn + PAGE);
    for (const i of next) list.appendChild(resultButton(index.customers[i]));
    shown.drawn += next.length;
    const total = matches.found.length;
    const left = total - shown.drawn;
    more.hidden = left <= 0;
    more.textContent = left > 0 ? w.t('showMore', Math.min(PAGE, left), w.number(left, 0)) : '';
    const count = total === 1
      ? w.t('resultsOne')
      : total > shown.drawn
        ? w.t('resultsSome', w.number(total, 0), w.number(shown.drawn, 0))
        : w.t('resultsAll', w.number(total, 0));
    info.textContent = `${count}${w.lang === 'zh' ? '' : ' '}${w.t('resultsHint')}`;
  };

  const run = (): void => {
    timer = undefined;
    const query = current();
    if (query === '') {
      hide();
      return;
    }
    panel.hidden = false;
    fill(list);
    more.hidden = true;
    reload.hidden = true;
    shown = null;
    if (state.kind === 'loading') {
      info.textContent = w.t('listLoading');
      return;
    }
    if (state.kind === 'failed') {
      info.textContent = w.t('searchFailed', state.message);
      reload.hidden = false;
      return;
    }
    const matches = searchList(state.index, query);
    if (matches.found.length === 0) {
      // Nothing stale: the list is empty, the sentence says what found nothing.
      info.textContent = w.t('noResults', query);
      reload.hidden = false;
      return;
    }
    shown = { matches, drawn: 0 };
    drawMore(state.index);
  };

  input.addEventListener('input', () => {
    if (timer !== undefined) window.clearTimeout(timer);
    if (current() === '') {
      hide();
      return;
    }
    timer = window.setTimeout(run, SEARCH_PAUSE_MS);
  });

  more.addEventListener('click', () => {
    if (state.kind !== 'ready') return;
    const first = shown?.drawn ?? 0;
    drawMore(state.index);
    buttons()[first]?.focus();
  });

  reload.addEventListener('click', () => {
    reload.hidden = true;
    onReload();
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = buttons()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (timer !== undefined) {
        window.clearTimeout(timer);
        run();
      }
      if (shown && shown.matches.found.length > 0 && state.kind === 'ready' && fold(shown.matches.query) === fold(current())) {
        onPick(state.index.customers[shown.matches.found[0]]);
      }
    } else if (event.key === 'Escape' && (!panel.hidden || input.value !== '')) {
      event.preventDefault();
      input.value = '';
      hide();
    }
  });

  list.addEventListener('keydown', (event) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (at === all.length - 1 && !more.hidden) more.focus();
      else all[Math.min(all.length - 1, at + 1)].focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (at === 0) input.focus();
      else all[at - 1].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      hide();
      input.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      all[event.key === 'Home' ? 0 : all.length - 1].focus();
    }
  });

  return {
    element,
    input,
    focus: () => input.focus(),
    reset() {
      if (timer !== undefined) window.clearTimeout(timer);
      timer = undefined;
      input.value = '';
      hide();
    },
    setList(next) {
      state = next;
      if (current() !== '') run();
    },
    update(customer) {
      if (state.kind === 'ready') updateListed(state.index, customer);
    },
  };
}
