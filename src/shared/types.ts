/**
 * What crosses `google.script.run` between the sidebar (the customer card) and the server.
 * Both sides import this file and nothing else of each other.
 *
 * Apps Script passes only primitives and plain objects/arrays of them: a Date anywhere in a
 * result makes the page receive null. So dates travel as ISO strings ('2026-11-20'), amounts as
 * numbers, and every value read from a sheet as text the page shows as text.
 */

export type Lang = 'zh' | 'en';
export type CardTier = 'A' | 'B' | 'C' | '';
export type CardSeverity = 'red' | 'amber';
export type CardStatus = 'red' | 'amber' | 'green' | '';
export type CardContactKind = 'visit' | 'call' | 'complaint';
/** How a profile value is checked when edited. */
/** How a profile field is checked and written; a birthday may be a date, a month-day, or lunar (农历八月十五). */
export type FieldKind = 'text' | 'phone' | 'email' | 'date' | 'birthday' | 'amount';

/**
 * Open the card of the selected row, or of a customer picked by id (a search result, with the
 * row the customer list gave: read first, and used while it still holds that id).
 */
export type CardRequest = { mode: 'selection' } | { mode: 'id'; id: string; row?: number };

/** Why the card opened on search instead of a customer. */
export type NoCardReason = 'otherSheet' | 'headerRow' | 'blankRow' | 'notFound';

/** Figures of the card that only a classification run computes (shown as waiting before the first). */
export type WaitingFigure = 'scores' | 'tier' | 'quadrant' | 'pAlive' | 'flags' | 'pareto';

export interface ProfileField {
  /** The add-on's field name (CustomerField), e.g. 'phone'. */
  field: string;
  /** The team's own column header, as written in the sheet. */
  label: string;
  /** What the sheet shows, as text ('' when empty). Masked for a secret field. */
  text: string;
  kind: FieldKind;
  editable: boolean;
  /** Bank account: shown masked (last four digits) until the user asks to reveal it. */
  secret: boolean;
}

export interface CardFlag {
  key: string;
  severity: CardSeverity;
  /** The reason in the user's language, e.g. "no order for 412 days". */
  text: string;
}

export interface CardVisit {
  date: string;
  time: string;
  kind: 'visit' | 'call';
  person: string;
  status: string;
}

export interface CardContact {
  date: string;
  kind: CardContactKind | 'other';
  /** The kind as written in the contacts table. */
  kindText: string;
  person: string;
  note: string;
}

export interface CardComplaint {
  date: string;
  note: string;
  owner: string;
  deadline: string | null;
  overdue: boolean;
}

export interface CustomerCard {
  id: string;
  /** 1-based row of the customer table. */
  row: number;
  name: string;
  notes: string;
  /** Fingerprint of the row's cells as read (an edit is checked per field against `expected`). */
  version: string;
  profile: ProfileField[];
  rep: { name: string; code: string; email: string } | null;
  scores: { r: number; f: number; m: number; code: string; segment: string } | null;
  tier: CardTier;
  previousTier: CardTier;
  movement: 'up' | 'down' | 'new' | '';
  quadrant: string;
  /** Probability alive, when known, and the words a rep reads next to it (in the file's language). */
  pAlive: number | null;
  pAliveWords: string;
  orders: {
    count: number;
    revenue: number;
    average: number | null;
    lastOrder: string | null;
    recencyDays: number | null;
    creditLimit: number | null;
    outstanding: number | null;
    /** outstanding / credit limit, when both are known. */
    creditUsed: number | null;
  };
  /** Known = fields the file has; missing = the important ones that are empty, as the team's headers. */
  completeness: { filled: number; known: number; missing: string[] };
  status: CardStatus;
  flags: CardFlag[];
  nextVisits: CardVisit[];
  lastContacts: CardContact[];
  complaints: CardComplaint[];
  /** Where the customer sits on the team's Pareto curve. Points are [share of customers, share of value]. */
  pareto: { rank: number; customers: number; share: number; curve: [number, number][] } | null;
  /** Orders of the last 24 months, oldest first. */
  monthly: { month: string; amount: number; orders: number }[];
  /** When the classification and flags were last refreshed (ISO date-time), or null. */
  classifiedAt: string | null;
  /**
   * Where the order figures come from: the last classification run, or the order log read for
   * this card (no run has classified this customer yet: the figures in `waiting` wait for one).
   */
  figuresFrom: 'classification' | 'orders';
  waiting: WaitingFigure[];
}

export interface OpenCardResult {
  lang: Lang;
  locale: string;
  timeZone: string;
  /** Today in the spreadsheet's time zone, ISO. */
  today: string;
  /**
   * Who is using the card, as the Team table names them (the rep's code or name; the e-mail when
   * the Team table does not list it; '' when Apps Script does not tell): the log form's "by".
   */
  user: string;
  card: CustomerCard | null;
  reason?: NoCardReason;
  /** A sentence to show when the file cannot be read (e.g. a required column is missing). */
  problem?: string;
}

/** The customers the page searches itself (see src/shared/customerList.ts for the format). */
export interface CustomerListResult {
  /** One line per customer: id, name, phone, city, row, tab-separated. */
  list: string;
  count: number;
  /** Who is using the card, as the Team table names them (the log form's "by"). */
  user: string;
}

/** What the server-side search answers (kept for scripts and the bench; the page searches its list). */
export interface SearchResponse {
  query: string;
  results: { id: string; name: string; phone: string; city: string; row: number }[];
  total: number;
}

/** A classification run started from the card: its summary, and the card as it is after it. */
export interface ClassifyResult {
  ok: boolean;
  message: string;
  result: OpenCardResult | null;
}

export interface LogContactRequest {
  id: string;
  /** The row the card shows (a copied row may carry the same id): used while it still holds the id. */
  row?: number;
  kind: CardContactKind;
  /** ISO date of the contact. */
  date: string;
  note: string;
  /** Who made the contact; defaults to the user. */
  person?: string;
  /** For a complaint: the reply deadline (ISO date). */
  deadline?: string;
}

export interface EditFieldRequest {
  id: string;
  /** The row the card shows (a copied row may carry the same id): written while it still holds the id. */
  row?: number;
  field: string;
  /** The text the card showed for this field when it was read. */
  expected: string;
  /** What the user typed. */
  value: string;
}

export interface RevealRequest {
  id: string;
  field: string;
}

/** The unmasked value of a secret field (the bank account), asked for by the user. */
export interface RevealResult {
  value: string;
}

export type SaveResult =
  | { ok: true; card: CustomerCard }
  | { ok: false; reason: 'conflict' | 'invalid' | 'notFound'; message: string; current?: string };
