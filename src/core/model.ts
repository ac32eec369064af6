/**
 * The add-on's domain model: the plain data that flows between the core modules of the
 * automation (tables → records → classification → flags → schedule → calendar) and the sidebar.
 * No Apps Script types here: the adapters turn service objects into these shapes and back.
 *
 * Days are whole numbers, days since 1970-01-01 in the spreadsheet's calendar (see dates.ts);
 * times of day are minutes after local midnight. Rows are 1-based sheet rows, as users see them.
 */
import type { CellValue } from './cells';
import type { Tier } from './analytics/abc';
import type { Value8Key } from './analytics/segments';

export type { Tier };

// ---------------------------------------------------------------------------------------------
// The team's tables, found by their headers

export type TableKey = 'customers' | 'orders' | 'contacts';

export const CUSTOMER_FIELDS = [
  'id', 'name', 'type', 'contact', 'phone', 'email', 'address', 'postcode', 'rep', 'birthday',
  'region', 'urbanRural', 'creditLimit', 'outstanding', 'lastReviewed', 'paymentTerms',
  'bankAccount', 'wechat', 'notes',
] as const;
export const ORDER_FIELDS = ['customer', 'date', 'amount', 'margin', 'product'] as const;
export const CONTACT_FIELDS = ['customer', 'date', 'kind', 'person', 'note', 'deadline', 'status'] as const;

export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
export type OrderField = (typeof ORDER_FIELDS)[number];
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type FieldOf<T extends TableKey> = T extends 'customers' ? CustomerField : T extends 'orders' ? OrderField : ContactField;
export type AnyField = CustomerField | OrderField | ContactField;

/** Where one table sits: its sheet, header row and the column of every field found. */
export interface TableMapping<T extends TableKey = TableKey> {
  table: T;
  sheet: string;
  /** 1-based sheet row of the header row. Data starts on the next row. */
  headerRow: number;
  /** 1-based sheet column of each field found. */
  columns: Partial<Record<FieldOf<T>, number>>;
  /** The header text each field was found under, as written in the sheet. */
  headers: Partial<Record<FieldOf<T>, string>>;
  /** Number of columns of the header row that hold a header (the table's width as found). */
  width: number;
}

export interface WorkbookMapping {
  customers: TableMapping<'customers'>;
  orders: TableMapping<'orders'>;
  /** Absent when the file keeps no contact log. */
  contacts?: TableMapping<'contacts'>;
}

/** A row of the customer table, its cells by field (only mapped fields are present). */
export interface CustomerRecord {
  /** 1-based sheet row. */
  row: number;
  /** The customer id as a label: text trimmed, numbers as written ('101'). */
  id: string;
  fields: Partial<Record<CustomerField, CellValue>>;
}

export interface OrderRecord {
  row: number;
  customer: string;
  day: number;
  amount: number;
  margin?: number;
  product?: string;
}

export type ContactKind = 'visit' | 'call' | 'complaint' | 'other';

export interface ContactRecord {
  row: number;
  customer: string;
  day: number;
  kind: ContactKind;
  /** Who made the contact, as written (name, code or e-mail); '' when blank. */
  person: string;
  note: string;
  /** Reply deadline of a complaint (首问负责). */
  deadlineDay?: number;
  /** The status cell as written ('' when the table has no status column). */
  status: string;
}

/** A cell the add-on could not use, kept so it can be reported with its row and value. */
export interface RowProblem {
  table: TableKey;
  row: number;
  field: AnyField;
  value: CellValue;
  problem: 'notNumber' | 'notDate' | 'missing' | 'duplicateId' | 'unknownCustomer' | 'unknownKind' | 'notLabel';
  /** The customer the row belongs to, when known. */
  customer?: string;
}

// ---------------------------------------------------------------------------------------------
// Settings (the Settings sheet, validated)

export type Role = 'rep' | 'manager' | 'director' | 'gm';
export const ROLES: readonly Role[] = ['rep', 'manager', 'director', 'gm'];

/** One line of the visit policy: for customers of `tier`, a `role` makes so many contacts per `months`. */
export interface PolicyRow {
  tier: Tier;
  role: Role;
  visits: number;
  calls: number;
  /** The period the counts are for, in months (may be fractional, e.g. 0.5). */
  months: number;
}

export interface TeamMember {
  role: Role;
  name: string;
  code: string;
  email: string;
  /** Optional: the region this person covers (matched against the customer's region). */
  region: string;
}

/** What one role can do in a day: so many visits and calls, within its working hours (minutes after midnight). */
export interface RoleCapacity {
  role: Role;
  visits: number;
  calls: number;
  start: number;
  end: number;
}

/**
 * A row of the Days off table: days `from`..`to` (both included) are closed (a holiday, a
 * closure, someone's leave) or working (a make-up working day, 调休) for `person` (a Team name,
 * code or e-mail; '' = the whole team). 'china' rows are China's public holidays, written by the
 * add-on for the years the schedule touches; 'team' rows are the team's own, kept as typed.
 */
export interface DayOff {
  from: number;
  to: number;
  kind: 'closed' | 'working';
  person: string;
  note: string;
  source: 'team' | 'china';
}

export type GroupBy = 'none' | 'region' | 'urbanRural';
export type TierPeriod = 'month' | 'quarter';

/** Where the daily run reads its orders: the order sheet, or a BigQuery table (project, dataset, table). */
export type OrdersSource = { kind: 'sheet' } | { kind: 'bigquery'; table: string[] };

export interface Settings {
  // Classification
  rfmBins: number;
  rfmGroupBy: GroupBy;
  abcBy: 'value' | 'count';
  abcAShare: number;
  abcBShare: number;
  /** ABC tiers are cut on the sales of the last so many months. */
  abcMonths: number;
  tierPeriod: TierPeriod;
  // Flags
  lapseDays: number;
  reviewDays: number;
  birthdayDays: number;
  /** A customer is overdue when its last contact is older than this many times the tier's rhythm. */
  overdueFactor: number;
  /** Probability alive below which "probably lapsing" is flagged; 0 turns the flag off. */
  pAliveThreshold: number;
  /** The purchase model behind P(alive): MBG/NBD by default (its P(alive) falls for one-time buyers). */
  lifetimeModel: 'bgnbd' | 'mbgnbd' | 'paretonbd';
  /** Fields a record must have to act on it (missing → flag). */
  requiredFields: CustomerField[];
  // Schedule
  horizonWeeks: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday) people work on. */
  workingDays: number[];
  /** Start times of the contact slots, minutes after midnight, ascending. */
  slots: number[];
  /** The fewest days between two contacts with one customer (recorded contacts count too). */
  minGapDays: number;
  /** Lunch break [start, end) in minutes after midnight; [0, 0] = none. */
  lunchBreak: [number, number];
  /** China's State Council holidays: 'auto' = in a zh_CN file only (see usesChinaDays). */
  publicHolidays: 'auto' | 'china' | 'none';
  /** Greetings for A customers before 春节 and 中秋: 'auto' = on in a Chinese file. */
  festivalCare: 'auto' | 'on' | 'off';
  /** The whole birthday column holds lunar dates. */
  lunarBirthdays: boolean;
  /** Visits and calls a day and working hours per role; every role is listed, in ROLES order. */
  capacity: RoleCapacity[];
  /** The Days off table: the team's rows as typed, and China's public holidays ('china' rows). */
  daysOff: DayOff[];
  visitMinutes: number;
  callMinutes: number;
  /** Untouched schedule rows dated more than this many days ago are dropped. */
  keepDays: number;
  policy: PolicyRow[];
  team: TeamMember[];
  // Automation
  /** Hour of the day (0–23, spreadsheet time) after which the daily run starts. */
  dailyHour: number;
  timeBudgetSeconds: number;
  dailyEventLimit: number;
  calendarId: string;
  // Orders source (issue 13): the order sheet, or a BigQuery table the daily run queries.
  ordersSource: OrdersSource;
  /** The BigQuery table's customer, date and amount columns, in that order, and optionally its margin column. */
  bigQueryColumns: string[];
  /** The project BigQuery bills the queries to; '' = the table's own project. */
  bigQueryProject: string;
  // Mapping (extra headers a team adds; per-field choices made in the Settings sheet)
  synonyms: { table: TableKey; field: AnyField; headers: string[] }[];
  mappingChoices: { table: TableKey; field: AnyField; header: string | null }[];
}

// ---------------------------------------------------------------------------------------------
// Classification and flags

export type Movement = 'up' | 'down' | 'new' | '';

export interface CustomerClass {
  id: string;
  /** RFM on the whole order log; null for a customer with no orders. */
  rfm: null | {
    r: number;
    f: number;
    m: number;
    code: string;
    segment: Value8Key;
    lastDay: number;
    recencyDays: number;
    orders: number;
    amount: number;
  };
  tier: Tier;
  /** The value the tier was cut on (sales of the ABC window). */
  value: number;
  /** Cumulative share of the team's positive value up to and including this customer (Pareto curve). */
  cumulativeShare: number;
  /** Rank by value, 1 = largest. */
  rank: number;
  quadrant: string;
  previousTier: Tier | '';
  movement: Movement;
  /** Probability alive (BG/NBD), when the model could be fitted. */
  pAlive?: number;
}

export type FlagKey =
  | 'lapsed' | 'noOrders' | 'probablyLapsing' | 'overdue' | 'notReviewed' | 'missing'
  | 'overCredit' | 'birthday' | 'tierChanged' | 'dataProblem' | 'openComplaint';

export type Severity = 'red' | 'amber';

export interface Flag {
  key: FlagKey;
  severity: Severity;
  /** Plain parameters of the reason ({ days: 412 }, { fields: ['phone', 'address'] }); worded per language. */
  params: Record<string, string | number | string[]>;
}

export type Status = 'red' | 'amber' | 'green';

// ---------------------------------------------------------------------------------------------
// The visit schedule

export type ContactMode = 'visit' | 'call';
export type RowStatus = 'planned' | 'done' | 'moved' | 'cancelled' | 'unscheduled';

/** One row of the schedule sheet, read or to be written. */
export interface ScheduleRow {
  /** The row's identity (the Kehu ID cell); stable when a person changes date, slot, status or note. */
  rowId: string;
  /** Planned day; null for an undated row (over capacity, nobody to make it). */
  day: number | null;
  /** Start of the time slot, minutes after midnight; null when undated. */
  slot: number | null;
  customerId: string;
  customerName: string;
  kind: ContactMode;
  role: Role;
  person: string;
  email: string;
  status: RowStatus;
  note: string;
  /** The calendar event id for this row ('' until it has an event). */
  eventId: string;
  /** Who else comes (a joint visit, 陪访): names with their role, as the With cell shows them. */
  with?: string;
  /** Why the contact is planned, in words (the tier's rhythm, a birthday, a festival), or what the add-on could not read in the row. */
  purpose?: string;
  /** The customer's area (region, else the city or district of the address): visits of one day stay in one. */
  area?: string;
  /** Cells a person typed that the add-on cannot read (a time of 25:00, an unknown word or person): the row's invite is left as it was. */
  unreadable?: readonly string[];
}
