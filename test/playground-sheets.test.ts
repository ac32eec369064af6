/**
 * The playground behaves as Sheets where a first-time user would notice: an open range typed in
 * a formula stays open and takes the rows added later, and a spill blocked by a typed value comes
 * back when the value is removed.
 */
import { createPlayground, type Playground } from '../tools/start/playground';

let pg: Playground;
beforeAll(() => {
  pg = createPlayground({ locale: 'zh_CN', distDir: process.env.KEHU_DIST });
  pg.addSheet('试算');
});
afterAll(() => pg.close());

test('an open range (订单!C2:C) stays open in the formula and counts an order added below the last row', () => {
  pg.type('试算', 'A1', '=COUNT(订单!C2:C)');
  const before = pg.engine.getValue('试算', 'A1') as number;
  const orders = pg.engine.getSheetValues('订单').length;
  expect(before).toBe(orders - 1);
  pg.type('订单', `A${orders + 1}`, 'KH0001');
  pg.type('订单', `C${orders + 1}`, 500);
  expect(pg.engine.getValue('试算', 'A1')).toBe(before + 1);
  expect(pg.view('试算', 1).cells[0][0]?.f).toBe('=COUNT(订单!C2:C)');
  expect(pg.typedFormula('试算', 'A1')).toBe('=COUNT(订单!C2:C)');
});

test('a formula typed over the open one replaces it: the closed text is no longer widened', () => {
  pg.type('试算', 'A1', '=SUM(1,2)');
  expect(pg.typedFormula('试算', 'A1')).toBeUndefined();
  expect(pg.engine.getValue('试算', 'A1')).toBe(3);
});

test('a spill blocked by a typed value shows the error, and recovers when the value is cleared', () => {
  pg.type('试算', 'C1', '=ABCTIER(订单!C2:C20)');
  expect(pg.engine.getValue('试算', 'C5')).toMatch(/^[ABC]$/);
  pg.type('试算', 'C5', 'x');
  expect(pg.engine.getValue('试算', 'C1')).toMatchObject({ error: expect.any(String) });
  pg.type('试算', 'C5', null);
  expect(pg.engine.getValue('试算', 'C1')).toMatch(/^[ABC]$/);
  expect(pg.engine.getValue('试算', 'C5')).toMatch(/^[ABC]$/);
});
