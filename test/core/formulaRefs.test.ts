/**
 * Reading where a function's range arguments start, from the formula text, so that an error can
 * name the sheet row.
 */
import { callArguments, firstRowOf } from '../../src/core/formulaRefs';

describe('callArguments', () => {
  it('splits the top-level arguments of a plain call', () => {
    expect(callArguments('=RFM(Orders!A2:A, Orders!B2:B, Orders!C2:C)', 'RFM')).toEqual(['Orders!A2:A', 'Orders!B2:B', 'Orders!C2:C']);
  });

  it('finds the call nested in another, with quoted sheet names and text arguments', () => {
    expect(callArguments('=IFERROR(RFM(\'订单 2024\'!A2:A5000, B2:B, C2:C, "2024-01-01"), "")', 'RFM')).toEqual([
      "'订单 2024'!A2:A5000",
      'B2:B',
      'C2:C',
      '"2024-01-01"',
    ]);
  });

  it('keeps nested calls, array literals and commas inside text in one argument', () => {
    expect(callArguments('=RFM(FILTER(A:A, B:B>0), {1,2;3,4}, C:C, "a, (b")', 'RFM')).toEqual(['FILTER(A:A, B:B>0)', '{1,2;3,4}', 'C:C', '"a, (b"']);
    expect(callArguments("=RFM('It''s, (odd)'!A2:A, B2:B, C2:C)", 'RFM')).toEqual(["'It''s, (odd)'!A2:A", 'B2:B', 'C2:C']);
  });

  it('keeps empty arguments in their place', () => {
    expect(callArguments('=RFM(A2:A, B2:B, C2:C, , 3)', 'RFM')).toEqual(['A2:A', 'B2:B', 'C2:C', '', '3']);
    expect(callArguments('=RFM()', 'RFM')).toEqual(['']);
  });

  it('matches the name case-insensitively, and only as a whole name', () => {
    expect(callArguments('=rfm(a2:a, b2:b, c2:c)', 'RFM')).toEqual(['a2:a', 'b2:b', 'c2:c']);
    expect(callArguments('=RFMSCORE(A:A, B:B, C:C)', 'RFM')).toBeNull();
    expect(callArguments('=RFMSCORE(A:A, B:B, C:C)', 'RFMSCORE')).toEqual(['A:A', 'B:B', 'C:C']);
    expect(callArguments('=MYRFM(A:A)', 'RFM')).toBeNull();
    expect(callArguments('=RFMSEGMENT(RFM(A2:A, B2:B, C2:C))', 'RFM')).toEqual(['A2:A', 'B2:B', 'C2:C']);
    expect(callArguments('=RFM (A2:A, B2:B, C2:C)', 'RFM')).toEqual(['A2:A', 'B2:B', 'C2:C']);
  });

  it('gives null when there is no complete call', () => {
    expect(callArguments('=SUM(A:A)', 'RFM')).toBeNull();
    expect(callArguments('=RFM(A2:A, B2:B', 'RFM')).toBeNull();
    expect(callArguments('', 'RFM')).toBeNull();
  });
});

describe('firstRowOf', () => {
  it.each([
    ['A2:A', 2],
    ['A:A', 1],
    ['$B$7:$B$100', 7],
    ["'My Sheet'!C3:C", 3],
    ['Orders!A2:A5000', 2],
    ["'订单 2024'!A2:A5000", 2],
    ["'O''Brien'!D5:D", 5],
    ['A2', 2],
    ['AB10:AB', 10],
    ['A1:C10', 1],
    ['  B7:B  ', 7],
  ])('%j starts at row %d', (ref, row) => {
    expect(firstRowOf(ref)).toBe(row);
  });

  it.each(['FILTER(A:A, B:B>0)', '"2024-01-01"', '5', '', 'Sales_2024', 'Orders', 'ABCD1', 'A2:A, B2:B'])('%j is not a plain reference', (ref) => {
    expect(firstRowOf(ref)).toBeNull();
  });

  it('together: the first row of each argument of a typed formula', () => {
    const args = callArguments('=RFM(Orders!A2:A, Orders!B2:B, FILTER(C:C, D:D))', 'RFM')!;
    expect(args.map(firstRowOf)).toEqual([2, 2, null]);
  });
});

describe('firstRowOf leaves names alone', () => {
  it.each(['Tax', 'Sales', 'Orders!Tax'])('%s is a named range, not a reference', (name) => {
    expect(firstRowOf(name)).toBeNull();
  });
  it.each([
    ['B7', 7],
    ['$A$2:$C$100', 2],
    ['A:C', 1],
    ["'订单 2024'!A3:A", 3],
  ])('%s starts on row %d', (ref, row) => {
    expect(firstRowOf(ref as string)).toBe(row);
  });
});
