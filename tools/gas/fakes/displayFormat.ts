/**
 * What a cell shows (Range.getDisplayValues): a value under its number format, in the
 * spreadsheet's time zone. Covers the formats a script sets in practice: Sheets date/time
 * patterns (yyyy-mm-dd, d/m/yyyy hh:mm, dddd, mmm …), fixed decimals, grouping, percentages,
 * literal prefixes and suffixes ("¥"#,##0.00), plain text "@". Other formats throw rather
 * than show something Sheets would not. Month and weekday names are English.
 */
import { wallTime, type WallTime } from '../zone';
import { isDate } from './cells';
import type { CellValue } from './sheetStore';

const MS_PER_DAY = 86_400_000;
/** Day 0 of Sheets' serial numbers, as a day count from 1970-01-01. */
const SERIAL_EPOCH_DAY = Date.UTC(1899, 11, 30) / MS_PER_DAY;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const DEFAULT_NUMBER_FORMAT = 'General';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The wall time a serial number stands for (serials are wall-clock, with no zone). */
function wallOfSerial(serial: number): WallTime {
  const day = Math.floor(serial);
  const ms = Math.round((serial - day) * MS_PER_DAY);
  const d = new Date((SERIAL_EPOCH_DAY + day) * MS_PER_DAY + ms);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
    minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(), weekday: d.getUTCDay(),
  };
}

function serialOf(date: Date, timeZone: string): number {
  const w = wallTime(timeZone, date.getTime());
  const civil = Date.UTC(w.year, w.month - 1, w.day) / MS_PER_DAY - SERIAL_EPOCH_DAY;
  return civil + (((w.hour * 60 + w.minute) * 60 + w.second) * 1000 + w.millisecond) / MS_PER_DAY;
}

type Token = { kind: 'lit'; text: string } | { kind: 'field'; text: string };

/** Splits a format section into literals ("…", \x) and runs of letters. */
function tokenize(section: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < section.length; ) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      if (end < 0) throw new Error(`Unterminated quote in number format ${section}`);
      out.push({ kind: 'lit', text: section.slice(i + 1, end) });
      i = end + 1;
    } else if (ch === '\\') {
      out.push({ kind: 'lit', text: section[i + 1] ?? '' });
      i += 2;
    } else if (/[A-Za-z]/.test(ch)) {
      if (/^am\/pm/i.test(section.slice(i))) {
        out.push({ kind: 'field', text: 'am/pm' });
        i += 5;
        continue;
      }
      let j = i;
      while (j < section.length && section[j].toLowerCase() === ch.toLowerCase()) j++;
      out.push({ kind: 'field', text: section.slice(i, j).toLowerCase() });
      i = j;
    } else {
      out.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  return out;
}

const isDateFormat = (section: string): boolean => tokenize(section).some((t) => t.kind === 'field' && /^[ymdhs]/.test(t.text));

function formatDateSection(section: string, w: WallTime): string {
  const tokens = tokenize(section);
  const fields = tokens.filter((t) => t.kind === 'field').map((t) => t.text);
  const twelveHour = fields.includes('am/pm');
  let out = '';
  tokens.forEach((t, i) => {
    if (t.kind === 'lit') {
      out += t.text;
      return;
    }
    const f = t.text;
    const prevField = tokens.slice(0, i).reverse().find((x) => x.kind === 'field')?.text ?? '';
    const nextField = tokens.slice(i + 1).find((x) => x.kind === 'field')?.text ?? '';
    if (f[0] === 'y') out += f.length <= 2 ? pad(w.year % 100, 2) : pad(w.year, 4);
    else if (f[0] === 'm' && f !== 'am/pm') {
      const minutes = f.length <= 2 && (prevField.startsWith('h') || nextField.startsWith('s'));
      if (minutes) out += f.length === 2 ? pad(w.minute, 2) : String(w.minute);
      else if (f.length === 1) out += String(w.month);
      else if (f.length === 2) out += pad(w.month, 2);
      else if (f.length === 3) out += MONTHS[w.month - 1].slice(0, 3);
      else if (f.length === 5) out += MONTHS[w.month - 1][0];
      else out += MONTHS[w.month - 1];
    } else if (f[0] === 'd') {
      if (f.length === 1) out += String(w.day);
      else if (f.length === 2) out += pad(w.day, 2);
      else if (f.length === 3) out += DAYS[w.weekday].slice(0, 3);
      else out += DAYS[w.weekday];
    } else if (f[0] === 'h') {
      const h = twelveHour ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
      out += f.length >= 2 ? pad(h, 2) : String(h);
    } else if (f[0] === 's') out += f.length >= 2 ? pad(w.second, 2) : String(w.second);
    else if (f === 'am/pm') out += w.hour < 12 ? 'AM' : 'PM';
    else throw new Error(`Number format ${section} is not supported by the getDisplayValues fake`);
  });
  return out;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumberSection(section: string, n: number): string {
  // The number's pattern is the run of 0 # ? , . around the digits; the rest is literal text.
  const tokens = tokenize(section);
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let percent = false;
  let seenPattern = false;
  for (const t of tokens) {
    const isPattern = t.kind === 'lit' && /^[0#?,.]$/.test(t.text);
    if (t.kind === 'field') throw new Error(`Number format ${section} is not supported by the getDisplayValues fake`);
    if (t.text === '%') percent = true;
    if (isPattern && (!seenPattern || suffix === '')) {
      pattern += t.text;
      seenPattern = true;
    } else if (!seenPattern) prefix += t.text;
    else suffix += t.text;
  }
  if (!pattern) throw new Error(`Number format ${section} is not supported by the getDisplayValues fake`);
  const [intPart, fracPart = ''] = pattern.split('.');
  const decimals = fracPart.replace(/,/g, '').length;
  const minDecimals = (fracPart.match(/0/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const value = percent ? n * 100 : n;
  let text = Math.abs(value).toFixed(decimals);
  let [whole, frac = ''] = text.split('.');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  whole = whole.replace(/^0+/, '').padStart(minInt, '0');
  if (intPart.includes(',')) whole = groupThousands(whole);
  text = frac ? `${whole}.${frac}` : whole;
  return `${prefix}${text}${suffix}`;
}

/** Sheets' default display of a number: as written, without float noise beyond 15 digits. */
function plainNumber(n: number): string {
  return String(Number(n.toPrecision(15)));
}

function defaultDate(date: Date, timeZone: string): string {
  const w = wallTime(timeZone, date.getTime());
  const day = `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return day;
  return `${day} ${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)}`;
}

/** The text Sheets shows for `value` under `format` (undefined: no format set) in `timeZone`. */
export function displayValue(value: CellValue, format: string | undefined, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const f = format === undefined || format === '' || format.toLowerCase() === 'general' ? undefined : format;
  const sections = f?.split(';') ?? [];
  if (isDate(value)) {
    if (!f || f === '@') return defaultDate(value, timeZone);
    if (isDateFormat(sections[0])) return formatDateSection(sections[0], wallTime(timeZone, value.getTime()));
    return formatNumberSection(sections[0], serialOf(value, timeZone));
  }
  if (!f || f === '@') return plainNumber(value);
  if (isDateFormat(sections[0])) return formatDateSection(sections[0], wallOfSerial(value));
  if (value < 0 && sections[1] !== undefined) return formatNumberSection(sections[1], -value);
  if (value === 0 && sections[2] !== undefined) return formatNumberSection(sections[2], 0);
  const shown = formatNumberSection(sections[0], value);
  return value < 0 && /[1-9]/.test(shown) ? `-${shown}` : shown;
}
