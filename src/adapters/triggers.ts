/**
 * The add-on's one clock trigger. An editor add-on may have one trigger of each type per user per
 * document, and clock triggers at most hourly (platform-notes): one hourly trigger whose handler
 * decides whether there is work to do.
 *
 * A clock trigger has no document of its own: getTriggerSourceId() is null for it, and a time
 * trigger of a published add-on may run with no active spreadsheet. So the spreadsheet's id is
 * kept when the trigger is made, in the user's properties (they belong to the user who made the
 * trigger, who is also the one it runs as) under the trigger's unique id; the handler opens that
 * file when there is no active one.
 */

const FILE_KEY_PREFIX = 'kehu.triggerFile.';

function userProperties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getUserProperties();
}

/** The spreadsheet a trigger was made for, or null (a trigger made before ids were kept). */
export function fileOfTrigger(triggerUid: string | undefined | null): string | null {
  if (!triggerUid) return null;
  return userProperties().getProperty(FILE_KEY_PREFIX + triggerUid);
}

function rememberFile(triggerUid: string, spreadsheetId: string): void {
  userProperties().setProperty(FILE_KEY_PREFIX + triggerUid, spreadsheetId);
}

/**
 * This user's triggers of the handler for this file. The documentation does not say whether
 * getUserTriggers (this user, this document) lists clock triggers, so the project's triggers of
 * this user are asked too and the two lists joined; in a published add-on those are the user's
 * triggers in every file, so a trigger kept for another spreadsheet is left out.
 */
function ownTriggers(handler: string, spreadsheetId: string | null): GoogleAppsScript.Script.Trigger[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const seen = new Set<string>();
  const out: GoogleAppsScript.Script.Trigger[] = [];
  for (const t of [...(ss ? ScriptApp.getUserTriggers(ss) : []), ...ScriptApp.getProjectTriggers()]) {
    if (t.getHandlerFunction() !== handler || seen.has(t.getUniqueId())) continue;
    seen.add(t.getUniqueId());
    if (spreadsheetId !== null) {
      const file = fileOfTrigger(t.getUniqueId());
      if (file !== null && file !== spreadsheetId) continue;
    }
    out.push(t);
  }
  return out;
}

export function hasClockTrigger(handler: string, spreadsheetId: string | null = null): boolean {
  return ownTriggers(handler, spreadsheetId).length > 0;
}

/**
 * Installs the hourly trigger for this spreadsheet unless one exists, and keeps the file's id
 * for it (also for a trigger made before ids were kept); answers whether it made one.
 */
export function installHourlyTrigger(handler: string, spreadsheetId: string): boolean {
  const existing = ownTriggers(handler, spreadsheetId);
  for (const t of existing) if (fileOfTrigger(t.getUniqueId()) === null) rememberFile(t.getUniqueId(), spreadsheetId);
  if (existing.length > 0) return false;
  const made = ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
  rememberFile(made.getUniqueId(), spreadsheetId);
  return true;
}

/** Removes this user's triggers of the handler for this spreadsheet, and their kept ids; answers how many. */
export function removeTriggers(handler: string, spreadsheetId: string | null = null): number {
  const found = ownTriggers(handler, spreadsheetId);
  for (const t of found) {
    const uid = t.getUniqueId();
    ScriptApp.deleteTrigger(t);
    userProperties().deleteProperty(FILE_KEY_PREFIX + uid);
  }
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
