/**
 * What the schedule says in words, in the file's language: the notes on rows the add-on could not
 * place or cannot invite for, and the sentence for each schedule cell it could not read.
 */
import type { CellValue } from '../cells';
import { isDate } from '../cells';
import { civilFromDays } from '../dates';
import type { Lang } from '../locale';
import type { Role } from '../model';
import { ROLE_WORDS, wordFor } from '../vocabulary';
import { SCHEDULE_HEADERS, SCHEDULE_SHEET_NAMES } from './headers';
import type { ScheduleProblem } from './types';

/** Why a contact is planned, for the tier's rhythm: "A 类，21 天未联系，应每 6 天一次". */
export function cadenceWords(lang: Lang, tier: string, sinceLast: number | null, everyDays: number): string {
  const every = Math.max(1, Math.round(everyDays));
  if (lang === 'zh') return sinceLast === null ? `${tier} 类，尚无联系记录，应每 ${every} 天一次` : `${tier} 类，${sinceLast} 天未联系，应每 ${every} 天一次`;
  return sinceLast === null
    ? `tier ${tier}, no contact on record, due every ${every} days`
    : `tier ${tier}, ${sinceLast} days since the last contact, due every ${every} days`;
}

export function birthdayWords(lang: Lang, birthday: number, lunarText: string): string {
  const { m, d } = civilFromDays(birthday);
  const on = lang === 'zh' ? `${m} 月 ${d} 日` : `${d} ${MONTHS_EN[m - 1]}`;
  const lunar = lunarText === '' ? '' : lang === 'zh' ? `，${lunarText}` : `, ${lunarText}`;
  return lang === 'zh' ? `生日问候（${on}生日${lunar}）` : `birthday greeting (birthday ${on}${lunar})`;
}

export function festivalWords(lang: Lang, festival: 'spring' | 'midautumn'): string {
  if (festival === 'spring') return lang === 'zh' ? '春节问候（礼品名单）' : 'Spring Festival greeting (gift list)';
  return lang === 'zh' ? '中秋节问候（礼品名单）' : 'Mid-Autumn greeting (gift list)';
}

export function noEmailWords(lang: Lang, who: string, why: 'blankInTeam' | 'notInTeam'): string {
  return noEmailNote(lang, who, why);
}

/** The With cell: the others who come, each with their role. */
export function withWords(lang: Lang, people: readonly { label: string; role: Role }[]): string {
  return people.map((p) => (lang === 'zh' ? `${p.label}（${wordFor(ROLE_WORDS, p.role, 'zh')}）` : `${p.label} (${wordFor(ROLE_WORDS, p.role, 'en')})`)).join(lang === 'zh' ? '、' : ', ');
}

/** What the add-on could not read in a person's row, for its purpose cell: "时间“25:00”无法识别，日历邀请保持不变". */
export function unreadableWords(lang: Lang, items: readonly { column: 'date' | 'time' | 'kind' | 'role' | 'status' | 'person'; value: string }[]): string {
  const zhCol = { date: '日期', time: '时间', kind: '方式', role: '角色', status: '状态', person: '人员' };
  const enCol = { date: 'date', time: 'time', kind: 'kind', role: 'role', status: 'status', person: 'person' };
  if (lang === 'zh') return items.map((i) => `${zhCol[i.column]}“${i.value}”无法识别`).join('，') + '，日历邀请保持不变';
  return items.map((i) => `${enCol[i.column]} '${i.value}' not understood`).join('; ') + '; the calendar invite is left as it was';
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function noRepNote(lang: Lang): string {
  return lang === 'zh' ? '没有人员：客户没有对口销售员' : 'no person: the customer has no sales rep';
}

export function noMemberNote(lang: Lang, role: Role): string {
  return lang === 'zh'
    ? `没有人员：团队表中没有${wordFor(ROLE_WORDS, role, 'zh')}`
    : `no person: no ${wordFor(ROLE_WORDS, role, 'en')} in the Team table`;
}

export function noEmailNote(lang: Lang, who: string, why: 'blankInTeam' | 'notInTeam'): string {
  if (why === 'blankInTeam') return lang === 'zh' ? `不发邀请：${who} 在团队表中没有邮箱` : `no invite: ${who} has no e-mail in the Team table`;
  return lang === 'zh' ? `不发邀请：${who} 不在团队表中，没有邮箱` : `no invite: ${who} is not in the Team table and has no e-mail`;
}

function shown(v: CellValue, lang: Lang): string {
  const text = isDate(v) ? (v.getTime() === v.getTime() ? v.toISOString() : '') : String(v ?? ''); // the reader quotes dates as local text
  return lang === 'zh' ? `“${text}”` : `'${text}'`;
}

/** One sentence for a cell of the schedule the add-on could not use, naming the row and the value. */
export function describeScheduleProblem(p: ScheduleProblem, lang: Lang): string {
  const sheet = SCHEDULE_SHEET_NAMES[lang];
  const col = p.column ? SCHEDULE_HEADERS[p.column][lang] : '';
  const v = shown(p.value, lang);
  const zh = lang === 'zh';
  const at = zh ? `${sheet}第 ${p.row} 行` : `${sheet} row ${p.row}`;
  const kept = zh ? '这一行按人工修改的行保留。' : 'The row is kept as a person\'s row.';
  switch (p.problem) {
    case 'noHeader':
      return zh
        ? `${sheet}找不到表头（${SCHEDULE_HEADERS.date.zh}、${SCHEDULE_HEADERS.time.zh}、${SCHEDULE_HEADERS.customerId.zh}……）。请恢复表头行，或删除整张表让 Kehu 重新生成；在此之前不更新拜访计划。`
        : `The ${sheet} sheet has no header row (${SCHEDULE_HEADERS.date.en}, ${SCHEDULE_HEADERS.time.en}, ${SCHEDULE_HEADERS.customerId.en}, …). Put the header row back, or delete the sheet for Kehu to make it again; until then the schedule is not updated.`;
    case 'missingColumn':
      return zh
        ? `${sheet}没有“${col}”列（表头在第 ${p.row} 行）。Kehu 下次写入时会把这一列加回来；无法核对的行按人工修改的行保留。`
        : `The ${sheet} sheet has no '${col}' column (header on row ${p.row}). Kehu puts it back when it next writes the sheet; rows it cannot check are kept as a person's rows.`;
    case 'notDate':
      return zh ? `${at}：${col}${v}不是日期，请写成 2026-11-20。${kept}` : `${at}: the ${col} ${v} is not a date; write it as 2026-11-20. ${kept}`;
    case 'notTime':
      return zh ? `${at}：${col}${v}不是时间，请写成 09:30。${kept}` : `${at}: the ${col} ${v} is not a time; write it as 09:30. ${kept}`;
    case 'unknownKind':
      return zh ? `${at}：${col}${v}不是拜访或电话。${kept}` : `${at}: the ${col} ${v} is neither Visit nor Call. ${kept}`;
    case 'unknownRole':
      return zh
        ? `${at}：${col}${v}不是销售员、销售经理、营销总监或总经理。${kept}`
        : `${at}: the ${col} ${v} is not one of Sales rep, Sales manager, Marketing director, General manager. ${kept}`;
    case 'unknownStatus':
      return zh
        ? `${at}：${col}${v}不是计划、完成、改期、取消或未排期。${kept}`
        : `${at}: the ${col} ${v} is not one of Planned, Done, Moved, Cancelled, Unscheduled. ${kept}`;
    case 'badCheck':
      return zh ? `${at}：${col}单元格被修改或清空了。${kept}` : `${at}: the ${col} cell was edited or cleared. ${kept}`;
    case 'duplicateId':
      return zh
        ? `${at}：Kehu ID ${v}与第 ${p.otherRow} 行相同（复制的行）。这一行按新增的行保留，并得到自己的 ID。`
        : `${at}: the Kehu ID ${v} is the same as on row ${p.otherRow} (a copied row). The row is kept as a row a person added, with an id of its own.`;
    case 'doneWithoutDate':
      return zh
        ? `${at}：状态是完成，但没有日期，所以不能算作一次联系。请填写联系的日期。`
        : `${at}: the status is Done but there is no date, so it cannot count as a contact. Fill in the day of the contact.`;
  }
}
