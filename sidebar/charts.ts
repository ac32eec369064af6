/**
 * The card's two pictures, drawn as SVG by the page (no image service): where the customer sits
 * on the team's Pareto curve, and its orders over the last 24 months. Each is role="img" with a
 * sentence as its text alternative, and a short visible caption.
 */
import type { CustomerCard } from '../src/shared/types';
import { el, svg } from './dom';
import type { Words } from './i18n';

const W = 280;

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function round(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

export function paretoChart(pareto: CustomerCard['pareto'], w: Words): HTMLElement {
  if (!pareto || pareto.customers <= 0) return el('p', { class: 'muted' }, w.t('paretoNone'));
  const left = 30;
  const right = W - 8;
  const top = 8;
  const bottom = 108;
  const x = (share: number): number => left + clamp01(share) * (right - left);
  const y = (share: number): number => bottom - clamp01(share) * (bottom - top);

  const points: [number, number][] = [[0, 0], ...pareto.curve.filter((p) => Array.isArray(p) && p.length === 2)];
  points.sort((a, b) => a[0] - b[0]);
  const line = points.map(([px, py]) => `${round(x(px))},${round(y(py))}`).join(' ');
  const area = `${round(x(0))},${round(y(0))} ${line} ${round(x(points[points.length - 1][0]))},${round(y(0))}`;
  const customerShare = pareto.rank / pareto.customers;
  const cx = x(customerShare);
  const cy = y(pareto.share);
  const topShare = w.percent(customerShare);
  const alt = w.t('paretoAlt', w.number(pareto.rank, 0), w.number(pareto.customers, 0), topShare, w.percent(pareto.share));

  const picture = svg(
    'svg',
    { viewBox: `0 0 ${W} 132`, role: 'img', 'aria-label': alt, class: 'chart' },
    svg('title', null, alt),
    ...[0, 0.5, 1].map((s) => svg('text', { x: left - 4, y: round(y(s) + 3), class: 'tick', 'text-anchor': 'end' }, w.percent(s))),
    svg('line', { x1: left, y1: y(0), x2: right, y2: y(0), class: 'axis' }),
    svg('line', { x1: left, y1: y(0), x2: left, y2: y(1), class: 'axis' }),
    svg('line', { x1: left, y1: round(y(0.8)), x2: right, y2: round(y(0.8)), class: 'ref' }),
    svg('polygon', { points: area, class: 'area' }),
    svg('polyline', { points: line, class: 'curve' }),
    svg('line', { x1: round(cx), y1: round(cy), x2: round(cx), y2: y(0), class: 'guide' }),
    svg('line', { x1: left, y1: round(cy), x2: round(cx), y2: round(cy), class: 'guide' }),
    svg('circle', { cx: round(cx), cy: round(cy), r: 4, class: 'me' }),
    svg('text', { x: left, y: 124, class: 'tick' }, '0'),
    svg('text', { x: (left + right) / 2, y: 124, class: 'tick', 'text-anchor': 'middle' }, `${w.t('customersAxis')} →`),
    svg('text', { x: right, y: 124, class: 'tick', 'text-anchor': 'end' }, w.percent(1)),
  );
  return el('figure', { class: 'figure' }, picture, el('figcaption', { class: 'muted' }, w.t('paretoCaption', w.number(pareto.rank, 0), w.number(pareto.customers, 0), w.percent(pareto.share))));
}

export function monthlyChart(monthly: CustomerCard['monthly'], w: Words): HTMLElement {
  const months = monthly.filter((m) => m && typeof m.month === 'string');
  const total = months.reduce((s, m) => s + (Number.isFinite(m.amount) ? m.amount : 0), 0);
  const orders = months.reduce((s, m) => s + (Number.isFinite(m.orders) ? m.orders : 0), 0);
  if (months.length === 0 || orders === 0) return el('p', { class: 'muted' }, w.t('monthlyNone'));

  const top = 6;
  const bottom = 78;
  const slot = (W - 4) / months.length;
  const max = Math.max(...months.map((m) => (Number.isFinite(m.amount) ? Math.max(0, m.amount) : 0)));
  const best = months.reduce((a, b) => (b.amount > a.amount ? b : a));
  const alt = w.t('monthlyAlt', w.month(months[0].month), w.month(months[months.length - 1].month), w.number(orders, 0), w.number(total), w.month(best.month), w.number(best.amount));

  const bars = months.map((m, i) => {
    const amount = Number.isFinite(m.amount) ? Math.max(0, m.amount) : 0;
    const h = max > 0 ? Math.max(amount > 0 ? 1.5 : 0, (amount / max) * (bottom - top)) : 0;
    const label = w.t('monthBar', w.month(m.month), w.number(m.amount), w.number(m.orders, 0));
    return amount > 0
      ? svg('rect', { x: round(2 + i * slot + 1), y: round(bottom - h), width: round(Math.max(1, slot - 2)), height: round(h), class: 'bar' }, svg('title', null, label))
      : svg('rect', { x: round(2 + i * slot + 1), y: bottom - 1, width: round(Math.max(1, slot - 2)), height: 1, class: 'bar zero' }, svg('title', null, label));
  });
  const picture = svg(
    'svg',
    { viewBox: `0 0 ${W} 94`, role: 'img', 'aria-label': alt, class: 'chart' },
    svg('title', null, alt),
    ...bars,
    svg('line', { x1: 2, y1: bottom, x2: W - 2, y2: bottom, class: 'axis' }),
    svg('text', { x: 2, y: 91, class: 'tick' }, w.month(months[0].month)),
    svg('text', { x: W - 2, y: 91, class: 'tick', 'text-anchor': 'end' }, w.month(months[months.length - 1].month)),
  );
  return el('figure', { class: 'figure' }, picture, el('figcaption', { class: 'muted' }, w.t('monthlyCaption', w.number(orders, 0), w.number(total))));
}
