/**
 * dist/Sidebar.html is the one file HtmlService serves for the card: everything inlined, nothing
 * fetched, small. The sidebar's source puts data on the page only as text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSidebar, selfContainedProblems, SIDEBAR_FILE } from '../tools/build-sidebar';

/** The issue asks for "small"; the card's brief aims well under 60 KB. */
const BUDGET_BYTES = 60_000;
const sidebarDir = path.resolve(__dirname, '..', 'sidebar');

let dist: string;
let html: string;
let bytes: number;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-sidebar-build-'));
  ({ bytes } = await buildSidebar(dist));
  html = fs.readFileSync(path.join(dist, SIDEBAR_FILE), 'utf8');
});

afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

describe('buildSidebar', () => {
  it('writes one HTML document and answers its size in bytes', () => {
    expect(bytes).toBe(fs.statSync(path.join(dist, SIDEBAR_FILE)).size);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(fs.readdirSync(dist)).toEqual([SIDEBAR_FILE]);
  });

  it('inlines exactly one script and one style, with nothing that loads from elsewhere', () => {
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script>']);
    expect(html.match(/<style\b[^>]*>/g)).toEqual(['<style>']);
    expect(html).not.toMatch(/\s(?:src|href|srcset|action|poster)\s*=/i);
    expect(html).not.toMatch(/http/i);
    expect(html).not.toMatch(/url\s*\(|@import/i);
    expect(html).not.toMatch(/<link\b|<iframe\b|<img\b/i);
    expect(selfContainedProblems(html)).toEqual([]);
  });

  it('keeps the inlined code from closing its own tag or opening a scriptlet', () => {
    const script = html.slice(html.indexOf('<script>') + 8, html.lastIndexOf('</script>'));
    expect(script).not.toMatch(/<\/script|<!--|<\?/i);
    expect(html).not.toContain('<?');
    // The page's template placeholders are all replaced.
    expect(html).not.toContain('kehu:');
  });

  it(`stays under ${BUDGET_BYTES} bytes`, () => {
    expect(bytes).toBeLessThan(BUDGET_BYTES);
  });

  it('the self-containment check catches what it is there for', () => {
    const page = (body: string): string => `<!DOCTYPE html><html><body>${body}<script>1</script></body></html>`;
    expect(selfContainedProblems(page(''))).toEqual([]);
    expect(selfContainedProblems(page('<img src="x.png">'))).toHaveLength(1);
    expect(selfContainedProblems(page('<a href="#top">top</a>'))).toHaveLength(1);
    expect(selfContainedProblems(page('<style>b{background:url(a.png)}</style>'))).toHaveLength(1);
    expect(selfContainedProblems(page('<p>https://example.com</p>'))).toHaveLength(1);
    expect(selfContainedProblems(page('<script>fetch("/x")</script>'))).toHaveLength(2);
  });
});

describe('sidebar source', () => {
  const files = fs.readdirSync(sidebarDir).filter((f) => f.endsWith('.ts'));
  const sources = files.map((f) => [f, fs.readFileSync(path.join(sidebarDir, f), 'utf8')] as const);

  it('never turns text into markup or code', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const [file, text] of sources) {
      for (const pattern of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\s*\(/, /new Function\b/, /createContextualFragment/, /DOMParser/]) {
        if (pattern.test(text)) throw new Error(`sidebar/${file} uses ${pattern}`);
      }
    }
  });

  it('is not part of the server build (its own tsconfig with the DOM library)', () => {
    const server = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'tsconfig.json'), 'utf8')) as { include: string[] };
    expect(server.include.some((p) => p.startsWith('sidebar'))).toBe(false);
    const own = fs.readFileSync(path.join(sidebarDir, 'tsconfig.json'), 'utf8');
    expect(own).toMatch(/"DOM"/);
  });
});
