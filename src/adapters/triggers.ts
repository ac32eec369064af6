/**
 * The add-on's one clock trigger. An editor add-on may have one trigger of each type per user per
 * document, and clock triggers at most hourly (platform-notes): one hourly trigger whose handler
 * decides whether there is work to do.
 */

/**
 * This user's triggers of the handler. The documentation does not say whether getUserTriggers
 * (this user, this document) lists clock triggers, so the project's triggers of this user are
 * asked too and the two lists joined.
 */
function ownTriggers(handler: string): GoogleAppsScript.Script.Trigger[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const seen = new Set<string>();
  const out: GoogleAppsScript.Script.Trigger[] = [];
  for (const t of [...(ss ? ScriptApp.getUserTriggers(ss) : []), ...ScriptApp.getProjectTriggers()]) {
    if (t.getHandlerFunction() !== handler || seen.has(t.getUniqueId())) continue;
    seen.add(t.getUniqueId());
    out.push(t);
  }
  return out;
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
