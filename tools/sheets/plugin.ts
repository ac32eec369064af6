/**
 * The one HyperFormula function plugin behind every custom function of every local engine.
 *
 * HyperFormula registers plugins globally (a static registry read when an engine is built), but
 * each engine brings its own functions. So:
 * - the plugin's `implementedFunctions` only grows: every name any engine asked for stays
 *   registered, all pointing at the same method;
 * - each engine's plugin *instance* (HyperFormula makes one per engine while building it) binds
 *   to that engine's context, handed over through `bindingForNextBuild` during the synchronous
 *   build. The handlers, date bridge and spill sizes live in the context, never in statics.
 * Two engines alive at once (or one after the other) therefore never see each other's handlers;
 * a name another engine registered evaluates to #NAME? here, as an unknown function should.
 * HyperFormula instances built by anyone else in the process get an unbound instance (#NAME?).
 *
 * Spilling: HyperFormula must know a formula's result size before evaluating it
 * (`sizeOfResultArrayMethod`), Sheets spills whatever comes back. The size method answers from
 * a cache of what the call produced last time (1x1 when unknown); evaluation compares the real
 * size with the reserved one and, when they differ, records it and marks the formula for
 * re-entry. The engine re-enters marked formulas after each operation (see engine.ts).
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';
import type { FunctionArgument, ImplementedFunctions, SimpleCellAddress } from 'hyperformula';
import type { InterpreterState, InterpreterValue, ProcedureAst } from './hf-types';
import { a1Of } from './a1';
import { argToSheets, fitTo, resultFromSheets, type DateBridge, type MakeDateNumber, type Produced } from './values';

export type CustomFunction = (...args: unknown[]) => unknown;

export interface Size {
  rows: number;
  cols: number;
}

/** What the last evaluation of a top-level custom call found. */
export interface Anchor {
  address: SimpleCellAddress;
  /** The size the result wants to spill to. */
  want: Size;
  /** The size HyperFormula had reserved (differs from `want` until re-entry, or when blocked). */
  placed: Size;
}

/** Everything one engine's custom functions need; shared between the plugin instance and the engine. */
export interface EngineContext {
  functions: ReadonlyMap<string, CustomFunction>;
  dates: DateBridge;
  /** Told the formula text of the cell about to be computed, as SpreadsheetApp.getActiveRange() knows it in Sheets. */
  onCompute?: (formula: string) => void;
  /** The file's language for the engine's own messages. */
  lang: 'zh' | 'en';
  /** Last produced size per call site: `anchorKey|callKey`. */
  sizes: Map<string, Size>;
  /** Top-level custom calls by anchorKey, for re-spilling when cells in their way change. */
  anchors: Map<string, Anchor>;
  /** Formulas to type in again so HyperFormula reserves their new size, by anchorKey. */
  dirty: Map<string, SimpleCellAddress>;
}

/** Sheets custom functions take any number of arguments; the brief settles on eight. */
export const MAX_ARGS = 8;

export function anchorKey(a: SimpleCellAddress): string {
  return `${a.sheet}!${a.row},${a.col}`;
}

/**
 * A whitespace-insensitive stand-in for the call's formula text: its syntax tree without tokens.
 * Together with the anchor address it names a call site; typing a different formula into the
 * cell gives a new key, so an old size is not reused for it.
 */
function callKey(ast: ProcedureAst): string {
  return JSON.stringify(ast, (k, v: unknown) => (k.endsWith('Whitespace') || k === 'hyperlink' ? undefined : v));
}

const PARAMETERS: FunctionArgument[] = Array.from({ length: MAX_ARGS }, () => ({
  argumentType: FunctionArgumentType.ANY,
  optionalArg: true,
  // Keep DateNumber / PercentNumber instead of bare numbers: dates must reach the function as Dates.
  passSubtype: true,
}));

let bindingForNextBuild: EngineContext | undefined;

/** Builds an engine with `ctx` bound to its plugin instance; `build` must build synchronously. */
export function buildBound<T>(ctx: EngineContext, build: () => T): T {
  bindingForNextBuild = ctx;
  try {
    return build();
  } finally {
    bindingForNextBuild = undefined;
  }
}

function isFormulaVertex(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'formula' in v;
}

class SheetsCustomFunctions extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  private readonly ctx: EngineContext | undefined = bindingForNextBuild;

  callCustom(ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    const ctx = this.ctx;
    const fn = ctx?.functions.get(ast.procedureName);
    if (ctx === undefined || fn === undefined) {
      return new CellError(ErrorType.NAME, `Unknown function: '${ast.procedureName}'.`);
    }
    if (ctx.onCompute) ctx.onCompute(this.serialization.getCellFormula(state.formulaAddress) ?? '');
    let produced: Produced | undefined;
    const out = this.runFunction(ast.args, state, this.metadata(ast.procedureName), (...raw: unknown[]) => {
      produced = this.invoke(fn, raw.slice(0, ast.args.length), ctx.dates);
      return produced.value;
    }) as InterpreterValue;
    // runFunction answers by itself (no call) when a scalar argument is an error or there are too many.
    const result = produced ?? { value: out, rows: 1, cols: 1 };
    const vertex = state.formulaVertex as unknown as { formula?: unknown; width: number; height: number } | undefined;
    // Only the call that is the whole formula spills; nested calls hand their full value outward.
    if (vertex === undefined || vertex.formula !== ast) return result.value;
    return this.place(ctx, ast, state.formulaAddress, vertex, result);
  }

  customSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const want = this.ctx?.sizes.get(`${anchorKey(state.formulaAddress)}|${callKey(ast)}`);
    if (want === undefined || (want.rows === 1 && want.cols === 1)) return ArraySize.scalar();
    // Reserve nothing when the spill is blocked: evaluation then reports it the way Sheets does.
    const own = this.dependencyGraph.getCell(state.formulaAddress);
    if (this.firstBlocker(state.formulaAddress, want, own) !== undefined) return ArraySize.scalar();
    return new ArraySize(want.cols, want.rows);
  }

  /** Calls the function with Sheets-shaped arguments; a throw becomes #ERROR! with its message. */
  private invoke(fn: CustomFunction, raw: unknown[], dates: DateBridge): Produced {
    const args: unknown[] = [];
    for (const a of raw) {
      const v = a === undefined ? undefined : argToSheets(a, dates);
      if (v instanceof CellError) return { value: v, rows: 1, cols: 1 };
      args.push(v);
    }
    let out: unknown;
    try {
      out = fn(...args);
    } catch (e) {
      return { value: new CellError(ErrorType.ERROR, errorMessage(e)), rows: 1, cols: 1 };
    }
    return resultFromSheets(out, dates, this.makeDate);
  }

  private readonly makeDate: MakeDateNumber = (serial, type) => this.arithmeticHelper.ExtendedNumberFactory(serial, { type });

  /** Fits the result into the reserved cells and schedules a re-entry when the size changed. */
  private place(ctx: EngineContext, ast: ProcedureAst, address: SimpleCellAddress, vertex: { width: number; height: number }, result: Produced): InterpreterValue {
    const key = anchorKey(address);
    const want: Size = { rows: result.rows, cols: result.cols };
    const placed: Size = { rows: vertex.height, cols: vertex.width };
    ctx.anchors.set(key, { address, want, placed });
    if (want.rows === placed.rows && want.cols === placed.cols) return result.value;
    ctx.sizes.set(`${key}|${callKey(ast)}`, want);
    const blocker = this.firstBlocker(address, want, vertex);
    if (blocker === undefined) {
      ctx.dirty.set(key, address);
      return fitTo(result, placed.rows, placed.cols);
    }
    // Sheets' own words; only the anchor shows the error, so a larger reservation must shrink.
    if (placed.rows !== 1 || placed.cols !== 1) ctx.dirty.set(key, address);
    const at = a1Of(blocker.col, blocker.row);
    return new CellError(ErrorType.REF, ctx.lang === 'zh' ? `数组结果无法展开，因为这会覆盖 ${at} 中的数据。` : `Array result was not expanded because it would overwrite data in ${at}.`);
  }

  /** The first non-empty cell (in reading order) that a spill of `size` from `anchor` would cover. */
  private firstBlocker(anchor: SimpleCellAddress, size: Size, own: unknown): SimpleCellAddress | undefined {
    for (let r = 0; r < size.rows; r++) {
      for (let c = 0; c < size.cols; c++) {
        if (r === 0 && c === 0) continue;
        const at: SimpleCellAddress = { sheet: anchor.sheet, row: anchor.row + r, col: anchor.col + c };
        const v: unknown = this.dependencyGraph.getCell(at);
        if (v === undefined || v === own) continue;
        // A formula (or another formula's spill) blocks even when it shows nothing, as in Sheets.
        if (isFormulaVertex(v)) return at;
        const value = (v as { getCellValue?: () => unknown }).getCellValue?.();
        if (value !== EmptyValue) return at;
      }
    }
    return undefined;
  }
}

/** Message of anything thrown, including Errors from another realm (a `vm` context). */
function errorMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string') {
    return (e as { message: string }).message;
  }
  return String(e);
}

const NAME_PATTERN = /^[A-Z_][A-Z0-9_.]*$/;

/**
 * Makes `names` callable in engines built from now on. Refuses names HyperFormula already knows
 * from elsewhere (built-ins): overriding one globally would change every other engine.
 */
export function registerNames(names: Iterable<string>): void {
  const fresh: Record<string, string> = {};
  for (const name of names) {
    if (!NAME_PATTERN.test(name)) throw new Error(`Not a usable custom function name: ${name}`);
    if (SheetsCustomFunctions.implementedFunctions[name] !== undefined) continue;
    const existing = HyperFormula.getFunctionPlugin(name);
    if (existing !== undefined || name === 'VERSION' || name === 'OFFSET') {
      throw new Error(`${name} is a built-in function name; Sheets does not allow custom functions to reuse it`);
    }
    SheetsCustomFunctions.implementedFunctions[name] = {
      method: 'callCustom',
      sizeOfResultArrayMethod: 'customSize',
      parameters: PARAMETERS,
    };
    fresh[name] = name;
  }
  if (Object.keys(fresh).length > 0) {
    // Registering again is idempotent for names already there; translations make the names parse.
    HyperFormula.registerFunctionPlugin(SheetsCustomFunctions, { enGB: fresh });
  }
}
