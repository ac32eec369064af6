/**
 * The sheet's order: by date, time and person (past rows first, a person's undated rows last),
 * then customer order, role, kind and id, so the same plan is always written the same way. It
 * compares precomputed numbers: 200,000 rows sort in a fraction of what comparing fields costs.
 */
import type { ContactMode, Role } from '../model';
import type { PlannedRow } from './types';

const ROLE_RANK: Record<Role, number> = { rep: 0, manager: 1, director: 2, gm: 3 };
const KIND_RANK: Record<ContactMode, number> = { visit: 0, call: 1 };

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rows in sheet order (a new array). */
export function rowOrder(rows: PlannedRow[], customers: readonly { id: string }[], today: number): PlannedRow[] {
  const order = new Map<string, number>();
  for (let i = 0; i < customers.length; i++) {
    const id = customers[i].id.trim();
    if (!order.has(id)) order.set(id, i);
  }
  // Persons ranked once by their text, so rows compare numbers.
  const people = [...new Set(rows.map((r) => r.person))].sort(cmp);
  const personRank = new Map(people.map((p, i) => [p, i]));
  const n = rows.length;
  const P = people.length + 1;
  // major: date, time, person (dated rows), then target, person (undated rows, after every dated one).
  // minor: customer order, role, kind.
  const major = new Float64Array(n);
  const minor = new Float64Array(n);
  let lastDated = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (r.day === null) continue;
    major[i] = ((r.day - today) * 1441 + (r.slot === null ? 0 : r.slot + 1)) * P + personRank.get(r.person)!;
    if (major[i] > lastDated) lastDated = major[i];
  }
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    minor[i] = ((order.get(r.customerId) ?? customers.length) * 4 + ROLE_RANK[r.role]) * 2 + KIND_RANK[r.kind];
    if (r.day === null) major[i] = (lastDated === -Infinity ? 0 : lastDated + 1) + personRank.get(r.person)!;
  }
  const index = sortedIndex(major, minor, customers.length * 8 + 8);
  // Equal keys (rarely: a person's rows alike in date, time, person, customer, role and kind) by customer id, then row id.
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && major[index[j]] === major[index[i]] && minor[index[j]] === minor[index[i]]) j++;
    if (j - i > 1) {
      const run = index.slice(i, j).sort((a, b) => cmp(rows[a].customerId, rows[b].customerId) || cmp(rows[a].rowId, rows[b].rowId));
      for (let k = i; k < j; k++) index[k] = run[k - i];
    }
    i = j;
  }
  return Array.from(index, (i) => rows[i]);
}

/**
 * Indexes in (major, minor) order. Where the ranks of the major keys, the minor keys and the row
 * index fit in one double, they are packed into one and sorted natively (no comparator: ten times
 * faster on 200,000 rows); else a comparator does it.
 */
function sortedIndex(major: Float64Array, minor: Float64Array, minorLimit: number): Uint32Array {
  const n = major.length;
  const distinct = Float64Array.from(new Set(major)).sort();
  const rank = new Map<number, number>();
  distinct.forEach((v, i) => rank.set(v, i));
  const minorSpan = 2 ** Math.ceil(Math.log2(minorLimit + 1));
  const indexSpan = 2 ** Math.ceil(Math.log2(n + 1));
  const index = new Uint32Array(n);
  if (distinct.length * minorSpan * indexSpan <= 2 ** 53) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (rank.get(major[i])! * minorSpan + minor[i]) * indexSpan + i;
    packed.sort();
    for (let i = 0; i < n; i++) index[i] = packed[i] % indexSpan;
    return index;
  }
  const all = Array.from({ length: n }, (_, i) => i);
  all.sort((a, b) => (major[a] === major[b] ? 0 : major[a] < major[b] ? -1 : 1) || minor[a] - minor[b] || a - b);
  index.set(all);
  return index;
}
