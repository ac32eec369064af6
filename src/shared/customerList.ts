/**
 * The compact list of customers the page searches by itself (no server call per keystroke): one
 * line per customer, `id \t name \t phone \t city \t row`, lines joined by \n, the row left
 * empty when it is the row after the previous line's (most lines of a table) and the id left
 * empty when it is the previous line's id plus one (KH0041 after KH0040), sent once per
 * sidebar as one string (smaller than JSON and parsed in a few milliseconds). Made by the server
 * from the customer table as it is now, so a customer renamed today is found by its new name.
 *
 * Ranked: the exact code first, then codes and names that start with the text, then codes and
 * names that contain it, then cities, then phones whose digits contain the digits typed (for a
 * text that is a phone number). Every
 * match is kept (the page shows them a page at a time), in table order within a rank.
 */

export interface ListedCustomer {
  id: string;
  name: string;
  phone: string;
  city: string;
  /** The customer's row in the customer table when the list was made. */
  row: number;
}

const clean = (v: string): string => v.replace(/[\t\n\r]+/g, ' ').trim();

/** The id after `id` when it ends in digits (KH0040 → KH0041, 99 → 100), else null. */
export function nextId(id: string): string | null {
  const m = /^(.*?)(\d+)$/.exec(id);
  if (!m) return null;
  const n = String(Number(m[2]) + 1);
  if (!Number.isSafeInteger(Number(m[2]) + 1)) return null;
  return m[1] + n.padStart(m[2].length, '0');
}

export function encodeCustomerList(customers: readonly ListedCustomer[]): string {
  let previousRow = 0;
  let previousId: string | null = null;
  return customers
    .map((c) => {
      const row = c.row === previousRow + 1 ? '' : String(c.row);
      const cleanId = clean(c.id);
      const id = previousId !== null && cleanId === nextId(previousId) ? '' : cleanId;
      previousRow = c.row;
      previousId = cleanId;
      return `${id}\t${clean(c.name)}\t${clean(c.phone)}\t${clean(c.city)}\t${row}`;
    })
    .join('\n');
}

/** How names and codes are compared: compatibility forms folded (full-width letters), lower case, no spaces. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const digitsOf = (text: string): string => text.replace(/\D+/g, '');

/** The list ready to search: the customers and their folded keys, made once per list. */
export interface CustomerIndex {
  customers: ListedCustomer[];
  ids: string[];
  names: string[];
  cities: string[];
  phones: string[];
}

export function decodeCustomerList(text: string): CustomerIndex {
  const customers: ListedCustomer[] = [];
  const ids: string[] = [];
  const names: string[] = [];
  const cities: string[] = [];
  const phones: string[] = [];
  if (text !== '') {
    let previousRow = 0;
    let previousId: string | null = null;
    for (const line of text.split('\n')) {
      const [idText = '', name = '', phone = '', city = '', rowText = ''] = line.split('\t');
      const row = rowText === '' ? previousRow + 1 : Number(rowText) || 0;
      const id: string = idText !== '' ? idText : previousId === null ? '' : nextId(previousId) ?? '';
      previousRow = row;
      previousId = id;
      if (id === '') continue;
      customers.push({ id, name, phone, city, row });
      ids.push(fold(id));
      names.push(fold(name));
      cities.push(fold(city));
      phones.push(digitsOf(phone));
    }
  }
  return { customers, ids, names, cities, phones };
}

export const MAX_QUERY_LENGTH = 100;

export interface Matches {
  query: string;
  /** Positions in `index.customers`, best first; every match. */
  found: number[];
}

/** Every customer matching the query, ranked (see the file's comment). */
export function searchList(index: CustomerIndex, query: string): Matches {
  const q = fold(query.slice(0, MAX_QUERY_LENGTH));
  if (q === '') return { query, found: [] };
  const digits = digitsOf(q);
  // Phones are searched only for a text that is a phone number (digits and its signs, 3 digits
  // at least): a code such as kh0013 must not bring every phone holding 0013.
  const byDigits = digits.length >= 3 && /^[\d+\-().]+$/.test(q);
  const ranks: number[][] = [[], [], [], [], [], []];
  const { ids, names, cities, phones } = index;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const name = names[i];
    if (id === q) ranks[0].push(i);
    else if (id.startsWith(q) || name.startsWith(q)) ranks[1].push(i);
    else if (id.includes(q) || name.includes(q)) ranks[2].push(i);
    else if (cities[i].includes(q)) ranks[3].push(i);
    else if (byDigits && phones[i].includes(digits)) ranks[4].push(i);
  }
  return { query, found: ranks.flat() };
}

/** Puts a customer's new name, phone or city into the list (after the card saved it): by id and row, else appended. */
export function updateListed(index: CustomerIndex, customer: ListedCustomer): void {
  let at = index.customers.findIndex((c) => c.id === customer.id && c.row === customer.row);
  if (at < 0) at = index.customers.findIndex((c) => c.id === customer.id);
  if (at < 0) at = index.customers.length;
  index.customers[at] = customer;
  index.ids[at] = fold(customer.id);
  index.names[at] = fold(customer.name);
  index.cities[at] = fold(customer.city);
  index.phones[at] = digitsOf(customer.phone);
}
