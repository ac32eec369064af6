/** The visit schedule's public face: the sheet codec, the planner and their types. */
export { readScheduleSheet, renderScheduleSheet, signatureOfRow } from './rows';
export { planSchedule } from './plan';
export type { Festival, PlanInput, PlanResult, PlanStats, ScheduleContact, ScheduleCustomer, ScheduleSettings, UnplacedGroup } from './plan';
export { describeScheduleProblem } from './words';
export { SCHEDULE_HEADERS, SCHEDULE_SHEET_NAMES } from './headers';
export { SCHEDULE_COLUMNS, PERSON_COLUMNS } from './types';
export type { ContactInfo, Occurrence, Purpose, ParsedRow, PlannedRow, RowOrigin, ScheduleColumn, ScheduleProblem, ScheduleProblemKind, ScheduleSheet } from './types';
export { isoWeekday } from './weekday';
