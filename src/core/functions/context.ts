/** What every function needs to know about the spreadsheet it runs in. */
import { DayClock } from '../dates';
import type { Lang } from '../locale';

export interface FunctionContext {
  lang: Lang;
  clock: DayClock;
}

/** Dates for result cells: the local midnight of a day, one Date object per day. */
export function dayToDate(clock: DayClock): (day: number) => Date {
  const made = new Map<number, Date>();
  return (day) => {
    let d = made.get(day);
    if (!d) {
      d = new Date(clock.startOfDay(day));
      made.set(day, d);
    }
    return d;
  };
}
