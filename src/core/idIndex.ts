/**
 * Customer id → customer number, for the order-log hot loop.
 *
 * Sheets hands a custom function a fresh string object for every cell. A `Map` (or an object)
 * then hashes and re-interns 2 million new strings per call, which measured 0.7–1.0 s for 2M
 * rows of 100k customers; this open-addressing table with an FNV-1a hash over the characters
 * measured 0.23–0.44 s on the same fresh data.
 */
export class IdIndex {
  private slots: Int32Array;
  private hashes: Int32Array;
  private readonly keys: string[] = [];

  constructor(expected = 1024) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.hashes = new Int32Array(capacity / 2);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The number of `key`, adding it as the next number when new (compare `size` before and after). */
  lookupOrAdd(key: string): number {
    const h = fnv1a(key);
    const mask = this.slots.length - 1;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const s = this.slots[p];
      if (s === -1) return this.add(key, h, p);
      if (this.hashes[s] === h && this.keys[s] === key) return s;
    }
  }

  private add(key: string, h: number, slot: number): number {
    const n = this.keys.length;
    this.slots[slot] = n;
    this.keys.push(key);
    if (n >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[n] = h;
    // Keep the table at most half full so probe runs stay short.
    if ((n + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return n;
  }

  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity).fill(-1);
    const mask = capacity - 1;
    for (let c = 0; c < this.keys.length; c++) {
      let p = this.hashes[c] & mask;
      while (slots[p] !== -1) p = (p + 1) & mask;
      slots[p] = c;
    }
    this.slots = slots;
  }
}

/** 32-bit FNV-1a over UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}
