import { hash128, signature } from '../../src/core/hash';

describe('hash128', () => {
  it('is 26 base32hex characters, the alphabet calendar event ids accept', () => {
    for (const text of ['', 'a', 'KH0001|rep|visit|20261120|3', '客户代码', 'x'.repeat(10_000)]) {
      expect(hash128(text)).toMatch(/^[0-9a-v]{26}$/);
    }
  });

  it('gives the same text the same hash and nearby texts different ones', () => {
    expect(hash128('KH0001|rep|visit|1')).toBe(hash128('KH0001|rep|visit|1'));
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) seen.add(hash128(`KH${i}|rep|visit|${i % 7}`));
    expect(seen.size).toBe(50_000);
    // Short signatures of 50k near-identical texts do not collide either.
    const sigs = new Set<string>();
    for (let i = 0; i < 50_000; i++) sigs.add(signature(`row ${i}`));
    expect(sigs.size).toBe(50_000);
  });

  it('changes about half the output bits when one input character changes', () => {
    const bitsOf = (h: string) => [...h].map((ch) => parseInt(ch, 32).toString(2).padStart(5, '0')).join('');
    let changed = 0;
    let total = 0;
    for (let i = 0; i < 200; i++) {
      const a = bitsOf(hash128(`customer ${i} a`));
      const b = bitsOf(hash128(`customer ${i} b`));
      for (let k = 0; k < 128; k++) if (a[k] !== b[k]) changed++;
      total += 128;
    }
    expect(changed / total).toBeGreaterThan(0.45);
    expect(changed / total).toBeLessThan(0.55);
  });
});

import { cellText } from '../../src/core/text';

describe('cellText', () => {
  it.each(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '007', '2026-11', 'TRUE', "'quoted", 'KH0001', '客户 = 好'])('writes %p with a leading apostrophe so Sheets keeps it as typed', (t) => {
    expect(cellText(t)).toBe(`'${t}`);
  });
  it('leaves an empty cell empty', () => {
    expect(cellText('')).toBe('');
  });
});
