/**
 * Working days, lunar birthdays and festivals: pure functions on day numbers (days since
 * 1970-01-01, see ../dates). China's data comes from the chinese-days package (MIT); see
 * docs/workdays.md.
 */

// China's arrangement data.
export type { PublicDay, YearRange } from './china';
export {
  /** The years China's holiday data covers (2004..2026 in chinese-days 1.5.7). */
  chinaYears,
  /** Whether the data holds the State Council's arrangement for a year. */
  chinaCoversYear,
  /** China's days off and make-up working days of one year, with Chinese and English names. */
  chinaPublicDays,
  /** China's days off and make-up working days between two days (both included). */
  chinaPublicDaysBetween,
  /** Whether a spreadsheet locale takes China's public holidays (zh_CN only). */
  usesChinaHolidays,
} from './china';

// The team's calendar.
export type { TeamDayRow, WorkCalendarInput, WorkCalendar, PersonRef } from './calendar';
export {
  /** A WorkCalendar from the working weekdays, the public days in force and the team's table; answers isWorkingDay, last/next working day and uncoveredYears. */
  createWorkCalendar,
  /** ISO weekday of a day number (1 = Monday … 7 = Sunday). */
  isoWeekday,
} from './calendar';

// Lunar birthdays.
export type { LunarBirthday, LunarRefusal, LunarReading } from './lunar';
export {
  /** Reads a cell text as a lunar birthday (农历/阴历 prefix, or any text in a column marked lunar). */
  parseLunarBirthday,
  /** The solar day of a lunar birthday in one lunar year (30th → 29th, leap → ordinary month when needed). */
  lunarBirthdayInLunarYear,
  /** The solar days of a lunar birthday between two days. */
  lunarBirthdaysBetween,
  /** The first solar day on or after today that is the lunar birthday. */
  nextLunarBirthday,
} from './lunar';
export {
  /** The solar day of a lunar date, or null when it does not exist. */
  lunarToSolarDay,
  /** The lunar date of a solar day. */
  solarToLunar,
  /** The leap month of a lunar year (0 = none). */
  leapMonthOf,
} from './lunarCalendar';
/** The sentence for a refused lunar birthday, in Chinese or English. */
export { lunarRefusalText } from './texts';

// Festivals.
export type { Festival, FestivalCare, FestivalKey } from './festivals';
export {
  /** 春节 and 中秋节 of a solar year. */
  festivalsOfYear,
  /** The festivals of a year with the last working day before each. */
  festivalCare,
  /** The festival care days between two days. */
  festivalCareBetween,
} from './festivals';
