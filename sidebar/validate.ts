/**
 * What the card accepts before it sends a write. The server checks again (anyone can call its
 * globals); checking here first lets the user fix a typo without a round trip. Input is NFKC
 * normalized first, so full-width digits and signs typed with a Chinese IME count as ASCII.
 * Pure functions on strings: unit-tested in Node, used by the page.
 */
import type { FieldKind } from '../src/shared/types';

export type Problem = 'required' | 'phone' | 'email' | 'date' | 'amount' | 'text';
export type Checked = { ok: true; value: string } | { ok: false; problem: Problem };

/** Longest text the card writes to one cell (a cell holds 50,000; a note longer than this is a paste by mistake). */
export const MAX_TEXT = 5000;

const PHONE_PART = /^\+?[\d\s\-().]+?(?:\s*(?:转|分机|ext\.?|x)\s*\d{1,6})?$/i;

function phoneOk(part: string): boolean {
  if (!PHONE_PART.test(part)) return false;
  const main = part.replace(/(?:转|分机|ext\.?|x)\s*\d{1,6}$/i, '');
  const digits = main.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 20;
}

const EMAIL = /^[^\s@,;<>()"']+@[^\s@,;<>()"'.]+(?:\.[^\s@,;<>()"'.]+)+$/;

/** Year-month-day with -, /, . or 年月日; answers the ISO day, or null when it is no real day. */
export function parseDay(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > last) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An amount as typed (grouping commas, a currency sign, 元) → its plain decimal text. */
function parseAmount(text: string): string | null {
  const plain = text.replace(/^[¥$]\s*/, '').replace(/\s*元$/, '').replace(/\s+/g, '');
  if (!/^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(plain)) return null;
  const bare = plain.replace(/,/g, '');
  // The project keeps amounts to 15 significant digits; more would be silently rounded.
  if (bare.replace(/^-/, '').replace('.', '').replace(/^0+(?=\d)/, '').length > 15) return null;
  return bare;
}

/**
 * Checks a value typed for a profile field of the given kind. An empty value clears the cell and
 * is accepted unless `required`. The value answered is what to send (trimmed, normalized; dates
 * as ISO, amounts without grouping).
 */
export function checkValue(kind: FieldKind, typed: string, required = false): Checked {
  const text = typed.normalize('NFKC').trim();
  if (text === '') return required ? { ok: false, problem: 'required' } : { ok: true, value: '' };
  if (text.length > MAX_TEXT) return { ok: false, problem: 'text' };
  switch (kind) {
    case 'text':
      return { ok: true, value: text };
    case 'phone': {
      const parts = text.split(/\s*[/,;、，；]\s*/);
      return parts.every(phoneOk) ? { ok: true, value: text } : { ok: false, problem: 'phone' };
    }
    case 'email':
      return EMAIL.test(text) ? { ok: true, value: text } : { ok: false, problem: 'email' };
    case 'date': {
      const day = parseDay(text);
      return day ? { ok: true, value: day } : { ok: false, problem: 'date' };
    }
    case 'amount': {
      const amount = parseAmount(text);
      return amount !== null ? { ok: true, value: amount } : { ok: false, problem: 'amount' };
    }
  }
}

export type ContactProblem = Problem | 'future' | 'deadline' | 'deadlineNeeded' | 'noteNeeded';

export interface ContactInput {
  kind: 'visit' | 'call' | 'complaint';
  date: string;
  note: string;
  deadline: string;
}

/** Which input of the log form is wrong and why, or null when the contact can be sent. */
export function checkContact(input: ContactInput, today: string): { field: 'date' | 'note' | 'deadline'; problem: ContactProblem } | null {
  const date = checkValue('date', input.date, true);
  if (!date.ok) return { field: 'date', problem: date.problem };
  if (date.value > today) return { field: 'date', problem: 'future' };
  if (input.note.length > MAX_TEXT) return { field: 'note', problem: 'text' };
  if (input.kind === 'complaint') {
    if (input.note.trim() === '') return { field: 'note', problem: 'noteNeeded' };
    if (input.deadline.trim() === '') return { field: 'deadline', problem: 'deadlineNeeded' };
    const deadline = checkValue('date', input.deadline, true);
    if (!deadline.ok) return { field: 'deadline', problem: deadline.problem };
    if (deadline.value < date.value) return { field: 'deadline', problem: 'deadline' };
  }
  return null;
}
