/**
 * A sidebar or dialog the add-on showed, as the page's frame loads it: the add-on's own HTML with
 * `google.script.run` and `google.script.host` defined before any of its scripts runs, as Apps
 * Script defines them in the frame it serves (see scriptRun.js for the rules they keep).
 */
import fs from 'node:fs';
import path from 'node:path';

const SHIM_FILE = path.join(__dirname, 'scriptRun.js');

/** JSON safe inside <script>: nothing in it can close the element. */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * `html` with the client API script first in its head (marked data-playground: the only change
 * to the add-on's page); `functions`: the server's public globals.
 */
export function dialogPage(html: string, functions: string[]): string {
  const shim = `<script data-playground>${fs.readFileSync(SHIM_FILE, 'utf8')}(${scriptJson(functions)});</script>`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + shim + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  return doctype ? doctype[0] + shim + html.slice(doctype[0].length) : shim + html;
}
