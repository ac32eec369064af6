/**
 * The built file is what clasp pushes: every custom function must be a top-level declaration
 * with its JSDoc (Sheets' autocomplete reads it), and nothing may depend on a module system or Node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { HyperFormula } from 'hyperformula';
import { readPublicFunctions } from '../tools/build';

const dist = process.env.KEHU_DIST ? path.resolve(process.env.KEHU_DIST) : path.resolve(__dirname, '../dist');
const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');
const CUSTOM_FUNCTIONS = ['RFM', 'RFMCUTS', 'RFMSCORE', 'RFMSEGMENT', 'ABCTIER', 'ABCSUMMARY', 'QUADRANT', 'CLVPARAMS', 'CLV', 'RFMSQL'];

describe('dist/Code.js', () => {
  it.each(CUSTOM_FUNCTIONS)('declares %s at top level with its JSDoc right above', (name) => {
    const m = new RegExp(`(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\nfunction ${name}\\(([^)]*)\\) \\{`).exec(code);
    expect(m).not.toBeNull();
    const [, doc, params] = m!;
    expect(doc).toContain('@customfunction');
    expect(doc).toMatch(/@return /);
    expect(doc).toMatch(new RegExp(`@example ${name}\\(`));
    for (const p of params.split(',').map((s) => s.trim())) expect(doc).toMatch(new RegExp(`@param \\{\\w+\\} ${p} `));
  });

  it('exposes exactly the exports of src/main.ts as globals', () => {
    const declared = [...code.matchAll(/^function ([A-Za-z_$][\w$]*)\(/gm)].map((m) => m[1]).sort();
    expect(declared).toEqual(readPublicFunctions().map((f) => f.name).sort());
  });

  it('marks exactly the custom functions with @customfunction (other globals are menu and sidebar entry points)', () => {
    const marked = [...code.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\nfunction ([A-Za-z_$][\w$]*)\(/g)].filter((m) => /@customfunction\b/.test(m[1])).map((m) => m[2]).sort();
    expect(marked).toEqual([...CUSTOM_FUNCTIONS].sort());
    const fromSource = readPublicFunctions().filter((f) => /@customfunction\b/.test(f.jsdoc)).map((f) => f.name).sort();
    expect(fromSource).toEqual([...CUSTOM_FUNCTIONS].sort());
  });

  it('uses names Sheets accepts: not built-in function names, not ending in _', () => {
    const builtIns = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
    for (const name of CUSTOM_FUNCTIONS) {
      expect(builtIns.has(name)).toBe(false);
      expect(name.endsWith('_')).toBe(false);
    }
  });

  it('has no module-system or Node-only references', () => {
    for (const pattern of [/\brequire\s*\(/, /\bmodule\.exports\b/, /\bexports\./, /^\s*import\s/m, /^\s*export\s/m, /\bprocess\./, /\b__dirname\b/, /\bBuffer\./, /\bglobalThis\.process\b/]) {
      expect(code).not.toMatch(pattern);
    }
  });
});

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
  it('runs on V8 with narrow, explicit scopes', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    // The clock trigger opens its file by id (docs/platform.md): spreadsheets, as currentonly does not allow openById.
    expect(manifest.oauthScopes).toEqual(expect.arrayContaining(['https://www.googleapis.com/auth/spreadsheets']));
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  });
});
