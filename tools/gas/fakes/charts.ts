/**
 * Charts and conditional formats of a sheet: Sheet.newChart / insertChart / updateChart /
 * removeChart / getCharts, the EmbeddedChartBuilder and EmbeddedChart they hand out,
 * SpreadsheetApp.newConditionalFormatRule and Sheet.get/setConditionalFormatRules (gradient rules and
 * text-equals rules with a background or font colour), and the `Charts` service's ChartType enum.
 *
 * What a script made is recorded per sheet as plain data (chartsOf / conditionalRulesOf), so a
 * test can assert a chart's type, ranges and options, and the playground can draw it (chartsOf,
 * conditionalRulesOf for gradient rules, booleanRulesOf for text-equals rules). Builder,
 * chart and rule calls are counted like every other service call ('EmbeddedChartBuilder.addRange').
 */
import { a1Of } from './a1';
import { counted, type Runtime } from './runtime';
import type { Doc } from './spreadsheet';
import type { SheetState } from './state';

/** A range a chart or rule reads (1-based), on the sheet with `sheetId`. */
export interface RangeRecord {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  a1: string;
}

export interface ChartRecord {
  chartId: number;
  type: string;
  ranges: RangeRecord[];
  numHeaders: number;
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
}

export interface GradientRuleRecord {
  ranges: RangeRecord[];
  gradient: { min?: string; mid?: string; max?: string };
}

/** A text-equals rule: cells of `ranges` whose text equals `values[0]` get the colours. */
export interface BooleanRuleRecord {
  ranges: RangeRecord[];
  boolean: { type: 'TEXT_EQUAL_TO'; values: string[]; background?: string; fontColor?: string; bold?: boolean };
}

type RuleRecord = GradientRuleRecord | BooleanRuleRecord;
const isBoolean = (r: RuleRecord): r is BooleanRuleRecord => 'boolean' in r;

interface SheetGraphics {
  charts: ChartRecord[];
  /** In the sheet's order (the first matching rule wins in Sheets). */
  rules: RuleRecord[];
}

const graphics = new WeakMap<SheetState, SheetGraphics>();
let nextChartId = 1;

function graphicsOf(sheet: SheetState): SheetGraphics {
  let g = graphics.get(sheet);
  if (!g) {
    g = { charts: [], rules: [] };
    graphics.set(sheet, g);
  }
  return g;
}

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The charts on a sheet, in the order they were inserted (a copy). */
export function chartsOf(sheet: SheetState): ChartRecord[] {
  return copy(graphicsOf(sheet).charts);
}

/** The sheet's gradient rules, in order (a copy). */
export function conditionalRulesOf(sheet: SheetState): GradientRuleRecord[] {
  return copy(graphicsOf(sheet).rules.filter((r): r is GradientRuleRecord => !isBoolean(r)));
}

/** The sheet's text-equals rules, in order (a copy). */
export function booleanRulesOf(sheet: SheetState): BooleanRuleRecord[] {
  return copy(graphicsOf(sheet).rules.filter(isBoolean));
}

export const CHART_TYPES = [
  'TIMELINE', 'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'RADAR',
  'LINE', 'ORG', 'PIE', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TREEMAP', 'WATERFALL',
] as const;

/** The `Charts` global (only what embedded charts need: the ChartType enum). */
export function createChartsService(): { ChartType: Record<string, string> } {
  return { ChartType: Object.fromEntries(CHART_TYPES.map((t) => [t, t])) };
}

function rangeRecord(doc: Doc, range: unknown): RangeRecord {
  const r = doc.rangeInfo(range);
  return { sheetId: r.sheet.id, row: r.row, column: r.column, numRows: r.numRows, numColumns: r.numColumns, a1: a1Of(r.row, r.column, r.numRows, r.numColumns) };
}

/** EmbeddedChartBuilder, as far as the fake goes. */
export interface FakeChartBuilder {
  addRange(range: unknown): FakeChartBuilder;
  removeRange(range: unknown): FakeChartBuilder;
  clearRanges(): FakeChartBuilder;
  getRanges(): unknown[];
  setChartType(type: unknown): FakeChartBuilder;
  getChartType(): string;
  setNumHeaders(n: number): FakeChartBuilder;
  setOption(option: string, value: unknown): FakeChartBuilder;
  setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number): FakeChartBuilder;
  build(): FakeChart;
}

/** EmbeddedChart: its record (what the sheet keeps), read through Apps Script's getters. */
export interface FakeChart {
  readonly record: ChartRecord;
  getChartId(): number | null;
  getNumHeaders(): number;
  getRanges(): unknown[];
  getOptions(): { get(option: string): unknown };
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number };
  modify(): FakeChartBuilder;
}

type ChartObject = FakeChart;

function makeBuilder(doc: Doc, sheet: SheetState, from: ChartRecord | null): FakeChartBuilder {
  const { rt } = doc;
  const draft: ChartRecord = from
    ? copy(from)
    : { chartId: 0, type: 'COLUMN', ranges: [], numHeaders: -1, options: {}, position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 } };
  const builder: FakeChartBuilder = {
    addRange(range: unknown) {
      draft.ranges.push(rangeRecord(doc, range));
      return builder;
    },
    removeRange(range: unknown) {
      const a = rangeRecord(doc, range);
      draft.ranges = draft.ranges.filter((r) => !(r.sheetId === a.sheetId && r.a1 === a.a1));
      return builder;
    },
    clearRanges() {
      draft.ranges = [];
      return builder;
    },
    getRanges: () => draft.ranges.map((r) => doc.rangeOn(doc.state.sheets.find((s) => s.id === r.sheetId) ?? sheet, r.row, r.column, r.numRows, r.numColumns)),
    setChartType(type: unknown) {
      const name = String(type);
      if (!(CHART_TYPES as readonly string[]).includes(name)) throw rt.error(`Invalid argument: type (${name})`);
      draft.type = name;
      return builder;
    },
    getChartType: () => draft.type,
    setNumHeaders(n: number) {
      draft.numHeaders = Number(n);
      return builder;
    },
    setOption(option: string, value: unknown) {
      draft.options[String(option)] = value === undefined ? null : copy(value);
      return builder;
    },
    setPosition(anchorRow: number, anchorColumn: number, offsetX: number, offsetY: number) {
      if (!(Number.isInteger(anchorRow) && anchorRow >= 1 && Number.isInteger(anchorColumn) && anchorColumn >= 1)) {
        throw rt.error('The coordinates of the range are outside the dimensions of the sheet.');
      }
      draft.position = { anchorRow, anchorColumn, offsetX: Number(offsetX) || 0, offsetY: Number(offsetY) || 0 };
      return builder;
    },
    build: () => makeChart(doc, sheet, copy(draft)),
  };
  return counted('EmbeddedChartBuilder', builder, rt);
}

function makeChart(doc: Doc, sheet: SheetState, record: ChartRecord): ChartObject {
  const chart: FakeChart = {
    record,
    getChartId: () => (record.chartId > 0 ? record.chartId : null),
    getNumHeaders: () => record.numHeaders,
    getRanges: () => record.ranges.map((r) => doc.rangeOn(doc.state.sheets.find((s) => s.id === r.sheetId) ?? sheet, r.row, r.column, r.numRows, r.numColumns)),
    getOptions: () => ({ get: (option: string) => (option in record.options ? copy(record.options[option]) : null) }),
    getContainerInfo: () => ({
      getAnchorRow: () => record.position.anchorRow,
      getAnchorColumn: () => record.position.anchorColumn,
      getOffsetX: () => record.position.offsetX,
      getOffsetY: () => record.position.offsetY,
    }),
    modify: () => makeBuilder(doc, sheet, record),
  };
  return counted('EmbeddedChart', chart, doc.rt);
}

function recordOf(doc: Doc, chart: unknown): ChartRecord {
  const r = chart && typeof chart === 'object' ? (chart as Partial<ChartObject>).record : undefined;
  if (!r) throw doc.rt.error('Invalid argument: chart');
  return r;
}

/** The chart methods of Sheet (spread into the Sheet object, so they are counted as 'Sheet.insertChart'). */
export function sheetChartMethods(doc: Doc, sheet: SheetState) {
  const g = graphicsOf(sheet);
  return {
    newChart: () => makeBuilder(doc, sheet, null),
    insertChart(chart: unknown) {
      const r = copy(recordOf(doc, chart));
      r.chartId = nextChartId++;
      g.charts.push(r);
    },
    updateChart(chart: unknown) {
      const r = recordOf(doc, chart);
      const at = g.charts.findIndex((c) => c.chartId === r.chartId);
      if (r.chartId === 0 || at < 0) throw doc.rt.error('The chart to update is not on this sheet.');
      g.charts[at] = copy(r);
    },
    removeChart(chart: unknown) {
      const r = recordOf(doc, chart);
      g.charts = g.charts.filter((c) => c.chartId !== r.chartId);
    },
    getCharts: () => g.charts.map((r) => makeChart(doc, sheet, copy(r))),
    setConditionalFormatRules(rules: unknown[]) {
      if (!Array.isArray(rules)) throw doc.rt.error('Invalid argument: rules');
      g.rules = rules.map((rule) => {
        const r = rule && typeof rule === 'object' ? (rule as { record?: RuleRecord }).record : undefined;
        if (!r) throw doc.rt.error('Invalid argument: rules');
        return copy(r);
      });
    },
    getConditionalFormatRules: () => g.rules.map((r) => ruleObject(doc, sheet, copy(r))),
  };
}

export type SheetChartMethods = ReturnType<typeof sheetChartMethods>;

/** A ConditionalFormatRule as Sheet.getConditionalFormatRules gives it: its ranges and condition. */
function ruleObject(doc: Doc, sheet: SheetState, record: RuleRecord): object {
  const rangeOf = (r: RangeRecord) => doc.rangeOn(doc.state.sheets.find((s) => s.id === r.sheetId) ?? sheet, r.row, r.column, r.numRows, r.numColumns);
  const condition = isBoolean(record)
    ? counted(
        'BooleanCondition',
        {
          getCriteriaType: () => record.boolean.type,
          getCriteriaValues: () => record.boolean.values.slice(),
          getBackground: () => record.boolean.background ?? null,
          getFontColor: () => record.boolean.fontColor ?? null,
          getBold: () => record.boolean.bold ?? null,
        },
        doc.rt,
      )
    : null;
  return counted(
    'ConditionalFormatRule',
    {
      record,
      getRanges: () => record.ranges.map(rangeOf),
      getBooleanCondition: () => condition,
      getGradientCondition: () => (isBoolean(record) ? null : { ...record.gradient }),
    },
    doc.rt,
  );
}

/** SpreadsheetApp.newConditionalFormatRule(): gradient rules and text-equals rules, with their ranges. */
export function newConditionalFormatRule(doc: Doc, rt: Runtime): object {
  const draft: GradientRuleRecord = { ranges: [], gradient: {} };
  let text: BooleanRuleRecord['boolean'] | null = null;
  const format = (): BooleanRuleRecord['boolean'] => (text ??= { type: 'TEXT_EQUAL_TO', values: [] });
  const builder = {
    whenTextEqualTo(value: string) {
      format().values = [String(value)];
      return builder;
    },
    setBackground(color: string | null) {
      format().background = color === null ? undefined : String(color);
      return builder;
    },
    setFontColor(color: string | null) {
      format().fontColor = color === null ? undefined : String(color);
      return builder;
    },
    setBold(bold: boolean | null) {
      format().bold = bold === null ? undefined : Boolean(bold);
      return builder;
    },
    setGradientMinpoint(color: string) {
      draft.gradient.min = String(color);
      return builder;
    },
    setGradientMidpointWithValue(color: string) {
      draft.gradient.mid = String(color);
      return builder;
    },
    setGradientMaxpoint(color: string) {
      draft.gradient.max = String(color);
      return builder;
    },
    setRanges(ranges: unknown[]) {
      if (!Array.isArray(ranges)) throw rt.error('Invalid argument: ranges');
      draft.ranges = ranges.map((r) => rangeRecord(doc, r));
      return builder;
    },
    build() {
      if (draft.ranges.length === 0) throw rt.error('Conditional format rule must have at least one range.');
      if (text) {
        if (text.values.length === 0) throw rt.error('Conditional format rule must have a condition.');
        const rule: BooleanRuleRecord = { ranges: copy(draft.ranges), boolean: copy(text) };
        return { record: rule };
      }
      return { record: copy(draft) };
    },
  };
  return counted('ConditionalFormatRuleBuilder', builder, rt);
}
