/**
 * The calendar core as Apps Script will run it: bundled by esbuild the way tools/build.ts does,
 * it stays small (no iCalendar library inside: see contentLines.ts for the figures) and runs
 * in a context with nothing but ECMAScript's built-ins (no Node, no DOM, no module system).
 */
import { buildSync } from 'esbuild';
import ICAL from 'ical.js';
import path from 'node:path';
import vm from 'node:vm';

const root = path.resolve(__dirname, '../../..');

function bundle(minify: boolean): string {
  const out = buildSync({
    stdin: {
      contents: [
        "export { scheduleToIcs } from './src/core/calendar/ics';",
        "export { desiredEvent, eventIdFor, eventSignature } from './src/core/calendar/events';",
        "export { planSync, applyResult, recordPlanned, pruneRegistry, classifyCalendarError } from './src/core/calendar/sync';",
        "export { readRegistry, renderRegistry } from './src/core/calendar/registry';",
        "export { DayClock } from './src/core/dates';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true, format: 'iife', globalName: 'CAL', target: 'es2019', platform: 'neutral', charset: 'utf8', legalComments: 'none', minify, write: false,
  });
  return out.outputFiles[0].text;
}

describe('the calendar core in the bundle', () => {
  const plain = bundle(false);

  it('stays small: no iCalendar library is pulled in', () => {
    // All calendar modules with the core they use measured 31.3 KB (16.7 KB minified), 41 KB once
    // the vocabulary and text rules grew; ical.js alone is 239 KB.
    expect(Buffer.byteLength(plain)).toBeLessThan(50_000);
    expect(Buffer.byteLength(bundle(true))).toBeLessThan(25_000);
    expect(plain).not.toMatch(/ICALmodule|vcard|ComponentParser/i);
  });

  it('runs with nothing but ECMAScript built-ins and writes a file ical.js reads', () => {
    const context = vm.createContext({});
    vm.runInContext(plain, context);
    const ics = vm.runInContext(`
      (function () {
        var offsetAt = function () { return 480; };
        var clock = new CAL.DayClock(offsetAt);
        var row = { rowId: 'r1', day: 19793, slot: 540, customerId: 'KH0001', customerName: '华东机电', kind: 'visit', role: 'rep',
          person: '王伟', email: 'wang.wei@example.com', status: 'planned', note: '', eventId: '' };
        return CAL.scheduleToIcs([row], { now: 0, calendarName: '拜访计划', timeZone: 'Asia/Shanghai', clock: clock, offsetAt: offsetAt,
          visitMinutes: 60, callMinutes: 15, spreadsheetId: 's', spreadsheetUrl: 'https://x', lang: 'zh' });
      })()`, context) as string;
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe('拜访 华东机电 (KH0001)');
    expect(vevent.getFirstPropertyValue('dtstart')!.toString()).toBe('2024-03-11T09:00:00');
  });
});
