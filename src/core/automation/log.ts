/**
 * The log sheet ("Kehu · 日志" / "Kehu · Log"): one line per flag raised or cleared (date,
 * customer, flag, change, reason) and one per run. Only ever appended to.
 */
import type { CellValue } from '../cells';
import type { Lang } from '../locale';
import type { Flag, FlagKey } from '../model';
import { literalText, cellText } from '../text';
import { flagName, flagText } from './reasons';

export const LOG_HEADERS: Record<Lang, string[]> = {
  zh: ['时间', '客户代码', '提醒', '变化', '原因'],
  en: ['Time', 'Customer ID', 'Flag', 'Change', 'Reason'],
};

export interface FlagChange {
  customer: string;
  key: FlagKey;
  change: 'raised' | 'cleared';
  /** The flag as raised (its reason), or as it was when cleared (when known). */
  flag?: Flag;
}

/** Flags raised and cleared between the flags kept from the last run and the new ones. */
export function flagChanges(customer: string, before: readonly FlagKey[], after: readonly Flag[]): FlagChange[] {
  const now = new Set(after.map((f) => f.key));
  const was = new Set(before);
  const out: FlagChange[] = [];
  for (const f of after) if (!was.has(f.key) && !out.some((c) => c.key === f.key)) out.push({ customer, key: f.key, change: 'raised', flag: f });
  for (const key of before) if (!now.has(key)) out.push({ customer, key, change: 'cleared' });
  return out;
}

const CHANGE: Record<FlagChange['change'], Record<Lang, string>> = {
  raised: { zh: '新增', en: 'raised' },
  cleared: { zh: '解除', en: 'cleared' },
};

export function flagChangeRow(c: FlagChange, at: unknown, lang: Lang): CellValue[] {
  return [at as CellValue, literalText(c.customer), flagName(c.key, lang), CHANGE[c.change][lang], c.flag ? cellText(flagText(c.flag, lang)) : ''];
}

export function runRow(at: unknown, what: string, summary: string, lang: Lang): CellValue[] {
  return [at as CellValue, '', lang === 'zh' ? '运行' : 'run', what, cellText(summary)];
}

/**
 * The log's size. Every flag raised or cleared is a line, so a large file adds tens of
 * thousands a day; a spreadsheet holds 10 million cells in all. At most LOG_MAX_ROWS lines are
 * kept: when an append would pass it, the oldest days are summarized, one line per day and kind
 * ("raised 1,204, cleared 1,177"), until LOG_TARGET_ROWS remain, so the next rewrite is
 * thousands of lines away.
 */
// At most 20,000 rows (issue 11); 10,000 keeps a 50,000-customer file's own sheets under a million cells.
export const LOG_MAX_ROWS = 10_000;
export const LOG_TARGET_ROWS = 7_500;

/** The change cell of a summary line. */
export const SUMMARY_WORD: Record<Lang, string> = { zh: '汇总', en: 'summary' };
const SEPARATOR: Record<Lang, string> = { zh: '，', en: ', ' };

export interface CompactOptions {
  lang: Lang;
  /** The day (DayClock day number) of a time cell, or null when the cell is not a time. */
  dayOf(cell: CellValue): number | null;
  /** The time cell of a day's summary line. */
  dayCell(day: number): CellValue;
  max?: number;
  target?: number;
}

/** 1204 → '1,204' (no locale services: the same in Node and Apps Script). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const isSummary = (row: readonly CellValue[]): boolean => row[3] === SUMMARY_WORD.zh || row[3] === SUMMARY_WORD.en;

/** The counts of a summary line's text, read back ('新增 1,204，解除 1,177'). */
export function summaryCounts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of text.split(/，|, /)) {
    const m = /^(.*\S)\s+([\d,]+)$/.exec(part.trim());
    if (m) out.set(m[1], (out.get(m[1]) ?? 0) + Number(m[2].replace(/,/g, '')));
  }
  return out;
}

const str = (v: CellValue | undefined): string => (v === undefined || v === null ? '' : String(v));

/**
 * The log's lines (header excluded, oldest first) within the limit: unchanged when they fit,
 * else the oldest whole days summarized per kind (the Flag column: a flag's name, or "run"),
 * counting the Change column's words (raised / cleared, or which run). A day summarized before
 * and logged again later is merged into one line per kind. Text cells come back as text.
 */
export function compactLog(rows: readonly (readonly CellValue[])[], o: CompactOptions): CellValue[][] {
  const max = o.max ?? LOG_MAX_ROWS;
  const target = Math.min(o.target ?? LOG_TARGET_ROWS, max);
  if (rows.length <= max) return rows.map((r) => [...r]);
  // Each line's day; a line without a time belongs to the day of the line before it.
  const days: number[] = [];
  let last: number | null = null;
  for (const row of rows) {
    const d = o.dayOf(row[0]);
    if (d !== null) last = d;
    days.push(last ?? Number.NEGATIVE_INFINITY);
  }
  const order = [...new Set(days)].sort((a, b) => a - b);
  // Summaries per day and kind, counts per change word (in the order met).
  const summaries = new Map<number, Map<string, Map<string, number>>>();
  const kindsOf = (day: number): Map<string, Map<string, number>> => {
    let k = summaries.get(day);
    if (!k) summaries.set(day, (k = new Map()));
    return k;
  };
  const add = (day: number, kind: string, word: string, n: number): void => {
    const kinds = kindsOf(day);
    let counts = kinds.get(kind);
    if (!counts) kinds.set(kind, (counts = new Map()));
    counts.set(word, (counts.get(word) ?? 0) + n);
  };
  let remaining = rows.length;
  const summarized = new Set<number>();
  for (const day of order) {
    if (remaining <= target) break;
    summarized.add(day);
    let lines = 0;
    rows.forEach((row, i) => {
      if (days[i] !== day) return;
      lines++;
      if (isSummary(row)) for (const [word, n] of summaryCounts(str(row[4]))) add(day, str(row[2]), word, n);
      else add(day, str(row[2]), str(row[3]), 1);
    });
    remaining += kindsOf(day).size - lines;
  }
  const out: CellValue[][] = [];
  for (const day of order) {
    if (!summarized.has(day)) continue;
    for (const [kind, counts] of kindsOf(day)) {
      const text = [...counts].map(([word, n]) => `${word} ${grouped(n)}`).join(SEPARATOR[o.lang]);
      out.push([Number.isFinite(day) ? o.dayCell(day) : '', '', cellText(kind), SUMMARY_WORD[o.lang], cellText(text)]);
    }
  }
  rows.forEach((row, i) => {
    if (!summarized.has(days[i])) out.push(row.map((v) => (typeof v === 'string' ? cellText(v) : v)));
  });
  return out;
}
