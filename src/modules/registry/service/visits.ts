// Home visits (入户调查): recorded from the offline intake app or the web, with the photos taken and the
// household's signature. Stored and listed under the household's scope; every add and every file viewed audited.
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { checkedDocuments, checkedSignature, type CheckedFile } from '../../../kernel/files/documents.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { NewVisit, Visit } from '../domain/visits.ts';
import { allow } from '../permissions.ts';
import type { HouseholdKey } from '../repo/roots.ts';
import * as repo from '../repo/visits.ts';
import { mustFindHousehold } from './read.ts';

async function withFiles(db: Database, key: HouseholdKey, rows: repo.VisitRow[]): Promise<Visit[]> {
  const files = await repo.listVisitFiles(db.kysely, key.countyCode, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, clientId: r.client_id, visitedOn: r.visited_on, visitors: r.visitors, findings: r.findings, source: r.source,
    signatureSha256: r.signature_sha256, createdBy: r.created_by, createdAt: r.created_at.toISOString(),
    files: files.filter((f) => f.visit_id === r.id).map((f) => ({ seq: f.seq, kind: f.kind, name: f.file_name, mediaType: f.media_type, sizeBytes: f.size_bytes, sha256: f.sha256 })),
  }));
}

const described = (f: CheckedFile) => ({ name: f.name, mediaType: f.mediaType, bytes: f.bytes.length, sha256: f.sha256 });

/**
 * A visit, checked whole before anything is written. With a `clientId` already stored for the household
 * (a sync sent again), the first visit is the answer and nothing is written: `created` is false.
 */
export async function addVisit(db: Database, scope: Scope, householdNo: string, input: NewVisit): Promise<{ visit: Visit; created: boolean }> {
  allow(scope, 'registry.write');
  const h = await mustFindHousehold(db, scope, householdNo);
  const again = async () => {
    const row = input.clientId ? await repo.visitByClientId(db.kysely, h.key, input.clientId) : undefined;
    return row && (await withFiles(db, h.key, [row]))[0];
  };
  const first = await again();
  if (first) return { visit: first, created: false };
  if (input.visitedOn > todayInChina()) throw AppError.field('visitedOn', '调查日期不能晚于今天');
  const photos = checkedDocuments(input.photos, 'photos');
  const signature = input.signature === undefined ? null : checkedSignature(input.signature);
  const id = await write(db, scope, async (tx) => {
    const made = await repo.insertVisit(tx, h.key, {
      clientId: input.clientId ?? null, visitedOn: input.visitedOn, visitors: input.visitors, findings: input.findings, source: input.source, createdBy: scope.userName, photos, signature,
    });
    if (made === null) return null;
    await appendAudit(tx, scope, {
      action: 'registry.visit_add', entity: 'household', entityId: householdNo, areaCode: h.village_code,
      after: {
        visitId: made, clientId: input.clientId ?? null, visitedOn: input.visitedOn, visitors: input.visitors, findings: input.findings, source: input.source,
        photos: photos.map(described), signature: signature && described(signature),
      },
    });
    return made;
  });
  // null: the same clientId was stored by a concurrent request meanwhile.
  if (id === null) {
    const stored = await again();
    if (!stored) throw AppError.notFound('入户调查记录', input.clientId ?? '');
    return { visit: stored, created: false };
  }
  const row = await repo.visitById(db.kysely, h.key, id);
  const visit = row && (await withFiles(db, h.key, [row]))[0];
  if (!visit) throw AppError.notFound('入户调查记录', String(id));
  return { visit, created: true };
}

/** The household's visits, newest first, with the list of their files. */
export async function listVisits(db: Database, scope: Scope, householdNo: string): Promise<Visit[]> {
  allow(scope, 'registry.read');
  const h = await mustFindHousehold(db, scope, householdNo);
  return withFiles(db, h.key, await repo.listVisits(db.kysely, h.key));
}

/** One file of a visit with its bytes; each view audited (photos of documents are personal data). */
export async function visitFile(db: Database, scope: Scope, householdNo: string, visitId: number, seq: number) {
  allow(scope, 'registry.read');
  const h = await mustFindHousehold(db, scope, householdNo);
  const file = await repo.visitFile(db.kysely, h.key, visitId, seq);
  if (!file) throw AppError.notFound('入户调查材料', `${visitId}/${seq}`);
  await db.kysely.transaction().execute((tx) => appendAudit(tx, scope, {
    action: 'registry.visit_file_view', entity: 'household', entityId: householdNo, areaCode: h.village_code,
    after: { visitId, seq, kind: file.kind, sha256: file.sha256 },
  }));
  return { name: file.file_name, mediaType: file.media_type, bytes: Buffer.from(file.content) };
}
