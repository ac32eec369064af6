/** The four-quadrant classes of domain.md section 4: high/low x against high/low y. */
import { isBlank } from '../cells';
import { Column, numberAt } from '../columns';
import { InputError } from '../errors';
import { percentileInc } from './quantiles';

/** Labels in the order high x/high y, high x/low y, low x/low y, low x/high y. */
export const DEFAULT_QUADRANT_LABELS = ['A', 'B', 'C', 'D'] as const;

export function median(values: readonly number[]): number {
  return percentileInc(Float64Array.from(values).sort(), 0.5);
}

export interface QuadrantInput {
  x: Column;
  y: Column;
  xSplit?: number;
  ySplit?: number;
  labels: readonly string[];
}

/** A label per row ('' where both x and y are blank). A value equal to its split is high. */
export function quadrants(q: QuadrantInput): string[] {
  const xs: number[] = [];
  const ys: number[] = [];
  const rows: ([number, number] | null)[] = q.x.map((xRow, i) => {
    if (isBlank(xRow[0]) && isBlank(q.y[i][0])) return null;
    const xn = numberAt(q.x, i, 'x');
    const yn = numberAt(q.y, i, 'y');
    xs.push(xn);
    ys.push(yn);
    return [xn, yn];
  });
  if (xs.length === 0) throw new InputError('noData', { arg: 'x' });
  const xSplit = q.xSplit ?? median(xs);
  const ySplit = q.ySplit ?? median(ys);
  const [hh, hl, ll, lh] = q.labels;
  return rows.map((p) => {
    if (p === null) return '';
    const highX = p[0] >= xSplit;
    const highY = p[1] >= ySplit;
    return highX ? (highY ? hh : hl) : highY ? lh : ll;
  });
}
