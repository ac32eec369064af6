/**
 * Finding a customer's line of the state sheet from the fences kept in the card's setup (every
 * FENCE_EVERY-th id of the sheet, sorted by id): the block the fences name holds the id, whatever
 * the ids are (codes, numbers as text, Chinese), and no block is named for an id before the first.
 */
import fc from 'fast-check';
import { blockOf, byId, fencesOf } from '../../../src/app/card/stateLine';
import { FENCE_EVERY } from '../../../src/app/card/setup';

it('names the block of rows that holds each id of the sheet', () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 400 }), (raw) => {
      const ids = [...raw].sort(byId);
      const fences = fencesOf(ids);
      expect(fences).toHaveLength(Math.ceil(ids.length / FENCE_EVERY));
      ids.forEach((id, i) => {
        const first = blockOf(fences, id)!;
        const row = i + 2; // the header is row 1
        expect(row).toBeGreaterThanOrEqual(first);
        expect(row).toBeLessThan(first + FENCE_EVERY);
      });
    }),
  );
});

it('sorts the same in every locale (code units), and names no block for an id before the first', () => {
  const ids = ['KH000010', 'KH000002', '客户9', 'a', 'B', '10', '9'].sort(byId);
  expect(ids).toEqual(['10', '9', 'B', 'KH000002', 'KH000010', 'a', '客户9']);
  expect(blockOf(fencesOf(ids), '0')).toBeNull();
  expect(blockOf([], 'KH1')).toBeNull();
});
