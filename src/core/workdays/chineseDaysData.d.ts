/**
 * The data file of the chinese-days package (MIT): China's State Council holiday arrangements,
 * keyed by 'YYYY-MM-DD', each value 'English name,中文名,statutory days' (e.g.
 * 'National Day,国庆节,3'). Declared here because the project does not turn on resolveJsonModule;
 * esbuild inlines the file and jest requires it.
 */
declare module 'chinese-days/dist/chinese-days.json' {
  /** Days off (public holidays and the weekdays moved into a holiday). */
  export const holidays: Readonly<Record<string, string>>;
  /** Make-up working days (调休上班), often a Saturday or Sunday. */
  export const workdays: Readonly<Record<string, string>>;
  /** Days off that were paid back by a make-up working day (a subset of holidays; unused here). */
  export const inLieuDays: Readonly<Record<string, string>>;
}
