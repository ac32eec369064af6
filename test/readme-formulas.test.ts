/**
 * Every formula example of the README runs on the sample file as written: the English ones on
 * the English sample (`npm start -- --locale en_US`), the Chinese ones on the Chinese sample,
 * typed the way the README says (the first RFM in A1 of a new sheet, CLVPARAMS in L1, each other
 * one in a free cell), through the playground, which keeps open ranges open as Sheets does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPlayground, type Playground } from '../tools/start/playground';

const README = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

interface Example {
  formula: string;
  /** Where the README says it is typed (A1, L1), else a free cell. */
  at: string | null;
}

/** The English examples: the code block under "### Examples", formulas left of each ←. */
function englishExamples(): Example[] {
  const section = README.slice(README.indexOf('### Examples'));
  const block = /```\n([\s\S]*?)```/.exec(section)![1];
  const out: Example[] = [];
  for (const line of block.split('\n')) {
    const [left, note = ''] = line.split('←');
    const at = /typed in ([A-Z]+\d+)/.exec(note)?.[1] ?? null;
    for (const formula of left.split(/\s{3,}/).map((f) => f.trim()).filter((f) => f.startsWith('='))) out.push({ formula, at });
  }
  return placed(out);
}

/** The Chinese examples: every `=…` in backticks in the 中文说明 section. */
function chineseExamples(): Example[] {
  const section = README.slice(README.indexOf('### 中文说明'), README.indexOf('### Definitions'));
  return placed([...section.matchAll(/`(=[A-Z]+\([^`]*\))`/g)].map((m) => ({ formula: m[1], at: null })));
}

/** The README's layout: the first formula (the RFM table the others read) in A1, CLVPARAMS in L1. */
function placed(examples: Example[]): Example[] {
  return examples.map((e, i) => ({ ...e, at: e.at ?? (i === 0 ? 'A1' : e.formula.startsWith('=CLVPARAMS(') ? 'L1' : null) }));
}

const errorsIn = (pg: Playground, sheet: string): string[] =>
  pg.engine.getSheetValues(sheet).flatMap((row, r) => row.flatMap((v, c) =>
    v !== null && typeof v === 'object' ? [`${String.fromCharCode(65 + c)}${r + 1}: ${v.error} ${v.message}`] : []));

describe.each([
  ['English', 'en_US', 'Orders', englishExamples],
  ['Chinese', 'zh_CN', '订单', chineseExamples],
])('the README\'s %s examples', (_name, locale, ordersSheet, examples) => {
  let pg: Playground;
  const SHEET = 'README';
  beforeAll(() => {
    pg = createPlayground({ locale, distDir: process.env.KEHU_DIST });
    pg.addSheet(SHEET);
  });
  afterAll(() => pg.close());

  it('are found, read the sample\'s order sheet and include every function', () => {
    const found = examples();
    expect(found.length).toBeGreaterThanOrEqual(9);
    expect(found[0].formula).toMatch(/^=RFM\(/);
    for (const e of found.filter((x) => x.formula.includes('!'))) expect(e.formula).toContain(`${ordersSheet}!`);
    const used = new Set(found.map((e) => /^=([A-Z]+)\(/.exec(e.formula)![1]));
    for (const fn of ['RFM', 'RFMCUTS', 'RFMSCORE', 'RFMSEGMENT', 'ABCTIER', 'ABCSUMMARY', 'QUADRANT', 'CLVPARAMS', 'CLV']) expect(used).toContain(fn);
  });

  it('each runs without an error where the README types it', () => {
    for (const e of examples()) {
      const cell = e.at ?? 'O1';
      pg.type(SHEET, cell, e.formula);
      const errors = errorsIn(pg, SHEET);
      expect({ formula: e.formula, errors }).toEqual({ formula: e.formula, errors: [] });
      expect(pg.engine.getValue(SHEET, cell)).not.toBeNull();
      // The page shows the formula as typed, open ranges and all.
      expect(pg.view(SHEET, 2).cells[0][colOf(cell)]?.f).toBe(e.formula);
      if (e.at === null) pg.type(SHEET, cell, null);
    }
  });
});

function colOf(a1: string): number {
  let col = 0;
  for (const ch of /^[A-Z]+/.exec(a1)![0]) col = col * 26 + ch.charCodeAt(0) - 64;
  return col - 1;
}
