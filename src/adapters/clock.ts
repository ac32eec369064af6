/**
 * The one place that reads the clock. Custom functions never do (Sheets recalculates them only
 * when their arguments change); the automation and the card need "today" and a time budget.
 */
export function nowMs(): number {
  return Date.now();
}
