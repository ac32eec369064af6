/**
 * Calendar days without a time zone library.
 *
 * A "day" here is a whole number: days since 1970-01-01 in the proleptic Gregorian calendar.
 * Dates typed as text are read straight into days; `Date` objects (instants) become days
 * through the spreadsheet's time zone, via `DayClock`.
 */

export const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number (inverse of daysFromCivil). */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** 'YYYY-MM-DD' of a day number, for messages. */
export function formatDay(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Only forms that cannot be misread: year first (2024-03-05, 2024/3/5, 2024.3.5) or the
// Chinese 2024年3月5日. An optional time after the date is allowed and ignored.
const TIME = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]${TIME})?$`);
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日(?: ?${TIME})?$`);

/** The day of an unambiguous ISO-like date text, or null when the text is not one (or not a real date). */
export function parseDateText(text: string): number | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const a = YEAR_FIRST.exec(t);
  if (a) {
    y = +a[1]; m = +a[3]; d = +a[4];
  } else {
    const c = CHINESE.exec(t);
    if (!c) return null;
    y = +c[1]; m = +c[2]; d = +c[3];
  }
  if (m < 1 || m > 12 || d < 1) return null;
  const day = daysFromCivil(y, m, d);
  // 2024-02-30 is not a date: the round trip through the calendar must give the same day of month.
  return civilFromDays(day).d === d ? day : null;
}

/** Days of offsets kept in a flat array (about 11 years); UNKNOWN marks a day not yet learnt. */
const WINDOW_DAYS = 4096;
const UNKNOWN = Infinity;

/** Minutes east of UTC in the spreadsheet's time zone at the instant `ms`. */
export type OffsetAt = (ms: number) => number;

/**
 * Turns instants into the spreadsheet's calendar days and back.
 *
 * Asking the time zone is the costly part (in Apps Script it is a Utilities call), so offsets
 * are cached per UTC day: a zone changes its offset at most once a day, so one look at each end
 * of the UTC day settles it, and a day with a change gets its exact switching minute by
 * bisection. Two years of orders cost about 730 looks however many rows there are.
 */
export class DayClock {
  /** UTC day → offset in ms, or NaN when the offset changes during that UTC day. */
  private readonly offsets = new Map<number, number>();
  /** UTC day with a change → [instant of the change, offset before, offset after] in ms. */
  private readonly changes = new Map<number, [number, number, number]>();
  private lastMs = NaN;
  private lastDay = 0;
  private readonly window = new Float64Array(WINDOW_DAYS).fill(UNKNOWN);
  private windowStart = NaN;

  constructor(private readonly offsetAt: OffsetAt) {}

  /** The calendar day of the instant `ms` in the spreadsheet's time zone. */
  dayOf(ms: number): number {
    if (ms === this.lastMs) return this.lastDay;
    const day = Math.floor((ms + this.offsetMs(ms)) / MS_PER_DAY);
    this.lastMs = ms;
    this.lastDay = day;
    return day;
  }

  /** The first instant of a calendar day: its local midnight (or the first minute after a skipped one). */
  startOfDay(day: number): number {
    const guess = day * MS_PER_DAY;
    let ms = guess - this.offsetMs(guess - this.offsetMs(guess));
    // Where midnight itself is skipped by a clock change, the day starts later.
    for (let i = 0; i < 8 && this.dayOf(ms) < day; i++) ms += 15 * MS_PER_MINUTE;
    // Where midnight happens twice, the day starts at the first one.
    for (let i = 0; i < 8 && this.dayOf(ms - 15 * MS_PER_MINUTE) === day; i++) ms -= 15 * MS_PER_MINUTE;
    return ms;
  }

  private offsetMs(ms: number): number {
    const utcDay = Math.floor(ms / MS_PER_DAY);
    // A flat window of days around the first one asked for answers most rows with one array
    // read; the Map behind it holds everything (and days outside the window).
    if (this.windowStart !== this.windowStart) this.windowStart = utcDay - WINDOW_DAYS / 2;
    const slot = utcDay - this.windowStart;
    let off = slot >= 0 && slot < WINDOW_DAYS ? this.window[slot] : UNKNOWN;
    if (off === UNKNOWN) {
      off = this.offsets.get(utcDay) ?? this.learnDay(utcDay);
      if (slot >= 0 && slot < WINDOW_DAYS) this.window[slot] = off;
    }
    if (off === off) return off; // not NaN: constant all day
    const [at, before, after] = this.changes.get(utcDay)!;
    return ms < at ? before : after;
  }

  private learnDay(utcDay: number): number {
    const start = utcDay * MS_PER_DAY;
    const end = start + MS_PER_DAY - MS_PER_MINUTE;
    const first = this.offsetAt(start) * MS_PER_MINUTE;
    const last = this.offsetAt(end) * MS_PER_MINUTE;
    if (first === last) {
      this.offsets.set(utcDay, first);
      return first;
    }
    // Bisect to the minute of the change: the first minute that has the new offset.
    let lo = start;
    let hi = end;
    while (hi - lo > MS_PER_MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
      if (this.offsetAt(mid) * MS_PER_MINUTE === first) lo = mid;
      else hi = mid;
    }
    this.changes.set(utcDay, [hi, first, last]);
    this.offsets.set(utcDay, NaN);
    return NaN;
  }
}

