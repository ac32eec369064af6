/**
 * The one page `npm start` serves: inline CSS and script (client.js), no external assets, so it
 * works offline and shows exactly what the local server computes.
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
#wrap { position: relative; flex: 1; overflow: auto; scroll-padding: var(--row-h) 0 0 48px; }
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
<div class="fbar">
  <div class="addr" id="addr">A1</div>
  <div class="fx">fx</div>
  <input id="fbar" spellcheck="false" autocomplete="off" placeholder="${escapeHtml(text.formulaPlaceholder)}" aria-label="formula">
</div>
<div id="wrap">
  <table id="grid" aria-label="sheet"></table>
  <input id="editor" class="idle" spellcheck="false" autocomplete="off" aria-label="cell">
</div>
<footer>
  <nav class="tabs" id="tabs"></nav>
  <div class="status">
    <span id="status">${escapeHtml(text.loading)}</span>
    <span id="rows"></span><button id="more" hidden>${escapeHtml(text.showMore)}</button>
    <span class="help">${escapeHtml(text.help)}</span>
  </div>
</footer>
<script type="application/json" id="config">${scriptJson(config)}</script>
<script>
${client}
</script>
</body>
</html>
`;
}
