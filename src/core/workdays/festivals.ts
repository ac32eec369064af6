/**
 * The two festivals a sales team greets its best customers for, 春节 (lunar 1/1) and 中秋节
 * (lunar 8/15), and the day the greeting or gift is due: the last working day before the
 * festival (for 春节, before the holiday starts, since 除夕 and the days around it are off).
 */
import type { WorkCalendar, PersonRef } from './calendar';
import { civilFromDays } from '../dates';
import { lunarToSolarDay } from './lunarCalendar';

export type FestivalKey = 'springFestival' | 'midAutumn';

export interface Festival {
  key: FestivalKey;
  /** 春节 / 中秋节 */
  name: string;
  /** Spring Festival / Mid-Autumn Festival */
  nameEn: string;
  /** The festival's solar day. */
  day: number;
}

export interface FestivalCare extends Festival {
  /** The last working day before the festival (null when none lies within ten years). */
  careDay: number | null;
}

const FESTIVALS: readonly { key: FestivalKey; name: string; nameEn: string; month: number; day: number }[] = [
  { key: 'springFestival', name: '春节', nameEn: 'Spring Festival', month: 1, day: 1 },
  { key: 'midAutumn', name: '中秋节', nameEn: 'Mid-Autumn Festival', month: 8, day: 15 },
];

/** 春节 and 中秋节 of a (solar) year, in day order; [] outside 1900..2100. */
export function festivalsOfYear(year: number): Festival[] {
  const out: Festival[] = [];
  for (const f of FESTIVALS) {
    // Both fall in the solar year of the lunar year they belong to (春节 is late Jan..Feb).
    const day = lunarToSolarDay(year, f.month, f.day);
    if (day !== null) out.push({ key: f.key, name: f.name, nameEn: f.nameEn, day });
  }
  return out;
}

/** The festivals of a year with the last working day before each, for the team or a person. */
export function festivalCare(year: number, calendar: WorkCalendar, person?: PersonRef): FestivalCare[] {
  return festivalsOfYear(year).map((f) => ({ ...f, careDay: calendar.lastWorkingDayOnOrBefore(f.day - 1, person) }));
}

/** The festival care days that fall from `fromDay` to `toDay` (both included), in day order. */
export function festivalCareBetween(fromDay: number, toDay: number, calendar: WorkCalendar, person?: PersonRef): FestivalCare[] {
  if (toDay < fromDay) return [];
  const out: FestivalCare[] = [];
  // A care day precedes its festival, so the festivals of the year after `toDay` can matter.
  for (let y = civilFromDays(fromDay).y, last = civilFromDays(toDay).y + 1; y <= last; y++) {
    for (const f of festivalCare(y, calendar, person)) if (f.careDay !== null && f.careDay >= fromDay && f.careDay <= toDay) out.push(f);
  }
  return out.sort((a, b) => (a.careDay as number) - (b.careDay as number));
}
