/**
 * The shapes of the visit schedule: the sheet's columns, a row as read back (with where it came
 * from and which chain it belongs to) and a row as planned. The planner and the sheet codec share
 * them; the calendar step reads PlannedRow (a ScheduleRow) and the removed ParsedRows.
 */
import type { CellValue } from '../cells';
import type { ContactMode, Role, ScheduleRow } from '../model';

/** The schedule sheet's columns, in the order the add-on writes them. */
export const SCHEDULE_COLUMNS = [
  'date', 'time', 'customerId', 'customerName', 'area', 'kind', 'purpose', 'role', 'person', 'with', 'email', 'status', 'note',
  'eventId', 'rowId', 'check',
] as const;
export type ScheduleColumn = (typeof SCHEDULE_COLUMNS)[number];

/**
 * The columns a person may change: exactly the cells the signature covers. Area and purpose are
 * the add-on's words about the row (where, and why it is planned): rewritten on every run, so a
 * person editing them does not make the row theirs.
 */
export const PERSON_COLUMNS = [
  'date', 'time', 'customerId', 'customerName', 'kind', 'role', 'person', 'with', 'email', 'status', 'note',
] as const;

/**
 * 'kehu': the add-on wrote it and nobody changed it since (the plan may move or remove it);
 * 'changed': the add-on wrote it and a person changed a cell (theirs from now on);
 * 'added': a person added it (no Kehu ID of the add-on's; theirs for good).
 */
export type RowOrigin = 'kehu' | 'changed' | 'added';

/** Why a contact is due: the tier's rhythm, the customer's birthday, or a festival greeting (A customers). */
export type Purpose = 'cadence' | 'birthday' | 'spring' | 'midautumn';

/**
 * One contact the policy asks for: the n-th (`index`) contact of a kind by a role for a customer,
 * counted from `anchor` (the last real contact of that role, null when none is on record: then
 * `index` numbers a fixed lattice of days, so a first plan is spread and stays put), due on
 * `target`. A birthday or festival occurrence has the day it is for as its index.
 */
export interface Occurrence {
  role: Role;
  kind: ContactMode;
  anchor: number | null;
  index: number;
  target: number;
  purpose: Purpose;
}

/**
 * What an add-on row stands for: one contact with one customer on one day, serving one or more
 * occurrences (a joint visit serves the rep's visit and the manager's; a visit serves the call
 * due in the same window). `serves[0]` is the lead: the row id is derived from it.
 */
export interface ContactInfo {
  customer: string;
  serves: Occurrence[];
}

/** A schedule row as read from the sheet. Unreadable or blank kind / role / status cells are guessed (listed in `guessed`). */
export interface ParsedRow extends ScheduleRow {
  /** 1-based sheet row. */
  sheetRow: number;
  origin: RowOrigin;
  /** The occurrences the row serves, when its check cell is intact and matches its Kehu ID. */
  contact: ContactInfo | null;
  /** The cells as read, in SCHEDULE_COLUMNS order: a person's row is written back from these. */
  cells: CellValue[];
  /** Cells of columns the add-on does not know (a person inserted them), in sheet order. */
  extra: CellValue[];
  /** Fields whose cell was blank or unreadable, filled with a default (kind visit, role rep, status by date). */
  guessed: ('kind' | 'role' | 'status')[];
  /** Cells a person typed that the add-on cannot read: the row's invite is left as it was (never an all-day event by accident). */
  unreadable: ('date' | 'time' | 'kind' | 'role' | 'status' | 'person')[];
}

/** A row of the plan, ready to render. */
export interface PlannedRow extends ScheduleRow {
  origin: RowOrigin;
  /** The occurrences an add-on row serves (null for a row a person added, or whose check was lost). */
  contact: ContactInfo | null;
  /** The sheet row it was read from; null for a new row. */
  sheetRow: number | null;
  /** A person's row: its cells as read (written back as they are). Absent for the add-on's rows. */
  cells?: readonly CellValue[];
  /** A person's row: the check cell to write (as read, or a new one for a row that just got its id). */
  checkText?: string;
  /** A person's row with cells the add-on cannot read: its invite is left as it was. */
  unreadable?: readonly string[];
  extra: readonly CellValue[];
  /** Why an add-on row gets no invite for someone (its purpose cell says it in words). */
  reason: '' | 'noEmail';
}

export type ScheduleProblemKind =
  | 'noHeader' | 'missingColumn' | 'notDate' | 'notTime' | 'unknownKind' | 'unknownRole' | 'unknownStatus'
  | 'badCheck' | 'duplicateId' | 'doneWithoutDate';

/** A cell of the schedule sheet the add-on could not use; the row is kept as a person's row. */
export interface ScheduleProblem {
  problem: ScheduleProblemKind;
  /** 1-based sheet row (the header row for missingColumn; 0 for noHeader). */
  row: number;
  column: ScheduleColumn | null;
  value: CellValue;
  /** duplicateId: the row that keeps the id. */
  otherRow?: number;
}

/** The schedule sheet as read. */
export interface ScheduleSheet {
  /** 1-based sheet row of the header; null when the sheet is empty or has no recognizable header. */
  headerRow: number | null;
  /** Headers of the columns the add-on does not know, in sheet order (kept beside the rows). */
  extraHeaders: string[];
  rows: ParsedRow[];
  problems: ScheduleProblem[];
}
