// The documents of a request (申请材料): files a citizen uploaded with an online application, the 核对
// authorisation they signed on screen, and paper the window scans later. Added in the caller's
// transaction (the portal's application) or on their own; listed and opened by the window's staff,
// each opening audited as a view of personal documents. Bytes never reach the audit, only hashes and sizes.
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { chinaDate, clock } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { checkedDocuments, documentSchema, MAX_DOCUMENTS, type CheckedFile } from '../../../kernel/files/documents.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import * as repo from '../repo.ts';

export type RequestDocumentKind = 'document' | 'signature';

export const addDocumentsSchema = z.strictObject({
  documents: z.array(documentSchema).min(1, '请选择要上传的材料').max(MAX_DOCUMENTS, `最多上传 ${MAX_DOCUMENTS} 个材料`),
});

async function mustFindRequest(db: Database, scope: Scope, requestNo: string) {
  const r = await repo.findRequest(db.kysely, scope, requestNo);
  if (!r) throw AppError.notFound('受理件', requestNo);
  return r;
}

/**
 * Stores checked files on a request, numbered after its existing ones, and audits them
 * (`intake.documents_add`: kind, and each file's seq, type, size and hash). Pass a Database from
 * `withinTransaction` to make them part of the caller's transaction.
 */
export async function attachRequestDocuments(db: Database, scope: Scope, requestNo: string, files: readonly CheckedFile[], kind: RequestDocumentKind) {
  allow(scope, 'intake.write');
  const r = await mustFindRequest(db, scope, requestNo);
  if (files.length === 0) return { requestNo, documents: [] };
  return write(db, scope, async (tx) => {
    // The request's row is the lock that numbers its files one writer at a time.
    await tx.selectFrom('intake_requests').select('id').where('county_code', '=', r.county_code).where('id', '=', r.id).forUpdate().executeTakeFirstOrThrow();
    const last = await tx.selectFrom('intake_request_documents').select((eb) => eb.fn.max('seq').as('seq')).where('county_code', '=', r.county_code).where('request_id', '=', r.id).executeTakeFirst();
    const first = Number(last?.seq ?? 0) + 1;
    const at = clock().now();
    const documents = files.map((f, i) => ({ seq: first + i, kind, fileName: f.name, mediaType: f.mediaType, sizeBytes: f.bytes.length, sha256: f.sha256 }));
    await tx.insertInto('intake_request_documents').values(files.map((f, i) => ({
      county_code: r.county_code, request_id: r.id, seq: first + i, kind, file_name: f.name, media_type: f.mediaType,
      size_bytes: f.bytes.length, sha256: f.sha256, content: f.bytes, added_by: scope.userName, added_at: at,
    }))).execute();
    await appendAudit(tx, scope, {
      action: 'intake.documents_add', entity: 'intake_request', entityId: requestNo, areaCode: r.area_code,
      after: { kind, documents: documents.map((d) => ({ seq: d.seq, mediaType: d.mediaType, bytes: d.sizeBytes, sha256: d.sha256 })) },
    });
    return { requestNo, documents };
  });
}

/** The window adds scanned documents (same checks as the portal's: type by the bytes, 5 MB, ten at most). */
export async function addRequestDocuments(db: Database, scope: Scope, requestNo: string, input: z.output<typeof addDocumentsSchema>) {
  allow(scope, 'intake.write');
  await mustFindRequest(db, scope, requestNo);
  return attachRequestDocuments(db, scope, requestNo, checkedDocuments(input.documents), 'document');
}

/** The request's files without their bytes, in order. */
export async function listRequestDocuments(db: Database, scope: Scope, requestNo: string) {
  allow(scope, 'intake.read');
  const r = await mustFindRequest(db, scope, requestNo);
  const rows = await db.kysely.selectFrom('intake_request_documents')
    .select(['seq', 'kind', 'file_name', 'media_type', 'size_bytes', 'sha256', 'added_by', 'added_at'])
    .where('county_code', '=', r.county_code).where('request_id', '=', r.id).orderBy('seq').execute();
  return {
    requestNo,
    items: rows.map((d) => ({
      seq: d.seq, kind: d.kind, fileName: d.file_name, mediaType: d.media_type, sizeBytes: d.size_bytes, sha256: d.sha256,
      addedBy: d.added_by, addedOn: chinaDate(d.added_at),
    })),
  };
}

/** One file with its bytes; the opening is audited (`intake.document_view`), for auditors too. */
export async function openRequestDocument(db: Database, scope: Scope, requestNo: string, seq: number) {
  allow(scope, 'intake.read');
  const r = await mustFindRequest(db, scope, requestNo);
  const d = await db.kysely.selectFrom('intake_request_documents').select(['seq', 'kind', 'file_name', 'media_type', 'size_bytes', 'sha256', 'content'])
    .where('county_code', '=', r.county_code).where('request_id', '=', r.id).where('seq', '=', seq).executeTakeFirst();
  if (!d) throw AppError.notFound('申请材料', `${requestNo}/${seq}`);
  await db.kysely.transaction().execute((tx) => appendAudit(tx, scope, {
    action: 'intake.document_view', entity: 'intake_request', entityId: requestNo, areaCode: r.area_code,
    after: { seq: d.seq, kind: d.kind, mediaType: d.media_type, bytes: d.size_bytes, sha256: d.sha256 },
  }));
  return { fileName: d.file_name, mediaType: d.media_type, content: Buffer.from(d.content) };
}
