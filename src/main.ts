/**
 * Kehu's public surface. Every function exported here becomes a top-level function of the
 * built Apps Script file (the build reads this file's exports and their JSDoc); nothing else is
 * visible to Sheets or to the sidebar. Keep each body a one-line hand-off.
 */
import type { Arg, Output } from './core/cells';
import { runFormula } from './app/run/runFormula';
import { abcSummaryTable, abcTierColumn } from './core/functions/abc';
import { quadrantColumn } from './core/functions/quadrant';
import { rfmCutsTable, rfmTable } from './core/functions/rfm';
import { rfmScoreTable } from './core/functions/rfmScore';
import { rfmSegmentTable } from './core/functions/rfmSegment';

const ORDER_LOG_PARAMS = ['customer_ids', 'order_dates', 'amounts', 'analysis_date', 'bins', 'groups'] as const;

/**
 * Scores every customer of an order log by recency, frequency and money (RFM). Returns a header
 * row, then one row per customer in order of first appearance: customer, [group], last order,
 * recency days, orders, amount, R, F, M, RFM code and segment (the eight value classes).
 *
 * @param {range} customer_ids The customer of each order (one row per order).
 * @param {range} order_dates The date of each order.
 * @param {range} amounts The amount of each order; refunds as negative amounts are netted.
 * @param {date} analysis_date [optional] The day recency is counted to; default: the day after the latest order.
 * @param {number} bins [optional] Score levels from 2 to 9; default 5.
 * @param {range} groups [optional] A group per order (region, town or country, channel): customers are scored within their group.
 * @return A table: header row, then one scored row per customer.
 * @example RFM(Orders!A2:A, Orders!B2:B, Orders!C2:C)
 * @customfunction
 */
export function RFM(customer_ids: Arg, order_dates: Arg, amounts: Arg, analysis_date?: Arg, bins?: Arg, groups?: Arg): Output {
  return runFormula('RFM', ORDER_LOG_PARAMS, (ctx) => rfmTable(ctx, customer_ids, order_dates, amounts, analysis_date, bins, groups));
}

/**
 * Shows the cut points RFM used for each dimension (and each group): a customer scores one
 * more for each cut point its value is above (for recency days: one less).
 *
 * @param {range} customer_ids The customer of each order.
 * @param {range} order_dates The date of each order.
 * @param {range} amounts The amount of each order.
 * @param {date} analysis_date [optional] As in RFM.
 * @param {number} bins [optional] As in RFM.
 * @param {range} groups [optional] As in RFM.
 * @return A table: dimension, customers, cut 1 .. cut bins-1 (per group when groups are given).
 * @example RFMCUTS(Orders!A2:A, Orders!B2:B, Orders!C2:C)
 * @customfunction
 */
export function RFMCUTS(customer_ids: Arg, order_dates: Arg, amounts: Arg, analysis_date?: Arg, bins?: Arg, groups?: Arg): Output {
  return runFormula('RFMCUTS', ORDER_LOG_PARAMS, (ctx) => rfmCutsTable(ctx, customer_ids, order_dates, amounts, analysis_date, bins, groups));
}

/**
 * Scores customer-level data (one row per customer): R, F, M and the RFM code per row.
 *
 * @param {range} recency Days since the last purchase, or the last purchase date.
 * @param {range} frequency Number of purchases.
 * @param {range} monetary Total spent.
 * @param {number} bins [optional] Score levels from 2 to 9; default 5.
 * @param {date} analysis_date [optional] When recency holds dates: the day to count to; default the day after the latest.
 * @return R, F, M and code per row, aligned with the input; blank rows stay blank.
 * @example RFMSCORE(B2:B, C2:C, D2:D)
 * @customfunction
 */
export function RFMSCORE(recency: Arg, frequency: Arg, monetary: Arg, bins?: Arg, analysis_date?: Arg): Output {
  return runFormula('RFMSCORE', ['recency', 'frequency', 'monetary', 'bins', 'analysis_date'], (ctx) =>
    rfmScoreTable(ctx, recency, frequency, monetary, bins, analysis_date),
  );
}

/**
 * Names the segment of each customer from R, F, M scores or RFM codes.
 *
 * @param {range} scores Three columns of R, F, M scores, or one column of codes such as 545.
 * @param {string} scheme [optional] "value8" (default: the eight value classes), "named" (Champions, Loyal Customers, ...) or a range holding your rules table (name, R min, R max, F min, F max, M min, M max).
 * @return A segment name per row, aligned with the input.
 * @example RFMSEGMENT(E2:G, "named")
 * @customfunction
 */
export function RFMSEGMENT(scores: Arg, scheme?: Arg): Output {
  return runFormula('RFMSEGMENT', ['scores', 'scheme'], (ctx) => rfmSegmentTable(ctx, scores, scheme));
}

/**
 * ABC (Pareto) tier per customer: A brings the first 80% of value, B up to 95%, C the rest.
 *
 * @param {range} values A value per customer, such as sales.
 * @param {number} a_share [optional] Cumulative share that ends tier A; default 0.8 (by "count": 0.2).
 * @param {number} b_share [optional] Cumulative share that ends tier B; default 0.95 (by "count": 0.5).
 * @param {string} by [optional] "value" (default) cuts by share of value; "count" by share of customers.
 * @return A, B or C per row, aligned; zero and negative values are C; blank rows stay blank.
 * @example ABCTIER(F2:F)
 * @customfunction
 */
export function ABCTIER(values: Arg, a_share?: Arg, b_share?: Arg, by?: Arg): Output {
  return runFormula('ABCTIER', ['values', 'a_share', 'b_share', 'by'], (ctx) => abcTierColumn(ctx, values, a_share, b_share, by));
}

/**
 * The 20/80 picture: per tier, customers, share of customers, value and share of value.
 *
 * @param {range} values A value per customer, such as sales.
 * @param {number} a_share [optional] As in ABCTIER.
 * @param {number} b_share [optional] As in ABCTIER.
 * @param {string} by [optional] As in ABCTIER.
 * @return A table with a header row, one row per tier and a total row.
 * @example ABCSUMMARY(F2:F)
 * @customfunction
 */
export function ABCSUMMARY(values: Arg, a_share?: Arg, b_share?: Arg, by?: Arg): Output {
  return runFormula('ABCSUMMARY', ['values', 'a_share', 'b_share', 'by'], (ctx) => abcSummaryTable(ctx, values, a_share, b_share, by));
}

/**
 * Four-quadrant class per customer, from two measures such as turnover × margin or loyalty × profit.
 *
 * @param {range} x The first measure (e.g. turnover or loyalty).
 * @param {range} y The second measure (e.g. margin or profit).
 * @param {number} x_split [optional] Where x becomes high; default the median. A value equal to the split is high.
 * @param {number} y_split [optional] Where y becomes high; default the median.
 * @param {string} labels [optional] Four names for high x/high y, high x/low y, low x/low y, low x/high y; default A, B, C, D.
 * @return A class per row, aligned with the input.
 * @example QUADRANT(G2:G, H2:H, , , "partner,emotional,drifting,functional")
 * @customfunction
 */
export function QUADRANT(x: Arg, y: Arg, x_split?: Arg, y_split?: Arg, labels?: Arg): Output {
  return runFormula('QUADRANT', ['x', 'y', 'x_split', 'y_split', 'labels'], (ctx) => quadrantColumn(ctx, x, y, x_split, y_split, labels));
}

// Lifetime value (BG/NBD, MBG/NBD or Pareto/NBD, and Gamma-Gamma): a self-contained block, imported here to keep it so.
import { clvParamsTable, clvTable } from './core/functions/clv';

/**
 * Fits the lifetime-value models to an order log by maximum likelihood: a purchase model (how
 * often customers buy and when they stop: BG/NBD, MBG/NBD or Pareto/NBD) and Gamma-Gamma (how
 * much they spend). Returns a table of name and value: the model, its parameters (r, alpha, a, b;
 * Pareto/NBD: r, alpha, s, beta), its log-likelihood, p, q, v, Gamma-Gamma log-likelihood,
 * customers, returning customers. Keep it and pass it to CLV to score without fitting again.
 *
 * @param {range} customer_ids The customer of each order (one row per order).
 * @param {range} order_dates The date of each order; orders on the same day count as one purchase.
 * @param {range} amounts The amount of each order.
 * @param {date} analysis_date [optional] The end of the history; default: the day after the latest order.
 * @param {string} model [optional] "bgnbd" (default), "mbgnbd" or "paretonbd": MBG/NBD and Pareto/NBD let a one-time buyer of long ago count as probably gone.
 * @return A two-column table: header row, then the model and each parameter's name and value.
 * @example CLVPARAMS(Orders!A2:A, Orders!B2:B, Orders!C2:C, , "mbgnbd")
 * @customfunction
 */
export function CLVPARAMS(customer_ids: Arg, order_dates: Arg, amounts: Arg, analysis_date?: Arg, model?: Arg): Output {
  return runFormula('CLVPARAMS', ['customer_ids', 'order_dates', 'amounts', 'analysis_date', 'model'], (ctx) => clvParamsTable(ctx, customer_ids, order_dates, amounts, analysis_date, model));
}

/**
 * Lifetime value per customer: who is still a customer and what each is worth. Returns a header
 * row, then per customer in order of first appearance: customer, purchases (days with a
 * purchase), repeat purchases x, recency t_x and age T in weeks, probability alive, expected
 * purchases in the next months, expected order value and lifetime value over those months.
 *
 * @param {range} customer_ids The customer of each order (one row per order).
 * @param {range} order_dates The date of each order; orders on the same day count as one purchase.
 * @param {range} amounts The amount of each order.
 * @param {date} analysis_date [optional] The end of the history; default: the day after the latest order.
 * @param {number} months [optional] The horizon in months, 1 to 120; default 12.
 * @param {number} monthly_discount [optional] Discount rate per month for the lifetime value; default 0.01.
 * @param {range} params [optional] The table CLVPARAMS returned: score with it (and its model) instead of fitting.
 * @param {string} model [optional] "bgnbd" (default), "mbgnbd" or "paretonbd"; with params, it must be the params' model.
 * @return A table: header row, then one row per customer.
 * @example CLV(Orders!A2:A, Orders!B2:B, Orders!C2:C, , 12, 0.01, H1:I13)
 * @customfunction
 */
export function CLV(customer_ids: Arg, order_dates: Arg, amounts: Arg, analysis_date?: Arg, months?: Arg, monthly_discount?: Arg, params?: Arg, model?: Arg): Output {
  return runFormula('CLV', ['customer_ids', 'order_dates', 'amounts', 'analysis_date', 'months', 'monthly_discount', 'params', 'model'], (ctx) =>
    clvTable(ctx, customer_ids, order_dates, amounts, analysis_date, months, monthly_discount, params, model),
  );
}

// Orders past the spreadsheet's ceiling: the same RFM, classes and tiers as a warehouse query.
import { rfmSqlText } from './core/functions/rfmsql';

/**
 * Writes the SQL query that gives, in BigQuery (or DuckDB), what RFM and ABCTIER give in the
 * sheet: one row per customer with customer_id, recency_days, orders, amount, r, f, m, rfm,
 * segment (the eight value classes) and abc, by the same definitions. For order logs too large
 * for a spreadsheet; give the text to your data team.
 *
 * @param {string} table The orders table: "project.dataset.table" for BigQuery, "table" or "schema.table" for DuckDB.
 * @param {string} customer_column The name of the column holding each order's customer.
 * @param {string} date_column The name of the column holding each order's date.
 * @param {string} amount_column The name of the column holding each order's amount.
 * @param {date} analysis_date [optional] The day recency is counted to; default: the day after the latest order.
 * @param {number} bins [optional] Score levels from 2 to 9; default 5.
 * @param {string} dialect [optional] "bigquery" (default) or "duckdb".
 * @param {string} group_column [optional] The name of a group column (region, channel): customers are scored within their group.
 * @return The query, as text in one cell.
 * @example RFMSQL("my-project.sales.orders", "customer_id", "order_date", "amount")
 * @customfunction
 */
export function RFMSQL(table: Arg, customer_column: Arg, date_column: Arg, amount_column: Arg, analysis_date?: Arg, bins?: Arg, dialect?: Arg, group_column?: Arg): Output {
  return runFormula('RFMSQL', ['table', 'customer_column', 'date_column', 'amount_column', 'analysis_date', 'bins', 'dialect', 'group_column'], (ctx) =>
    rfmSqlText(ctx, table, customer_column, date_column, amount_column, analysis_date, bins, dialect, group_column),
  );
}

// ---------------------------------------------------------------------------------------------
// The add-on: its menu, the menu items (each also runnable from the script editor), and the
// daily trigger's handler. None of these is a custom function.
import { buildMenu } from './app/run/menu';
import { buildSchedule, exportSchedule, openSettings as openSettingsSheet, refreshClassificationAndFlags, sendInvites } from './app/run/commands';
import { installAutomation as installDailyTrigger, removeAutomation as removeDailyTrigger, runDaily } from './app/run/daily';

/**
 * Builds the add-on menu when the spreadsheet opens (every authorization mode).
 * @param {Object} e The open event.
 */
export function onOpen(e?: { authMode?: unknown }): void {
  buildMenu(e);
}

/**
 * Runs when the add-on is installed: builds the menu at once.
 * @param {Object} e The install event.
 */
export function onInstall(e?: { authMode?: unknown }): void {
  buildMenu(e);
}

/** Refreshes the classification (RFM, ABC, quadrant, movement) and the flags of every customer. */
export function flagStaleRecords(): unknown {
  return refreshClassificationAndFlags();
}

/** Builds or updates the visit schedule sheet for the coming weeks. */
export function buildVisitSchedule(): unknown {
  return buildSchedule();
}

/** Creates, updates and cancels the calendar invites of the visit schedule. */
export function sendVisitInvites(): unknown {
  return sendInvites();
}

/** Offers the visit schedule as an .ics calendar file to download. */
export function exportVisitSchedule(): unknown {
  return exportSchedule();
}

/** Opens the Settings sheet (making it first when needed). */
export function openSettings(): unknown {
  return openSettingsSheet();
}

/** Turns the daily automation on: an hourly trigger that runs the day's work once. */
export function installAutomation(): unknown {
  return installDailyTrigger();
}

/** Turns the daily automation off. */
export function removeAutomation(): unknown {
  return removeDailyTrigger();
}

// Check this file: a few real calls timed and the file's cells counted, beside the cost model (docs/cost-model.md).
import { checkFile } from './app/run/checkFile';

/** Times a read and a write of Kehu's log, a property and a cache round trip, counts the file's cells and Kehu's share, and shows and logs the figures. */
export function checkThisFile(): unknown {
  return checkFile();
}

/** The trigger handler: classification, flags, schedule and invites, in that order, once a day. */
export function runDailyAutomation(e?: { triggerUid?: string }): unknown {
  return runDaily(e);
}

// ---------------------------------------------------------------------------------------------
// The customer card: the menu item, and the functions its page calls (google.script.run), typed
// by the one contract of src/shared/api.ts. Each checks its argument as if it came from anyone.
import { cardServer, search, showCard } from './app/card/api';
import type { ServerResult } from './shared/api';
import type { SearchResponse } from './shared/types';

/** Opens the customer card of the selected row in the sidebar (the first card written into the page). */
export function showCustomerCard(): void {
  showCard();
}

/**
 * The card of the selected row's customer, or of a customer picked by id (for the sidebar).
 * @param {Object} request { mode: 'selection' } or { mode: 'id', id, row? }.
 */
export function kehuOpenCard(request: unknown): ServerResult<'kehuOpenCard'> {
  return cardServer.kehuOpenCard(request);
}

/**
 * The customers (id, name, phone, city, row) the sidebar searches by itself (for the sidebar).
 * @param {Object} request {}.
 */
export function kehuCustomerList(request: unknown): ServerResult<'kehuCustomerList'> {
  return cardServer.kehuCustomerList(request);
}

/**
 * Customers whose name, code, city or phone match a text: the page's search, on the server (for scripts and the bench).
 * @param {string} query The text typed.
 */
export function kehuSearch(query: unknown): SearchResponse {
  return search(query);
}

/**
 * Logs a visit, call or complaint of a customer in the contact log (for the sidebar).
 * @param {Object} request { id, kind, date, note, person?, deadline? }.
 */
export function kehuLogContact(request: unknown): ServerResult<'kehuLogContact'> {
  return cardServer.kehuLogContact(request);
}

/**
 * Changes one field of a customer's row, unless it changed since the card read it (for the sidebar).
 * @param {Object} request { id, field, expected, value }.
 */
export function kehuEditField(request: unknown): ServerResult<'kehuEditField'> {
  return cardServer.kehuEditField(request);
}

/**
 * The unmasked bank account of a customer, when the user asks for it (for the sidebar).
 * @param {Object} request { id, field: 'bankAccount' }.
 */
export function kehuRevealField(request: unknown): ServerResult<'kehuRevealField'> {
  return cardServer.kehuRevealField(request);
}

/**
 * Runs the classification and flags now, from the card (before the first run), and answers the card again.
 * @param {Object} request The card to answer: { mode: 'selection' } or { mode: 'id', id, row? }.
 */
export function kehuClassifyNow(request: unknown): ServerResult<'kehuClassifyNow'> {
  return cardServer.kehuClassifyNow(request);
}
