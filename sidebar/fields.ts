/**
 * One profile value on the card: shown as text, revealed on request when it is secret (one call
 * to kehuRevealField, kept until the card is redrawn), edited in place when the server says it
 * may be. An edit is checked here, then sent with the text the card showed; when the cell changed
 * meanwhile the server refuses with the current value, and the user chooses which one stays.
 */
import type { CustomerCard, EditFieldRequest, FieldKind, ProfileField, SaveResult } from '../src/shared/types';
import { el, fill, uid } from './dom';
import type { CardContext } from './context';
import { call, ServerError } from './server';
import { checkValue, MAX_TEXT, problemText as fieldProblemText, type ContactProblem } from '../src/shared/fields';
import type { Words } from './i18n';

export interface FieldOptions {
  multiline?: boolean;
  emptyText?: string;
}

const INPUT_MODE: Record<FieldKind, string> = { text: 'text', phone: 'tel', email: 'email', date: 'numeric', birthday: 'text', amount: 'decimal' };

/** Why a value is refused: the same sentence the server would say (src/shared/fields.ts), in the page's language. */
export function problemText(problem: ContactProblem, w: Words): string {
  return fieldProblemText(problem, w.lang);
}

export function failureText(error: unknown, w: Words): string {
  if (error instanceof ServerError) {
    if (error.kind === 'unavailable') return w.t('notInSheets');
    if (error.kind === 'unreadable') return w.t('unreadable');
    return error.message;
  }
  return String(error);
}

export function fieldValue(card: CustomerCard, field: ProfileField, ctx: CardContext, options: FieldOptions = {}): HTMLElement {
  const w = ctx.w;
  const box = el('div', { class: options.multiline ? 'value multiline' : 'value', id: `field-${field.field}` });
  let revealed: string | null = null;
  let showing = false;

  /** While editing, the row gives the whole width to the form (the label goes above it). */
  const editing = (on: boolean): void => {
    box.closest('.kv > div')?.classList.toggle('editing', on);
  };

  const showValue = (): void => {
    editing(false);
    const text = field.secret && showing && revealed !== null ? revealed : field.text;
    const shown = text
      ? el(options.multiline ? 'p' : 'span', { class: options.multiline ? 'notes' : 'text', id: field.field === 'notes' ? 'card-notes' : null }, text)
      : el(options.multiline ? 'p' : 'span', { class: options.multiline ? 'muted' : 'empty', id: field.field === 'notes' ? 'card-notes' : null }, options.emptyText ?? w.t('empty'));
    const buttons: HTMLElement[] = [];
    if (field.secret && field.text) {
      const reveal = el('button', { type: 'button', class: 'link', 'data-focus': `reveal:${field.field}`, 'aria-label': showing ? w.t('hideField', field.label) : w.t('revealField', field.label) }, showing ? w.t('hide') : w.t('reveal'));
      reveal.addEventListener('click', () => void toggleReveal(reveal));
      buttons.push(reveal);
    }
    if (field.editable) {
      const edit = el('button', { type: 'button', class: 'link', 'data-focus': `edit:${field.field}`, 'aria-label': w.t('editField', field.label) }, w.t('edit'));
      edit.addEventListener('click', () => openEditor());
      buttons.push(edit);
    }
    fill(box, shown, buttons.length ? el('span', { class: 'tools' }, ...buttons) : null);
  };

  const toggleReveal = async (button: HTMLButtonElement): Promise<void> => {
    if (showing) {
      showing = false;
      showValue();
      focusIn(box, `reveal:${field.field}`);
      return;
    }
    if (revealed === null) {
      button.disabled = true;
      button.textContent = w.t('revealing');
      try {
        revealed = (await call('kehuRevealField', { id: card.id, field: field.field })).value;
        if (typeof revealed !== 'string') revealed = String(revealed ?? '');
      } catch (e) {
        ctx.announce(failureText(e, w), 'error');
        showValue();
        focusIn(box, `reveal:${field.field}`);
        return;
      }
    }
    showing = true;
    showValue();
    focusIn(box, `reveal:${field.field}`);
  };

  const openEditor = (): void => {
    const inputId = uid('in');
    const errorId = uid('err');
    const input = options.multiline
      ? el('textarea', { id: inputId, rows: 4, maxlength: MAX_TEXT, 'aria-describedby': errorId })
      : el('input', { id: inputId, type: 'text', autocomplete: 'off', inputmode: INPUT_MODE[field.kind], placeholder: field.kind === 'date' ? 'YYYY-MM-DD' : null, 'aria-describedby': errorId });
    input.value = field.secret && revealed !== null ? revealed : field.text;
    const error = el('p', { class: 'error', id: errorId, hidden: true });
    const save = el('button', { type: 'submit', class: 'primary' }, w.t('save'));
    const cancel = el('button', { type: 'button' }, w.t('cancel'));
    const conflictBox = el('div', { class: 'conflict', hidden: true, role: 'alert' });
    const form = el('form', { class: 'edit', novalidate: true }, el('label', { for: inputId, class: 'sr-only' }, field.label), input, error, conflictBox, el('div', { class: 'buttons' }, save, cancel));

    const close = (): void => {
      showValue();
      focusIn(box, `edit:${field.field}`);
    };
    const showError = (message: string): void => {
      error.textContent = message;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
    };
    const busy = (on: boolean): void => {
      input.disabled = on;
      save.disabled = on;
      cancel.disabled = on;
      save.textContent = on ? w.t('saving') : w.t('save');
    };
    const send = async (value: string, expected: string): Promise<void> => {
      error.hidden = true;
      conflictBox.hidden = true;
      busy(true);
      let result: SaveResult;
      try {
        const request: EditFieldRequest = { id: card.id, row: card.row, field: field.field, expected, value };
        result = await call('kehuEditField', request);
      } catch (e) {
        busy(false);
        showError(w.t('failed', failureText(e, w)));
        input.focus();
        return;
      }
      busy(false);
      if (result.ok) {
        ctx.showCard(result.card, `edit:${field.field}`);
        ctx.announce(w.t('saved', field.label), 'ok');
      } else if (result.reason === 'conflict') {
        showConflict(value, result.current ?? '');
      } else {
        showError(result.message || w.t('failed', result.reason));
        input.focus();
      }
    };
    const showConflict = (mine: string, current: string): void => {
      const apply = el('button', { type: 'button', class: 'primary' }, w.t('conflictApply'));
      const keep = el('button', { type: 'button' }, w.t('conflictKeep'));
      apply.addEventListener('click', () => void send(mine, current));
      keep.addEventListener('click', () => {
        // The sheet's value stays; the card shows it from now on, and a later edit starts from it.
        field.text = current;
        close();
        ctx.announce(w.t('kept', field.label), 'ok');
      });
      fill(conflictBox, el('p', null, w.t('conflict')), el('p', { class: 'current' }, current ? current : w.t('emptyValue')), el('div', { class: 'buttons' }, apply, keep));
      conflictBox.hidden = false;
      apply.focus();
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const checked = checkValue(field.kind, input.value);
      if (!checked.ok) {
        showError(problemText(checked.problem, w));
        input.focus();
        return;
      }
      const shown = field.secret && revealed !== null ? revealed : field.text;
      if (checked.value === shown) {
        close();
        return;
      }
      void send(checked.value, field.text);
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close();
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && options.multiline) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    cancel.addEventListener('click', close);
    fill(box, form);
    editing(true);
    input.focus();
  };

  showValue();
  return box;
}

/** Focus the control whose data-focus is `key` (compared as text: field names come from the server). */
export function focusIn(box: ParentNode, key: string): boolean {
  for (const node of Array.from(box.querySelectorAll<HTMLElement>('[data-focus]'))) {
    if (node.dataset.focus === key) {
      node.focus();
      return true;
    }
  }
  return false;
}
