import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { CheckedFile } from '../../../kernel/files/documents.ts';
import type { HouseholdKey } from './roots.ts';
import type { VisitSource } from '../domain/visits.ts';

export interface VisitRow {
  id: number;
  client_id: string | null;
  visited_on: string;
  visitors: string;
  findings: string;
  source: VisitSource;
  signature_sha256: string | null;
  created_by: string;
  created_at: Date;
}

const VISIT_COLUMNS = ['id', 'client_id', 'visited_on', 'visitors', 'findings', 'source', 'signature_sha256', 'created_by', 'created_at'] as const;
const FILE_COLUMNS = ['visit_id', 'seq', 'kind', 'file_name', 'media_type', 'size_bytes', 'sha256'] as const;

export async function visitByClientId(db: Kysely<DB>, key: HouseholdKey, clientId: string): Promise<VisitRow | undefined> {
  return db.selectFrom('household_visits').select(VISIT_COLUMNS)
    .where('county_code', '=', key.countyCode).where('household_id', '=', key.householdId).where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function visitById(db: Kysely<DB>, key: HouseholdKey, id: number): Promise<VisitRow | undefined> {
  return db.selectFrom('household_visits').select(VISIT_COLUMNS)
    .where('county_code', '=', key.countyCode).where('household_id', '=', key.householdId).where('id', '=', id)
    .executeTakeFirst();
}

export async function listVisits(db: Kysely<DB>, key: HouseholdKey): Promise<VisitRow[]> {
  return db.selectFrom('household_visits').select(VISIT_COLUMNS)
    .where('county_code', '=', key.countyCode).where('household_id', '=', key.householdId)
    .orderBy('visited_on', 'desc').orderBy('id', 'desc')
    .execute();
}

/** The files of these visits (without their bytes). */
export async function listVisitFiles(db: Kysely<DB>, countyCode: string, visitIds: number[]) {
  if (visitIds.length === 0) return [];
  return db.selectFrom('household_visit_files').select(FILE_COLUMNS)
    .where('county_code', '=', countyCode).where('visit_id', 'in', visitIds)
    .orderBy('visit_id').orderBy('seq')
    .execute();
}

/** One file with its bytes, when it belongs to a visit of this household. */
export async function visitFile(db: Kysely<DB>, key: HouseholdKey, visitId: number, seq: number) {
  return db.selectFrom('household_visit_files as f')
    .innerJoin('household_visits as v', (j) => j.onRef('v.county_code', '=', 'f.county_code').onRef('v.id', '=', 'f.visit_id'))
    .select(['f.kind', 'f.file_name', 'f.media_type', 'f.size_bytes', 'f.sha256', 'f.content'])
    .where('v.county_code', '=', key.countyCode).where('v.household_id', '=', key.householdId)
    .where('f.visit_id', '=', visitId).where('f.seq', '=', seq)
    .executeTakeFirst();
}

export interface VisitInsert {
  clientId: string | null;
  visitedOn: string;
  visitors: string;
  findings: string;
  source: VisitSource;
  createdBy: string;
  photos: CheckedFile[];
  signature: CheckedFile | null;
}

/** The visit and its files (photos 1…n, then the signature); none written when the client id was stored already. */
export async function insertVisit(tx: Kysely<DB>, key: HouseholdKey, v: VisitInsert): Promise<number | null> {
  const row = await tx.insertInto('household_visits')
    .values({
      county_code: key.countyCode, household_id: key.householdId, client_id: v.clientId, visited_on: v.visitedOn, visitors: v.visitors,
      findings: v.findings, source: v.source, signature_sha256: v.signature?.sha256 ?? null, created_by: v.createdBy,
    })
    .onConflict((oc) => oc.columns(['county_code', 'household_id', 'client_id']).where('client_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  const files = [...v.photos.map((f) => ({ kind: 'photo' as const, f })), ...(v.signature ? [{ kind: 'signature' as const, f: v.signature }] : [])];
  for (const [i, { kind, f }] of files.entries()) {
    await tx.insertInto('household_visit_files').values({
      county_code: key.countyCode, visit_id: row.id, seq: i + 1, kind, file_name: f.name, media_type: f.mediaType, size_bytes: f.bytes.length, sha256: f.sha256, content: f.bytes,
    }).execute();
  }
  return row.id;
}
