/**
 * Builds the customer card: sidebar/ bundled by esbuild into one self-contained HTML file,
 * dist/Sidebar.html (HtmlService serves one file per sidebar and the page may load nothing by
 * URL). The script and the styles are inlined into sidebar/index.html; the result is checked
 * for anything that would fetch, or that HtmlService would read as markup or a scriptlet.
 *
 *   tsx tools/build-sidebar.ts [distDir]     (default: $KEHU_DIST or dist/)
 */
import { build, transform } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const sidebarDir = path.join(root, 'sidebar');
export const SIDEBAR_FILE = 'Sidebar.html';
/** Browsers the card must run in: those Google Sheets supports (evergreen). */
const TARGET = ['chrome100', 'firefox100', 'safari15', 'edge100'];

/** What inlining cannot carry: each would break the page or make it fetch. */
const FORBIDDEN: [RegExp, string][] = [
  [/<\/script/i, 'a closing script tag inside the script'],
  [/<!--/, 'an HTML comment opener inside the script or style'],
  [/<\?/, 'an Apps Script scriptlet opener (<?)'],
];

function inlineCheck(kind: string, text: string): void {
  for (const [pattern, what] of FORBIDDEN) {
    if (pattern.test(text)) throw new Error(`sidebar ${kind} holds ${what}; it cannot be inlined into ${SIDEBAR_FILE}.`);
  }
}

/** The built page must not reach anything outside itself. */
export function selfContainedProblems(html: string): string[] {
  const problems: string[] = [];
  if (/\s(?:src|href|srcset|action|formaction|poster|data)\s*=/i.test(html)) problems.push('an attribute that loads a URL (src/href/…)');
  if (/https?:|\/\/[a-z0-9.-]+\.[a-z]{2,}/i.test(html)) problems.push('a URL');
  if (/url\s*\(|@import/i.test(html)) problems.push('a CSS url() or @import');
  if ((html.match(/<script\b/gi) ?? []).length !== 1) problems.push('not exactly one inline script');
  if (/\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts/.test(html)) problems.push('a network API');
  return problems;
}

export async function buildSidebar(distDir: string): Promise<{ bytes: number }> {
  const script = await build({
    entryPoints: [path.join(sidebarDir, 'main.ts')],
    tsconfig: path.join(sidebarDir, 'tsconfig.json'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: TARGET,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
  });
  const js = script.outputFiles[0].text.trim();
  const css = (await transform(fs.readFileSync(path.join(sidebarDir, 'style.css'), 'utf8'), { loader: 'css', minify: true, target: TARGET, charset: 'utf8' })).code.trim();
  inlineCheck('script', js);
  inlineCheck('style', css);

  const template = fs.readFileSync(path.join(sidebarDir, 'index.html'), 'utf8');
  for (const slot of ['<!--kehu:style-->', '<!--kehu:script-->']) {
    if (template.split(slot).length !== 2) throw new Error(`sidebar/index.html must hold ${slot} exactly once`);
  }
  const html = template
    .replace('<!--kehu:style-->', '\u0000style\u0000')
    .replace('<!--kehu:script-->', '\u0000script\u0000')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\n\s*\n/g, '\n')
    // Functions, not strings: `$&` and friends in the minified code must stay as they are.
    .replace('\u0000style\u0000', () => `<style>${css}</style>`)
    .replace('\u0000script\u0000', () => `<script>${js}</script>`);

  const problems = selfContainedProblems(html);
  if (problems.length) throw new Error(`${SIDEBAR_FILE} is not self-contained: ${problems.join('; ')}.`);
  fs.mkdirSync(distDir, { recursive: true });
  fs.writeFileSync(path.join(distDir, SIDEBAR_FILE), html);
  return { bytes: Buffer.byteLength(html, 'utf8') };
}

if (require.main === module) {
  const dist = path.resolve(process.argv[2] ?? process.env.KEHU_DIST ?? path.join(root, 'dist'));
  buildSidebar(dist).then(
    ({ bytes }) => console.log(`built ${path.relative(process.cwd(), path.join(dist, SIDEBAR_FILE))} (${bytes} bytes)`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
