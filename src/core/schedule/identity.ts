/**
 * Row identities and signatures.
 *
 * An add-on row's id is derived from the lead occurrence it serves (customer, role, kind, anchor,
 * index, and the purpose when it is not the tier's rhythm), never from its date: a person may
 * move it and it stays the same visit (and the same calendar event). A row a person added gets an
 * id of its own the first time the add-on sees it.
 *
 * The signature covers exactly the cells a person may change, each reduced to what it means
 * (a day, minutes, a vocabulary key, trimmed text), so the Date that reads back for a date the
 * add-on wrote, or a person typing the same value again, gives the same signature.
 */
import { hash128, signature } from '../hash';
import type { ContactMode, Role } from '../model';
import type { ContactInfo, Occurrence, Purpose } from './types';

const SEP = '\u001f';
const ID_CHARS = 25;
/** Ids of the add-on's rows and of rows a person added: a letter, then 25 base32hex characters. */
export const KEHU_ID = /^k[0-9a-v]{25}$/;
export const PERSON_ID = /^p[0-9a-v]{25}$/;

export function chainRowId(customer: string, role: Role, kind: ContactMode, anchor: number | null, index: number, purpose: Purpose = 'cadence'): string {
  const parts = ['occurrence', customer, role, kind, anchor === null ? '' : String(anchor), String(index)];
  // A cadence occurrence keeps the id it had before purposes existed, so rows made then stay theirs.
  if (purpose !== 'cadence') parts.push(purpose);
  return 'k' + hash128(parts.join(SEP)).slice(0, ID_CHARS);
}

/** The id of the row that serves `o` as its lead. */
export function occurrenceRowId(customer: string, o: Occurrence): string {
  return chainRowId(customer, o.role, o.kind, o.anchor, o.index, o.purpose);
}

/** A key naming one occurrence of one customer (maps an occurrence to the row serving it). */
export function occurrenceKey(customer: string, o: Pick<Occurrence, 'role' | 'kind' | 'anchor' | 'index' | 'purpose'>): string {
  return [customer, o.role, o.kind, o.anchor === null ? '' : o.anchor, o.index, o.purpose].join(SEP);
}

/** The id given to a row a person added: from its sheet row and cells, so a retried run gives the same id. */
export function personRowId(sheetRow: number, cellKeys: readonly string[], salt = 0): string {
  return 'p' + hash128(['added', String(sheetRow), String(salt), ...cellKeys].join(SEP)).slice(0, ID_CHARS);
}

/**
 * What each person-editable cell means, as text: date and time as numbers, kind / role / status
 * as their keys, other cells trimmed. A cell that could not be read keeps its raw text after a
 * marker, so an unreadable cell never matches what the add-on wrote.
 */
export type CellKeys = readonly [date: string, time: string, customerId: string, customerName: string, kind: string, role: string, person: string, withText: string, email: string, status: string, note: string];

export function rowSignature(keys: CellKeys): string {
  return signature(keys.join(SEP));
}

/** The check cell: the occurrences the row serves and the signature of the cells as written. */
export interface RowCheck {
  contact: ContactInfo | null;
  sig: string;
}

const PURPOSES: readonly Purpose[] = ['cadence', 'birthday', 'spring', 'midautumn'];

export function encodeCheck(check: RowCheck): string {
  const c = check.contact;
  if (!c) return JSON.stringify({ s: check.sig });
  const o = c.serves.map((x) => (x.purpose === 'cadence' ? [x.role, x.kind, x.anchor, x.index, x.target] : [x.role, x.kind, x.anchor, x.index, x.target, x.purpose]));
  return JSON.stringify({ c: c.customer, o, s: check.sig });
}

const ROLE_KEYS: readonly string[] = ['rep', 'manager', 'director', 'gm'];
const KIND_KEYS: readonly string[] = ['visit', 'call'];

/** Days of years 0000–9999, and occurrences of a chain: a check outside them was not written by the add-on. */
const FIRST_DAY = -719_528; // 0000-01-01
const LAST_DAY = 2_932_896; // 9999-12-31
/** Lattice indexes (days / interval) and birthday days are large; still bounded. */
const MIN_INDEX = -3_000_000;
const MAX_INDEX = 3_000_000;
const MAX_SERVED = 16;
const isDay = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= FIRST_DAY && (v as number) <= LAST_DAY;

/** One occurrence as the check keeps it, or null when it is not one the add-on wrote. */
function occurrenceOf(r: unknown, k: unknown, a: unknown, i: unknown, t: unknown, p: unknown): Occurrence | null {
  const purpose = p === undefined ? 'cadence' : p;
  if (!ROLE_KEYS.includes(r as string) || !KIND_KEYS.includes(k as string) || !(a === null || isDay(a)) || !isDay(t)
    || !Number.isInteger(i) || (i as number) < MIN_INDEX || (i as number) > MAX_INDEX || !PURPOSES.includes(purpose as Purpose)) return null;
  return { role: r as Role, kind: k as ContactMode, anchor: a as number | null, index: i as number, target: t as number, purpose: purpose as Purpose };
}

/** The check of a cell, or null when it is not one the add-on wrote (edited, cut, blank). */
export function decodeCheck(text: unknown): RowCheck | null {
  if (typeof text !== 'string' || text === '') return null;
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  const j = o as Record<string, unknown>;
  if (typeof j.s !== 'string') return null;
  if (j.c === undefined) return { contact: null, sig: j.s };
  if (typeof j.c !== 'string') return null;
  const serves: Occurrence[] = [];
  if (Array.isArray(j.o)) {
    if (j.o.length === 0 || j.o.length > MAX_SERVED) return null;
    for (const x of j.o) {
      if (!Array.isArray(x) || x.length < 5 || x.length > 6) return null;
      const occ = occurrenceOf(x[0], x[1], x[2], x[3], x[4], x[5]);
      if (!occ) return null;
      serves.push(occ);
    }
  } else {
    // A check written before rows served several occurrences: one chain occurrence.
    const occ = occurrenceOf(j.r, j.k, j.a, j.i, j.t, undefined);
    if (!occ) return null;
    serves.push(occ);
  }
  return { contact: { customer: j.c, serves }, sig: j.s };
}

/** The id a row serving `c` has: its lead occurrence's. */
export function contactIdOf(c: ContactInfo): string {
  return occurrenceRowId(c.customer, c.serves[0]);
}
