/**
 * A fake of the BigQuery advanced service (Jobs.query, Jobs.getQueryResults) that answers queries
 * it was given the results of: the tests run RFMSQL's DuckDB text on DuckDB beforehand and hand
 * the rows in under the BigQuery text of the same tree, so the adapter must send exactly that
 * text. It keeps the API's shapes: values as strings, pages of at most maxResults rows (and at
 * most its own page size) with a pageToken, a job that answers jobComplete false for its first
 * polls, and failures thrown as Apps Script throws them ("API call to bigquery.jobs.query failed
 * with error: ...").
 */

export interface FakeAnswer {
  fields: string[];
  rows: unknown[][];
}

export interface BigQueryFakeOptions {
  /** Results per query text. An unknown text fails as BigQuery fails on a bad query. */
  answers: Map<string, FakeAnswer | { error: string }>;
  /** The service's own largest page, whatever maxResults asks (BigQuery caps pages by size). */
  pageRows?: number;
  /** How many calls answer jobComplete false before the job is done. */
  pendingPolls?: number;
}

export interface BigQueryCall {
  method: 'query' | 'getQueryResults';
  projectId: string;
  args: Record<string, unknown>;
}

interface Job {
  answer: FakeAnswer;
  pendingLeft: number;
  location: string;
}

export function createBigQueryFake(options: BigQueryFakeOptions) {
  const jobs = new Map<string, Job>();
  const calls: BigQueryCall[] = [];
  const fail = (method: string, message: string): never => {
    throw new Error(`API call to bigquery.jobs.${method} failed with error: ${message}`);
  };
  const asText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'bigint' ? v.toString() : String(v));

  function page(jobId: string, job: Job, maxResults: number | undefined, pageToken: string | undefined) {
    if (job.pendingLeft > 0) {
      job.pendingLeft--;
      return { kind: 'bigquery#getQueryResultsResponse', jobComplete: false, jobReference: { jobId, location: job.location } };
    }
    const start = pageToken === undefined ? 0 : Number(pageToken);
    if (!Number.isInteger(start) || start < 0 || start > job.answer.rows.length) fail('getQueryResults', `Invalid page token: ${pageToken}`);
    const size = Math.min(maxResults ?? Infinity, options.pageRows ?? Infinity);
    const end = Math.min(job.answer.rows.length, start + size);
    return {
      kind: 'bigquery#getQueryResultsResponse',
      jobComplete: true,
      jobReference: { jobId, location: job.location },
      schema: { fields: job.answer.fields.map((name) => ({ name, type: 'STRING' })) },
      totalRows: String(job.answer.rows.length),
      rows: job.answer.rows.slice(start, end).map((row) => ({ f: row.map((v) => ({ v: asText(v) })) })),
      ...(end < job.answer.rows.length ? { pageToken: String(end) } : {}),
    };
  }

  const Jobs = {
    query(resource: { query?: string; useLegacySql?: boolean; maxResults?: number }, projectId: string) {
      calls.push({ method: 'query', projectId, args: { ...resource } });
      if (resource.useLegacySql !== false) fail('query', 'Syntax error: legacy SQL does not read this query (set useLegacySql: false)');
      const answer = options.answers.get(resource.query ?? '');
      if (!answer) return fail('query', 'Syntax error: the fake was given no results for this query text');
      if ('error' in answer) return fail('query', answer.error);
      const jobId = `job_${jobs.size + 1}`;
      const job = { answer, pendingLeft: options.pendingPolls ?? 0, location: 'US' };
      jobs.set(jobId, job);
      return page(jobId, job, resource.maxResults, undefined);
    },
    getQueryResults(projectId: string, jobId: string, args: { maxResults?: number; pageToken?: string; location?: string } = {}) {
      calls.push({ method: 'getQueryResults', projectId, args: { jobId, ...args } });
      const job = jobs.get(jobId);
      if (!job) return fail('getQueryResults', `Not found: Job ${projectId}:${jobId}`);
      return page(jobId, job, args.maxResults, args.pageToken);
    },
  };
  return { BigQuery: { Jobs }, calls };
}
