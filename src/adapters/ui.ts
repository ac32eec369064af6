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

/** Opens the built sidebar file (dist/Sidebar.html) with a title; false when there is no UI. */
export function showSidebarFile(file: string, title: string): boolean {
  const u = ui();
  if (!u) return false;
  u.showSidebar(HtmlService.createHtmlOutputFromFile(file).setTitle(title));
  return true;
}

/** A dialog from HTML made at run time (only the add-on's own markup and escaped values). */
export function showDialogHtml(html: string, title: string, width = 420, height = 220): boolean {
  const u = ui();
  if (!u) return false;
  u.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height), title);
  return true;
}
