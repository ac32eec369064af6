/** RFMSCORE: R, F, M and code for customer-level data, one output row per input row. */
import { Arg, CellValue, isBlank, isDate } from '../cells';
import { cellAt, Column, dayAt, numberAt, readColumn, requireSameLength } from '../columns';
import { InputError } from '../errors';
import { readBins, readDay } from '../options';
import { cutPoints, scoreHigherBetter, scoreLowerBetter } from '../analytics/quantiles';
import type { FunctionContext } from './context';

/** Recency is either days (numbers) or last-purchase dates; the first filled row decides. */
function recencyDays(values: Column, rows: number[], ctx: FunctionContext, analysisDate: Arg): number[] {
  const first = cellAt(values, rows[0]);
  const asDays = typeof first === 'number';
  // Read even when unused, so a mistyped date is reported rather than silently ignored.
  const givenDay = readDay(analysisDate, 'analysis_date', ctx.clock);
  const days: number[] = [];
  if (asDays) {
    for (const i of rows) {
      const v = cellAt(values, i);
      if (typeof v !== 'number') {
        if (isBlank(v)) throw new InputError('emptyCell', { arg: 'recency', index: i });
        throw new InputError('mixedRecency', { arg: 'recency', index: i, value: v, days: true });
      }
      if (v < 0) throw new InputError('negativeRecency', { arg: 'recency', index: i, value: v });
      days.push(v);
    }
    return days;
  }
  const lastDays = rows.map((i) => {
    const v = cellAt(values, i);
    if (typeof v === 'number') throw new InputError('mixedRecency', { arg: 'recency', index: i, value: v, days: false });
    return dayAt(values, i, 'recency', ctx.clock);
  });
  let latest = -Infinity;
  for (const d of lastDays) if (d > latest) latest = d; // no Math.max(...): 150k rows overflow the stack
  const analysisDay = givenDay ?? latest + 1;
  lastDays.forEach((d, j) => {
    if (d > analysisDay) throw new InputError('dateAfterAnalysis', { arg: 'recency', index: rows[j], day: d, analysisDay });
  });
  return lastDays.map((d) => analysisDay - d);
}

export function rfmScoreTable(ctx: FunctionContext, recency: Arg, frequency: Arg, monetary: Arg, bins: Arg, analysisDate: Arg): CellValue[][] {
  const rec = readColumn(recency, 'recency');
  const freq = readColumn(frequency, 'frequency');
  const mon = readColumn(monetary, 'monetary');
  requireSameLength([
    { name: 'recency', values: rec },
    { name: 'frequency', values: freq },
    { name: 'monetary', values: mon },
  ]);
  const binCount = readBins(bins);
  const filled: number[] = [];
  for (let i = 0; i < rec.length; i++) {
    if (!(isBlank(rec[i][0]) && isBlank(freq[i][0]) && isBlank(mon[i][0]))) filled.push(i);
  }
  if (filled.length === 0) throw new InputError('noData', { arg: 'recency' });

  const days = recencyDays(rec, filled, ctx, analysisDate);
  const f = filled.map((i) => numberAt(freq, i, 'frequency'));
  const m = filled.map((i) => numberAt(mon, i, 'monetary'));
  const cutsR = cutPoints(days, binCount);
  const cutsF = cutPoints(f, binCount);
  const cutsM = cutPoints(m, binCount);

  const out: CellValue[][] = rec.map(() => ['', '', '', '']);
  filled.forEach((i, j) => {
    const r = scoreLowerBetter(cutsR, days[j]);
    const fs = scoreHigherBetter(cutsF, f[j]);
    const ms = scoreHigherBetter(cutsM, m[j]);
    out[i] = [r, fs, ms, `${r}${fs}${ms}`];
  });
  return out;
}

