/**
 * The card in the playground (`npm start`): the page shows empty cells past the sheet's grid, as
 * Sheets does, and a click there on a customer's row is a selection the card opens on (it used
 * to fail with a message about writing a cell).
 */
import { createPlayground, type Playground } from '../tools/start/playground';

jest.setTimeout(120_000);

let pg: Playground;
/** The sample's customer sheet (客户 in a Chinese file, Customers in an English one). */
let customers = '';
beforeAll(() => {
  pg = createPlayground();
  customers = pg.tabs().map((t) => t.name).find((n) => n === '客户' || n === '客户') ?? '';
  expect(customers).not.toBe('');
});
afterAll(() => pg.close());

it('opens the card of the row from a cell to the right of the data, past the grid', () => {
  const view = pg.view(customers);
  const id = view.cells[4]?.[0]?.v ?? '';
  expect(id).not.toBe('');
  pg.select(customers, 'BZ5');
  const opened = pg.runScript('kehuOpenCard', JSON.stringify([{ mode: 'selection' }])) as { ok: boolean; value: { card: { id: string; row: number } | null } };
  expect(opened.ok).toBe(true);
  expect(opened.value.card?.row).toBe(5);
  expect(opened.value.card?.id).toBe(id);
});

it('the sidebar opened from the menu carries its first card in the page', () => {
  pg.select(customers, 'C7');
  const run = pg.runMenu('showCustomerCard');
  expect(run.ok).toBe(true);
  const sidebar = run.dialogs.find((d) => d.kind === 'sidebar');
  expect(sidebar).toBeDefined();
  const html = pg.dialog(sidebar!.id)!.html;
  const first = JSON.parse(/id="kehu-first-card">([^<]*)</.exec(html)![1]);
  expect(first.card.row).toBe(7);
});
