/**
 * Executions and what each authorization mode allows, after the table in
 * developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle:
 *
 * | | NONE | LIMITED | CUSTOM_FUNCTION | FULL |
 * |---|---|---|---|---|
 * | user data | locale only | locale only | locale only | yes |
 * | document | no | yes | read-only | yes |
 * | user interface | add menu items | add menu items | no | yes |
 * | Properties | no | yes | yes | yes |
 * | other services | Logger, Utilities | services without user data | same | all |
 *
 * onOpen of an add-on not yet used in the file runs in NONE; onOpen/onEdit in LIMITED; menu
 * items, the script editor and installable triggers in FULL; a custom function in CUSTOM_FUNCTION.
 */

export type AuthModeName = 'NONE' | 'LIMITED' | 'CUSTOM_FUNCTION' | 'FULL';

export interface ExecutionOptions {
  /** Default FULL. */
  authMode?: AuthModeName;
  /**
   * Whether the execution has an editor to show UI in (menu item, sidebar call, onOpen: true;
   * time-driven trigger, script editor run: false). Default true.
   */
  ui?: boolean;
  /** E-mail of the user running it (default the file's owner). */
  user?: string;
  /** Session.getActiveUser().getEmail() answers '' (a consumer account in someone else's file). */
  activeUserHidden?: boolean;
  /** Session.getActiveUserLocale() for this execution. */
  userLocale?: string;
  /**
   * SpreadsheetApp.getActiveSpreadsheet() answers null (a clock trigger of a published add-on:
   * no document is open); the script must open the file by id. Default false.
   */
  noActiveSpreadsheet?: boolean;
}

export interface Execution {
  readonly id: number;
  readonly authMode: AuthModeName;
  readonly ui: boolean;
  readonly user: string;
  readonly activeUserHidden: boolean;
  readonly userLocale: string | null;
  /** See ExecutionOptions.noActiveSpreadsheet. */
  readonly noActiveSpreadsheet?: boolean;
}

/** What a service needs, which decides where it may run. */
type Need = 'free' | 'document' | 'storage' | 'html' | 'dialog' | 'user' | 'triggers' | 'calendar';

const SCOPES: Partial<Record<Need, string>> = {
  document: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  dialog: 'https://www.googleapis.com/auth/script.container.ui',
  user: 'https://www.googleapis.com/auth/userinfo.email',
  triggers: 'https://www.googleapis.com/auth/script.scriptapp',
  calendar: 'https://www.googleapis.com/auth/calendar.events',
};

const FREE = new Set([
  'SpreadsheetApp.getUi',
  'Ui.createMenu',
  'Ui.createAddonMenu',
  'Session.getActiveUserLocale',
  'Session.getScriptTimeZone',
  'ScriptApp.getAuthorizationInfo',
]);

function needOf(service: string, name: string): Need {
  if (FREE.has(name)) return 'free';
  switch (service) {
    case 'Utilities':
    case 'Blob':
    case 'Menu':
    case 'PromptResponse':
    case 'AuthorizationInfo':
      return 'free';
    case 'SpreadsheetApp':
    case 'Spreadsheet':
    case 'Sheet':
    case 'Range':
      return 'document';
    case 'PropertiesService':
    case 'Properties':
    case 'CacheService':
    case 'Cache':
    case 'LockService':
    case 'Lock':
      return 'storage';
    case 'HtmlService':
    case 'HtmlOutput':
      return 'html';
    case 'Ui':
      return 'dialog';
    case 'Session':
    case 'User':
      return 'user';
    case 'ScriptApp':
    case 'TriggerBuilder':
    case 'ClockTriggerBuilder':
    case 'SpreadsheetTriggerBuilder':
    case 'Trigger':
      return 'triggers';
  }
  if (service === 'Calendar' || service.startsWith('Calendar.')) return 'calendar';
  return 'free';
}

const isRead = (method: string): boolean => /^(get|is|has)/.test(method) || method === 'flush';

function allowed(need: Need, mode: AuthModeName, method: string): boolean {
  if (need === 'free' || mode === 'FULL') return true;
  switch (mode) {
    case 'NONE':
      return false;
    case 'LIMITED':
      return need === 'document' || need === 'storage' || need === 'html';
    case 'CUSTOM_FUNCTION':
      return (need === 'document' && isRead(method)) || need === 'storage' || need === 'html';
  }
}

/**
 * The message Apps Script throws when `name` ('Service.method') may not run in this execution,
 * or null when it may. `authorizationRequired`: the user's authorization has lapsed (the
 * add-on was updated with new scopes, or access revoked) — every service but the free ones fails.
 */
export function permissionError(name: string, execution: Execution, authorizationRequired: boolean): string | null {
  const dot = name.lastIndexOf('.');
  const service = name.slice(0, dot);
  const method = name.slice(dot + 1);
  const need = needOf(service, name);
  if (need === 'free') return null;
  if (!allowed(need, execution.authMode, method)) {
    // Custom functions name the bare method ("You do not have permission to call setValue").
    if (execution.authMode === 'CUSTOM_FUNCTION' && need === 'document') return `You do not have permission to call ${method}`;
    const scope = SCOPES[need];
    return scope ? `You do not have permission to call ${name}. Required permissions: ${scope}` : `You do not have permission to call ${name}.`;
  }
  if (authorizationRequired) return 'Authorization is required to perform that action.';
  return null;
}
