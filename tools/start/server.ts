/**
 * The local preview behind `npm start`: the sample workbook in a HyperFormula stand-in for
 * Sheets whose custom functions are the built bundle (dist/Code.js, the file clasp deploys),
 * served as one self-contained page plus a small JSON API. node:http only, no framework.
 *
 *   GET  /                 the page
 *   GET  /api/sheets       { sheets: names, lang, locale, timeZone }
 *   GET  /api/sheet?name=X[&rows=N]   the sheet's first N (default 1000) rows, see view.ts
 *   POST /api/cell {sheet, a1, input[, rows]}   types into a cell; answers { view, expanded }
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createKehuSheets } from '../sheets/kehuSheets';
import type { SheetsEngine } from '../sheets/engine';
import { API_TEXT, fill, langOfLocale, type Lang } from './i18n';
import { parseA1, parseInput } from './input';
import { renderPage } from './page';
import { DEFAULT_VIEW_ROWS, errorCells, MAX_VIEW_ROWS, sheetView } from './view';
import { ANALYSIS_SHEET, buildStartWorkbook, type ExampleFormula } from './workbook';

export interface StartOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1 (this machine only). */
  host?: string;
  /** Spreadsheet locale the bundle sees; default zh_CN. */
  locale?: string;
  /** Spreadsheet time zone; default Asia/Shanghai. */
  timeZone?: string;
}

export interface StartedServer {
  url: string;
  close(): Promise<void>;
  /** Example cells on the Analysis sheet that show an error at start (empty when all is well). */
  warnings: string[];
  examples: ExampleFormula[];
  lang: Lang;
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

  const workbook = buildStartWorkbook(lang);
  const { engine } = createKehuSheets({ sheets: workbook.sheets, locale, timeZone });
  const warnings = errorCells(engine, ANALYSIS_SHEET);
  const page = renderPage({ lang, locale, timeZone, sheetNames: engine.getSheetNames(), firstSheet: ANALYSIS_SHEET });

  const knownSheet = (name: unknown): string => {
    if (typeof name !== 'string' || name === '') throw new HttpError(400, t.missingSheet);
    const names = engine.getSheetNames();
    if (!names.includes(name)) throw new HttpError(400, fill(t.unknownSheet, { name, names: names.join(lang === 'zh' ? '、' : ', ') }));
    return name;
  };

  const heightOf = (sheet: string): number | undefined =>
    engine.getSheetNames().includes(sheet) ? engine.getSheetValues(sheet).length : undefined;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (isLoopback(host)) {
      const requested = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (!isLoopback(requested)) throw new HttpError(403, 'Forbidden host');
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
        sendJson(res, 200, { sheets: engine.getSheetNames(), lang, locale, timeZone });
        return;
      case 'GET /api/sheet': {
        const name = knownSheet(url.searchParams.get('name'));
        sendJson(res, 200, sheetView(engine, name, rowsParam(url.searchParams.get('rows'))));
        return;
      }
      case 'POST /api/cell': {
        // JSON only: a cross-site form cannot send it without the browser asking first.
        if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, t.needJson);
        let body: unknown;
        try {
          body = JSON.parse(await readBody(req, t));
        } catch (e) {
          if (e instanceof HttpError) throw e;
          throw new HttpError(400, t.badJson);
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, t.badJson);
        const { sheet, a1, input, rows } = body as Record<string, unknown>;
        const name = knownSheet(sheet);
        const at = parseA1(a1);
        if (at === null) throw new HttpError(400, fill(t.badA1, { a1: String(a1) }));
        let parsed;
        try {
          parsed = parseInput(input, name, heightOf);
        } catch {
          throw new HttpError(400, t.badInput);
        }
        const address = (a1 as string).trim().replace(/\$/g, '').toUpperCase();
        applyEdit(engine, name, address, parsed.content, t);
        sendJson(res, 200, { a1: address, expanded: parsed.expanded, view: sheetView(engine, name, rowsParam(rows)) });
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
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}`,
    warnings,
    examples: workbook.examples,
    lang,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          engine.destroy();
          if (err) reject(err);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function applyEdit(engine: SheetsEngine, sheet: string, a1: string, content: unknown, t: Record<string, string>): void {
  try {
    engine.setCell(sheet, a1, content);
  } catch (e) {
    throw new HttpError(400, fill(t.rejected, { message: e instanceof Error ? e.message : String(e) }));
  }
}
