/**
 * The Daily capacity table: per role, the visits and calls one person makes a day and the
 * working hours. Every role ends up listed: a role the table leaves out keeps its default.
 */
import type { CellValue } from '../cells';
import type { DayClock } from '../dates';
import type { Lang } from '../locale';
import { ROLES, type Role, type RoleCapacity } from '../model';
import { parseWord, ROLE_WORDS } from '../vocabulary';
import { keepText } from './cellText';
import { DEFAULT_CAPACITY } from './defaults';
import { badCellError, SettingsError } from './errors';
import { formatTime, minutesOf, numberOf, textOf } from './values';

const MAX_VISITS = 50;
const MAX_CALLS = 100;

function blank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined;
}

/** A count a day: a whole number from 0 to max, blank = 0. */
function perDay(v: CellValue, max: number): number | undefined {
  if (blank(v)) return 0;
  const n = numberOf(v);
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= max ? n : undefined;
}

/** Reads the table's rows one by one (each throws a SettingsError naming its row), then gives every role's capacity. */
export class CapacityReader {
  private readonly found = new Map<Role, { capacity: RoleCapacity; row: number }>();

  constructor(private readonly clock: DayClock) {}

  add(cells: readonly CellValue[], row: number): void {
    const bad = (column: Parameters<typeof badCellError>[2], v: CellValue) => badCellError('capacity', row, column, v, this.clock);
    const role = parseWord(ROLE_WORDS, textOf(cells[0]));
    if (!role) throw bad('role', cells[0]);
    const earlier = this.found.get(role);
    if (earlier) throw new SettingsError('duplicateRow', { row, section: 'capacity', role, otherRow: earlier.row });
    const visits = perDay(cells[1], MAX_VISITS);
    if (visits === undefined) throw bad('visitsPerDay', cells[1]);
    const calls = perDay(cells[2], MAX_CALLS);
    if (calls === undefined) throw bad('callsPerDay', cells[2]);
    const fallback = DEFAULT_CAPACITY.find((c) => c.role === role)!;
    const start = blank(cells[3]) ? fallback.start : minutesOf(cells[3], this.clock);
    if (start === undefined) throw bad('dayStart', cells[3]);
    const end = blank(cells[4]) ? fallback.end : minutesOf(cells[4], this.clock);
    if (end === undefined) throw bad('dayEnd', cells[4]);
    if (start >= end) throw new SettingsError('hoursOrder', { row, section: 'capacity', role, start, end });
    this.found.set(role, { capacity: { role, visits, calls, start, end }, row });
  }

  /** Every role in ROLES order: as the table says, else its default. */
  result(): RoleCapacity[] {
    return ROLES.map((role) => ({ ...(this.found.get(role)?.capacity ?? DEFAULT_CAPACITY.find((c) => c.role === role)!) }));
  }
}

/** The table's rows: times as text ("09:00"), kept text so Sheets shows them as written. */
export function capacityRows(capacity: readonly RoleCapacity[], lang: Lang): CellValue[][] {
  return capacity.map((c) => [ROLE_WORDS[c.role][lang], c.visits, c.calls, keepText(formatTime(c.start)), keepText(formatTime(c.end))]);
}
