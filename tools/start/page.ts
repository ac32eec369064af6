/**
 * The one page `npm start` serves: inline CSS and scripts (client.js for the grid, addon.js for
 * the add-on's menu, dialogs, sidebar and calendar), no external assets, so it works offline and
 * shows exactly what the local server computes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UI_TEXT, type Lang } from './i18n';

export interface PageOptions {
  lang: Lang;
  locale: string;
  timeZone: string;
  sheetNames: string[];
  /** The tab shown first. */
  firstSheet: string;
}

const CLIENT_FILE = path.join(__dirname, 'client.js');
const ADDON_FILE = path.join(__dirname, 'addon.js');
const CHARTS_FILE = path.join(__dirname, 'charts.js');

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON safe inside <script>: no '</script>' or '<!--' can close or confuse the element. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const CSS = `
:root {
  --line: #e1e3e6; --head: #f4f5f7; --head-line: #d3d6da; --text: #1f2328; --muted: #69707a;
  --accent: #1a73e8; --accent-soft: #e8f0fe; --error: #c5221f; --row-h: 24px;
}
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body {
  display: flex; flex-direction: column; color: var(--text); background: #fff;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif;
}
header { display: flex; align-items: baseline; gap: 12px; padding: 8px 14px 6px; border-bottom: 1px solid var(--line); }
header h1 { margin: 0; font-size: 16px; font-weight: 600; }
header .sub { color: var(--muted); }
header .meta { margin-left: auto; color: var(--muted); font-size: 12px; }
.fbar { display: flex; align-items: stretch; border-bottom: 1px solid var(--line); height: 32px; }
.fbar .addr { width: 96px; padding: 0 10px; display: flex; align-items: center; border-right: 1px solid var(--line); font-weight: 600; color: var(--muted); white-space: nowrap; overflow: hidden; }
.fbar .fx { padding: 0 10px; display: flex; align-items: center; color: var(--muted); font-style: italic; border-right: 1px solid var(--line); }
.fbar input { flex: 1; border: 0; outline: 0; padding: 0 10px; font: 13px/1 ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; }
.fbar input:focus { box-shadow: inset 0 -2px 0 var(--accent); }
#main { flex: 1; display: flex; min-height: 0; }
#wrap { position: relative; flex: 1; overflow: auto; scroll-padding: var(--row-h) 0 0 48px; }
#wrap[hidden], #calendar[hidden], #sidebar[hidden] { display: none; }
.menubar { display: flex; align-items: center; gap: 4px; padding: 2px 10px; border-bottom: 1px solid var(--line); min-height: 30px; }
.menubar .mb-label { color: var(--muted); }
.menu { position: relative; }
.menu-btn { border: 1px solid transparent; background: transparent; font: inherit; padding: 3px 10px; border-radius: 4px; cursor: pointer; font-weight: 600; }
.menu-btn:hover, .menu-btn[aria-expanded=true] { background: var(--accent-soft); border-color: #c6dafc; }
.menu-btn::after { content: " ▾"; color: var(--muted); font-weight: 400; }
.menu-list { position: absolute; z-index: 20; top: 100%; left: 0; min-width: 240px; margin: 2px 0 0; padding: 6px 0; list-style: none; background: #fff; border: 1px solid var(--head-line); border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.18); }
.menu-list[hidden] { display: none; }
.menu-item { display: block; width: 100%; text-align: left; border: 0; background: transparent; font: inherit; padding: 6px 18px; cursor: pointer; white-space: nowrap; }
.menu-item:hover, .menu-item:focus { background: var(--accent-soft); outline: 0; }
.menu-sep { height: 1px; margin: 5px 0; background: var(--line); }
#sidebar { width: 300px; flex: none; display: flex; flex-direction: column; border-left: 1px solid var(--head-line); background: #fff; }
.sb-head { display: flex; align-items: center; height: 36px; padding: 0 6px 0 12px; border-bottom: 1px solid var(--line); font-weight: 600; }
.sb-head span { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.x { border: 0; background: transparent; font-size: 18px; line-height: 1; width: 28px; height: 28px; border-radius: 14px; cursor: pointer; color: var(--muted); }
.x:hover { background: var(--head); color: var(--text); }
#sb-frame { flex: 1; width: 300px; border: 0; }
#overlay { position: fixed; inset: 0; z-index: 30; display: flex; align-items: center; justify-content: center; background: rgba(32,33,36,.45); }
#overlay[hidden] { display: none; }
#dlg { max-width: calc(100vw - 40px); max-height: calc(100vh - 40px); overflow: auto; background: #fff; border-radius: 8px; box-shadow: 0 8px 30px rgba(0,0,0,.3); padding: 8px 16px 16px; }
.dlg-head { display: flex; align-items: center; gap: 8px; min-height: 36px; font-size: 15px; font-weight: 600; }
.dlg-head span { flex: 1; }
#dlg-body iframe { display: block; border: 0; max-width: 100%; }
.alert-text { margin: 6px 0 16px; white-space: pre-wrap; line-height: 1.6; }
.alert.err .alert-text { color: var(--error); }
.dlg-actions { display: flex; justify-content: flex-end; }
.dlg-ok { font: inherit; padding: 6px 22px; border: 0; border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
#toasts { position: fixed; right: 16px; bottom: 70px; z-index: 25; display: flex; flex-direction: column; gap: 8px; }
.toast { background: #323232; color: #fff; padding: 10px 14px; border-radius: 6px; max-width: 360px; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
.toast strong { display: block; }
#calendar { flex: 1; overflow: auto; padding: 10px 18px 24px; }
#calendar h2 { font-size: 15px; margin: 6px 0; }
.kchart { position: absolute; z-index: 3; background: #fff; border: 1px solid var(--head-line); border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.kchart svg { display: block; }
.cal-summary, .cal-auto { margin: 4px 0; color: var(--muted); }
.cal-empty { margin-top: 16px; }
.cal-person { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 4px 10px; }
.cal-person summary { cursor: pointer; padding: 4px 0; }
.cal-mail, .cal-count { color: var(--muted); margin-left: 6px; }
.cal-events { margin: 4px 0 8px; padding-left: 22px; }
.cal-events li { padding: 1px 0; }
.cal-events time { display: inline-block; min-width: 126px; font-variant-numeric: tabular-nums; color: var(--muted); }
.cal-events li.cancelled .cal-what { text-decoration: line-through; color: var(--muted); }
.cal-status { margin-left: 6px; color: var(--error); }
.tabs button.special { margin-left: auto; }
table { border-collapse: separate; border-spacing: 0; table-layout: fixed; }
th, td { height: var(--row-h); padding: 0 6px; border-right: 1px solid var(--line); border-bottom: 1px solid var(--line);
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
thead th { position: sticky; top: 0; z-index: 2; background: var(--head); border-color: var(--head-line); font-weight: 500; color: var(--muted); text-align: center; }
tbody th { position: sticky; left: 0; z-index: 1; background: var(--head); border-color: var(--head-line); font-weight: 400; color: var(--muted); text-align: center; font-size: 12px; }
thead th.corner { left: 0; z-index: 3; }
th.hl { background: #dfe3e8; color: var(--text); font-weight: 600; }
td { cursor: cell; }
td.n, td.d { text-align: right; font-variant-numeric: tabular-nums; }
td.b { text-align: center; }
td.e { color: var(--error); font-weight: 600; text-align: center; position: relative; }
td.e::after { content: ""; position: absolute; top: 0; right: 0; border-style: solid; border-width: 0 7px 7px 0; border-color: transparent var(--error) transparent transparent; }
td.ov { overflow: visible; text-overflow: clip; }
td.ov .ovt { display: block; overflow: hidden; text-overflow: ellipsis; }
td.nb { border-right-color: transparent; }
td.sel { box-shadow: inset 0 0 0 2px var(--accent); }
td.bold { font-weight: 600; }
th.hid, td.hid { padding: 0; background: var(--head); border-right-color: var(--head-line); }
td.fz, tbody th.fz { position: sticky; z-index: 1; }
td.fz { background: #fff; }
tbody th.fz { z-index: 2; }
.fz-last { border-bottom: 2px solid #bcc1c7 !important; }
#editor { position: absolute; z-index: 4; height: var(--row-h); min-width: 40px; padding: 0 5px; margin: 0;
  border: 2px solid var(--accent); outline: 0; background: #fff; font: inherit; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
#editor.idle { opacity: 0; pointer-events: none; caret-color: transparent; }
footer { border-top: 1px solid var(--line); background: var(--head); }
.tabs { display: flex; gap: 2px; padding: 0 8px; border-bottom: 1px solid var(--line); }
.tabs button { border: 0; background: transparent; padding: 7px 16px; font: inherit; color: var(--muted); cursor: pointer; border-bottom: 3px solid transparent; }
.tabs button:hover { background: #e9ebee; }
.tabs button.active { color: var(--accent); font-weight: 600; background: #fff; border-bottom-color: var(--accent); }
.status { display: flex; align-items: center; gap: 12px; min-height: 28px; padding: 3px 14px; font-size: 12px; }
#status { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#status.err { color: var(--error); }
#rows { color: var(--muted); }
#more { font: inherit; font-size: 12px; padding: 1px 8px; cursor: pointer; }
.help { color: var(--muted); }
`;

export function renderPage(o: PageOptions): string {
  const text = UI_TEXT[o.lang];
  const config = { lang: o.lang, sheetNames: o.sheetNames, firstSheet: o.firstSheet, text };
  const client = fs.readFileSync(CLIENT_FILE, 'utf8');
  const addon = fs.readFileSync(ADDON_FILE, 'utf8');
  const charts = fs.readFileSync(CHARTS_FILE, 'utf8');
  return `<!doctype html>
<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
  <h1>Kehu</h1><span class="sub">${escapeHtml(text.title)}</span>
  <span class="meta">${escapeHtml(o.locale)} · ${escapeHtml(o.timeZone)}</span>
</header>
<nav class="menubar" aria-label="menu">
  <span class="mb-label">${escapeHtml(text.extensions)} ›</span><div id="addon-menus"></div>
</nav>
<div class="fbar">
  <div class="addr" id="addr">A1</div>
  <div class="fx">fx</div>
  <input id="fbar" spellcheck="false" autocomplete="off" placeholder="${escapeHtml(text.formulaPlaceholder)}" aria-label="formula">
</div>
<div id="main">
  <div id="wrap">
    <table id="grid" aria-label="sheet"></table>
    <input id="editor" class="idle" spellcheck="false" autocomplete="off" aria-label="cell">
  </div>
  <section id="calendar" hidden aria-label="${escapeHtml(text.calendarTab)}"></section>
  <aside id="sidebar" hidden>
    <div class="sb-head"><span id="sb-title"></span><button type="button" class="x" id="sb-close" aria-label="${escapeHtml(text.close)}">×</button></div>
    <iframe id="sb-frame" sandbox="allow-scripts allow-forms allow-downloads allow-popups allow-modals" title=""></iframe>
  </aside>
</div>
<footer>
  <nav class="tabs" id="tabs"></nav>
  <div class="status">
    <span id="status">${escapeHtml(text.loading)}</span>
    <span id="rows"></span><button id="more" hidden>${escapeHtml(text.showMore)}</button>
    <span class="help">${escapeHtml(text.help)}</span>
  </div>
</footer>
<div id="overlay" hidden>
  <div id="dlg" role="dialog" aria-modal="true" aria-labelledby="dlg-title">
    <div class="dlg-head"><span id="dlg-title"></span><button type="button" class="x" id="dlg-x" aria-label="${escapeHtml(text.close)}">×</button></div>
    <div id="dlg-body"></div>
  </div>
</div>
<div id="toasts" aria-live="polite"></div>
<script type="application/json" id="config">${scriptJson(config)}</script>
<script>
${client}
</script>
<script>
${addon}
</script>
<script>
${charts}
</script>
</body>
</html>
`;
}
