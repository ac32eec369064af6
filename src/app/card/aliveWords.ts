/**
 * P(alive) as words a rep reads next to the number. Cut points: below 0.3 (the default of the
 * "probably lapsing" flag) likely lapsed; below 0.7 may be lapsing; else likely still buying.
 */
import type { Lang } from '../../core/locale';

export function aliveWords(p: number, lang: Lang): string {
  if (!Number.isFinite(p)) return '';
  if (p < 0.3) return lang === 'zh' ? '很可能已流失' : 'likely lapsed';
  if (p < 0.7) return lang === 'zh' ? '可能流失' : 'may be lapsing';
  return lang === 'zh' ? '很可能仍在购买' : 'likely still buying';
}
