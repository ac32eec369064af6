/**
 * What a value typed on the card must be, checked the same way by the page (before it sends, so
 * a typo is fixed without a round trip) and by the server (anyone can call its globals): one
 * module, one answer. Pure functions on strings. Input is NFKC-normalized first, so full-width
 * digits and signs typed with a Chinese IME count as ASCII.
 *
 * Choices where people write things differently:
 * - a phone number holds 5 to 20 digits, spaces, + - ( ) . and may end with an extension:
 *   "转 12", "分机 12", "ext. 12", "x12" (a Chinese office line is often given as
 *   "(010) 8888-1234 转 12"); several numbers are separated by / , ; 、
 * - an amount is a number that is not negative (a credit limit, an outstanding balance): grouping
 *   commas, a leading ¥ or $ and a trailing 元 are allowed; at most 15 significant digits;
 * - a date is a real calendar day written year-month-day (2026-11-20, 2026/11/20, 2026年11月20日);
 * - a birthday is such a date, a month and day (11-26, 11月26日), or a lunar date written as the
 *   team writes it: 农历 or 阴历, then an optional year, 闰 for a leap month, the month and the day
 *   in digits or Chinese numerals (农历八月十五, 阴历2020年闰四月初八, 农历 8-15). The daily run
 *   converts it to this year's solar day (src/core/workdays/lunar.ts).
 */
import type { FieldKind, Lang } from './types';

export type Problem = 'required' | 'phone' | 'email' | 'date' | 'birthday' | 'amount' | 'negative' | 'text';
export type Checked = { ok: true; value: string } | { ok: false; problem: Problem };

/** Longest text the card writes to one cell (a cell holds 50,000; a longer note is a paste by mistake). */
export const MAX_TEXT = 5000;

const EXTENSION = /\s*(?:转|分机|ext\.?|x)\s*\d{1,6}$/i;
const PHONE_PART = /^\+?[\d\s\-().]+$/;

function phoneOk(part: string): boolean {
  const main = part.replace(EXTENSION, '');
  if (!PHONE_PART.test(main)) return false;
  const digits = main.replace(/\D/g, '').length;
  return digits >= 5 && digits <= 20;
}

/** 11-26, 11/26, 11月26日: a birthday without its year (a real month and day are checked by the reader). */
const MONTH_DAY = /^(?:1[0-2]|0?[1-9])\s*[-/月]\s*(?:3[01]|[12]\d|0?[1-9])\s*日?$/;
const CN_MONTH = '(?:十一|十二|正|冬|腊|臘|[一二三四五六七八九十])';
const CN_DAY = '(?:初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十|廿[一二三四五六七八九]|三十|卅)';
/** 农历八月十五, 阴历2020年闰四月初八, 农历 8-15 (the full reading is the lunar reader's). */
const LUNAR = new RegExp(`^(?:农历|阴历|農曆|陰曆)\\s*(?:\\d{4}\\s*年?\\s*)?(?:闰|閏)?\\s*(?:${CN_MONTH}月\\s*(?:${CN_DAY}|\\d{1,2})\\s*日?|\\d{1,2}\\s*[-/月.]\\s*\\d{1,2}\\s*[日号]?)$`);

const EMAIL = /^[^\s@,;<>()"']+@[^\s@,;<>()"'.]+(?:\.[^\s@,;<>()"'.]+)+$/;

/** Year-month-day with -, /, . or 年月日; answers the ISO day, or null when it is no real day. */
export function parseDay(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > last) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An amount as typed (grouping commas, a currency sign, 元) → its plain decimal text, or why not. */
function parseAmount(text: string): { value: string } | { problem: Problem } {
  const plain = text.replace(/^[¥$]\s*/, '').replace(/\s*元$/, '').replace(/\s+/g, '');
  if (!/^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(plain)) return { problem: 'amount' };
  const bare = plain.replace(/,/g, '').replace(/^\+/, '');
  // The project keeps amounts to 15 significant digits; more would be silently rounded.
  if (bare.replace(/^-/, '').replace('.', '').replace(/^0+(?=\d)/, '').length > 15) return { problem: 'amount' };
  if (bare.startsWith('-') && Number(bare) !== 0) return { problem: 'negative' };
  return { value: bare.replace(/^-/, '') };
}

/**
 * Checks a value typed for a profile field of the given kind. An empty value clears the cell and
 * is accepted unless `required`. The value answered is what to send and write (trimmed,
 * normalized; dates as ISO, amounts without grouping).
 */
export function checkValue(kind: FieldKind, typed: string, required = false): Checked {
  const text = String(typed).normalize('NFKC').trim();
  if (text === '') return required ? { ok: false, problem: 'required' } : { ok: true, value: '' };
  if (text.length > MAX_TEXT) return { ok: false, problem: 'text' };
  switch (kind) {
    case 'text':
      // Text keeps what was typed (only trimmed): NFKC would change full-width punctuation in a note.
      return { ok: true, value: String(typed).trim() };
    case 'phone': {
      const parts = text.split(/\s*[/,;、，；]\s*/);
      return parts.every(phoneOk) ? { ok: true, value: text } : { ok: false, problem: 'phone' };
    }
    case 'email':
      return EMAIL.test(text) && text.length <= 254 ? { ok: true, value: text } : { ok: false, problem: 'email' };
    case 'date': {
      const day = parseDay(text);
      return day ? { ok: true, value: day } : { ok: false, problem: 'date' };
    }
    case 'birthday': {
      const day = parseDay(text);
      if (day) return { ok: true, value: day };
      return MONTH_DAY.test(text) || LUNAR.test(text) ? { ok: true, value: text } : { ok: false, problem: 'birthday' };
    }
    case 'amount': {
      const amount = parseAmount(text);
      return 'value' in amount ? { ok: true, value: amount.value } : { ok: false, problem: amount.problem };
    }
  }
}

export type ContactProblem = Problem | 'future' | 'deadline' | 'deadlineNeeded' | 'noteNeeded' | 'kind';

export interface ContactInput {
  kind: string;
  date: string;
  note: string;
  deadline: string;
}

/** Which input of the log form is wrong and why, or null when the contact can be recorded. */
export function checkContact(input: ContactInput, today: string): { field: 'kind' | 'date' | 'note' | 'deadline'; problem: ContactProblem } | null {
  if (input.kind !== 'visit' && input.kind !== 'call' && input.kind !== 'complaint') return { field: 'kind', problem: 'kind' };
  const date = checkValue('date', input.date, true);
  if (!date.ok) return { field: 'date', problem: date.problem };
  if (date.value > today) return { field: 'date', problem: 'future' };
  if (input.note.length > MAX_TEXT) return { field: 'note', problem: 'text' };
  if (input.kind === 'complaint') {
    if (input.note.trim() === '') return { field: 'note', problem: 'noteNeeded' };
    if (input.deadline.trim() === '') return { field: 'deadline', problem: 'deadlineNeeded' };
  }
  if (input.deadline.trim() !== '') {
    const deadline = checkValue('date', input.deadline, true);
    if (!deadline.ok) return { field: 'deadline', problem: deadline.problem };
    if (deadline.value < date.value) return { field: 'deadline', problem: 'deadline' };
  }
  return null;
}

const PROBLEM_TEXT: Record<ContactProblem, Record<Lang, string>> = {
  required: { zh: '不能为空。', en: 'This cannot be empty.' },
  phone: {
    zh: '电话号码应有 5 到 20 位数字，可含空格、+ - ( ) 和分机（转12、ext. 12）；多个号码用 / 分开。',
    en: 'A phone number holds 5 to 20 digits; spaces, + - ( ) and an extension (ext. 12, 转12) are allowed. Separate several numbers with /.',
  },
  email: { zh: '请输入一个电子邮箱，例如 name@example.com。', en: 'Enter one e-mail address, like name@example.com.' },
  date: { zh: '请输入有效日期（年-月-日），例如 2026-11-20。', en: 'Enter a real date as year-month-day, like 2026-11-20.' },
  birthday: {
    zh: '请输入生日：日期（1980-11-26）、月日（11-26）或农历（农历八月十五）。',
    en: 'Enter a birthday as a date (1980-11-26), a month and day (11-26), or a lunar date (农历八月十五).',
  },
  amount: { zh: '请输入数字，例如 12000 或 12,000.50（最多 15 位）。', en: 'Enter a number, like 12000 or 12,000.50 (at most 15 digits).' },
  negative: { zh: '金额不能为负数。', en: 'An amount cannot be negative.' },
  text: { zh: `文字太长（最多 ${MAX_TEXT} 个字符）。`, en: `This text is too long (at most ${MAX_TEXT} characters).` },
  future: { zh: '联系日期不能晚于今天。', en: 'A contact cannot be dated after today.' },
  deadline: { zh: '答复期限不能早于投诉日期。', en: 'The reply deadline cannot be before the complaint’s date.' },
  deadlineNeeded: { zh: '投诉需要答复期限（首问负责）。', en: 'A complaint needs a reply deadline (首问负责).' },
  noteNeeded: { zh: '请写明投诉内容。', en: 'Say what the complaint is about.' },
  kind: { zh: '联系类型只能是拜访、电话或投诉。', en: 'The kind of contact must be a visit, a call or a complaint.' },
};

/** Why a value was refused, in the file's (or the page's) language. */
export function problemText(problem: ContactProblem, lang: Lang): string {
  return PROBLEM_TEXT[problem][lang];
}
