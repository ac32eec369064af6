/** The local page's own words (the add-on's words come from the bundle), in Chinese or English. */

export type Lang = 'zh' | 'en';

/** 'zh_CN', 'zh-TW', 'zh' → zh; anything else → en (as the add-on decides its language). */
export function langOfLocale(locale: string): Lang {
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

export interface UiText {
  title: string;
  /** Placeholder of the formula bar. */
  formulaPlaceholder: string;
  ready: string;
  saving: string;
  saved: string;
  loading: string;
  /** "{shown}" of "{total}" rows. */
  rowsShown: string;
  showMore: string;
  errorIn: string;
  requestFailed: string;
  expanded: string;
  /** Tooltips of the sample's tabs. */
  sheetTitles: Record<string, string>;
  help: string;
}

export const UI_TEXT: Record<Lang, UiText> = {
  zh: {
    title: 'Kehu 客户分析 · 本地试用',
    formulaPlaceholder: '输入数值或公式，例如 =ABCTIER(E12:E311)',
    ready: '就绪',
    saving: '计算中…',
    saved: '已更新',
    loading: '加载中…',
    rowsShown: '显示前 {shown} 行，共 {total} 行',
    showMore: '显示更多',
    errorIn: '{a1} 出错：',
    requestFailed: '请求失败：',
    expanded: '本地表格不支持开放区域，已展开为：',
    sheetTitles: { Customers: '客户档案', Orders: '订单', Contacts: '联系记录', Analysis: '分析' },
    help: '方向键移动 · 回车/F2 编辑 · 直接输入即开始编辑 · Esc 取消 · Delete 清空',
  },
  en: {
    title: 'Kehu customer analysis · local preview',
    formulaPlaceholder: 'Type a value or a formula, e.g. =ABCTIER(E12:E311)',
    ready: 'Ready',
    saving: 'Calculating…',
    saved: 'Updated',
    loading: 'Loading…',
    rowsShown: 'Showing the first {shown} of {total} rows',
    showMore: 'Show more',
    errorIn: 'Error in {a1}: ',
    requestFailed: 'Request failed: ',
    expanded: 'Open-ended ranges are not supported locally; expanded to: ',
    sheetTitles: { Customers: 'Customer file', Orders: 'Orders', Contacts: 'Contact log', Analysis: 'Analysis' },
    help: 'Arrows move · Enter/F2 edits · typing starts editing · Esc cancels · Delete clears',
  },
};

/** Server messages for bad requests. */
export const API_TEXT: Record<Lang, Record<string, string>> = {
  zh: {
    unknownSheet: '没有名为“{name}”的工作表。现有工作表：{names}。',
    missingSheet: '缺少工作表名称（sheet）。',
    badA1: '“{a1}”不是单元格地址，请使用 A1 这样的写法（列字母加行号）。',
    badJson: '请求内容不是有效的 JSON。',
    needJson: '请求须为 JSON（Content-Type: application/json）。',
    badInput: 'input 必须是文本、数字、逻辑值或 null。',
    tooLarge: '请求内容过大。',
    notFound: '没有这个地址。',
    rejected: '无法写入该单元格：{message}',
  },
  en: {
    unknownSheet: 'There is no sheet named "{name}". Sheets: {names}.',
    missingSheet: 'The sheet name (sheet) is missing.',
    badA1: '"{a1}" is not a cell address; use A1 notation (column letters, then the row number).',
    badJson: 'The request body is not valid JSON.',
    needJson: 'The request must be JSON (Content-Type: application/json).',
    badInput: 'input must be text, a number, a boolean or null.',
    tooLarge: 'The request body is too large.',
    notFound: 'Not found.',
    rejected: 'Could not write the cell: {message}',
  },
};

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));
}
