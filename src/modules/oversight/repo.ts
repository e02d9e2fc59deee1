// The only SQL of the oversight module: complaints (举报), feedback to complainants and fraud recoveries.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { inArea, inScope, type Scope } from '../../kernel/scope.ts';
import type { ComplaintRow, NewComplaint } from './tables.ts';
import { nextSerialNo } from '../../kernel/serials.ts';

export async function nextComplaintNo(tx: Kysely<DB>, countyCode: string, year: string): Promise<string> {
  return nextSerialNo(tx, 'JB', countyCode, year);
}

export async function insertComplaint(tx: Kysely<DB>, row: NewComplaint): Promise<number> {
  return (await tx.insertInto('complaints').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export type ComplaintWithCase = ComplaintRow & { case_no: string | null; household_id: number | null };

export async function findComplaint(db: Kysely<DB>, scope: Scope, complaintNo: string): Promise<ComplaintWithCase | undefined> {
  return db.selectFrom('complaints').leftJoin('cases', (j) => j.onRef('cases.county_code', '=', 'complaints.county_code').onRef('cases.id', '=', 'complaints.case_id'))
    .selectAll('complaints').select(['cases.case_no', 'cases.household_id'])
    .where('complaints.complaint_no', '=', complaintNo).where(inScope(scope, 'complaints.area_code')).executeTakeFirst();
}

export async function lockComplaint(tx: Kysely<DB>, countyCode: string, id: number): Promise<ComplaintRow> {
  return tx.selectFrom('complaints').selectAll().where('county_code', '=', countyCode).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export async function updateComplaint(tx: Kysely<DB>, c: ComplaintRow, patch: Partial<Pick<ComplaintRow, 'status' | 'assignee' | 'assigned_on' | 'conclusion' | 'finding' | 'concluded_on' | 'closed_on' | 'case_flagged'>>): Promise<void> {
  await tx.updateTable('complaints').set({ ...patch, version: c.version + 1 }).where('county_code', '=', c.county_code).where('id', '=', c.id).execute();
}

export async function listComplaints(db: Kysely<DB>, scope: Scope, f: { area?: string | undefined; status?: string | undefined; limit: number; afterId?: number | undefined }) {
  let q = db.selectFrom('complaints').leftJoin('cases', (j) => j.onRef('cases.county_code', '=', 'complaints.county_code').onRef('cases.id', '=', 'complaints.case_id'))
    .selectAll('complaints').select(['cases.case_no', 'cases.household_id']).where(inScope(scope, 'complaints.area_code'));
  if (f.area) q = q.where(inArea(f.area, 'complaints.area_code'));
  if (f.status) q = q.where('complaints.status', '=', f.status as ComplaintRow['status']);
  if (f.afterId !== undefined) q = q.where('complaints.id', '<', f.afterId);
  return q.orderBy('complaints.id', 'desc').limit(f.limit).execute();
}

export async function insertFeedback(tx: Kysely<DB>, row: { county_code: string; complaint_id: number; on_date: string; channel: 'phone' | 'letter' | 'visit' | 'sms' | 'online'; content: string; recorded_by: string }): Promise<void> {
  await tx.insertInto('complaint_feedback').values(row).execute();
}

export async function listFeedback(db: Kysely<DB>, countyCode: string, complaintId: number) {
  return db.selectFrom('complaint_feedback').selectAll().where('county_code', '=', countyCode).where('complaint_id', '=', complaintId).orderBy('id').execute();
}

export async function insertRecovery(tx: Kysely<DB>, row: { county_code: string; complaint_id: number; case_id: number; household_id: number; obtained_fen: number; recovered_fen: number; fine_multiple: number; fine_fen: number; decided_on: string; note: string; created_by: string }): Promise<number> {
  return (await tx.insertInto('fraud_recoveries').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function listRecoveries(db: Kysely<DB>, countyCode: string, complaintId: number) {
  return db.selectFrom('fraud_recoveries').selectAll().where('county_code', '=', countyCode).where('complaint_id', '=', complaintId).orderBy('id').execute();
}

/** Named complaints a citizen made through the portal on a day (their daily limit). */
export async function countNamedOn(db: Kysely<DB>, idNumber: string, day: string): Promise<number> {
  const row = await db.selectFrom('complaints').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('complainant_id_number', '=', idNumber).where('received_on', '=', day).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A citizen's own named complaints (by the ID number they signed in with), newest first. */
export async function complaintsOfComplainant(db: Kysely<DB>, idNumber: string): Promise<ComplaintRow[]> {
  return db.selectFrom('complaints').selectAll().where('complainant_id_number', '=', idNumber).where('anonymous', '=', false).orderBy('id', 'desc').limit(200).execute();
}

/** Complaints in scope not yet closed (待办). */
export async function openComplaintCount(db: Kysely<DB>, scope: Scope): Promise<number> {
  const r = await db.selectFrom('complaints').select((eb) => eb.fn.countAll<string>().as('n'))
    .where(inScope(scope, 'complaints.area_code')).where('complaints.status', '<>', 'closed').executeTakeFirstOrThrow();
  return Number(r.n);
}
