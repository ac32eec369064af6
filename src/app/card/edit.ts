/**
 * The card's two writes: fixing a field of the customer's row and logging a contact. Each
 * checks its input as if it came from anyone (every global is callable by any user of the
 * sidebar), refuses to write over a cell that changed since the card read it, writes user text
 * so it stays text, and records the change in the change-log sheet (who, when, customer, field,
 * old, new).
 */
import { userEmail } from '../../adapters/session';
import { withContact } from '../../core/automation/cardSummary';
import type { CellValue } from '../../core/cells';
import { formatDay, parseDateText } from '../../core/dates';
import type { Lang } from '../../core/locale';
import type { CustomerField, TeamMember } from '../../core/model';
import { norm } from '../../core/schedule/people';
import { fieldLabel } from '../../core/tables/synonyms';
import { cellText, literalText } from '../../core/text';
import { KIND_WORDS, wordFor } from '../../core/vocabulary';
import { checkContact, checkValue, MAX_TEXT, problemText } from '../../shared/fields';
import type { EditFieldRequest, FieldKind, LogContactRequest } from '../../shared/types';
import type { RunContext } from '../run/frame';
import { newSheetName, ownSheetNames, trimOwnSheet } from '../sheets/ownSheets';
import { FIELD_KINDS, profileText, shownText } from './build';
import { CUSTOMER_FIELDS_SHOWN, customerRow } from './locate';
import type { CardSetup } from './setup';
import { findLine, writeSummary } from './stateLine';

export { MAX_TEXT };

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
  notEditable: { zh: '这一项不能在卡片中修改。', en: 'This field cannot be changed from the card.' },
  notFound: { zh: '客户表中找不到这位客户（可能已被改名或删除）。', en: 'This customer is no longer in the customer table (renamed or removed?).' },
  conflict: { zh: '这一格在您打开卡片后已被修改，未保存。当前值如下：', en: 'This cell changed after the card was opened, so nothing was saved. It now holds:' },
} satisfies Record<string, Words>;

export type Refusal = { reason: 'invalid' | 'conflict' | 'notFound'; message: string; current?: string };

export function say(key: keyof typeof SAY, lang: Lang): string {
  return SAY[key][lang];
}

/** Plain text a person typed: no control characters but line breaks and tabs. */
function cleanText(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** The value to write for a field kind (checked by the rules the page uses too), or a refusal. Dates become Dates at local midnight. */
export function valueFor(kind: FieldKind, raw: string, ctx: RunContext): { value: CellValue; text: string } | Refusal {
  const checked = checkValue(kind, raw);
  if (!checked.ok) return { reason: 'invalid', message: problemText(checked.problem, ctx.lang) };
  const text = checked.value;
  if (text === '') return { value: '', text };
  switch (kind) {
    case 'phone':
    case 'email':
      return { value: literalText(text), text };
    case 'date':
      return { value: new Date(ctx.clock.startOfDay(parseDateText(text)!)), text };
    case 'birthday':
      // A full date is written as a date; a month-day or a lunar date stays the text the person typed.
      return parseDateText(text) !== null ? { value: new Date(ctx.clock.startOfDay(parseDateText(text)!)), text } : { value: literalText(text), text };
    case 'amount':
      return { value: Number(text), text };
    default:
      return { value: cellText(cleanText(text)), text };
  }
}

/** The user's e-mail, asked once per call (two service calls). */
function userOf(ctx: RunContext): string {
  let email = ctx.shared.get('userEmail') as string | undefined;
  if (email === undefined) ctx.shared.set('userEmail', (email = userEmail()));
  return email;
}

/**
 * How the team's sheets name the user: the Team member with the user's e-mail, by code (as the
 * customer table's rep cells and the contact log write reps), else by name; the e-mail itself
 * when the Team table does not list it.
 */
export function personOf(team: readonly TeamMember[], email: string): string {
  if (!email) return '';
  const member = team.find((m) => m.email.trim() !== '' && norm(m.email) === norm(email));
  return member ? member.code.trim() || member.name.trim() || email : email;
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
    ctx.wb.format(name, 2, 1, 1, 1, 'yyyy-mm-dd hh:mm');
    // Its header and the first line: rows are added as changes come (every cell counts toward the file's limit).
    trimOwnSheet(ctx, name, 2, CHANGE_HEADERS[ctx.lang].length);
  }
  ctx.wb.append(name, [[new Date(ctx.started), cellText(userOf(ctx)), literalText(id), cellText(field), cellText(before), cellText(after)]]);
}

/** Writes one field of the customer's row; the row is found again by id and the cell compared with what the card showed. */
export function editField(ctx: RunContext, setup: CardSetup, req: EditFieldRequest): { row: number } | Refusal {
  const m = setup.customers;
  if (!isEditable(req.field) || m.columns[req.field] === undefined) return { reason: 'invalid', message: say('notEditable', ctx.lang) };
  const field = req.field;
  const kind = FIELD_KINDS[field] ?? 'text';
  const next = valueFor(kind, req.value, ctx);
  if ('reason' in next) return next;
  const row = customerRow(ctx, m, req.id, req.row);
  if (row === null) return { reason: 'notFound', message: say('notFound', ctx.lang) };
  const column = m.columns[field]!;
  const cell = ctx.wb.readBlock(m.sheet, row, column, 1, 1)[0]?.[0];
  const current = shownText(cell, ctx);
  const shown = profileText(field, cell, ctx);
  if (current !== req.expected && shown !== req.expected) return { reason: 'conflict', message: say('conflict', ctx.lang), current: shown };
  // The cell exists (it was just read): one write, no sheet listing.
  ctx.wb.writeBlock(m.sheet, row, column, [[next.value]]);
  if ((kind === 'date' || kind === 'birthday') && next.value instanceof Date) ctx.wb.format(m.sheet, row, column, 1, 1, 'yyyy-mm-dd');
  appendChange(ctx, req.id, m.headers[field] ?? fieldLabel('customers', field, ctx.lang), current, next.text);
  return { row };
}

/** Appends a contact to the contact log (made, with the add-on's headers, when the file has none), and to the customer's line of the state sheet. */
export function logContact(ctx: RunContext, setup: CardSetup, req: LogContactRequest): { row: number; madeTable?: boolean } | Refusal {
  const bad = checkContact({ kind: req.kind, date: req.date, note: req.note, deadline: req.deadline ?? '' }, formatDay(ctx.today));
  if (bad) return { reason: 'invalid', message: problemText(bad.problem, ctx.lang) };
  const dateChecked = checkValue('date', req.date);
  const day = parseDateText(dateChecked.ok ? dateChecked.value : '')!;
  const deadlineChecked = req.deadline ? checkValue('date', req.deadline) : null;
  const deadline = deadlineChecked && deadlineChecked.ok && deadlineChecked.value !== '' ? parseDateText(deadlineChecked.value) : null;
  const note = cleanText(req.note).trim();
  const person = cleanText((req.person ?? '').slice(0, 200)).trim() || personOf(setup.team, userOf(ctx));
  const row = customerRow(ctx, setup.customers, req.id, req.row);
  if (row === null) return { reason: 'notFound', message: say('notFound', ctx.lang) };

  const toDate = (d: number): Date => new Date(ctx.clock.startOfDay(d));
  const m = setup.contacts;
  let cells: CellValue[];
  let sheet: string;
  let dateColumns: number[];
  let created = false;
  const kindWord = wordFor(KIND_WORDS, req.kind, ctx.lang);
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
    put('kind', kindWord);
    put('person', cellText(person));
    const deadlineText = deadline !== null && m.columns.deadline === undefined ? ` (${ctx.lang === 'zh' ? '期限' : 'reply by'} ${formatDay(deadline)})` : '';
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
    cells = [toDate(day), literalText(req.id), kindWord, cellText(person), cellText(note), deadline === null ? '' : toDate(deadline)];
    dateColumns = [1, 6];
  }
  const written = ctx.wb.append(sheet, [cells]);
  for (const c of dateColumns) ctx.wb.format(sheet, written, c, 1, 1, 'yyyy-mm-dd');
  appendChange(ctx, req.id, kindWord, '', `${formatDay(day)} ${note}`.trim());
  // The card shows the contact at once: it goes into the customer's line of the last run too.
  const line = findLine(ctx, setup, req.id);
  if (line?.summary) writeSummary(ctx, setup, line, withContact(line.summary, { day, kind: req.kind, kindText: kindWord, person, note }, deadline));
  return { row, madeTable: created };
}
