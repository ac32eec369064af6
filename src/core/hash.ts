/**
 * A stable, fast 128-bit hash of text, written in base32hex (digits 0-9 and letters a-v: the
 * alphabet Google Calendar accepts for client-chosen event ids).
 *
 * Used for identities that must be the same on every run and in every process (schedule row
 * ids, calendar event ids, signatures of what was written), so it depends on nothing but the
 * text. Not cryptographic: it only has to keep distinct rows of one file apart. Apps Script's
 * Utilities.computeDigest would cost a service call per row.
 */

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
// Bound once: inside a vm sandbox (gas-local, jest) every global lookup costs a trip through the sandbox.
const imul = Math.imul;

/** MurmurHash3's 32-bit finalizer: every input bit affects every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = [0x811c9dc5, 0x01000193 ^ 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35] as const;

/** Four 32-bit lanes over the UTF-16 code units of `text`, each seeded and mixed differently. */
function lanes(text: string): [number, number, number, number] {
  let a: number = SEEDS[0];
  let b: number = SEEDS[1];
  let c: number = SEEDS[2];
  let d: number = SEEDS[3];
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    a = imul(a ^ k, 0x01000193);
    b = imul((b ^ k) + 0x7f4a7c15, 0x2c1b3c6d);
    c = imul(c ^ (k * 0x9e3779b1), 0x297a2d39) ^ (c >>> 15);
    d = imul(d + k, 0x1b873593) ^ (d >>> 13);
  }
  const n = text.length;
  a = fmix32(a ^ n);
  b = fmix32(b ^ a);
  c = fmix32(c ^ b);
  d = fmix32(d ^ c);
  // Feed the last lane back so the first one also depends on all of them.
  a = fmix32(a ^ d);
  return [a, b, c, d];
}

/** 26 base32hex characters (130 bits of space, 128 used). Same text → same hash, always. */
export function hash128(text: string): string {
  const words = lanes(text);
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const w of words) {
    for (let shift = 24; shift >= 0; shift -= 8) {
      acc = (acc << 8) | ((w >>> shift) & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out += BASE32HEX[(acc >>> bits) & 31];
      }
      acc &= (1 << bits) - 1;
    }
  }
  if (bits > 0) out += BASE32HEX[(acc << (5 - bits)) & 31];
  return out;
}

/** A short signature (13 characters, 64 bits) for change detection, not identity. */
export function signature(text: string): string {
  return hash128(text).slice(0, 13);
}
