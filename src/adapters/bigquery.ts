/**
 * The BigQuery advanced service (BigQuery API v2): runs one GoogleSQL query billed to a project
 * and reads every page of its results. Jobs.query starts the job and may answer before it ends
 * (jobComplete false); getQueryResults then waits server-side (timeoutMs) and pages with
 * pageToken. Values arrive as strings (the API's JSON), nulls as null.
 */
import type { ResultTable } from '../core/sql/results';

interface Cell {
  v: unknown;
}
interface QueryResponse {
  jobComplete?: boolean;
  jobReference?: { jobId?: string; location?: string };
  schema?: { fields?: { name?: string }[] };
  rows?: { f?: Cell[] }[];
  pageToken?: string;
  totalRows?: string;
}
interface JobsService {
  query(resource: object, projectId: string): QueryResponse;
  getQueryResults(projectId: string, jobId: string, optionalArgs?: object): QueryResponse;
}

// Defined by Apps Script when the project enables the advanced service; undefined otherwise.
declare const BigQuery: { Jobs?: JobsService } | undefined;

/** Rows per page asked for: results are one row per customer, a few short columns. */
const PAGE_ROWS = 10_000;
/** How long one call waits for the job on Google's side before answering jobComplete false. */
const WAIT_MS = 20_000;

function jobs(): JobsService {
  if (typeof BigQuery === 'undefined' || !BigQuery || !BigQuery.Jobs) throw new Error('BigQuery advanced service is not enabled');
  return BigQuery.Jobs;
}

export function bigQueryAvailable(): boolean {
  try {
    jobs();
    return true;
  } catch (e) {
    return false;
  }
}

function cellText(cell: Cell | undefined): string | null {
  const v = cell?.v;
  return v === null || v === undefined ? null : String(v);
}

/**
 * Runs `sql` (GoogleSQL) billed to `projectId` and returns all its rows. A query that stops with
 * ERROR() (RFMSQL's sentences) or fails throws the service's exception, whose message carries the
 * sentence; `maxPolls` bounds the waiting for a job that does not finish.
 */
export function runQuery(projectId: string, sql: string, options: { pageRows?: number; maxPolls?: number } = {}): ResultTable {
  const api = jobs();
  const maxResults = options.pageRows ?? PAGE_ROWS;
  let page = api.query({ query: sql, useLegacySql: false, maxResults, timeoutMs: WAIT_MS }, projectId);
  const jobId = page.jobReference?.jobId ?? '';
  const location = page.jobReference?.location;
  const more = (pageToken?: string) => api.getQueryResults(projectId, jobId, { maxResults, timeoutMs: WAIT_MS, ...(location ? { location } : {}), ...(pageToken ? { pageToken } : {}) });
  for (let polls = 0; page.jobComplete === false; polls++) {
    if (polls >= (options.maxPolls ?? 30)) throw new Error(`BigQuery job ${jobId} did not finish`);
    page = more();
  }
  const fields = (page.schema?.fields ?? []).map((f) => f.name ?? '');
  const rows: (string | null)[][] = [];
  for (;;) {
    for (const row of page.rows ?? []) rows.push(fields.map((_, i) => cellText(row.f?.[i])));
    if (!page.pageToken) break;
    page = more(page.pageToken);
  }
  return { fields, rows };
}
