/**
 * Wall-clock arithmetic in IANA time zones, using only Intl (Node's ICU carries the tz database).
 *
 * Shared by the Apps Script fakes (Utilities.formatDate) and the bundle loader (dates "as Sheets
 * would pass them"), so both agree on what a zone's local time is.
 */

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** The civil (wall-clock) reading of an instant in some zone. Months are 1-based. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

// Building a DateTimeFormat is far slower than using one; tests and benches format many dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter for `timeZone`; throws Error("Invalid argument: timeZone") for an unknown zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        // h23: midnight is 00, never 24 (the default hour12:false cycle can print "24").
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
    } catch (e) {
      if (e instanceof RangeError) throw new Error('Invalid argument: timeZone');
      throw e;
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws Error("Invalid argument: timeZone") unless Intl knows `timeZone`. */
export function checkTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall-clock reading of the instant `ms` (epoch milliseconds) in `timeZone`. */
export function wallTime(timeZone: string, ms: number): WallTime {
  if (!Number.isFinite(ms)) throw new Error('Invalid argument: date');
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0, weekday: 0 };
  let bc = false;
  for (const p of formatterFor(timeZone).formatToParts(ms)) {
    switch (p.type) {
      case 'era': bc = p.value === 'BC'; break;
      case 'year': wall.year = Number(p.value); break;
      case 'month': wall.month = Number(p.value); break;
      case 'day': wall.day = Number(p.value); break;
      case 'hour': wall.hour = Number(p.value); break;
      case 'minute': wall.minute = Number(p.value); break;
      case 'second': wall.second = Number(p.value); break;
      case 'weekday': wall.weekday = WEEKDAYS[p.value]; break;
    }
  }
  // Intl prints eras (1 BC, 2 BC …); arithmetic wants proleptic years (0, -1 …).
  if (bc) wall.year = 1 - wall.year;
  // Zone offsets are whole seconds, so the millisecond is the instant's own.
  wall.millisecond = ((ms % 1000) + 1000) % 1000;
  return wall;
}

/** Date.UTC that takes proleptic years literally (Date.UTC maps years 0–99 to 1900–1999). */
function utcOf(y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  t.setUTCHours(h, min, s, ms);
  return t.getTime();
}

/** Offset of `timeZone` from UTC at the instant `ms`, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  return offsetOf(wallTime(timeZone, ms), ms);
}

/** Offset in ms given an instant and its wall-clock reading. */
function offsetOf(w: WallTime, ms: number): number {
  return utcOf(w.year, w.month, w.day, w.hour, w.minute, w.second, w.millisecond) - ms;
}

/**
 * The instant (epoch ms) whose wall-clock time in `timeZone` is y-m-d h:min. Months are 1-based,
 * like Sheets' DATE(); out-of-range fields roll over (day 32 is the 1st of the next month).
 *
 * Where the clock changes, this follows java.time / Temporal "compatible" rules, which is what
 * Sheets shows: a wall time skipped by a spring-forward gap moves forward by the gap (a skipped
 * midnight becomes 01:00 of that day), and a wall time that happens twice takes the first one.
 */
export function zonedInstant(timeZone: string, y: number, m: number, d: number, h = 0, min = 0): number {
  const wall = utcOf(y, m, d, h, min);
  // No zone changes its offset twice within two days, so the offsets a day either side are the
  // only two candidates.
  const before = zoneOffsetMs(timeZone, wall - MS_PER_DAY);
  const after = zoneOffsetMs(timeZone, wall + MS_PER_DAY);
  const fits = [wall - before, wall - after].filter((t) => zoneOffsetMs(timeZone, t) === wall - t);
  if (fits.length > 0) return Math.min(...fits);
  // In a gap neither offset reproduces the wall time; reading it with the earlier offset lands
  // the same distance past the gap.
  return wall - before;
}

/** Whole minutes of an offset in ms, e.g. for "+0800"; rounds toward zero (LMT offsets have seconds). */
export function offsetMinutes(offsetMs: number): number {
  return Math.trunc(offsetMs / MS_PER_MINUTE);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

/** "+0800" (RFC 822, Java's Z), "+08" / "+0800" / "+08:00" (ISO 8601, Java's X, XX, XXX; "Z" at UTC). */
function offsetText(offsetMs: number, letter: 'Z' | 'X', count: number): string {
  const total = offsetMinutes(offsetMs);
  if (letter === 'X' && total === 0) return 'Z';
  const sign = total < 0 ? '-' : '+';
  const hh = pad(Math.floor(Math.abs(total) / 60), 2);
  const mm = pad(Math.abs(total) % 60, 2);
  if (letter === 'Z') return `${sign}${hh}${mm}`;
  if (count === 1) return `${sign}${hh}`;
  if (count === 2) return `${sign}${hh}${mm}`;
  if (count === 3) return `${sign}${hh}:${mm}`;
  throw new Error(`invalid ISO 8601 format: length=${count}`);
}

/** One run of a pattern letter, e.g. ('y', 4) for "yyyy", with Java SimpleDateFormat's meaning. */
function field(letter: string, count: number, w: WallTime, offsetMs: number): string {
  switch (letter) {
    case 'G': return w.year > 0 ? 'AD' : 'BC';
    case 'y': {
      const year = w.year > 0 ? w.year : 1 - w.year; // Java prints the year of era
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
      if (count >= 4) return MONTHS[w.month - 1];
      if (count === 3) return MONTHS[w.month - 1].slice(0, 3);
      return pad(w.month, count);
    case 'd': return pad(w.day, count);
    case 'E': return count >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
    case 'u': return pad(w.weekday === 0 ? 7 : w.weekday, count);
    case 'a': return w.hour < 12 ? 'AM' : 'PM';
    case 'H': return pad(w.hour, count);
    case 'k': return pad(w.hour === 0 ? 24 : w.hour, count);
    case 'K': return pad(w.hour % 12, count);
    case 'h': return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
    case 'm': return pad(w.minute, count);
    case 's': return pad(w.second, count);
    case 'S': return pad(w.millisecond, count); // Java's S counts milliseconds, it is not a fraction
    case 'Z': return offsetText(offsetMs, 'Z', count);
    case 'X': return offsetText(offsetMs, 'X', count);
  }
  // Letters Java knows but this fake does not model (z, D, w, W, F) fail loudly rather than lie.
  if ('zDwWFY'.includes(letter)) throw new Error(`Pattern letter '${letter}' is not supported by the Utilities.formatDate fake`);
  throw new Error(`Illegal pattern character '${letter}'`);
}

/**
 * The instant `ms` written in `timeZone` with a Java SimpleDateFormat pattern, as
 * Utilities.formatDate does: letters repeat for width, text in single quotes is literal and
 * '' is one quote.
 */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const w = wallTime(timeZone, ms);
  const offsetMs = offsetOf(w, ms);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") { out += "'"; i += 2; continue; }
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new Error('Unterminated quote');
        if (pattern[j] === "'") {
          if (pattern[j + 1] !== "'") break;
          out += "'";
          j += 2;
        } else {
          out += pattern[j++];
        }
      }
      i = j + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out += field(ch, j - i, w, offsetMs);
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
