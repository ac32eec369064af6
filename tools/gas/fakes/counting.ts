/** Call counting: every service method call is a round trip in Apps Script, so tests count them. */

/** 'Service.method' → number of calls. */
export type CallCounts = Map<string, number>;

/**
 * Sum of the counts whose key starts with `prefix`. A bare service name counts that service only
 * ('Spreadsheet' is not 'SpreadsheetApp'); a prefix with a dot is matched as written ('Range.get').
 */
export function totalCalls(calls: CallCounts, prefix = ''): number {
  const start = prefix === '' || prefix.includes('.') ? prefix : `${prefix}.`;
  let total = 0;
  for (const [key, n] of calls) if (key.startsWith(start)) total += n;
  return total;
}
