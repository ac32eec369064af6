/**
 * The capacity summary the plan leaves instead of a row per contact that did not fit: per person
 * (or a role nobody holds) and tier, how many contacts could not be placed in the horizon, and
 * the most valuable customers among them with the reason in words. Rendered as a small table on
 * the add-on's own sheet (Kehu · 未排入), rewritten by every plan.
 */

import { formatDay } from '../dates';
import type { Lang } from '../locale';
import { ROLE_WORDS, wordFor } from '../vocabulary';
import type { UnplacedGroup } from './plan';

const HEADERS: Record<Lang, string[]> = {
  zh: ['人员', '角色', '等级', '未能排入', '原因', '其中最重要的客户'],
  en: ['Person', 'Role', 'Tier', 'Not placed', 'Why', 'Most valuable among them'],
};

export function summaryTitle(lang: Lang, from: number, to: number, total: number): string {
  if (lang === 'zh') {
    return total === 0
      ? `${formatDay(from)} 至 ${formatDay(to)}：政策要求的联系都已排入计划。`
      : `${formatDay(from)} 至 ${formatDay(to)}：共有 ${total} 次联系因容量不足或无人负责未能排入。增加人手或每日容量（设置 → 每日容量），或降低拜访频率（设置 → 拜访政策）。`;
  }
  return total === 0
    ? `${formatDay(from)} to ${formatDay(to)}: every contact the policy asks for is in the plan.`
    : `${formatDay(from)} to ${formatDay(to)}: ${total} contacts could not be placed (no capacity, or nobody holds the role). Add people or daily capacity (Settings → Daily capacity), or lower the visit policy (Settings → Visit policy).`;
}

/** The summary as cells: a title row, the header, one row per group (the text cells as plain strings). */
export function renderSummary(groups: readonly UnplacedGroup[], lang: Lang, from: number, to: number): string[][] {
  const total = groups.reduce((n, g) => n + g.count, 0);
  const rows: string[][] = [[summaryTitle(lang, from, to, total), '', '', '', '', ''], HEADERS[lang]];
  const sep = lang === 'zh' ? '；' : '; ';
  for (const g of groups) {
    const why = g.why === 'capacity' ? (lang === 'zh' ? '容量不足' : 'no capacity')
      : g.why === 'noRep' ? (lang === 'zh' ? '客户资料中没有对口销售员' : 'the customer has no sales rep on its row')
      : lang === 'zh' ? '团队表中无人担任此角色' : 'nobody holds the role in the Team table';
    const top = g.top.map((t) => (lang === 'zh' ? `${t.name}（${t.customerId}，${t.reason}）` : `${t.name} (${t.customerId}, ${t.reason})`)).join(sep);
    rows.push([g.person === '' ? '—' : g.person, wordFor(ROLE_WORDS, g.role, lang), g.tier, String(g.count), why, top]);
  }
  return rows;
}

/** One line for the log. */
export function summaryLine(groups: readonly UnplacedGroup[], lang: Lang): string {
  const total = groups.reduce((n, g) => n + g.count, 0);
  if (total === 0) return '';
  const people = new Set(groups.map((g) => g.person)).size;
  return lang === 'zh' ? `${total} 次联系未能排入（涉及 ${people} 人），详见“Kehu · 未排入”。` : `${total} contacts could not be placed (${people} people); see "Kehu · Not placed".`;
}


