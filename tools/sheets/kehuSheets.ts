/**
 * A local spreadsheet wired to the built add-on: HyperFormula cells whose custom functions are
 * the bundle's globals, running over the Apps Script fakes. Used by `npm start` and the formula
 * tests, so both meet the functions the way a user typing into Sheets does.
 */
import { loadBundle, LoadedBundle } from '../gas/loadBundle';
import { createSheetsEngine, SheetsEngine } from './engine';

/** The custom functions the add-on publishes (the build test proves the bundle has exactly these). */
export const KEHU_FUNCTIONS = ['RFM', 'RFMCUTS', 'RFMSCORE', 'RFMSEGMENT', 'ABCTIER', 'ABCSUMMARY', 'QUADRANT', 'CLVPARAMS', 'CLV'] as const;

export interface KehuSheetsOptions {
  sheets: Record<string, unknown[][]>;
  locale?: string;
  timeZone?: string;
}

export interface KehuSheets {
  engine: SheetsEngine;
  bundle: LoadedBundle;
}

const isDate = (v: unknown): boolean => Object.prototype.toString.call(v) === '[object Date]';

export function createKehuSheets(o: KehuSheetsOptions): KehuSheets {
  const bundle = loadBundle({ locale: o.locale ?? 'zh_CN', timeZone: o.timeZone ?? 'Asia/Shanghai' });
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
  });
  return { engine, bundle };
}
