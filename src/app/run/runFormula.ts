/**
 * The frame around every custom function: learn the locale and time zone, compute, and turn a
 * failure into a sentence (Sheets shows a thrown Error's message under #ERROR!).
 */
import { activeFormula, readSheetSettings } from '../../adapters/spreadsheet';
import { spreadsheetClock } from '../../adapters/timeZone';
import type { Output } from '../../core/cells';
import type { FunctionContext } from '../../core/functions/context';
import { langOf } from '../../core/locale';
import { errorText } from './errorText';

export function runFormula(fn: string, params: readonly string[], compute: (ctx: FunctionContext) => Output): Output {
  const settings = readSheetSettings();
  const lang = langOf(settings.locale);
  const { clock, save } = spreadsheetClock(settings.timeZone);
  try {
    return compute({ lang, clock });
  } catch (e) {
    throw new Error(errorText(e, { fn, params, formula: activeFormula }, lang, clock));
  } finally {
    save();
  }
}
