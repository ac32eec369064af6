/**
 * A small RFC 4180 CSV reader for test fixtures (no package: the fixtures are plain exports).
 *
 * Fields may be quoted; inside quotes, commas and line breaks are data and "" is one quote.
 * Lines end with \n or \r\n. A final line break does not make an extra empty row. Every value
 * is returned as text, exactly as written: typing it into a sheet decides what it becomes.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  // A row that has seen any character, so "a,b\n\n" keeps its empty middle line but a trailing
  // line break ends the data.
  let rowStarted = false;
  // Byte-order marks come from spreadsheet exports; they are not part of the first header name.
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
    rowStarted = false;
  };

  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      rowStarted = true;
    } else if (ch === ',') {
      endField();
      rowStarted = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += ch;
      rowStarted = true;
    }
    i++;
  }
  if (quoted) throw new Error('CSV: unterminated quoted field');
  if (rowStarted || field !== '' || row.length > 0) endRow();
  return rows;
}
