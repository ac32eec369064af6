/**
 * "Export the schedule (.ics)": the visit schedule as a calendar file any calendar imports,
 * offered as a download in a small dialog (Apps Script serves no files: the dialog carries the
 * text and builds the download link itself).
 *
 * The link is a Blob URL made in the page (URL.createObjectURL), not a data: URI: a schedule for
 * 50,000 customers is several MB of text, and Chrome refuses URLs past 2 MB; a Blob URL is a
 * short name for the bytes, whatever their size. No Drive file (and no Drive scope) is needed.
 */
import { nowMs } from '../../adapters/clock';
import { zoneOffsetAt } from '../../adapters/timeZone';
import { showDialogHtml } from '../../adapters/ui';
import { scheduleToIcs } from '../../core/calendar/ics';
import type { Lang } from '../../core/locale';
import type { RunContext } from '../run/frame';
import { readSchedule } from '../reads/scheduleRead';
import { loadSettings } from '../reads/tables';
import { appText } from '../run/texts';

/** Text for HTML element content: the dialog shows names from the sheet. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON that can sit inside a <script> element: no "</script", no "<!--", no U+2028/2029. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function downloadDialogHtml(ics: string, fileName: string, count: number, lang: Lang): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font:14px/1.5 system-ui,sans-serif;margin:16px}a{display:inline-block;margin-top:8px;padding:8px 14px;background:#1a73e8;color:#fff;border-radius:4px;text-decoration:none}</style></head><body>
<p>${escapeHtml(appText(lang, 'exportReady', { count }))}</p>
<a id="download" href="#" download="${escapeHtml(fileName)}">${escapeHtml(appText(lang, 'download'))}</a>
<script>
var ics = ${scriptJson(ics)};
var link = document.getElementById('download');
link.href = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
</script></body></html>`;
}

export interface ExportResult {
  summary: string;
  ics: string | null;
}

export function runExportStep(ctx: RunContext): ExportResult {
  const settings = loadSettings(ctx);
  const { name, sheet } = readSchedule(ctx);
  const rows = sheet.rows.filter((r) => r.day !== null && r.rowId !== '');
  if (rows.length === 0) return { summary: appText(ctx.lang, 'exportNone'), ics: null };
  const ics = scheduleToIcs(rows, {
    timeZone: ctx.wb.timeZone(),
    clock: ctx.clock,
    offsetAt: zoneOffsetAt(ctx.wb.timeZone()),
    visitMinutes: settings.visitMinutes,
    callMinutes: settings.callMinutes,
    spreadsheetId: ctx.wb.id(),
    spreadsheetUrl: ctx.wb.url(),
    lang: ctx.lang,
    now: nowMs(),
    calendarName: `${name ?? ''} · ${ctx.wb.spreadsheet.getName()}`,
  });
  const fileName = ctx.lang === 'zh' ? 'kehu-拜访计划.ics' : 'kehu-visit-schedule.ics';
  const shown = showDialogHtml(downloadDialogHtml(ics, fileName, rows.length, ctx.lang), appText(ctx.lang, 'titleExport'));
  return { summary: shown ? '' : appText(ctx.lang, 'exportReady', { count: rows.length }), ics };
}
