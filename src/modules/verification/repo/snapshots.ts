// Partner data snapshots: a new version per import, its records inserted in chunks in the same transaction.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { PartnerRecord } from '../domain/records.ts';

export async function insertSnapshot(tx: Kysely<DB>, s: { source: string; snapshotDate: string; via: 'file' | 'api'; fileName: string | null; rows: number; areaCode: string; by: string }) {
  await sql`select pg_advisory_xact_lock(727030, hashtext(${s.source}))`.execute(tx);
  const last = await tx.selectFrom('verification_snapshots').select((eb) => eb.fn.max('version').as('v')).where('source', '=', s.source).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  const row = await tx.insertInto('verification_snapshots')
    .values({ source: s.source, version, snapshot_date: s.snapshotDate, via: s.via, file_name: s.fileName, row_count: s.rows, area_code: s.areaCode, imported_by: s.by })
    .returning(['id', 'version']).executeTakeFirstOrThrow();
  return { id: Number(row.id), version: row.version };
}

export async function insertRecords(tx: Kysely<DB>, snapshotId: number, records: readonly PartnerRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 1000) {
    await tx.insertInto('verification_records').values(records.slice(i, i + 1000).map((r) => ({
      snapshot_id: snapshotId, row_no: r.rowNo, id_number: r.idNumber, name: r.name, birth_date: r.birthDate, item: r.item, amount: r.amount,
      event_date: r.eventDate, detail: r.detail, official_id_number: r.officialIdNumber, official_name: r.officialName, area_code: r.areaCode, relation: r.relation,
    }))).execute();
  }
}

export function listSnapshots(db: Kysely<DB>, source: string | undefined, limit: number) {
  let q = db.selectFrom('verification_snapshots').selectAll().orderBy('id', 'desc').limit(limit);
  if (source) q = q.where('source', '=', source);
  return q.execute();
}
