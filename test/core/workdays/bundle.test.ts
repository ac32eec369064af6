/**
 * The module as Apps Script gets it: bundled by esbuild the way tools/build.ts bundles src/main.ts
 * (IIFE, platform neutral, es2019), run in a bare V8 context. The bundle must need no Node API
 * and no require at run time, and its answers must not depend on the machine's time zone (the
 * package's own functions shift dates by a day west of UTC; the data read as day numbers does not).
 */
import { build } from 'esbuild';
import path from 'node:path';
import { daysFromCivil } from '../../../src/core/dates';
import { runInZone } from './inZone';

let code = '';
beforeAll(async () => {
  const out = await build({
    entryPoints: [path.resolve(__dirname, '../../../src/core/workdays/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'W',
    target: 'es2019',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
  });
  code = out.outputFiles[0].text;
});

/** What the bundle answers in a fresh Node process whose machine time zone is `tz`. */
function answers(tz: string) {
  const script = `const vm = require('node:vm');
    const context = vm.createContext({});
    vm.runInContext(${JSON.stringify(code)} + ${JSON.stringify(`
      var from = ${daysFromCivil(2025, 9, 1)}, to = ${daysFromCivil(2026, 12, 31)};
      var cal = W.createWorkCalendar({ workWeekdays: [1,2,3,4,5], publicDays: W.chinaPublicDaysBetween(from, to), publicYears: W.chinaYears(), teamRows: [], from: from, to: to });
      var result = {
        offset: new Date(2025, 0, 1).getTimezoneOffset(),
        oct1: cal.isWorkingDay(${daysFromCivil(2025, 10, 1)}), sep28: cal.isWorkingDay(${daysFromCivil(2025, 9, 28)}),
        midAutumn2026: W.nextLunarBirthday(${daysFromCivil(2026, 1, 1)}, W.parseLunarBirthday('农历八月十五').birthday),
        care: W.festivalCare(2026, cal).map(function (f) { return f.careDay; }),
      };`)}, context);
    console.log(JSON.stringify(context.result));`;
  const { offset, ...rest } = runInZone<{ offset: number } & Record<string, unknown>>(tz, script);
  return { offset, rest };
}

test('bundles without require or Node APIs, and answers the same in any machine time zone', () => {
  expect(code).not.toMatch(/\brequire\(/);
  expect(code).not.toMatch(/\bprocess\.|\bBuffer\b|__dirname/);
  const { offset, rest: utc } = answers('UTC');
  expect(offset).toBe(0);
  expect(utc).toEqual({
    oct1: false,
    sep28: true,
    midAutumn2026: daysFromCivil(2026, 9, 25),
    care: [daysFromCivil(2026, 2, 14), daysFromCivil(2026, 9, 24)],
  });
  // The zone really is in force in each run (minutes west of UTC on 1 January 2025).
  expect(answers('America/New_York')).toEqual({ offset: 300, rest: utc });
  expect(answers('Asia/Shanghai')).toEqual({ offset: -480, rest: utc });
});
