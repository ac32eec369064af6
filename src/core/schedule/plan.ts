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
import type { CellValue } from '../cells';
import type { ContactMode, PolicyRow, Role, Settings, Tier } from '../model';
import { Capacity } from './capacity';
import { chainRowId, encodeCheck, KEHU_ID, personRowId } from './identity';
import { Person, Team } from './people';
import { rowOrder, workOrder } from './order';
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
  /**
   * Row ids a person deleted from the sheet after the add-on had made an event for them (the
   * calendar registry remembers them): their occurrence is taken, not planned again.
   */
  dismissed?: ReadonlySet<string>;
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
  /** Occurrences not planned again because a person deleted their row (see PlanInput.dismissed). */
  dismissed: number;
}

export interface PlanResult {
  rows: PlannedRow[];
  /** Untouched rows no longer in the plan (old anchor, policy or customer gone): their events are to be cancelled. */
  removed: ParsedRow[];
  stats: PlanStats;
}

const DAYS_PER_MONTH = 30.4375;
const ROLE_RANK: Record<Role, number> = { rep: 0, manager: 1, director: 2, gm: 3 };
const KIND_RANK: Record<ContactMode, number> = { visit: 0, call: 1 };
const KINDS: readonly ContactMode[] = ['visit', 'call'];

type Who = { person: Person } | { missing: 'noRep' | 'noMember' };

/** An add-on row to keep or place: an existing untouched row of a current chain, or a new occurrence. */
interface Work {
  id: string;
  chain: ChainInfo;
  customer: ScheduleCustomer;
  order: number;
  who: Who;
  existing: ParsedRow | null;
  out: PlannedRow | null;
}

const NO_CELLS: readonly CellValue[] = [];

/** Per tier, the first policy row of each role (in role order). */
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

/** Slot of (role, kind) in a customer's anchor list. */
const slotOf = (role: Role, kind: ContactMode) => ROLE_RANK[role] * 2 + KIND_RANK[kind];

/** A row of the sheet as the plan goes: whether it is past keeping, and whether an occurrence claimed it. */
interface Held {
  row: ParsedRow;
  dropped: boolean;
  claimed: boolean;
}

/** The sheet's rows sorted out: whose they are, and by customer the rows that continue a chain. */
interface Existing {
  personRows: ParsedRow[];
  untouched: Held[];
  dropped: number;
  /** Rows with chain info (untouched, or a person's), by the chain's customer. */
  byCustomer: Map<string, Held[]>;
  /** A person's rows with the add-on's id but no chain info (their check was lost): found by id. */
  orphans: Map<string, Held>;
  /** Ids already given to rows a person added (a new one must differ). */
  personIds: Set<string>;
}

function sortExisting(rows: readonly ParsedRow[], keepFrom: number): Existing {
  const e: Existing = { personRows: [], untouched: [], dropped: 0, byCustomer: new Map(), orphans: new Map(), personIds: new Set() };
  for (const row of rows) {
    const held: Held = { row, dropped: false, claimed: false };
    if (row.origin === 'kehu') {
      if (row.day !== null && row.day < keepFrom) {
        held.dropped = true;
        e.dropped++;
      } else e.untouched.push(held);
    } else {
      e.personRows.push(row);
      if (!row.chain && KEHU_ID.test(row.rowId)) e.orphans.set(row.rowId, held);
    }
    if (row.origin === 'added' && row.rowId !== '') e.personIds.add(row.rowId);
    if (row.chain) {
      const list = e.byCustomer.get(row.chain.customer);
      if (list) list.push(held);
      else e.byCustomer.set(row.chain.customer, [held]);
    }
  }
  return e;
}

export function planSchedule(input: PlanInput): PlanResult {
  const { today, settings, lang } = input;
  const weeks = Number.isFinite(settings.horizonWeeks) ? settings.horizonWeeks : 0;
  const days = Math.max(0, Math.floor(7 * weeks));
  const end = today + days - 1;
  const team = new Team(settings.team);
  const capacity = new Capacity({
    today, days, workingDays: settings.workingDays, maxPerDay: settings.maxPerDay, slots: settings.slots,
    visitMinutes: settings.visitMinutes ?? 60, callMinutes: settings.callMinutes ?? 15,
  });
  const stats: PlanStats = {
    occurrences: 0, dated: 0, overCapacity: 0, noPerson: 0, noEmail: 0, kept: 0, moved: 0, created: 0,
    history: 0, personRows: 0, removed: 0, dropped: 0, dismissed: 0,
  };
  const existing = sortExisting(input.existing, today - (settings.keepDays >= 0 ? settings.keepDays : 0));
  stats.dropped = existing.dropped;

  // Anchors: per customer, the last real contact of each kind by each role, up to today.
  const anchors = new Map<string, number[]>();
  const contact = (customer: string, role: Role, kind: ContactMode, day: number) => {
    if (!(day <= today) || customer === '') return;
    let list = anchors.get(customer);
    if (!list) anchors.set(customer, (list = []));
    const k = slotOf(role, kind);
    if (list[k] === undefined || day > list[k]) list[k] = day;
  };
  for (const c of input.contacts) contact(c.customer.trim(), team.roleOf(c.person), c.kind, c.day);
  for (const row of existing.personRows) {
    if (row.status !== 'done' || row.day === null || row.guessed.includes('kind')) continue;
    contact(row.customerId, row.guessed.includes('role') ? team.roleOf(row.person) : row.role, row.kind, row.day);
  }

  // The occurrences the policy asks for, chain by chain.
  const policy = policyByTier(settings.policy);
  const work: Work[] = [];
  const seen = new Set<string>();
  for (let order = 0; order < input.customers.length; order++) {
    const customer = input.customers[order];
    const id = customer.id.trim();
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    const rows = existing.byCustomer.get(id);
    const last = anchors.get(id);
    for (const p of policy.get(customer.tier) ?? []) {
      let who: Who | undefined;
      for (const kind of KINDS) {
        const interval = intervalOf(p, kind);
        if (interval === null) continue;
        who ??= p.role === 'rep' ? team.rep(customer.rep) : team.forRole(p.role, customer.region);
        const anchor = last?.[slotOf(p.role, kind)] ?? null;
        // This chain's rows (a customer has a handful): the lowest occurrence fixes where the chain started.
        let chainRows: Held[] | null = null;
        let first: ChainInfo | null = null;
        for (const r of rows ?? []) {
          const c = r.row.chain!;
          if (c.role !== p.role || c.kind !== kind || c.anchor !== anchor) continue;
          (chainRows ??= []).push(r);
          if (!first || c.index < first.index) first = c;
        }
        let base: number;
        if (first) base = first.target - Math.round((first.index - 1) * interval);
        else {
          const next = anchor === null ? today : anchor + Math.round(interval);
          base = next < today ? today : next;
        }
        let n = Math.max(1, Math.floor((today - base) / interval) + 1);
        while (n > 1 && base + Math.round((n - 2) * interval) >= today) n--;
        while (base + Math.round((n - 1) * interval) < today) n++;
        const firstInHorizon = n;
        for (let target = base + Math.round((n - 1) * interval); target <= end; n++, target = base + Math.round((n - 1) * interval)) {
          stats.occurrences++;
          let held: Held | null = null;
          for (const r of chainRows ?? []) if (r.row.chain!.index === n && !r.dropped) held = r;
          const rowId = held ? held.row.rowId : chainRowId(id, p.role, kind, anchor, n);
          if (!held && existing.orphans.size > 0) held = existing.orphans.get(rowId) ?? null;
          if (!held && input.dismissed?.has(rowId)) {
            stats.dismissed++;
            continue;
          }
          if (held) {
            held.claimed = true;
            const row = held.row;
            // A person's row stands for this occurrence as it is.
            if (row.origin !== 'kehu') continue;
            work.push({ id: rowId, chain: row.chain!, customer, order, who, existing: row, out: null });
          } else work.push({ id: rowId, chain: { customer: id, role: p.role, kind, anchor, index: n, target }, customer, order, who, existing: null, out: null });
        }
        // Earlier occurrences of the chain (targets before today) stay while their rows last.
        for (const r of chainRows ?? []) {
          if (r.row.origin !== 'kehu' || r.dropped || r.claimed || r.row.chain!.index >= firstInHorizon) continue;
          r.claimed = true;
          work.push({ id: r.row.rowId, chain: r.row.chain!, customer, order, who, existing: r.row, out: null });
        }
      }
    }
  }

  const removed = existing.untouched.filter((h) => !h.claimed).map((h) => h.row);
  stats.removed = removed.length;

  // A person's rows take their slots first.
  for (const r of existing.personRows) {
    if (r.day === null || r.status === 'done' || r.status === 'cancelled') continue;
    capacity.book(team.keyOfCell(r.person, r.email), r.day, r.slot, capacity.minutesOf(r.kind));
  }

  // Untouched rows keep their date and slot where they still fit; past ones stay as they were.
  const notes = new Notes(lang, end, today);
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
  keepers.sort((a, b) => a.existing!.day! - b.existing!.day! || a.existing!.slot! - b.existing!.slot! || workOrder(a, b));
  for (const w of keepers) {
    const ex = w.existing!;
    const person = (w.who as { person: Person }).person;
    const minutes = capacity.minutesOf(w.chain.kind);
    if (capacity.fits(person.key, ex.day!, ex.slot!, minutes)) {
      capacity.book(person.key, ex.day!, ex.slot!, minutes);
      w.out = addonRow(w, ex.day, ex.slot, person, notes);
      stats.kept++;
    } else toPlace.push(w);
  }

  // Everything else in a fixed order: target, tier, customer order, role, kind, occurrence.
  toPlace.sort(workOrder);
  for (const w of toPlace) {
    const person = 'person' in w.who ? w.who.person : null;
    const at = person ? capacity.place(person.key, Math.max(w.chain.target, today), capacity.minutesOf(w.chain.kind)) : null;
    w.out = addonRow(w, at ? at.day : null, at ? at.slot : null, person, notes);
    if (!w.existing) stats.created++;
    else if (w.existing.day !== null && (w.out.day !== w.existing.day || w.out.slot !== w.existing.slot)) stats.moved++;
  }

  const rows: PlannedRow[] = [];
  for (const w of work) {
    const row = w.out!;
    rows.push(row);
    if (row.reason === 'overCapacity') stats.overCapacity++;
    else if (row.reason === 'noPerson') stats.noPerson++;
    if (row.day !== null && row.day >= today) {
      stats.dated++;
      if (row.reason === 'noEmail') stats.noEmail++;
    }
  }
  for (const r of existing.personRows) rows.push(personRow(r, existing.personIds));
  stats.personRows = existing.personRows.length;
  return { rows: rowOrder(rows, input.customers, today), removed, stats };
}

/** The notes of undated and uninvited rows; one string per distinct note (150,000 over-capacity rows say a few hundred things). */
class Notes {
  private readonly cache = new Map<string, string>();
  constructor(private readonly lang: Lang, private readonly end: number, private readonly today: number) {}

  private memo(key: string, make: () => string): string {
    let s = this.cache.get(key);
    if (s === undefined) this.cache.set(key, (s = make()));
    return s;
  }

  overCapacity(who: string, target: number): string {
    const from = Math.max(target, this.today);
    return this.memo(`o${from}\u001f${who}`, () => overCapacityNote(this.lang, who, from, this.end));
  }

  noPerson(missing: 'noRep' | 'noMember', role: Role): string {
    return this.memo(`p${missing}${role}`, () => (missing === 'noRep' ? noRepNote(this.lang) : noMemberNote(this.lang, role)));
  }

  noEmail(who: string, why: 'blankInTeam' | 'notInTeam'): string {
    return this.memo(`e${why}\u001f${who}`, () => noEmailNote(this.lang, who, why));
  }
}

/** An add-on row: dated in a slot, or undated with the reason in its note. */
function addonRow(w: Work, day: number | null, slot: number | null, person: Person | null, notes: Notes): PlannedRow {
  let note = '';
  let reason: PlannedRow['reason'] = '';
  if (!person) {
    reason = 'noPerson';
    note = notes.noPerson((w.who as { missing: 'noRep' | 'noMember' }).missing, w.chain.role);
  } else if (day === null) {
    reason = 'overCapacity';
    note = notes.overCapacity(person.label, w.chain.target);
  } else if (person.noEmail) {
    reason = 'noEmail';
    note = notes.noEmail(person.label, person.noEmail);
  }
  return {
    rowId: w.id,
    day,
    slot,
    customerId: w.chain.customer,
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
    extra: w.existing ? w.existing.extra : NO_CELLS,
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
