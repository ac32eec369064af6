/**
 * The sentences a person reads when a lunar birthday cell cannot be read, in the file's
 * language. The caller puts the table, row and column in front ("客户 第 7 行：").
 */
import type { Lang } from '../locale';
import type { LunarRefusal } from './lunar';

const CHINESE_MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];

const EXAMPLE = { zh: '请写成“农历八月十五”或“农历 8-15”的形式。', en: 'Write it as 农历八月十五 or 农历 8-15.' };

/** One sentence saying why the cell's lunar birthday `value` cannot be read, and what to write. */
export function lunarRefusalText(refusal: LunarRefusal, value: string, lang: Lang): string {
  const zh = lang === 'zh';
  const v = zh ? `“${value}”` : `'${value}'`;
  switch (refusal.reason) {
    case 'unreadable':
      return zh ? `农历生日${v}无法识别。${EXAMPLE.zh}` : `The lunar birthday ${v} cannot be read. ${EXAMPLE.en}`;
    case 'badMonth':
      return zh ? `农历生日${v}的月份 ${refusal.month} 不存在：农历月份是 1 到 12。` : `The lunar birthday ${v} has month ${refusal.month}; lunar months run from 1 to 12.`;
    case 'badDay':
      return zh ? `农历生日${v}的日期 ${refusal.day} 不存在：农历日期是初一到三十。` : `The lunar birthday ${v} has day ${refusal.day}; lunar days run from 1 to 30.`;
    case 'badYear':
      return zh ? `农历生日${v}的年份 ${refusal.year} 超出了 1900–2100 年。请改正年份，或只写月和日。` : `The lunar birthday ${v} has the year ${refusal.year}, outside 1900–2100. Correct the year, or give only the month and day.`;
    case 'noLeapMonth': {
      const own = refusal.leapMonth
        ? (zh ? `那年闰${CHINESE_MONTHS[refusal.leapMonth - 1]}月` : `that year's leap month was month ${refusal.leapMonth}`)
        : (zh ? '那年没有闰月' : 'that year had no leap month');
      return zh
        ? `农历生日${v}：${refusal.year} 年没有闰${CHINESE_MONTHS[refusal.month - 1]}月（${own}）。请检查月份，或去掉“闰”字。`
        : `The lunar birthday ${v}: ${refusal.year} had no leap month ${refusal.month} (${own}). Check the month, or drop 闰.`;
    }
  }
}
