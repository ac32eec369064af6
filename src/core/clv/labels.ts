/** Words of the CLV and CLVPARAMS result tables, in both languages. */
import type { Lang } from '../locale';

const WORDS = {
  parameter: { zh: '参数', en: 'Parameter' },
  value: { zh: '数值', en: 'Value' },
  model: { zh: '模型', en: 'Model' },
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

/** "BG/NBD log-likelihood" / "BG/NBD 对数似然": the purchase model's log-likelihood row. */
export function logLikelihoodWord(lang: Lang, title: string): string {
  return lang === 'zh' ? `${title} 对数似然` : `${title} log-likelihood`;
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

/**
 * Where P(alive) changes words. Below 0.3, the Settings sheet's default "probably lapsing"
 * threshold, the customer is likely lapsed; from 0.7 up likely still buying; in between, may be
 * lapsing. With MBG/NBD fitted on the CDNOW sample (39 weeks) that reads: bought twice, the second
 * time 4 weeks ago, 0.72 (likely still buying); bought once 9 months ago, 0.39 (may be lapsing);
 * bought once two years ago, 0.29, or twice in the first month and never in the 8 months since,
 * 0.23 (likely lapsed).
 */
export const P_ALIVE_LAPSED_BELOW = 0.3;
export const P_ALIVE_BUYING_FROM = 0.7;

const ALIVE_WORDS = {
  lapsed: { zh: '很可能已流失', en: 'likely lapsed' },
  lapsing: { zh: '可能流失', en: 'may be lapsing' },
  buying: { zh: '很可能仍在购买', en: 'likely still buying' },
} satisfies Record<string, Record<Lang, string>>;

/** P(alive) as words a rep understands, shown next to the number; '' for no number (NaN). */
export function pAliveWords(p: number, lang: Lang): string {
  if (!Number.isFinite(p)) return '';
  if (p < P_ALIVE_LAPSED_BELOW) return ALIVE_WORDS.lapsed[lang];
  if (p < P_ALIVE_BUYING_FROM) return ALIVE_WORDS.lapsing[lang];
  return ALIVE_WORDS.buying[lang];
}
