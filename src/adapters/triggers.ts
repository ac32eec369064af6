/**
 * The add-on's one clock trigger. An editor add-on may have one trigger of each type per user per
 * document, and clock triggers at most hourly (platform-notes): one hourly trigger whose handler
 * decides whether there is work to do.
 */

/** The handler functions of this user's triggers on this document. */
function ownTriggers(handler: string): GoogleAppsScript.Script.Trigger[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const all = ss ? ScriptApp.getUserTriggers(ss) : ScriptApp.getProjectTriggers();
  return all.filter((t) => t.getHandlerFunction() === handler);
}

export function hasClockTrigger(handler: string): boolean {
  return ownTriggers(handler).length > 0;
}

/** Installs the hourly trigger unless one exists; answers whether it made one. */
export function installHourlyTrigger(handler: string): boolean {
  if (hasClockTrigger(handler)) return false;
  ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
  return true;
}

/** Removes this user's triggers of the handler; answers how many. */
export function removeTriggers(handler: string): number {
  const found = ownTriggers(handler);
  for (const t of found) ScriptApp.deleteTrigger(t);
  return found.length;
}

/**
 * A trigger keeps firing after the user's authorization lapses (for instance when a new version
 * asks for a new scope): check before doing work.
 */
export function authorizationNeeded(): boolean {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
}
