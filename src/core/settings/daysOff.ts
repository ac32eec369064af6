/**
 * The Days off table: date ranges that are closed (a holiday, a closure, someone's leave) or
 * working (a make-up working day), for the whole team or one person. Rows whose source is the
 * State Council are China's public holidays, which the add-on rewrites (chinaDays.ts); every
 * other row is the team's and is read as typed.
 */
import type { CellValue } from '../cells';
import { formatDay, type DayClock } from '../dates';
import type { Lang } from '../locale';
import type { DayOff, TeamMember } from '../model';
import { readDay } from '../tables/records';
import { normalizeWord, parseWord } from '../vocabulary';
import { keepText, unquote } from './cellText';
import { badCellError, SettingsError } from './errors';
import { textOf } from './values';

type Vocabulary<K extends string> = Record<K, { zh: string; en: string; also: readonly string[] }>;

export const DAY_KIND_WORDS: Vocabulary<DayOff['kind']> = {
  closed: { zh: '休息', en: 'off', also: ['放假', '关闭', '请假', '休假', '假期', '停业', '闭店', 'closed', 'leave', 'holiday', 'day off', 'vacation'] },
  working: { zh: '上班', en: 'working', also: ['工作', '补班', '调休上班', '工作日', 'work', 'workday', 'working day', 'make-up day'] },
};

export const SOURCE_WORDS: Vocabulary<'china'> = {
  china: { zh: '国务院', en: 'State Council', also: ['china', '中国', '国务院办公厅', 'state council of china'] },
};

function blank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined;
}

/** A date cell or date text (kept-text dates written by the add-on included). */
function dayCell(v: CellValue, clock: DayClock): number | null {
  return readDay(typeof v === 'string' ? unquote(v).trim() : v, clock);
}

/** The keys a Team member is named by in the Person cell: name, code, e-mail. */
function memberKeys(team: readonly TeamMember[]): Set<string> {
  const keys = new Set<string>();
  for (const m of team) for (const k of [m.name, m.code, m.email]) if (k.trim() !== '') keys.add(normalizeWord(k));
  return keys;
}

/**
 * Reads the table's rows one by one (each throws a SettingsError naming its row); the Person
 * cells are checked against the Team table once the whole sheet is read (check), since the
 * sections may come in any order.
 */
export class DaysOffReader {
  private readonly rows: { day: DayOff; row: number; cell: CellValue }[] = [];

  constructor(private readonly clock: DayClock) {}

  add(cells: readonly CellValue[], row: number): void {
    const bad = (column: Parameters<typeof badCellError>[2], v: CellValue) => badCellError('daysOff', row, column, v, this.clock);
    if (blank(cells[0])) throw bad('from', cells[0]);
    const from = dayCell(cells[0], this.clock);
    if (from === null) throw bad('from', cells[0]);
    const to = blank(cells[1]) ? from : dayCell(cells[1], this.clock);
    if (to === null) throw bad('to', cells[1]);
    if (to < from) throw new SettingsError('daysOrder', { row, section: 'daysOff', from, to });
    const kind = blank(cells[2]) ? 'closed' : parseWord(DAY_KIND_WORDS, textOf(cells[2]));
    if (!kind) throw bad('dayKind', cells[2]);
    const source = parseWord(SOURCE_WORDS, textOf(cells[5])) ?? 'team';
    this.rows.push({ day: { from, to, kind, person: textOf(cells[3]), note: textOf(cells[4]), source }, row, cell: cells[3] });
  }

  /** The rows in sheet order, once every Person names someone of the team (or no one: the whole team). */
  result(team: readonly TeamMember[]): DayOff[] {
    const known = memberKeys(team);
    for (const r of this.rows) {
      if (r.day.person !== '' && !known.has(normalizeWord(r.day.person))) throw badCellError('daysOff', r.row, 'person', r.cell, this.clock);
    }
    return this.rows.map((r) => r.day);
  }
}

/** One row of the table as the add-on writes it: dates as kept text (2026-10-01), a team row's source blank. */
export function dayOffRow(d: DayOff, lang: Lang): CellValue[] {
  return [
    keepText(formatDay(d.from)),
    keepText(formatDay(d.to)),
    DAY_KIND_WORDS[d.kind][lang],
    keepText(d.person),
    keepText(d.note),
    d.source === 'china' ? SOURCE_WORDS.china[lang] : '',
  ];
}

/** Whether a sheet row of the table is one of China's (the add-on rewrites those). */
export function isChinaRow(cells: readonly CellValue[]): boolean {
  return parseWord(SOURCE_WORDS, textOf(cells[5])) === 'china';
}
