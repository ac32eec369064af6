/**
 * Find a customer by name, code or phone as one types. One call per pause in typing (debounced),
 * none for a query already asked; an answer to anything but the latest query is dropped. The
 * results are buttons (Tab reaches them); ArrowDown from the box moves into them, arrows move
 * between them, Enter opens one (Enter in the box opens the first), Escape closes the list.
 */
import type { SearchResponse } from '../src/shared/types';
import { el, fill } from './dom';
import { failureText } from './fields';
import type { Words } from './i18n';
import { call } from './server';

export const SEARCH_PAUSE_MS = 250;

export interface Search {
  element: HTMLElement;
  input: HTMLInputElement;
  focus(): void;
  /** Drop the query and the list (after a customer was opened). */
  reset(): void;
}

export function createSearch(w: Words, onPick: (id: string) => void, initialQuery = ''): Search {
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
  const panel = el('div', { class: 'search-panel', hidden: true }, info, list);
  const element = el('div', { class: 'search', role: 'search' }, el('label', { for: 'search-input', class: 'sr-only' }, w.t('searchLabel')), input, panel);

  let timer: number | undefined;
  /** Queries asked and not answered yet: asking again would be a second call for one pause. */
  const pending = new Set<string>();
  /** Recent answers: backspacing to a query already answered costs no call. */
  const answers = new Map<string, SearchResponse>();
  /** The answer on show, for Enter in the box. */
  let shown: SearchResponse | null = null;

  const current = (): string => input.value.trim();
  const buttons = (): HTMLButtonElement[] => Array.from(list.querySelectorAll('button'));

  const hide = (): void => {
    panel.hidden = true;
    fill(list);
    info.textContent = '';
    shown = null;
  };

  const render = (answer: SearchResponse): void => {
    shown = answer;
    const results = Array.isArray(answer.results) ? answer.results : [];
    fill(
      list,
      ...results.map((r) => {
        const b = el('button', { type: 'button', class: 'result', 'data-id': r.id }, el('span', { class: 'r-name' }, r.name || r.id), el('span', { class: 'r-meta' }, el('bdi', null, r.id), r.phone ? ' · ' : '', r.phone ? el('bdi', null, r.phone) : null));
        b.addEventListener('click', () => onPick(r.id));
        return el('li', null, b);
      }),
    );
    const total = Number.isFinite(answer.total) ? answer.total : results.length;
    info.textContent = results.length === 0
      ? w.t('noResults', answer.query)
      : `${total > results.length ? w.t('resultsSome', w.number(total, 0), results.length) : total === 1 ? w.t('resultsOne') : w.t('resultsAll', w.number(total, 0))}${w.lang === 'zh' ? '' : ' '}${w.t('resultsHint')}`;
    panel.hidden = false;
  };

  const remember = (query: string, answer: SearchResponse): void => {
    answers.set(query, answer);
    if (answers.size > 50) answers.delete(answers.keys().next().value as string);
  };

  const run = (): void => {
    timer = undefined;
    const query = current();
    if (query === '') return;
    const known = answers.get(query);
    if (known) {
      render(known);
      return;
    }
    if (pending.has(query)) return;
    pending.add(query);
    info.textContent = w.t('searching');
    panel.hidden = false;
    // An answer is shown only if its query is still what the box holds: a slow answer to an
    // earlier query never replaces the list of the one typed since.
    call('kehuSearch', query).then(
      (answer) => {
        pending.delete(query);
        remember(query, answer);
        if (current() === query) render({ ...answer, query });
      },
      (e: unknown) => {
        pending.delete(query);
        if (current() !== query) return;
        fill(list);
        shown = null;
        info.textContent = w.t('searchFailed', failureText(e, w));
      },
    );
  };

  input.addEventListener('input', () => {
    if (timer !== undefined) window.clearTimeout(timer);
    if (current() === '') {
      hide();
      return;
    }
    timer = window.setTimeout(run, SEARCH_PAUSE_MS);
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
        // Enter before the pause ends asks at once instead of waiting.
        window.clearTimeout(timer);
        run();
      } else if (shown && shown.results.length > 0 && shown.query === current()) {
        onPick(shown.results[0].id);
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
      all[Math.min(all.length - 1, at + 1)].focus();
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
      // A saved edit may change what a query finds.
      answers.clear();
      input.value = '';
      hide();
    },
  };
}
