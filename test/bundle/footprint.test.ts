/**
 * Footprint (issue 11): the add-on's own sheets hold at most 1,000,000 cells (rows × columns as
 * Sheets counts them toward its 10,000,000) at 50,000 customers, after the first day and after
 * 30 days of the hourly trigger; each is trimmed to the rows and columns it uses; the log keeps
 * at most 20,000 lines. Thirty days at 50,000 customers take minutes of Node's time, so the
 * 30-day figure is projected from a 5,000-customer file's 30 days (tools/bench/hourly.ts
 * projectFootprint says how; `npx tsx tools/bench/sixMinutes.ts footprint 50000` measures it).
 */
import { footprintOf, LOG_ROW_LIMIT, OWN_CELL_BUDGET, projectFootprint, runDays, teamFileWithTrigger, type Footprint } from '../../tools/bench/hourly';

// About 15 s of CPU for the 50,000-customer day, 60 s for the 5,000-customer month.
jest.setTimeout(300_000);

const LARGE = 50_000;
const SMALL = 5_000;
const DAYS = 30;
const DASHBOARD = 'Kehu · 仪表盘';
const LOG = 'Kehu · 日志';

/**
 * What keeps a footprint from issue 11's goals, one line each (none: within them): an own sheet
 * larger than what it uses ("name rows × columns (uses rows × columns)"), a log past 20,000
 * lines, the own sheets past the million cells.
 */
function problems(f: Footprint): string[] {
  const out = f.own
    // The dashboard's charts stand right of its tables: its columns are its layout's (16 at most).
    .filter((s) => s.rows > Math.max(1, s.usedRows) || s.columns > (s.name === DASHBOARD ? 16 : Math.max(1, s.usedColumns)))
    .map((s) => `${s.name} ${s.rows} × ${s.columns} (uses ${s.usedRows} × ${s.usedColumns})`);
  const log = f.own.find((s) => s.name === LOG);
  if (log && log.usedRows > LOG_ROW_LIMIT + 1) out.push(`${LOG}: ${log.usedRows - 1} lines`);
  if (f.ownCells > OWN_CELL_BUDGET) out.push(`own sheets ${f.ownCells.toLocaleString('en')} cells, over ${OWN_CELL_BUDGET.toLocaleString('en')}`);
  return out;
}

describe("the add-on's own sheets at 50,000 customers", () => {
  let firstDay: Footprint;

  it('after the first day: at most a million cells, each sheet trimmed to what it uses, the log within 20,000 lines', () => {
    const b = teamFileWithTrigger(LARGE, { modeled: true });
    const [day] = runDays(b, 1);
    expect(day.done).toBe(true);
    firstDay = day.footprint;
    expect(firstDay.own.map((s) => s.name)).toEqual(expect.arrayContaining(['Kehu · 客户状态', '拜访计划', LOG]));
    expect(problems(firstDay)).toEqual([]);
  });

  it('after 30 days (5,000 customers measured, 50,000 projected): still within the million, trimmed, the log within 20,000 lines', () => {
    expect(firstDay).toBeDefined();
    const b = teamFileWithTrigger(SMALL, { modeled: true });
    const days = runDays(b, DAYS);
    expect(days).toHaveLength(DAYS);
    expect(days.filter((d) => d.killed || !d.done).map((d) => d.day)).toEqual([]);
    const last = days[DAYS - 1].footprint;
    const projected = projectFootprint(firstDay, days[0].footprint, last, LARGE / SMALL, DAYS, 300);
    const total = projected.reduce((n, s) => n + s.cells, 0);
    // On failure, every sheet with its projected size and how: which one outgrew the budget.
    const over = total > OWN_CELL_BUDGET ? [`projected at ${LARGE}: ${total.toLocaleString('en')} cells`, ...projected.map((s) => `${s.name} ${s.rows.toLocaleString('en')} × ${s.columns} = ${s.cells.toLocaleString('en')} (${s.how})`)] : [];
    expect([...problems(last), ...over]).toEqual([]);
  });
});
