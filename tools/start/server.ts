/**
 * The local playground behind `npm start`: the sample customer file with the add-on's menu and
 * its customer card, over the built bundle (dist/Code.js and dist/Sidebar.html, the files clasp
 * deploys) running against the in-memory Apps Script services (see playground.ts). Served as
 * one self-contained page plus a small JSON API. node:http only, no framework.
 *
 *   GET  /                   the page
 *   GET  /api/sheets         { sheets: visible names, hidden, active, revision, menus, lang, locale, timeZone }
 *   GET  /api/sheet?name=X[&rows=N]   the sheet's first N (default 1000) rows, see view.ts
 *   POST /api/cell {sheet, a1, input[, rows]}   types into a cell; answers { view, expanded, revision }
 *   POST /api/select {sheet, a1}   the user's selection (what the card's menu item reads)
 *   POST /api/menu {fn[, sheet, a1, answer]}   clicks a menu item (selecting first); a Yes/No question is
 *                            answered `answer` (default NO: nothing changes); answers what it showed
 *   POST /api/run {name, args}   one google.script.run call (args: the JSON text of the arguments)
 *   GET  /ui/N               the HTML of the N-th sidebar or dialog the add-on showed
 *   GET  /api/calendar       the fake calendar's events and mails, per person
 *   GET  /api/charts?name=X  the sheet's native charts with their data (chartsData.ts)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_TEXT, fill, langOfLocale, type Lang } from './i18n';
import { parseA1, parseInput } from './input';
import { renderPage } from './page';
import { createPlayground, NotOnMenuError, type Playground, type PlaygroundOptions } from './playground';
import { dialogPage } from './dialogPage';
import { DEFAULT_VIEW_ROWS, MAX_VIEW_ROWS } from './view';
import type { ExampleFormula, SampleFile } from './workbook';

export interface StartOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1 (this machine only). */
  host?: string;
  /** Spreadsheet locale the bundle sees; default zh_CN. */
  locale?: string;
  /** Spreadsheet time zone; default Asia/Shanghai. */
  timeZone?: string;
  /** Folder of the built bundle (default: $KEHU_DIST or dist/). */
  distDir?: string;
  /** Which sample file opens (default 'standard'); see PlaygroundOptions.sampleFile. */
  sample?: SampleFile;
  /** See PlaygroundOptions.onExecution. */
  onExecution?: PlaygroundOptions['onExecution'];
}

export interface StartedServer {
  url: string;
  close(): Promise<void>;
  /** Example cells on the Analysis sheet that show an error at start (empty when all is well). */
  warnings: string[];
  examples: ExampleFormula[];
  lang: Lang;
  /** The document and the add-on behind the page (tests read the fakes through it). */
  playground: Playground;
}

const MAX_BODY_BYTES = 1_000_000;

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(body);
}

/**
 * A sidebar or dialog page, as Apps Script serves it: in its own frame (the page sandboxes it),
 * allowed to run its inline script and styles and to load nothing from anywhere.
 */
function sendDialog(res: http.ServerResponse, html: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'",
  });
  res.end(html);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function readBody(req: http.IncomingMessage, t: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, t.tooLarge));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function rowsParam(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
  if (!Number.isInteger(n) || n < 1) return DEFAULT_VIEW_ROWS;
  return Math.min(n, MAX_VIEW_ROWS);
}

/** Loopback names a browser uses for this machine; other Host headers are refused (DNS rebinding). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || host.startsWith('127.');
}

export async function startServer(options: StartOptions): Promise<StartedServer> {
  const host = options.host ?? '127.0.0.1';
  const locale = options.locale ?? 'zh_CN';
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const lang = langOfLocale(locale);
  const t = API_TEXT[lang];

  const pg = createPlayground({ locale, timeZone, distDir: options.distDir, onExecution: options.onExecution, sampleFile: options.sample });
  const visible = (): string[] => pg.tabs().filter((s) => !s.hidden).map((s) => s.name);
  const page = renderPage({ lang, locale, timeZone, sheetNames: visible(), firstSheet: visible()[0] });

  const knownSheet = (name: unknown): string => {
    if (typeof name !== 'string' || name === '') throw new HttpError(400, t.missingSheet);
    const names = pg.tabs().map((s) => s.name);
    if (!names.includes(name)) throw new HttpError(400, fill(t.unknownSheet, { name, names: visible().join(lang === 'zh' ? '、' : ', ') }));
    return name;
  };

  /** A JSON object body (JSON only: a cross-site form cannot send it without the browser asking first). */
  const jsonBody = async (req: http.IncomingMessage): Promise<Record<string, unknown>> => {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, t.needJson);
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req, t));
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw new HttpError(400, t.badJson);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, t.badJson);
    return body as Record<string, unknown>;
  };

  const select = (sheet: unknown, a1: unknown): void => {
    const name = knownSheet(sheet);
    if (parseA1(a1) === null) throw new HttpError(400, fill(t.badA1, { a1: String(a1) }));
    try {
      pg.select(name, a1 as string);
    } catch (e) {
      throw new HttpError(400, fill(t.rejected, { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const sheetsInfo = () => ({
    sheets: visible(),
    hidden: pg.tabs().filter((s) => s.hidden).map((s) => s.name),
    active: pg.active(),
    revision: pg.revision(),
    menus: pg.menus(),
    lang,
    locale,
    timeZone,
  });

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (isLoopback(host)) {
      const requested = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (!isLoopback(requested)) throw new HttpError(403, 'Forbidden host');
    }
    const dialog = /^\/ui\/(\d{1,6})$/.exec(url.pathname);
    if (req.method === 'GET' && dialog) {
      const record = pg.dialog(Number(dialog[1]));
      if (!record) throw new HttpError(404, t.notFound);
      sendDialog(res, dialogPage(record.html, pg.publicFunctions()));
      return;
    }
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
      case 'GET /index.html':
        send(res, 200, page, 'text/html; charset=utf-8');
        return;
      case 'GET /favicon.ico':
        res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
        res.end();
        return;
      case 'GET /api/sheets':
        sendJson(res, 200, sheetsInfo());
        return;
      case 'GET /api/sheet': {
        const name = knownSheet(url.searchParams.get('name'));
        sendJson(res, 200, pg.view(name, rowsParam(url.searchParams.get('rows'))));
        return;
      }
      case 'GET /api/charts':
        sendJson(res, 200, { charts: pg.charts(knownSheet(url.searchParams.get('name'))) });
        return;
      case 'GET /api/calendar':
        sendJson(res, 200, pg.calendar());
        return;
      case 'POST /api/cell': {
        const { sheet, a1, input, rows } = await jsonBody(req);
        const name = knownSheet(sheet);
        const at = parseA1(a1);
        if (at === null) throw new HttpError(400, fill(t.badA1, { a1: String(a1) }));
        let parsed;
        try {
          // Open ranges go to the playground as typed: it keeps them open (they take new rows).
          parsed = parseInput(input, name, () => undefined);
        } catch {
          throw new HttpError(400, t.badInput);
        }
        const address = (a1 as string).trim().replace(/\$/g, '').toUpperCase();
        applyEdit(pg, name, address, parsed.content, t);
        sendJson(res, 200, { a1: address, expanded: parsed.expanded, view: pg.view(name, rowsParam(rows)), revision: pg.revision() });
        return;
      }
      case 'POST /api/select': {
        const { sheet, a1 } = await jsonBody(req);
        select(sheet, a1);
        sendJson(res, 200, { active: pg.active() });
        return;
      }
      case 'POST /api/menu': {
        const { fn, sheet, a1, answer } = await jsonBody(req);
        if (typeof fn !== 'string' || (answer !== undefined && answer !== 'YES' && answer !== 'NO')) throw new HttpError(400, t.badMenu);
        if (sheet !== undefined || a1 !== undefined) select(sheet, a1);
        try {
          sendJson(res, 200, pg.runMenu(fn, answer));
        } catch (e) {
          if (e instanceof NotOnMenuError) throw new HttpError(400, t.badMenu);
          throw e;
        }
        return;
      }
      case 'POST /api/run': {
        const { name, args } = await jsonBody(req);
        if (typeof name !== 'string' || typeof args !== 'string') throw new HttpError(400, t.badJson);
        sendJson(res, 200, pg.runScript(name, args));
        return;
      }
      default:
        if (url.pathname === '/' || url.pathname.startsWith('/api/')) throw new HttpError(405, 'Method not allowed');
        throw new HttpError(404, t.notFound);
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) sendJson(res, e.status, { error: e.message });
      else sendJson(res, 500, { error: e instanceof Error ? e.message : String(e) });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // Time-driven triggers fire while the server runs, as Apps Script fires them.
  const ticker = setInterval(() => {
    for (const r of pg.tick()) console.log(r.ok ? `Kehu: the trigger ran ${r.handler}.` : `Kehu: the trigger's ${r.handler} failed: ${r.error}`);
  }, 60_000);
  ticker.unref();
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}`,
    warnings: pg.warnings,
    examples: pg.examples,
    lang,
    playground: pg,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(ticker);
        server.close((err) => {
          pg.close();
          if (err) reject(err);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function applyEdit(pg: Playground, sheet: string, a1: string, content: unknown, t: Record<string, string>): void {
  try {
    pg.type(sheet, a1, content);
  } catch (e) {
    throw new HttpError(400, fill(t.rejected, { message: e instanceof Error ? e.message : String(e) }));
  }
}
