// Hand-built .xlsx files for the hostile-file tests: a zip whose parts are given as pieces that may repeat
// (so a 1 GB sheet is built from one compressed 1 MB piece, never held whole) and whose directory may lie.
import zlib from 'node:zlib';

/** A piece of an entry's content, `times` times over. */
export interface Piece {
  text: string;
  times?: number;
}

export interface Part {
  name: string;
  pieces: Piece[];
  /** Stored instead of deflated. */
  store?: boolean;
  /** What the central directory declares instead of the truth. */
  declaredSize?: number;
}

const SYNC = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

// Each piece is deflated on its own into byte-aligned, non-final blocks, so the pieces concatenate into
// one deflate stream; an empty final block ends it.
function deflated(pieces: Piece[]): { data: Buffer; size: number; crc: number } {
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const p of pieces) {
    const raw = Buffer.from(p.text);
    const packed = zlib.deflateRawSync(raw, { ...SYNC, level: 9 });
    for (let i = 0; i < (p.times ?? 1); i++) {
      chunks.push(packed);
      crc = zlib.crc32(raw, crc);
      size += raw.length;
    }
  }
  chunks.push(zlib.deflateRawSync(Buffer.alloc(0)));
  return { data: Buffer.concat(chunks), size, crc };
}

function stored(pieces: Piece[]): { data: Buffer; size: number; crc: number } {
  const data = Buffer.from(pieces.map((p) => p.text.repeat(p.times ?? 1)).join(''));
  return { data, size: data.length, crc: zlib.crc32(data) };
}

export function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = part.store ? stored(part.pieces) : deflated(part.pieces);
    const name = Buffer.from(part.name);
    const head = (sig: number, len: number) => {
      const b = Buffer.alloc(len);
      b.writeUInt32LE(sig, 0);
      return b;
    };
    const local = head(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(part.declaredSize ?? size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = head(0x02014b50, 46);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(part.store ? 0 : 8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(part.declaredSize ?? size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(dir, name);
    offset += 30 + name.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const WORKBOOK: Part[] = [
  { name: '[Content_Types].xml', pieces: [{ text: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>' }] },
  { name: 'xl/workbook.xml', pieces: [{ text: '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>' }] },
  { name: 'xl/_rels/workbook.xml.rels', pieces: [{ text: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' }] },
];

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** An .xlsx whose first sheet's <sheetData> holds the pieces. */
export function xlsxOf(sheetData: Piece[], opts: { store?: boolean; declaredSize?: number; extraParts?: Part[] } = {}): Buffer {
  const sheet: Part = { name: 'xl/worksheets/sheet1.xml', pieces: [{ text: SHEET_HEAD }, ...sheetData, { text: SHEET_TAIL }], ...(opts.store ? { store: true } : {}), ...(opts.declaredSize !== undefined ? { declaredSize: opts.declaredSize } : {}) };
  return zip([...WORKBOOK, sheet, ...(opts.extraParts ?? [])]);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A row of inline strings (no cell references: cells and rows follow each other). */
export const inlineRow = (cells: readonly string[]): string =>
  `<row>${cells.map((c) => `<c t="inlineStr"><is><t>${escape(c)}</t></is></c>`).join('')}</row>`;

const MiB = 1024 * 1024;

/**
 * A real .xlsx of about 1 MB whose sheet inflates to 1 GiB: one row, then 1 GiB of XML whitespace
 * (legal between rows). `declaredSize` makes the directory lie about it.
 */
export function zipBomb(declaredSize?: number): Buffer {
  return xlsxOf([{ text: inlineRow(['炸弹']) }, { text: ' '.repeat(MiB), times: 1024 }], declaredSize !== undefined ? { declaredSize } : {});
}
