/**
 * Granular consent: a user may decline one scope of several when authorizing the add-on. A step
 * that needs a scope few teams use (BigQuery) asks for it only when it runs, so a team that never
 * uses that step is never blocked by having declined it.
 */

/**
 * The scope the daily run needs to query the team's BigQuery orders. Google's discovery document
 * lets jobs.query run under bigquery, cloud-platform or cloud-platform.read-only (not
 * bigquery.readonly, which getQueryResults and jobs.get take); bigquery is the one of them
 * limited to BigQuery, and the one Apps Script itself adds for the advanced service.
 */
export const BIGQUERY_SCOPE = 'https://www.googleapis.com/auth/bigquery';

/**
 * Ends the execution when the user has not granted `scopes` (Apps Script then shows the consent
 * screen to a person; a trigger's run fails and is logged), otherwise returns.
 */
export function requireScopes(scopes: string[]): void {
  ScriptApp.requireScopes(ScriptApp.AuthMode.FULL, scopes);
}
