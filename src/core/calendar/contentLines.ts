/**
 * RFC 5545 content lines: TEXT escaping, parameter quoting and folding at 75 octets.
 *
 * Written here rather than with ical.js (the tests' reference parser). ical.js 2.2.1 is one
 * default export holding the whole library, so nothing of it can be left out: bundled it adds
 * 238,752 bytes (79,725 minified) to an Apps Script file of 59 KB that is loaded on every
 * execution, custom function calls included; this file adds 2,967 (1,438 minified). And its
 * folding writes continuation lines of 76 octets (75 plus the leading space), which would need
 * its global foldLength lowered to 74. The VTIMEZONE, the part a library could have helped
 * with, ical.js cannot build from a zone's offsets either.
 */

/** Control characters RFC 5545 TEXT may not hold (all but HTAB; line breaks are escaped first). */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;
/** Half of a surrogate pair without its other half: not encodable in UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function clean(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/**
 * A TEXT value: backslash, semicolon and comma escaped, every line break (CRLF, CR or LF) as
 * "\n"; any other control character becomes a space, since TEXT cannot carry it.
 */
export function escapeText(text: string): string {
  return clean(text)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, ' ');
}

/**
 * A parameter value (CN=…), always in double quotes, with RFC 6868's caret encoding for what a
 * quoted string cannot hold: ^ as ^^, a line break as ^n, " as ^'.
 */
export function quoteParam(value: string): string {
  const v = clean(value)
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'")
    .replace(CONTROL, ' ');
  return `"${v}"`;
}

/** A parameter value that needs no quotes when it is plain (TZID=America/New_York). */
export function paramValue(value: string): string {
  return /^[^";:,\u0000-\u001f\u007f]*$/.test(value) ? value : quoteParam(value);
}

const MAX_OCTETS = 75;

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * One logical line folded into physical lines of at most 75 octets of UTF-8 (the line break not
 * counted), each continuation starting with one space that counts toward its 75. A multi-byte
 * character is never split.
 */
export function fold(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0)!);
    if (octets + n > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out;
}

/** Builds a calendar file line by line; `toString` joins the folded lines with CRLF. */
export class ContentWriter {
  private readonly lines: string[] = [];

  /** NAME;PARAM=value:VALUE, the value already in its type's form (escape TEXT with escapeText). */
  line(name: string, value: string, params: readonly (readonly [string, string])[] = []): this {
    let head = name;
    for (const [k, v] of params) head += `;${k}=${v}`;
    for (const physical of fold(`${head}:${value}`)) this.lines.push(physical);
    return this;
  }

  text(name: string, value: string): this {
    return this.line(name, escapeText(value));
  }

  begin(component: string): this {
    return this.line('BEGIN', component);
  }

  end(component: string): this {
    return this.line('END', component);
  }

  toString(): string {
    return this.lines.map((l) => `${l}\r\n`).join('');
  }
}
