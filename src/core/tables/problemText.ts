/**
 * A row problem as the sentence a person reads in the log and on the customer's flag:
 * "订单 第 57 行：金额是文本“¥1,200”，不是数字。" / "Orders row 57: amount is the text '¥1,200', not a number."
 */
import type { DayClock } from '../dates';
import type { Lang } from '../locale';
import type { RowProblem } from '../model';
import type { TableRowProblem } from './records';
import { fieldLabel } from './synonyms';
import { describeValue, inSentence, quote } from './wording';

type Part = (p: TableRowProblem, field: string, value: string, lang: Lang) => string;

const BODY: Record<RowProblem['problem'], Record<Lang, Part>> = {
  notNumber: {
    zh: (p, f, v) => `${f}是${v}，不是数字。`,
    en: (p, f, v) => `${f} is ${v}, not a number.`,
  },
  notDate: {
    zh: (p, f, v) => p.field === 'birthday'
      ? `${f}是${v}，不是日期。请写成 11-26 或 1980-11-26 的形式，或设为日期格式。`
      : `${f}是${v}，不是日期。请把单元格设为日期格式，或写成 2024-03-05 的形式。`,
    en: (p, f, v) => p.field === 'birthday'
      ? `${f} is ${v}, not a date. Write it as 11-26 or 1980-11-26, or format the cell as a date.`
      : `${f} is ${v}, not a date. Format the cells as dates or write them as 2024-03-05.`,
  },
  missing: {
    zh: (p, f) => p.field === 'kind'
      ? `${f}是空白；按其他联系计算。请填写拜访、电话或投诉。`
      : `${f}是空白。请填写，或把整行清空。`,
    en: (p, f) => p.field === 'kind'
      ? `${f} is empty; it counts as another kind of contact. Write visit, call or complaint.`
      : `${f} is empty. Fill it in, or clear the whole row.`,
  },
  notLabel: {
    zh: (p, f, v) => `${f}是${v}；代码只能是文本或数字。`,
    en: (p, f, v) => `${f} is ${v}; codes must be text or numbers.`,
  },
  duplicateId: {
    zh: (p, f, v, lang) => `${f}${quote(p.customer ?? '', lang)}已在${p.otherRow === undefined ? '前面' : `第 ${p.otherRow} 行`}出现，这一行没有计入。每个客户请用不同的代码。`,
    en: (p, f, v, lang) => `${f} ${quote(p.customer ?? '', lang)} is already on ${p.otherRow === undefined ? 'an earlier row' : `row ${p.otherRow}`}, so this row is left out. Give each customer its own code.`,
  },
  unknownCustomer: {
    zh: (p, f, v, lang) => `客户${quote(p.customer ?? '', lang)}不在客户表中，这一行没有计入。请添加该客户，或改正代码。`,
    en: (p, f, v, lang) => `customer ${quote(p.customer ?? '', lang)} is not in the customer table, so this row is left out. Add the customer, or correct the code.`,
  },
  unknownKind: {
    zh: (p, f, v) => `${f}是${v}，不是拜访、电话或投诉；按其他联系计算。`,
    en: (p, f, v) => `${f} is ${v}, not visit, call or complaint; it counts as another kind of contact.`,
  },
};

/**
 * One sentence naming the sheet, the row, the field and the value. `clock` shows a date value as
 * the day the sheet shows; without it a date is called "a date".
 */
export function describeRowProblem(p: RowProblem, lang: Lang, sheetName: string, clock?: DayClock): string {
  const field = inSentence(fieldLabel(p.table, p.field as never, lang), lang);
  const value = describeValue(p.value, lang, clock);
  const body = BODY[p.problem][lang](p as TableRowProblem, field, value, lang);
  return lang === 'zh' ? `${sheetName} 第 ${p.row} 行：${body}` : `${sheetName} row ${p.row}: ${body}`;
}
