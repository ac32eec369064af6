/**
 * `npm start`: the whole add-on on a local web page, no Google account needed. The sample
 * customer file (customers, orders, contacts, the team list) plus an Analysis sheet of example
 * formulas, the add-on's menu above the grid, the customer card (dist/Sidebar.html) beside it
 * and a simulated calendar, all run by the same built bundle (dist/Code.js) that
 * `npm run deploy` pushes, against the in-memory Apps Script services (tools/start/playground.ts).
 *
 *   npm start                      Chinese (zh_CN, Asia/Shanghai) on http://127.0.0.1:8080
 *   npm start -- --locale en_US    English
 *   npm start -- --sample team     the second sample: a named team, four weeks across National Day 2026
 *   npm start -- --port 3000 --host 0.0.0.0 --time-zone Europe/Berlin
 *   PORT=3000 npm start
 */
import { langOfLocale } from './start/i18n';
import { startServer, type StartOptions } from './start/server';
import { SAMPLE_FILES, type SampleFile } from './start/workbook';

const USAGE = `Usage: npm start -- [--locale zh_CN|en_US] [--sample standard|team] [--port N] [--host 127.0.0.1] [--time-zone Asia/Shanghai]`;

function parseArgs(argv: string[]): StartOptions {
  const options: StartOptions = { port: 8080, host: '127.0.0.1', locale: 'zh_CN', timeZone: 'Asia/Shanghai' };
  const envPort = process.env.PORT;
  if (envPort !== undefined && envPort !== '') options.port = parsePort(envPort, 'PORT');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value.\n${USAGE}`);
      return next;
    };
    switch (name) {
      case '--port':
      case '-p':
        options.port = parsePort(value(), name);
        break;
      case '--host':
        options.host = value();
        break;
      case '--locale':
        options.locale = value();
        break;
      case '--sample': {
        const sample = value();
        if (!(SAMPLE_FILES as readonly string[]).includes(sample)) throw new Error(`--sample must be one of ${SAMPLE_FILES.join(', ')}, got "${sample}".\n${USAGE}`);
        options.sample = sample as SampleFile;
        break;
      }
      case '--time-zone':
      case '--timezone':
      case '--tz':
        options.timeZone = value();
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    }
  }
  return options;
}

function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${source} must be a port number (0-65535), got "${text}".`);
  return port;
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const zh = langOfLocale(options.locale ?? 'zh_CN') === 'zh';
  let server;
  try {
    server = await startServer(options);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') {
      console.error(
        zh
          ? `端口 ${options.port} 已被占用。请换一个端口：npm start -- --port 8081`
          : `Port ${options.port} is already in use. Try another one: npm start -- --port 8081`,
      );
    } else if (/^No built bundle/.test(err.message ?? '')) {
      console.error(zh ? `${err.message}\n还没有构建插件：请先运行 npm run build（npm start 会自动构建）。` : err.message);
    } else {
      console.error(err.stack ?? String(err));
    }
    process.exit(1);
  }
  for (const w of server.warnings) {
    console.warn(zh ? `警告：示例公式出错 ${w}` : `Warning: an example formula shows an error: ${w}`);
  }
  const line = `Kehu is running on ${server.url} — open it in a browser: the Kehu menu is above the grid. (Ctrl+C stops it.)`;
  console.log(zh ? `${line}\nKehu 已在 ${server.url} 运行 — 请在浏览器中打开，表格上方就是 Kehu 菜单。（按 Ctrl+C 停止。）` : line);

  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(130);
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
