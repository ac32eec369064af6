/**
 * The workbook `npm start` opens: the generated sample (customer file, order log, contact log,
 * team list) plus an "Analysis" sheet with example formulas, each under a one-line label, so a
 * first-time user sees the add-on's results at once and can copy a formula to try variations.
 *
 * Ranges are closed (A2:A2707, not A2:A): the local engine does not know open-ended ranges (the
 * server expands them when a user types one, see ranges.ts). They are computed from the sample's
 * size, so another seed or customer count still lines up.
 */
import { generateSampleWorkbook, ORDER_HEADERS, type SampleOptions } from '../sample/generate';
import { columnLetters } from '../sheets/a1';
import type { Lang } from './i18n';

export const ANALYSIS_SHEET = 'Analysis';
/** The team list (销售团队): who the visit schedule and its invites go to. */
export const TEAM_SHEET = 'Team';

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
}

const LABELS: Record<Lang, Record<string, string>> = {
  zh: {
    abc: 'ABC 分级汇总：每位客户的消费额（下方 RFM 表的 E 列）',
    cuts: 'RFM 分界点：订单表的 A 客户代码、B 订单日期、C 金额',
    rfm: 'RFM 客户评分：每位客户一行（订单表 A/B/C 列）',
    side: '每位客户的 ABC 等级与四象限（消费额 × 购买次数）',
    tierHeader: 'ABC 等级',
    quadrantHeader: '四象限',
    quadrantLabels: '核心客户,大单客户,普通客户,高频小单',
    hint: '提示：点击任意空白单元格，输入公式（如 =ABCTIER(E12:E311)）后按回车。',
  },
  en: {
    abc: 'ABC summary of spend per customer (RFM table below, column E)',
    cuts: 'RFM cut points: Orders columns A customer, B order date, C amount',
    rfm: 'RFM scores: one row per customer (Orders columns A/B/C)',
    side: 'ABC tier and quadrant per customer (spend × orders)',
    tierHeader: 'ABC tier',
    quadrantHeader: 'Quadrant',
    quadrantLabels: 'core,big-ticket,casual,frequent',
    hint: 'Tip: click any empty cell, type a formula (e.g. =ABCTIER(E12:E311)) and press Enter.',
  },
};

/** Column letter of an order-log header, so the formulas follow generate.ts if it reorders. */
function orderColumn(header: (typeof ORDER_HEADERS)[number]): string {
  const i = ORDER_HEADERS.indexOf(header);
  if (i < 0) throw new Error(`Orders has no column ${header}`);
  return columnLetters(i);
}

export function buildStartWorkbook(lang: Lang, sampleOptions: SampleOptions = {}): StartWorkbook {
  const sample = generateSampleWorkbook(sampleOptions);
  const { Customers, Orders, Contacts } = sample.sheets;
  const t = LABELS[lang];

  const lastOrderRow = Orders.length; // row 1 holds the headers
  const ids = orderColumn('客户代码');
  const dates = orderColumn('订单日期');
  const amounts = orderColumn('金额');
  const orderLog = `Orders!${ids}2:${ids}${lastOrderRow}, Orders!${dates}2:${dates}${lastOrderRow}, Orders!${amounts}2:${amounts}${lastOrderRow}`;

  // The RFM table: header at row 11, one row per customer below it. Its columns are customer,
  // last order, recency days, orders (D), amount (E), R, F, M, code, segment (A..J).
  const customerCount = Customers.length - 1;
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
  put('G1', t.cuts);
  put('A8', t.hint);
  put(`A${rfmRow - 1}`, t.rfm);
  put(`L${rfmRow - 1}`, t.side);
  put(`L${rfmRow}`, t.tierHeader);
  put(`M${rfmRow}`, t.quadrantHeader);
  for (const e of examples) put(e.a1, e.formula);

  return {
    sheets: { Customers, Orders, Contacts, [TEAM_SHEET]: sample.team, [ANALYSIS_SHEET]: analysis },
    examples,
    customerRows: { first, last },
    today: sample.today,
  };
}
