/**
 * The spreadsheet facts a custom function needs: locale, time zone, and the formula being
 * computed. Custom functions may only read, and every call here is a service call, so each is
 * made once per execution at most.
 */

export interface SheetSettings {
  locale: string;
  timeZone: string;
}

export function readSheetSettings(): SheetSettings {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) return { locale: 'en_US', timeZone: Session.getScriptTimeZone() };
  return { locale: ss.getSpreadsheetLocale(), timeZone: ss.getSpreadsheetTimeZone() };
}

/** The formula of the cell being computed ('' when unknown); used only to word an error. */
export function activeFormula(): string {
  try {
    const range = SpreadsheetApp.getActiveRange();
    return range ? range.getFormula() : '';
  } catch (e) {
    return '';
  }
}

/** The active spreadsheet's locale, or null when there is none or it may not be read (the menu then follows the user's). */
export function activeSpreadsheetLocale(): string | null {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    return ss ? ss.getSpreadsheetLocale() : null;
  } catch (err) {
    return null;
  }
}
