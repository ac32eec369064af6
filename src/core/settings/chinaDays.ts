/**
 * China's public holidays and make-up working days as rows of the Days off table. The run
 * refreshes them on every run for the years the schedule's horizon touches (the data comes from
 * src/core/workdays, the State Council's notices), so the team sees and can override what is
 * used: a team row 'working' for a holiday day wins over the China row.
 */
import { civilFromDays } from '../dates';
import type { Lang } from '../locale';
import type { DayOff, Settings } from '../model';
import { chinaCoversYear, chinaPublicDays, usesChinaHolidays, type PublicDay } from '../workdays';

/** The names the sheet shows (the data's short forms get their usual 节). */
const ZH_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function nameOf(d: PublicDay, lang: Lang): string {
  return lang === 'zh' ? (ZH_NAMES[d.name] ?? d.name) : d.nameEn;
}

function noteOf(kind: DayOff['kind'], names: readonly string[], lang: Lang): string {
  if (lang === 'zh') return kind === 'closed' ? names.join('、') : `${names.join('、')}调休`;
  return kind === 'closed' ? names.join(', ') : `make-up working day (${names.join(', ')})`;
}

/**
 * China's days of these years as Days off rows: one row per run of consecutive days of one kind
 * (2025-10-01 .. 2025-10-08 国庆节、中秋节 休息; 2025-09-28 国庆节调休 上班), in day order. A
 * year the data does not cover gives no rows (see uncoveredYears).
 */
export function chinaDaysOff(years: readonly number[], lang: Lang): DayOff[] {
  const days = [...new Set(years)].sort((a, b) => a - b).flatMap((y) => chinaPublicDays(y));
  days.sort((a, b) => a.day - b.day);
  const out: DayOff[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && days[j + 1].kind === days[i].kind && days[j + 1].day === days[j].day + 1) j++;
    const names = [...new Set(days.slice(i, j + 1).map((d) => nameOf(d, lang)))];
    const kind = days[i].kind === 'holiday' ? 'closed' : 'working';
    out.push({ from: days[i].day, to: days[j].day, kind, person: '', note: noteOf(kind, names, lang), source: 'china' });
    i = j + 1;
  }
  return out;
}

/**
 * The settings with their China rows replaced by those of `years` ([] removes them); the team's
 * rows are kept, in their order, before them.
 */
export function settingsWithChinaDays(settings: Settings, years: readonly number[], lang: Lang): Settings {
  return { ...settings, daysOff: [...settings.daysOff.filter((d) => d.source !== 'china'), ...chinaDaysOff(years, lang)] };
}

/** Whether the file takes China's public holidays: the setting, and for 'auto' a zh_CN spreadsheet locale. */
export function usesChinaDays(settings: Pick<Settings, 'publicHolidays'>, locale: string | null | undefined): boolean {
  return settings.publicHolidays === 'china' || (settings.publicHolidays === 'auto' && usesChinaHolidays(locale));
}

/** The calendar years a schedule from `today` over `horizonWeeks` weeks touches. */
export function horizonYears(today: number, horizonWeeks: number): number[] {
  const first = civilFromDays(today).y;
  const last = civilFromDays(today + horizonWeeks * 7 - 1).y;
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

/** The years whose China rows the run writes: the horizon's, or none when the file does not take China's holidays. */
export function chinaYearsFor(settings: Pick<Settings, 'publicHolidays' | 'horizonWeeks'>, locale: string | null | undefined, today: number): number[] {
  return usesChinaDays(settings, locale) ? horizonYears(today, settings.horizonWeeks) : [];
}

/** Years among these the holiday data does not cover (the run says so in the log). */
export function uncoveredYears(years: readonly number[]): number[] {
  return years.filter((y) => !chinaCoversYear(y));
}

/** Whether festival greetings are planned: the setting, and for 'auto' a Chinese file. */
export function festivalCareOn(settings: Pick<Settings, 'festivalCare'>, lang: Lang): boolean {
  return settings.festivalCare === 'on' || (settings.festivalCare === 'auto' && lang === 'zh');
}
