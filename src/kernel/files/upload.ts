// Uploads and downloads over HTTP: a file is the raw request body, whatever its Content-Type
// (application/octet-stream, the xlsx type, text/csv — or application/vnd.ms-excel, which browsers on
// Windows give CSV files, or none), up to one limit (limits.ts); JSON is still parsed as JSON, and refused.
import type { FastifyError, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { fileTooLarge, FILE_LIMITS } from './limits.ts';

export const UPLOAD_LIMIT = FILE_LIMITS.bodyBytes;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const UPLOAD_TYPES = ['*', 'application/octet-stream', XLSX_MIME, CSV_MIME, 'text/plain', 'application/vnd.ms-excel'];

/** Inside an encapsulated plugin: every upload type arrives as a Buffer, up to UPLOAD_LIMIT; a larger one is a 413 file_too_large. */
export function acceptRawUploads(scoped: FastifyInstance): void {
  for (const type of UPLOAD_TYPES) {
    scoped.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_req, body, done) => done(null, body));
  }
  // Thrown on, the error reaches the app's error handler, which writes every answer's error shape.
  scoped.setErrorHandler((err: FastifyError) => {
    throw err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? fileTooLarge(UPLOAD_LIMIT) : err;
  });
}

/** The uploaded file, or a 400 naming the missing file. */
export function uploadedFile(body: unknown, message = '请以请求体上传文件（Content-Type: application/octet-stream、text/csv 或 xlsx）'): Buffer {
  if (!Buffer.isBuffer(body)) throw AppError.badRequest('invalid_file', message, { fields: [{ field: '(file)', message: '缺少文件' }] });
  return body;
}

/** Content-Disposition of a download with a Chinese file name (ASCII fallback, RFC 5987 name). */
export function attachment(name: string): string {
  return disposition('attachment', name);
}

/** Content-Disposition of a file the browser shows itself (an image, a PDF), with its Chinese name. */
export function inline(name: string): string {
  return disposition('inline', name);
}

/** The declared answer of a route sending a file: the body is the file itself, binary, of one of these media types. */
export function fileResponse(description: string, mediaTypes: readonly string[]) {
  const schema = z.unknown().meta({ type: 'string', format: 'binary' });
  return { description, content: Object.fromEntries(mediaTypes.map((mime) => [mime, { schema }])) };
}

function disposition(how: 'attachment' | 'inline', name: string): string {
  return `${how}; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
