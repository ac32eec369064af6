/**
 * Logging a visit, a call or a complaint from the card: three buttons open one small form (the
 * kind chosen, the date today in the file's time zone, who made it, a note; a complaint also
 * needs its reply deadline). One call saves it; the card that comes back shows it at once.
 */
import type { CardContactKind, CustomerCard, LogContactRequest, SaveResult } from '../src/shared/types';
import { el, fill, uid } from './dom';
import type { CardContext } from './context';
import { call } from './server';
import { checkContact, MAX_TEXT, type ContactProblem } from '../src/shared/fields';
import { failureText, focusIn, problemText } from './fields';
import type { Words } from './i18n';

const KINDS: CardContactKind[] = ['visit', 'call', 'complaint'];

/** The sentence the server would say too (src/shared/fields.ts); "after today" also names today. */
function contactProblemText(problem: ContactProblem, w: Words, today: string): string {
  const text = problemText(problem, w);
  if (problem !== 'future' || !today) return text;
  return w.lang === 'zh' ? text.replace(/。$/, `（${w.date(today)}）。`) : text.replace(/\.$/, ` (${w.date(today)}).`);
}

function labelled(label: string, control: HTMLElement & { id: string }, error: HTMLElement): HTMLElement {
  control.setAttribute('aria-describedby', error.id);
  return el('div', { class: 'control' }, el('label', { for: control.id }, label), control, error);
}

export function logActions(card: CustomerCard, ctx: CardContext): HTMLElement {
  const w = ctx.w;
  const headingId = uid('h');
  const formBox = el('div', { class: 'log-box' });
  const openers = KINDS.map((kind) => {
    const b = el('button', { type: 'button', 'data-focus': `log:${kind}`, 'aria-expanded': 'false' }, w.t(`log_${kind}` as const));
    b.addEventListener('click', () => open(kind));
    return b;
  });
  const part = el('section', { class: 'part part-log', 'aria-labelledby': headingId }, el('h2', { id: headingId }, w.t('actions')), el('div', { class: 'buttons' }, ...openers), formBox);

  const close = (kind: CardContactKind): void => {
    fill(formBox);
    for (const b of openers) b.setAttribute('aria-expanded', 'false');
    focusIn(part, `log:${kind}`);
  };

  const open = (initial: CardContactKind): void => {
    for (const b of openers) b.setAttribute('aria-expanded', b.dataset.focus === `log:${initial}` ? 'true' : 'false');
    const err = (): HTMLElement => el('p', { class: 'error', id: uid('err'), hidden: true });
    const kind = el('select', { id: uid('in') }, ...KINDS.map((k) => el('option', { value: k }, w.t(`kind_${k}` as const))));
    kind.value = initial;
    const date = el('input', { id: uid('in'), type: 'date', max: ctx.today || null, required: true });
    date.value = ctx.today;
    const person = el('input', { id: uid('in'), type: 'text', autocomplete: 'off' });
    person.value = ctx.user;
    const note = el('textarea', { id: uid('in'), rows: 3, maxlength: MAX_TEXT });
    const deadline = el('input', { id: uid('in'), type: 'date', min: ctx.today || null });
    const errors = { kind: err(), date: err(), person: err(), note: err(), deadline: err() };
    const deadlineRow = labelled(w.t('deadline'), deadline, errors.deadline);
    const formError = el('p', { class: 'error', hidden: true, role: 'alert' });
    const save = el('button', { type: 'submit', class: 'primary' }, w.t('saveContact'));
    const cancel = el('button', { type: 'button' }, w.t('cancel'));
    const title = el('h3', null, w.t('logTitle', w.t(`kind_${initial}` as const)));
    const form = el(
      'form',
      { class: 'log', novalidate: true, 'aria-label': w.t('actions') },
      title,
      labelled(w.t('kind'), kind, errors.kind),
      labelled(w.t('date'), date, errors.date),
      labelled(w.t('person'), person, errors.person),
      labelled(w.t('note'), note, errors.note),
      deadlineRow,
      formError,
      el('div', { class: 'buttons' }, save, cancel),
    );
    const syncKind = (): void => {
      deadlineRow.hidden = kind.value !== 'complaint';
      title.textContent = w.t('logTitle', w.t(`kind_${kind.value as CardContactKind}` as const));
    };
    kind.addEventListener('change', syncKind);
    syncKind();

    const clearErrors = (): void => {
      for (const e of Object.values(errors)) e.hidden = true;
      for (const c of [date, note, deadline]) c.removeAttribute('aria-invalid');
      formError.hidden = true;
    };
    const busy = (on: boolean): void => {
      for (const c of [kind, date, person, note, deadline, save, cancel]) c.disabled = on;
      save.textContent = on ? w.t('saving') : w.t('saveContact');
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors();
      const k = kind.value as CardContactKind;
      const input = { kind: k, date: date.value, note: note.value, deadline: deadline.value };
      const bad = checkContact(input, ctx.today);
      if (bad) {
        const control = { kind, date, note, deadline }[bad.field];
        errors[bad.field].textContent = contactProblemText(bad.problem, w, ctx.today);
        errors[bad.field].hidden = false;
        control.setAttribute('aria-invalid', 'true');
        control.focus();
        return;
      }
      const request: LogContactRequest = { id: card.id, row: card.row, kind: k, date: input.date, note: note.value.trim() };
      const who = person.value.trim();
      if (who) request.person = who;
      if (k === 'complaint') request.deadline = input.deadline;
      busy(true);
      call('kehuLogContact', request).then(
        (result: SaveResult) => {
          busy(false);
          if (result.ok) {
            ctx.showCard(result.card, `log:${k}`);
            ctx.announce(w.t('logged', w.t(`kind_${k}` as const), result.card.name), 'ok');
          } else {
            formError.textContent = result.message || w.t('failed', result.reason);
            formError.hidden = false;
          }
        },
        (e: unknown) => {
          busy(false);
          formError.textContent = w.t('failed', failureText(e, w));
          formError.hidden = false;
        },
      );
    });
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        close(initial);
      }
    });
    cancel.addEventListener('click', () => close(initial));
    fill(formBox, form);
    note.focus();
  };

  return part;
}
