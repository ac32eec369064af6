import fc from 'fast-check';
import { IdIndex } from '../../src/core/idIndex';

describe('IdIndex', () => {
  it('numbers ids in order of first appearance, exactly as a Map would (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (ids) => {
        const index = new IdIndex();
        const reference = new Map<string, number>();
        for (const id of ids) {
          if (!reference.has(id)) reference.set(id, reference.size);
          expect(index.lookupOrAdd(id)).toBe(reference.get(id));
        }
        expect(index.size).toBe(reference.size);
      }),
    );
  });

  it('keeps 100,000 ids apart through growth, including Chinese and look-alike ids', () => {
    const index = new IdIndex();
    const ids: string[] = [];
    for (let i = 0; i < 100_000; i++) ids.push(i % 3 === 0 ? `客户${i}` : i % 3 === 1 ? `KH${i}` : `kh${i}`);
    ids.forEach((id, i) => expect(index.lookupOrAdd(id)).toBe(i));
    // Fresh string objects with the same characters find the same numbers.
    ids.forEach((id, i) => expect(index.lookupOrAdd(id.split('').join(''))).toBe(i));
    expect(index.size).toBe(100_000);
  });

  it('tells apart ids of the same length and hash bucket neighbourhood', () => {
    const index = new IdIndex();
    expect(index.lookupOrAdd('ab')).toBe(0);
    expect(index.lookupOrAdd('ba')).toBe(1);
    expect(index.lookupOrAdd('a')).toBe(2);
    expect(index.lookupOrAdd('ab')).toBe(0);
  });
});
