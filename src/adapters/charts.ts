/**
 * The dashboard sheet's service calls: its size trimmed to the layout, the cells in one write
 * per property (values, number formats, weights, backgrounds), the gradient rules of the heat
 * maps, and the native charts, updated in place (Sheet.getCharts, EmbeddedChart.modify,
 * Sheet.updateChart) so a second run never adds a chart.
 */
import type { Block, ChartSpec, DashboardLayout } from '../core/dashboard/layout';
import type { Workbook } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

export interface DashboardWrite {
  /** Charts made this run (0 when every chart was there and updated). */
  inserted: number;
  updated: number;
  removed: number;
}

/** Writes the layout over the whole sheet `name` (which must exist) and syncs its charts. */
export function writeDashboardSheet(wb: Workbook, name: string, layout: DashboardLayout): DashboardWrite {
  const sheet = wb.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`Kehu: the sheet "${name}" is missing`);
  trimTo(sheet, layout.rows, layout.columns);
  const all = sheet.getRange(1, 1, layout.rows, layout.columns);
  all.setValues(layout.values as unknown[][]);
  all.setNumberFormats(layout.numberFormats);
  all.setFontWeights(layout.bold.map((line) => line.map((b) => (b ? 'bold' : null))));
  all.setBackgrounds(layout.backgrounds as string[][]);
  const range = (b: Block) => sheet.getRange(b.row, b.column, b.numRows, b.numColumns);
  // setConditionalFormatRules replaces the sheet's rules: the same rules each run, never more.
  sheet.setConditionalFormatRules(
    layout.rules.map((r) => SpreadsheetApp.newConditionalFormatRule().setGradientMinpoint(r.min).setGradientMaxpoint(r.max).setRanges([range(r.range)]).build()),
  );
  wb.forget(name);
  return syncCharts(sheet, layout.charts, range);
}

/** The sheet made exactly rows x columns: the dashboard's cells are counted in the file's budget. */
function trimTo(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  else if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
  else if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * The sheet's charts are the add-on's, in the order they were inserted: the i-th is updated to
 * the i-th spec (keeping where a person moved it), missing ones are inserted, extra ones removed.
 */
function syncCharts(sheet: Sheet, specs: readonly ChartSpec[], range: (b: Block) => GoogleAppsScript.Spreadsheet.Range): DashboardWrite {
  const existing = sheet.getCharts();
  const out: DashboardWrite = { inserted: 0, updated: 0, removed: 0 };
  specs.forEach((spec, i) => {
    const chart = existing[i];
    const builder = chart ? chart.modify().clearRanges() : sheet.newChart().setPosition(spec.anchor.row, spec.anchor.column, 0, 0);
    configure(builder, spec, range);
    if (chart) {
      sheet.updateChart(builder.build());
      out.updated++;
    } else {
      sheet.insertChart(builder.build());
      out.inserted++;
    }
  });
  for (const extra of existing.slice(specs.length)) {
    sheet.removeChart(extra);
    out.removed++;
  }
  return out;
}

function configure(builder: Builder, spec: ChartSpec, range: (b: Block) => GoogleAppsScript.Spreadsheet.Range): void {
  builder.setChartType(Charts.ChartType[spec.type]).setNumHeaders(spec.headers);
  for (const b of spec.ranges) builder.addRange(range(b));
  for (const [key, value] of Object.entries(spec.options)) builder.setOption(key, value);
}
