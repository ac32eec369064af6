/**
 * The visit plan: which contacts the policy asks for over the horizon, who makes each, and when.
 *
 * Chains. For each customer, each policy role of its tier and each kind with a count, contacts
 * come every `interval` = months × 30.4375 / count days (at least one day) from the anchor: the
 * last real contact of that kind by that role (a contact in the log, or a person's done row),
 * null when never. target₁ = anchor + interval, or today when never contacted or when that is
 * past; targetₙ = target₁ + (n − 1) × interval, rounded to days. The n-th occurrence of a chain
 * is one row, whose id comes from (customer, role, kind, anchor, n); each row's check keeps its
 * target, so later runs continue the same chain (a missed visit stays where it was; the chain
 * does not slide along with today).
 *
 * Rows. A row a person changed or added is never changed or removed; it takes its person's slot,
 * a done row counts as a contact on its date, and a changed row still stands for the occurrence
 * it was. An untouched row keeps its date and slot while the slot is still free for the person
 * who should make it; untouched rows of an old anchor or of a chain the policy no longer asks
 * for are removed; untouched rows dated more than keepDays ago are dropped. Everything else is
 * placed in a fixed order (target, tier, customer order, role, kind, n) on the first working day
 * at or after its target with a free slot; what does not fit is an undated row saying why.
 */
import type { Lang } from '../locale';
import type { ContactMode, PolicyRow, Role, Settings, Tier } from '../model';
import { Capacity } from './capacity';
import { chainRowId, encodeCheck, personRowId } from './identity';
import { Person, Team } from './people';
import { keysOfRow, signatureOfRow } from './rows';
import type { ChainInfo, ParsedRow, PlannedRow } from './types';
import { noEmailNote, noMemberNote, noRepNote, overCapacityNote } from './words';

export type ScheduleSettings = Pick<Settings, 'horizonWeeks' | 'workingDays' | 'maxPerDay' | 'slots' | 'keepDays' | 'policy' | 'team'>
  & Partial<Pick<Settings, 'visitMinutes' | 'callMinutes'>>;

export interface ScheduleCustomer {
  id: string;
  name: string;
  tier: Tier;
  /** The customer's rep cell as text: a Team code or name, or an e-mail address. */
  rep: string;
  region: string;
}

/** A real contact from the contact log (visits and calls only). */
export interface ScheduleContact {
  customer: string;
  day: number;
  kind: ContactMode;
  /** Who made it, as written; resolved to a role through the Team table (unknown → the sales rep). */
  person: string;
}

export interface PlanInput {
  today: number;
  settings: ScheduleSettings;
  /** In customer-table order (the order breaks ties). A repeated id counts once (its first row). */
  customers: readonly ScheduleCustomer[];
  contacts: readonly ScheduleContact[];
  /** The rows of the schedule sheet as read (readScheduleSheet). */
  existing: readonly ParsedRow[];
  lang: Lang;
}

export interface PlanStats {
  /** Occurrences the policy asks for with a target inside the horizon: each is one row (dated, undated, or a person's). */
  occurrences: number;
  /** Add-on rows with a date in the horizon (kept or placed). */
  dated: number;
  /** Add-on rows left undated because nobody had a free slot. */
  overCapacity: number;
  /** Add-on rows left undated because nobody holds the role. */
  noPerson: number;
  /** Dated add-on rows whose person has no e-mail (no invite). */
  noEmail: number;
  /** Untouched rows that kept their date and slot. */
  kept: number;
  /** Untouched dated rows that had to move (their slot was taken, their person or the settings changed). */
  moved: number;
  /** Rows new in this plan. */
  created: number;
  /** Past untouched rows kept as they are (within keepDays). */
  history: number;
  /** Rows a person changed or added, kept as they are. */
  personRows: number;
  removed: number;
  /** Untouched rows older than keepDays, left out. */
  dropped: number;
}

export interface PlanResult {
  rows: PlannedRow[];
  /** Untouched rows no longer in the plan (old anchor, policy or customer gone): their events are to be cancelled. */
  removed: ParsedRow[];
  stats: PlanStats;
}

const DAYS_PER_MONTH = 30.4375;
const TIER_RANK: Record<string, number> = { A: 0, B: 1, C: 2 };
const ROLE_RANK: Record<Role, number> = { rep: 0, manager: 1, director: 2, gm: 3 };
const KIND_RANK: Record<ContactMode, number> = { visit: 0, call: 1 };
const KINDS: readonly ContactMode[] = ['visit', 'call'];
const SEP = '\u001f';

/** An add-on row to keep or place: an existing untouched row of a current chain, or a new occurrence. */
interface Work {
  chain: ChainInfo;
  customer: ScheduleCustomer;
  order: number;
  who: { person: Person } | { missing: 'noRep' | 'noMember' };
  existing: ParsedRow | null;
  out: PlannedRow | null;
}

function chainKey(customer: string, role: Role, kind: ContactMode, anchor: number | null): string {
  return customer + SEP + role + SEP + kind + SEP + (anchor === null ? '' : anchor);
}

function anchorKey(customer: string, role: Role, kind: ContactMode): string {
  return customer + SEP + role + SEP + kind;
}

/** Per tier, the first policy row of each role (in role order) that asks for anything. */
function policyByTier(policy: readonly PolicyRow[]): Map<string, PolicyRow[]> {
  const out = new Map<string, PolicyRow[]>();
  for (const p of policy) {
    const list = out.get(p.tier) ?? [];
    if (!list.some((q) => q.role === p.role)) list.push(p);
    out.set(p.tier, list);
  }
  for (const list of out.values()) list.sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role]);
  return out;
}

/** Days between contacts of a chain, or null when the policy row asks for none. At least a day: one contact of a kind by a role per customer per day. */
function intervalOf(p: PolicyRow, kind: ContactMode): number | null {
  const count = kind === 'visit' ? p.visits : p.calls;
  if (!(count > 0) || !(p.months > 0) || !Number.isFinite(count) || !Number.isFinite(p.months)) return null;
  return Math.max(1, (p.months * DAYS_PER_MONTH) / count);
}

export function planSchedule(input: PlanInput): PlanResult {
  const { today, settings, lang } = input;
  const days = Math.max(0, Math.floor(7 * settings.horizonWeeks));
  const end = today + days - 1;
  const keepFrom = today - Math.max(0, settings.keepDays);
  const team = new Team(settings.team);
  const capacity = new Capacity({
    today, days, workingDays: settings.workingDays, maxPerDay: settings.maxPerDay, slots: settings.slots,
    visitMinutes: settings.visitMinutes ?? 60, callMinutes: settings.callMinutes ?? 15,
  });
  const stats: PlanStats = {
    occurrences: 0, dated: 0, overCapacity: 0, noPerson: 0, noEmail: 0, kept: 0, moved: 0, created: 0,
    history: 0, personRows: 0, removed: 0, dropped: 0,
  };

  // Anchors: the last real contact of each kind by each role, up to today.
  const anchors = new Map<string, number>();
  const contact = (customer: string, role: Role, kind: ContactMode, day: number) => {
    if (!(day <= today) || customer === '') return;
    const k = anchorKey(customer, role, kind);
    const before = anchors.get(k);
    if (before === undefined || day > before) anchors.set(k, day);
  };
  for (const c of input.contacts) contact(c.customer.trim(), team.roleOf(c.person), c.kind, c.day);

  // The sheet's rows: whose they are, and which chain they continue.
  const byId = new Map<string, ParsedRow>();
  const chains = new Map<string, ParsedRow[]>();
  const dropped = new Set<ParsedRow>();
  const personRows: ParsedRow[] = [];
  const untouched: ParsedRow[] = [];
  for (const row of input.existing) {
    if (row.origin === 'kehu') {
      if (row.day !== null && row.day < keepFrom) dropped.add(row);
      else untouched.push(row);
    } else {
      personRows.push(row);
      if (row.status === 'done' && row.day !== null && !row.guessed.includes('kind')) {
        const role = row.guessed.includes('role') ? team.roleOf(row.person) : row.role;
        contact(row.customerId, role, row.kind, row.day);
      }
    }
    if (row.rowId !== '' && !byId.has(row.rowId)) byId.set(row.rowId, row);
    if (row.chain) {
      const k = chainKey(row.chain.customer, row.chain.role, row.chain.kind, row.chain.anchor);
      const list = chains.get(k);
      if (list) list.push(row);
      else chains.set(k, [row]);
    }
  }
  stats.dropped = dropped.size;

  // The occurrences the policy asks for, chain by chain.
  const policy = policyByTier(settings.policy);
  const claimed = new Set<ParsedRow>();
  const work: Work[] = [];
  const seen = new Set<string>();
  input.customers.forEach((customer, order) => {
    const id = customer.id.trim();
    if (id === '' || seen.has(id)) return;
    seen.add(id);
    for (const p of policy.get(customer.tier) ?? []) {
      let who: Work['who'] | undefined;
      for (const kind of KINDS) {
        const interval = intervalOf(p, kind);
        if (interval === null) continue;
        who ??= p.role === 'rep' ? team.rep(customer.rep) : team.forRole(p.role, customer.region);
        const anchor = anchors.get(anchorKey(id, p.role, kind)) ?? null;
        const group = chains.get(chainKey(id, p.role, kind, anchor));
        // The chain's first target: as its rows recorded it, else from the anchor (today when never or overdue).
        let base: number;
        if (group) {
          let first = group[0].chain!;
          for (const r of group) if (r.chain!.index < first.index) first = r.chain!;
          base = first.target - Math.round((first.index - 1) * interval);
        } else {
          const next = anchor === null ? today : anchor + Math.round(interval);
          base = next < today ? today : next;
        }
        const targetOf = (n: number) => base + Math.round((n - 1) * interval);
        let n = Math.max(1, Math.floor((today - base) / interval) + 1);
        while (n > 1 && targetOf(n - 1) >= today) n--;
        while (targetOf(n) < today) n++;
        const firstInHorizon = n;
        for (; targetOf(n) <= end; n++) {
          stats.occurrences++;
          const chain: ChainInfo = { customer: id, role: p.role, kind, anchor, index: n, target: targetOf(n) };
          const existing = byId.get(chainRowId(id, p.role, kind, anchor, n));
          if (existing && !dropped.has(existing)) {
            claimed.add(existing);
            // A person's row stands for this occurrence as it is.
            if (existing.origin !== 'kehu') continue;
            work.push({ chain: existing.chain!, customer, order, who, existing, out: null });
          } else work.push({ chain, customer, order, who, existing: null, out: null });
        }
        // Earlier occurrences of the same chain (targets before today) stay while their rows last.
        for (const r of group ?? []) {
          if (r.origin !== 'kehu' || dropped.has(r) || claimed.has(r) || r.chain!.index >= firstInHorizon) continue;
          claimed.add(r);
          work.push({ chain: r.chain!, customer, order, who, existing: r, out: null });
        }
      }
    }
  });

  const removed = untouched.filter((r) => !claimed.has(r));
  stats.removed = removed.length;

  // A person's rows take their slots first.
  for (const r of personRows) {
    if (r.day === null || r.status === 'done' || r.status === 'cancelled') continue;
    capacity.book(team.keyOfCell(r.person, r.email), r.day, r.slot, capacity.minutesOf(r.kind));
  }

  // Untouched rows keep their date and slot where they still fit; past ones stay as they were.
  const toPlace: Work[] = [];
  const keepers: Work[] = [];
  for (const w of work) {
    const ex = w.existing;
    if (!ex) toPlace.push(w);
    else if (ex.day !== null && ex.day < today) {
      w.out = fromParsed(ex);
      stats.history++;
    } else if (ex.day !== null && ex.slot !== null && 'person' in w.who && w.who.person.key === team.keyOfCell(ex.person, ex.email)) keepers.push(w);
    else toPlace.push(w);
  }
  keepers.sort((a, b) => a.existing!.day! - b.existing!.day! || a.existing!.slot! - b.existing!.slot! || byOrder(a, b));
  for (const w of keepers) {
    const ex = w.existing!;
    const person = (w.who as { person: Person }).person;
    const minutes = capacity.minutesOf(w.chain.kind);
    if (capacity.fits(person.key, ex.day!, ex.slot!, minutes)) {
      capacity.book(person.key, ex.day!, ex.slot!, minutes);
      w.out = addonRow(w, ex.day, ex.slot, person, lang, end, today);
      stats.kept++;
    } else toPlace.push(w);
  }

  // Everything else in a fixed order: target, tier, customer order, role, kind, occurrence.
  toPlace.sort((a, b) => a.chain.target - b.chain.target || byOrder(a, b));
  for (const w of toPlace) {
    const person = 'person' in w.who ? w.who.person : null;
    const at = person ? capacity.place(person.key, Math.max(w.chain.target, today), capacity.minutesOf(w.chain.kind)) : null;
    w.out = addonRow(w, at ? at.day : null, at ? at.slot : null, person, lang, end, today);
    if (!w.existing) stats.created++;
    else if (w.existing.day !== null) stats.moved++;
  }

  const rows: PlannedRow[] = [];
  for (const w of work) {
    const out = w.out!;
    rows.push(out);
    if (out.reason === 'overCapacity') stats.overCapacity++;
    else if (out.reason === 'noPerson') stats.noPerson++;
    if (out.day !== null && out.day >= today) {
      stats.dated++;
      if (out.reason === 'noEmail') stats.noEmail++;
    }
  }
  const taken = new Set(byId.keys());
  for (const r of personRows) rows.push(personRow(r, taken));
  stats.personRows = personRows.length;

  const order = new Map<string, number>();
  input.customers.forEach((c, i) => {
    if (!order.has(c.id.trim())) order.set(c.id.trim(), i);
  });
  rows.sort((a, b) => compareRows(a, b, order));
  return { rows, removed, stats };
}

function byOrder(a: Work, b: Work): number {
  return (TIER_RANK[a.customer.tier] ?? 9) - (TIER_RANK[b.customer.tier] ?? 9) || a.order - b.order
    || ROLE_RANK[a.chain.role] - ROLE_RANK[b.chain.role] || KIND_RANK[a.chain.kind] - KIND_RANK[b.chain.kind]
    || a.chain.index - b.chain.index;
}

/** An add-on row: dated in a slot, or undated with the reason in its note. */
function addonRow(w: Work, day: number | null, slot: number | null, person: Person | null, lang: Lang, end: number, today: number): PlannedRow {
  let note = '';
  let reason: PlannedRow['reason'] = '';
  if (!person) {
    reason = 'noPerson';
    note = (w.who as { missing: 'noRep' | 'noMember' }).missing === 'noRep' ? noRepNote(lang) : noMemberNote(lang, w.chain.role);
  } else if (day === null) {
    reason = 'overCapacity';
    note = overCapacityNote(lang, person.label, Math.max(w.chain.target, today), end);
  } else if (person.noEmail) {
    reason = 'noEmail';
    note = noEmailNote(lang, person.label, person.noEmail);
  }
  return {
    rowId: w.existing ? w.existing.rowId : chainRowId(w.chain.customer, w.chain.role, w.chain.kind, w.chain.anchor, w.chain.index),
    day,
    slot,
    customerId: w.customer.id.trim(),
    customerName: w.customer.name,
    kind: w.chain.kind,
    role: w.chain.role,
    person: person ? person.label : '',
    email: person ? person.email : '',
    status: day === null ? 'unscheduled' : 'planned',
    note,
    eventId: w.existing ? w.existing.eventId : '',
    origin: 'kehu',
    chain: w.chain,
    sheetRow: w.existing ? w.existing.sheetRow : null,
    extra: w.existing ? w.existing.extra : [],
    reason,
  };
}

/** An untouched past row, as it was. */
function fromParsed(r: ParsedRow): PlannedRow {
  const { cells: _cells, guessed: _guessed, ...row } = r;
  return { ...row, reason: '' };
}

/** A person's row, written back as read; a row a person added gets its id (and a check) the first time. */
function personRow(r: ParsedRow, taken: Set<string>): PlannedRow {
  const { guessed: _guessed, ...row } = r;
  const raw = r.cells[12];
  let rowId = r.rowId;
  let checkText = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  if (rowId === '') {
    const keys = keysOfRow(r);
    for (let salt = 0; rowId === '' || taken.has(rowId); salt++) rowId = personRowId(r.sheetRow, keys, salt);
    taken.add(rowId);
    checkText = encodeCheck({ chain: null, sig: signatureOfRow(r) });
  }
  return { ...row, rowId, checkText, reason: '' };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** By date, time, person; undated rows last (by target); then customer order, role, kind, id. */
function compareRows(a: PlannedRow, b: PlannedRow, order: Map<string, number>): number {
  if (a.day !== null && b.day !== null) {
    if (a.day !== b.day) return a.day - b.day;
    const sa = a.slot ?? -1;
    const sb = b.slot ?? -1;
    if (sa !== sb) return sa - sb;
  } else if (a.day !== null) return -1;
  else if (b.day !== null) return 1;
  else {
    const ta = a.chain ? a.chain.target : Infinity;
    const tb = b.chain ? b.chain.target : Infinity;
    if (ta !== tb) return ta < tb ? -1 : 1;
  }
  const oa = order.get(a.customerId) ?? order.size;
  const ob = order.get(b.customerId) ?? order.size;
  return cmp(a.person, b.person) || oa - ob || cmp(a.customerId, b.customerId)
    || ROLE_RANK[a.role] - ROLE_RANK[b.role] || KIND_RANK[a.kind] - KIND_RANK[b.kind] || cmp(a.rowId, b.rowId);
}
