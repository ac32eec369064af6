/**
 * The .ics export, read back with ical.js (the reference parser): the events, their times in
 * the zone through the file's own VTIMEZONE (checked against Intl), stable UIDs, TEXT escaping
 * and the physical form (CRLF, at most 75 octets a line, multi-byte characters whole).
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { eventIdFor } from '../../../src/core/calendar/events';
import { escapeText, fold } from '../../../src/core/calendar/contentLines';
import { scheduleToIcs, type IcsContext } from '../../../src/core/calendar/ics';
import { DayClock, daysFromCivil } from '../../../src/core/dates';
import type { ScheduleRow } from '../../../src/core/model';
import { offsetMinutes, zonedInstant, zoneOffsetMs } from '../../../tools/gas/zone';

const D = (y: number, m: number, d: number): number => daysFromCivil(y, m, d);

function ctx(tz: string, over: Partial<IcsContext> = {}): IcsContext {
  const offsetAt = (ms: number): number => offsetMinutes(zoneOffsetMs(tz, ms));
  return {
    now: Date.UTC(2024, 2, 1, 8, 30), calendarName: '拜访计划 · 华东客户', timeZone: tz, clock: new DayClock(offsetAt), offsetAt,
    visitMinutes: 60, callMinutes: 15, spreadsheetId: 'sheet-abc', spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/sheet-abc/edit',
    lang: 'zh', customers: new Map([['KH0001', { address: '上海市浦东新区世纪大道 100 号', tier: 'A' }]]),
    ...over,
  };
}

let n = 0;
function row(over: Partial<ScheduleRow> = {}): ScheduleRow {
  n++;
  return {
    rowId: `row-${n}`, day: D(2024, 3, 11), slot: 9 * 60, customerId: 'KH0001', customerName: '华东机电有限公司',
    kind: 'visit', role: 'rep', person: '王伟', email: 'wang.wei@example.com', status: 'planned', note: '', eventId: '',
    ...over,
  };
}

/** Parses the file with ical.js, registering its VTIMEZONEs so that TZID times resolve through them. */
function parse(ics: string): { cal: ICAL.Component; events: ICAL.Event[] } {
  const cal = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

function physicalLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  const lines = ics.slice(0, -2).split('\r\n');
  for (const l of lines) {
    expect(l).not.toMatch(/[\r\n]/); // no bare CR or LF anywhere
    expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  }
  return lines;
}

const ms = (e: ICAL.Event, which: 'startDate' | 'endDate'): number => e[which].toUnixTime() * 1000;

describe('scheduleToIcs: the calendar', () => {
  it('has the calendar properties, one VTIMEZONE and one VEVENT per dated row with an id', () => {
    const rows = [row(), row({ day: D(2024, 3, 12), kind: 'call' }), row({ day: null, slot: null, status: 'unscheduled' }), row({ rowId: '' })];
    const ics = scheduleToIcs(rows, ctx('Asia/Shanghai'));
    const { cal, events } = parse(ics);
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Kehu//Kehu visit schedule//ZH');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('拜访计划 · 华东客户');
    expect(cal.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Shanghai');
    expect(cal.getAllSubcomponents('vtimezone')).toHaveLength(1);
    expect(events.map((e) => e.uid)).toEqual([`${eventIdFor('sheet-abc', rows[0].rowId)}@kehu`, `${eventIdFor('sheet-abc', rows[1].rowId)}@kehu`]);
    expect(events.map((e) => e.summary)).toEqual(['拜访 华东机电有限公司 (KH0001)', '电话 华东机电有限公司 (KH0001)']);
    const v = cal.getAllSubcomponents('vevent')[0];
    expect(v.getFirstPropertyValue('dtstamp')!.toString()).toBe('2024-03-01T08:30:00Z');
    expect(v.getFirstPropertyValue('location')).toBe('上海市浦东新区世纪大道 100 号');
    expect(v.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(e0Description(events[0])).toContain('客户表：https://docs.google.com/spreadsheets/d/sheet-abc/edit');
    const attendee = v.getFirstProperty('attendee')!;
    expect(attendee.getFirstValue()).toBe('mailto:wang.wei@example.com');
    expect(attendee.getParameter('cn')).toBe('王伟');
    expect(ms(events[1], 'endDate') - ms(events[1], 'startDate')).toBe(15 * 60_000);
  });

  it('keeps each row’s UID between two exports, and raises SEQUENCE with the export time', () => {
    const rows = [row(), row({ day: D(2024, 3, 13) }), row({ day: D(2024, 3, 14), status: 'cancelled' })];
    const first = parse(scheduleToIcs(rows, ctx('Asia/Shanghai')));
    const later = parse(scheduleToIcs([...rows].reverse(), ctx('Asia/Shanghai', { now: Date.UTC(2024, 2, 2, 9) })));
    expect(later.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    expect(new Set(first.events.map((e) => e.uid)).size).toBe(3);
    expect(later.events[0].sequence).toBeGreaterThan(first.events[0].sequence);
  });

  it('writes cancelled rows as CANCELLED, done rows as CONFIRMED, a row without a slot as an all-day event', () => {
    const rows = [row({ status: 'cancelled' }), row({ status: 'done', day: D(2024, 2, 20) }), row({ slot: null, day: D(2024, 3, 15) })];
    const { cal, events } = parse(scheduleToIcs(rows, ctx('Asia/Shanghai')));
    const status = cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('status'));
    expect(status).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED']); // sorted by time: Feb 20, Mar 11, Mar 15
    const allDay = events[2];
    expect(allDay.startDate.isDate).toBe(true);
    expect(allDay.startDate.toString()).toBe('2024-03-15');
    expect(allDay.endDate.toString()).toBe('2024-03-16');
  });

  it('lists no guest for a row without a usable address', () => {
    const { cal } = parse(scheduleToIcs([row({ email: '' }), row({ email: '王伟' })], ctx('Asia/Shanghai')));
    for (const v of cal.getAllSubcomponents('vevent')) expect(v.getAllProperties('attendee')).toHaveLength(0);
  });
});

function e0Description(e: ICAL.Event): string {
  return e.description;
}

describe('scheduleToIcs: times in the zone', () => {
  /** Each zone with days around its changes (and Shanghai, which has none). */
  const zones: [string, [number, number, number, number][], number][] = [
    ['America/New_York', [[2024, 3, 8, 540], [2024, 3, 10, 150], [2024, 3, 10, 540], [2024, 3, 11, 540], [2024, 11, 1, 990], [2024, 11, 3, 90], [2024, 11, 4, 540]], 3],
    ['Europe/Berlin', [[2024, 3, 29, 630], [2024, 3, 31, 540], [2024, 4, 1, 810], [2024, 10, 25, 930], [2024, 10, 27, 150], [2024, 10, 28, 540]], 3],
    ['Asia/Shanghai', [[2024, 3, 8, 540], [2024, 7, 1, 630], [2024, 11, 4, 990]], 1],
  ];

  it.each(zones)('%s: every event starts at the instant Intl gives for its wall time', (tz, days, observances) => {
    const rows = days.map(([y, m, d, slot]) => row({ day: D(y, m, d), slot }));
    const ics = scheduleToIcs(rows, ctx(tz));
    const { cal, events } = parse(ics);
    expect(events).toHaveLength(days.length);
    days.forEach(([y, m, d, slot], i) => {
      const expected = zonedInstant(tz, y, m, d, Math.floor(slot / 60), slot % 60);
      expect(ms(events[i], 'startDate')).toBe(expected);
      expect(ms(events[i], 'endDate')).toBe(expected + 60 * 60_000);
      // A wall time that happens twice (01:30 when New York falls back) is written in UTC.
      const repeated = (tz === 'America/New_York' && m === 11 && d === 3 && slot === 90) || (tz === 'Europe/Berlin' && m === 10 && d === 27 && slot === 150);
      expect(events[i].startDate.zone.tzid).toBe(repeated ? 'UTC' : tz);
    });
    const vtz = cal.getFirstSubcomponent('vtimezone')!;
    expect(vtz.getFirstPropertyValue('tzid')).toBe(tz);
    expect(vtz.getAllSubcomponents()).toHaveLength(observances);
  });

  it('America/New_York: the VTIMEZONE has the changes at 02:00 local, daylight in between', () => {
    const rows = [row({ day: D(2024, 3, 8) }), row({ day: D(2024, 7, 1) }), row({ day: D(2024, 11, 4) })];
    const { cal } = parse(scheduleToIcs(rows, ctx('America/New_York')));
    const obs = cal.getFirstSubcomponent('vtimezone')!.getAllSubcomponents().map((o) => [
      o.name, o.getFirstPropertyValue('dtstart')!.toString(), o.getFirstPropertyValue('tzoffsetfrom')!.toString(), o.getFirstPropertyValue('tzoffsetto')!.toString(),
    ]);
    expect(obs).toEqual([
      ['standard', '2024-03-08T00:00:00', '-05:00', '-05:00'],
      ['daylight', '2024-03-10T02:00:00', '-05:00', '-04:00'],
      ['standard', '2024-11-03T02:00:00', '-04:00', '-05:00'],
    ]);
  });

  it('Asia/Shanghai: one STANDARD observance at +08:00', () => {
    const { cal } = parse(scheduleToIcs([row(), row({ day: D(2024, 8, 1) })], ctx('Asia/Shanghai')));
    const obs = cal.getFirstSubcomponent('vtimezone')!.getAllSubcomponents();
    expect(obs.map((o) => o.name)).toEqual(['standard']);
    expect(obs[0].getFirstPropertyValue('tzoffsetto')!.toString()).toBe('+08:00');
  });

  it('writes DTSTART with the TZID and the wall time, a skipped time moved past the gap', () => {
    const ics = scheduleToIcs([row({ day: D(2024, 3, 10), slot: 150 })], ctx('America/New_York'));
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('\r\nDTSTART;TZID=America/New_York:20240310T033000\r\n');
    expect(unfolded).toContain('\r\nDTEND;TZID=America/New_York:20240310T043000\r\n');
  });

  it('writes a wall time that happens twice in UTC, so no reader can take the second one', () => {
    const ics = scheduleToIcs([row({ day: D(2024, 11, 3), slot: 60, kind: 'call' }), row({ day: D(2024, 11, 3), slot: 120 })], ctx('America/New_York', { callMinutes: 45 }));
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('\r\nDTSTART:20241103T050000Z\r\n'); // 01:00 EDT, the first 01:00
    expect(unfolded).toContain('\r\nDTEND:20241103T054500Z\r\n');
    expect(unfolded).toContain('\r\nDTSTART;TZID=America/New_York:20241103T020000\r\n'); // 02:00 EST happens once
  });
});

describe('scheduleToIcs: text and lines', () => {
  const awkward = ['Acme, Inc.; 东区\n第二行', 'back\\slash', '引号 "客户" 与 ^ 号', '华东机电有限公司'.repeat(12), 'emoji 🚚📦 mixed 中文 text '.repeat(6).trim()];

  it.each(awkward)('reads back exactly: %j', (text) => {
    const r = row({ customerName: text, person: text, note: text });
    const ics = scheduleToIcs([r], ctx('Asia/Shanghai', { calendarName: text, customers: new Map([['KH0001', { address: text }]]) }));
    physicalLines(ics);
    const { cal, events } = parse(ics);
    // ical.js reads X- properties raw; RFC 5545 gives them the TEXT type, so decode as TEXT.
    const calname = ICAL.design.icalendar.value.text.fromICAL!(cal.getFirstPropertyValue('x-wr-calname') as string);
    expect(calname).toBe(text);
    expect(events[0].summary).toBe(`拜访 ${text} (KH0001)`);
    expect(events[0].location).toBe(text);
    expect(events[0].description).toContain(`备注：${text}`);
    expect(events[0].attendees[0].getParameter('cn')).toBe(text);
  });

  it('folds every physical line to 75 octets, continuation lines starting with one space', () => {
    const ics = scheduleToIcs([row({ note: '很长的备注'.repeat(40) }), row({ note: 'x'.repeat(400) })], ctx('Europe/Berlin'));
    const lines = physicalLines(ics);
    expect(parse(ics).events.map((e) => e.description)).toEqual([expect.stringContaining(`备注：${'很长的备注'.repeat(40)}`), expect.stringContaining(`备注：${'x'.repeat(400)}`)]);
    const continued = lines.filter((l) => l.startsWith(' '));
    expect(continued.length).toBeGreaterThan(10);
    expect(lines.some((l) => Buffer.byteLength(l) === 75)).toBe(true); // folded as late as allowed
  });

  it('fold never splits a character and unfolds to the original line, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
      const wellFormed = s.replace(/[\ud800-\udfff]/g, 'x');
      const lines = fold(`DESCRIPTION:${wellFormed}`);
      lines.forEach((l, i) => {
        expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
        if (i > 0) expect(l.startsWith(' ')).toBe(true);
        expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l); // whole characters only
      });
      expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`DESCRIPTION:${wellFormed}`);
    }));
  });

  it('escapes TEXT so that ical.js reads any text back (line breaks as \\n, control characters as spaces)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
      const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:x', 'BEGIN:VEVENT', ...fold(`SUMMARY:${escapeText(s)}`), 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
      const summary = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!.getFirstPropertyValue('summary');
      const expected = s.replace(/\r\n|\r|\n/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
      expect(summary).toBe(expected);
    }));
  });

  it('escapes backslash, semicolon, comma and newline as RFC 5545 says', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });
});
