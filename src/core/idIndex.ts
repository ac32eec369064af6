/**
 * Customer id → customer number, for the order-log hot loop.
 *
 * Sheets hands a custom function a fresh string object for every cell. A `Map` (or an object)
 * hashes and re-interns 2 million new strings per call, which measured 0.7–1.0 s for 2M rows of
 * 100k customers. This open-addressing table hashes the characters itself (FNV-1a) and keeps a
 * copy of every id's characters in one packed array: confirming a match then reads memory that
 * stays in cache, instead of the first-seen string somewhere in the megabytes of input.
 */
export class IdIndex {
  private slots: Int32Array;
  private hashes = new Int32Array(1024);
  private starts = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private chars = new Uint16Array(8192);
  private used = 0;
  private count = 0;

  constructor() {
    this.slots = new Int32Array(2048).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** The number of `key`; a new key gets the next number (equal to `size` before the call). */
  lookupOrAdd(key: string): number {
    let h = 0x811c9dc5 | 0; // as an int32, like the hashes stored in Int32Array
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
    const mask = this.slots.length - 1;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const s = this.slots[p];
      if (s === -1) return this.add(key, h, p);
      if (this.hashes[s] === h && this.sameChars(s, key)) return s;
    }
  }

  private sameChars(s: number, key: string): boolean {
    const n = key.length;
    if (this.lengths[s] !== n) return false;
    const at = this.starts[s];
    for (let i = 0; i < n; i++) if (this.chars[at + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private add(key: string, h: number, slot: number): number {
    const n = this.count++;
    if (n >= this.hashes.length) {
      this.hashes = grow(this.hashes, this.hashes.length * 2);
      this.starts = grow(this.starts, this.starts.length * 2);
      this.lengths = grow(this.lengths, this.lengths.length * 2);
    }
    if (this.used + key.length > this.chars.length) this.chars = grow(this.chars, Math.max(this.chars.length * 2, this.used + key.length));
    for (let i = 0; i < key.length; i++) this.chars[this.used + i] = key.charCodeAt(i);
    this.slots[slot] = n;
    this.hashes[n] = h;
    this.starts[n] = this.used;
    this.lengths[n] = key.length;
    this.used += key.length;
    // Keep the table at most half full so probe runs stay short.
    if ((n + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return n;
  }

  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity).fill(-1);
    const mask = capacity - 1;
    for (let c = 0; c < this.count; c++) {
      let p = this.hashes[c] & mask;
      while (slots[p] !== -1) p = (p + 1) & mask;
      slots[p] = c;
    }
    this.slots = slots;
  }
}

function grow<T extends Int32Array | Uint16Array>(a: T, length: number): T {
  const bigger = new (a.constructor as new (n: number) => T)(length);
  bigger.set(a);
  return bigger;
}
