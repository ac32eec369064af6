/**
 * The flags a person can act on, per customer (domain.md §6, issue 5 "Classification and
 * flags"). Each flag carries plain parameters; reasons.ts words them in the file's language.
 * A flag is recomputed from its cause on every run, so it clears itself when the cause is gone.
 */
import type { CellValue } from '../cells';
import { civilFromDays, daysFromCivil } from '../dates';
import type { CustomerClass, CustomerField, Flag, PolicyRow, Settings, Status } from '../model';
import { DAYS_PER_MONTH } from './classify';

export interface OpenComplaint {
  day: number;
  deadlineDay?: number;
  owner: string;
  note: string;
}

export interface FlagInput {
  cls: CustomerClass;
  /** The record's cells by field (only fields the file has). */
  fields: Partial<Record<CustomerField, CellValue>>;
  /** Fields the file has a column for. */
  mapped: ReadonlySet<CustomerField>;
  /** The team's header for a field, to name missing fields as the team knows them. */
  label: (field: CustomerField) => string;
  settings: Pick<Settings, 'lapseDays' | 'reviewDays' | 'birthdayDays' | 'overdueFactor' | 'pAliveThreshold' | 'requiredFields' | 'policy'>;
  today: number;
  /** Last visit or call with this customer (contacts table or a done schedule row); null when none. */
  lastContactDay: number | null;
  /**
   * The day of the add-on's first run on this file (today on that run). A customer with no contact
   * on record is counted from it: a team adopting Kehu rarely brings its whole contact history.
   */
  firstRunDay: number;
  /** Day of the last review, null when the cell is empty or unreadable (only read when mapped). */
  reviewedDay: number | null;
  /** The birthday's month and day, or (a lunar one, already converted) its next solar day and how it is written. */
  birthday: { month: number; day: number } | { next: number; lunar?: string } | null;
  complaints: readonly OpenComplaint[];
  /** Sentences describing rows of this customer the add-on could not use. */
  problems: readonly string[];
}

/** Days between contacts the tier's sales rep policy asks for, or null when it asks for none. */
export function rhythmDays(policy: readonly PolicyRow[], tier: string): number | null {
  const row = policy.find((p) => p.tier === tier && p.role === 'rep');
  if (!row) return null;
  const contacts = row.visits + row.calls;
  return contacts > 0 && row.months > 0 ? (row.months * DAYS_PER_MONTH) / contacts : null;
}

const isBlankCell = (v: CellValue | undefined): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Days from `today` to the next birthday (0 = today); 29 February counts as 28 February in other years. */
export function daysToBirthday(today: number, month: number, day: number): number {
  const { y } = civilFromDays(today);
  const on = (year: number): number => {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return daysFromCivil(year, month, month === 2 && day === 29 && !leap ? 28 : day);
  };
  const thisYear = on(y);
  return thisYear >= today ? thisYear - today : on(y + 1) - today;
}

export function computeFlags(input: FlagInput): Flag[] {
  const { cls, settings, today, fields, mapped } = input;
  const flags: Flag[] = [];
  const add = (key: Flag['key'], severity: Flag['severity'], params: Flag['params'] = {}) => flags.push({ key, severity, params });

  for (const p of input.problems) add('dataProblem', 'red', { text: p });

  if (cls.rfm === null) add('noOrders', 'amber');
  else if (cls.rfm.recencyDays > settings.lapseDays) add('lapsed', 'red', { days: cls.rfm.recencyDays });

  if (cls.pAlive !== undefined && settings.pAliveThreshold > 0 && cls.pAlive < settings.pAliveThreshold) {
    add('probablyLapsing', 'red', { p: Math.round(cls.pAlive * 100) / 100 });
  }

  const rhythm = rhythmDays(settings.policy, cls.tier);
  if (rhythm !== null) {
    const limit = Math.ceil(rhythm * settings.overdueFactor);
    if (input.lastContactDay === null) {
      const since = today - Math.min(input.firstRunDay, today);
      if (since > limit) add('overdue', 'amber', { never: 1, days: since, every: Math.round(rhythm), tier: cls.tier });
    } else if (today - input.lastContactDay > limit) add('overdue', 'amber', { days: today - input.lastContactDay, every: Math.round(rhythm), tier: cls.tier });
  }

  if (mapped.has('lastReviewed')) {
    if (input.reviewedDay === null) add('notReviewed', 'amber', { never: 1 });
    else if (today - input.reviewedDay > settings.reviewDays) add('notReviewed', 'amber', { days: today - input.reviewedDay });
  }

  const missing = settings.requiredFields.filter((f) => mapped.has(f) && isBlankCell(fields[f]));
  if (missing.length > 0) add('missing', 'amber', { fields: missing.map(input.label) });

  if (mapped.has('creditLimit') && mapped.has('outstanding')) {
    const limit = fields.creditLimit;
    const owed = fields.outstanding;
    if (typeof limit === 'number' && typeof owed === 'number' && owed > limit) add('overCredit', 'red', { outstanding: owed, limit });
  }

  if (input.birthday) {
    // A lunar birthday comes as its next solar day: the flag shows that day.
    const b = input.birthday;
    const next = 'next' in b ? b.next : today + daysToBirthday(today, b.month, b.day);
    const days = next - today;
    if (days >= 0 && days <= settings.birthdayDays) {
      const { m, d } = civilFromDays(next);
      const date = `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      add('birthday', 'amber', { days, date: 'lunar' in b && b.lunar ? `${date}, ${b.lunar}` : date });
    }
  }

  if (cls.movement === 'up' || cls.movement === 'down') add('tierChanged', 'amber', { from: cls.previousTier, to: cls.tier, up: cls.movement === 'up' ? 1 : 0 });

  for (const c of input.complaints) {
    const late = c.deadlineDay !== undefined && today > c.deadlineDay;
    add('openComplaint', late ? 'red' : 'amber', { day: c.day, ...(c.deadlineDay !== undefined ? { deadline: c.deadlineDay } : {}), owner: c.owner, late: late ? 1 : 0 });
  }
  return flags;
}

export function statusOf(flags: readonly Flag[]): Status {
  if (flags.some((f) => f.severity === 'red')) return 'red';
  return flags.length > 0 ? 'amber' : 'green';
}

/** The words of a closed complaint in a status cell, in either language. */
const CLOSED = /^(已?(解决|处理|关闭|完成|答复|回复|结案)|关闭|结案|closed?|resolved|done|answered|replied|ok)$/i;

export function isClosedStatus(status: string): boolean {
  return CLOSED.test(status.trim().replace(/\s+/g, ' '));
}
