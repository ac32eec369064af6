/**
 * The log sheet ("Kehu · 日志" / "Kehu · Log"): one line per flag raised or cleared (date,
 * customer, flag, change, reason) and one per run. Only ever appended to.
 */
import type { CellValue } from '../cells';
import type { Lang } from '../locale';
import type { Flag, FlagKey } from '../model';
import { literalText, cellText } from '../text';
import { flagName, flagText } from './reasons';

export const LOG_HEADERS: Record<Lang, string[]> = {
  zh: ['时间', '客户代码', '提醒', '变化', '原因'],
  en: ['Time', 'Customer ID', 'Flag', 'Change', 'Reason'],
};

export interface FlagChange {
  customer: string;
  key: FlagKey;
  change: 'raised' | 'cleared';
  /** The flag as raised (its reason), or as it was when cleared (when known). */
  flag?: Flag;
}

/** Flags raised and cleared between the flags kept from the last run and the new ones. */
export function flagChanges(customer: string, before: readonly FlagKey[], after: readonly Flag[]): FlagChange[] {
  const now = new Set(after.map((f) => f.key));
  const was = new Set(before);
  const out: FlagChange[] = [];
  for (const f of after) if (!was.has(f.key) && !out.some((c) => c.key === f.key)) out.push({ customer, key: f.key, change: 'raised', flag: f });
  for (const key of before) if (!now.has(key)) out.push({ customer, key, change: 'cleared' });
  return out;
}

const CHANGE: Record<FlagChange['change'], Record<Lang, string>> = {
  raised: { zh: '新增', en: 'raised' },
  cleared: { zh: '解除', en: 'cleared' },
};

export function flagChangeRow(c: FlagChange, at: unknown, lang: Lang): CellValue[] {
  return [at as CellValue, literalText(c.customer), flagName(c.key, lang), CHANGE[c.change][lang], c.flag ? cellText(flagText(c.flag, lang)) : ''];
}

export function runRow(at: unknown, what: string, summary: string, lang: Lang): CellValue[] {
  return [at as CellValue, '', lang === 'zh' ? '运行' : 'run', what, cellText(summary)];
}
