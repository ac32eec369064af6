/**
 * A VTIMEZONE for the spreadsheet's zone, built from the offsets the zone gives at the
 * calendar's own instants: no zone database in the bundle.
 *
 * The offsets are looked up at every event's start and end; where two neighbouring instants
 * disagree, the change between them is found by bisection to the minute. The observances
 * (one STANDARD or DAYLIGHT per offset period, each from its DTSTART) are then exact for every
 * event in the file, which is what RFC 5545 asks of a VTIMEZONE ("cover the range of the
 * calendar's dates"). A zone without a change in that range gets one STANDARD.
 */
import type { ContentWriter } from './contentLines';
import { icsLocal, icsOffset, offsetMinutesAt, wallAt, type Zone } from './time';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** From instant `at` on, the zone's clocks are `to` minutes east instead of `from`. */
export interface Observance {
  at: number;
  from: number;
  to: number;
}

/** The first minute at or before `hi` whose offset differs from `offLo`, knowing `lo` has offLo and `hi` not. */
function changeBetween(zone: Zone, lo: number, hi: number, offLo: number): number {
  while (hi - lo > MS_PER_MINUTE) {
    const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / MS_PER_MINUTE)) * MS_PER_MINUTE;
    if (mid >= hi) break;
    if (zone.offsetAt(mid) === offLo) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The offset periods that hold `instants`: the first starts at local midnight of the earliest
 * instant's day, each later one at a change found between two instants.
 */
export function observancesFor(zone: Zone, instants: readonly number[]): Observance[] {
  const sorted = [...new Set(instants)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const offsets = sorted.map((ms) => offsetMinutesAt(zone, ms));
  const first = offsets[0];
  const local = sorted[0] + first * MS_PER_MINUTE;
  const midnight = sorted[0] - (((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY);
  const out: Observance[] = [{ at: midnight, from: first, to: first }];
  for (let i = 1; i < sorted.length; i++) {
    let lo = sorted[i - 1];
    let offLo = offsets[i - 1];
    // More than one change between two events (rare: two within weeks) is found one by one.
    while (offLo !== offsets[i]) {
      const at = changeBetween(zone, lo, sorted[i], offLo);
      const to = at === sorted[i] ? offsets[i] : zone.offsetAt(at);
      out.push({ at, from: offLo, to });
      lo = at;
      offLo = to;
    }
  }
  return out;
}

/**
 * Writes the VTIMEZONE: a period is DAYLIGHT when its offset is ahead of a neighbour's, else
 * STANDARD. `tzid` must be plain parameter text (the DTSTART;TZID= parameters repeat it).
 */
export function writeVtimezone(w: ContentWriter, tzid: string, observances: readonly Observance[]): void {
  w.begin('VTIMEZONE').line('TZID', tzid);
  observances.forEach((o, i) => {
    const prev = observances[i - 1]?.to;
    const next = observances[i + 1]?.to;
    const daylight = (prev !== undefined && o.to > prev) || (next !== undefined && o.to > next);
    const kind = daylight ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART of an observance is the local time of the change read with the offset before it.
    w.begin(kind)
      .line('DTSTART', icsLocal(wallAt(o.at, o.from)))
      .line('TZOFFSETFROM', icsOffset(o.from))
      .line('TZOFFSETTO', icsOffset(o.to))
      .end(kind);
  });
  w.end('VTIMEZONE');
}
