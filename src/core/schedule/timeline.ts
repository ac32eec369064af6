/**
 * Who is busy when, over the horizon. Per person and day: the visits and calls booked (each role
 * has its own daily numbers: a director takes fewer than a rep), the spans of time they occupy,
 * and whether the person works that day at all (weekdays, public holidays and make-up days, the
 * team's closures and a person's leave: the caller's `worksOn`).
 *
 * Visits start at the settings' slot times; calls at any quarter hour of the working day, latest
 * first (reps visit in the morning and phone in the late afternoon). Nothing is booked over the
 * lunch break or outside the role's working hours, and a joint visit needs one slot free for all.
 */
import type { ContactMode, Role, RoleCapacity } from '../model';
import { isoWeekday } from './weekday';

export type { RoleCapacity };

export const DEFAULT_CAPACITY: readonly RoleCapacity[] = [
  { role: 'rep', visits: 4, calls: 8, start: 9 * 60, end: 17 * 60 + 30 },
  { role: 'manager', visits: 2, calls: 4, start: 9 * 60, end: 17 * 60 + 30 },
  { role: 'director', visits: 1, calls: 2, start: 9 * 60, end: 17 * 60 + 30 },
  { role: 'gm', visits: 1, calls: 2, start: 9 * 60, end: 17 * 60 + 30 },
];

/** Who a booking is for: the capacity key (one human), the role whose numbers apply, the names a day off may use. */
export interface Booker {
  key: string;
  role: Role;
  names: readonly string[];
}

interface Busy {
  visits: Uint8Array;
  calls: Uint8Array;
  /** Per day: start, end pairs (minutes) of what is booked. */
  spans: (number[] | undefined)[];
  works: Uint8Array;
  cap: RoleCapacity;
  /** Working days in the horizon with room for one more visit / call: at 0, the person is full for the horizon. */
  roomVisits: number;
  roomCalls: number;
}

export interface TimelineOptions {
  today: number;
  days: number;
  /** ISO weekdays worked (used when no `worksOn` is given). */
  workingDays: readonly number[];
  /** Whether a person (by any of their names) works on a day; defaults to the weekdays. */
  worksOn?: (day: number, names: readonly string[]) => boolean;
  slots: readonly number[];
  visitMinutes: number;
  callMinutes: number;
  lunch: readonly [number, number];
  capacity: readonly RoleCapacity[];
}

const CALL_STEP = 15;

export class Timeline {
  private readonly people = new Map<string, Busy>();
  private readonly slots: number[];
  private readonly caps = new Map<Role, RoleCapacity>();

  constructor(private readonly o: TimelineOptions) {
    this.slots = [...o.slots].sort((a, b) => a - b);
    for (const c of DEFAULT_CAPACITY) this.caps.set(c.role, c);
    for (const c of o.capacity) this.caps.set(c.role, c);
  }

  get today(): number {
    return this.o.today;
  }

  get days(): number {
    return this.o.days;
  }

  minutesOf(kind: ContactMode): number {
    return Math.max(1, kind === 'visit' ? this.o.visitMinutes : this.o.callMinutes);
  }

  capacityOf(role: Role): RoleCapacity {
    return this.caps.get(role)!;
  }

  private busy(b: Booker): Busy {
    let x = this.people.get(b.key);
    if (!x) {
      const n = Math.max(0, this.o.days);
      const works = new Uint8Array(n);
      for (let d = 0; d < n; d++) {
        const day = this.o.today + d;
        works[d] = (this.o.worksOn ? this.o.worksOn(day, b.names) : this.o.workingDays.includes(isoWeekday(day))) ? 1 : 0;
      }
      const cap = this.capacityOf(b.role);
      let open = 0;
      for (let d = 0; d < n; d++) open += works[d];
      x = { visits: new Uint8Array(n), calls: new Uint8Array(n), spans: new Array(n), works, cap, roomVisits: cap.visits > 0 ? open : 0, roomCalls: cap.calls > 0 ? open : 0 };
      this.people.set(b.key, x);
    }
    return x;
  }

  /** Whether the person works on `day` (inside the horizon). */
  works(b: Booker, day: number): boolean {
    const d = day - this.o.today;
    return d >= 0 && d < this.o.days && this.busy(b).works[d] === 1;
  }

  /** Whether the person could take one more contact of this kind on `day` (works, under the role's number). */
  hasRoom(b: Booker, day: number, kind: ContactMode): boolean {
    const d = day - this.o.today;
    if (d < 0 || d >= this.o.days) return false;
    const x = this.busy(b);
    if (!x.works[d]) return false;
    return kind === 'visit' ? x.visits[d] < x.cap.visits : x.calls[d] < x.cap.calls;
  }

  /** Whether the person has room for a contact of this kind on some day of the horizon (a full person is skipped at once). */
  hasRoomLeft(b: Booker, kind: ContactMode): boolean {
    const x = this.busy(b);
    return (kind === 'visit' ? x.roomVisits : x.roomCalls) > 0;
  }

  /** Visits booked for the person on `day`. */
  visitsOn(b: Booker, day: number): number {
    const d = day - this.o.today;
    return d >= 0 && d < this.o.days ? this.busy(b).visits[d] : 0;
  }

  private free(x: Busy, d: number, start: number, minutes: number): boolean {
    const end = start + minutes;
    if (start < x.cap.start || end > x.cap.end) return false;
    const [ls, le] = this.o.lunch;
    if (le > ls && start < le && ls < end) return false;
    const spans = x.spans[d];
    if (spans) for (let i = 0; i < spans.length; i += 2) if (spans[i] < end && start < spans[i + 1]) return false;
    return true;
  }

  /**
   * A start time free for every person on `day` for a contact of this kind, or null. Each must
   * work that day and have room under their role's number.
   */
  commonStart(people: readonly Booker[], day: number, kind: ContactMode): number | null {
    const d = day - this.o.today;
    if (d < 0 || d >= this.o.days) return null;
    const busy = people.map((p) => this.busy(p));
    for (const x of busy) if (!x.works[d] || (kind === 'visit' ? x.visits[d] >= x.cap.visits : x.calls[d] >= x.cap.calls)) return null;
    const minutes = this.minutesOf(kind);
    const fits = (t: number) => busy.every((x) => this.free(x, d, t, minutes));
    if (kind === 'visit') {
      for (const t of this.slots) if (fits(t)) return t;
      return null;
    }
    // Calls: the latest free quarter hour of the shortest working day among them.
    const end = Math.min(...busy.map((x) => x.cap.end));
    const start = Math.max(...busy.map((x) => x.cap.start));
    for (let t = Math.floor((end - minutes) / CALL_STEP) * CALL_STEP; t >= start; t -= CALL_STEP) if (fits(t)) return t;
    return null;
  }

  /** Books a contact for every person (whether or not it fits: a person's own row, or a row kept in place). */
  book(people: readonly Booker[], day: number, start: number | null, kind: ContactMode): void {
    const d = day - this.o.today;
    if (d < 0 || d >= this.o.days) return;
    for (const p of people) {
      const x = this.busy(p);
      if (kind === 'visit') {
        x.visits[d] = Math.min(255, x.visits[d] + 1);
        if (x.works[d] && x.visits[d] === x.cap.visits) x.roomVisits--;
      } else {
        x.calls[d] = Math.min(255, x.calls[d] + 1);
        if (x.works[d] && x.calls[d] === x.cap.calls) x.roomCalls--;
      }
      if (start !== null) (x.spans[d] ??= []).push(start, start + this.minutesOf(kind));
    }
  }

  /** Whether `start` on `day` is free for every person (a kept row checks its own place again). */
  fitsAt(people: readonly Booker[], day: number, start: number, kind: ContactMode): boolean {
    const d = day - this.o.today;
    if (d < 0 || d >= this.o.days) return false;
    if (kind === 'visit' && !this.slots.includes(start)) return false;
    for (const p of people) {
      const x = this.busy(p);
      if (!x.works[d] || (kind === 'visit' ? x.visits[d] >= x.cap.visits : x.calls[d] >= x.cap.calls)) return false;
      if (!this.free(x, d, start, this.minutesOf(kind))) return false;
    }
    return true;
  }
}
