/** The customer list the page searches by itself (src/shared/customerList.ts): format, ranking, reach. */
import { decodeCustomerList, encodeCustomerList, searchList, updateListed, type ListedCustomer } from '../../src/shared/customerList';

const customers: ListedCustomer[] = [
  { id: 'KH0013', name: '华联超市', phone: '021-6234 5678', city: '上海', row: 2 },
  { id: 'KH0130', name: '联华便利', phone: '0571-8888 0013', city: '杭州', row: 3 },
  { id: 'KH0200', name: '0013 号仓储', phone: '', city: '', row: 4 },
  { id: 'KH0300', name: '星辰贸易', phone: '138 0013 8000', city: '北京', row: 5 },
  { id: 'kh0013b', name: 'Ｓｕｎ Trading', phone: '', city: 'Suzhou', row: 6 },
];

const ids = (text: string, query: string): string[] => {
  const index = decodeCustomerList(text);
  return searchList(index, query).found.map((i) => index.customers[i].id);
};

it('survives the trip as one string: tabs and line breaks in a cell become spaces, rows kept', () => {
  const text = encodeCustomerList([...customers, { id: 'X\t1', name: 'two\nlines', phone: '', city: '', row: 9 }]);
  const back = decodeCustomerList(text).customers;
  expect(back.slice(0, 5)).toEqual(customers);
  expect(back[5]).toEqual({ id: 'X 1', name: 'two lines', phone: '', city: '', row: 9 });
});

it('leaves out what follows from the line before (the next row, the next code) and reads it back', () => {
  const seq = [
    { id: 'KH0099', name: 'a', phone: '', city: '', row: 2 },
    { id: 'KH0100', name: 'b', phone: '', city: '', row: 3 },
    { id: 'KH0102', name: 'c', phone: '', city: '', row: 4 },
    { id: '999', name: 'd', phone: '', city: '', row: 9 },
    { id: '1000', name: 'e', phone: '', city: '', row: 10 },
    { id: '001000', name: 'f', phone: '', city: '', row: 11 },
    { id: 'x', name: 'g', phone: '', city: '', row: 12 },
  ];
  const text = encodeCustomerList(seq);
  expect(text.split('\n').map((l) => l.split('\t')[0])).toEqual(['KH0099', '', 'KH0102', '999', '', '001000', 'x']);
  expect(text.split('\n').map((l) => l.split('\t')[4])).toEqual(['2', '', '', '9', '', '', '']);
  expect(decodeCustomerList(text).customers).toEqual(seq);
});

it('ranks the exact code, then codes and names that start with the text, then those containing it, then cities, then phones', () => {
  const text = encodeCustomerList(customers);
  // 'kh0013': exact (KH0013), then a code starting with it (kh0013b); KH0130 does not contain it.
  expect(ids(text, 'kh0013')).toEqual(['KH0013', 'kh0013b']);
  // '0013': no exact code; a name that starts with it (0013 号仓储) and codes containing it, before phones containing it.
  expect(ids(text, '0013')).toEqual(['KH0200', 'KH0013', 'kh0013b', 'KH0130', 'KH0300']);
  expect(ids(text, '联华')).toEqual(['KH0130', 'KH0013'].filter((id) => id === 'KH0130'));
  expect(ids(text, '上海')).toEqual(['KH0013']);
  // Full-width letters and spaces fold: 'sun trading' finds 'Ｓｕｎ Trading'.
  expect(ids(text, 'sun trading')).toEqual(['kh0013b']);
  expect(ids(text, '没有这个')).toEqual([]);
  expect(ids(text, '   ')).toEqual([]);
});

it('keeps every match, in table order within a rank', () => {
  const many = Array.from({ length: 1234 }, (_, i) => ({ id: `C${i}`, name: `商贸${i}`, phone: '', city: '', row: i + 2 }));
  const index = decodeCustomerList(encodeCustomerList(many));
  const found = searchList(index, '商贸').found;
  expect(found).toHaveLength(1234);
  expect(found.slice(0, 3)).toEqual([0, 1, 2]);
});

it('takes a renamed customer at once, found by the new name and no longer by the old', () => {
  const index = decodeCustomerList(encodeCustomerList(customers));
  updateListed(index, { ...customers[3], name: '刚改名的晨星商行' });
  expect(searchList(index, '晨星').found.map((i) => index.customers[i].id)).toEqual(['KH0300']);
  expect(searchList(index, '星辰').found).toEqual([]);
});
