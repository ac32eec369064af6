/**
 * CLVPARAMS and CLV typed into cells of the formula engine (HyperFormula) as a user types them,
 * over the CDNOW sample pasted into an Orders sheet, computed by the built bundle; CLV reading
 * its params from the cells CLVPARAMS spilled into, or from a table a team typed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createKehuSheets } from '../tools/sheets/kehuSheets';
import { REFERENCE_DATA } from './support/referenceData';

// As a user pastes it: ids and amounts as numbers (Sheets reads 00004 as 4), ISO dates as dates.
const rows = fs
  .readFileSync(path.join(REFERENCE_DATA, 'cdnow_sample_transactions.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => l.trim().split(/\s+/))
  .filter((r) => r[2] <= '19970930')
  .map(([id, , d, , usd]) => [id, `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, Number(usd)]);
const ORDERS = [['Customer', 'Date', 'Amount'], ...rows];
const CUSTOMERS = new Set(rows.map((r) => Number(r[0]))).size;
const RANGES = 'Orders!A2:A6000, Orders!B2:B6000, Orders!C2:C6000';

function workbook(locale = 'en_US') {
  return createKehuSheets({ sheets: { Orders: ORDERS, Report: [[]] }, locale, timeZone: 'Asia/Shanghai' });
}

describe('=CLVPARAMS and =CLV typed into a sheet', () => {
  const { engine } = workbook();
  engine.setCell('Report', 'A1', `=CLVPARAMS(${RANGES}, DATE(1997,9,30))`);

  it('spills the parameter table over blank rows past the data', () => {
    const table = engine.getRange('Report', 'A1:B14');
    expect(table.map((r) => r[0])).toEqual(['Parameter', 'Model', 'r', 'alpha', 'a', 'b', 'BG/NBD log-likelihood', 'p', 'q', 'v', 'Gamma-Gamma log-likelihood', 'Customers', 'Returning customers', null]);
    const value = (name: string) => table.find((r) => r[0] === name)![1] as number;
    expect(Math.abs(value('r') / 0.243 - 1)).toBeLessThan(0.01);
    expect(Math.abs(value('b') / 2.426 - 1)).toBeLessThan(0.01);
    expect(value('BG/NBD log-likelihood')).toBeCloseTo(-9582.4, 1);
    expect(Math.abs(value('v') / 15.44 - 1)).toBeLessThan(0.01);
    expect(value('Customers')).toBe(CUSTOMERS);
  });

  it('scores with the spilled params: one row per customer, the params\' own figures', () => {
    engine.setCell('Report', 'D1', `=CLV(${RANGES}, DATE(1997,9,30), 12, 0.01, A1:B13)`);
    const table = engine.getRange('Report', `D1:L${CUSTOMERS + 2}`);
    expect(table[0][0]).toBe('Customer');
    expect(table[CUSTOMERS + 1].every((v) => v === null)).toBe(true);
    const first = table[1];
    expect(first.slice(0, 3)).toEqual([4, 3, 2]);
    expect(first[4]).toBeCloseTo(272 / 7, 8); // the engine keeps about 10 digits, as Sheets shows
    // The same formula without params fits by itself, to the same figures.
    engine.setCell('Report', 'N1', `=CLV(${RANGES}, DATE(1997,9,30))`);
    expect(engine.getRange('Report', 'N2:V2')[0]).toEqual(first);
  });

  it('scores with a table a team typed (the paper\'s figures), matching SciPy for customer 00004', () => {
    const typed: [string, number][] = [['r', 0.243], ['alpha', 4.414], ['a', 0.793], ['b', 2.426], ['p', 6.25], ['q', 3.74], ['v', 15.44]];
    typed.forEach(([name, v], i) => {
      engine.setCell('Report', `X${i + 1}`, name);
      engine.setCell('Report', `Y${i + 1}`, v);
    });
    engine.setCell('Report', 'AA1', `=CLV(${RANGES}, DATE(1997,9,30), 12, 1%, X1:Y7)`);
    const row = engine.getRange('Report', 'AA2:AI2')[0];
    // SciPy 1.17 in lifetimes' formulas (see test/bundle/clv.test.ts)
    expect(Math.abs((row[5] as number) / 0.7265897218354948 - 1)).toBeLessThan(1e-9);
    expect(Math.abs((row[6] as number) / 1.5632080807371396 - 1)).toBeLessThan(1e-9);
    expect(Math.abs((row[8] as number) / 36.307745312354164 - 1)).toBeLessThan(1e-9);
  });
});

describe('=CLVPARAMS and =CLV with a model typed in', () => {
  const { engine } = workbook();
  engine.setCell('Report', 'A1', `=CLVPARAMS(${RANGES}, DATE(1997,9,30), "paretonbd")`);

  it('fits Pareto/NBD and scores with its table: a one-time buyer of 37 weeks ago below 1 (BG/NBD: 1)', () => {
    const table = engine.getRange('Report', 'A1:B13');
    expect(table.slice(0, 7).map((r) => r[0])).toEqual(['Parameter', 'Model', 'r', 'alpha', 's', 'beta', 'Pareto/NBD log-likelihood']);
    expect(table[1][1]).toBe('paretonbd');
    engine.setCell('Report', 'D1', `=CLV(${RANGES}, DATE(1997,9,30), 12, 0.01, A1:B13)`);
    const scored = engine.getRange('Report', `D1:L${CUSTOMERS + 1}`);
    const customer03287 = scored.find((r) => r[0] === 3287)!;
    expect(customer03287[2]).toBe(0);
    expect(customer03287[5] as number).toBeLessThan(0.6);
    // The same with the model named, and refused when it names another.
    engine.setCell('Report', 'N1', `=CLV(${RANGES}, DATE(1997,9,30), 12, 0.01, A1:B13, "Pareto/NBD")`);
    expect(engine.getValue('Report', 'N1')).toBe('Customer');
    engine.setCell('Report', 'N1', `=CLV(${RANGES}, DATE(1997,9,30), 12, 0.01, A1:B13, "mbgnbd")`);
    expect(engine.getValue('Report', 'N1')).toEqual({ error: '#ERROR!', message: expect.stringContaining('CLV: params were fitted with Pareto/NBD but model asks for MBG/NBD.') });
  });

  it('runs the README\'s MBG/NBD example: the model as the eighth argument, the others left empty', () => {
    engine.setCell('Report', 'X1', `=CLV(${RANGES}, , , , , "mbgnbd")`);
    const scored = engine.getRange('Report', `X1:AF${CUSTOMERS + 1}`);
    expect(scored[0][0]).toBe('Customer');
    const oneTime = scored.slice(1).filter((r) => r[2] === 0).map((r) => r[5] as number);
    expect(oneTime.length).toBeGreaterThan(1000);
    expect(Math.max(...oneTime)).toBeLessThan(1);
  });
});

describe('errors show as #ERROR! with the message', () => {
  it('names the sheet row of a bad amount typed into the order log', () => {
    const { engine } = workbook();
    engine.setCell('Report', 'A1', `=CLVPARAMS(${RANGES})`);
    expect(engine.getValue('Report', 'A1')).toBe('Parameter');
    engine.setCell('Orders', 'C7', '¥1,200');
    expect(engine.getValue('Report', 'A1')).toEqual({ error: '#ERROR!', message: "CLVPARAMS: amounts row 7 is the text '¥1,200', not a number." });
  });

  it('speaks Chinese in a zh spreadsheet', () => {
    const { engine } = workbook('zh_CN');
    engine.setCell('Report', 'A1', `=CLV(${RANGES}, , 0)`);
    expect(engine.getValue('Report', 'A1')).toEqual({ error: '#ERROR!', message: 'CLV：months 必须是 1 到 120 的整数，现在是数字 0。' });
  });
});
