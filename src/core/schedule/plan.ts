/**
 * The visit plan: one contact per customer per day, spread at each tier's rhythm, within each
 * person's day, on the days they work, grouped by area, and a summary of what capacity is missing.
 *
 * 1. Demand (demand.ts): per customer the occurrences the policy asks for inside the horizon (each
 *    role's visits and calls), a birthday greeting by the rep, festival greetings for A customers.
 * 2. Contacts: a customer's occurrences that fall in one window go together: a call due near a
 *    visit is served by the visit; a senior's visit joins the rep's visit (陪访: one row, one event,
 *    everyone invited); contacts with one customer stay `minGapDays` apart, recorded ones too.
 * 3. Placement, by priority (birthdays and festivals first, then tier, then value at risk: the
 *    customer's value × how overdue it is): the day in the contact's window closest to its target
 *    where every person works, has room under their role's daily numbers, and a common free time;
 *    a day where the person already visits another area counts as far. What still does not fit is
 *    not a row: it is counted per person and tier in the summary, with the most valuable customers.
 * 4. Rows keep their identity: a row a person changed or added is theirs (never changed or removed,
 *    it takes its people's time, and a done row is a contact); an untouched row keeps its day and
 *    time while they still fit; untouched rows of occurrences no longer asked for are removed.
 */
import type { Lang } from '../locale';
import type { CellValue } from '../cells';
import type { ContactMode, Role, Settings, Tier } from '../model';
import { anchoredOccurrences, flexOf, latticeOccurrences, ROLE_RANK, streamsByTier, type Stream } from './demand';
import { encodeCheck, occurrenceKey, occurrenceRowId, personRowId } from './identity';
import { Person, Team } from './people';
import { rowOrder } from './order';
import { keysOfRow, signatureOfRow } from './rows';
import { DEFAULT_CAPACITY, Timeline, type Booker, type RoleCapacity } from './timeline';
import { SCHEDULE_COLUMNS, type ContactInfo, type Occurrence, type ParsedRow, type PlannedRow, type ScheduleColumn } from './types';
import { birthdayWords, cadenceWords, festivalWords, noEmailWords, unreadableWords, withWords } from './words';
import { DAYS_PER_MONTH } from './demand';

export type ScheduleSettings = Pick<Settings, 'horizonWeeks' | 'workingDays' | 'slots' | 'keepDays' | 'policy' | 'team'>
  & Partial<Pick<Settings, 'visitMinutes' | 'callMinutes'>>
  & { minGapDays?: number; lunchBreak?: readonly [number, number]; capacity?: readonly RoleCapacity[] };

export interface ScheduleCustomer {
  id: string;
  name: string;
  tier: Tier;
  /** The customer's rep cell as text: a Team code or name, or an e-mail address. */
  rep: string;
  /** The region cell (finds the manager or director who covers it). */
  region: string;
  /** Where visits happen (region, else city and district of the address): one area a day per person. */
  area?: string;
  /** What the customer is worth for priorities (lifetime value, else the sales the tier was cut on). */
  value?: number;
  /** The next birthday on or after today, as a day number (a lunar birthday already converted), or null. */
  birthday?: number | null;
  /** How the birthday cell reads when it is lunar (农历八月十五), for the row's words. */
  birthdayText?: string;
}

/** A real contact from the contact log (visits and calls only). */
export interface ScheduleContact {
  customer: string;
  day: number;
  kind: ContactMode;
  /** Who made it, as written; resolved to a role through the Team table (unknown → the sales rep). */
  person: string;
}

export interface Festival {
  day: number;
  purpose: 'spring' | 'midautumn';
}

export interface PlanInput {
  today: number;
  settings: ScheduleSettings;
  /** In customer-table order (the order breaks ties). A repeated id counts once (its first row). */
  customers: readonly ScheduleCustomer[];
  contacts: readonly ScheduleContact[];
  /** The rows of the schedule sheet as read (readScheduleSheet). */
  existing: readonly ParsedRow[];
  /** Row ids a person deleted after the add-on had made an event for them: not planned again. */
  dismissed?: ReadonlySet<string>;
  lang: Lang;
  /** Whether a person (any of their names: label, code, e-mail) works on a day; default: the settings' weekdays. */
  worksOn?: (day: number, names: readonly string[]) => boolean;
  /** Festivals for A customers' greetings (none when festival care is off). */
  festivals?: readonly Festival[];
}

export interface PlanStats {
  /** Occurrences the policy (and birthdays, festivals) asks for inside the horizon. */
  occurrences: number;
  /** Occurrences served by an add-on row dated in the horizon. */
  placed: number;
  /** Occurrences a person's own row stands for. */
  personServed: number;
  /** Occurrences an untouched row dated before today stands for (it was planned early in its window). */
  pastServed: number;
  /** Occurrences not placed: no capacity (or no day) in the horizon, or nobody in the role. */
  unplaced: number;
  noPerson: number;
  /** Add-on rows dated in the horizon (contacts). */
  contacts: number;
  /** Of them, joint visits (two people or more). */
  joint: number;
  /** Calls served by a visit of the same customer in the same window. */
  absorbed: number;
  /** Dated add-on rows with someone who has no e-mail (no invite for them). */
  noEmail: number;
  kept: number;
  moved: number;
  created: number;
  history: number;
  personRows: number;
  removed: number;
  dropped: number;
  dismissed: number;
}

/** Contacts that did not fit, per person (or missing role) and tier. */
export interface UnplacedGroup {
  /** The person who would make them ('' when nobody holds the role). */
  person: string;
  role: Role;
  tier: Tier;
  /** Occurrences not placed. */
  count: number;
  /** No capacity in the horizon, nobody in the Team table holds the role, or the customer's row names no rep. */
  why: 'capacity' | 'noPerson' | 'noRep';
  /** The most valuable customers among them (at most 3), with the reason in words. */
  top: { customerId: string; name: string; reason: string }[];
}

export interface PlanResult {
  rows: PlannedRow[];
  /** Untouched rows no longer in the plan: their events are to be cancelled. */
  removed: ParsedRow[];
  stats: PlanStats;
  unplaced: UnplacedGroup[];
}

const TIER_RANK: Record<string, number> = { A: 0, B: 1, C: 2 };
const TOP_UNPLACED = 3;
/** How far back an occurrence still held by a row of the sheet is looked for. */
const LOOKBACK_DAYS = 62;
/** How far past the horizon contacts are formed (twice the widest window a senior's visit has). */
const LOOKAHEAD_DAYS = 28;

interface Held {
  row: ParsedRow;
  dropped: boolean;
  claimed: boolean;
}

/** One occurrence with its window and who makes it. */
interface Member {
  occ: Occurrence;
  lo: number;
  hi: number;
  person: Person | null;
  missing: 'noRep' | 'noMember' | null;
}

/** One contact with a customer: the occurrences it serves, planned on one day. */
interface Contact {
  customer: ScheduleCustomer;
  order: number;
  members: Member[];
  lo: number;
  hi: number;
  target: number;
  /** The untouched row it continues (its id is this contact's), or null. */
  existing: ParsedRow | null;
  fixed: boolean;
  score: number;
  kind: ContactMode;
  people: Person[];
  bookers: Booker[];
  day: number | null;
  slot: number | null;
  kept: boolean;
}

export function planSchedule(input: PlanInput): PlanResult {
  const { today, settings, lang } = input;
  const weeks = Number.isFinite(settings.horizonWeeks) ? settings.horizonWeeks : 0;
  const days = Math.max(0, Math.floor(7 * weeks));
  const end = today + days - 1;
  const lookEnd = end + LOOKAHEAD_DAYS;
  // One contact per customer per day at least, whatever the setting says.
  const minGap = Math.max(1, settings.minGapDays ?? 3);
  const team = new Team(settings.team);
  const timeline = new Timeline({
    today, days, workingDays: settings.workingDays, worksOn: input.worksOn, slots: settings.slots,
    visitMinutes: settings.visitMinutes ?? 60, callMinutes: settings.callMinutes ?? 15,
    lunch: settings.lunchBreak ?? [12 * 60, 13 * 60 + 30], capacity: settings.capacity ?? DEFAULT_CAPACITY,
  });
  const stats: PlanStats = {
    occurrences: 0, placed: 0, personServed: 0, pastServed: 0, unplaced: 0, noPerson: 0, contacts: 0, joint: 0, absorbed: 0, noEmail: 0,
    kept: 0, moved: 0, created: 0, history: 0, personRows: 0, removed: 0, dropped: 0, dismissed: 0,
  };
  const existing = sortExisting(input.existing, today - Math.max(0, settings.keepDays));
  stats.dropped = existing.dropped;
  const bookerOf = (p: Person, role: Role): Booker => ({ key: p.key, role: p.role ?? role, names: p.names });

  // What is on record: per customer the last contact of each role and kind, and of any kind.
  const last = new Map<string, Map<string, number>>();
  const lastAny = new Map<string, number>();
  const record = (customer: string, role: Role, kind: ContactMode, day: number) => {
    if (!(day <= today) || customer === '') return;
    let m = last.get(customer);
    if (!m) last.set(customer, (m = new Map()));
    const k = role + kind;
    if ((m.get(k) ?? -Infinity) < day) m.set(k, day);
    if ((lastAny.get(customer) ?? -Infinity) < day) lastAny.set(customer, day);
  };
  for (const c of input.contacts) record(c.customer.trim(), team.roleOf(c.person), c.kind, c.day);
  for (const row of existing.personRows) {
    if (row.status !== 'done' || row.day === null || row.guessed.includes('kind')) continue;
    record(row.customerId, row.guessed.includes('role') ? team.roleOf(row.person) : row.role, row.kind, row.day);
    for (const name of splitNames(row.with ?? '')) record(row.customerId, team.roleOf(name), row.kind, row.day);
  }

  // Days a customer is already contacted (recorded, a person's rows, past rows kept): contacts keep minGap from them.
  const taken = new Map<string, number[]>();
  const take = (customer: string, day: number) => {
    const list = taken.get(customer);
    if (list) list.push(day);
    else taken.set(customer, [day]);
  };
  for (const [customer, day] of lastAny) take(customer, day);
  for (const row of existing.personRows) {
    if (row.day !== null && row.status !== 'cancelled') take(row.customerId, row.day);
  }
  const gapOk = (customer: string, day: number, except?: number): boolean => {
    const list = taken.get(customer);
    if (!list) return true;
    for (const t of list) if (t !== except && Math.abs(t - day) < minGap) return false;
    return true;
  };

  // A person's rows take their people's time first.
  for (const r of existing.personRows) {
    if (r.day === null || r.status === 'done' || r.status === 'cancelled') continue;
    const people = [team.keyPerson(r.person, r.email), ...splitNames(r.with ?? '').map((n) => team.keyPerson(n, ''))];
    timeline.book(people.map((p) => bookerOf(p, r.role)), r.day, r.slot, r.kind);
  }

  const streams = streamsByTier(settings.policy);
  const contacts: Contact[] = [];
  const unplacedMembers: { member: Member; contact: Contact; why: UnplacedGroup['why'] }[] = [];
  const nobody = (m: Member): UnplacedGroup['why'] => (m.missing === 'noRep' ? 'noRep' : 'noPerson');
  const seen = new Set<string>();
  const festivals = input.festivals ?? [];

  for (let order = 0; order < input.customers.length; order++) {
    const customer = input.customers[order];
    const id = customer.id.trim();
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    const anchors = last.get(id);
    const hasRows = existing.customers.has(id);
    const occurrences: Occurrence[] = [];
    const windowOf = new Map<Occurrence, [number, number]>();
    const add = (o: Occurrence, lo: number, hi: number) => {
      occurrences.push(o);
      windowOf.set(o, [Math.max(today, lo), Math.max(today, hi)]);
    };
    for (const s of streams.get(customer.tier) ?? []) {
      let anchor = anchors?.get(s.role + s.kind) ?? null;
      // A visit counts for a call: the call stream runs from whichever came last.
      if (s.kind === 'call') {
        const visit = anchors?.get(s.role + 'visit');
        if (visit !== undefined && (anchor === null || visit > anchor)) anchor = visit;
      }
      const flex = flexOf(s.interval);
      // From a while back: an occurrence due before today still counts while a row stands for it
      // (it was placed late in the sheet); one nobody holds is past, and the next one is due.
      const from = hasRows ? today - LOOKBACK_DAYS : today;
      const list = anchor === null
        ? latticeOccurrences(id, s, from, lookEnd)
        : anchoredOccurrences(s, anchor, existing.firstOfChain(id, s, anchor), today, lookEnd, from);
      for (const o of list) {
        if (o.target < today && !existing.byOccurrence.has(occurrenceKey(id, o))) continue;
        add(o, o.target - flex, o.target + flex);
      }
    }
    // The birthday greeting: on the birthday, or the rep's last working day before it.
    const rep = team.rep(customer.rep);
    const repBooker = 'person' in rep ? bookerOf(rep.person, 'rep') : null;
    const lastWorkday = (day: number, within: number): number | null => {
      for (let d = day; d >= Math.max(today, day - within); d--) if (!repBooker || timeline.works(repBooker, d)) return d;
      return null;
    };
    if (customer.birthday !== undefined && customer.birthday !== null && customer.birthday >= today && customer.birthday <= lookEnd) {
      const on = lastWorkday(customer.birthday, 7) ?? customer.birthday;
      add({ role: 'rep', kind: 'call', anchor: null, index: customer.birthday, target: on, purpose: 'birthday' }, on, on);
    }
    if (customer.tier === 'A') {
      for (const f of festivals) {
        if (f.day <= today || f.day > lookEnd + 7) continue;
        const on = lastWorkday(f.day - 1, 10);
        if (on === null || on > lookEnd) continue;
        add({ role: 'rep', kind: 'call', anchor: null, index: f.day, target: on, purpose: f.purpose }, on - 6, on);
      }
    }

    // Occurrences a person's row already stands for, or a row dated before today.
    const open: Occurrence[] = [];
    for (const o of occurrences) {
      const held = hasRows ? existing.byOccurrence.get(occurrenceKey(id, o)) : undefined;
      const counted = o.target <= end;
      if (held && !held.dropped && held.row.origin !== 'kehu') {
        held.claimed = true;
        if (counted) stats.occurrences++, stats.personServed++;
      } else if (held && !held.dropped && held.row.day !== null && held.row.day < today) {
        // Planned earlier, inside its window, on a day now past: that row stands for it.
        if (counted) stats.occurrences++, stats.pastServed++;
      } else open.push(o);
    }
    const member = (o: Occurrence): Member => {
      const [lo, hi] = windowOf.get(o)!;
      const who = o.role === 'rep' ? rep : team.forRole(o.role, customer.region);
      return { occ: o, lo, hi, person: 'person' in who ? who.person : null, missing: 'missing' in who ? who.missing : null };
    };
    // Contacts from the open occurrences alone, the same way every run (so a re-run finds the same
    // contacts): the rep's in target order, each joining the last contact of its window; then the
    // seniors', each joining the nearest contact of its window, a visit by preference.
    const mine: Contact[] = [];
    const newContact = (m: Member) => {
      mine.push({
        customer, order, members: [m], lo: m.lo, hi: m.hi, target: m.occ.target, existing: null,
        fixed: false, score: 0, kind: 'call', people: [], bookers: [], day: null, slot: null, kept: false,
      });
    };
    open.sort((a, b) => a.target - b.target || ROLE_RANK[a.role] - ROLE_RANK[b.role] || (a.kind === b.kind ? 0 : a.kind === 'visit' ? -1 : 1) || a.index - b.index);
    for (const o of [...open.filter((x) => x.role === 'rep'), ...open.filter((x) => x.role !== 'rep')]) {
      const m = member(o);
      let best: Contact | null = null;
      let bestDistance = Infinity;
      for (const c of mine) {
        const overlaps = m.lo <= c.hi && c.lo <= m.hi;
        const distance = Math.abs(c.target - o.target);
        if (!overlaps && distance >= minGap) continue;
        // A senior's visit prefers a contact that is a visit already.
        const penalty = o.role !== 'rep' && !c.members.some((x) => x.occ.kind === 'visit') ? 0.5 : 0;
        if (distance + penalty < bestDistance) {
          best = c;
          bestDistance = distance + penalty;
        }
      }
      if (best) {
        best.members.push(m);
        narrow(best, m);
      } else newContact(m);
    }
    for (const c of mine) {
      // Contacts are formed over four more weeks than the horizon (so an occurrence entering the
      // horizon tomorrow was already in today's contacts); only those whose window opens inside it count.
      if (c.lo > end) continue;
      stats.occurrences += c.members.length;
      // A person deleted this contact's row after its invite went out: nothing of it is planned again.
      if (input.dismissed?.has(occurrenceRowId(id, c.members[0].occ)) || c.members.some((m) => input.dismissed?.has(occurrenceRowId(id, m.occ)))) {
        stats.dismissed += c.members.length;
        continue;
      }
      finishContact(c, bookerOf, lastAny.get(id) ?? null, today, streams.get(customer.tier) ?? [], hasRows ? (o) => existing.leads.has(occurrenceKey(id, o)) : NO_ROW);
      if (c.bookers.length === 0) {
        for (const m of c.members) unplacedMembers.push({ member: m, contact: c, why: nobody(m) });
        continue;
      }
      for (const m of c.members) if (!m.person) unplacedMembers.push({ member: m, contact: c, why: nobody(m) });
      contacts.push(c);
    }
  }

  // Priority: fixed days first, then tier, then value at risk, then the earliest window.
  const byPriority = (a: Contact, b: Contact) => Number(b.fixed) - Number(a.fixed)
    || (TIER_RANK[a.customer.tier] ?? 3) - (TIER_RANK[b.customer.tier] ?? 3)
    || b.score - a.score || a.lo - b.lo || a.order - b.order || a.target - b.target;

  // A person asked for more visits than their days hold: the visits past what fits (the least
  // urgent) would take their calls down with them, so those calls become calls of their own. Decided
  // from the demand alone, not from the sheet, so a re-run forms the same contacts.
  const visitsByLead = new Map<string, Contact[]>();
  for (const c of contacts) {
    if (c.kind !== 'visit') continue;
    const list = visitsByLead.get(c.bookers[0].key);
    if (list) list.push(c);
    else visitsByLead.set(c.bookers[0].key, [c]);
  }
  for (const list of visitsByLead.values()) {
    const lead = list[0].bookers[0];
    let room = 0;
    for (let d = today; d <= end; d++) if (timeline.works(lead, d)) room += timeline.capacityOf(lead.role).visits;
    if (list.length <= room) continue;
    list.sort(byPriority);
    for (const c of list.slice(room)) {
      const id = c.customer.id.trim();
      const calls = c.members.filter((m) => m.occ.kind === 'call' && m.person);
      const rest = c.members.filter((m) => !calls.includes(m));
      if (calls.length === 0 || rest.length === 0) continue;
      const call: Contact = { ...c, members: calls, lo: calls[0].lo, hi: calls[0].hi, target: calls[0].occ.target };
      for (const m of calls.slice(1)) narrow(call, m);
      c.members = rest;
      c.lo = rest[0].lo;
      c.hi = rest[0].hi;
      c.target = rest[0].occ.target;
      for (const m of rest.slice(1)) narrow(c, m);
      const leads = existing.customers.has(id) ? (o: Occurrence) => existing.leads.has(occurrenceKey(id, o)) : NO_ROW;
      for (const x of [c, call]) finishContact(x, bookerOf, lastAny.get(id) ?? null, today, streams.get(x.customer.tier) ?? [], leads);
      contacts.push(call);
    }
  }

  // The untouched row whose lead is a contact's lead goes on as that contact's row.
  for (const c of contacts) {
    const id = c.customer.id.trim();
    if (!existing.customers.has(id)) continue;
    const key = occurrenceKey(id, c.members[0].occ);
    const held = existing.byOccurrence.get(key);
    if (held && !held.dropped && held.row.origin === 'kehu' && held.row.contact && occurrenceKey(id, held.row.contact.serves[0]) === key) {
      c.existing = held.row;
      existing.claim(held.row);
    }
  }

  // Untouched rows keep their day and time where they still fit.
  const keepers = contacts.filter((c) => c.existing && c.existing.day !== null && c.existing.slot !== null && sameLead(c, team));
  // Rows that serve just what they served go first: someone who joined a row since must not take
  // the time a row as it stands already holds.
  const unchanged = (c: Contact) => {
    const id = c.customer.id.trim();
    const served = c.existing!.contact!.serves;
    return served.length === c.members.length && served.every((o, i) => occurrenceKey(id, o) === occurrenceKey(id, c.members[i].occ)) ? 0 : 1;
  };
  keepers.sort((a, b) => unchanged(a) - unchanged(b) || a.existing!.day! - b.existing!.day! || a.existing!.slot! - b.existing!.slot! || a.order - b.order);
  for (const c of keepers) {
    const day = c.existing!.day!;
    const slot = c.existing!.slot!;
    const id = c.customer.id.trim();
    if (!(day >= today && day <= end && gapOk(id, day))) continue;
    if (!timeline.fitsAt(c.bookers, day, slot, c.kind)) {
      // Someone new joined the row and cannot come then: the row keeps its place, they get a contact of their own.
      const served = new Set(c.existing!.contact!.serves.map((o) => occurrenceKey(id, o)));
      const joiners = c.members.filter((m) => !served.has(occurrenceKey(id, m.occ)));
      if (joiners.length === 0) continue;
      const stay = c.members.filter((m) => served.has(occurrenceKey(id, m.occ)));
      const trial = { ...c, members: stay };
      finishContact(trial, bookerOf, lastAny.get(id) ?? null, today, streams.get(c.customer.tier) ?? [], () => false);
      if (trial.kind !== c.kind || trial.bookers.length === 0 || !timeline.fitsAt(trial.bookers, day, slot, trial.kind)) continue;
      const split: Contact = { ...c, members: joiners, existing: null, lo: joiners[0].lo, hi: joiners[0].hi, target: joiners[0].occ.target };
      for (const m of joiners.slice(1)) narrow(split, m);
      finishContact(split, bookerOf, lastAny.get(id) ?? null, today, streams.get(c.customer.tier) ?? [], () => false);
      Object.assign(c, { members: trial.members, people: trial.people, bookers: trial.bookers, fixed: trial.fixed });
      if (split.bookers.length > 0) contacts.push(split);
    }
    timeline.book(c.bookers, day, slot, c.kind);
    take(id, day);
    c.day = day;
    c.slot = slot;
    c.kept = true;
    stats.kept++;
  }

  // Everything else by priority.
  const toPlace = contacts.filter((c) => !c.kept);
  toPlace.sort(byPriority);
  const areas = new Map<string, string[]>();
  const areaKey = (b: Booker, day: number) => b.key + '\u001f' + day;
  for (const c of contacts) if (c.kept && c.kind === 'visit') noteArea(areas, areaKey(c.bookers[0], c.day!), c.customer.area ?? '');
  /** The best day and time for a contact: in its window, closest to its target, by area; else the first later day. */
  const findPlace = (c: Contact): { day: number; slot: number } | null => {
    if (!c.bookers.every((b) => timeline.hasRoomLeft(b, c.kind))) return null;
    const id = c.customer.id.trim();
    const lo = Math.max(today, c.lo);
    const hi = Math.min(end, c.hi);
    let bestDay = -1;
    let bestSlot = -1;
    let bestCost = Infinity;
    for (let d = lo; d <= hi; d++) {
      if (!gapOk(id, d)) continue;
      const t = timeline.commonStart(c.bookers, d, c.kind);
      if (t === null) continue;
      let cost = Math.abs(d - c.target);
      if (c.kind === 'visit') {
        const here = areas.get(areaKey(c.bookers[0], d));
        // A day the person already visits this area beats an empty one; a day in another area comes last.
        if (here && here.length > 0) cost += here.includes(c.customer.area ?? '') ? -(hi - lo + 1) : 2 * (hi - lo + 1);
      }
      if (cost < bestCost) {
        bestCost = cost;
        bestDay = d;
        bestSlot = t;
      }
    }
    if (bestDay >= 0) return { day: bestDay, slot: bestSlot };
    // Late rather than never: the first day after the window that takes it.
    for (let d = Math.max(lo, hi + 1); d <= end; d++) {
      if (!gapOk(id, d)) continue;
      const t = timeline.commonStart(c.bookers, d, c.kind);
      if (t !== null) return { day: d, slot: t };
    }
    return null;
  };
  for (const c of toPlace) {
    const at = findPlace(c);
    if (!at) {
      for (const m of c.members) if (m.person) unplacedMembers.push({ member: m, contact: c, why: 'capacity' });
      continue;
    }
    timeline.book(c.bookers, at.day, at.slot, c.kind);
    take(c.customer.id.trim(), at.day);
    c.day = at.day;
    c.slot = at.slot;
    if (c.kind === 'visit') noteArea(areas, areaKey(c.bookers[0], at.day), c.customer.area ?? '');
  }
  routeByArea(contacts.filter((c) => c.day !== null && !c.kept && c.kind === 'visit' && c.bookers.length === 1));

  // Rows out.
  const rows: PlannedRow[] = [];
  const removed: ParsedRow[] = [];
  const used = new Set<ParsedRow>();
  for (const c of contacts) {
    if (c.day === null) continue;
    const row = contactRow(c, lang, streams, lastAny.get(c.customer.id.trim()) ?? null);
    rows.push(row);
    if (c.existing) used.add(c.existing);
    stats.contacts++;
    stats.placed += c.members.filter((m) => m.person).length;
    if (c.people.length > 1) stats.joint++;
    if (c.kind === 'visit') stats.absorbed += c.members.filter((m) => m.occ.kind === 'call').length;
    if (row.reason === 'noEmail') stats.noEmail++;
    if (c.kept) continue;
    if (!c.existing) stats.created++;
    else if (c.existing.day !== null) stats.moved++;
  }
  for (const h of existing.untouched) {
    if (h.dropped) continue;
    if (h.row.day !== null && h.row.day < today) {
      rows.push(fromParsed(h.row));
      stats.history++;
    } else if (!used.has(h.row)) removed.push(h.row);
  }
  stats.removed = removed.length;
  const knownNames = new Set(input.customers.map((c) => c.rep.trim()));
  for (const r of existing.personRows) rows.push(personRow(r, existing.personIds, team, knownNames, lang));
  stats.personRows = existing.personRows.length;
  stats.unplaced = unplacedMembers.length;
  stats.noPerson = unplacedMembers.filter((u) => u.why !== 'capacity').length;
  return {
    rows: rowOrder(rows, input.customers, today),
    removed,
    stats,
    unplaced: summarize(unplacedMembers, lang, today, streams, lastAny),
  };
}

/** Narrows a contact's window to what it shares with a member (a birthday's single day wins). */
function narrow(c: Contact, m: Member): void {
  const lo = Math.max(c.lo, m.lo);
  const hi = Math.min(c.hi, m.hi);
  if (lo <= hi) {
    c.lo = lo;
    c.hi = hi;
  }
  if (m.occ.purpose !== 'cadence' && m.lo === m.hi) c.target = m.lo;
}

function noteArea(areas: Map<string, string[]>, key: string, area: string): void {
  const list = areas.get(key);
  if (!list) areas.set(key, [area]);
  else if (!list.includes(area)) list.push(area);
}

/** Lead first (a visit before a call, the rep before seniors), then who comes and what it costs. */
function finishContact(c: Contact, bookerOf: (p: Person, role: Role) => Booker, lastAny: number | null, today: number, streams: readonly Stream[], leadsARow: (o: Occurrence) => boolean): void {
  // One canonical order; the first is the lead (the row id is derived from it). An occurrence that
  // leads a row of the sheet stays the lead, so the row keeps its id when others join it.
  c.members.sort((a, b) => Number(leadsARow(b.occ)) - Number(leadsARow(a.occ))
    || (a.occ.kind === b.occ.kind ? 0 : a.occ.kind === 'visit' ? -1 : 1)
    || ROLE_RANK[a.occ.role] - ROLE_RANK[b.occ.role] || a.occ.target - b.occ.target || a.occ.index - b.occ.index
    || (a.occ.purpose < b.occ.purpose ? -1 : a.occ.purpose > b.occ.purpose ? 1 : 0));
  c.kind = c.members.some((m) => m.occ.kind === 'visit') ? 'visit' : 'call';
  c.fixed = c.members.some((m) => m.occ.purpose !== 'cadence');
  const people: Person[] = [];
  const bookers: Booker[] = [];
  for (const m of c.members) {
    if (!m.person || people.some((p) => p.key === m.person!.key)) continue;
    people.push(m.person);
    bookers.push(bookerOf(m.person, m.occ.role));
  }
  c.people = people;
  c.bookers = bookers;
  // Value at risk: what the customer is worth, times how overdue it is against its quickest rhythm.
  const quickest = Math.min(...streams.map((s) => s.interval), Infinity);
  const since = lastAny === null ? null : today - lastAny;
  const overdue = since === null || !Number.isFinite(quickest) ? 1 : Math.max(1, since / quickest);
  c.score = Math.max(0, c.customer.value ?? 0) * overdue + overdue * 1e-6;
}

/** An untouched row keeps its place while the same person leads it (someone joining is asked to the same time). */
function sameLead(c: Contact, team: Team): boolean {
  const ex = c.existing!;
  if (c.people.length === 0 || ex.kind !== c.kind) return false;
  return team.keyPerson(ex.person, ex.email.split(/[,，;；\s]+/)[0] ?? '').key === c.people[0].key || ex.person.trim() === c.people[0].label;
}

/**
 * A person's solo visits of one day, re-timed so that each area's visits come one after another
 * (the route does not double back); the times are the ones they already had, in a new order.
 */
function routeByArea(placed: Contact[]): void {
  const byDay = new Map<string, Contact[]>();
  for (const c of placed) {
    const key = c.bookers[0].key + '\u001f' + c.day;
    const list = byDay.get(key);
    if (list) list.push(c);
    else byDay.set(key, [c]);
  }
  for (const list of byDay.values()) {
    if (list.length < 2) continue;
    const slots = list.map((c) => c.slot!).sort((a, b) => a - b);
    const firstSlot = new Map<string, number>();
    for (const c of list) {
      const a = c.customer.area ?? '';
      firstSlot.set(a, Math.min(firstSlot.get(a) ?? Infinity, c.slot!));
    }
    list.sort((a, b) => firstSlot.get(a.customer.area ?? '')! - firstSlot.get(b.customer.area ?? '')! || (a.customer.area ?? '').localeCompare(b.customer.area ?? '') || a.slot! - b.slot!);
    list.forEach((c, i) => (c.slot = slots[i]));
  }
}

function quickestRhythm(streams: ReadonlyMap<string, Stream[]>, tier: string): number {
  const list = streams.get(tier) ?? [];
  const rep = list.filter((s) => s.role === 'rep');
  // The rep's visits and calls together: "应每 6 天一次" for A (3 visits and 2 calls a month).
  if (rep.length > 0) return 1 / rep.reduce((sum, s) => sum + 1 / s.interval, 0);
  return list.length > 0 ? Math.min(...list.map((s) => s.interval)) : DAYS_PER_MONTH;
}

function reasonOf(c: Contact, m: Member | null, lang: Lang, day: number, streams: ReadonlyMap<string, Stream[]>, lastAny: number | null): string {
  const parts: string[] = [];
  const members = m ? [m] : c.members;
  if (members.some((x) => x.occ.purpose === 'cadence')) {
    parts.push(cadenceWords(lang, c.customer.tier, lastAny === null ? null : day - lastAny, quickestRhythm(streams, c.customer.tier)));
  }
  for (const x of members) {
    if (x.occ.purpose === 'birthday') parts.push(birthdayWords(lang, x.occ.index, c.customer.birthdayText ?? ''));
    else if (x.occ.purpose !== 'cadence') parts.push(festivalWords(lang, x.occ.purpose));
  }
  return parts.join(lang === 'zh' ? '；' : '; ');
}

function contactRow(c: Contact, lang: Lang, streams: ReadonlyMap<string, Stream[]>, lastAny: number | null): PlannedRow {
  const lead = c.people[0];
  const others = c.people.slice(1).map((p, i) => ({ label: p.label, role: p.role ?? c.members.find((m) => m.person?.key === p.key)?.occ.role ?? 'rep', i }));
  let purpose = reasonOf(c, null, lang, c.day!, streams, lastAny);
  const noEmail = c.people.filter((p) => p.noEmail !== '');
  let reason: PlannedRow['reason'] = '';
  if (noEmail.length > 0) {
    reason = 'noEmail';
    purpose += (lang === 'zh' ? '；' : '; ') + noEmail.map((p) => noEmailWords(lang, p.label, p.noEmail as 'blankInTeam' | 'notInTeam')).join(lang === 'zh' ? '；' : '; ');
  }
  const contact: ContactInfo = { customer: c.customer.id.trim(), serves: c.members.map((m) => m.occ) };
  const rowId = c.existing ? c.existing.rowId : occurrenceRowId(contact.customer, contact.serves[0]);
  return {
    rowId,
    day: c.day,
    slot: c.slot,
    customerId: contact.customer,
    customerName: c.customer.name,
    area: c.customer.area ?? '',
    kind: c.kind,
    purpose,
    role: c.members.find((m) => m.person?.key === lead.key)?.occ.role ?? c.members[0].occ.role,
    person: lead.label,
    with: withWords(lang, others),
    email: c.people.map((p) => p.email).filter((e) => e !== '').join(', '),
    status: 'planned',
    note: '',
    eventId: c.existing ? c.existing.eventId : '',
    origin: 'kehu',
    contact,
    sheetRow: c.existing ? c.existing.sheetRow : null,
    extra: c.existing ? c.existing.extra : NO_CELLS,
    reason,
  };
}

const NO_CELLS: readonly CellValue[] = [];
const NO_ROW = (): boolean => false;
const COL = Object.fromEntries(SCHEDULE_COLUMNS.map((c, i) => [c, i])) as Record<ScheduleColumn, number>;

/** The summary of what did not fit: per person (or missing role) and tier, the most valuable first. */
function summarize(
  list: readonly { member: Member; contact: Contact; why: UnplacedGroup['why'] }[],
  lang: Lang, today: number, streams: ReadonlyMap<string, Stream[]>, lastAny: ReadonlyMap<string, number>,
): UnplacedGroup[] {
  const groups = new Map<string, { group: UnplacedGroup; contacts: Map<Contact, Member> }>();
  for (const { member, contact, why } of list) {
    const person = member.person ? member.person.label : '';
    const key = [person, member.occ.role, contact.customer.tier, why].join('\u001f');
    let g = groups.get(key);
    if (!g) {
      g = { group: { person, role: member.occ.role, tier: contact.customer.tier, count: 0, why, top: [] }, contacts: new Map() };
      groups.set(key, g);
    }
    g.group.count++;
    if (!g.contacts.has(contact)) g.contacts.set(contact, member);
  }
  const out: UnplacedGroup[] = [];
  for (const { group, contacts } of groups.values()) {
    const best = [...contacts.entries()].sort((a, b) => b[0].score - a[0].score || a[0].order - b[0].order).slice(0, TOP_UNPLACED);
    group.top = best.map(([c, m]) => ({
      customerId: c.customer.id.trim(),
      name: c.customer.name,
      reason: reasonOf(c, m, lang, Math.max(today, c.target), streams, lastAny.get(c.customer.id.trim()) ?? null),
    }));
    out.push(group);
  }
  return out.sort((a, b) => (TIER_RANK[a.tier] ?? 3) - (TIER_RANK[b.tier] ?? 3) || b.count - a.count || a.person.localeCompare(b.person));
}

/** The names on a person's row (Person and With cells) the add-on cannot plan for: not in the Team table, not an e-mail, no customer's rep cell. */
export function unknownPeople(r: { person: string; with?: string }, team: Team, knownNames: ReadonlySet<string>): string[] {
  const names = [r.person, ...splitNames(r.with ?? '')].map((n) => n.trim()).filter((n) => n !== '');
  return names.filter((n) => !team.knows(n) && !knownNames.has(n));
}

/** Names in a With cell: "李明（销售经理）、王芳（营销总监）" → 李明, 王芳. */
export function splitNames(text: string): string[] {
  return text.split(/[,，、;；]+/).map((t) => t.replace(/[（(][^）)]*[）)]\s*$/, '').trim()).filter((t) => t !== '');
}

/** The sheet's rows sorted out: whose they are, and which occurrence each untouched row serves. */
interface Existing {
  personRows: ParsedRow[];
  untouched: Held[];
  dropped: number;
  byOccurrence: Map<string, Held>;
  /** Customers with a row of the sheet that serves occurrences (the others need no look-up). */
  customers: Set<string>;
  /** The lead occurrences of untouched rows dated today or later, and of those that are calls. */
  leads: Set<string>;
  callLeads: Set<string>;
  personIds: Set<string>;
  /** The lowest occurrence of a chain already in the sheet. */
  firstOfChain(customer: string, s: Stream, anchor: number): { index: number; target: number } | null;
  claim(row: ParsedRow): void;
}

function sortExisting(rows: readonly ParsedRow[], keepFrom: number): Existing {
  const byOccurrence = new Map<string, Held>();
  const heldOf = new Map<ParsedRow, Held>();
  const chains = new Map<string, { index: number; target: number }>();
  const e: Existing = {
    personRows: [], untouched: [], dropped: 0, byOccurrence, customers: new Set(), leads: new Set(), callLeads: new Set(), personIds: new Set(),
    firstOfChain: (customer, s, anchor) => chains.get([customer, s.role, s.kind, anchor].join('\u001f')) ?? null,
    claim: (row) => {
      const h = heldOf.get(row);
      if (h) h.claimed = true;
    },
  };
  for (const row of rows) {
    const held: Held = { row, dropped: false, claimed: false };
    heldOf.set(row, held);
    if (row.origin === 'kehu') {
      if (row.day !== null && row.day < keepFrom) {
        held.dropped = true;
        e.dropped++;
      } else e.untouched.push(held);
    } else e.personRows.push(row);
    if (row.origin === 'added' && row.rowId !== '') e.personIds.add(row.rowId);
    if (!row.contact) continue;
    e.customers.add(row.contact.customer);
    if (row.origin === 'kehu' && !held.dropped && row.day !== null && row.day >= keepFrom) {
      const lead = occurrenceKey(row.contact.customer, row.contact.serves[0]);
      e.leads.add(lead);
      if (row.kind === 'call') e.callLeads.add(lead);
    }
    for (const o of row.contact.serves) {
      const key = occurrenceKey(row.contact.customer, o);
      if (!byOccurrence.has(key) || row.origin !== 'kehu') byOccurrence.set(key, held);
      if (o.purpose !== 'cadence' || o.anchor === null || held.dropped) continue;
      const chain = [row.contact.customer, o.role, o.kind, o.anchor].join('\u001f');
      const first = chains.get(chain);
      if (!first || o.index < first.index) chains.set(chain, { index: o.index, target: o.target });
    }
  }
  return e;
}

/** An untouched past row, as it was. */
function fromParsed(r: ParsedRow): PlannedRow {
  const { cells: _cells, guessed: _guessed, unreadable: _unreadable, ...row } = r;
  return { ...row, reason: '' };
}

/**
 * A person's row, written back as read; a row a person added gets its id (and a check) the first
 * time. Cells the add-on cannot read (a time of 25:00, an unknown word or person) are said in its
 * purpose cell, and its invite stays as it was.
 */
function personRow(r: ParsedRow, taken: Set<string>, team: Team, knownNames: ReadonlySet<string>, lang: Lang): PlannedRow {
  const { guessed: _guessed, unreadable, ...row } = r;
  const raw = r.cells[COL.check];
  let rowId = r.rowId;
  let checkText = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
  if (rowId === '') {
    const keys = keysOfRow(r);
    for (let salt = 0; rowId === '' || taken.has(rowId); salt++) rowId = personRowId(r.sheetRow, keys, salt);
    taken.add(rowId);
    checkText = encodeCheck({ contact: null, sig: signatureOfRow(r) });
  }
  const problems: { column: 'date' | 'time' | 'kind' | 'role' | 'status' | 'person'; value: string }[] = [];
  for (const u of unreadable) if (u !== 'person') problems.push({ column: u, value: cellWords(r.cells[COL[u]]) });
  for (const n of unknownPeople(r, team, knownNames)) problems.push({ column: 'person', value: n });
  const all = [...new Set([...unreadable, ...problems.map((p) => p.column)])];
  const purpose = problems.length > 0 ? unreadableWords(lang, problems) : r.purpose;
  return { ...row, rowId, checkText, reason: '', purpose, unreadable: all };
}

function cellWords(v: CellValue): string {
  if (v instanceof Date) return v.toISOString().slice(0, 16).replace('T', ' ');
  return v === null || v === undefined ? '' : String(v);
}

