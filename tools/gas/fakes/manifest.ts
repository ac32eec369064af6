/**
 * The project manifest (appsscript.json), when a test asks the fakes to follow it: an advanced
 * service exists only when the manifest enables it, and with an explicit oauthScopes list a
 * call whose scope is missing fails as in Apps Script ("Specified permissions are not
 * sufficient to call …"). Catches a manifest that forgot the Calendar service or a scope.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: { userSymbol: string; serviceId: string; version: string }[] };
}

export function readManifest(distDir: string): Manifest | null {
  const file = path.join(distDir, 'appsscript.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest) : null;
}

export function advancedServiceEnabled(manifest: Manifest, userSymbol: string): boolean {
  return (manifest.dependencies?.enabledAdvancedServices ?? []).some((s) => s.userSymbol === userSymbol);
}

const AUTH = 'https://www.googleapis.com/auth/';
const CALENDAR_WRITE = ['calendar', 'calendar.events', 'calendar.events.owned', 'calendar.app.created'];
const CALENDAR_READ = [...CALENDAR_WRITE, 'calendar.readonly', 'calendar.events.readonly', 'calendar.events.owned.readonly'];

/** Scopes any one of which lets `name` ('Service.method') run; null when it needs none. */
function scopesFor(name: string): string[] | null {
  const dot = name.lastIndexOf('.');
  const service = name.slice(0, dot);
  const method = name.slice(dot + 1);
  // Opening another file than the current one needs access to all the user's spreadsheets.
  if (service === 'SpreadsheetApp' && ['openById', 'openByUrl', 'open'].includes(method)) return ['spreadsheets'];
  if (['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range'].includes(service)) {
    return method === 'getUi' ? null : ['spreadsheets.currentonly', 'spreadsheets'];
  }
  if (service === 'Ui' && !['createMenu', 'createAddonMenu'].includes(method)) return ['script.container.ui'];
  if (['ScriptApp', 'TriggerBuilder', 'ClockTriggerBuilder', 'SpreadsheetTriggerBuilder', 'Trigger'].includes(service)) {
    return ['getAuthorizationInfo', 'getScriptId', 'requireScopes'].includes(method) ? null : ['script.scriptapp'];
  }
  if ((service === 'Session' && ['getActiveUser', 'getEffectiveUser'].includes(method)) || service === 'User') return ['userinfo.email'];
  if (service === 'Calendar.Events') return ['get', 'list'].includes(method) ? CALENDAR_READ : CALENDAR_WRITE;
  // Google's discovery document: jobs.query takes bigquery, cloud-platform or cloud-platform.read-only;
  // getQueryResults (and jobs.get) bigquery.readonly too.
  if (service === 'BigQuery.Jobs') return method === 'query' ? ['bigquery', 'cloud-platform', 'cloud-platform.read-only'] : ['bigquery', 'bigquery.readonly', 'cloud-platform', 'cloud-platform.read-only'];
  return null;
}

/** The error Apps Script throws when the manifest's explicit scopes do not cover `name`, or null. */
export function scopeError(name: string, manifest: Manifest): string | null {
  if (!manifest.oauthScopes) return null; // scopes detected automatically
  const needed = scopesFor(name);
  if (!needed) return null;
  const granted = new Set(manifest.oauthScopes);
  if (needed.some((s) => granted.has(AUTH + s))) return null;
  return `Specified permissions are not sufficient to call ${name}. Required permissions: ${needed.map((s) => AUTH + s).join(' || ')}`;
}
