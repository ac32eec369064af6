/**
 * Builds dist/ for clasp: one Apps Script file (Code.js), the sidebar's single HTML file
 * (Sidebar.html, see build-sidebar.ts) and appsscript.json.
 *
 * esbuild bundles src/main.ts as an IIFE bound to one global (__KEHU). Sheets only sees
 * top-level `function` declarations, and esbuild drops ordinary JSDoc, so for each function
 * that src/main.ts exports this script appends a declaration with the original JSDoc that hands
 * off to the bundle. The TypeScript compiler API reads the exports, so main.ts stays the one
 * place that says what is public.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { buildSidebar } from './build-sidebar';

const root = path.resolve(__dirname, '..');
// KEHU_DIST builds elsewhere (several checkouts or helpers building at once); clasp pushes dist/.
const dist = process.env.KEHU_DIST ? path.resolve(process.env.KEHU_DIST) : path.join(root, 'dist');
const entry = path.join(root, 'src', 'main.ts');
export const GLOBAL_NAME = '__KEHU';

export interface PublicFunction {
  name: string;
  params: string[];
  jsdoc: string;
}

/** The functions src/main.ts exports, with their parameter names and JSDoc text. */
export function readPublicFunctions(file = entry): PublicFunction[] {
  const program = ts.createProgram([file], { allowJs: false, noEmit: true, target: ts.ScriptTarget.ES2019 });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`cannot read ${file}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${file} has no exports`);
  const text = source.getFullText();
  return checker.getExportsOfModule(moduleSymbol).flatMap((symbol) => {
    const decl = symbol.valueDeclaration;
    if (!decl || !ts.isFunctionDeclaration(decl) || !decl.name) return [];
    const comments = ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? [];
    const doc = comments.filter((c) => text.slice(c.pos, c.pos + 3) === '/**').pop();
    return [{
      name: decl.name.text,
      params: decl.parameters.map((p) => p.name.getText(source)),
      jsdoc: doc ? text.slice(doc.pos, doc.end) : '',
    }];
  });
}

/** One top-level declaration per public function, carrying its JSDoc, handing off to the bundle. */
export function globalDeclarations(functions: PublicFunction[]): string {
  return functions
    .map((f) => `${f.jsdoc}\nfunction ${f.name}(${f.params.join(', ')}) {\n  return ${GLOBAL_NAME}.${f.name}.apply(this, arguments);\n}\n`)
    .join('\n');
}

/**
 * Built-ins the hot loops use, passed into the bundle's function scope. Inside a `vm` context
 * (gas-local, where the bundle is tested and benchmarked) every global lookup goes through the
 * sandbox's interceptor and costs ~100 ns; a parameter costs nothing. In Apps Script it is
 * harmless.
 */
const BUILTINS = [
  'Math', 'Date', 'Map', 'Set', 'WeakMap', 'Array', 'Object', 'Number', 'String', 'Boolean', 'JSON', 'Symbol',
  'Float64Array', 'Int32Array', 'Uint32Array', 'Uint16Array', 'Uint8Array', 'Error', 'RangeError', 'RegExp',
  // Values, not functions, but looked up the same way: `x === Infinity` in a hot loop costs a trip through the sandbox.
  'Infinity', 'NaN',
];

export function bindBuiltins(iife: string): string {
  const head = `var ${GLOBAL_NAME} = (() => {`;
  const tail = '})();';
  const start = iife.indexOf(head);
  const end = iife.lastIndexOf(tail);
  if (start < 0 || end < start) throw new Error('esbuild output no longer has the expected IIFE shape');
  const list = BUILTINS.join(', ');
  return `${iife.slice(0, start)}var ${GLOBAL_NAME} = ((${list}) => {${iife.slice(start + head.length, end)}})(${list});${iife.slice(end + tail.length)}`;
}

export async function buildAll(): Promise<void> {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist, { recursive: true });
  const bundled = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    target: 'es2019',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
  });
  const code = bindBuiltins(bundled.outputFiles[0].text);
  const banner = '// Kehu (客户): built from src/ by tools/build.ts. Do not edit; edit src/ and run npm run build.\n';
  fs.writeFileSync(path.join(dist, 'Code.js'), `${banner}${code}\n${globalDeclarations(readPublicFunctions())}`);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  // The customer card: one self-contained HTML file (Apps Script serves no other files).
  await buildSidebar(dist);
}

if (require.main === module) {
  buildAll().then(
    () => console.log(`built ${path.relative(process.cwd(), dist)}/`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
