/**
 * The settings a new file starts with (docs/automation.md "Settings sheet"), and the first Team
 * table built from the sales reps the customer table names.
 */
import type { PolicyRow, Role, RoleCapacity, Settings, TeamMember } from '../model';

/**
 * The visit plan of domain.md §5 as docs/automation.md lists it: where the seed gives a range
 * ("phone 2–3×/month", "every 1–2 months") the less frequent end, so the default never plans
 * more than the seed asks; a B customer's general manager visit ("when needed") is left out.
 */
export const DEFAULT_POLICY: readonly PolicyRow[] = [
  { tier: 'A', role: 'rep', visits: 3, calls: 2, months: 1 },
  { tier: 'B', role: 'rep', visits: 2, calls: 1, months: 1 },
  { tier: 'C', role: 'rep', visits: 1, calls: 1, months: 1 },
  { tier: 'A', role: 'manager', visits: 1, calls: 0, months: 2 },
  { tier: 'B', role: 'manager', visits: 1, calls: 0, months: 3 },
  { tier: 'A', role: 'director', visits: 1, calls: 0, months: 6 },
  { tier: 'B', role: 'director', visits: 1, calls: 0, months: 12 },
  { tier: 'A', role: 'gm', visits: 1, calls: 0, months: 12 },
];

const DAY_START = 9 * 60;
const DAY_END = 17 * 60 + 30;

/**
 * What each role can do in a day (issue 10): a rep makes the most contacts, seniors few, all
 * within the same working hours.
 */
export const DEFAULT_CAPACITY: readonly RoleCapacity[] = [
  { role: 'rep', visits: 4, calls: 8, start: DAY_START, end: DAY_END },
  { role: 'manager', visits: 2, calls: 4, start: DAY_START, end: DAY_END },
  { role: 'director', visits: 1, calls: 2, start: DAY_START, end: DAY_END },
  { role: 'gm', visits: 1, calls: 2, start: DAY_START, end: DAY_END },
];

/** A fresh copy each call: callers may change what they get. */
export function defaultSettings(): Settings {
  return {
    rfmBins: 5,
    rfmGroupBy: 'none',
    abcBy: 'value',
    abcAShare: 0.8,
    abcBShare: 0.95,
    abcMonths: 12,
    tierPeriod: 'month',
    lapseDays: 365,
    reviewDays: 90,
    birthdayDays: 7,
    overdueFactor: 2,
    pAliveThreshold: 0.3,
    lifetimeModel: 'mbgnbd',
    requiredFields: ['phone', 'address', 'rep'],
    horizonWeeks: 4,
    workingDays: [1, 2, 3, 4, 5],
    slots: [9 * 60, 10 * 60 + 30, 13 * 60 + 30, 14 * 60 + 30, 15 * 60 + 30, 16 * 60 + 30],
    minGapDays: 3,
    lunchBreak: [12 * 60, 13 * 60 + 30],
    publicHolidays: 'auto',
    festivalCare: 'auto',
    lunarBirthdays: false,
    capacity: DEFAULT_CAPACITY.map((c) => ({ ...c })),
    daysOff: [],
    visitMinutes: 60,
    callMinutes: 15,
    // A week of past rows to mark done: the schedule is most of the add-on's cells (docs/cost-model.md).
    keepDays: 7,
    policy: DEFAULT_POLICY.map((p) => ({ ...p })),
    // The Team table is made from the customer table's reps when the sheet is created (teamFromReps).
    team: [],
    dailyHour: 6,
    timeBudgetSeconds: 240,
    // Modest (issue 11): Google may make a calendar read-only for a while after many invitations.
    dailyEventLimit: 300,
    calendarId: 'primary',
    ordersSource: { kind: 'sheet' },
    bigQueryColumns: ['customer_id', 'order_date', 'amount'],
    bigQueryProject: '',
    synonyms: [],
    mappingChoices: [],
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** Numbers inside names compare as numbers, so S2 comes before S10. */
function naturalCompare(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const numeric = i % 2 === 1;
    if (numeric && +pa[i] !== +pb[i]) return +pa[i] - +pb[i];
    return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}

const OTHER_ROLES: readonly Role[] = ['manager', 'director', 'gm'];

/**
 * The first Team table: one sales rep per distinct value of the customer table's rep column (a
 * value that is an e-mail address goes to the e-mail cell, anything else is the name), in
 * natural order, then one empty row for each other role for the team to fill in. With no reps
 * at all, an empty sales rep row too.
 */
export function teamFromReps(repValues: readonly string[]): TeamMember[] {
  const seen = new Map<string, string>();
  for (const raw of repValues) {
    const v = String(raw).trim();
    if (v === '') continue;
    const key = isEmail(v) ? v.toLowerCase() : v;
    if (!seen.has(key)) seen.set(key, v);
  }
  const reps = [...seen.values()].sort(naturalCompare).map((v): TeamMember => (
    isEmail(v)
      ? { role: 'rep', name: '', code: '', email: v, region: '' }
      : { role: 'rep', name: v, code: '', email: '', region: '' }
  ));
  if (reps.length === 0) reps.push({ role: 'rep', name: '', code: '', email: '', region: '' });
  return [...reps, ...OTHER_ROLES.map((role): TeamMember => ({ role, name: '', code: '', email: '', region: '' }))];
}
