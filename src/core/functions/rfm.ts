/** RFM and RFMCUTS: the order-log functions, as result tables. */
import type { Arg, CellValue } from '../cells';
import { isOmitted } from '../cells';
import { word, value8Label } from '../analytics/labels';
import { readBins, readDay } from '../options';
import { analyseOrders, RfmAnalysis } from '../analytics/rfm';
import { dayToDate, FunctionContext } from './context';

function analyse(ctx: FunctionContext, ids: Arg, dates: Arg, amounts: Arg, analysisDate: Arg, bins: Arg, groups: Arg): RfmAnalysis {
  return analyseOrders(
    { ids, dates, amounts, groups: isOmitted(groups) ? undefined : groups },
    readBins(bins),
    readDay(analysisDate, 'analysis_date', ctx.clock),
    ctx.clock,
  );
}

export function rfmTable(ctx: FunctionContext, ids: Arg, dates: Arg, amounts: Arg, analysisDate: Arg, bins: Arg, groups: Arg): CellValue[][] {
  const a = analyse(ctx, ids, dates, amounts, analysisDate, bins, groups);
  const { lang } = ctx;
  const toDate = dayToDate(ctx.clock);
  const header = [word(lang, 'customer'), word(lang, 'lastOrder'), word(lang, 'recencyDays'), word(lang, 'orders'), word(lang, 'amount'), 'R', 'F', 'M', word(lang, 'code'), word(lang, 'segment')];
  if (a.grouped) header.splice(1, 0, word(lang, 'group'));
  const out: CellValue[][] = [header];
  for (const c of a.customers) {
    const row: CellValue[] = [c.id, toDate(c.lastDay), c.recencyDays, c.orders, c.amount, c.r, c.f, c.m, c.code, value8Label(lang, c.segment)];
    if (a.grouped) row.splice(1, 0, c.group);
    out.push(row);
  }
  return out;
}

/** The cut points RFM used: one row per dimension (per group), cut 1 .. cut bins-1. */
export function rfmCutsTable(ctx: FunctionContext, ids: Arg, dates: Arg, amounts: Arg, analysisDate: Arg, bins: Arg, groups: Arg): CellValue[][] {
  const a = analyse(ctx, ids, dates, amounts, analysisDate, bins, groups);
  const { lang } = ctx;
  const cutCount = a.cuts[0].recency.length;
  const header: CellValue[] = [word(lang, 'dimension'), word(lang, 'customers')];
  for (let k = 1; k <= cutCount; k++) header.push(`${word(lang, 'cut')} ${k}`);
  if (a.grouped) header.unshift(word(lang, 'group'));
  const out: CellValue[][] = [header];
  for (const g of a.cuts) {
    const dims: [string, number[]][] = [
      [word(lang, 'dimR'), g.recency],
      [word(lang, 'dimF'), g.frequency],
      [word(lang, 'dimM'), g.monetary],
    ];
    for (const [label, cuts] of dims) {
      const row: CellValue[] = [label, g.customers, ...cuts];
      if (a.grouped) row.unshift(g.group);
      out.push(row);
    }
  }
  return out;
}
