/**
 * Who is busy when, over the horizon: per person and day the number of contacts and the time
 * each occupies. A contact fits a slot when the person has fewer than maxPerDay that day and
 * nothing they have overlaps the slot for the contact's length (a person's own 11:00 meeting
 * blocks the 10:30 visit). Days that can take nothing more are skipped through a next-free-day
 * pointer, so a fully booked person costs almost nothing per further contact.
 */

interface Busy {
  count: Uint16Array;
  /** Per day: start, end pairs (minutes) of what is booked. */
  spans: (number[] | undefined)[];
  /** Union-find over days: next[d] leads to the first day ≥ d that may still take something. */
  next: Int32Array;
}

export interface CapacityOptions {
  today: number;
  days: number;
  workingDays: readonly number[];
  maxPerDay: number;
  slots: readonly number[];
  visitMinutes: number;
  callMinutes: number;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number; day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export class Capacity {
  private readonly people = new Map<string, Busy>();
  private readonly working: Uint8Array;
  private readonly slots: readonly number[];
  private readonly shortest: number;

  constructor(private readonly o: CapacityOptions) {
    this.working = new Uint8Array(Math.max(0, o.days));
    for (let d = 0; d < o.days; d++) this.working[d] = o.workingDays.includes(isoWeekday(o.today + d)) ? 1 : 0;
    this.slots = [...o.slots].sort((a, b) => a - b);
    this.shortest = Math.max(1, Math.min(o.visitMinutes, o.callMinutes));
  }

  minutesOf(kind: 'visit' | 'call'): number {
    return Math.max(1, kind === 'visit' ? this.o.visitMinutes : this.o.callMinutes);
  }

  private busy(key: string): Busy {
    let b = this.people.get(key);
    if (!b) {
      const n = Math.max(0, this.o.days);
      b = { count: new Uint16Array(n), spans: new Array(n), next: new Int32Array(n + 1) };
      for (let d = 0; d <= n; d++) b.next[d] = d < n && this.working[d] && this.o.maxPerDay > 0 ? d : d + 1;
      // Non-working days point past themselves; path compression does the rest.
      this.people.set(key, b);
    }
    return b;
  }

  private find(b: Busy, d: number): number {
    const n = this.o.days;
    let r = d;
    while (r < n && b.next[r] !== r) r = b.next[r];
    while (d < n && b.next[d] !== d) {
      const up = b.next[d];
      b.next[d] = r;
      d = up;
    }
    return r;
  }

  private overlaps(spans: number[] | undefined, start: number, end: number): boolean {
    if (!spans) return false;
    for (let i = 0; i < spans.length; i += 2) if (spans[i] < end && start < spans[i + 1]) return true;
    return false;
  }

  /** Books what a row occupies (a person's row, or a row kept in place), whether or not it fits. */
  book(key: string, day: number, start: number | null, minutes: number): void {
    const d = day - this.o.today;
    if (d < 0 || d >= this.o.days) return;
    const b = this.busy(key);
    b.count[d] = Math.min(65535, b.count[d] + 1);
    if (start !== null) (b.spans[d] ??= []).push(start, start + minutes);
    this.closeIfFull(b, d);
  }

  /** True when the slot is one of the settings' slots, on a working day, and free for that person. */
  fits(key: string, day: number, slot: number, minutes: number): boolean {
    const d = day - this.o.today;
    if (d < 0 || d >= this.o.days || !this.working[d] || !this.slots.includes(slot)) return false;
    const b = this.busy(key);
    return b.count[d] < this.o.maxPerDay && !this.overlaps(b.spans[d], slot, slot + minutes);
  }

  /** The first working day ≥ `from` and free slot for a contact of that length, booked; null when none is left in the horizon. */
  place(key: string, from: number, minutes: number): { day: number; slot: number } | null {
    const b = this.busy(key);
    for (let d = this.find(b, Math.max(0, from - this.o.today)); d < this.o.days; d = this.find(b, d + 1)) {
      if (b.count[d] >= this.o.maxPerDay) continue;
      for (const slot of this.slots) {
        if (this.overlaps(b.spans[d], slot, slot + minutes)) continue;
        b.count[d]++;
        (b.spans[d] ??= []).push(slot, slot + minutes);
        this.closeIfFull(b, d);
        return { day: this.o.today + d, slot };
      }
    }
    return null;
  }

  /** A day that can take nothing more (not even the shortest contact) is skipped from now on. */
  private closeIfFull(b: Busy, d: number): void {
    if (b.next[d] !== d) return;
    if (b.count[d] >= this.o.maxPerDay || this.slots.every((s) => this.overlaps(b.spans[d], s, s + this.shortest))) b.next[d] = d + 1;
  }
}
