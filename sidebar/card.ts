/**
 * The customer card: everything a rep reads before a contact, in one scrolling column that fits
 * 300 px. The id, the name and the notes come first, so they are visible without a click.
 */
import type { CardContact, CardFlag, CustomerCard, ProfileField } from '../src/shared/types';
import { el, uid, type Child } from './dom';
import type { CardContext } from './context';
import type { Words } from './i18n';
import { monthlyChart, paretoChart } from './charts';
import { fieldValue } from './fields';
import { logActions } from './logForm';

/** Fields shown elsewhere on the card (header, notes) rather than in the profile list. */
const NOT_IN_PROFILE = new Set(['id', 'name', 'notes']);

function section(title: string, name: string, ...children: Child[]): HTMLElement {
  const id = uid('h');
  return el('section', { class: `part part-${name}`, 'aria-labelledby': id }, el('h2', { id }, title), ...children);
}

function kv(rows: [string, Child][]): HTMLElement {
  return el('dl', { class: 'kv' }, ...rows.map(([k, v]) => el('div', null, el('dt', null, k), el('dd', null, v))));
}

function listOrEmpty(items: HTMLElement[], emptyText: string, cls: string): HTMLElement {
  return items.length ? el('ul', { class: `list ${cls}` }, ...items) : el('p', { class: 'muted' }, emptyText);
}

function orDash(text: string | null | undefined, w: Words): Child {
  return text ? text : el('span', { class: 'empty' }, w.t('empty'));
}

function meter(share: number, over: boolean): HTMLElement {
  const pct = Math.round(Math.min(1, Math.max(0, share)) * 100);
  return el('span', { class: `meter${over ? ' over' : ''}`, 'aria-hidden': 'true' }, el('span', { style: `width:${pct}%` }));
}

function header(card: CustomerCard, w: Words): HTMLElement {
  const status = card.status ? el('span', { class: `status status-${card.status}` }, w.t(`status_${card.status}` as const)) : null;
  const tier = card.tier ? el('span', { class: `tier tier-${card.tier}`, title: w.t('tier') }, card.tier) : null;
  return el(
    'header',
    { class: 'head' },
    el('h1', { id: 'card-name', 'data-focus': 'name', tabindex: '-1' }, card.name || w.t('empty')),
    el('p', { class: 'sub' }, el('span', { class: 'code' }, `${w.t('id')} `, el('bdi', { id: 'card-id' }, card.id)), ` · ${w.t('row', card.row)} `, tier, ' ', status),
  );
}

function notes(card: CustomerCard, ctx: CardContext): HTMLElement {
  const field = card.profile.find((f) => f.field === 'notes');
  const body = field && field.editable
    ? fieldValue(card, field, ctx, { multiline: true, emptyText: ctx.w.t('noNotes') })
    : card.notes
      ? el('p', { class: 'notes', id: 'card-notes' }, card.notes)
      : el('p', { class: 'muted', id: 'card-notes' }, ctx.w.t('noNotes'));
  return section(ctx.w.t('notes'), 'notes', body);
}

function flagItem(flag: CardFlag, w: Words): HTMLElement {
  return el('li', { class: `flag flag-${flag.severity}` }, el('span', { class: 'badge' }, w.t(flag.severity)), ' ', flag.text);
}

function profile(card: CustomerCard, ctx: CardContext): HTMLElement {
  const fields = card.profile.filter((f) => !NOT_IN_PROFILE.has(f.field));
  return section(
    ctx.w.t('profile'),
    'profile',
    el('dl', { class: 'kv fields' }, ...fields.map((f: ProfileField) => el('div', { 'data-field': f.field }, el('dt', { id: `label-${f.field}` }, f.label), el('dd', null, fieldValue(card, f, ctx))))),
  );
}

function rep(card: CustomerCard, w: Words): HTMLElement {
  if (!card.rep) return section(w.t('rep'), 'rep', el('p', { class: 'muted' }, w.t('noRep')));
  const r = card.rep;
  return section(w.t('rep'), 'rep', el('p', null, orDash(r.name, w), r.code ? el('span', { class: 'muted' }, ` · ${r.code}`) : null, r.email ? el('br') : null, r.email ? el('span', { class: 'muted wrap' }, r.email) : null));
}

function movementText(card: CustomerCard, w: Words): string {
  switch (card.movement) {
    case 'up':
      return `↑ ${w.t('move_up', card.previousTier || '—')}`;
    case 'down':
      return `↓ ${w.t('move_down', card.previousTier || '—')}`;
    case 'new':
      return w.t('move_new');
    default:
      return w.t('move_none');
  }
}

function classification(card: CustomerCard, w: Words): HTMLElement {
  const s = card.scores;
  const waits = (k: NonNullable<CustomerCard['waiting']>[number]): boolean => card.waiting?.includes(k) ?? false;
  const waitingText = el('span', { class: 'muted' }, w.t('waitsForRun'));
  const rows: [string, Child][] = [
    [w.t('rfm'), s ? `${s.code} (R${s.r} F${s.f} M${s.m})` : waits('scores') ? waitingText.cloneNode(true) : orDash('', w)],
    [w.t('segment'), s?.segment ? s.segment : waits('scores') ? waitingText.cloneNode(true) : orDash('', w)],
    [w.t('tier'), waits('tier') ? waitingText.cloneNode(true) : el('span', null, card.tier ? el('strong', null, card.tier) : w.t('noTier'), ' ', el('span', { class: `move move-${card.movement || 'none'}` }, movementText(card, w)))],
    [w.t('quadrant'), card.quadrant ? card.quadrant : waits('quadrant') ? waitingText.cloneNode(true) : orDash('', w)],
  ];
  if (card.pAlive !== null && card.pAlive !== undefined) rows.push([w.t('pAlive'), el('span', null, w.percent(card.pAlive), card.pAliveWords ? el('span', { class: 'muted' }, ` · ${card.pAliveWords}`) : null)]);
  else if (waits('pAlive')) rows.push([w.t('pAlive'), waitingText.cloneNode(true)]);
  const curve = waits('pareto') ? el('p', { class: 'muted' }, w.t('paretoWaiting')) : paretoChart(card.pareto, w);
  return section(w.t('classification'), 'class', kv(rows), el('h3', null, w.t('pareto')), curve);
}

function orders(card: CustomerCard, w: Words): HTMLElement {
  const o = card.orders;
  const rows: [string, Child][] = [];
  if (o.count === 0) rows.push([w.t('orderCount'), w.t('noOrders')]);
  else {
    const ago = o.recencyDays === null ? '' : o.recencyDays === 0 ? ` (${w.t('today')})` : ` (${w.t('daysAgo', w.number(o.recencyDays, 0))})`;
    rows.push([w.t('lastOrder'), o.lastOrder ? `${w.date(o.lastOrder)}${ago}` : orDash('', w)]);
    rows.push([w.t('orderCount'), w.number(o.count, 0)]);
    rows.push([w.t('revenue'), w.number(o.revenue)]);
    rows.push([w.t('average'), o.average === null ? orDash('', w) : w.number(o.average)]);
  }
  if (o.creditLimit !== null) {
    const used = o.creditUsed;
    const text = w.t('creditOf', w.number(o.outstanding ?? 0), w.number(o.creditLimit));
    rows.push([w.t('credit'), el('span', { class: used !== null && used > 1 ? 'bad' : '' }, text, used !== null ? ` (${w.percent(used)})` : '', used !== null ? meter(used, used > 1) : null)]);
  }
  return section(w.t('orders'), 'orders', kv(rows), el('h3', null, w.t('monthly')), monthlyChart(card.monthly, w));
}

function completeness(card: CustomerCard, w: Words): HTMLElement {
  const c = card.completeness;
  if (c.known <= 0) return section(w.t('completeness'), 'complete', el('p', { class: 'muted' }, w.t('noKnownFields')));
  const share = c.filled / c.known;
  return section(
    w.t('completeness'),
    'complete',
    el('p', null, w.t('filled', c.filled, c.known), ` (${w.percent(share)})`, meter(share, false)),
    c.missing.length ? el('p', { class: 'warn' }, w.t('missing', c.missing.join(w.lang === 'zh' ? '、' : ', '))) : el('p', { class: 'muted' }, w.t('nothingMissing')),
  );
}

function kindWord(kind: CardContact['kind'], w: Words): string {
  return w.t(`kind_${kind}` as const);
}

function visits(card: CustomerCard, w: Words): HTMLElement {
  const items = card.nextVisits.map((v) =>
    el('li', null, el('strong', null, `${w.date(v.date)}${v.time ? ` ${v.time}` : ''}`), ` · ${kindWord(v.kind, w)}`, v.person ? ` · ${v.person}` : '', v.status ? el('span', { class: 'muted' }, ` · ${v.status}`) : null));
  return section(w.t('visits'), 'visits', listOrEmpty(items, w.t('noVisits'), 'visits'));
}

function contacts(card: CustomerCard, w: Words): HTMLElement {
  const items = card.lastContacts.map((c) =>
    el('li', null, el('strong', null, w.date(c.date)), ` · ${c.kindText || kindWord(c.kind, w)}`, c.person ? ` · ${c.person}` : '', c.note ? el('p', { class: 'note' }, c.note) : null));
  return section(w.t('contacts'), 'contacts', listOrEmpty(items, w.t('noContacts'), 'contacts'));
}

function complaints(card: CustomerCard, w: Words): HTMLElement {
  const items = card.complaints.map((c) =>
    el(
      'li',
      { class: c.overdue ? 'complaint overdue' : 'complaint' },
      el('strong', null, w.date(c.date)),
      c.overdue ? el('span', { class: 'badge' }, w.t('overdue')) : null,
      c.note ? el('p', { class: 'note' }, c.note) : null,
      el('p', { class: 'muted' }, c.owner ? w.t('owner', c.owner) : w.t('noOwner'), ' · ', c.deadline ? w.t('replyBy', w.date(c.deadline)) : w.t('noDeadline')),
    ));
  return section(w.t('complaints'), 'complaints', listOrEmpty(items, w.t('noComplaints'), 'complaints'));
}

/** Before a classification knows this customer: which figures wait for one, and a button to run it. */
function waiting(card: CustomerCard, ctx: CardContext): HTMLElement | null {
  if (!card.waiting || card.waiting.length === 0) return null;
  const w = ctx.w;
  const what = card.waiting.map((k) => w.t(`waiting_${k}` as const)).join(w.t('listSeparator'));
  const text = card.classifiedAt ? w.t('waitingNew', w.dateTime(card.classifiedAt), what) : w.t('waitingFirst', what);
  const button = el('button', { type: 'button', class: 'primary', id: 'classify-now', 'data-focus': 'classify' }, w.t('classifyNow'));
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = w.t('classifying');
    ctx.classify(card, () => {
      button.disabled = false;
      button.textContent = w.t('classifyNow');
    });
  });
  return section(w.t('waitingTitle'), 'waiting', el('p', { id: 'waiting-text' }, text), el('div', { class: 'buttons' }, button));
}

export function renderCard(card: CustomerCard, ctx: CardContext): HTMLElement {
  const w = ctx.w;
  const flagsWait = card.waiting?.includes('flags');
  return el(
    'article',
    { class: 'card', 'aria-labelledby': 'card-name', 'data-id': card.id },
    header(card, w),
    notes(card, ctx),
    waiting(card, ctx),
    section(w.t('flags'), 'flags', listOrEmpty(card.flags.map((f) => flagItem(f, w)), flagsWait ? w.t('flagsWaiting') : w.t('noFlags'), 'flags')),
    logActions(card, ctx),
    profile(card, ctx),
    rep(card, w),
    classification(card, w),
    orders(card, w),
    completeness(card, w),
    complaints(card, w),
    visits(card, w),
    contacts(card, w),
    el('p', { class: 'muted foot' }, card.classifiedAt ? w.t('classifiedAt', w.dateTime(card.classifiedAt)) : w.t('notClassified')),
  );
}
