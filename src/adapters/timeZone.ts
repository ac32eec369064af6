/** The spreadsheet time zone's UTC offset at an instant, through Utilities.formatDate. */
import type { OffsetAt } from '../core/dates';

/** "+0800" → 480, "-0430" → -270. */
function parseOffset(rfc822: string): number {
  const m = /^([+-])(\d{2})(\d{2})$/.exec(rfc822);
  if (!m) throw new Error(`Unexpected time zone offset "${rfc822}"`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export function zoneOffsetAt(timeZone: string): OffsetAt {
  return (ms) => parseOffset(Utilities.formatDate(new Date(ms), timeZone, 'Z'));
}
