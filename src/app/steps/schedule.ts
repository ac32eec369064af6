/**
 * "Build the visit schedule": plan the horizon from the tiers, the policy, the team and the
 * contacts, keeping every row a person changed or added, and rewrite the schedule sheet in one
 * write. The sheet is read again just before writing; if a person changed it meanwhile, the plan
 * is made again from what is there now, so an edit made during the run is never written over.
 */
import type { CellValue } from '../../core/cells';
import { formatDay } from '../../core/dates';
import { planSchedule, type PlanResult } from '../../core/schedule/plan';
import { summaryLine } from '../../core/schedule/summary';
import { horizonEnd, scheduleInputs } from '../reads/scheduleInputs';
import { writeUnplaced } from '../sheets/unplaced';
import { logLines } from '../sheets/log';
import { readScheduleSheet, renderScheduleSheet } from '../../core/schedule/rows';
import { SCHEDULE_COLUMNS, type PlannedRow, type ScheduleSheet } from '../../core/schedule/types';
import { findLayout } from '../../core/schedule/headers';
import { describeScheduleProblem } from '../../core/schedule/words';
import { writeDocumentJson } from '../../adapters/properties';
import { eventIdFor } from '../../core/calendar/events';
import { readRegistry } from '../../core/calendar/registry';
import { keepCardVisits } from '../card/afterSchedule';
import { classified } from '../reads/classified';
import type { RunContext } from '../run/frame';
import { newSheetName, ownSheetNames, trimOwnSheet } from '../sheets/ownSheets';
import { readSchedule, SCHEDULE_INDEX_KEY, type ScheduleIndex } from '../reads/scheduleRead';
import { appText } from '../run/texts';
import { UserError } from '../run/userError';


/** Two reads of the sheet agree when every row has the same cells (a person changed nothing in between). */
function sameRows(a: ScheduleSheet, b: ScheduleSheet): boolean {
  if (a.rows.length !== b.rows.length) return false;
  for (let i = 0; i < a.rows.length; i++) {
    const x = a.rows[i].cells;
    const y = b.rows[i].cells;
    for (let c = 0; c < x.length; c++) {
      const u = x[c];
      const v = y[c];
      const same = u instanceof Date && v instanceof Date ? u.getTime() === v.getTime() : u === v;
      if (!same) return false;
    }
  }
  return true;
}

/**
 * Rows a person deleted after the add-on invited someone to them: the calendar registry still
 * lists their event (from today on) while the sheet no longer has the row. Planning them again
 * would undo the person's deletion; the invite step cancels their events.
 */
function dismissedRows(ctx: RunContext, sheet: ScheduleSheet): Set<string> {
  const out = new Set<string>();
  const name = ctx.wb.findSheet(ownSheetNames('calendar', ctx.lang));
  if (!name) return out;
  // Only while the schedule sheet the rows were deleted from is still there: a new sheet (the
  // schedule deleted, or found under no name) is not a person deleting every row.
  if (sheet.headerRow === null) return out;
  const present = new Set(sheet.rows.map((r) => r.rowId));
  const id = ctx.wb.id();
  for (const e of readRegistry(ctx.wb.read(name), ctx.clock).registry.values()) {
    if (e.day >= ctx.today && !present.has(e.rowId) && e.eventId === eventIdFor(id, e.rowId)) out.add(e.rowId);
  }
  return out;
}

/** A written cell as Sheets gives it back: the apostrophe that keeps text is not part of it. */
function sameCell(written: CellValue | undefined, read: CellValue | undefined): boolean {
  const w = typeof written === 'string' && written.startsWith("'") ? written.slice(1) : written ?? '';
  const r = read ?? '';
  if (w instanceof Date || r instanceof Date) return w instanceof Date && r instanceof Date && w.getTime() === r.getTime();
  return w === r;
}

/**
 * Writes the plan in one call, covering only the rows from the first to the last that differ
 * from the sheet as just read (blanks where the sheet held more rows): an unchanged plan writes
 * nothing, and a row a person edits in the instant between that read and the write is at risk
 * only when the plan changes rows around it (Sheets has no compare-and-set).
 */
function writeChangedRows(ctx: RunContext, name: string, startRow: number, grid: CellValue[][], current: CellValue[][] | null, currentFormulas: string[][]): void {
  const before = current ? current.slice(startRow - 1) : [];
  const formulasBefore = currentFormulas.slice(startRow - 1);
  const rows = Math.max(grid.length, before.length);
  const width = Math.max(grid.reduce((w, r) => Math.max(w, r.length), 0), before.reduce((w, r) => Math.max(w, r.length), 0), 1);
  const same = (i: number, c: number): boolean => {
    const w = grid[i]?.[c];
    const formula = formulasBefore[i]?.[c] ?? '';
    // A formula written back where it stands is no change; a value where a formula stood is.
    if (typeof w === 'string' && w.startsWith('=')) return w === formula;
    return formula === '' && sameCell(w, before[i]?.[c]);
  };
  const differs = (i: number): boolean => {
    if (!current) return true;
    for (let c = 0; c < width; c++) if (!same(i, c)) return true;
    return false;
  };
  let first = 0;
  while (first < rows && !differs(first)) first++;
  if (first === rows) return;
  let last = rows - 1;
  while (last > first && !differs(last)) last--;
  const block: CellValue[][] = [];
  for (let i = first; i <= last; i++) {
    const line = new Array<CellValue>(width).fill('');
    grid[i]?.forEach((v, c) => (line[c] = v));
    block.push(line);
  }
  ctx.wb.write(name, startRow + first, 1, block);
}

/**
 * Puts back the formula of each cell that is written back as it was read (a person's row, the
 * cells of a column a person added): getValues gives a formula's result, and writing that
 * result would replace the formula with a frozen value.
 */
function keepFormulas(grid: CellValue[][], rows: readonly PlannedRow[], current: CellValue[][], formulas: string[][]): void {
  const layout = findLayout(current);
  if (!layout) return;
  const source = [...SCHEDULE_COLUMNS.map((c) => layout.columns[c]), ...layout.extra.map((e) => e.column)];
  rows.forEach((row, i) => {
    if (row.sheetRow === null) return;
    const line = grid[i + 1];
    const from = formulas[row.sheetRow - 1];
    if (!line || !from) return;
    source.forEach((col, c) => {
      if (col === undefined || !from[col]) return;
      if (sameCell(line[c], current[row.sheetRow! - 1]?.[col])) line[c] = from[col];
    });
  });
}

export function runScheduleStep(ctx: RunContext): string {
  const c = classified(ctx);
  const { settings } = c.tables;
  const read = readSchedule(ctx);
  const noHeader = read.sheet.problems.find((p) => p.problem === 'noHeader');
  if (noHeader && read.name) throw new UserError((lang) => describeScheduleProblem(noHeader, lang));

  const inputs = scheduleInputs(ctx, c);
  const { customers, contacts, calendar, festivals } = inputs;
  const worksOn = (day: number, names: readonly string[]) => calendar.isWorkingDay(day, names);
  const plan = (sheet: ScheduleSheet): PlanResult =>
    planSchedule({ today: ctx.today, settings, customers, contacts, existing: sheet.rows, dismissed: dismissedRows(ctx, sheet), lang: ctx.lang, worksOn, festivals });
  const toDate = (day: number): Date => new Date(ctx.clock.startOfDay(day));

  let name = read.name;
  let sheet = read.sheet;
  let result = plan(sheet);
  /** The sheet as last read, from row 1 (null for a new sheet). */
  let current: CellValue[][] | null = null;
  if (!name) {
    name = newSheetName('schedule', ctx.lang);
    ctx.wb.ensureSheet(name);
  } else {
    const headerRow = sheet.headerRow ?? 1;
    const width = Math.max(1, ctx.wb.read(name).reduce((w, r) => Math.max(w, r.length), 0));
    ctx.wb.forget(name);
    const freshGrid = ctx.wb.readFresh(name, 1, 1, Number.MAX_SAFE_INTEGER, width);
    current = freshGrid;
    const fresh = readScheduleSheet(freshGrid, ctx.clock);
    if (fresh.headerRow !== headerRow || !sameRows(sheet, fresh)) {
      sheet = fresh;
      result = plan(sheet);
    }
  }
  const startRow = sheet.headerRow ?? 1;
  const grid = renderScheduleSheet(result.rows, ctx.lang, toDate, sheet.extraHeaders);
  // Formulas a person typed in the schedule (a column of their own, a note) go back as formulas.
  // Only rows a person changed or added, and columns a person added, can hold them: without
  // any, the formulas are not read (on a large schedule that read costs seconds).
  const personCells = sheet.extraHeaders.length > 0 || sheet.rows.some((r) => r.origin !== 'kehu');
  const formulas = current && personCells ? ctx.wb.readFormulas(name, 1, 1, current.length, Math.max(1, ...current.map((r) => r.length))) : [];
  if (current) keepFormulas(grid, result.rows, current, formulas);
  writeChangedRows(ctx, name, startRow, grid, current, formulas);
  ctx.wb.format(name, startRow + 1, SCHEDULE_COLUMNS.indexOf('date') + 1, Math.max(1, grid.length - 1), 1, 'yyyy-mm-dd');
  // Set on every run (idempotent, two calls), so a run cut after making the sheet leaves no difference.
  ctx.wb.setFrozenRows(name, startRow);
  ctx.wb.hideColumns(name, SCHEDULE_COLUMNS.indexOf('check') + 1, 1);
  // The rows a shorter plan left blank and Google's spare columns are not kept: every cell counts toward the file's limit.
  trimOwnSheet(ctx, name);
  ctx.shared.delete('schedule');
  // Dated rows come first: the card looks for a customer's next visits among them only.
  const dated = result.rows.filter((r) => r.day !== null).length;
  writeDocumentJson(SCHEDULE_INDEX_KEY, { sheet: name, sheetId: ctx.wb.sheetId(name), headerRow: startRow, datedRows: dated } satisfies ScheduleIndex);
  // The card shows the plan just made (its customers' next visits beside their state lines).
  keepCardVisits(ctx, result.rows);

  const s = result.stats;
  const horizonLast = horizonEnd(ctx.today, settings);
  writeUnplaced(ctx, result.unplaced, ctx.today, horizonLast);
  const notes: string[] = [];
  const missing = summaryLine(result.unplaced, ctx.lang);
  if (missing) notes.push(missing);
  if (inputs.uncoveredYears.length > 0) notes.push(appText(ctx.lang, 'holidaysNotCovered', { years: inputs.uncoveredYears.join(ctx.lang === 'zh' ? '、' : ', ') }));
  if (notes.length > 0) logLines(ctx, appText(ctx.lang, 'menuSchedule'), notes);
  return appText(ctx.lang, 'scheduleDone', {
    from: formatDay(ctx.today),
    to: formatDay(horizonLast),
    dated: s.contacts,
    joint: s.joint,
    undated: s.unplaced,
    kept: s.personRows,
    removed: s.removed + s.dropped,
  }) + (inputs.uncoveredYears.length > 0 ? ' ' + appText(ctx.lang, 'holidaysNotCovered', { years: inputs.uncoveredYears.join(ctx.lang === 'zh' ? '、' : ', ') }) : '');
}
