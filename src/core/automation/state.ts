/**
 * What the add-on remembers per customer between runs, kept in its own hidden sheet keyed by
 * customer id (not by row: a user may sort or insert rows at any time): the tier of the current
 * period, the tier at the end of the previous one (for promoted / demoted), and the flags open
 * after the last run (so the log can say which were raised and which cleared).
 */
import type { Tier } from '../analytics/abc';
import type { CellValue } from '../cells';
import type { Lang } from '../locale';
import type { FlagKey } from '../model';
import { normalizeWord } from '../vocabulary';
import { literalText } from '../text';

export interface CustomerState {
  id: string;
  tier: Tier;
  /** The period the tier is for ('2026-11' or '2026-Q4'). */
  period: string;
  previousTier: Tier | '';
  previousPeriod: string;
  /** Flags open after the last run. */
  flags: FlagKey[];
  /**
   * What the customer card shows of the last run, as JSON (see cardSummary.ts): the figures that
   * need the whole file (orders, contacts, visits), so opening a card reads this one line.
   */
  card: string;
}

/** The 1-based column of the card's JSON; the card reads lines up to STATE_VISITS_COLUMN. */
export const STATE_CARD_COLUMN = 7;

/**
 * The next planned visits as JSON, written by the schedule step after the classification (blank
 * after a classification, which carries them in the card's JSON): the card prefers it when set.
 */
export const STATE_VISITS_COLUMN = 8;

const HEADERS: Record<Lang, string[]> = {
  zh: ['客户代码', '本期等级', '本期', '上期等级', '上期', '提醒', '卡片'],
  en: ['Customer ID', 'Tier', 'Period', 'Previous tier', 'Previous period', 'Flags', 'Card'],
};

const TIERS = new Set(['A', 'B', 'C']);
const FLAG_KEYS = new Set<string>([
  'lapsed', 'noOrders', 'probablyLapsing', 'overdue', 'notReviewed', 'missing', 'overCredit',
  'birthday', 'tierChanged', 'dataProblem', 'openComplaint',
]);

const text = (v: CellValue | undefined): string => (v === undefined || v === null ? '' : String(v).trim());

/**
 * The state sheet's rows (header first) → state by id. Unreadable cells read as "nothing known"
 * rather than failing the run: the state only refines what is shown (movement, the log).
 */
export function readState(grid: readonly (readonly CellValue[])[]): Map<string, CustomerState> {
  const out = new Map<string, CustomerState>();
  if (grid.length === 0) return out;
  const header = grid[0].map((h) => normalizeWord(text(h)));
  const col = (i: number): number => {
    const names = [HEADERS.zh[i], HEADERS.en[i]].map(normalizeWord);
    const at = header.findIndex((h) => names.includes(h));
    return at >= 0 ? at : i;
  };
  const [cId, cTier, cPeriod, cPrevTier, cPrevPeriod, cFlags, cCard] = [0, 1, 2, 3, 4, 5, 6].map(col);
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    const id = text(row[cId]);
    if (id === '') continue;
    const tier = text(row[cTier]);
    const previousTier = text(row[cPrevTier]);
    out.set(id, {
      id,
      tier: (TIERS.has(tier) ? tier : 'C') as Tier,
      period: text(row[cPeriod]),
      previousTier: (TIERS.has(previousTier) ? previousTier : '') as Tier | '',
      previousPeriod: text(row[cPrevPeriod]),
      flags: text(row[cFlags]).split(',').map((f) => f.trim()).filter((f): f is FlagKey => FLAG_KEYS.has(f)),
      card: text(row[cCard]),
    });
  }
  return out;
}

export function renderState(states: Iterable<CustomerState>, lang: Lang): CellValue[][] {
  const rows: CellValue[][] = [HEADERS[lang].slice()];
  for (const s of states) rows.push([literalText(s.id), s.tier, literalText(s.period), s.previousTier, literalText(s.previousPeriod), s.flags.join(','), literalText(s.card)]);
  return rows;
}
