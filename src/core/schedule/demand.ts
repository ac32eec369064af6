/**
 * What the policy asks for over the horizon, customer by customer: the occurrences of each
 * stream (a role's visits or calls at the tier's rhythm), a birthday greeting, festival greetings.
 *
 * A stream's contacts come every `interval` = months × 30.4375 / count days. With a contact on
 * record (`anchor`: the role's last one of that kind; for calls a visit counts too), the next is
 * due at anchor + interval, today when that is past; later ones follow at the interval, and the
 * rows already in the sheet fix where a chain started, so an unfinished one does not slide. With
 * none on record the stream follows a lattice of days fixed per customer and stream (a phase from
 * a hash): a first plan spreads a role's first contacts evenly over one interval, and a re-run
 * finds the same days.
 */
import { hash128 } from '../hash';
import type { ContactMode, PolicyRow, Role } from '../model';
import type { Occurrence } from './types';

export const DAYS_PER_MONTH = 30.4375;
export const ROLE_RANK: Record<Role, number> = { rep: 0, manager: 1, director: 2, gm: 3 };
export const KINDS: readonly ContactMode[] = ['visit', 'call'];

/** The longest a contact may come before or after its day to join another (a senior's visit joining the rep's). */
const MAX_FLEX = 14;

export interface Stream {
  role: Role;
  kind: ContactMode;
  interval: number;
}

/** Per tier, the streams of its policy rows (the first row of each role), in role order. */
export function streamsByTier(policy: readonly PolicyRow[]): Map<string, Stream[]> {
  const out = new Map<string, Stream[]>();
  const seen = new Set<string>();
  for (const p of policy) {
    const key = p.tier + '\u001f' + p.role;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(p.tier) ?? [];
    for (const kind of KINDS) {
      const interval = intervalOf(p, kind);
      if (interval !== null) list.push({ role: p.role, kind, interval });
    }
    out.set(p.tier, list);
  }
  for (const list of out.values()) list.sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || (a.kind === b.kind ? 0 : a.kind === 'visit' ? -1 : 1));
  return out;
}

/** Days between contacts of a stream, or null when the policy row asks for none. At least a day. */
export function intervalOf(p: PolicyRow, kind: ContactMode): number | null {
  const count = kind === 'visit' ? p.visits : p.calls;
  if (!(count > 0) || !(p.months > 0) || !Number.isFinite(count) || !Number.isFinite(p.months)) return null;
  return Math.max(1, (p.months * DAYS_PER_MONTH) / count);
}

/** How far an occurrence of a stream may move to share a day with another contact of the customer. */
export function flexOf(interval: number): number {
  return Math.min(MAX_FLEX, Math.max(1, Math.floor(interval / 4)));
}

/** A number in [0, 1) fixed by the text: the phase of a stream's lattice. */
function unit(text: string): number {
  return parseInt(hash128(text).slice(0, 8), 32) / 32 ** 8;
}

/**
 * The lattice occurrences of a stream with no contact on record, from `today` (the caller may ask
 * from earlier) to `end`: days floor(phase + k × interval), indexed by k.
 */
export function latticeOccurrences(customer: string, s: Stream, today: number, end: number): Occurrence[] {
  const phase = unit(['lattice', customer, s.role, s.kind].join('\u001f')) * s.interval;
  let k = Math.ceil((today - phase) / s.interval) - 1;
  while (Math.floor(phase + k * s.interval) < today) k++;
  const out: Occurrence[] = [];
  for (let t = Math.floor(phase + k * s.interval); t <= end; k++, t = Math.floor(phase + k * s.interval)) {
    out.push({ role: s.role, kind: s.kind, anchor: null, index: k, target: t, purpose: 'cadence' });
  }
  return out;
}

/**
 * The occurrences of a stream counted from its anchor, from `today` to `end`. `first` is the
 * lowest occurrence of this chain already in the sheet (it fixes where the chain started).
 */
export function anchoredOccurrences(s: Stream, anchor: number, first: { index: number; target: number } | null, today: number, end: number, from = today): Occurrence[] {
  let base: number;
  if (first) base = first.target - Math.round((first.index - 1) * s.interval);
  else {
    const next = anchor + Math.round(s.interval);
    base = next < today ? today : next;
  }
  const at = (n: number) => base + Math.round((n - 1) * s.interval);
  // The first occurrence due on or after `from` (before today only when an earlier row still stands for it).
  let n = Math.max(1, Math.floor((from - base) / s.interval) + 1);
  while (n > 1 && at(n - 1) >= from) n--;
  while (at(n) < from) n++;
  const out: Occurrence[] = [];
  for (let t = at(n); t <= end; n++, t = at(n)) out.push({ role: s.role, kind: s.kind, anchor, index: n, target: t, purpose: 'cadence' });
  return out;
}
