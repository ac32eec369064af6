/**
 * What the planner needs from the run, besides the schedule sheet: the customers (tier, rep,
 * area, value, next birthday), the contacts on record, the days each person works (weekdays,
 * public holidays and make-up days for a zh_CN file, the team's Days off table) and the festival
 * greetings. One place, so the schedule step and the bench plan from the same inputs.
 */
import type { CellValue } from '../../core/cells';
import type { Settings } from '../../core/model';
import { areaOf } from '../../core/schedule/area';
import type { Festival, ScheduleContact, ScheduleCustomer } from '../../core/schedule/plan';
import {
  chinaPublicDaysBetween, chinaYears, createWorkCalendar, festivalCareBetween, type WorkCalendar,
} from '../../core/workdays';
import { festivalCareOn, usesChinaDays } from '../../core/settings/chinaDays';
import { birthdayOf, type Classified } from './classified';
import type { RunContext } from '../run/frame';

const text = (v: CellValue | undefined): string => (v === undefined || v === null ? '' : String(v).trim());

/** How far before the horizon a festival's greeting may start, and after it a festival may fall. */
const FESTIVAL_LOOKAHEAD = 10;

export interface ScheduleInputs {
  customers: ScheduleCustomer[];
  contacts: ScheduleContact[];
  calendar: WorkCalendar;
  festivals: Festival[];
  /** Years the horizon reaches that China's holiday data does not cover (said in the log). */
  uncoveredYears: number[];
  chinaHolidays: boolean;
}

export function horizonEnd(today: number, settings: Pick<Settings, 'horizonWeeks'>): number {
  return today + Math.max(0, Math.floor(7 * settings.horizonWeeks)) - 1;
}

export function workCalendar(settings: Settings, today: number, locale: string): { calendar: WorkCalendar; china: boolean } {
  const end = horizonEnd(today, settings);
  const china = usesChinaDays(settings, locale);
  const calendar = createWorkCalendar({
    workWeekdays: settings.workingDays,
    // A margin on both sides: a birthday's greeting looks back up to a week, a festival's ten days.
    publicDays: china ? chinaPublicDaysBetween(today - 31, end + 62) : [],
    publicYears: china ? chinaYears() : null,
    teamRows: settings.daysOff.filter((d) => d.source === 'team').map((d) => ({ from: d.from, to: d.to, kind: d.kind, person: d.person, note: d.note })),
    from: today - 31,
    to: end + 31,
  });
  return { calendar, china };
}

export function scheduleInputs(ctx: RunContext, c: Classified): ScheduleInputs {
  const { settings } = c.tables;
  const end = horizonEnd(ctx.today, settings);
  const { calendar, china } = workCalendar(settings, ctx.today, ctx.wb.locale());
  const customers: ScheduleCustomer[] = c.tables.customers.map((r, i) => {
    const birthday = birthdayOf(r.fields.birthday, ctx, settings.lunarBirthdays);
    const cls = c.result.classes[i];
    return {
      id: r.id,
      name: text(r.fields.name),
      tier: cls.tier,
      rep: text(r.fields.rep),
      region: text(r.fields.region),
      area: areaOf(text(r.fields.region), text(r.fields.address)),
      // Value at risk weighs what the customer brought in the tier's window.
      value: cls.value,
      birthday: birthday ? birthday.next : null,
      birthdayText: birthday?.lunar ?? '',
    };
  });
  const contacts: ScheduleContact[] = [];
  for (const k of c.tables.contacts) {
    if (k.kind === 'visit' || k.kind === 'call') contacts.push({ customer: k.customer, day: k.day, kind: k.kind, person: k.person });
  }
  const festivals: Festival[] = festivalCareOn(settings, ctx.lang)
    ? festivalCareBetween(ctx.today, end + FESTIVAL_LOOKAHEAD, calendar).map((f) => ({ day: f.day, purpose: f.key === 'springFestival' ? 'spring' : 'midautumn' }))
    : [];
  return { customers, contacts, calendar, festivals, uncoveredYears: china ? calendar.uncoveredYears(ctx.today, end) : [], chinaHolidays: china };
}
