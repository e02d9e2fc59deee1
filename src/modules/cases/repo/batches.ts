import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import { nextSerialNo } from '../../../kernel/serials.ts';

export async function nextBatchNo(tx: Kysely<DB>, countyCode: string, year: string): Promise<string> {
  return nextSerialNo(tx, 'PC', countyCode, year);
}

export async function insertBatch(tx: Kysely<DB>, b: { countyCode: string; batchNo: string; programme: string; createdOn: string; createdBy: string }): Promise<number> {
  const row = await tx.insertInto('case_batches').values({ county_code: b.countyCode, batch_no: b.batchNo, programme: b.programme, created_on: b.createdOn, created_by: b.createdBy }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findBatch(db: Kysely<DB>, scope: Scope, batchNo: string) {
  return db.selectFrom('case_batches').selectAll().where('county_code', '=', batchNo.slice(2, 8)).where('batch_no', '=', batchNo).where(inScope(scope, 'case_batches.county_code')).executeTakeFirst();
}

export async function listBatches(db: Kysely<DB>, scope: Scope, limit: number) {
  return db
    .selectFrom('case_batches as b')
    .selectAll('b')
    .select((eb) => [
      eb.selectFrom('case_batch_members as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.county_code', '=', 'b.county_code').whereRef('m.batch_id', '=', 'b.id').as('size'),
      eb.selectFrom('case_batch_members as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.county_code', '=', 'b.county_code').whereRef('m.batch_id', '=', 'b.id').where('m.sampled', '=', true).as('sampled'),
    ])
    .where(inScope(scope, 'b.county_code'))
    .orderBy('b.id', 'desc')
    .limit(limit)
    .execute();
}

export async function addMembers(tx: Kysely<DB>, countyCode: string, batchId: number, cases: { id: number; flagged: boolean }[]): Promise<void> {
  if (cases.length === 0) return;
  await tx.insertInto('case_batch_members').values(cases.map((c) => ({ county_code: countyCode, batch_id: batchId, case_id: c.id, flagged: c.flagged, sampled: false }))).execute();
}

export async function batchMembers(db: Kysely<DB>, countyCode: string, batchId: number) {
  return db
    .selectFrom('case_batch_members as m')
    .innerJoin('cases as c', (j) => j.onRef('c.county_code', '=', 'm.county_code').onRef('c.id', '=', 'm.case_id'))
    .select(['m.case_id', 'm.flagged', 'm.sampled', 'c.case_no', 'c.state', 'c.area_code', 'c.applicant_name', 'c.household_id', 'c.flags', 'c.rule_set', 'c.programme'])
    .where('m.county_code', '=', countyCode)
    .where('m.batch_id', '=', batchId)
    .orderBy('c.case_no')
    .execute();
}

export async function recordSample(tx: Kysely<DB>, countyCode: string, batchId: number, s: { ratio: number; seed: string; sampledOn: string; caseIds: number[] }): Promise<void> {
  await tx.updateTable('case_batches').set({ ratio: s.ratio, seed: s.seed, sampled_on: s.sampledOn }).where('county_code', '=', countyCode).where('id', '=', batchId).execute();
  if (s.caseIds.length > 0) {
    await tx.updateTable('case_batch_members').set({ sampled: true }).where('county_code', '=', countyCode).where('batch_id', '=', batchId).where('case_id', 'in', s.caseIds).execute();
  }
}

export async function batchOfCase(db: Kysely<DB>, countyCode: string, caseId: number) {
  return db
    .selectFrom('case_batch_members as m')
    .innerJoin('case_batches as b', (j) => j.onRef('b.county_code', '=', 'm.county_code').onRef('b.id', '=', 'm.batch_id'))
    .select(['b.id', 'b.batch_no', 'b.created_on', 'b.sampled_on', 'm.sampled', 'm.flagged'])
    .where('m.county_code', '=', countyCode)
    .where('m.case_id', '=', caseId)
    .executeTakeFirst();
}

/** A flag raised after the draw (a complaint) puts the case in the sample: flagged cases are visited 100%. */
export async function flagMember(tx: Kysely<DB>, countyCode: string, caseId: number, sampled: boolean): Promise<void> {
  await tx.updateTable('case_batch_members').set({ flagged: true, ...(sampled ? { sampled: true } : {}) }).where('county_code', '=', countyCode).where('case_id', '=', caseId).execute();
}
