/** Words that appear in result cells: headers and class names, in both languages. */
import type { Lang } from '../locale';
import type { NamedKey, Value8Key } from './segments';

const VALUE8: Record<Value8Key, Record<Lang, string>> = {
  keyValue: { zh: '重要价值客户', en: 'Key value' },
  keyRetain: { zh: '重要保持客户', en: 'Key retain' },
  keyDevelop: { zh: '重要发展客户', en: 'Key develop' },
  keyWinBack: { zh: '重要挽留客户', en: 'Key win-back' },
  generalValue: { zh: '一般价值客户', en: 'General value' },
  generalRetain: { zh: '一般保持客户', en: 'General retain' },
  generalDevelop: { zh: '一般发展客户', en: 'General develop' },
  generalWinBack: { zh: '一般挽留客户', en: 'General win-back' },
};

const NAMED: Record<NamedKey | 'others', Record<Lang, string>> = {
  champions: { zh: '冠军客户', en: 'Champions' },
  potentialLoyalist: { zh: '潜在忠诚客户', en: 'Potential Loyalist' },
  loyal: { zh: '忠诚客户', en: 'Loyal Customers' },
  promising: { zh: '有潜力客户', en: 'Promising' },
  newCustomers: { zh: '新客户', en: 'New Customers' },
  cantLose: { zh: '不能失去的客户', en: "Can't Lose Them" },
  atRisk: { zh: '有流失风险客户', en: 'At Risk' },
  needAttention: { zh: '需要关注客户', en: 'Need Attention' },
  aboutToSleep: { zh: '即将沉睡客户', en: 'About To Sleep' },
  lost: { zh: '已流失客户', en: 'Lost' },
  others: { zh: '其他', en: 'Others' },
};

const WORDS = {
  customer: { zh: '客户', en: 'Customer' },
  group: { zh: '分组', en: 'Group' },
  lastOrder: { zh: '最近购买日期', en: 'Last order' },
  recencyDays: { zh: '间隔天数', en: 'Recency (days)' },
  orders: { zh: '购买次数', en: 'Orders' },
  amount: { zh: '消费金额', en: 'Amount' },
  code: { zh: 'RFM 代码', en: 'RFM code' },
  segment: { zh: '客户类别', en: 'Segment' },
  dimension: { zh: '维度', en: 'Dimension' },
  customers: { zh: '客户数', en: 'Customers' },
  cut: { zh: '分界点', en: 'Cut' },
  dimR: { zh: 'R 间隔天数（越少越好）', en: 'R: recency days (fewer is better)' },
  dimF: { zh: 'F 购买次数', en: 'F: orders' },
  dimM: { zh: 'M 消费金额', en: 'M: amount' },
  tier: { zh: '等级', en: 'Tier' },
  customerShare: { zh: '客户占比', en: 'Share of customers' },
  value: { zh: '金额', en: 'Value' },
  valueShare: { zh: '金额占比', en: 'Share of value' },
  total: { zh: '合计', en: 'Total' },
} satisfies Record<string, Record<Lang, string>>;

export type Word = keyof typeof WORDS;

export function word(lang: Lang, w: Word): string {
  return WORDS[w][lang];
}

export function value8Label(lang: Lang, key: Value8Key): string {
  return VALUE8[key][lang];
}

export function namedLabel(lang: Lang, key: NamedKey | 'others'): string {
  return NAMED[key][lang];
}
