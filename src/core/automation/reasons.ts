/** Flags, statuses and movements worded for people, in the file's language. */
import { formatDay } from '../dates';
import type { Lang } from '../locale';
import type { Flag, Movement, Status } from '../model';

/** 12345.5 → '12,345.5' (no locale service needed, same in every runtime). */
export function formatAmount(v: number): string {
  const [whole, frac] = String(Math.round(v * 100) / 100).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

type Words = (p: Flag['params']) => string;

const REASONS: Record<Flag['key'], Record<Lang, Words>> = {
  lapsed: {
    zh: (p) => `已 ${p.days} 天没有下单`,
    en: (p) => `no order for ${p.days} days`,
  },
  noOrders: {
    zh: () => '还没有订单记录',
    en: () => 'no order on record',
  },
  probablyLapsing: {
    zh: (p) => `可能正在流失（存活概率 ${num(p.p).toFixed(2)}）`,
    en: (p) => `probably lapsing (P(alive) ${num(p.p).toFixed(2)})`,
  },
  overdue: {
    // A customer never contacted is counted from the first run: the days say since when.
    zh: (p) => (p.never ? `启用 Kehu 已 ${p.days} 天，仍没有拜访或电话记录（${p.tier} 类客户约每 ${p.every} 天联系一次）` : `${p.days} 天没有联系（${p.tier} 类客户约每 ${p.every} 天联系一次）`),
    en: (p) => (p.never ? `no visit or call on record in the ${p.days} days since Kehu started (tier ${p.tier}: one every ${p.every} days)` : `no contact for ${p.days} days (tier ${p.tier}: one every ${p.every} days)`),
  },
  notReviewed: {
    zh: (p) => (p.never ? '档案从未审核' : `档案 ${p.days} 天未审核`),
    en: (p) => (p.never ? 'profile never reviewed' : `profile not reviewed for ${p.days} days`),
  },
  missing: {
    zh: (p) => `缺少：${(p.fields as string[]).join('、')}`,
    en: (p) => `missing: ${(p.fields as string[]).join(', ')}`,
  },
  overCredit: {
    zh: (p) => `应收余额 ${formatAmount(num(p.outstanding))} 超过销售限额 ${formatAmount(num(p.limit))}`,
    en: (p) => `outstanding ${formatAmount(num(p.outstanding))} over the credit limit ${formatAmount(num(p.limit))}`,
  },
  birthday: {
    zh: (p) => (p.days === 0 ? `今天生日（${p.date}）` : `${p.days} 天后生日（${p.date}）`),
    en: (p) => (p.days === 0 ? `birthday today (${p.date})` : `birthday in ${p.days} ${p.days === 1 ? 'day' : 'days'} (${p.date})`),
  },
  tierChanged: {
    zh: (p) => `${p.up ? '等级上升' : '等级下降'}：${p.from} → ${p.to}`,
    en: (p) => `${p.up ? 'promoted' : 'demoted'}: ${p.from} → ${p.to}`,
  },
  openComplaint: {
    zh: (p) => {
      const parts = [formatDay(num(p.day))];
      if (p.owner) parts.push(`负责人 ${p.owner}`);
      if (p.deadline !== undefined) parts.push(`期限 ${formatDay(num(p.deadline))}`);
      return `投诉未结（${parts.join('，')}${p.late ? '，已逾期' : ''}）`;
    },
    en: (p) => {
      const parts = [formatDay(num(p.day))];
      if (p.owner) parts.push(`owner ${p.owner}`);
      if (p.deadline !== undefined) parts.push(`reply by ${formatDay(num(p.deadline))}`);
      return `open complaint (${parts.join(', ')}${p.late ? ', overdue' : ''})`;
    },
  },
  dataProblem: {
    zh: (p) => String(p.text),
    en: (p) => String(p.text),
  },
};

export function flagText(flag: Flag, lang: Lang): string {
  return REASONS[flag.key][lang](flag.params);
}

/** All reasons of a customer in one cell: "no order for 412 days; missing: phone". */
export function flagsCell(flags: readonly Flag[], lang: Lang): string {
  return flags.map((f) => flagText(f, lang)).join(lang === 'zh' ? '；' : '; ');
}

/** A flag's name for the log ("lapsed" / "流失"). */
const FLAG_NAMES: Record<Flag['key'], Record<Lang, string>> = {
  lapsed: { zh: '久未下单', en: 'lapsed' },
  noOrders: { zh: '无订单', en: 'no orders' },
  probablyLapsing: { zh: '可能流失', en: 'probably lapsing' },
  overdue: { zh: '联系逾期', en: 'contact overdue' },
  notReviewed: { zh: '档案未审核', en: 'not reviewed' },
  missing: { zh: '资料不全', en: 'incomplete' },
  overCredit: { zh: '超出限额', en: 'over credit limit' },
  birthday: { zh: '生日', en: 'birthday' },
  tierChanged: { zh: '等级变动', en: 'tier changed' },
  openComplaint: { zh: '投诉未结', en: 'open complaint' },
  dataProblem: { zh: '数据问题', en: 'data problem' },
};

export function flagName(key: Flag['key'], lang: Lang): string {
  return FLAG_NAMES[key][lang];
}

const STATUS: Record<Status, Record<Lang, string>> = {
  red: { zh: '红', en: 'red' },
  amber: { zh: '黄', en: 'amber' },
  green: { zh: '绿', en: 'green' },
};

export function statusText(status: Status, lang: Lang): string {
  return STATUS[status][lang];
}

/**
 * The quadrant (classify.ts: turnover × margin rate, letters A-D in the order of quadrant.ts) as
 * words a rep reads at once, without a letter that could pass for the ABC tier beside it.
 */
const QUADRANTS: Record<string, Record<Lang, string>> = {
  A: { zh: '高周转·高毛利', en: 'high turnover, high margin' },
  B: { zh: '高周转·低毛利', en: 'high turnover, low margin' },
  C: { zh: '低周转·低毛利', en: 'low turnover, low margin' },
  D: { zh: '低周转·高毛利', en: 'low turnover, high margin' },
};

export function quadrantText(quadrant: string, lang: Lang): string {
  return QUADRANTS[quadrant]?.[lang] ?? quadrant;
}

export function movementText(m: Movement, previous: string, lang: Lang): string {
  switch (m) {
    case 'up':
      return lang === 'zh' ? `上升（上期 ${previous}）` : `promoted (was ${previous})`;
    case 'down':
      return lang === 'zh' ? `下降（上期 ${previous}）` : `demoted (was ${previous})`;
    case 'new':
      return lang === 'zh' ? '新客户' : 'new';
    default:
      return '';
  }
}
