/**
 * Row identities and signatures.
 *
 * An add-on row's id is derived from its chain occurrence (customer, role, kind, anchor, index),
 * never from its date: a person may move it and it stays the same visit (and the same calendar
 * event). A row a person added gets an id of its own the first time the add-on sees it.
 *
 * The signature covers exactly the cells a person may change, each reduced to what it means
 * (a day, minutes, a vocabulary key, trimmed text), so the Date that reads back for a date the
 * add-on wrote, or a person typing the same value again, gives the same signature.
 */
import { hash128, signature } from '../hash';
import type { ContactMode, Role } from '../model';
import type { ChainInfo } from './types';

const SEP = '\u001f';
const ID_CHARS = 25;
/** Ids of the add-on's rows and of rows a person added: a letter, then 25 base32hex characters. */
export const KEHU_ID = /^k[0-9a-v]{25}$/;
export const PERSON_ID = /^p[0-9a-v]{25}$/;

export function chainRowId(customer: string, role: Role, kind: ContactMode, anchor: number | null, index: number): string {
  return 'k' + hash128(['occurrence', customer, role, kind, anchor === null ? '' : String(anchor), String(index)].join(SEP)).slice(0, ID_CHARS);
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
export type CellKeys = readonly [date: string, time: string, customerId: string, customerName: string, kind: string, role: string, person: string, email: string, status: string, note: string];

export function rowSignature(keys: CellKeys): string {
  return signature(keys.join(SEP));
}

/** The check cell: the chain occurrence and the signature of the cells as written. */
export interface RowCheck {
  chain: ChainInfo | null;
  sig: string;
}

export function encodeCheck(check: RowCheck): string {
  const c = check.chain;
  if (!c) return JSON.stringify({ s: check.sig });
  return JSON.stringify({ c: c.customer, r: c.role, k: c.kind, a: c.anchor, i: c.index, t: c.target, s: check.sig });
}

const ROLE_KEYS: readonly string[] = ['rep', 'manager', 'director', 'gm'];
const KIND_KEYS: readonly string[] = ['visit', 'call'];

/** Days of years 0000–9999, and occurrences of a chain: a check outside them was not written by the add-on. */
const FIRST_DAY = -719_528; // 0000-01-01
const LAST_DAY = 2_932_896; // 9999-12-31
const MAX_INDEX = 1_000_000;
const isDay = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= FIRST_DAY && (v as number) <= LAST_DAY;

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
  if (j.c === undefined) return { chain: null, sig: j.s };
  if (typeof j.c !== 'string' || !ROLE_KEYS.includes(j.r as string) || !KIND_KEYS.includes(j.k as string)
    || !(j.a === null || isDay(j.a)) || !isDay(j.t) || !Number.isInteger(j.i) || (j.i as number) < 1 || (j.i as number) > MAX_INDEX) return null;
  return {
    chain: { customer: j.c, role: j.r as Role, kind: j.k as ContactMode, anchor: j.a as number | null, index: j.i as number, target: j.t as number },
    sig: j.s,
  };
}

export function chainIdOf(c: ChainInfo): string {
  return chainRowId(c.customer, c.role, c.kind, c.anchor, c.index);
}
