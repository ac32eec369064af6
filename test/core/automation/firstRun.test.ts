/**
 * A customer with no visit or call on record is counted from the add-on's first run, not flagged
 * at once: a team adopting Kehu rarely brings its whole contact history (issue 12).
 */
import fc from 'fast-check';
import { computeFlags, rhythmDays, type FlagInput } from '../../../src/core/automation/flags';
import { flagText } from '../../../src/core/automation/reasons';
import { daysFromCivil } from '../../../src/core/dates';
import type { CustomerClass, PolicyRow } from '../../../src/core/model';

const TODAY = daysFromCivil(2026, 11, 20);
// Tier A: 1 visit + 1 call a month → every 15.2 days; factor 2 → overdue after 31 days.
const POLICY: PolicyRow[] = [{ tier: 'A', role: 'rep', visits: 1, calls: 1, months: 1 }];
const LIMIT = Math.ceil(rhythmDays(POLICY, 'A')! * 2);

const cls: CustomerClass = {
  id: 'KH1',
  rfm: { r: 3, f: 3, m: 3, code: '333', segment: 'keyValue', lastDay: TODAY - 10, recencyDays: 10, orders: 4, amount: 1000 },
  tier: 'A', value: 1000, cumulativeShare: 0.5, rank: 1, quadrant: '', previousTier: 'A', movement: '',
};

const input = (over: Partial<FlagInput>): FlagInput => ({
  cls,
  fields: {},
  mapped: new Set(),
  label: (f) => f,
  settings: { lapseDays: 365, reviewDays: 90, birthdayDays: 7, overdueFactor: 2, pAliveThreshold: 0, requiredFields: [], policy: POLICY },
  today: TODAY,
  lastContactDay: null,
  firstRunDay: TODAY,
  reviewedDay: null,
  birthday: null,
  complaints: [],
  problems: [],
  ...over,
});

const overdue = (over: Partial<FlagInput>) => computeFlags(input(over)).filter((f) => f.key === 'overdue');

describe('no contact on record: the rhythm counts from the first run', () => {
  it('raises nothing on the first run, nor within the overdue interval after it', () => {
    expect(LIMIT).toBe(31);
    expect(overdue({ firstRunDay: TODAY })).toEqual([]);
    expect(overdue({ firstRunDay: TODAY - LIMIT })).toEqual([]);
  });

  it('flags overdue the day after first run + the interval, saying since when', () => {
    const [flag] = overdue({ firstRunDay: TODAY - LIMIT - 1 });
    expect(flag.severity).toBe('amber');
    expect(flagText(flag, 'zh')).toBe(`启用 Kehu 已 ${LIMIT + 1} 天，仍没有拜访或电话记录（A 类客户约每 15 天联系一次）`);
    expect(flagText(flag, 'en')).toBe(`no visit or call on record in the ${LIMIT + 1} days since Kehu started (tier A: one every 15 days)`);
  });

  it('a recorded contact is judged by its own day, whatever the first run', () => {
    expect(overdue({ firstRunDay: TODAY, lastContactDay: TODAY - LIMIT - 1 })).toHaveLength(1);
    expect(overdue({ firstRunDay: TODAY - 400, lastContactDay: TODAY - 5 })).toEqual([]);
  });

  it('a first-run day after today (a clock set back) counts as today', () => {
    expect(overdue({ firstRunDay: TODAY + 30 })).toEqual([]);
  });

  it('for any first run, a never-contacted customer is overdue exactly when the first run is older than the interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), (age) => {
        expect(overdue({ firstRunDay: TODAY - age }).length).toBe(age > LIMIT ? 1 : 0);
      }),
    );
  });
});
