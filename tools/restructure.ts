/**
 * Gives src/app/ its rooms and src/core/ its analytics folder (issue 11, "Structure, while these
 * files are open"), in one go, on a tree where many hands were still editing while the plan was
 * written:
 *
 *   npx tsx tools/restructure.ts --dry-run    prints the plan and every change, writes nothing
 *   npx tsx tools/restructure.ts              does it (git mv + edits), then says what to run
 *
 * What it does, in order, after checking the plan against the tree (a loose file of src/app or
 * src/core that the plan does not name stops it: someone added it after the plan was written and
 * it needs a room chosen by a person):
 *  1. renames the few exported functions whose names must line up with the menu (never a public
 *     global of src/main.ts), with the TypeScript language service, so every use follows;
 *  2. rewrites every relative module specifier in src/, sidebar/, tools/ and test/ that points at
 *     a moved file or sits in a moved file (imports, `import type`, `export … from`, dynamic
 *     `import()`, `import('…')` types, require and jest.mock-style calls), keeping each
 *     specifier's style (no extension stays no extension);
 *  3. moves each module with `git mv`, and each test that mirrors a moved module beside its new
 *     mirror (test/core/rfm.test.ts → test/core/analytics/rfm.test.ts);
 *  4. rewrites the paths that docs, README and comments name (`src/app/scheduleStep.ts`…);
 *  5. writes test/structure-rooms.test.ts, which holds the tree to its rooms from then on (it is
 *     written here, not committed before, because it can only pass after the move).
 * It commits nothing: the lead reviews `git status`, runs the checks it prints, and commits.
 *
 * --allow-dirty runs on a tree with uncommitted changes under the folders it edits (by default it
 * stops: a move on top of someone's unsaved work is hard to untangle).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const SELF = path.relative(ROOT, __filename).split(path.sep).join('/');
const ROOMS_TEST = 'test/structure-rooms.test.ts';

// ---------------------------------------------------------------------------------------------
// The plan. Each loose file of src/app/ and src/core/ is named here, with where it goes (null:
// it stays) and why. A file not named here stops the script.

interface Placement {
  to: string | null;
  why: string;
}

/** src/app/<file> → src/app/<room>/<file>. card/ is already a room and stays as it is. */
const APP_PLAN: Record<string, Placement> = {
  // run/: how a run starts and ends: the frame, the menu, the commands behind it, the daily
  // trigger, and the frame of a custom function; plus what every run says and who owns it.
  'frame.ts': { to: 'run/frame.ts', why: 'RunContext, runLocked, failureText: the frame of every run' },
  'menu.ts': { to: 'run/menu.ts', why: 'the add-on menu' },
  'commands.ts': { to: 'run/commands.ts', why: 'what each menu item runs' },
  'daily.ts': { to: 'run/daily.ts', why: 'the trigger: the day\'s steps, cursor and checkpoints' },
  'checkFile.ts': { to: 'run/checkFile.ts', why: 'the "Check this file" command: a menu command, not a step of the day' },
  'owners.ts': { to: 'run/owners.ts', why: 'who owns the file\'s automation and calendar (a run refuses others)' },
  'texts.ts': { to: 'run/texts.ts', why: 'what runs say outside cells: menu, titles, summaries' },
  'userError.ts': { to: 'run/userError.ts', why: 'the error a run shows a person as it is' },
  'runFormula.ts': { to: 'run/runFormula.ts', why: 'the frame of every custom function' },
  'errorText.ts': { to: 'run/errorText.ts', why: 'a custom function\'s failure as one sentence (runFormula\'s)' },
  // steps/: one file per step of the day, named as the menu names it.
  'classifyStep.ts': { to: 'steps/classifyAndFlag.ts', why: 'step 1: the menu\'s "Refresh classification and flags"' },
  'scheduleStep.ts': { to: 'steps/schedule.ts', why: 'step 2: "Build the visit schedule"' },
  'inviteStep.ts': { to: 'steps/invites.ts', why: 'step 3: "Send calendar invites"' },
  'dashboardStep.ts': { to: 'steps/dashboard.ts', why: 'the dashboard step of the daily run' },
  'exportStep.ts': { to: 'steps/export.ts', why: '"Export the schedule (.ics)"' },
  // reads/: what a run reads from the team's file and the add-on's own sheets.
  'tables.ts': { to: 'reads/tables.ts', why: 'the team\'s tables and the Settings sheet' },
  'classified.ts': { to: 'reads/classified.ts', why: 'the classification and flags every step starts from' },
  'contactsOf.ts': { to: 'reads/contactsOf.ts', why: 'each customer\'s last contacts' },
  'scheduleRead.ts': { to: 'reads/scheduleRead.ts', why: 'the schedule sheet as it stands' },
  'scheduleInputs.ts': { to: 'reads/scheduleInputs.ts', why: 'the planner\'s inputs gathered from the reads' },
  'lifetime.ts': { to: 'reads/lifetime.ts', why: 'P(alive) per customer from the order log' },
  'warehouseOrders.ts': { to: 'reads/warehouseOrders.ts', why: 'the orders\' per-customer figures from BigQuery' },
  // sheets/: the sheets the add-on writes and owns.
  'ownSheets.ts': { to: 'sheets/ownSheets.ts', why: 'the names of the add-on\'s own sheets and their trimming' },
  'logSheet.ts': { to: 'sheets/log.ts', why: 'the log sheet' },
  'ownColumnsWrite.ts': { to: 'sheets/ownColumns.ts', why: 'the add-on\'s columns on the customer sheet' },
  'unplacedSheet.ts': { to: 'sheets/unplaced.ts', why: 'the sheet of contacts that did not fit' },
};

/** The rooms of src/app/ after the move (card/ was one before). */
const APP_ROOMS = ['card', 'reads', 'run', 'sheets', 'steps'];

/**
 * src/core/<file> → src/core/analytics/<file>: the customer analytics the custom functions and the
 * classification share (RFM, ABC, quadrant, segments, quantiles, and the words of their results),
 * beside clv/. What stays is the frame every function and the automation use (cells, columns,
 * dates, errors, messages, options), shared model and words, and helpers used across folders.
 */
const CORE_PLAN: Record<string, Placement> = {
  'rfm.ts': { to: 'analytics/rfm.ts', why: 'RFM on an order log' },
  'abc.ts': { to: 'analytics/abc.ts', why: 'ABC (Pareto) tiers' },
  'quadrant.ts': { to: 'analytics/quadrant.ts', why: 'the four-quadrant classes' },
  'segments.ts': { to: 'analytics/segments.ts', why: 'segments named from R, F, M scores' },
  'quantiles.ts': { to: 'analytics/quantiles.ts', why: 'the cut points and scores RFM and the quadrants use' },
  'labels.ts': { to: 'analytics/labels.ts', why: 'the words of the analytics\' results (segment names, RFM/ABC headers), as clv/labels.ts is clv\'s' },
  'cells.ts': { to: null, why: 'cell values: every custom function and the automation' },
  'columns.ts': { to: null, why: 'reading a column of a range: every function' },
  'options.ts': { to: null, why: 'optional arguments shared by every function (clv too)' },
  'dates.ts': { to: null, why: 'days without a time zone library: everywhere' },
  'errors.ts': { to: null, why: 'input errors: every function' },
  'messages.ts': { to: null, why: 'every error sentence' },
  'formulaRefs.ts': { to: null, why: 'where a function\'s arguments sit (error positions)' },
  'valueText.ts': { to: null, why: 'a cell value inside an error sentence' },
  'idIndex.ts': { to: null, why: 'the order-log id table, used by rfm and clv alike' },
  'hash.ts': { to: null, why: 'stable ids for schedule rows and calendar events' },
  'locale.ts': { to: null, why: 'the two languages' },
  'model.ts': { to: null, why: 'the domain model every layer shares' },
  'vocabulary.ts': { to: null, why: 'words people type (roles, kinds, statuses)' },
  'text.ts': { to: null, why: 'text going into cells' },
};

/**
 * Names that must line up: the menu says "Refresh classification and flags", the public global
 * is flagStaleRecords (kept: users' menus and triggers call it by name, and its JSDoc already
 * says "Refreshes the classification … and the flags"), so the command and the step say both.
 * `file` is the path before the move.
 */
const RENAMES: { file: string; from: string; to: string; why: string }[] = [
  { file: 'src/app/commands.ts', from: 'refreshClassification', to: 'refreshClassificationAndFlags', why: 'the menu item it runs' },
  { file: 'src/app/classifyStep.ts', from: 'runClassifyStep', to: 'runClassifyAndFlagStep', why: 'the step classifies and raises or clears flags' },
];

/**
 * Tests mirror src/ paths: the flat tests of test/core named after a folder of src/core go into
 * that folder's mirror (calendar-ics → calendar/ics, clvFit → clv/fit, schedule.rows →
 * schedule/rows, settingsRead → settings/read, …). Tests of several modules of one folder keep its
 * name as a topic (clv/modelChoice, settings/roundTrip). automation.test.ts and dashboard.test.ts
 * (a whole folder each), dates, dayClock and the other tests of top-level modules stay. A test
 * named here that is gone is skipped with a note; a test added later stays where it is (and
 * test/structure-rooms.test.ts names it if it is flat-named after a folder).
 */
const TEST_PLAN: Record<string, string> = {
  'test/core/calendar-bundle.test.ts': 'test/core/calendar/bundle.test.ts',
  'test/core/calendar-events.test.ts': 'test/core/calendar/events.test.ts',
  'test/core/calendar-ics.test.ts': 'test/core/calendar/ics.test.ts',
  'test/core/calendar-registry.test.ts': 'test/core/calendar/registry.test.ts',
  'test/core/calendar-sync.test.ts': 'test/core/calendar/sync.test.ts',
  'test/core/clvAutomation.test.ts': 'test/core/clv/forAutomation.test.ts',
  'test/core/clvFit.test.ts': 'test/core/clv/fit.test.ts',
  'test/core/clvForecast.test.ts': 'test/core/clv/bgnbdForecast.test.ts',
  'test/core/clvLikelihood.test.ts': 'test/core/clv/likelihood.test.ts',
  'test/core/clvMessages.test.ts': 'test/core/clv/messages.test.ts',
  'test/core/clvModelChoice.test.ts': 'test/core/clv/modelChoice.test.ts',
  'test/core/clvModels.test.ts': 'test/core/clv/models.test.ts',
  'test/core/clvSpecial.test.ts': 'test/core/clv/special.test.ts',
  'test/core/clvFunctions.test.ts': 'test/core/functions/clv.test.ts',
  'test/core/rfmScore.test.ts': 'test/core/functions/rfmScore.test.ts',
  'test/core/schedule.plan.test.ts': 'test/core/schedule/plan.test.ts',
  'test/core/schedule.properties.test.ts': 'test/core/schedule/properties.test.ts',
  'test/core/schedule.rows.test.ts': 'test/core/schedule/rows.test.ts',
  'test/core/schedule.scale.test.ts': 'test/core/schedule/scale.test.ts',
  'test/core/settingsRead.test.ts': 'test/core/settings/read.test.ts',
  'test/core/settingsRoundTrip.test.ts': 'test/core/settings/roundTrip.test.ts',
  'test/core/settingsSchedule.test.ts': 'test/core/settings/schedule.test.ts',
  'test/core/settingsUpdate.test.ts': 'test/core/settings/update.test.ts',
  'test/core/sqlBigquery.test.ts': 'test/core/sql/bigquery.test.ts',
  'test/core/sqlDuckdb.test.ts': 'test/core/sql/duckdb.test.ts',
  'test/core/sqlQuery.test.ts': 'test/core/sql/rfmQuery.test.ts',
  'test/core/sqlDaily.test.ts': 'test/core/sql/dailyQuery.test.ts',
  'test/core/tablesDetect.test.ts': 'test/core/tables/detect.test.ts',
  'test/core/tablesRecords.test.ts': 'test/core/tables/records.test.ts',
  'test/core/teamImport.test.ts': 'test/core/automation/teamImport.test.ts',
};

// ---------------------------------------------------------------------------------------------
// Small helpers.

/** The tree does not fit the plan: stop before anything is written. */
class PlanError extends Error {}
/** The move was made before: nothing to do (not a failure). */
class AlreadyDone extends Error {}

const posix = (p: string): string => p.split(path.sep).join('/');
const abs = (rel: string): string => path.join(ROOT, rel);
const rel = (file: string): string => posix(path.relative(ROOT, file));
const read = (relPath: string): string => fs.readFileSync(abs(relPath), 'utf8');

const CODE_EXT = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const CODE_DIRS = ['src', 'sidebar', 'tools', 'test'];
/** Folders of data, not code or docs: never scanned. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'test/data']);

function walk(dir: string, keep: (relPath: string) => boolean): string[] {
  if (!fs.existsSync(abs(dir))) return [];
  return fs.readdirSync(abs(dir), { withFileTypes: true }).flatMap((e) => {
    const p = dir === '.' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) || SKIP_DIRS.has(p) ? [] : walk(p, keep);
    return e.isFile() && keep(p) ? [p] : [];
  });
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
}

// ---------------------------------------------------------------------------------------------
// 0. The plan against the tree: which files move where.

interface Move {
  from: string;
  to: string;
  why: string;
}

function loose(dir: string): { files: string[]; dirs: string[] } {
  const entries = fs.readdirSync(abs(dir), { withFileTypes: true });
  return {
    files: entries.filter((e) => e.isFile()).map((e) => e.name).sort(),
    dirs: entries.filter((e) => e.isDirectory()).map((e) => e.name).sort(),
  };
}

/** What the run skipped from the plan, told under "To look at by hand". */
const planNotes: string[] = [];

/** The moves of one folder's loose files; what does not fit the plan goes into `problems`. */
function planned(dir: string, plan: Record<string, Placement>, knownDirs: (d: string) => boolean, problems: string[]): Move[] {
  const { files, dirs } = loose(dir);
  const table = dir === 'src/app' ? 'APP_PLAN (every file gets a room: nothing stays loose)' : 'CORE_PLAN (to: null keeps it where it is)';
  for (const f of files) {
    if (!(f in plan)) problems.push(`${dir}/${f} is not in the plan of tools/restructure.ts: choose its place in ${table}, then run again.`);
  }
  for (const d of dirs) {
    if (!knownDirs(d)) problems.push(`${dir}/${d}/ is a folder the plan does not know: say in tools/restructure.ts whether it is a room.`);
  }
  for (const f of Object.keys(plan)) {
    // Not a stop: nothing is lost, and a file planned while someone was still writing it may not have come.
    if (!files.includes(f)) planNotes.push(`The plan names ${dir}/${f}, which is not there (renamed, removed or never committed): skipped.`);
  }
  return files
    .filter((f) => f in plan && plan[f].to !== null)
    .map((f) => ({ from: `${dir}/${f}`, to: `${dir}/${plan[f].to}`, why: plan[f].why }));
}

const CORE_FOLDERS = new Set(['automation', 'calendar', 'clv', 'dashboard', 'functions', 'schedule', 'settings', 'sql', 'tables', 'workdays']);

/** Tests whose name is a moved module's (`rfm.test.ts`, `rfm.scale.test.ts`) in its mirror folder. */
function mirroredTests(moves: readonly Move[]): Move[] {
  return moves.flatMap((m) => {
    const oldDir = path.posix.dirname(m.from).replace(/^src\//, 'test/');
    const newDir = path.posix.dirname(m.to).replace(/^src\//, 'test/');
    const oldBase = path.posix.basename(m.from, '.ts');
    const newBase = path.posix.basename(m.to, '.ts');
    if (!fs.existsSync(abs(oldDir))) return [];
    return loose(oldDir).files
      .filter((f) => f === `${oldBase}.test.ts` || (f.startsWith(`${oldBase}.`) && f.endsWith('.test.ts')))
      .map((f) => ({ from: `${oldDir}/${f}`, to: `${newDir}/${newBase}${f.slice(oldBase.length)}`, why: `mirrors ${m.to}` }));
  });
}

/** `calendar-ics.test.ts`, `clvFit.test.ts`: a test named after a folder and then a part of it. */
function flatAfterFolder(name: string, folders: readonly string[]): boolean {
  if (!name.endsWith('.test.ts')) return false;
  return folders.some((f) => name.startsWith(f) && /^[-.A-Z]/.test(name.slice(f.length)) && name.slice(f.length) !== '.test.ts');
}

/** The moves of TEST_PLAN whose test is still there. */
function testMoves(): Move[] {
  return Object.entries(TEST_PLAN).flatMap(([from, to]) => {
    if (fs.existsSync(abs(from))) return [{ from, to, why: `mirrors src/${path.posix.dirname(to).slice('test/'.length)}/` }];
    planNotes.push(`TEST_PLAN names ${from}, which is not there: skipped.`);
    return [];
  });
}

function makePlan(): Move[] {
  const app = loose('src/app');
  const core = loose('src/core');
  const done = app.files.length === 0 && APP_ROOMS.every((r) => app.dirs.includes(r)) && core.dirs.includes('analytics');
  if (done) throw new AlreadyDone('src/app has no loose files and its rooms exist: the move was already made. Nothing to do.');
  const problems: string[] = [];
  for (const [file, p] of Object.entries(APP_PLAN)) {
    if (p.to === null || !APP_ROOMS.includes(p.to.split('/')[0])) problems.push(`APP_PLAN sends src/app/${file} to ${p.to}: every file of src/app goes into one of ${APP_ROOMS.join(', ')}.`);
  }
  const moves = [
    ...planned('src/app', APP_PLAN, (d) => d === 'card', problems),
    ...planned('src/core', CORE_PLAN, (d) => CORE_FOLDERS.has(d), problems),
  ];
  if (problems.length > 0) throw new PlanError(problems.join('\n'));
  const all = [...moves, ...mirroredTests(moves), ...testMoves()];
  const moving = new Set(all.map((m) => m.from));
  for (const name of loose('test/core').files) {
    if (!moving.has(`test/core/${name}`) && flatAfterFolder(name, core.dirs)) {
      problems.push(`test/core/${name} is named after a folder of src/core but TEST_PLAN does not place it in that folder's mirror (the rooms test would fail on it): add it to TEST_PLAN.`);
    }
  }
  if (problems.length > 0) throw new PlanError(problems.join('\n'));
  const twice = (key: 'from' | 'to'): string[] => all.map((m) => m[key]).filter((p, i, list) => list.indexOf(p) !== i);
  const clashes = [
    ...all.filter((m) => fs.existsSync(abs(m.to))).map((m) => `${m.to} already exists (it would receive ${m.from}).`),
    ...twice('from').map((p) => `${p} is moved twice by the plan.`),
    ...twice('to').map((p) => `${p} would receive two files.`),
  ];
  if (clashes.length > 0) throw new PlanError(clashes.join('\n'));
  return all;
}

// ---------------------------------------------------------------------------------------------
// 1. Renames, by the language service, on the tree as it is (before any move).

/** Names src/main.ts exports: the public globals, never renamed. */
function publicGlobals(): Set<string> {
  const source = ts.createSourceFile('main.ts', read('src/main.ts'), ts.ScriptTarget.ES2022, true);
  const names = new Set<string>();
  source.forEachChild((n) => {
    const exported = ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && ts.isFunctionDeclaration(n) && n.name) names.add(n.name.text);
    if (exported && ts.isVariableStatement(n)) n.declarationList.declarations.forEach((d) => ts.isIdentifier(d.name) && names.add(d.name.text));
  });
  return names;
}

/** The position of an exported declaration's name in a file, or null. */
function exportedDeclaration(relPath: string, name: string): number | null {
  const source = ts.createSourceFile(relPath, read(relPath), ts.ScriptTarget.ES2022, true);
  let at: number | null = null;
  source.forEachChild((n) => {
    const exported = ts.canHaveModifiers(n) && ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) return;
    if ((ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) && n.name?.text === name) at = n.name.getStart(source);
    if (ts.isVariableStatement(n)) {
      for (const d of n.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) at = d.name.getStart(source);
    }
  });
  return at;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function languageService(files: readonly string[]): ts.LanguageService {
  const config = ts.readConfigFile(abs('tsconfig.tools.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => files.map(abs),
    getScriptVersion: () => '0',
    getScriptSnapshot: (f) => (fs.existsSync(f) ? ts.ScriptSnapshot.fromString(fs.readFileSync(f, 'utf8')) : undefined),
    getCurrentDirectory: () => ROOT,
    getCompilationSettings: () => options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host, ts.createDocumentRegistry());
}

function renameEdits(codeFiles: readonly string[]): { edits: Map<string, Edit[]>; report: string[] } {
  const globals = publicGlobals();
  const problems: string[] = [];
  const everything = codeFiles.map((f) => read(f)).join('\n');
  for (const r of RENAMES) {
    if (globals.has(r.from)) problems.push(`${r.from} is a public global of src/main.ts: it keeps its name (users' menus and triggers call it).`);
    else if (!fs.existsSync(abs(r.file)) || exportedDeclaration(r.file, r.from) === null) problems.push(`The rename ${r.from} → ${r.to}: ${r.file} no longer exports ${r.from}; update RENAMES.`);
    if (new RegExp(`\\b${r.to}\\b`).test(everything)) problems.push(`The rename ${r.from} → ${r.to}: ${r.to} is already a name in the code; choose another.`);
  }
  if (problems.length > 0) throw new PlanError(problems.join('\n'));
  const edits = new Map<string, Edit[]>();
  const report: string[] = [];
  if (RENAMES.length === 0) return { edits, report };
  const service = languageService(codeFiles.filter((f) => /\.tsx?$/.test(f) && !f.startsWith('sidebar/')));
  for (const r of RENAMES) {
    const locations = service.findRenameLocations(abs(r.file), exportedDeclaration(r.file, r.from)!, false, true, { providePrefixAndSuffixTextForRename: false }) ?? [];
    const files = new Set<string>();
    for (const loc of locations) {
      const file = rel(loc.fileName);
      if (file === SELF || file.startsWith('node_modules/')) continue;
      files.add(file);
      const list = edits.get(file) ?? [];
      list.push({ start: loc.textSpan.start, end: loc.textSpan.start + loc.textSpan.length, text: r.to });
      edits.set(file, list);
    }
    report.push(`${r.from} → ${r.to} (${r.why}): ${locations.length} places in ${[...files].sort().join(', ')}`);
  }
  return { edits, report };
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  let last = Infinity;
  for (const e of sorted) {
    if (e.end > last) continue; // the same span found twice (a comment seen by two renames)
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    last = e.start;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2. Module specifiers.

const JEST_PATH_CALLS = new Set(['mock', 'doMock', 'unmock', 'dontMock', 'setMock', 'requireActual', 'requireMock', 'createMockFromModule']);

interface Found extends Edit {
  /** module: an import-like specifier; fromHere: the path in `path.resolve(__dirname, '…')`. */
  kind: 'module' | 'fromHere';
}

const isText = (node: ts.Node | undefined): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
  node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));

/**
 * Every relative module specifier of a file, and every path written as `path.resolve(__dirname,
 * '../x')` or `path.join(__dirname, '../x')` (one literal after __dirname): the literal's span
 * (without quotes) and text. `unhandledDirname` counts the other uses of __dirname, whose paths a
 * move would break unseen.
 */
export function specifiersOf(file: string, text: string): { found: Found[]; unhandledDirname: number } {
  const kind = /\.(js|mjs|cjs)$/.test(file) ? ts.ScriptKind.JS : file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, kind);
  const found: Found[] = [];
  let dirnames = 0;
  let handled = 0;
  const take = (node: ts.Node | undefined): void => {
    if (isText(node) && /^\.\.?\//.test(node.text)) {
      found.push({ start: node.getStart(source) + 1, end: node.getEnd() - 1, text: node.text, kind: 'module' });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === '__dirname') dirnames += 1;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['resolve', 'join'].includes(node.expression.name.text)
      && node.arguments.length === 2 && ts.isIdentifier(node.arguments[0]) && node.arguments[0].text === '__dirname' && isText(node.arguments[1])) {
      const lit = node.arguments[1];
      found.push({ start: lit.getStart(source) + 1, end: lit.getEnd() - 1, text: lit.text, kind: 'fromHere' });
      handled += 1;
    }
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) take(node.moduleSpecifier);
    else if (ts.isExternalModuleReference(node)) take(node.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) take(node.argument.literal);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isRequireResolve = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require' && callee.name.text === 'resolve';
      const isJest = ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'jest' && JEST_PATH_CALLS.has(callee.name.text);
      if (isImport || isRequire || isRequireResolve || isJest) take(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { found, unhandledDirname: dirnames - handled };
}

type Style = 'exact' | 'strip' | 'index' | 'jsForTs';

/** The file a relative specifier names, and how it names it (to write the new one alike). */
function resolveSpecifier(fromFile: string, spec: string): { file: string; style: Style; ext: string } | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
  const isFile = (p: string): boolean => fs.existsSync(abs(p)) && fs.statSync(abs(p)).isFile();
  if (isFile(base)) return { file: base, style: 'exact', ext: '' };
  for (const ext of ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json']) {
    if (isFile(base + ext)) return { file: base + ext, style: 'strip', ext };
  }
  const js = base.match(/^(.*)\.(js|mjs|cjs)$/);
  if (js && isFile(`${js[1]}.ts`)) return { file: `${js[1]}.ts`, style: 'jsForTs', ext: `.${js[2]}` };
  for (const index of ['index.ts', 'index.tsx', 'index.js']) {
    if (isFile(`${base}/${index}`)) return { file: `${base}/${index}`, style: 'index', ext: '' };
  }
  return null;
}

function specifierFor(fromFile: string, target: string, how: { style: Style; ext: string }): string {
  let to = target;
  if (how.style === 'strip') to = target.slice(0, -how.ext.length);
  if (how.style === 'jsForTs') to = target.replace(/\.ts$/, how.ext);
  if (how.style === 'index') to = path.posix.dirname(target);
  const r = path.posix.relative(path.posix.dirname(fromFile), to);
  return r.startsWith('.') ? r : `./${r}`;
}

function specifierEdits(file: string, text: string, moved: ReadonlyMap<string, string>, warnings: string[]): Edit[] {
  const newFile = moved.get(file) ?? file;
  const { found, unhandledDirname } = specifiersOf(file, text);
  if (moved.has(file) && unhandledDirname > 0) warnings.push(`${file} moves and builds ${unhandledDirname} path(s) from __dirname in a form this script does not rewrite: check them.`);
  return found.flatMap((s) => {
    if (s.kind === 'fromHere') {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), s.text)).replace(/\/$/, '');
      const newTarget = moved.get(target) ?? target;
      const spec = (path.posix.relative(path.posix.dirname(newFile), newTarget) || '.') + (s.text.endsWith('/') ? '/' : '');
      return newFile === file && newTarget === target ? [] : spec === s.text ? [] : [{ start: s.start, end: s.end, text: spec }];
    }
    const target = resolveSpecifier(file, s.text);
    if (!target) {
      if (moved.has(file)) warnings.push(`${file}: cannot resolve '${s.text}' (left as is; the file moves, check it).`);
      return [];
    }
    const newTarget = moved.get(target.file) ?? target.file;
    if (newFile === file && newTarget === target.file) return [];
    const spec = specifierFor(newFile, newTarget, target);
    return spec === s.text ? [] : [{ start: s.start, end: s.end, text: spec }];
  });
}

// ---------------------------------------------------------------------------------------------
// 4. Paths named in docs and comments: `src/app/scheduleStep.ts`, `app/menu.ts`, `src/core/rfm`.

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A rewrite per move: the path with or without `src/` (`test/`), with or without `.ts`. */
function pathRewrites(moves: readonly Move[]): { pattern: RegExp; to: (m: RegExpExecArray) => string }[] {
  return moves.map((m) => {
    const [top, ...restFrom] = m.from.split('/');
    const restTo = m.to.split('/').slice(1).join('/');
    const fromNoExt = restFrom.join('/').replace(/\.ts$/, '');
    const toNoExt = restTo.replace(/\.ts$/, '');
    // Not inside a longer path (`../../src/app/x` is a specifier, handled above; `core/clv/labels` is another file).
    const pattern = new RegExp(`(?<![\\w./-])(${escape(top)}/)?${escape(fromNoExt)}(\\.ts)?(?![\\w/-]|\\.\\w)`, 'g');
    return { pattern, to: (x: RegExpExecArray) => `${x[1] ?? ''}${toNoExt}${x[2] ?? ''}` };
  });
}

function rewritePaths(text: string, rewrites: ReturnType<typeof pathRewrites>): { text: string; count: number } {
  let count = 0;
  let out = text;
  for (const r of rewrites) {
    out = out.replace(r.pattern, (...args) => {
      count += 1;
      const match = args.slice(0, 3) as unknown as RegExpExecArray;
      return r.to(match);
    });
  }
  return { text: out, count };
}

/** Renamed identifiers in docs (the language service did the code and its comments). */
function renameInDocs(text: string): { text: string; count: number } {
  let count = 0;
  let out = text;
  for (const r of RENAMES) {
    out = out.replace(new RegExp(`\\b${escape(r.from)}\\b`, 'g'), () => {
      count += 1;
      return r.to;
    });
  }
  return { text: out, count };
}

// ---------------------------------------------------------------------------------------------
// 5. The test that keeps the rooms.

const quoted = (list: readonly string[]): string => `[${list.map((x) => `'${x}'`).join(', ')}]`;

function roomsTest(): string {
  const analytics = Object.entries(CORE_PLAN).filter(([, p]) => p.to !== null).map(([f]) => f.replace(/\.ts$/, '')).sort();
  return `/**
 * The rooms of src/app/ (issue 11): run/ (the frame, the menu, the commands, the daily trigger,
 * the custom functions' frame), steps/ (one file per step of the day), reads/ (what a run reads),
 * sheets/ (the sheets the add-on writes and owns), card/ (the customer card). Nothing lies loose:
 * a new file goes into the room it belongs to, or a new room is named here. src/core/ keeps the
 * customer analytics in analytics/, beside clv/, and tests mirror src/ paths.
 * Written by tools/restructure.ts when it made the move.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const APP_ROOMS = ${quoted(APP_ROOMS)};
const ANALYTICS = ${quoted(analytics)};

function entries(dir: string): fs.Dirent[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true });
}

function modules(dir: string): string[] {
  return entries(dir).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => e.name.replace(/\\.ts$/, ''));
}

it('src/app holds its rooms and nothing loose', () => {
  const loose = entries('src/app').filter((e) => !e.isDirectory()).map((e) => e.name);
  const rooms = entries('src/app').filter((e) => e.isDirectory()).map((e) => e.name).sort();
  expect({ loose, rooms }).toEqual({ loose: [], rooms: APP_ROOMS });
});

it('every room of src/app holds modules', () => {
  const empty = APP_ROOMS.filter((room) => modules(\`src/app/\${room}\`).length === 0);
  expect(empty).toEqual([]);
});

it('the analytics of src/core live in src/core/analytics', () => {
  expect(ANALYTICS.filter((m) => !modules('src/core/analytics').includes(m))).toEqual([]);
  expect(modules('src/core').filter((m) => ANALYTICS.includes(m))).toEqual([]);
});

it("a test of a room's module sits in the room's mirror under test/", () => {
  const misplaced: string[] = [];
  const check = (testDir: string, roomModules: string[]): void => {
    if (!fs.existsSync(path.join(ROOT, testDir))) return;
    for (const e of entries(testDir)) {
      const name = e.name.split('.')[0];
      if (e.isFile() && e.name.endsWith('.test.ts') && roomModules.includes(name)) misplaced.push(\`\${testDir}/\${e.name}\`);
    }
  };
  check('test/app', APP_ROOMS.flatMap((room) => modules(\`src/app/\${room}\`)));
  check('test/core', modules('src/core/analytics').filter((m) => !modules('src/core').includes(m)));
  expect(misplaced).toEqual([]);
});

it("a test of one folder of src/core sits in that folder's mirror, not flat in test/core", () => {
  // calendar-ics.test.ts, clvFit.test.ts, schedule.rows.test.ts: a folder's name then a part of it.
  // A test named just as the folder (automation.test.ts) covers the whole folder and may stay.
  const folders = entries('src/core').filter((e) => e.isDirectory()).map((e) => e.name);
  const flat = entries('test/core')
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => e.name)
    .filter((name) => folders.some((f) => name.startsWith(f) && /^[-.A-Z]/.test(name.slice(f.length)) && !name.slice(f.length).startsWith('.test.ts')));
  expect(flat).toEqual([]);
});
`;
}

// ---------------------------------------------------------------------------------------------
// The run.

/** Lines that name a moved module by its bare file name (shown at the file's new place). */
function leftovers(moves: readonly Move[], texts: ReadonlyMap<string, string>): string[] {
  const moved = new Map(moves.map((m) => [m.from, m.to]));
  const names = moves.filter((m) => m.from.startsWith('src/')).map((m) => path.posix.basename(m.from, '.ts'));
  const bare = new RegExp(`(?<![\\w.-])(${names.map(escape).join('|')})\\.ts\\b`, 'g');
  const out: string[] = [];
  for (const [file, text] of texts) {
    if (file === SELF || file === ROOMS_TEST) continue;
    text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(bare)) {
        // A bare `menu.ts` can be another folder's file; the lead looks at each.
        const before = line.slice(Math.max(0, (m.index ?? 0) - 1), m.index);
        if (before !== '/') out.push(`${moved.get(file) ?? file}:${i + 1} names ${m[0]} without its folder`);
      }
    });
  }
  return out;
}

function main(): void {
  const dryRun = process.argv.includes('--dry-run');
  const allowDirty = process.argv.includes('--allow-dirty');
  const moves = makePlan();
  const dirty = git('status', '--porcelain', '--', ...CODE_DIRS, 'docs', 'README.md')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.endsWith(SELF))
    .join('\n');
  if (dirty && !allowDirty && !dryRun) {
    throw new PlanError(`Uncommitted changes where the move edits (commit them first, or run with --allow-dirty):\n${dirty}`);
  }

  const moved = new Map(moves.map((m) => [m.from, m.to]));
  const codeFiles = CODE_DIRS.flatMap((d) => walk(d, (p) => CODE_EXT.test(p) && p !== SELF));
  const docFiles = walk('.', (p) => p.endsWith('.md'));
  const rewrites = pathRewrites(moves);
  const warnings: string[] = [];

  const { edits: renames, report: renameReport } = renameEdits(codeFiles);
  const texts = new Map<string, string>();
  const changes: string[] = [];
  for (const file of codeFiles) {
    const original = read(file);
    const renamed = applyEdits(original, renames.get(file) ?? []);
    const specs = specifierEdits(file, renamed, moved, warnings);
    const respecified = applyEdits(renamed, specs);
    const { text, count } = rewritePaths(respecified, rewrites);
    texts.set(file, text);
    if (text !== original) changes.push(`${file}: ${renames.get(file)?.length ?? 0} renamed, ${specs.length} specifiers, ${count} paths in text`);
    if (moved.has(file) && /__filename|import\.meta/.test(text)) warnings.push(`${file} moves and reads its own place (__filename, import.meta): check its paths.`);
  }
  for (const file of docFiles) {
    const original = read(file);
    const paths = rewritePaths(original, rewrites);
    const names = renameInDocs(paths.text);
    texts.set(file, names.text);
    if (names.text !== original) changes.push(`${file}: ${paths.count} paths, ${names.count} names`);
  }

  const say = (s = ''): void => console.log(s);
  say(dryRun ? 'Dry run: nothing is written.' : 'Restructuring.');
  say();
  say(`Moves (${moves.length}):`);
  const width = Math.max(...moves.map((m) => m.from.length));
  for (const m of moves) say(`  ${m.from.padEnd(width)} → ${m.to}   ${m.why}`);
  const stays = Object.entries(CORE_PLAN).filter(([, p]) => p.to === null).map(([f]) => f);
  say(`Stay in src/core: ${stays.join(', ')}; src/app/card/ stays a room.`);
  say();
  say('Renames:');
  for (const r of renameReport) say(`  ${r}`);
  say();
  say(`Files edited (${changes.length}):`);
  for (const c of changes) say(`  ${c}`);
  const left = leftovers(moves, texts);
  if (warnings.length + left.length + planNotes.length > 0) {
    say();
    say('To look at by hand:');
    for (const w of [...planNotes, ...warnings, ...left]) say(`  ${w}`);
  }
  if (dryRun) return;

  for (const [file, text] of texts) if (text !== read(file)) fs.writeFileSync(abs(file), text);
  // An untracked file (only with --allow-dirty) cannot be git mv'd: it moves as a plain file.
  const tracked = new Set(git('ls-files', '--', ...CODE_DIRS).split('\n'));
  for (const m of moves) {
    fs.mkdirSync(path.dirname(abs(m.to)), { recursive: true });
    if (tracked.has(m.from)) git('mv', m.from, m.to);
    else {
      fs.renameSync(abs(m.from), abs(m.to));
      say(`  ${m.from} is not in git: moved as a file to ${m.to}`);
    }
  }
  fs.writeFileSync(abs(ROOMS_TEST), roomsTest());
  git('add', '--', ROOMS_TEST);
  say();
  say(`Done: ${moves.length} files moved with git mv, ${changes.length} files edited, ${ROOMS_TEST} written and added.`);
  say('Next: npx tsc -p tsconfig.json --noEmit && npx tsc -p tsconfig.tools.json --noEmit && npx tsc -p sidebar/tsconfig.json --noEmit');
  say('      npm run build && npx jest (the whole suite once), then review `git status` and commit:');
  say('      git add -u -- src test tools sidebar docs README.md && git commit   (the moves and the new test are staged already)');
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    if (e instanceof AlreadyDone) {
      console.log(e.message);
      process.exit(0);
    }
    if (e instanceof PlanError) {
      console.error(`tools/restructure.ts stopped, nothing was changed:\n${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}
