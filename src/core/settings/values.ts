/**
 * Reading what people type into Settings cells, and what Sheets makes of it: 80% arrives as
 * 0.8, a typed 9:00 as a Date on 1899-12-30 (Sheets' day zero) in the spreadsheet's zone, "6"
 * may stay text. Every reader returns undefined for a value it cannot use, so the caller can
 * name the row and the setting.
 */
import { CellValue, isDate } from '../cells';
import { DayClock, daysFromCivil } from '../dates';
import type { Lang } from '../locale';
import { unquote } from './cellText';

/** Words that leave something unused or empty: a mapping cell, the required fields, the grouping. */
export const NONE_WORDS = ['—', '-', '–', '不使用', '不用', '无', 'none', 'n/a'];

function squash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const NONE = new Set(NONE_WORDS.map(squash));

export function isNoneWord(v: CellValue): boolean {
  return typeof v === 'string' && NONE.has(squash(unquote(v)));
}

/** Text of a cell as typed: unquoted, trimmed; numbers as written; '' for anything else. */
export function textOf(v: CellValue): string {
  if (typeof v === 'string') return unquote(v).trim();
  if (typeof v === 'number') return String(v);
  return '';
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A number cell, or text that is plainly a number ("6", "2,000", "1.5"). */
export function numberOf(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = unquote(v).normalize('NFKC').replace(/\s+/g, '');
  if (PLAIN_NUMBER.test(t)) return Number(t);
  if (GROUPED_NUMBER.test(t)) return Number(t.replace(/,/g, ''));
  return undefined;
}

/** A share: 0.8, or the text "80%" (a typed 80% arrives as 0.8 already). */
export function shareOf(v: CellValue): number | undefined {
  if (typeof v === 'string') {
    const t = unquote(v).normalize('NFKC').replace(/\s+/g, '');
    if (t.endsWith('%')) {
      const n = numberOf(t.slice(0, -1));
      return n === undefined ? undefined : n / 100;
    }
  }
  return numberOf(v);
}

// ---------------------------------------------------------------------------------------------
// Times of day (minutes after midnight)

const SHEETS_DAY_ZERO = daysFromCivil(1899, 12, 30);

/**
 * The minutes of a typed time, which Sheets hands over as an instant on 1899-12-30 in the
 * spreadsheet's zone. In 1899 most zones kept local mean time with an offset in seconds
 * (Shanghai +8:05:43) while offsets are learnt to the minute, so the instant can be up to a
 * minute off: a reading within a minute of a multiple of 5 minutes is taken as that time.
 */
function minutesOfTimeCell(v: Date, clock: DayClock): number | undefined {
  const ms = v.getTime();
  if (ms !== ms) return undefined;
  const exact = (ms - clock.startOfDay(SHEETS_DAY_ZERO)) / 60_000;
  const five = Math.round(exact / 5) * 5;
  // + 0 turns the -0 of a midnight read a little early into 0.
  const minutes = (Math.abs(exact - five) < 1 ? five : Math.round(exact)) + 0;
  return minutes >= 0 && minutes < 1440 ? minutes : undefined;
}

const CLOCK_TIME = /^(\d{1,2}):(\d{2})$/;
const CHINESE_TIME = /^(\d{1,2})[点时](?:(\d{1,2})分?|(半))?$/;
const AM_PM = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/;

function minutesOfText(token: string): number | undefined {
  let h: number;
  let m: number;
  let a = CLOCK_TIME.exec(token);
  if (a) {
    h = +a[1];
    m = +a[2];
  } else if ((a = CHINESE_TIME.exec(token))) {
    h = +a[1];
    m = a[3] ? 30 : a[2] ? +a[2] : 0;
  } else if ((a = AM_PM.exec(token))) {
    const h12 = +a[1];
    if (h12 < 1 || h12 > 12) return undefined;
    h = (h12 % 12) + (a[3] === 'pm' ? 12 : 0);
    m = a[2] ? +a[2] : 0;
  } else {
    return undefined;
  }
  return h <= 23 && m <= 59 ? h * 60 + m : undefined;
}

/** One time of day: a time cell, a fraction of a day (0.375), or text such as 9:00, 9点半, 2pm. */
export function minutesOf(v: CellValue, clock: DayClock): number | undefined {
  if (isDate(v)) return minutesOfTimeCell(v, clock);
  if (typeof v === 'number') return v >= 0 && v < 1 ? Math.round(v * 1440) % 1440 : undefined;
  if (typeof v !== 'string') return undefined;
  return minutesOfText(squash(unquote(v)));
}

/** Times of day, ascending, each once: one time cell, or text such as "09:00, 10:30、13:30". */
export function timesOf(v: CellValue, clock: DayClock): number[] | undefined {
  if (typeof v !== 'string') {
    const one = minutesOf(v, clock);
    return one === undefined ? undefined : [one];
  }
  const tokens = unquote(v).normalize('NFKC').toLowerCase().split(/[,;、\s]+/).filter((t) => t !== '');
  if (tokens.length === 0) return undefined;
  const out = new Set<number>();
  for (const t of tokens) {
    const m = minutesOfText(t);
    if (m === undefined) return undefined;
    out.add(m);
  }
  return [...out].sort((a, b) => a - b);
}

export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function formatTimes(minutes: readonly number[]): string {
  return minutes.map(formatTime).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Working days (ISO weekdays, 1 = Monday … 7 = Sunday)

const ZH_DAYS = ['一', '二', '三', '四', '五', '六', '日'];
const EN_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const EN_WORDS: Record<string, number> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, weds: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
};
const ZH_DAY = /^(?:周|星期|礼拜)([一二三四五六日天七1-7])$/;
const GROUPS: Record<string, number[]> = {
  工作日: [1, 2, 3, 4, 5], weekdays: [1, 2, 3, 4, 5], workdays: [1, 2, 3, 4, 5],
  周末: [6, 7], weekend: [6, 7], weekends: [6, 7],
  每天: [1, 2, 3, 4, 5, 6, 7], daily: [1, 2, 3, 4, 5, 6, 7], everyday: [1, 2, 3, 4, 5, 6, 7],
};

function weekdayOf(token: string): number | undefined {
  if (/^[1-7]$/.test(token)) return +token;
  if (token in EN_WORDS) return EN_WORDS[token];
  const z = ZH_DAY.exec(token);
  if (!z) return undefined;
  const c = z[1];
  if (c === '天' || c === '七') return 7;
  return /\d/.test(c) ? +c : ZH_DAYS.indexOf(c) + 1;
}

/**
 * Working days written as 1-5, 1,2,3,4,5, 周一至周五, 周一、周三, Mon-Fri, Mon, Wed, Monday to
 * Friday, 工作日 or weekdays; a range may wrap (Sat-Mon). Ascending, each once.
 */
export function weekdaysOf(v: CellValue): number[] | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1 && v <= 7 ? [v] : undefined;
  if (typeof v !== 'string') return undefined;
  const t = unquote(v)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+(?:to|through|thru|till|until)\s+/g, '-')
    .replace(/[至到~–—]/g, '-')
    .replace(/\s+/g, '');
  const parts = t.split(/[,;、/和及&+]+/).filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  const days = new Set<number>();
  for (const part of parts) {
    if (part in GROUPS) {
      for (const d of GROUPS[part]) days.add(d);
      continue;
    }
    const ends = part.split('-');
    if (ends.length === 1) {
      const d = weekdayOf(part);
      if (d === undefined) return undefined;
      days.add(d);
    } else if (ends.length === 2) {
      const from = weekdayOf(ends[0]);
      const to = weekdayOf(ends[1]);
      if (from === undefined || to === undefined) return undefined;
      for (let d = from; ; d = (d % 7) + 1) {
        days.add(d);
        if (d === to) break;
      }
    } else {
      return undefined;
    }
  }
  return [...days].sort((a, b) => a - b);
}

export function formatWeekdays(days: readonly number[], lang: Lang): string {
  return lang === 'zh' ? days.map((d) => `周${ZH_DAYS[d - 1]}`).join('、') : days.map((d) => EN_DAYS[d - 1]).join(', ');
}

// ---------------------------------------------------------------------------------------------
// A span of the day (the lunch break) and yes/no

/**
 * A span of the day written as "12:00-13:30" (also –, ~, 至, 到, to between the two times, and
 * any time form minutesOf reads as text), or a "none" word: [0, 0]. The start must come before
 * the end.
 */
export function timeSpanOf(v: CellValue): [number, number] | undefined {
  if (isNoneWord(v)) return [0, 0];
  if (typeof v !== 'string') return undefined;
  const parts = unquote(v).normalize('NFKC').toLowerCase().trim().split(/\s*(?:[-–—~〜至到]|\bto\b)\s*/);
  if (parts.length !== 2) return undefined;
  const start = minutesOfText(squash(parts[0]));
  const end = minutesOfText(squash(parts[1]));
  return start !== undefined && end !== undefined && start < end ? [start, end] : undefined;
}

export function formatTimeSpan(span: readonly [number, number], lang: Lang): string {
  if (span[0] === 0 && span[1] === 0) return lang === 'zh' ? '无' : 'none';
  return `${formatTime(span[0])}-${formatTime(span[1])}`;
}

const YES = new Set(['是', '对', '开', 'yes', 'y', 'true', 'on', '✓', '√'].map(squash));
const NO = new Set(['否', '不', '不是', '关', 'no', 'n', 'false', 'off', '✗', '×'].map(squash));

/** Yes or no: a checkbox (TRUE/FALSE), 是/否, yes/no and a few more; undefined for anything else. */
export function yesNoOf(v: CellValue): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  const t = squash(unquote(v));
  return YES.has(t) ? true : NO.has(t) ? false : undefined;
}
