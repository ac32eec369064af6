/**
 * The shapes of the visit schedule: the sheet's columns, a row as read back (with where it came
 * from and which chain it belongs to) and a row as planned. The planner and the sheet codec share
 * them; the calendar step reads PlannedRow (a ScheduleRow) and the removed ParsedRows.
 */
import type { CellValue } from '../cells';
import type { ContactMode, Role, ScheduleRow } from '../model';

/** The schedule sheet's columns, in the order the add-on writes them. */
export const SCHEDULE_COLUMNS = [
  'date', 'time', 'customerId', 'customerName', 'kind', 'role', 'person', 'email', 'status', 'note',
  'eventId', 'rowId', 'check',
] as const;
export type ScheduleColumn = (typeof SCHEDULE_COLUMNS)[number];

/** The columns a person may change: exactly the cells the signature covers. */
export const PERSON_COLUMNS = [
  'date', 'time', 'customerId', 'customerName', 'kind', 'role', 'person', 'email', 'status', 'note',
] as const;

/**
 * 'kehu': the add-on wrote it and nobody changed it since (the plan may move or remove it);
 * 'changed': the add-on wrote it and a person changed a cell (theirs from now on);
 * 'added': a person added it (no Kehu ID of the add-on's; theirs for good).
 */
export type RowOrigin = 'kehu' | 'changed' | 'added';

/**
 * Which occurrence of which chain an add-on row is: the n-th (`index`, from 1) contact of a kind
 * by a role for a customer counted from `anchor` (the last real contact, null when never), planned
 * for `target`. The row id is derived from everything but `target`.
 */
export interface ChainInfo {
  customer: string;
  role: Role;
  kind: ContactMode;
  anchor: number | null;
  index: number;
  target: number;
}

/** A schedule row as read from the sheet. Unreadable or blank kind / role / status cells are guessed (listed in `guessed`). */
export interface ParsedRow extends ScheduleRow {
  /** 1-based sheet row. */
  sheetRow: number;
  origin: RowOrigin;
  /** The chain the row belongs to, when its check cell is intact and matches its Kehu ID. */
  chain: ChainInfo | null;
  /** The cells as read, in SCHEDULE_COLUMNS order: a person's row is written back from these. */
  cells: CellValue[];
  /** Cells of columns the add-on does not know (a person inserted them), in sheet order. */
  extra: CellValue[];
  /** Fields whose cell was blank or unreadable, filled with a default (kind visit, role rep, status by date). */
  guessed: ('kind' | 'role' | 'status')[];
}

/** A row of the plan, ready to render. */
export interface PlannedRow extends ScheduleRow {
  origin: RowOrigin;
  /** The chain occurrence an add-on row stands for (null for a row a person added, or whose check was lost). */
  chain: ChainInfo | null;
  /** The sheet row it was read from; null for a new row. */
  sheetRow: number | null;
  /** A person's row: its cells as read (written back as they are). Absent for the add-on's rows. */
  cells?: readonly CellValue[];
  /** A person's row: the check cell to write (as read, or a new one for a row that just got its id). */
  checkText?: string;
  extra: readonly CellValue[];
  /** Why an add-on row is undated or gets no invite (the note says it in words). */
  reason: '' | 'overCapacity' | 'noPerson' | 'noEmail';
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
