/**
 * Who makes a contact. The customer's own rep comes from its rep cell: a code, name or e-mail
 * looked up in the Team table, or an e-mail address used as it is (never an invented address).
 * The other roles come from the Team table by role and region. Capacity is counted per human,
 * so two Team rows with one e-mail (one person in two roles) share their slots.
 */
import type { Role, TeamMember } from '../model';

/** Who was found, with the key capacity is counted under. */
export interface Person {
  /** What the Person cell shows: the member's name (else code, else e-mail), or the rep cell as written. */
  label: string;
  email: string;
  key: string;
  /** The member's role when found in the Team table. */
  role: Role | null;
  /** Set when there is no e-mail: why, for the note ('notInTeam': the rep cell names nobody in the Team table). */
  noEmail: '' | 'blankInTeam' | 'notInTeam';
  /** Every way the person may be named in a Days off row (name, code, e-mail). */
  names: readonly string[];
}

export type Resolution = { person: Person } | { missing: 'noRep' | 'noMember' };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function looksLikeEmail(text: string): boolean {
  return EMAIL.test(text.trim());
}

export function norm(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

export class Team {
  private readonly byCode = new Map<string, number>();
  private readonly byName = new Map<string, number>();
  private readonly byEmail = new Map<string, number>();
  private readonly members: readonly TeamMember[];
  private readonly persons: (Person | null)[];
  private readonly cache = new Map<string, Resolution>();

  constructor(members: readonly TeamMember[]) {
    this.members = members;
    this.persons = members.map((m) => {
      const label = m.name.trim() || m.code.trim() || m.email.trim();
      if (label === '') return null; // an empty row the Team section was created with
      const email = m.email.trim();
      return {
        label,
        email,
        key: email ? 'e:' + norm(email) : 'n:' + norm(m.name.trim() || m.code.trim()),
        role: m.role,
        noEmail: email ? '' : 'blankInTeam',
        names: [m.name.trim(), m.code.trim(), email].filter((n) => n !== ''),
      };
    });
    members.forEach((m, i) => {
      if (!this.persons[i]) return;
      const put = (map: Map<string, number>, text: string) => {
        const k = norm(text);
        if (k !== '' && !map.has(k)) map.set(k, i);
      };
      put(this.byCode, m.code);
      put(this.byName, m.name);
      put(this.byEmail, m.email);
    });
  }

  private readonly found = new Map<string, Person | null>();

  /** The Team member a cell names (by code, then name, then e-mail), or null. */
  find(text: string): Person | null {
    let p = this.found.get(text);
    if (p === undefined) {
      const k = norm(text);
      const i = k === '' ? undefined : this.byCode.get(k) ?? this.byName.get(k) ?? this.byEmail.get(k);
      p = i === undefined ? null : this.persons[i];
      this.found.set(text, p);
    }
    return p;
  }

  /** The customer's rep from its rep cell. */
  rep(repCell: string): Resolution {
    const text = repCell.trim();
    if (text === '') return { missing: 'noRep' };
    let r = this.cache.get('rep\u001f' + text);
    if (!r) {
      const member = this.find(text);
      if (member) r = { person: member };
      else if (looksLikeEmail(text)) r = { person: { label: text, email: text, key: 'e:' + norm(text), role: null, noEmail: '', names: [text] } };
      else r = { person: { label: text, email: '', key: 'n:' + norm(text), role: null, noEmail: 'notInTeam', names: [text] } };
      this.cache.set('rep\u001f' + text, r);
    }
    return r;
  }

  /** The person for a role other than the rep: one covering the customer's region, else one with no region, else the first. */
  forRole(role: Role, region: string): Resolution {
    const cacheKey = role + '\u001f' + norm(region);
    let r = this.cache.get(cacheKey);
    if (!r) {
      const want = norm(region);
      let regional = -1;
      let open = -1;
      let first = -1;
      this.members.forEach((m, i) => {
        if (m.role !== role || !this.persons[i]) return;
        if (first < 0) first = i;
        const own = norm(m.region);
        if (own === '' && open < 0) open = i;
        if (want !== '' && own === want && regional < 0) regional = i;
      });
      const pick = regional >= 0 ? regional : open >= 0 ? open : first;
      r = pick >= 0 ? { person: this.persons[pick]! } : { missing: 'noMember' };
      this.cache.set(cacheKey, r);
    }
    return r;
  }

  /** The capacity key of a Person cell on a row a person wrote (their e-mail cell when the Team table does not know them). */
  keyOfCell(person: string, email: string): string {
    const member = this.find(person) ?? (email.trim() ? this.find(email) : null);
    if (member) return member.key;
    if (looksLikeEmail(person)) return 'e:' + norm(person);
    if (email.trim()) return 'e:' + norm(email);
    return 'n:' + norm(person);
  }

  /** The person a Person cell on a row a person wrote stands for (a Team member, else the cell as written). */
  keyPerson(person: string, email: string): Person {
    const member = this.find(person) ?? (email.trim() ? this.find(email) : null);
    if (member) return member;
    const label = person.trim();
    const key = this.keyOfCell(person, email);
    return { label, email: looksLikeEmail(label) ? label : email.trim(), key, role: null, noEmail: '', names: [label, email.trim()].filter((n) => n !== '') };
  }

  /** Whether a name is someone the add-on can plan for: a Team member or an e-mail address (or any name, with no Team table). */
  knows(name: string): boolean {
    return this.persons.every((p) => p === null) || this.find(name) !== null || looksLikeEmail(name);
  }

  /** The role a contact's person stands for: their Team role, else the sales rep (a person the table does not know). */
  roleOf(person: string): Role {
    return this.find(person)?.role ?? 'rep';
  }
}
