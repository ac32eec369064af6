/** What the add-on says to people outside cells: menu items, dialog titles, run summaries. */
import type { Lang } from '../core/locale';

const TEXTS = {
  menuCard: { zh: '客户卡片', en: 'Customer card' },
  menuRefresh: { zh: '刷新分类和提醒', en: 'Refresh classification and flags' },
  menuSchedule: { zh: '生成拜访计划', en: 'Build the visit schedule' },
  menuInvites: { zh: '发送日历邀请', en: 'Send calendar invites' },
  menuExport: { zh: '导出日历文件 (.ics)', en: 'Export the schedule (.ics)' },
  menuSettings: { zh: '设置', en: 'Settings' },
  menuAutoOn: { zh: '开启每日自动运行', en: 'Turn daily automation on' },
  menuAutoOff: { zh: '关闭每日自动运行', en: 'Turn daily automation off' },

  titleRefresh: { zh: 'Kehu · 分类和提醒', en: 'Kehu · Classification and flags' },
  titleSchedule: { zh: 'Kehu · 拜访计划', en: 'Kehu · Visit schedule' },
  titleInvites: { zh: 'Kehu · 日历邀请', en: 'Kehu · Calendar invites' },
  titleExport: { zh: 'Kehu · 导出日历', en: 'Kehu · Export calendar' },
  titleSettings: { zh: 'Kehu · 设置', en: 'Kehu · Settings' },
  titleAutomation: { zh: 'Kehu · 自动运行', en: 'Kehu · Automation' },
  titleDaily: { zh: 'Kehu · 每日运行', en: 'Kehu · Daily run' },
  cardTitle: { zh: '客户卡片', en: 'Customer card' },

  busy: {
    zh: '另一个 Kehu 任务正在处理这个文件，本次未运行。请几分钟后再试。',
    en: 'Another Kehu run is working on this file, so this one did not start. Try again in a few minutes.',
  },
  noSpreadsheet: {
    zh: 'Kehu 只能在电子表格中运行：请从表格的“扩展程序”菜单打开。',
    en: 'Kehu runs inside a spreadsheet: open it from the spreadsheet\'s Extensions menu.',
  },
  unexpected: {
    zh: 'Kehu 遇到意外问题而停止（{detail}）。已写入的内容保持完整，下次运行会重新开始。如果问题重复出现，请把这句话发给我们。',
    en: 'Kehu stopped on an unexpected problem ({detail}). What was written stays consistent and the next run starts over. If it happens again, please send us this sentence.',
  },
  refreshDone: {
    zh: '已为 {customers} 位客户刷新分类和提醒：红 {red}，黄 {amber}，绿 {green}。新增提醒 {raised} 条，解除 {cleared} 条。{problems}',
    en: 'Classification and flags refreshed for {customers} customers: {red} red, {amber} amber, {green} green. {raised} flags raised, {cleared} cleared.{problems}',
  },
  problemsNote: {
    zh: '有 {count} 行数据无法使用，已在提醒列和日志中注明。',
    en: ' {count} rows could not be used; see the flags column and the log.',
  },
  scheduleDone: {
    zh: '拜访计划已更新（{from} 至 {to}）：已排期 {dated} 项，未排期 {undated} 项（超出容量或无人负责），保留人工修改 {kept} 项，移除 {removed} 项。',
    en: 'Visit schedule updated ({from} to {to}): {dated} contacts dated, {undated} undated (over capacity or nobody to make them), {kept} rows kept as people changed them, {removed} removed.',
  },
  invitesDone: {
    zh: '日历邀请：新建 {inserted}，更新 {patched}，取消 {cancelled}。{deferred}',
    en: 'Calendar invites: {inserted} created, {patched} updated, {cancelled} cancelled.{deferred}',
  },
  invitesDeferred: {
    zh: '还有 {count} 项留到下次运行（今日上限或时间预算）。',
    en: ' {count} wait for the next run (the daily limit or the time budget).',
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
  automationAlreadyOn: { zh: '每日自动运行本来就是开启的。', en: 'Daily automation was already on.' },
  automationOff: { zh: '每日自动运行已关闭。', en: 'Daily automation is off.' },
  automationWasOff: { zh: '每日自动运行本来就是关闭的。', en: 'Daily automation was already off.' },
  dailyDone: { zh: '每日运行完成。{steps}', en: 'Daily run done. {steps}' },
  dailyPaused: {
    zh: '每日运行在“{step}”前暂停（时间预算），下一个小时继续。',
    en: 'The daily run paused before "{step}" (time budget); it continues within the hour.',
  },
  authorizationNeeded: {
    zh: 'Kehu 需要重新授权才能继续每日运行：请打开表格，从扩展程序菜单运行任意一项。',
    en: 'Kehu needs to be authorized again to continue the daily run: open the spreadsheet and run any item of its Extensions menu.',
  },
} satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXTS;

export function appText(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
}
