/** What the add-on says to people outside cells: menu items, dialog titles, run summaries. */
import type { Lang } from '../../core/locale';

const TEXTS = {
  menuCard: { zh: '客户卡片', en: 'Customer card' },
  menuRefresh: { zh: '刷新分类和提醒', en: 'Refresh classification and flags' },
  menuSchedule: { zh: '生成拜访计划', en: 'Build the visit schedule' },
  menuInvites: { zh: '发送日历邀请', en: 'Send calendar invites' },
  menuExport: { zh: '导出日历文件 (.ics)', en: 'Export the schedule (.ics)' },
  menuSettings: { zh: '设置', en: 'Settings' },
  menuAutoOn: { zh: '开启每日自动运行', en: 'Turn daily automation on' },
  menuAutoOff: { zh: '关闭每日自动运行', en: 'Turn daily automation off' },
  menuCheckFile: { zh: '检查此文件', en: 'Check this file' },

  titleRefresh: { zh: 'Kehu · 分类和提醒', en: 'Kehu · Classification and flags' },
  titleSchedule: { zh: 'Kehu · 拜访计划', en: 'Kehu · Visit schedule' },
  titleInvites: { zh: 'Kehu · 日历邀请', en: 'Kehu · Calendar invites' },
  titleExport: { zh: 'Kehu · 导出日历', en: 'Kehu · Export calendar' },
  titleSettings: { zh: 'Kehu · 设置', en: 'Kehu · Settings' },
  titleAutomation: { zh: 'Kehu · 自动运行', en: 'Kehu · Automation' },
  titleDaily: { zh: 'Kehu · 每日运行', en: 'Kehu · Daily run' },
  titleCheckFile: { zh: 'Kehu · 检查此文件', en: 'Kehu · Check this file' },
  cardTitle: { zh: '客户卡片', en: 'Customer card' },

  busy: {
    zh: '另一个 Kehu 任务正在处理这个文件，本次未运行。请几分钟后再试。',
    en: 'Another Kehu run is working on this file, so this one did not start. Try again in a few minutes.',
  },
  noSpreadsheet: {
    zh: 'Kehu 只能在电子表格中运行：请从表格的“扩展程序”菜单打开。',
    en: 'Kehu runs inside a spreadsheet: open it from the spreadsheet\'s Extensions menu.',
  },
  moreProblems: {
    zh: '另有 {count} 行数据无法使用，未逐条列出。',
    en: '{count} more rows could not be used; they are not listed one by one.',
  },
  wrongCustomerTable: {
    zh: '订单表中 {orders} 行里有 {unknown} 行的客户不在工作表“{sheet}”的“{header}”列中，Kehu 找到的可能不是您的客户表。请在“设置”表的列映射中填写客户表的“客户代码”列标题。',
    en: "{unknown} of the {orders} orders name customers that are not in the '{header}' column of sheet '{sheet}', so the table Kehu found may not be your customer file. Type your customer table's customer ID header into the Settings sheet's column mapping.",
  },
  unexpected: {
    zh: 'Kehu 遇到意外问题而停止（{detail}）。已写入的内容保持完整，下次运行会重新开始。如果问题重复出现，请把这句话发给我们。',
    en: 'Kehu stopped on an unexpected problem ({detail}). What was written stays consistent and the next run starts over. If it happens again, please send us this sentence.',
  },
  refreshDone: {
    zh: '已为 {customers} 位客户刷新分类和提醒：红 {red}，黄 {amber}，绿 {green}。新增提醒 {raised} 条，解除 {cleared} 条。{noContact}{problems}',
    en: 'Classification and flags refreshed for {customers} customers: {red} red, {amber} amber, {green} green. {raised} flags raised, {cleared} cleared.{noContact}{problems}',
  },
  noContactNote: {
    zh: '{count} 位客户没有拜访或电话记录，其联系节奏自 {since} 首次运行起计算。',
    en: ' {count} customers have no visit or call on record; their contact rhythm counts from the first run on {since}.',
  },
  dashNoContact: { zh: '没有联系记录的客户', en: 'No contact on record' },
  problemsNote: {
    zh: '有 {count} 行数据无法使用，已在提醒列和日志中注明。',
    en: ' {count} rows could not be used; see the flags column and the log.',
  },
  scheduleDone: {
    zh: '拜访计划已更新（{from} 至 {to}）：排入 {dated} 次联系（其中陪访 {joint} 次），{undated} 次未能排入（见“Kehu · 未排入”），保留人工修改 {kept} 项，移除 {removed} 项。',
    en: 'Visit schedule updated ({from} to {to}): {dated} contacts planned ({joint} joint visits), {undated} could not be placed (see "Kehu · Not placed"), {kept} rows kept as people changed them, {removed} removed.',
  },
  holidaysNotCovered: {
    zh: '注意：节假日数据不包含 {years} 年（国务院通知尚未收录），这些年份按周一至周五和“休息日”表安排；请在设置的“休息日”表中补充。',
    en: "Note: the holiday data does not cover {years} (the State Council's notice is not in it yet); those days follow the working weekdays and the Days off table: add the holidays there.",
  },
  invitesDone: {
    zh: '日历邀请：新建 {inserted}，更新 {patched}，取消 {cancelled}。{deferred}',
    en: 'Calendar invites: {inserted} created, {patched} updated, {cancelled} cancelled.{deferred}',
  },
  invitesLimit: {
    zh: '已达到每日新邀请上限（{limit}），其余 {count} 项明天继续。',
    en: 'The daily limit of new invites ({limit}) is reached; {count} more go out tomorrow.',
  },
  invitesBudget: {
    zh: '时间预算用完，其余的一小时内继续。',
    en: 'The time budget ran out; the rest go out within the hour.',
  },
  invitesQuota: {
    zh: 'Google 日历暂时不再接受新日程（使用上限），其余的稍后继续。',
    en: 'Google Calendar is not taking more events for now (usage limit); the rest go out later.',
  },
  invitesNoCalendar: {
    zh: '找不到日历 “{id}”，没有发送邀请。请在“设置”表中改正“日历 ID”（您自己的日历填 primary）。',
    en: "The calendar '{id}' was not found, so no invites went out. Correct the Calendar ID in the Settings sheet (primary is your own calendar).",
  },
  invitesFailed: {
    zh: '{count} 项失败（例如：{message}），详见日志。',
    en: '{count} failed (for example: {message}); see the log.',
  },
  invitesOff: {
    zh: '日历邀请已关闭（设置中的每日上限为 0）。',
    en: 'Calendar invites are off (the daily limit in the Settings sheet is 0).',
  },
  invitesAsk: {
    zh: '将发送日历邀请：新建 {inserted} 项，更新 {patched} 项，取消 {cancelled} 项，涉及 {people} 人（每人都会收到邮件）。{deferred}确定现在发送吗？',
    en: 'About to send calendar invites: {inserted} new, {patched} changed, {cancelled} cancelled, for {people} people (each gets an e-mail). {deferred}Send them now?',
  },
  invitesAskDeferred: {
    zh: '另有 {count} 项新邀请超出每日上限（{limit}），明天再发。',
    en: '{count} more new invites are past the daily limit ({limit}) and wait for tomorrow. ',
  },
  invitesNotSent: { zh: '没有发送任何邀请。', en: 'No invites were sent.' },
  invitesStoppedToday: {
    zh: 'Google 日历限制了发送（{message}），今天不再发送，其余的明天继续。',
    en: 'Google Calendar limited the sending ({message}), so no more go out today; the rest go out tomorrow.',
  },
  invitesHeldToday: {
    zh: 'Google 日历今天早些时候限制了发送，今天不再发送邀请，明天继续。',
    en: 'Google Calendar limited the sending earlier today, so no invites go out today; they continue tomorrow.',
  },
  moreFailures: {
    zh: '另有 {count} 项失败，未逐条列出。',
    en: '{count} more failed; they are not listed one by one.',
  },
  noCalendar: {
    zh: '无法使用 Google 日历高级服务（Calendar API）。请在脚本项目中启用“Google Calendar API”后再试。',
    en: 'The Google Calendar advanced service is not available. Enable "Google Calendar API" in the script project and try again.',
  },
  exportReady: { zh: '共 {count} 个日程，点击下载：', en: '{count} events. Click to download:' },
  exportNone: { zh: '拜访计划中还没有已排期的日程。请先生成拜访计划。', en: 'The visit schedule has no dated contacts yet. Build the visit schedule first.' },
  download: { zh: '下载 .ics 文件', en: 'Download the .ics file' },
  settingsShown: {
    zh: '设置表已打开。修改后，下次运行时生效。',
    en: 'The Settings sheet is open. Changes apply from the next run.',
  },
  automationOn: {
    zh: '每日自动运行已开启：每天 {hour}:00 后，Kehu 会刷新分类和提醒、更新拜访计划并发送日历邀请。',
    en: 'Daily automation is on: every day after {hour}:00 Kehu refreshes the classification and flags, updates the visit schedule and sends the calendar invites.',
  },
  automationOwnedBy: {
    zh: '这个文件的每日自动运行由 {owner} 开启并以其账号运行，不能再开一个。需要修改时请联系 {owner}。',
    en: "This file's daily automation was turned on by {owner} and runs as them, so it cannot be turned on a second time. Ask {owner} to change it.",
  },
  automationOffOnlyBy: {
    zh: '每日自动运行由 {owner} 开启，只有 {owner} 能关闭。',
    en: 'The daily automation was turned on by {owner}; only {owner} can turn it off.',
  },
  calendarOwnedBy: {
    zh: '这个文件的日历邀请从 {owner} 的日历发出，只能由 {owner} 发送（或由其开启的每日自动运行发送），以免重复或遗漏。',
    en: "This file's calendar invites are sent from {owner}'s calendar, so only {owner} (or the daily automation {owner} turned on) can send them; another calendar would duplicate some visits and miss others.",
  },
  automationAlreadyOn: { zh: '每日自动运行本来就是开启的。', en: 'Daily automation was already on.' },
  automationOff: { zh: '每日自动运行已关闭。', en: 'Daily automation is off.' },
  automationWasOff: { zh: '每日自动运行本来就是关闭的。', en: 'Daily automation was already off.' },
  dailyDone: { zh: '每日运行完成。{steps}', en: 'Daily run done. {steps}' },
  dailyPaused: {
    zh: '每日运行在“{step}”处暂停（{why}），下一个小时继续。',
    en: 'The daily run paused at "{step}" ({why}); it continues within the hour.',
  },
  whyBudget: { zh: '时间预算', en: 'time budget' },
  whyQuota: { zh: 'Google 日历使用上限', en: "Google Calendar's usage limit" },
  whyRetry: { zh: '有可重试的失败', en: 'failures worth retrying' },
  checkFileReport: {
    zh: '刚才在此文件中实测（Apps Script 自身计时）：\n• 读取日志表 {readCells} 个单元格：{readMs} 毫秒\n• 写回并刷新：{writeMs} 毫秒\n• 文档属性写入 / 读取：{propSetMs} / {propGetMs} 毫秒\n• 文档缓存写入 / 读取：{cachePutMs} / {cacheGetMs} 毫秒\n\n单元格（每个工作表的行数 × 列数，按 Google 的计算方式）：{total}，一个文件最多 10,000,000（已用 {limitShare}%）。Kehu 自己的 {ownSheets} 个工作表：{own}（占文件的 {ownShare}%）。\n这些数字已写入日志。',
    en: "Measured in this file just now (Apps Script's own timing):\n• read {readCells} cells of the log: {readMs} ms\n• write them back and flush: {writeMs} ms\n• document property set / get: {propSetMs} / {propGetMs} ms\n• document cache put / get: {cachePutMs} / {cacheGetMs} ms\n\nCells (every sheet's rows × columns, as Google counts them): {total} of the 10,000,000 a file may hold ({limitShare}%). Kehu's own {ownSheets} sheets: {own} ({ownShare}% of the file).\nThe figures are in the log.",
  },
  checkFileLine: {
    zh: '读 {readCells} 格 {readMs} 毫秒；写回并刷新 {writeMs} 毫秒；属性写/读 {propSetMs}/{propGetMs} 毫秒；缓存写/读 {cachePutMs}/{cacheGetMs} 毫秒；单元格 {total}（上限的 {limitShare}%），Kehu 占 {own}（{ownShare}%）',
    en: "read {readCells} cells {readMs} ms; write back + flush {writeMs} ms; property set/get {propSetMs}/{propGetMs} ms; cache put/get {cachePutMs}/{cacheGetMs} ms; cells {total} ({limitShare}% of the limit), Kehu's {own} ({ownShare}%)",
  },
  authorizationNeeded: {
    zh: 'Kehu 需要重新授权才能继续每日运行：请打开表格，从扩展程序菜单运行任意一项。',
    en: 'Kehu needs to be authorized again to continue the daily run: open the spreadsheet and run any item of its Extensions menu.',
  },
  // The dashboard sheet (src/app/steps/dashboard.ts).
  dashTitle: { zh: 'Kehu · 仪表盘', en: 'Kehu · Dashboard' },
  dashUpdated: { zh: '更新于', en: 'Updated' },
  dashKpi: { zh: '关键指标', en: 'Key figures' },
  dashCustomers: { zh: '客户数', en: 'Customers' },
  dashActive12: { zh: '近 12 个月有购买', en: 'Bought in the last 12 months' },
  dashRevenue12: { zh: '近 12 个月销售额', en: 'Revenue, last 12 months' },
  dashShareA: { zh: 'A 类客户的销售额占比', en: 'Share of revenue from A' },
  dashSegments: { zh: '各类别的客户数和销售额', en: 'Customers and revenue per segment' },
  dashSegment: { zh: '客户类别', en: 'Segment' },
  dashNoOrders: { zh: '（无订单）', en: '(no orders)' },
  dashShareCustomers: { zh: '客户占比', en: 'Share of customers' },
  dashShareRevenue: { zh: '销售额占比', en: 'Share of revenue' },
  dashTotal: { zh: '合计', en: 'Total' },
  dashHeatCounts: { zh: 'R × F 客户数（R 最近购买，F 购买次数）', en: 'R × F: customers (R recency, F frequency)' },
  dashHeatAverages: { zh: 'R × F 平均消费金额（全部订单）', en: 'R × F: average amount (all orders)' },
  dashMovement: { zh: '等级变动（能上能下）：上期 {period} → 本期 {now}', en: 'Tier movement: {period} → {now}' },
  dashMovementNone: {
    zh: '等级变动（能上能下）：还没有上一期的等级，下一期开始显示。',
    en: 'Tier movement: no earlier period has a tier yet; it shows from the next period.',
  },
  dashPrevNow: { zh: '上期 ＼ 本期', en: 'Previous \\ now' },
  dashPromoted: { zh: '升级', en: 'Promoted' },
  dashDemoted: { zh: '降级', en: 'Demoted' },
  dashNew: { zh: '新客户', en: 'New' },
  dashTopPromoted: { zh: '升级客户（按金额前 10 位）', en: 'Promoted (top 10 by value)' },
  dashTopDemoted: { zh: '降级客户（按金额前 10 位）', en: 'Demoted (top 10 by value)' },
  dashId: { zh: '客户代码', en: 'Customer ID' },
  dashName: { zh: '客户名称', en: 'Customer' },
  dashChange: { zh: '变动', en: 'Change' },
  dashValue: { zh: '分级金额', en: 'Tier value' },
  dashRisk: { zh: '流失风险金额 = 价值 ×（1 − 存活概率）', en: 'Value at risk = value × (1 − P(alive))' },
  dashRiskProxy: {
    zh: '价值以近 12 个月销售额代替终身价值；存活概率来自“设置”中选定的终身价值模型。',
    en: 'Value: the revenue of the last 12 months, standing in for lifetime value; P(alive) from the lifetime model chosen in the Settings sheet.',
  },
  dashRiskNone: {
    zh: '没有存活概率：订单记录太少或太整齐，无法拟合终身价值模型。',
    en: 'No P(alive): the order log is too small or too uniform to fit the lifetime model.',
  },
  dashTier: { zh: '等级', en: 'Tier' },
  dashPAlive: { zh: '存活概率', en: 'P(alive)' },
  dashAtRisk: { zh: '风险金额', en: 'Value at risk' },
  dashReason: { zh: '原因', en: 'Why' },
  dashRiskReason: { zh: '{days} 天未购买，平时约 {gap} 天一次', en: 'no order for {days} days, usually every {gap}' },
  dashRiskReasonOnce: { zh: '只购买过一次，在 {days} 天前', en: 'one order only, {days} days ago' },
  dashPareto: { zh: '帕累托曲线（ABC 分级）', en: 'Pareto curve (ABC tiers)' },
  dashParetoData: { zh: '帕累托曲线数据（供图表使用）', en: 'Pareto curve data (for the chart)' },
  dashCumulative: { zh: '累计销售额占比', en: 'Cumulative share of revenue' },
  dashTierName: { zh: '{tier} 类', en: 'Tier {tier}' },
  dashChartSegments: { zh: '各类别客户数与近 12 个月销售额', en: 'Customers and 12-month revenue per segment' },
  dashChartPareto: { zh: '帕累托曲线：累计销售额占比', en: 'Pareto curve: cumulative share of revenue' },
  dashChartRisk: { zh: '流失风险金额最高的客户', en: 'Highest value at risk' },
  dashDone: { zh: '仪表盘已更新。', en: 'The dashboard is updated.' },
  bigQueryFailed: {
    zh: 'Kehu 无法从 BigQuery 表 {table} 读取订单（设置表“订单来源”）：{reason}',
    en: "Kehu could not read the orders from the BigQuery table {table} (Settings: Orders source): {reason}",
  },
  bigQueryNoOrderSheet: {
    zh: '订单来自 BigQuery（{table}），本文件不保存订单：客户卡片不显示逐月订单图。',
    en: 'The orders are in BigQuery ({table}) and never in this file: the customer card shows no monthly orders chart.',
  },
  bigQueryNoMargin: {
    zh: '设置表“BigQuery 列”没有毛利列，客户象限不计算。',
    en: 'The Settings sheet names no margin among the BigQuery columns, so the quadrant is not computed.',
  },
} satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXTS;

/** Every key of the table (a test renders each to check its wording). */
export const TEXT_KEYS = Object.keys(TEXTS) as TextKey[];

export function appText(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}
