/**
 * The sentences the query itself says, in the spreadsheet's language: its heading comment and
 * the stops it makes (through ERROR) on data the functions would refuse. A `{}` marks where the
 * query puts a value it only knows when it runs (a customer id, a date).
 */
import type { Lang } from '../locale';

const TEXTS = {
  heading: {
    en: 'Kehu RFMSQL: one row per customer with RFM scores ({} bins), the eight value classes and ABC tiers.',
    zh: 'Kehu RFMSQL：每位客户一行，含 RFM 分数（{} 档）、八类价值客户和 ABC 等级。',
  },
  definitions: {
    en: 'The definitions of =RFM and =ABCTIER: cut points PERCENTILE.INC (exact PERCENTILE_CONT), a value on a cut point scores low; ABC over positive amounts, equal amounts share the higher tier.',
    zh: '与 =RFM、=ABCTIER 的定义相同：分界点为 PERCENTILE.INC（精确的 PERCENTILE_CONT），等于分界点的值计入较低一档；ABC 按正金额累计，金额相同的客户同属较高等级。',
  },
  missingCustomer: {
    en: 'Kehu: an order has no customer in column {}. Fill it in, or delete the row.',
    zh: 'Kehu：有一条订单在 {} 列没有客户。请填写客户，或删除这一行。',
  },
  missingDate: {
    en: 'Kehu: an order of customer {} has no date.',
    zh: 'Kehu：客户 {} 有一条订单没有日期。',
  },
  missingAmount: {
    en: 'Kehu: an order of customer {} has no amount.',
    zh: 'Kehu：客户 {} 有一条订单没有金额。',
  },
  missingGroup: {
    en: 'Kehu: an order of customer {} has no group.',
    zh: 'Kehu：客户 {} 有一条订单没有分组。',
  },
  groupConflict: {
    en: 'Kehu: customer {} is in more than one group; a customer belongs to one group.',
    zh: 'Kehu：客户 {} 属于多个分组；一个客户只能属于一个分组。',
  },
  analysisBeforeLastOrder: {
    en: 'Kehu: the analysis date is before the last order ({}). Choose a later date, or leave it empty.',
    zh: 'Kehu：分析日期早于最后一笔订单（{}）。请选更晚的日期，或留空。',
  },
} satisfies Record<string, Record<Lang, string>>;

export type SqlText = keyof typeof TEXTS;

/** The text around the placeholder: [before, after] (after is '' when there is no placeholder). */
export function sqlText(lang: Lang, key: SqlText): [string, string] {
  const [before, after = ''] = TEXTS[key][lang].split('{}');
  return [before, after];
}
