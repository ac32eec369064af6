/** Event times as the Calendar API reads them: RFC 3339 instants, or wall times with a time zone. */
import { zonedInstant } from '../../zone';

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of an RFC 3339 timestamp with an offset (timeMin, timeMax, updatedMin), or NaN. */
export function parseInstant(text: unknown): number {
  if (typeof text !== 'string') return NaN;
  const m = DATE_TIME.exec(text.trim());
  return m && m[8] ? Date.parse(text.trim()) : NaN;
}

/** Epoch ms of an event's start or end ({ dateTime, timeZone } or { date }); NaN when unreadable. */
export function eventTime(t: unknown, eventTimeZone?: string): number {
  if (!t || typeof t !== 'object') return NaN;
  const { dateTime, date, timeZone } = t as { dateTime?: unknown; date?: unknown; timeZone?: unknown };
  if (typeof dateTime === 'string') {
    const m = DATE_TIME.exec(dateTime.trim());
    if (!m) return NaN;
    if (m[8]) return Date.parse(dateTime.trim());
    const zone = typeof timeZone === 'string' ? timeZone : eventTimeZone;
    if (!zone) return NaN;
    const [y, mo, d, h, mi] = m.slice(1, 6).map(Number);
    return zonedInstant(zone, y, mo, d, h, mi) + Number(m[6] ?? 0) * 1000;
  }
  if (typeof date === 'string' && DATE.test(date)) return Date.parse(`${date}T00:00:00Z`);
  return NaN;
}

/** Whether a time gives a wall time without saying in which zone. */
export function lacksZone(t: unknown): boolean {
  if (!t || typeof t !== 'object') return false;
  const { dateTime, timeZone } = t as { dateTime?: unknown; timeZone?: unknown };
  if (typeof dateTime !== 'string') return false;
  const m = DATE_TIME.exec(dateTime.trim());
  return !!m && !m[8] && typeof timeZone !== 'string';
}
