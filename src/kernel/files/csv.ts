// CSV as Excel in China writes it: UTF-8 (with or without BOM) or GB18030; RFC 4180 quoting, CRLF or LF.
import { TableBounds } from './bounds.ts';
import { FILE_LIMITS } from './limits.ts';
import { neutralise } from './neutralise.ts';

export function decodeText(body: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder('gb18030').decode(body);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The records of the text; a record, field or cell beyond the bounds stops the parse with its refusal. */
export function parseCsv(text: string, bounds = new TableBounds(FILE_LIMITS)): string[][] {
  const maxChars = bounds.limits.cellChars;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    const number = rows.length + 1;
    if (row.length === 0) bounds.row(number);
    if (field === '') bounds.column(number, row.length);
    else bounds.cell(number, row.length, field);
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      // An unclosed quote would otherwise take the rest of the file into one field.
      if (field.length > maxChars) bounds.cell(rows.length + 1, row.length, field);
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else {
      field += c;
      if (field.length > maxChars) bounds.cell(rows.length + 1, row.length, field);
    }
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** One CSV line, quoting where needed; text that a spreadsheet would take as a formula is neutralised. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values.map((v) => {
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? neutralise(v) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',');
}
