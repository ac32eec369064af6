/** QUADRANT: four-quadrant classes per row. */
import type { Arg, CellValue } from '../cells';
import { readColumn, requireSameLength } from '../columns';
import { readNames, readOptionalNumber } from '../options';
import { DEFAULT_QUADRANT_LABELS, quadrants } from '../analytics/quadrant';
import type { FunctionContext } from './context';

export function quadrantColumn(_ctx: FunctionContext, x: Arg, y: Arg, xSplit: Arg, ySplit: Arg, labels: Arg): CellValue[][] {
  const xs = readColumn(x, 'x');
  const ys = readColumn(y, 'y');
  requireSameLength([
    { name: 'x', values: xs },
    { name: 'y', values: ys },
  ]);
  return quadrants({
    x: xs,
    y: ys,
    xSplit: readOptionalNumber(xSplit, 'x_split'),
    ySplit: readOptionalNumber(ySplit, 'y_split'),
    labels: readNames(labels, 'labels', 4, DEFAULT_QUADRANT_LABELS),
  }).map((label) => [label]);
}
