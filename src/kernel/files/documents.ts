// Files uploaded inline (base64 in JSON): documents (PNG, JPEG or PDF) — a citizen's application, a
// village clerk's photos of a home visit — and signatures (a PNG data URL). The type is read from the
// bytes, never from the name or the declared type; each is hashed (SHA-256).
import crypto from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.ts';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENTS = 10;
export const MAX_SIGNATURE_BYTES = 512 * 1024;

export const DOCUMENT_MEDIA_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export type MediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

const MAGIC: readonly [MediaType, number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['application/pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
];

export function mediaTypeOf(bytes: Uint8Array): MediaType | null {
  return MAGIC.find(([, magic]) => magic.every((b, i) => bytes[i] === b))?.[0] ?? null;
}

export const sha256Hex = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Base64 of at most `maxBytes`, optionally as a data URL (`data:…;base64,`). */
const base64Text = (maxBytes: number, tooLarge: string) => z.string().max(Math.ceil(maxBytes / 3) * 4 + 100, tooLarge);

export const documentSchema = z.strictObject({
  name: z.string().trim().min(1, '请填写文件名').max(200, '文件名过长'),
  /** The file's bytes in base64 (a data URL is accepted too). */
  content: base64Text(MAX_DOCUMENT_BYTES, '文件不能超过 5 MB'),
});
export type DocumentInput = z.output<typeof documentSchema>;

export const documentsSchema = z.array(documentSchema).max(MAX_DOCUMENTS, `最多上传 ${MAX_DOCUMENTS} 个材料`).default([]);
export const signatureSchema = base64Text(MAX_SIGNATURE_BYTES, '签名图片过大');

export interface CheckedFile {
  name: string;
  mediaType: MediaType;
  bytes: Buffer;
  sha256: string;
}

function decode(field: string, text: string): Buffer {
  const body = text.startsWith('data:') ? text.slice(text.indexOf(',') + 1) : text;
  if (!BASE64.test(body) || body.length % 4 !== 0) throw AppError.field(field, '文件内容应为 base64 编码', 'invalid_document');
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length === 0) throw AppError.field(field, '文件为空', 'invalid_document');
  return bytes;
}

/** Each document decoded and checked (type by its bytes, size); the first bad one is a 400 naming `documents.N` (or `<list>.N`). */
export function checkedDocuments(docs: readonly DocumentInput[], list = 'documents'): CheckedFile[] {
  if (docs.length > MAX_DOCUMENTS) throw AppError.field(list, `最多上传 ${MAX_DOCUMENTS} 个材料`, 'invalid_document');
  return docs.map((d, i) => {
    const field = `${list}.${i}`;
    const bytes = decode(field, d.content);
    if (bytes.length > MAX_DOCUMENT_BYTES) throw AppError.field(field, `「${d.name}」超过 5 MB`, 'invalid_document');
    const mediaType = mediaTypeOf(bytes);
    if (!mediaType) throw AppError.field(field, `「${d.name}」不是图片（PNG、JPEG）或 PDF 文件`, 'invalid_document');
    return { name: d.name, mediaType, bytes, sha256: sha256Hex(bytes) };
  });
}

/** The signature image: a PNG (data URL or base64) of at most 512 KB. */
export function checkedSignature(text: string): CheckedFile {
  const bytes = decode('signature', text);
  if (bytes.length > MAX_SIGNATURE_BYTES) throw AppError.field('signature', '签名图片过大', 'invalid_document');
  if (mediaTypeOf(bytes) !== 'image/png') throw AppError.field('signature', '签名应为 PNG 图片', 'invalid_document');
  return { name: 'signature.png', mediaType: 'image/png', bytes, sha256: sha256Hex(bytes) };
}
