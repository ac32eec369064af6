/**
 * Calendar events of schedule rows: ids, which rows get an event, what it says, its times in
 * the spreadsheet's zone (checked against Intl through tools/gas/zone, not against the code's
 * own arithmetic), and the signature used for change detection.
 */
import fc from 'fast-check';
import { desiredEvent, eventIdFor, eventSignature, inviteAddresses, isEventId, notifiedChange, type EventContext, type EventResource } from '../../../src/core/calendar/events';
import { DayClock, daysFromCivil } from '../../../src/core/dates';
import type { ScheduleRow } from '../../../src/core/model';
import { offsetMinutes, wallTime, zonedInstant, zoneOffsetMs } from '../../../tools/gas/zone';

function zone(tz: string): { clock: DayClock; offsetAt: (ms: number) => number; calls: () => number } {
  let n = 0;
  const offsetAt = (ms: number): number => {
    n++;
    return offsetMinutes(zoneOffsetMs(tz, ms));
  };
  return { clock: new DayClock(offsetAt), offsetAt, calls: () => n };
}

const D = (y: number, m: number, d: number): number => daysFromCivil(y, m, d);

function row(over: Partial<ScheduleRow> = {}): ScheduleRow {
  return {
    rowId: 'row-1', day: D(2024, 3, 11), slot: 9 * 60, customerId: 'KH0001', customerName: '华东机电有限公司',
    kind: 'visit', role: 'rep', person: '王伟', email: 'wang.wei@example.com', status: 'planned', note: '', eventId: '',
    ...over,
  };
}

function ctx(tz = 'Asia/Shanghai', over: Partial<EventContext> = {}): EventContext {
  const z = zone(tz);
  return {
    today: D(2024, 3, 1), timeZone: tz, clock: z.clock, offsetAt: z.offsetAt, visitMinutes: 60, callMinutes: 15,
    spreadsheetId: 'sheet-abc', spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/sheet-abc/edit', lang: 'zh',
    customers: new Map([['KH0001', { address: '上海市浦东新区世纪大道 100 号', phone: '021-5555 0101', contact: '李娜', tier: 'A', flags: '资料缺失：邮箱' }]]),
    ...over,
  };
}

function event(r: ScheduleRow, c: EventContext): EventResource {
  const e = desiredEvent(r, c);
  if (typeof e === 'string') throw new Error(`expected an event, got ${e}`);
  return e;
}

describe('eventIdFor', () => {
  it('is kehu + 26 base32hex characters, valid for Calendar, the same on every call', () => {
    const id = eventIdFor('sheet-abc', 'row-1');
    expect(id).toMatch(/^kehu[0-9a-v]{26}$/);
    expect(isEventId(id)).toBe(true);
    expect(eventIdFor('sheet-abc', 'row-1')).toBe(id);
  });

  it('differs between rows and between files, and does not confuse where one part ends', () => {
    const ids = new Set([
      eventIdFor('sheet-abc', 'row-1'), eventIdFor('sheet-abc', 'row-2'), eventIdFor('sheet-xyz', 'row-1'),
      eventIdFor('ab', 'c'), eventIdFor('a', 'bc'),
    ]);
    expect(ids.size).toBe(5);
  });

  it('is a valid Calendar id for any file and row text', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (file, rowId) => {
      const id = eventIdFor(file, rowId);
      expect(id).toHaveLength(30);
      expect(isEventId(id)).toBe(true);
    }));
  });

  it('isEventId refuses what Calendar refuses', () => {
    expect(isEventId('kehu')).toBe(false); // 4 characters
    expect(isEventId('kehuw0000')).toBe(false); // w is outside a-v
    expect(isEventId('KEHU00000')).toBe(false); // upper case
    expect(isEventId('a'.repeat(1025))).toBe(false);
    expect(isEventId('a'.repeat(1024))).toBe(true);
  });
});

describe('inviteAddresses', () => {
  it('reads one address, several separated addresses, and blank as none', () => {
    expect(inviteAddresses('wang.wei@example.com')).toEqual(['wang.wei@example.com']);
    expect(inviteAddresses(' a@x.cn，b@y.com; a@X.cn 、c@z.org ')).toEqual(['a@x.cn', 'b@y.com', 'c@z.org']);
    expect(inviteAddresses('  ')).toEqual([]);
  });

  it('gives null when any part is not an address, so no guest is guessed', () => {
    for (const bad of ['王伟', 'wang.wei@', '@example.com', 'wang@example', 'a@x.com, 王伟', 'a"b@x.com', 'wang wei@example.com']) {
      expect(inviteAddresses(bad)).toBeNull();
    }
  });
});

describe('desiredEvent: which rows get an event', () => {
  const c = ctx();
  const today = c.today;
  const cases: [string, Partial<ScheduleRow>, 'event' | 'cancel' | 'leave'][] = [
    ['planned, future, e-mail', {}, 'event'],
    ['planned, today', { day: today }, 'event'],
    ['moved, future', { status: 'moved' }, 'event'],
    ['planned, yesterday', { day: today - 1 }, 'leave'],
    ['cancelled, yesterday', { status: 'cancelled', day: today - 1 }, 'leave'],
    ['done, future', { status: 'done' }, 'leave'],
    ['done, undated', { status: 'done', day: null, slot: null }, 'leave'],
    ['cancelled, future', { status: 'cancelled' }, 'cancel'],
    ['unscheduled, undated', { status: 'unscheduled', day: null, slot: null }, 'cancel'],
    ['planned, date cleared', { day: null }, 'cancel'],
    ['planned, e-mail removed', { email: '' }, 'cancel'],
    ['planned, e-mail not an address', { email: '王伟' }, 'cancel'],
  ];
  it.each(cases)('%s → %s', (_name, over, expected) => {
    const e = desiredEvent(row(over), c);
    expect(typeof e === 'string' ? e : 'event').toBe(expected);
  });
});

describe('desiredEvent: what the event says', () => {
  it('has the title, guest, place, description with the customer and a link, and the row and file', () => {
    const c = ctx();
    const e = event(row({ note: '带样品' }), c);
    expect(e.id).toBe(eventIdFor('sheet-abc', 'row-1'));
    expect(e.summary).toBe('拜访 华东机电有限公司 (KH0001)');
    expect(e.location).toBe('上海市浦东新区世纪大道 100 号');
    expect(e.attendees).toEqual([{ email: 'wang.wei@example.com', displayName: '王伟' }]);
    expect(e.status).toBe('confirmed');
    expect(e.extendedProperties.private).toEqual({ kehuRow: 'row-1', kehuFile: 'sheet-abc' });
    expect(e.description.split('\n')).toEqual([
      '客户：华东机电有限公司 (KH0001)',
      '地址：上海市浦东新区世纪大道 100 号',
      '电话：021-5555 0101',
      '联系人：李娜',
      '等级：A',
      '提醒：资料缺失：邮箱',
      '备注：带样品',
      '客户表：https://docs.google.com/spreadsheets/d/sheet-abc/edit',
    ]);
  });

  it('speaks English in an English file, and leaves out details it does not have', () => {
    const c = ctx('Asia/Shanghai', { lang: 'en', customers: new Map() });
    const e = event(row({ kind: 'call', customerName: 'Acme Tools', person: '' }), c);
    expect(e.summary).toBe('Call Acme Tools (KH0001)');
    expect(e.description).toBe('Customer: Acme Tools (KH0001)\nSpreadsheet: https://docs.google.com/spreadsheets/d/sheet-abc/edit');
    expect(e.location).toBe(''); // present and empty, so a patch clears an old address
    expect(e.attendees).toEqual([{ email: 'wang.wei@example.com' }]);
  });

  it('invites every address of a cell that holds several, without a shared display name', () => {
    const e = event(row({ email: 'a@x.cn, b@y.com' }), ctx());
    expect(e.attendees).toEqual([{ email: 'a@x.cn' }, { email: 'b@y.com' }]);
  });

  it('makes an all-day event for a dated row without a time slot', () => {
    const e = event(row({ slot: null }), ctx());
    expect(e.start).toEqual({ date: '2024-03-11' });
    expect(e.end).toEqual({ date: '2024-03-12' });
  });

  it('refuses a duration that is not a positive number of minutes (a caller bug, not user input)', () => {
    expect(() => desiredEvent(row(), ctx('Asia/Shanghai', { visitMinutes: 0 }))).toThrow(/visit duration must be a positive number/);
  });
});

describe('desiredEvent: times in the spreadsheet zone', () => {
  /** [zone, y, m, d, hh, mm, expected offset text] */
  const cases: [string, number, number, number, number, number, string][] = [
    ['Asia/Shanghai', 2024, 3, 11, 9, 0, '+08:00'],
    ['Asia/Shanghai', 2024, 11, 4, 16, 30, '+08:00'],
    ['America/New_York', 2024, 3, 8, 9, 0, '-05:00'],
    ['America/New_York', 2024, 3, 10, 9, 0, '-04:00'], // the change day: 09:00, not 10:00
    ['America/New_York', 2024, 3, 11, 9, 0, '-04:00'],
    ['America/New_York', 2024, 11, 3, 9, 0, '-05:00'],
    ['America/New_York', 2024, 11, 3, 1, 30, '-04:00'], // happens twice: the first one
    ['America/New_York', 2024, 11, 4, 13, 30, '-05:00'],
    ['Europe/Berlin', 2024, 3, 29, 10, 30, '+01:00'],
    ['Europe/Berlin', 2024, 3, 31, 9, 0, '+02:00'],
    ['Europe/Berlin', 2024, 10, 27, 9, 0, '+01:00'],
    ['Europe/Berlin', 2024, 10, 27, 2, 30, '+02:00'], // happens twice: the first one
  ];
  it.each(cases)('%s %i-%i-%i %i:%i', (tz, y, m, d, hh, mm, offset) => {
    const c = ctx(tz, { today: D(2024, 1, 1) });
    const e = event(row({ day: D(y, m, d), slot: hh * 60 + mm }), c);
    if (!('dateTime' in e.start) || !('dateTime' in e.end)) throw new Error('expected a timed event');
    const p = (n: number): string => String(n).padStart(2, '0');
    expect(e.start.dateTime).toBe(`${y}-${p(m)}-${p(d)}T${p(hh)}:${p(mm)}:00${offset}`);
    expect(e.start.timeZone).toBe(tz);
    expect(Date.parse(e.start.dateTime)).toBe(zonedInstant(tz, y, m, d, hh, mm));
    expect(Date.parse(e.end.dateTime) - Date.parse(e.start.dateTime)).toBe(60 * 60_000);
  });

  it('moves a time the clocks skip forward by the gap (02:30 on the spring-forward day is 03:30)', () => {
    const c = ctx('America/New_York', { today: D(2024, 1, 1) });
    const e = event(row({ day: D(2024, 3, 10), slot: 2 * 60 + 30 }), c);
    expect(e.start).toEqual({ dateTime: '2024-03-10T03:30:00-04:00', timeZone: 'America/New_York' });
    expect(Date.parse((e.start as { dateTime: string }).dateTime)).toBe(zonedInstant('America/New_York', 2024, 3, 10, 2, 30));
  });

  it('gives an end whose offset is its own when a call crosses the change', () => {
    const c = ctx('America/New_York', { today: D(2024, 1, 1), callMinutes: 45 });
    const e = event(row({ kind: 'call', day: D(2024, 11, 3), slot: 60 + 30 }), c); // 01:30 EDT + 45 min
    expect(e.start).toEqual({ dateTime: '2024-11-03T01:30:00-04:00', timeZone: 'America/New_York' });
    expect(e.end).toEqual({ dateTime: '2024-11-03T01:15:00-05:00', timeZone: 'America/New_York' });
  });

  it('agrees with Intl for every slot of every day of 2024 in New York', () => {
    const c = ctx('America/New_York', { today: D(2024, 1, 1) });
    for (let day = D(2024, 1, 1); day <= D(2024, 12, 31); day++) {
      for (const slot of [0, 90, 150, 9 * 60, 23 * 60 + 45]) {
        const e = event(row({ day, slot }), c);
        const ms = Date.parse((e.start as { dateTime: string }).dateTime);
        const w = wallTime('America/New_York', ms);
        const expected = zonedInstant('America/New_York', w.year, w.month, w.day, w.hour, w.minute);
        expect(ms).toBe(expected);
        // The wall clock is the slot's, except inside the skipped hour.
        if (!(day === D(2024, 3, 10) && slot === 150)) expect(w.hour * 60 + w.minute).toBe(slot);
      }
    }
  });

  it('asks the zone for offsets sparingly: four weeks of slots cost few OffsetAt calls', () => {
    const z = zone('America/New_York');
    const c = ctx('America/New_York', { today: D(2024, 3, 1), clock: z.clock, offsetAt: z.offsetAt });
    for (let day = D(2024, 3, 1); day < D(2024, 3, 29); day++) {
      for (const slot of [540, 630, 810, 870, 930, 990]) desiredEvent(row({ day, slot }), c);
    }
    // The DayClock learns two offsets per UTC day; only the change day asks more.
    expect(z.calls()).toBeLessThanOrEqual(2 * 30 + 30);
  });
});

describe('eventSignature', () => {
  const c = ctx();
  const base = event(row(), c);

  it('is the same for the same event, and for that event as Events.get answers it', () => {
    expect(eventSignature(event(row(), ctx()))).toBe(eventSignature(base));
    const got = {
      ...base,
      kind: 'calendar#event', etag: '"3"', htmlLink: 'https://calendar.google.com/x', created: '2024-03-01T00:00:00Z',
      start: { dateTime: '2024-03-11T01:00:00Z', timeZone: 'Asia/Shanghai' }, // the same instant written in UTC
      attendees: [{ email: 'Wang.Wei@example.com', responseStatus: 'needsAction', displayName: '王伟' }],
    };
    expect(eventSignature(got)).toBe(eventSignature(base));
  });

  it('changes with start, end, guests, title, place and status, and tells those apart from the description', () => {
    const sig = eventSignature(base);
    const changes: Partial<EventResource>[] = [
      { start: { dateTime: '2024-03-11T10:00:00+08:00', timeZone: 'Asia/Shanghai' } },
      { end: { dateTime: '2024-03-11T10:30:00+08:00', timeZone: 'Asia/Shanghai' } },
      { attendees: [{ email: 'li.na@example.com' }] },
      { summary: 'x' },
      { location: 'y' },
      { status: 'cancelled' as 'confirmed' },
    ];
    for (const ch of changes) {
      const other = eventSignature({ ...base, ...ch });
      expect(other).not.toBe(sig);
      expect(notifiedChange(sig, other)).toBe(true);
    }
    const described = eventSignature({ ...base, description: `${base.description}\n提醒：逾期` });
    expect(described).not.toBe(sig);
    expect(notifiedChange(sig, described)).toBe(false);
  });

  it('does not depend on the order of guests or on fields it does not watch', () => {
    const a = eventSignature({ ...base, attendees: [{ email: 'a@x.cn' }, { email: 'b@y.com' }] });
    const other: EventResource = { ...base, attendees: [{ email: 'b@y.com' }, { email: 'a@x.cn' }], reminders: { useDefault: false } };
    const b = eventSignature(other);
    expect(a).toBe(b);
  });
});
