/**
 * A small streaming reader for the first worksheet of an .xlsx held in memory: the zip's central
 * directory, raw inflate (node:zlib) and a scanner over the sheet XML, row by row.
 *
 * Why not `ExcelJS.stream.xlsx.WorkbookReader`: exceljs 4.4 decodes every inflated chunk on its own
 * (utils/parse-sax.js), so a Chinese character split across two chunks comes out as U+FFFD — names
 * and addresses of a large file were corrupted at random. Here one streaming TextDecoder spans the
 * chunks. Reading is also several times faster, as no cell objects or styles are built.
 *
 * Hostile files (limits.ts): the directory's entry count, each entry's declared size and compression
 * ratio are checked before inflating, and the bytes really inflated are counted against the declared
 * size while streaming (a directory can lie), so a zip bomb stops at the first chunk beyond it.
 */
import zlib from 'node:zlib';
import { Readable } from 'node:stream';
import type { TableBounds } from './bounds.ts';
import { inflatesTooLarge, mb, tooComplex, tooManyZipEntries, type FileLimits } from './limits.ts';

export type XlsxCell = string | number | boolean | undefined;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class XlsxFormatError extends Error {}

function zipEntries(buf: Buffer, limits: Readonly<FileLimits>): Map<string, ZipEntry> {
  // End of central directory: signature 0x06054b50, searched backwards (a comment may follow it).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxFormatError('zip 目录缺失（文件不完整或不是 xlsx）');
  const count = buf.readUInt16LE(eocd + 10);
  if (count > limits.zipEntries) throw tooManyZipEntries(count, limits.zipEntries);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new XlsxFormatError('zip 目录损坏');
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name, { name, method, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Refuses an entry whose declared size or compression ratio is beyond the limits, before inflating it. */
function checkDeclared(e: ZipEntry, maxBytes: number, limits: Readonly<FileLimits>): void {
  if (e.size > maxBytes) throw inflatesTooLarge(e.name, `解压后 ${mb(e.size)}，超过 ${mb(maxBytes)} 的上限`, maxBytes);
  if (e.size > limits.ratioGraceBytes && e.size > e.compressedSize * limits.ratio) {
    throw inflatesTooLarge(e.name, `压缩比 ${Math.round(e.size / Math.max(1, e.compressedSize))} 倍，超过 ${limits.ratio} 倍的上限（疑似压缩炸弹）`, limits.ratio);
  }
}

/** The entry's text, decoded across chunk boundaries; inflating stops once it passes the declared size. */
async function* entryText(buf: Buffer, e: ZipEntry, maxBytes: number, limits: Readonly<FileLimits>): AsyncGenerator<string> {
  checkDeclared(e, maxBytes, limits);
  const h = e.localOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== 0x04034b50) throw new XlsxFormatError(`zip 条目 ${e.name} 损坏`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  const decoder = new TextDecoder('utf-8');
  const beyond = () => inflatesTooLarge(e.name, `实际解压大小超过压缩包目录声明的 ${mb(e.size)}（文件可能被篡改）`, e.size);
  if (e.method === 0) {
    if (data.length > e.size) throw beyond();
    yield decoder.decode(data);
    return;
  }
  if (e.method !== 8) throw new XlsxFormatError(`不支持的压缩方式 ${e.method}`);
  const inflate = Readable.from([data]).pipe(zlib.createInflateRaw({ chunkSize: 1 << 20 }));
  let inflated = 0;
  for await (const chunk of inflate) {
    inflated += (chunk as Buffer).length;
    // Breaking out of the loop destroys the inflate stream: nothing more is inflated.
    if (inflated > e.size) throw beyond();
    yield decoder.decode(chunk as Buffer, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function entryString(buf: Buffer, e: ZipEntry, limits: Readonly<FileLimits>): Promise<string> {
  let s = '';
  for await (const part of entryText(buf, e, limits.partBytes, limits)) s += part;
  return s;
}

/**
 * Calls `each` with every complete element `</tag>` of the streamed text (elements never nest); text
 * without a closing tag is held up to `maxChars`, then `tooLong` says what was too long.
 */
async function eachElement(chunks: AsyncIterable<string>, close: string, maxChars: number, tooLong: () => Error, each: (text: string) => void): Promise<void> {
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    const end = pending.lastIndexOf(close);
    if (end < 0) {
      if (pending.length > maxChars) throw tooLong();
      continue;
    }
    each(pending.slice(0, end + close.length));
    pending = pending.slice(end + close.length);
  }
  if (pending) each(pending);
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITY[e] as string));
}

/** The text of a string item: its <t> runs, phonetic runs (<rPh>) left out. */
function itemText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

const ATTR = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) {
    re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`);
    ATTR.set(name, re);
  }
  return re.exec(attrs)?.[1];
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export interface XlsxRow {
  number: number;
  cells: XlsxCell[];
}

/** Reads the first worksheet and calls `onRow` for every row that has cells, within the bounds. */
export async function readFirstSheet(buf: Buffer, bounds: TableBounds, onRow: (row: XlsxRow) => void): Promise<void> {
  const limits = bounds.limits;
  const entries = zipEntries(buf, limits);
  const get = (name: string) => entries.get(name);
  const workbook = get('xl/workbook.xml');
  if (!workbook) throw new XlsxFormatError('缺少 xl/workbook.xml，不是 Excel 工作簿');
  const wbXml = await entryString(buf, workbook, limits);
  const firstSheet = /<(?:\w+:)?sheet\b([^>]*)\/?>/.exec(wbXml);
  if (!firstSheet) throw new XlsxFormatError('工作簿中没有工作表');
  const rid = /\br:id="([^"]*)"|\bid="([^"]*)"/.exec(firstSheet[1] ?? '');
  const relsEntry = get('xl/_rels/workbook.xml.rels');
  let target = 'xl/worksheets/sheet1.xml';
  if (relsEntry && rid) {
    const rels = await entryString(buf, relsEntry, limits);
    const id = rid[1] ?? rid[2];
    for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      if (attr(m[1] ?? '', 'Id') === id) {
        const t = attr(m[1] ?? '', 'Target') ?? '';
        target = t.startsWith('/') ? t.slice(1) : `xl/${t}`;
      }
    }
  }
  const sheet = get(target);
  if (!sheet) throw new XlsxFormatError(`缺少工作表 ${target}`);

  const shared: string[] = [];
  const sst = get('xl/sharedStrings.xml');
  if (sst) {
    const tooLong = () => tooComplex(`共享字符串第 ${shared.length + 1} 项超过 ${limits.elementChars} 个字符`);
    await eachElement(entryText(buf, sst, limits.sheetBytes, limits), '</si>', limits.elementChars, tooLong, (text) => {
      for (const m of text.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\s*\/>/g)) shared.push(itemText(m[1] ?? ''));
      if (shared.length > limits.cells) throw tooComplex(`共享字符串超过 ${limits.cells} 项`);
    });
  }

  let lastRow = 0;
  const tooLong = () => tooComplex(`第 ${lastRow + 1} 行的内容超过 ${limits.elementChars} 个字符`);
  await eachElement(entryText(buf, sheet, limits.sheetBytes, limits), '</row>', limits.elementChars, tooLong, (text) => {
    for (const rm of text.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const r = Number(attr(rm[1] ?? '', 'r'));
      const number = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
      bounds.row(number);
      lastRow = number;
      const body = rm[2];
      if (!body) continue;
      const cells: XlsxCell[] = [];
      let next = 0;
      for (const cm of body.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = cm[1] ?? '';
        const ref = attr(attrs, 'r');
        const col = ref ? columnIndex(ref) : next;
        bounds.column(number, col);
        next = col + 1;
        const inner = cm[2];
        if (!inner) continue;
        const type = attr(attrs, 't');
        let value: XlsxCell;
        if (type === 'inlineStr') {
          const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
          value = is ? itemText(is[1] ?? '') : undefined;
        } else {
          const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
          if (v === undefined) value = undefined;
          else if (type === 's') value = shared[Number(v)];
          else if (type === 'str' || type === 'e') value = unescapeXml(v);
          else if (type === 'b') value = v === '1';
          else value = Number(v);
        }
        if (value === undefined) continue;
        bounds.cell(number, col, value);
        cells[col] = value;
      }
      if (cells.length > 0) onRow({ number, cells });
    }
  });
}
