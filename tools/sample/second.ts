/**
 * A second customer file, kept the way another team keeps theirs: English headers in another
 * order and with other names, a title row above the headers, other sheet names, sales reps
 * written as e-mail addresses, dates as typed text in one column. Tests run the automation on it
 * to prove nothing depends on the sample's layout. Deterministic; every address is invented
 * (example.com).
 */

export interface SecondFile {
  today: string;
  sheets: Record<string, (string | number | null)[][]>;
}

const REPS = ['anna@example.com', 'ben@example.com', 'chloe@example.com'];
const REGIONS = ['North', 'South', 'West'];
const PEOPLE = ['Avery', 'Blake', 'Casey', 'Drew', 'Emery', 'Finley', 'Gray', 'Harper', 'Indy', 'Jules'];

function ymd(base: Date, addDays: number): string {
  const d = new Date(base.getTime() + addDays * 86_400_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function generateSecondFile(customers = 40, today = '2026-11-20'): SecondFile {
  const base = new Date(`${today}T00:00:00Z`);
  let s = 7;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const clients: (string | number | null)[][] = [
    ['Client list (kept by the office)', null, null, null, null, null, null, null, null, null, null, null],
    ['Segment (old)', 'Company', 'Client no.', 'Region', 'Account manager', 'Telephone', 'E-mail', 'Street address', 'Date of birth', 'Credit limit', 'Balance due', 'Last reviewed', 'Remarks'],
  ];
  const sales: (string | number | null)[][] = [['Invoice date', 'Client no.', 'Net amount', 'Gross margin', 'Item']];
  const activity: (string | number | null)[][] = [['When', 'Client no.', 'Type', 'By', 'Notes']];
  for (let i = 0; i < customers; i++) {
    const id = `C-${String(1001 + i)}`;
    const rep = REPS[i % REPS.length];
    const size = 1 / (0.05 + rnd());
    const limit = Math.round(size * 2000 / 1000) * 1000 + 1000;
    clients.push([
      i % 4 === 0 ? 'gold' : 'std',
      `${PEOPLE[i % PEOPLE.length]} ${['Trading', 'Supplies', 'Foods', 'Hardware'][i % 4]} ${i + 1}`,
      id,
      REGIONS[i % REGIONS.length],
      i === 5 ? '' : rep,
      i === 7 ? '' : `+1 555 01${String(i).padStart(2, '0')}`,
      `buyer${i + 1}@example.com`,
      i === 9 ? '' : `${10 + i} Market Street`,
      i % 3 === 0 ? ymd(new Date('1980-01-01T00:00:00Z'), Math.floor(rnd() * 9000)) : null,
      limit,
      i % 11 === 0 ? limit * 1.3 : Math.round(limit * rnd() * 0.8),
      ymd(base, -Math.floor(rnd() * 200)),
      i === 3 ? '=HYPERLINK("http://example.com","x")' : null,
    ]);
    // Lapsed customers (every 9th) stopped ordering 15 months ago.
    const lastDay = i % 9 === 0 ? -460 : -1;
    const orders = 1 + Math.floor(size * 1.5);
    for (let k = 0; k < orders; k++) {
      const day = lastDay - Math.floor(rnd() * 500);
      const amount = Math.round(size * 300 * (0.5 + rnd()));
      sales.push([ymd(base, day), id, amount, Math.round(amount * (0.1 + 0.2 * rnd())), ['bolts', 'rice', 'paint'][k % 3]]);
    }
    if (i % 2 === 0) activity.push([ymd(base, -Math.floor(rnd() * 60)), id, i % 6 === 0 ? 'Phone call' : 'Visit', rep, 'Checked the shelf']);
  }
  activity.push([ymd(base, -12), 'C-1002', 'Complaint', REPS[1], 'Late delivery']);
  // An order log is kept in date order (the header stays first).
  const [salesHeader, ...salesRows] = sales;
  salesRows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  sales.splice(0, sales.length, salesHeader, ...salesRows);
  return { today, sheets: { 'Client list': clients, 'Sales 2025-26': sales, Activity: activity } };
}
