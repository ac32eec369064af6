/**
 * The spreadsheet's user interface: the add-on menu, messages, the sidebar and dialogs.
 * Outside a UI session (a trigger, the script editor) SpreadsheetApp.getUi() throws; every
 * function here then does nothing and says so, so the same public globals work from a menu,
 * from the editor and from a trigger.
 */

export interface MenuItem {
  caption: string;
  /** The public global the item calls. */
  fn: string;
}

/**
 * Whether an open/install event runs in AuthMode.NONE (the add-on installed but not yet used in
 * this file: no service that needs authorization may be called). Apps Script passes the mode as
 * an enum value; where the enum cannot be read, its name is compared.
 */
export function isAuthModeNone(authMode: unknown): boolean {
  if (authMode === undefined) return false;
  try {
    return authMode === ScriptApp.AuthMode.NONE;
  } catch (err) {
    return String(authMode) === 'NONE';
  }
}

/** null between items draws a separator. */
export function buildAddonMenu(items: readonly (MenuItem | null)[]): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) {
    if (item === null) menu.addSeparator();
    else menu.addItem(item.caption, item.fn);
  }
  menu.addToUi();
}

function ui(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch (e) {
    return null;
  }
}

/** A message the user must read (errors, results of a menu item); false when there is no UI. */
export function alertUser(title: string, message: string): boolean {
  const u = ui();
  if (!u) return false;
  u.alert(title, message, u.ButtonSet.OK);
  return true;
}

/**
 * Opens the built sidebar file (dist/Sidebar.html) with a title, and `appended` HTML after it (a
 * data block the page reads; the caller escapes it); false when there is no UI.
 */
export function showSidebarFile(file: string, title: string, appended = ''): boolean {
  const u = ui();
  if (!u) return false;
  const output = HtmlService.createHtmlOutputFromFile(file);
  if (appended) output.append(appended);
  u.showSidebar(output.setTitle(title));
  return true;
}

/** A dialog from HTML made at run time (only the add-on's own markup and escaped values). */
export function showDialogHtml(html: string, title: string, width = 420, height = 220): boolean {
  const u = ui();
  if (!u) return false;
  u.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height), title);
  return true;
}

/**
 * Asks a yes/no question (before an action people will notice, like sending invites): true for
 * Yes, false for No or the dialog closed, null when there is no UI to ask in (a trigger, the
 * script editor). The execution waits for the answer.
 */
export function askYesNo(title: string, message: string): boolean | null {
  const u = ui();
  if (!u) return null;
  return u.alert(title, message, u.ButtonSet.YES_NO) === u.Button.YES;
}
