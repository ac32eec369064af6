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
  /** The menu bar entry the add-on's menu hangs under, as in Sheets. */
  extensions: string;
  /** "Running {item}…" while a menu item runs. */
  running: string;
  /** "{item} finished ({seconds} s)". */
  ran: string;
  /** Title of the box that shows a menu item's error. */
  failed: string;
  ok: string;
  /** The answers to a Yes/No question (send the invites?). */
  yes: string;
  no: string;
  close: string;
  /** The tab listing the fake calendar's events. */
  calendarTab: string;
  calendarTitle: string;
  /** "{events} events ({cancelled} cancelled) · {people} people · {mails} mails". */
  calendarSummary: string;
  calendarEmpty: string;
  /** "{events} events · {invite} invitations, {update} updates, {cancel} cancellations". */
  calendarPerson: string;
  /** "… and {n} more". */
  calendarMore: string;
  automationOn: string;
  automationOff: string;
  cancelled: string;
  /** A first hint in the status line. */
  welcome: string;
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
    sheetTitles: { 客户: '客户档案', 订单: '订单记录', 联系记录: '联系记录', 销售团队: '销售团队', 分析: '示例公式' },
    help: '方向键移动 · 回车/F2 编辑 · 直接输入即开始编辑 · Esc 取消 · Delete 清空',
    extensions: '扩展程序',
    running: '正在运行「{item}」…',
    ran: '「{item}」已完成（{seconds} 秒）',
    failed: '运行出错',
    ok: '确定',
    yes: '是',
    no: '否',
    close: '关闭',
    calendarTab: '日历（模拟）',
    calendarTitle: '日历（模拟）：Kehu 建立的日程和发出的邀请',
    calendarSummary: '{events} 个日程（已取消 {cancelled} 个）· {people} 人 · {mails} 封邮件',
    calendarEmpty: '还没有日程。请先运行 Kehu 菜单中的「生成拜访计划」和「发送日历邀请」。',
    calendarPerson: '{events} 个日程 · 邀请 {invite} 封，更新 {update} 封，取消 {cancel} 封',
    calendarMore: '…另有 {n} 个',
    automationOn: '每日自动运行：已开启，下次 {next}',
    automationOff: '每日自动运行：未开启',
    cancelled: '已取消',
    welcome: '试试上方的 Kehu 菜单：选中客户的任意单元格，再点「客户卡片」。',
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
    sheetTitles: { Customers: 'Customer file', Orders: 'Order log', Contacts: 'Contact log', Team: 'Sales team', Analysis: 'Example formulas' },
    help: 'Arrows move · Enter/F2 edits · typing starts editing · Esc cancels · Delete clears',
    extensions: 'Extensions',
    running: 'Running "{item}"…',
    ran: '"{item}" finished ({seconds} s)',
    failed: 'The item failed',
    ok: 'OK',
    yes: 'Yes',
    no: 'No',
    close: 'Close',
    calendarTab: 'Calendar (simulated)',
    calendarTitle: 'Calendar (simulated): the events Kehu made and the invitations sent',
    calendarSummary: '{events} events ({cancelled} cancelled) · {people} people · {mails} mails',
    calendarEmpty: 'No events yet. Run "Build the visit schedule" and "Send calendar invites" from the Kehu menu first.',
    calendarPerson: '{events} events · {invite} invitations, {update} updates, {cancel} cancellations',
    calendarMore: '… and {n} more',
    automationOn: 'Daily automation: on, next run {next}',
    automationOff: 'Daily automation: off',
    cancelled: 'cancelled',
    welcome: 'Try the Kehu menu above: select any cell of a customer, then choose the customer card.',
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
    badMenu: '菜单中没有这一项。',
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
    badMenu: 'The menu has no such item.',
  },
};

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));
}
