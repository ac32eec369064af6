/**
 * The workbook `npm start` opens: the generated sample (customer file, order log, contact log,
 * team list) plus an "Analysis" sheet with example formulas, each under a one-line label, so a
 * first-time user sees the add-on's results at once and can copy a formula to try variations.
 * `--sample team` opens the second sample instead (tools/sample/team.ts: a named East China team
 * whose four weeks cross National Day), with the same Analysis sheet over its own order log.
 *
 * Ranges are closed (A2:A2707, not A2:A): the local engine does not know open-ended ranges (the
 * server expands them when a user types one, see ranges.ts). They are computed from the sample's
 * size, so another seed or customer count still lines up.
 *
 * Sheet names follow the file's language (客户, 订单, 联系记录, 销售团队, 分析 in a Chinese file;
 * Customers, Orders, Contacts, Team, Analysis in an English one): the add-on finds its tables by
 * their headers, so the names are the team's to choose. The order log also carries each order's
 * region (column F), as many teams' exports do: what the README's grouped RFM example reads.
 */
import { generateSampleWorkbook, type SampleOptions, type SheetRows } from '../sample/generate';
import { generateTeamFile, TEAM_FILE_ORDER_HEADERS, TEAM_FILE_SHEETS } from '../sample/team';
import { columnLetters } from '../sheets/a1';
import type { Lang } from './i18n';

/** The sample's sheets by role, named in the file's language. */
export const SHEET_NAMES: Record<Lang, { customers: string; orders: string; contacts: string; team: string; analysis: string }> = {
  zh: { customers: '客户', orders: '订单', contacts: '联系记录', team: '销售团队', analysis: '分析' },
  en: { customers: 'Customers', orders: 'Orders', contacts: 'Contacts', team: 'Team', analysis: 'Analysis' },
};

/** Which sample `npm start` opens: the first (300 customers, 2026-11-20) or the team file. */
export type SampleFile = 'standard' | 'team';
export const SAMPLE_FILES: readonly SampleFile[] = ['standard', 'team'];

/** Where each example formula sits on the Analysis sheet, and what it shows. */
export interface ExampleFormula {
  a1: string;
  formula: string;
  /** What a user sees at the top-left of the result (first cell), for checks and tests. */
  kind: 'ABCSUMMARY' | 'RFMCUTS' | 'RFM' | 'ABCTIER' | 'QUADRANT';
}

export interface StartWorkbook {
  /** Sheet name → rows of raw cells (strings starting with '=' are formulas). */
  sheets: Record<string, unknown[][]>;
  examples: ExampleFormula[];
  /** First and last sheet row of the per-customer rows of the RFM table on Analysis. */
  customerRows: { first: number; last: number };
  /** The sample's analysis date, 'YYYY-MM-DD'. */
  today: string;
  /** The name of the sheet of example formulas (分析 / Analysis). */
  analysisSheet: string;
}

const LABELS: Record<Lang, Record<string, string>> = {
  zh: {
    abc: 'ABC 分级汇总：每位客户的消费额（下方 RFM 表的 E 列）',
    cuts: 'RFM 分界点：{sheet}表的 {ids} 客户代码、{dates} 订单日期、{amounts} 金额',
    rfm: 'RFM 客户评分：每位客户一行（{sheet}表 {ids}/{dates}/{amounts} 列）',
    side: '每位客户的 ABC 等级与四象限（消费额 × 购买次数）',
    tierHeader: 'ABC 等级',
    quadrantHeader: '四象限',
    quadrantLabels: '核心客户,大单客户,普通客户,高频小单',
    hint: '提示：点击任意空白单元格，输入公式（如 =ABCTIER(E12:E311)）后按回车。',
  },
  en: {
    abc: 'ABC summary of spend per customer (RFM table below, column E)',
    cuts: 'RFM cut points: {sheet} columns {ids} customer, {dates} order date, {amounts} amount',
    rfm: 'RFM scores: one row per customer ({sheet} columns {ids}/{dates}/{amounts})',
    side: 'ABC tier and quadrant per customer (spend × orders)',
    tierHeader: 'ABC tier',
    quadrantHeader: 'Quadrant',
    quadrantLabels: 'core,big-ticket,casual,frequent',
    hint: 'Tip: click any empty cell, type a formula (e.g. =ABCTIER(E12:E311)) and press Enter.',
  },
};

/** Column letter of an order-log header, so the formulas follow the generator if it reorders. */
function orderColumn(headers: readonly string[], header: string): string {
  const i = headers.indexOf(header);
  if (i < 0) throw new Error(`The order log has no column ${header}`);
  return columnLetters(i);
}

/** A sheet name as a formula writes it: quoted unless it is a plain name (销售订单 → '销售订单'). */
function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A sample's sheets, and where its order log's customer, date and amount columns are. */
interface SampleSheets {
  sheets: Record<string, unknown[][]>;
  today: string;
  customers: number;
  orders: { sheet: string; rows: number; headers: readonly string[]; customer: string; date: string; amount: string; label: Record<Lang, string> };
}

function standardSample(lang: Lang, options: SampleOptions): SampleSheets {
  const sample = generateSampleWorkbook({ ...options, lang });
  const { Customers, Orders, Contacts } = sample.sheets;
  const names = SHEET_NAMES[lang];
  const [id, date, amount] = lang === 'zh' ? ['客户代码', '订单日期', '金额'] : ['Customer ID', 'Order date', 'Amount'];
  const orders = withRegion(Orders, Customers, lang);
  return {
    sheets: { [names.customers]: Customers, [names.orders]: orders, [names.contacts]: Contacts, [names.team]: sample.team },
    today: sample.today,
    customers: Customers.length - 1,
    orders: { sheet: names.orders, rows: orders.length, headers: orders[0].map(String), customer: id, date, amount, label: { zh: names.orders, en: names.orders } },
  };
}

/** The order log with each order's region appended (the region of its customer). */
function withRegion(orders: SheetRows, customers: SheetRows, lang: Lang): SheetRows {
  const header = lang === 'zh' ? '区域' : 'Region';
  const at = customers[0].indexOf(header);
  if (at < 0) throw new Error(`The customer file has no column ${header}`);
  const regionOf = new Map(customers.slice(1).map((c) => [c[0], c[at]]));
  return orders.map((row, i) => [...row, i === 0 ? header : regionOf.get(row[0]) ?? null]);
}

function teamSample(options: SampleOptions): SampleSheets {
  const file = generateTeamFile(options);
  const orders = file.sheets[TEAM_FILE_SHEETS.orders];
  return {
    sheets: file.sheets,
    today: file.today,
    customers: file.sheets[TEAM_FILE_SHEETS.customers].length - 1,
    orders: { sheet: TEAM_FILE_SHEETS.orders, rows: orders.length, headers: TEAM_FILE_ORDER_HEADERS, customer: '客户编号', date: '下单日期', amount: '金额', label: { zh: TEAM_FILE_SHEETS.orders, en: TEAM_FILE_SHEETS.orders } },
  };
}

export function buildStartWorkbook(lang: Lang, sampleOptions: SampleOptions = {}, file: SampleFile = 'standard'): StartWorkbook {
  const sample = file === 'team' ? teamSample(sampleOptions) : standardSample(lang, sampleOptions);
  const t = LABELS[lang];

  const o = sample.orders;
  const lastOrderRow = o.rows; // row 1 holds the headers
  const ref = sheetRef(o.sheet);
  const [ids, dates, amounts] = [o.customer, o.date, o.amount].map((h) => orderColumn(o.headers, h));
  const orderLog = `${ref}!${ids}2:${ids}${lastOrderRow}, ${ref}!${dates}2:${dates}${lastOrderRow}, ${ref}!${amounts}2:${amounts}${lastOrderRow}`;

  // The RFM table: header at row 11, one row per customer below it. Its columns are customer,
  // last order, recency days, orders (D), amount (E), R, F, M, code, segment (A..J).
  const customerCount = sample.customers;
  const rfmRow = 11;
  const first = rfmRow + 1;
  const last = rfmRow + customerCount;
  const spend = `E${first}:E${last}`;
  const orders = `D${first}:D${last}`;

  const examples: ExampleFormula[] = [
    { a1: 'A2', formula: `=ABCSUMMARY(${spend})`, kind: 'ABCSUMMARY' }, // 5 rows × 5 columns: A2:E6
    { a1: 'G2', formula: `=RFMCUTS(${orderLog})`, kind: 'RFMCUTS' }, // 4 rows × 6 columns: G2:L5
    { a1: `A${rfmRow}`, formula: `=RFM(${orderLog})`, kind: 'RFM' }, // A11:J(11+customers)
    { a1: `L${first}`, formula: `=ABCTIER(${spend})`, kind: 'ABCTIER' },
    { a1: `M${first}`, formula: `=QUADRANT(${spend}, ${orders}, , , "${t.quadrantLabels}")`, kind: 'QUADRANT' },
  ];

  const analysis: unknown[][] = [];
  const put = (a1: string, value: unknown): void => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) throw new Error(`bad address ${a1}`);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    const row = Number(m[2]) - 1;
    while (analysis.length <= row) analysis.push([]);
    const cells = analysis[row];
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = value;
  };
  put('A1', t.abc);
  const where = (label: string) => label.replace(/\{(\w+)\}/g, (_, k: string) => ({ sheet: o.label[lang], ids, dates, amounts } as Record<string, string>)[k] ?? '');
  put('G1', where(t.cuts));
  put('A8', t.hint);
  put(`A${rfmRow - 1}`, where(t.rfm));
  put(`L${rfmRow - 1}`, t.side);
  put(`L${rfmRow}`, t.tierHeader);
  put(`M${rfmRow}`, t.quadrantHeader);
  for (const e of examples) put(e.a1, e.formula);

  return {
    sheets: { ...sample.sheets, [SHEET_NAMES[lang].analysis]: analysis },
    examples,
    customerRows: { first, last },
    today: sample.today,
    analysisSheet: SHEET_NAMES[lang].analysis,
  };
}
