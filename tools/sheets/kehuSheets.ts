/**
 * A local spreadsheet wired to the built add-on: HyperFormula cells whose custom functions are
 * the bundle's globals, running over the Apps Script fakes. Used by `npm start` and the formula
 * tests, so both meet the functions the way a user typing into Sheets does.
 */
import type { ExecutionOptions, GasState } from '../gas/fakes';
import { loadBundle, LoadedBundle } from '../gas/loadBundle';
import { createSheetsEngine, SheetsEngine } from './engine';

/** The custom functions the add-on publishes (the build test proves the bundle has exactly these). */
export const KEHU_FUNCTIONS = ['RFM', 'RFMCUTS', 'RFMSCORE', 'RFMSEGMENT', 'ABCTIER', 'ABCSUMMARY', 'QUADRANT', 'CLVPARAMS', 'CLV', 'RFMSQL'] as const;

export interface KehuSheetsOptions {
  sheets: Record<string, unknown[][]>;
  locale?: string;
  timeZone?: string;
  /**
   * The document the custom functions run in (its locale, time zone and caches), when the
   * cells belong to one (npm start's playground); otherwise a document of their own.
   */
  state?: GasState;
  /** The execution the functions run in (default: the fakes' default execution). */
  execution?: ExecutionOptions;
  /** Folder of the built bundle (default: loadBundle's). */
  distDir?: string;
  /** Values as computed, not rounded to 10 digits (see SheetsEngineOptions.exactValues). */
  exactValues?: boolean;
}

export interface KehuSheets {
  engine: SheetsEngine;
  bundle: LoadedBundle;
}

const isDate = (v: unknown): boolean => Object.prototype.toString.call(v) === '[object Date]';

export function createKehuSheets(o: KehuSheetsOptions): KehuSheets {
  const bundle = o.state
    ? loadBundle({ state: o.state, execution: o.execution, distDir: o.distDir })
    : loadBundle({ locale: o.locale ?? 'zh_CN', timeZone: o.timeZone ?? 'Asia/Shanghai', execution: o.execution, distDir: o.distDir });
  const functions: Record<string, (...args: unknown[]) => unknown> = {};
  for (const name of KEHU_FUNCTIONS) functions[name] = (...args) => bundle.context[name](...args);
  const engine = createSheetsEngine({
    sheets: o.sheets,
    functions,
    toDate: (serial) => bundle.realm.fromSerial(serial),
    fromDate: (d) => bundle.realm.toSerial(d as Date),
    isDate,
    // Sheets lets a custom function read its own cell's formula; the add-on uses it to name rows in errors.
    onCompute: (formula) => bundle.fakes.setActiveFormula(formula),
    exactValues: o.exactValues,
    lang: (o.state ? o.state.spreadsheet.locale : o.locale ?? 'zh_CN').toLowerCase().startsWith('zh') ? 'zh' : 'en',
  });
  return { engine, bundle };
}
