/** Words of the CLV and CLVPARAMS result tables, in both languages. */
import type { Lang } from '../locale';

const WORDS = {
  parameter: { zh: '参数', en: 'Parameter' },
  value: { zh: '数值', en: 'Value' },
  bgnbdLogLikelihood: { zh: 'BG/NBD 对数似然', en: 'BG/NBD log-likelihood' },
  gammaGammaLogLikelihood: { zh: 'Gamma-Gamma 对数似然', en: 'Gamma-Gamma log-likelihood' },
  customers: { zh: '客户数', en: 'Customers' },
  returningCustomers: { zh: '回头客户数', en: 'Returning customers' },
  customer: { zh: '客户', en: 'Customer' },
  purchases: { zh: '购买天数', en: 'Purchases (days)' },
  repeat: { zh: '重复购买 x', en: 'Repeat purchases x' },
  recency: { zh: '首末购买间隔 t_x（周）', en: 'Recency t_x (weeks)' },
  age: { zh: '客户年龄 T（周）', en: 'Age T (weeks)' },
  pAlive: { zh: '存活概率', en: 'P(alive)' },
} satisfies Record<string, Record<Lang, string>>;

export type ClvWord = keyof typeof WORDS;

export function clvWord(lang: Lang, w: ClvWord): string {
  return WORDS[w][lang];
}

/** Headers that name the horizon: "Expected purchases (12 months)". */
export function horizonHeader(lang: Lang, what: 'purchases' | 'value' | 'lifetime', months: number): string {
  if (lang === 'zh') {
    if (what === 'purchases') return `预计购买次数（未来 ${months} 个月）`;
    if (what === 'value') return '预计平均订单金额';
    return `客户终身价值（未来 ${months} 个月）`;
  }
  if (what === 'purchases') return `Expected purchases (${months} months)`;
  if (what === 'value') return 'Expected order value';
  return `Lifetime value (${months} months)`;
}
