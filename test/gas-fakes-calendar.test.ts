/** The Advanced Calendar service fake: ids, 409s, cancellation, patch semantics, notifications, quotas. */
import { createGasFakes, ManualClock, type EventResource } from '../tools/gas/fakes';

type Events = {
  insert(resource: object, calendarId: string, args?: object): EventResource;
  get(calendarId: string, eventId: string): EventResource;
  patch(resource: object, calendarId: string, eventId: string, args?: object): EventResource;
  update(resource: object, calendarId: string, eventId: string, args?: object): EventResource;
  remove(calendarId: string, eventId: string, args?: object): void;
  list(calendarId: string, args?: object): { items: EventResource[]; nextPageToken?: string };
};

function fakes(options: Parameters<typeof createGasFakes>[0] = {}) {
  const clock = new ManualClock('2026-03-02T01:00:00Z');
  const f = createGasFakes({ clock, ...options });
  const Events = (f.globals.Calendar as { Events: Events }).Events;
  return { ...f, clock, Events };
}

const visit = (id: string, day = '2026-03-03', guests = ['rep@example.com']) => ({
  id,
  summary: 'Visit C01',
  start: { dateTime: `${day}T09:00:00`, timeZone: 'Asia/Shanghai' },
  end: { dateTime: `${day}T10:00:00`, timeZone: 'Asia/Shanghai' },
  attendees: guests.map((email) => ({ email })),
  extendedProperties: { private: { kehuRow: 'r1' } },
});

/** What Apps Script throws, by message and name. */
function thrown(fn: () => unknown): { name: string; message: string; details?: { code: number } } {
  try {
    fn();
  } catch (e) {
    return e as { name: string; message: string; details?: { code: number } };
  }
  throw new Error('expected a throw');
}

describe('Calendar.Events', () => {
  it('inserts with a client id, answers 409 for it again, even once cancelled', () => {
    const f = fakes();
    const e = f.Events.insert(visit('kehu0123456789abcdefuv'), 'primary', { sendUpdates: 'all' });
    expect(e).toMatchObject({ id: 'kehu0123456789abcdefuv', status: 'confirmed', sequence: 0, summary: 'Visit C01', organizer: { email: 'owner@example.com', self: true } });
    expect(e.attendees).toEqual([{ email: 'rep@example.com', responseStatus: 'needsAction' }]);
    const again = thrown(() => f.Events.insert(visit('kehu0123456789abcdefuv'), 'primary'));
    expect(again.name).toBe('GoogleJsonResponseException');
    expect(again.message).toBe('API call to calendar.events.insert failed with error: The requested identifier already exists.');
    expect(again.details?.code).toBe(409);
    f.Events.remove('primary', e.id, { sendUpdates: 'all' });
    expect(f.Events.get('primary', e.id).status).toBe('cancelled'); // get still returns it
    expect(() => f.Events.insert(visit('kehu0123456789abcdefuv'), 'primary')).toThrow('The requested identifier already exists.');
    expect(() => f.Events.remove('primary', e.id)).toThrow('API call to calendar.events.remove failed with error: Resource has been deleted');
  });

  it('refuses ids that are not base32hex of 5 to 1024 characters', () => {
    const f = fakes();
    for (const id of ['kehu', 'KEHU01234', 'kehuw1234', 'a'.repeat(1025), 'kehu-0001']) {
      expect(() => f.Events.insert(visit(id), 'primary')).toThrow('API call to calendar.events.insert failed with error: Invalid resource id value.');
    }
    expect(f.Events.insert(visit('0a9v5'), 'primary').id).toBe('0a9v5');
    expect(f.Events.insert({ ...visit('x'), id: undefined }, 'primary').id).toMatch(/^[a-v0-9]{5,}$/);
  });

  it('answers Not Found for unknown events and calendars', () => {
    const f = fakes();
    expect(() => f.Events.get('primary', 'nosuchevent')).toThrow('API call to calendar.events.get failed with error: Not Found');
    expect(() => f.Events.patch({}, 'primary', 'nosuchevent')).toThrow('API call to calendar.events.patch failed with error: Not Found');
    expect(() => f.Events.insert(visit('abcde'), 'team@group.calendar.google.com')).toThrow('Not Found');
    f.calendar.addCalendar('team@group.calendar.google.com');
    expect(() => f.Events.insert(visit('abcde'), 'team@group.calendar.google.com')).not.toThrow();
    f.Events.insert(visit('fghij'), 'primary');
    expect(f.Events.get('Owner@Example.com', 'fghij').id).toBe('fghij'); // the user's e-mail names their primary calendar
  });

  it('checks times, time zones and guests', () => {
    const f = fakes();
    const bad = (change: object) => () => f.Events.insert({ ...visit('abcdef'), ...change }, 'primary');
    expect(bad({ end: undefined })).toThrow('Missing end time.');
    expect(bad({ start: { dateTime: '2026-03-03T09:00:00' } })).toThrow('Missing time zone definition for start time.');
    expect(bad({ end: { dateTime: '2026-03-03T08:00:00+08:00' } })).toThrow('The specified time range is empty.');
    expect(bad({ attendees: [{ email: 'not an address' }] })).toThrow('Invalid attendee email.');
    expect(f.calendar.events()).toEqual([]);
  });

  it('patches: objects merge, arrays replace, null deletes, the sequence grows', () => {
    const f = fakes();
    f.Events.insert({ ...visit('abcdef'), description: 'note', location: 'Shop' }, 'primary');
    f.clock.advanceMinutes(5);
    const p = f.Events.patch(
      { start: { dateTime: '2026-03-04T09:00:00' }, end: { dateTime: '2026-03-04T10:00:00' }, extendedProperties: { private: { moved: '1' } }, location: null },
      'primary',
      'abcdef',
    );
    expect(p.start).toEqual({ dateTime: '2026-03-04T09:00:00', timeZone: 'Asia/Shanghai' });
    expect(p.extendedProperties).toEqual({ private: { kehuRow: 'r1', moved: '1' } });
    expect(p.location).toBeUndefined();
    expect(p.description).toBe('note');
    expect(p.sequence).toBe(1);
    expect(p.updated).toBe('2026-03-02T01:05:00.000Z');
    const u = f.Events.update({ summary: 'Call C01', start: p.start, end: p.end }, 'primary', 'abcdef');
    expect(u).toMatchObject({ id: 'abcdef', summary: 'Call C01', sequence: 2 });
    expect(u.description).toBeUndefined(); // update replaces the whole event
    expect(u.created).toBe('2026-03-02T01:00:00.000Z');
  });

  it('records the mails a calendar sends with sendUpdates all, and none without', () => {
    const f = fakes();
    f.Events.insert(visit('quiet1'), 'primary');
    f.Events.insert(visit('loud01', '2026-03-03', ['rep@example.com', 'owner@example.com']), 'primary', { sendUpdates: 'all' });
    f.Events.patch({ summary: 'Visit C01 (moved)', attendees: [{ email: 'rep@example.com' }, { email: 'manager@example.com' }] }, 'primary', 'loud01', { sendUpdates: 'all' });
    f.Events.patch({ attendees: [{ email: 'manager@example.com' }] }, 'primary', 'loud01', { sendUpdates: 'all' });
    f.Events.remove('primary', 'loud01', { sendUpdates: 'all' });
    f.Events.remove('primary', 'quiet1', { sendUpdates: 'none' });
    const mails = f.calendar.notifications().map(({ type, to, eventId }) => [type, to, eventId]);
    expect(mails).toEqual([
      ['invite', 'rep@example.com', 'loud01'], // the organizer gets no mail about their own event
      ['invite', 'manager@example.com', 'loud01'],
      ['update', 'rep@example.com', 'loud01'],
      ['cancel', 'rep@example.com', 'loud01'],
      ['cancel', 'manager@example.com', 'loud01'],
    ]);
    expect(f.calendar.notifications('manager@example.com')).toHaveLength(2);
    // Patching a cancelled event back to confirmed invites its guests again.
    f.Events.patch({ status: 'confirmed' }, 'primary', 'loud01', { sendUpdates: 'all' });
    expect(f.calendar.notifications().at(-1)).toMatchObject({ type: 'invite', to: 'manager@example.com', summary: 'Visit C01 (moved)' });
  });

  it('lists by time window and private property, hides cancelled events unless asked, and pages', () => {
    const f = fakes();
    for (let d = 3; d <= 7; d++) f.Events.insert(visit(`visit${d}`, `2026-03-0${d}`), 'primary');
    f.Events.patch({ extendedProperties: { private: { kehuRow: 'r2' } } }, 'primary', 'visit5');
    f.Events.remove('primary', 'visit6');
    const ids = (args: object) => f.Events.list('primary', args).items.map((e) => e.id);
    expect(ids({})).toEqual(['visit3', 'visit4', 'visit5', 'visit7']);
    expect(ids({ showDeleted: true })).toContain('visit6');
    // An event is in the window when it ends after timeMin and starts before timeMax (both exclusive).
    expect(ids({ timeMin: '2026-03-04T01:30:00Z', timeMax: '2026-03-06T00:00:00+08:00' })).toEqual(['visit4', 'visit5']);
    expect(ids({ timeMin: '2026-03-04T02:00:00Z', timeMax: '2026-03-06T00:00:00+08:00' })).toEqual(['visit5']);
    expect(ids({ privateExtendedProperty: 'kehuRow=r2' })).toEqual(['visit5']);
    expect(ids({ privateExtendedProperty: ['kehuRow=r1', 'other=x'] })).toEqual([]);
    const page1 = f.Events.list('primary', { maxResults: 3 });
    expect(page1.items).toHaveLength(3);
    const page2 = f.Events.list('primary', { maxResults: 3, pageToken: page1.nextPageToken });
    expect(page2.items.map((e) => e.id)).toEqual(['visit7']);
    expect(page2.nextPageToken).toBeUndefined();
    expect(() => f.Events.list('primary', { timeMin: '2026-03-04' })).toThrow('failed with error: Bad Request');
  });

  it('stops creating at the daily quota with Apps Script words, and counts every call', () => {
    const f = fakes({ calendarDailyLimit: 2 });
    f.Events.insert(visit('aaaaa'), 'primary');
    f.Events.insert(visit('bbbbb'), 'primary');
    const e = thrown(() => f.Events.insert(visit('ccccc'), 'primary'));
    expect(e.message).toBe('API call to calendar.events.insert failed with error: Calendar usage limits exceeded.');
    expect(e.details?.code).toBe(403);
    expect(() => f.Events.patch({ summary: 'x' }, 'primary', 'aaaaa')).not.toThrow(); // changes are not creations
    expect(f.calendar.created()).toBe(2);
    f.clock.advanceHours(24);
    expect(() => f.Events.insert(visit('ccccc'), 'primary')).not.toThrow();
    expect(f.calls.get('Calendar.Events.insert')).toBe(4);
    expect(f.calls.get('Calendar.Events.patch')).toBe(1);
  });

  it('can refuse bursts, which a pause on the fake clock gets past', () => {
    const f = fakes();
    const Utilities = f.globals.Utilities as { sleep(ms: number): void };
    f.calendar.setBurstLimit({ calls: 2, perMs: 1000 });
    f.Events.insert(visit('aaaaa'), 'primary');
    f.Events.get('primary', 'aaaaa');
    expect(() => f.Events.get('primary', 'aaaaa')).toThrow('Service invoked too many times in a short time: calendar. Try Utilities.sleep(1000) between calls.');
    Utilities.sleep(1000);
    expect(f.Events.get('primary', 'aaaaa').id).toBe('aaaaa');
  });

  it('is unavailable outside FULL authorization', () => {
    const f = fakes();
    f.beginExecution({ authMode: 'LIMITED' });
    expect(() => f.Events.list('primary')).toThrow('You do not have permission to call Calendar.Events.list.');
  });

  it('lets a test play a person cancelling an event in Google Calendar', () => {
    const f = fakes();
    f.Events.insert(visit('aaaaa'), 'primary');
    f.calendar.cancelAsUser('aaaaa');
    expect(f.calendar.event('aaaaa')?.status).toBe('cancelled');
  });
});
