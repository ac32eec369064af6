/**
 * What the playground page needs to draw a sheet's native charts and gradient rules, which the
 * grid alone cannot show: each chart the add-on inserted (tools/gas/fakes/charts.ts records them)
 * with the values of its ranges, and the cell colours a gradient conditional-format rule gives.
 * The drawing itself is tools/start/charts.js, in the page; nothing of this is in the bundle.
 */
import { booleanRulesOf, chartsOf, conditionalRulesOf, type SheetState } from '../gas/fakes';
import type { SheetView } from './view';

export type ChartCell = number | string | null;

export interface ChartView {
  id: number;
  type: string;
  title: string;
  /** 0-based row and column of the cell the chart floats over. */
  anchor: { row: number; column: number };
  width: number;
  height: number;
  options: Record<string, unknown>;
  /** Series names (the header row), first the domain's. */
  headers: string[];
  /** Data rows: the domain value, then one value per series (null when blank). */
  rows: ChartCell[][];
}

const cellOf = (v: unknown): ChartCell => {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return (v as Date).toISOString().slice(0, 10);
  return String(v);
};

/** The sheet's charts with their data; ranges side by side make the columns, as in Sheets. */
export function chartViews(sheet: SheetState, sheets: readonly SheetState[]): ChartView[] {
  return chartsOf(sheet).map((chart) => {
    const columns: ChartCell[][] = [];
    let height = 0;
    for (const r of chart.ranges) {
      const from = sheets.find((s) => s.id === r.sheetId) ?? sheet;
      height = Math.max(height, r.numRows);
      for (let c = 0; c < r.numColumns; c++) {
        const column: ChartCell[] = [];
        for (let i = 0; i < r.numRows; i++) column.push(cellOf(from.store.value(r.row - 1 + i, r.column - 1 + c)));
        columns.push(column);
      }
    }
    const headerRows = Math.max(0, chart.numHeaders);
    const table: ChartCell[][] = Array.from({ length: height }, (_, i) => columns.map((col) => col[i] ?? null));
    const o = chart.options;
    return {
      id: chart.chartId,
      type: chart.type,
      title: typeof o.title === 'string' ? o.title : '',
      anchor: { row: chart.position.anchorRow - 1, column: chart.position.anchorColumn - 1 },
      width: typeof o.width === 'number' ? o.width : 600,
      height: typeof o.height === 'number' ? o.height : 371,
      options: o,
      headers: headerRows > 0 ? table[0].map((h) => (h === null ? '' : String(h))) : columns.map(() => ''),
      rows: table.slice(headerRows),
    };
  });
}

function rgb(color: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [255, 255, 255];
}

/** Sheets' gradient between the range's lowest and highest number (default min and max points). */
export function gradientColor(min: string, max: string, t: number): string {
  const a = rgb(min);
  const b = rgb(max);
  const mix = a.map((x, i) => Math.round(x + (b[i] - x) * Math.min(1, Math.max(0, t))));
  return `#${mix.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** The view with the fills the sheet's text-equals rules give the cells whose text matches (the first rule wins, as in Sheets). */
function withTextRules(view: SheetView, sheet: SheetState): void {
  const coloured = new Set<string>();
  for (const rule of booleanRulesOf(sheet)) {
    const { values, background } = rule.boolean;
    if (!background) continue;
    for (const r of rule.ranges) {
      if (r.sheetId !== sheet.id) continue;
      for (let i = 0; i < r.numRows; i++) {
        for (let j = 0; j < r.numColumns; j++) {
          const row = r.row - 1 + i;
          const col = r.column - 1 + j;
          const cell = view.cells[row]?.[col];
          if (!cell || coloured.has(`${row}:${col}`) || String(sheet.store.value(row, col) ?? '') !== values[0]) continue;
          cell.bg = background;
          coloured.add(`${row}:${col}`);
        }
      }
    }
  }
}

/** The view with the colours the sheet's gradient rules give its numeric cells (and its text-equals rules their matching cells). */
export function withGradients(view: SheetView, sheet: SheetState): SheetView {
  withTextRules(view, sheet);
  for (const rule of conditionalRulesOf(sheet)) {
    const { min = '#ffffff', max = '#57bb8a' } = rule.gradient;
    for (const r of rule.ranges) {
      if (r.sheetId !== sheet.id) continue;
      const numbers: { row: number; col: number; v: number }[] = [];
      for (let i = 0; i < r.numRows; i++) {
        for (let j = 0; j < r.numColumns; j++) {
          const v = sheet.store.value(r.row - 1 + i, r.column - 1 + j);
          if (typeof v === 'number') numbers.push({ row: r.row - 1 + i, col: r.column - 1 + j, v });
        }
      }
      if (numbers.length === 0) continue;
      const lo = Math.min(...numbers.map((n) => n.v));
      const hi = Math.max(...numbers.map((n) => n.v));
      for (const n of numbers) {
        const cell = view.cells[n.row]?.[n.col];
        if (!cell) continue;
        cell.bg = gradientColor(min, max, hi > lo ? (n.v - lo) / (hi - lo) : 0);
      }
    }
  }
  return view;
}
