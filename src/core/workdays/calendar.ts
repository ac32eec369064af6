/**
 * Which days a team (and each person in it) works: the weekdays from the settings, the public
 * holidays in force (China's in a zh_CN file, none otherwise) and the team's own table of
 * closures, leave and extra working days.
 *
 * Rules, strongest first:
 * 1. a team-table row naming the person (their leave, or a day they work);
 * 2. a team-table row for everyone (a closure, an extra working day);
 * 3. a public make-up working day (调休上班) works, even on a Saturday or Sunday;
 *    a public holiday does not, even on a weekday;
 * 4. the working weekdays.
 * When two rows of the same rank cover a day, 'closed' wins: nobody is booked on a day that
 * may be off.
 *
 * The planner asks millions of times, so the answers over a window of days are computed once,
 * into byte and index arrays per person who has rows of their own; everyone else shares the
 * team's. Days outside the window are worked out on the spot, the same way, only slower.
 */
import type { PublicDay, YearRange } from './china';
import { civilFromDays } from '../dates';

/** A row of the team's own table (Settings). Days are day numbers, both ends included. */
export interface TeamDayRow {
  from: number;
  to: number;
  kind: 'closed' | 'working';
  /** A Team code, name or e-mail (matched case-insensitively); empty for the whole team. */
  person?: string;
  note?: string;
}

export interface WorkCalendarInput {
  /** ISO weekdays people work: 1 = Monday … 7 = Sunday. */
  workWeekdays: readonly number[];
  /** The public days off and make-up working days in force ([] when the file uses none); days outside the window are answered from this list too, so give it the whole span the planner may ask about. */
  publicDays: readonly PublicDay[];
  /** The years `publicDays` covers, or null when the file uses no public holiday data. */
  publicYears: YearRange | null;
  teamRows: readonly TeamDayRow[];
  /** The window answered from precomputed arrays (both ends included): the planner's horizon. */
  from: number;
  to: number;
}

/** Who is asking: nobody in particular (the team), one identity text, or all of a person's (code, name, e-mail). */
export type PersonRef = string | readonly string[] | undefined;

export interface WorkCalendar {
  /** Whether the day is a working day for the team, or for the person. */
  isWorkingDay(day: number, person?: PersonRef): boolean;
  /** The latest working day on or before `day`; null when none lies within ten years. */
  lastWorkingDayOnOrBefore(day: number, person?: PersonRef): number | null;
  /** The earliest working day on or after `day`; null when none lies within ten years. */
  nextWorkingDayOnOrAfter(day: number, person?: PersonRef): number | null;
  /** The years from `fromDay` to `toDay` the public holiday data does not cover ([] when the file uses none). */
  uncoveredYears(fromDay: number, toDay: number): number[];
  /** The public holiday or make-up working day on this day, to name it in a row or the log. */
  publicDayOn(day: number): PublicDay | undefined;
  /** The person texts of team-table rows that match none of these people's identities (to say so in the log). */
  unknownPeople(people: readonly (readonly string[])[]): string[];
}

/** How far a search beyond the precomputed window goes before it answers null. */
const SEARCH_LIMIT_DAYS = 3660;

const NONE = -1;

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number: 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function personKey(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** The answers for one person (or the team) over the window. */
interface Lane {
  working: Uint8Array;
  /** Index of the latest working day at or before each index, or NONE. */
  previous: Int32Array;
  /** Index of the earliest working day at or after each index, or NONE. */
  next: Int32Array;
  /** The rows that apply to this lane only (its person's rows). */
  own: readonly TeamDayRow[];
}

export function createWorkCalendar(input: WorkCalendarInput): WorkCalendar {
  const weekdays = new Uint8Array(8);
  for (const w of input.workWeekdays) if (Number.isInteger(w) && w >= 1 && w <= 7) weekdays[w] = 1;
  const publicByDay = new Map<number, PublicDay>();
  for (const p of input.publicDays) {
    // A day both off and a make-up working day cannot happen in the State Council data; if a
    // table ever says so, the day off stands.
    const seen = publicByDay.get(p.day);
    if (!seen || p.kind === 'holiday') publicByDay.set(p.day, p);
  }
  const teamWide: TeamDayRow[] = [];
  const byPerson = new Map<string, TeamDayRow[]>();
  for (const row of input.teamRows) {
    if (!Number.isInteger(row.from) || !Number.isInteger(row.to) || row.to < row.from) continue;
    const key = row.person ? personKey(row.person) : '';
    if (!key) teamWide.push(row);
    else {
      let list = byPerson.get(key);
      if (!list) byPerson.set(key, (list = []));
      list.push(row);
    }
  }

  /** The verdict of some rows on a day: 1 working, 0 closed, -1 silent. */
  function rowsSay(rows: readonly TeamDayRow[], day: number): number {
    let say = -1;
    for (const r of rows) {
      if (day < r.from || day > r.to) continue;
      if (r.kind === 'closed') return 0;
      say = 1;
    }
    return say;
  }

  function baseWorks(day: number): boolean {
    const team = rowsSay(teamWide, day);
    if (team >= 0) return team === 1;
    const p = publicByDay.get(day);
    if (p) return p.kind === 'workday';
    return weekdays[isoWeekday(day)] === 1;
  }

  function works(day: number, own: readonly TeamDayRow[]): boolean {
    const mine = rowsSay(own, day);
    return mine >= 0 ? mine === 1 : baseWorks(day);
  }

  const from = input.from;
  const length = Math.max(0, input.to - input.from + 1);

  function makeLane(own: readonly TeamDayRow[], base: Lane | null): Lane {
    const working = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      const mine = rowsSay(own, from + i);
      working[i] = mine >= 0 ? mine : base ? base.working[i] : baseWorks(from + i) ? 1 : 0;
    }
    const previous = new Int32Array(length);
    const next = new Int32Array(length);
    let last = NONE;
    for (let i = 0; i < length; i++) previous[i] = last = working[i] ? i : last;
    last = NONE;
    for (let i = length - 1; i >= 0; i--) next[i] = last = working[i] ? i : last;
    return { working, previous, next, own };
  }

  const teamLane = makeLane([], null);
  const lanes = new Map<string, Lane>();
  // The planner passes the same identity array for a person again and again: found by identity
  // it costs no string building.
  const lanesByArray = new WeakMap<readonly string[], Lane>();

  function laneOf(person: PersonRef): Lane {
    if (person === undefined || person === '' || byPerson.size === 0) return teamLane;
    if (typeof person !== 'string') {
      let lane = lanesByArray.get(person);
      if (!lane) lanesByArray.set(person, (lane = laneByKey(person.join('\u0001'), person)));
      return lane;
    }
    return laneByKey(person, person);
  }

  function laneByKey(cacheKey: string, person: string | readonly string[]): Lane {
    let lane = lanes.get(cacheKey);
    if (lane) return lane;
    const own: TeamDayRow[] = [];
    const ids = new Set((typeof person === 'string' ? [person] : person).map(personKey).filter((k) => k));
    for (const id of ids) own.push(...(byPerson.get(id) ?? []));
    lane = own.length ? makeLane(own, teamLane) : teamLane;
    lanes.set(cacheKey, lane);
    return lane;
  }

  function search(day: number, step: 1 | -1, lane: Lane): number | null {
    for (let i = 0, d = day; i <= SEARCH_LIMIT_DAYS; i++, d += step) {
      const k = d - from;
      if (k >= 0 && k < length) {
        const found = step < 0 ? lane.previous[k] : lane.next[k];
        if (found !== NONE) return from + found;
        // Nothing left in the window this way: jump past its edge.
        const jump = step < 0 ? k + 1 : length - k;
        i += jump - 1;
        d += step * (jump - 1);
        continue;
      }
      if (works(d, lane.own)) return d;
    }
    return null;
  }

  return {
    isWorkingDay(day, person) {
      const lane = laneOf(person);
      const k = day - from;
      return k >= 0 && k < length ? lane.working[k] === 1 : works(day, lane.own);
    },
    lastWorkingDayOnOrBefore(day, person) {
      return search(day, -1, laneOf(person));
    },
    nextWorkingDayOnOrAfter(day, person) {
      return search(day, 1, laneOf(person));
    },
    uncoveredYears(fromDay, toDay) {
      const years = input.publicYears;
      if (!years || toDay < fromDay) return [];
      const out: number[] = [];
      for (let y = civilFromDays(fromDay).y, last = civilFromDays(toDay).y; y <= last; y++) {
        if (y < years.first || y > years.last) out.push(y);
      }
      return out;
    },
    publicDayOn(day) {
      return publicByDay.get(day);
    },
    unknownPeople(people) {
      const known = new Set(people.flatMap((ids) => ids.map(personKey)));
      const out: string[] = [];
      for (const [key, rows] of byPerson) if (!known.has(key)) out.push(rows[0].person!.trim());
      return out;
    },
  };
}
