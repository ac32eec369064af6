/**
 * The layering the design promises (docs/automation.md): every Apps Script service call lives in
 * src/adapters/, so the calls can be seen, counted and faked in one place. The test reads every
 * file of src/ with the TypeScript parser and fails on a service global used as a value anywhere
 * else (comments, strings and type names do not count).
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.resolve(__dirname, '..', 'src');
const SERVICES = new Set([
  'SpreadsheetApp', 'CacheService', 'PropertiesService', 'ScriptApp', 'HtmlService', 'LockService', 'Session',
  'Utilities', 'CalendarApp', 'Calendar', 'DriveApp', 'UrlFetchApp', 'BigQuery',
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** `file:line Name` for each service global used as a value in the file. */
export function serviceUses(file: string, text = fs.readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2020, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && SERVICES.has(node.text)) {
      const parent = node.parent;
      // `x.Session` (a property), `{ Session: … }` (a key), a type name: not the global.
      const isProperty = ts.isPropertyAccessExpression(parent) && parent.name === node;
      const isKey = (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === node;
      const isType = ts.isTypeReferenceNode(parent) || ts.isQualifiedName(parent) || ts.isTypeQueryNode(parent);
      if (!isProperty && !isKey && !isType) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        out.push(`${path.relative(SRC, file)}:${line + 1} ${node.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

it('the test itself sees a service call and ignores comments, strings and type names', () => {
  const sample = [
    '// SpreadsheetApp.flush() in a comment',
    "const s = 'CacheService.getDocumentCache()';",
    'type C = GoogleAppsScript.Cache.Cache;',
    'const o = { Session: 1 };',
    'o.Session;',
    'const lock = LockService.getDocumentLock();',
  ].join('\n');
  expect(serviceUses(path.join(SRC, 'app', 'sample.ts'), sample)).toEqual(['app/sample.ts:6 LockService']);
});

it('every Apps Script service global is used only in src/adapters/', () => {
  const outside = sourceFiles(SRC)
    .filter((f) => !f.startsWith(path.join(SRC, 'adapters') + path.sep))
    .flatMap((f) => serviceUses(f));
  expect(outside).toEqual([]);
});
