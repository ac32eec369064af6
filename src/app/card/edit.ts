/**
 * The card's two writes: fixing a field of the customer's row and logging a contact. Each
 * checks its input as if it came from anyone (every global is callable by any user of the
 * sidebar), refuses to write over a cell that changed since the card read it, writes user text
 * so it stays text, and records the change in the change-log sheet (who, when, customer, field,
 * old, new).
 */
import { userEmail } from '../../adapters/session';
import type { CellValue } from '../../core/cells';
import { parseDateText } from '../../core/dates';
import type { Lang } from '../../core/locale';
import type { CustomerField } from '../../core/model';
import { fieldLabel } from '../../core/tables/synonyms';
import { cellText, literalText } from '../../core/text';
import { KIND_WORDS, wordFor } from '../../core/vocabulary';
import type { CardContactKind, EditFieldRequest, FieldKind, LogContactRequest } from '../../shared/types';
import type { RunContext } from '../frame';
import { newSheetName, ownSheetNames } from '../ownSheets';
import { FIELD_KINDS, shownText } from './build';
import { CUSTOMER_FIELDS_SHOWN, customerRow, type CardTables } from './locate';
import { dropIndex } from './searchIndex';

export const MAX_TEXT = 2000;

const CHANGE_HEADERS: Record<Lang, string[]> = {
  zh: ['时间', '修改人', '客户代码', '字段', '原值', '新值'],
  en: ['Time', 'Changed by', 'Customer ID', 'Field', 'Old value', 'New value'],
};

const CONTACT_HEADERS: Record<Lang, string[]> = {
  zh: ['日期', '客户代码', '类型', '人员', '内容', '跟进期限'],
  en: ['Date', 'Customer ID', 'Kind', 'Person', 'Note', 'Deadline'],
};

type Words = Record<Lang, string>;
const SAY = {
  badPhone: { zh: '电话号码只能包含数字、空格、+、-、括号，至少 5 位数字。', en: 'A phone number holds digits, spaces, +, - and brackets, with at least 5 digits.' },
  badEmail: { zh: '邮箱地址的格式应为 name@example.com。', en: 'An e-mail address looks like name@example.com.' },
  badDate: { zh: '日期请写成 2026-11-20 的形式，且必须是真实的日期。', en: 'Write the date as 2026-11-20, and it must be a real date.' },
  futureDate: { zh: '联系日期不能晚于今天。', en: 'A contact cannot be dated after today.' },
  badAmount: { zh: '金额必须是数字，例如 50000 或 1234.5。', en: 'An amount must be a number, such as 50000 or 1234.5.' },
  tooLong: { zh: `内容太长（最多 ${MAX_TEXT} 个字符）。`, en: `The text is too long (at most ${MAX_TEXT} characters).` },
  badKind: { zh: '联系类型只能是拜访、电话或投诉。', en: 'The kind of contact must be a visit, a call or a complaint.' },
  needNote: { zh: '投诉请填写内容。', en: 'A complaint needs a note.' },
  badDeadline: { zh: '回复期限必须是投诉当天或之后的日期。', en: 'The reply deadline must be on or after the complaint’s date.' },
  notEditable: { zh: '这一项不能在卡片中修改。', en: 'This field cannot be changed from the card.' },
  notFound: { zh: '客户表中找不到这位客户（可能已被改名或删除）。', en: 'This customer is no longer in the customer table (renamed or removed?).' },
  conflict: { zh: '这一格在您打开卡片后已被修改，未保存。当前值如下：', en: 'This cell changed after the card was opened, so nothing was saved. It now holds:' },
} satisfies Record<string, Words>;

export type Refusal = { reason: 'invalid' | 'conflict' | 'notFound'; message: string; current?: string };

export function say(key: keyof typeof SAY, lang: Lang): string {
  return SAY[key][lang];
}

/** Plain text a person typed: no control characters but line breaks and tabs, within the length limit. */
function cleanText(value: string): string | null {
  if (value.length > MAX_TEXT) return null;
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** The value to write for a field kind, or a refusal. Dates become Dates at local midnight. */
export function valueFor(kind: FieldKind, raw: string, ctx: RunContext): { value: CellValue } | Refusal {
  const text = raw.trim();
  const invalid = (key: keyof typeof SAY): Refusal => ({ reason: 'invalid', message: say(key, ctx.lang) });
  if (text === '') return { value: '' };
  switch (kind) {
    case 'phone':
      return /^[+()\d\s-]+$/.test(text) && text.replace(/\D/g, '').length >= 5 && text.length <= 40 ? { value: literalText(text) } : invalid('badPhone');
    case 'email':
      return /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/.test(text) && text.length <= 254 ? { value: literalText(text) } : invalid('badEmail');
    case 'date': {
      const day = parseDateText(text);
      return day === null || !/^\d{4}-\d{1,2}-\d{1,2}$/.test(text) ? invalid('badDate') : { value: new Date(ctx.clock.startOfDay(day)) };
    }
    case 'amount': {
      const n = Number(text.replace(/,/g, ''));
      return /^-?[\d,]*\.?\d+$/.test(text) && Number.isFinite(n) ? { value: n } : invalid('badAmount');
    }
    default: {
      const clean = cleanText(raw);
      return clean === null ? invalid('tooLong') : { value: cellText(clean) };
    }
  }
}

const EDITABLE = new Set<CustomerField>([...CUSTOMER_FIELDS_SHOWN.filter((f) => f !== 'bankAccount'), 'name', 'notes', 'rep']);

export function isEditable(field: string): field is CustomerField {
  return EDITABLE.has(field as CustomerField);
}

function appendChange(ctx: RunContext, id: string, field: string, before: string, after: string): void {
  let name = ctx.wb.findSheet(ownSheetNames('changes', ctx.lang));
  if (!name) {
    name = newSheetName('changes', ctx.lang);
    ctx.wb.ensureSheet(name, { header: CHANGE_HEADERS[ctx.lang], frozenRows: 1 });
    ctx.wb.format(name, 2, 1, 1000, 1, 'yyyy-mm-dd hh:mm');
  }
  ctx.wb.append(name, [[new Date(ctx.started), cellText(userEmail()), literalText(id), cellText(field), cellText(before), cellText(after)]]);
}

/** Writes one field of the customer's row; the row is found again by id and the cell compared with what the card showed. */
export function editField(ctx: RunContext, t: CardTables, req: EditFieldRequest): { row: number } | Refusal {
  const m = t.mapping.customers;
  if (!isEditable(req.field) || m.columns[req.field] === undefined) return { reason: 'invalid', message: say('notEditable', ctx.lang) };
  const field = req.field;
  const row = customerRow(ctx, m, req.id, req.row);
  if (row === null) return { reason: 'notFound', message: say('notFound', ctx.lang) };
  const column = m.columns[field]!;
  const current = shownText(ctx.wb.readFresh(m.sheet, row, column, 1, 1)[0]?.[0], ctx);
  if (current !== req.expected) return { reason: 'conflict', message: say('conflict', ctx.lang), current };
  const kind = FIELD_KINDS[field] ?? 'text';
  const next = valueFor(kind, req.value, ctx);
  if ('reason' in next) return next;
  ctx.wb.write(m.sheet, row, column, [[next.value]]);
  if (kind === 'date' && next.value !== '') ctx.wb.format(m.sheet, row, column, 1, 1, 'yyyy-mm-dd');
  appendChange(ctx, req.id, m.headers[field] ?? fieldLabel('customers', field, ctx.lang), current, req.value.trim());
  if (field === 'name' || field === 'phone') dropIndex();
  return { row };
}

const KINDS: readonly CardContactKind[] = ['visit', 'call', 'complaint'];

/** Appends a contact to the contact log (made, with the add-on's headers, when the file has none). */
export function logContact(ctx: RunContext, t: CardTables, req: LogContactRequest): { row: number; madeTable?: boolean } | Refusal {
  const invalid = (key: keyof typeof SAY): Refusal => ({ reason: 'invalid', message: say(key, ctx.lang) });
  if (!KINDS.includes(req.kind)) return invalid('badKind');
  const day = typeof req.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.date) ? parseDateText(req.date) : null;
  if (day === null) return invalid('badDate');
  if (day > ctx.today) return invalid('futureDate');
  const note = cleanText(typeof req.note === 'string' ? req.note : '');
  if (note === null) return invalid('tooLong');
  if (req.kind === 'complaint' && note.trim() === '') return invalid('needNote');
  let deadline: number | null = null;
  if (req.deadline !== undefined && req.deadline !== '') {
    deadline = typeof req.deadline === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(req.deadline) ? parseDateText(req.deadline) : null;
    if (deadline === null) return invalid('badDate');
    if (deadline < day) return invalid('badDeadline');
  }
  const person = (typeof req.person === 'string' ? cleanText(req.person.slice(0, 200)) : null) || userEmail();
  const row = customerRow(ctx, t.mapping.customers, req.id, req.row);
  if (row === null) return { reason: 'notFound', message: say('notFound', ctx.lang) };

  const toDate = (d: number): Date => new Date(ctx.clock.startOfDay(d));
  const m = t.mapping.contacts;
  let cells: CellValue[];
  let sheet: string;
  let dateColumns: number[];
  let created = false;
  if (m) {
    sheet = m.sheet;
    const width = Math.max(m.width, ...Object.values(m.columns).map((c) => c ?? 0));
    cells = new Array<CellValue>(width).fill('');
    const put = (field: keyof typeof m.columns, v: CellValue): void => {
      const c = m!.columns[field];
      if (c !== undefined) cells[c - 1] = v;
    };
    put('date', toDate(day));
    put('customer', literalText(req.id));
    put('kind', wordFor(KIND_WORDS, req.kind, ctx.lang));
    put('person', cellText(person));
    const deadlineText = deadline !== null && m.columns.deadline === undefined ? ` (${ctx.lang === 'zh' ? '期限' : 'reply by'} ${req.deadline})` : '';
    put('note', cellText(note + deadlineText));
    if (deadline !== null) put('deadline', toDate(deadline));
    dateColumns = [m.columns.date!, ...(deadline !== null && m.columns.deadline !== undefined ? [m.columns.deadline] : [])];
  } else {
    // No contact log yet: one is made, under a name no sheet of the team's has (a phone book
    // called 联系记录 must not receive the contact).
    // (Not "Kehu · …": those are the add-on's own sheets, which table detection never reads.)
    const names = ctx.lang === 'zh' ? ['联系记录', '客户联系记录', '联系记录（Kehu）'] : ['Contacts', 'Customer contacts', 'Contacts (Kehu)'];
    sheet = names.find((n) => !ctx.wb.has(n)) ?? `${names[2]} ${ctx.today}`;
    ctx.wb.ensureSheet(sheet, { header: CONTACT_HEADERS[ctx.lang], frozenRows: 1 });
    created = true;
    cells = [toDate(day), literalText(req.id), wordFor(KIND_WORDS, req.kind, ctx.lang), cellText(person), cellText(note), deadline === null ? '' : toDate(deadline)];
    dateColumns = [1, 6];
  }
  const written = ctx.wb.append(sheet, [cells]);
  for (const c of dateColumns) ctx.wb.format(sheet, written, c, 1, 1, 'yyyy-mm-dd');
  appendChange(ctx, req.id, wordFor(KIND_WORDS, req.kind, ctx.lang), '', `${req.date} ${note}`.trim());
  return { row, madeTable: created };
}
