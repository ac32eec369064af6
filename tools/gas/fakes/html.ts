/** HtmlService: HTML output for sidebars and dialogs, read from the project's .html files. */
import fs from 'node:fs';
import path from 'node:path';
import { counted, type Runtime } from './runtime';

export interface FakeHtmlOutput {
  getContent(): string;
  setContent(content: string): FakeHtmlOutput;
  append(addedContent: string): FakeHtmlOutput;
  appendUntrusted(addedContent: string): FakeHtmlOutput;
  clear(): FakeHtmlOutput;
  getTitle(): string;
  setTitle(title: string): FakeHtmlOutput;
  getWidth(): number;
  setWidth(width: number): FakeHtmlOutput;
  getHeight(): number;
  setHeight(height: number): FakeHtmlOutput;
  setSandboxMode(mode: string): FakeHtmlOutput;
  getSandboxMode(): string;
  setXFrameOptionsMode(mode: string): FakeHtmlOutput;
  addMetaTag(name: string, content: string): FakeHtmlOutput;
  setFaviconUrl(url: string): FakeHtmlOutput;
}

/** What an HtmlOutput holds, readable by the Ui fake without counting calls. */
export interface HtmlState {
  content: string;
  title: string;
  width: number | null;
  height: number | null;
  sandboxMode: string;
  xFrameOptionsMode: string;
  metaTags: Record<string, string>;
}

const states = new WeakMap<object, HtmlState>();

export function htmlStateOf(output: unknown): HtmlState | undefined {
  return output && typeof output === 'object' ? states.get(output) : undefined;
}

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function makeOutput(rt: Runtime, content: string): FakeHtmlOutput {
  const s: HtmlState = { content, title: '', width: null, height: null, sandboxMode: SandboxMode.IFRAME, xFrameOptionsMode: XFrameOptionsMode.DEFAULT, metaTags: {} };
  const size = (n: unknown, what: string): number => {
    const v = Number(n);
    if (!Number.isInteger(v) || v < 0) throw rt.error(`Invalid argument: ${what}`);
    return v;
  };
  const out: FakeHtmlOutput = {
    getContent: () => s.content,
    setContent(c) {
      s.content = String(c);
      return out;
    },
    append(c) {
      s.content += String(c);
      return out;
    },
    appendUntrusted(c) {
      s.content += escapeHtml(String(c));
      return out;
    },
    clear() {
      s.content = '';
      return out;
    },
    getTitle: () => s.title,
    setTitle(t) {
      s.title = String(t);
      return out;
    },
    // Apps Script documents no default size; the fake answers 0 for a size never set.
    getWidth: () => s.width ?? 0,
    setWidth(w) {
      s.width = size(w, 'width');
      return out;
    },
    getHeight: () => s.height ?? 0,
    setHeight(h) {
      s.height = size(h, 'height');
      return out;
    },
    setSandboxMode(mode) {
      // Apps Script serves every page in IFRAME mode now, whatever is asked.
      if (!Object.values(SandboxMode).includes(mode as never)) throw rt.error('Invalid argument: mode');
      s.sandboxMode = SandboxMode.IFRAME;
      return out;
    },
    getSandboxMode: () => s.sandboxMode,
    setXFrameOptionsMode(mode) {
      if (!Object.values(XFrameOptionsMode).includes(mode as never)) throw rt.error('Invalid argument: mode');
      s.xFrameOptionsMode = mode;
      return out;
    },
    addMetaTag(name, c) {
      s.metaTags[String(name)] = String(c);
      return out;
    },
    setFaviconUrl: () => out,
  };
  states.set(out, s);
  return counted('HtmlOutput', out, rt);
}

/** The text of `<name>.html` (name given with or without the extension), or undefined. */
export function readHtmlFile(rt: Runtime, name: string): string | undefined {
  const base = name.replace(/\.html$/, '');
  const { htmlFiles, htmlDir } = rt.state;
  if (htmlFiles.has(base)) return htmlFiles.get(base);
  if (htmlDir) {
    const dir = path.resolve(htmlDir);
    const file = path.resolve(dir, `${base}.html`);
    // Only files directly in the project folder, as Apps Script has no folders.
    if (path.dirname(file) === dir && fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  return undefined;
}

export function createHtmlService(rt: Runtime) {
  return counted('HtmlService', {
    createHtmlOutput: (html: unknown = '') => makeOutput(rt, String(html)),
    createHtmlOutputFromFile(filename: string) {
      const html = readHtmlFile(rt, String(filename));
      if (html === undefined) throw rt.error(`No HTML file named ${String(filename).replace(/\.html$/, '')} was found.`);
      return makeOutput(rt, html);
    },
    SandboxMode,
    XFrameOptionsMode,
  }, rt);
}
