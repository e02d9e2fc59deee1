// The SQL of 农房保险 claims: one claim with what its views show (policy, event, household, the sum insured
// of its structure, the damage register's grade), pages of claims in a scope, writing and moving a claim.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ClaimStatus, Grade, Structure } from '../codes.ts';

export interface ClaimRow {
  county_code: string; id: number; claim_no: string; policy_id: number; event_id: number; damage_entry_id: number; household_id: number; area_code: string;
  reported_on: string; status: ClaimStatus; structure: Structure; assessed_grade: Grade | null; assessed_loss_fen: number | null; payable_fen: number | null;
  basis: unknown; assessed_on: string | null; paid_fen: number | null; paid_on: string | null; payment_ref: string | null; refused_on: string | null;
  refusal_reason: string | null; note: string; version: number;
  county_name: string; year: number; policy_no: string; event_no: string; event_name: string; event_started_on: string; household_no: string; head_name: string | null;
  village_name: string; sum_fen: number | null; registered_grade: Grade | null; entry_status: 'recorded' | 'verified' | 'void' | null;
}

const SELECT = sql`
  select c.county_code, c.id, c.claim_no, c.policy_id, c.event_id, c.damage_entry_id, c.household_id, c.area_code, c.reported_on, c.status, c.structure,
    c.assessed_grade, c.assessed_loss_fen, c.payable_fen, c.basis, c.assessed_on, c.paid_fen, c.paid_on, c.payment_ref, c.refused_on, c.refusal_reason, c.note, c.version,
    ca.name as county_name, p.year, p.policy_no, e.event_no, e.name as event_name, e.started_on as event_started_on, h.household_no,
    (select m.name from members m where m.county_code = h.county_code and m.household_id = h.id and m.relation = 'head' order by m.id limit 1) as head_name,
    v.name as village_name, s.sum_fen, d.house_grade as registered_grade, d.status as entry_status
  from housing_insurance_claims c
  join housing_insurance_policies p on p.county_code = c.county_code and p.id = c.policy_id
  join areas ca on ca.code = c.county_code
  join disaster_events e on e.county_code = c.county_code and e.id = c.event_id
  join households h on h.county_code = c.county_code and h.id = c.household_id
  join areas v on v.code = c.area_code
  left join housing_insurance_sums s on s.county_code = c.county_code and s.policy_id = c.policy_id and s.structure = c.structure
  left join disaster_damage_entries d on d.county_code = c.county_code and d.id = c.damage_entry_id`;

const normal = (r: ClaimRow): ClaimRow => ({
  ...r, id: Number(r.id), policy_id: Number(r.policy_id), event_id: Number(r.event_id), damage_entry_id: Number(r.damage_entry_id), household_id: Number(r.household_id),
  assessed_loss_fen: r.assessed_loss_fen === null ? null : Number(r.assessed_loss_fen), payable_fen: r.payable_fen === null ? null : Number(r.payable_fen),
  paid_fen: r.paid_fen === null ? null : Number(r.paid_fen), sum_fen: r.sum_fen === null ? null : Number(r.sum_fen),
});

export async function claimByNo(db: Kysely<DB>, claimNo: string): Promise<ClaimRow | undefined> {
  const { rows } = await sql<ClaimRow>`${SELECT} where c.claim_no = ${claimNo}`.execute(db);
  return rows[0] && normal(rows[0]);
}

export interface ClaimFilter { area?: string | undefined; year?: number | undefined; eventNo?: string | undefined; status?: ClaimStatus | undefined; after?: number | undefined; limit: number }

export async function claimPage(db: Kysely<DB>, visible: Expression<SqlBool>, area: Expression<SqlBool> | null, f: ClaimFilter): Promise<ClaimRow[]> {
  const where = [visible];
  if (area) where.push(area);
  if (f.year !== undefined) where.push(sql<SqlBool>`p.year = ${f.year}`);
  if (f.eventNo !== undefined) where.push(sql<SqlBool>`e.event_no = ${f.eventNo}`);
  if (f.status !== undefined) where.push(sql<SqlBool>`c.status = ${f.status}`);
  if (f.after !== undefined) where.push(sql<SqlBool>`c.id < ${f.after}`);
  const { rows } = await sql<ClaimRow>`${SELECT} where ${sql.join(where, sql` and `)} order by c.id desc limit ${f.limit}`.execute(db);
  return rows.map(normal);
}

/** The live (not refused) claim of a household in an event under a policy, if any. */
export async function liveClaim(db: Kysely<DB>, county: string, policyId: number, householdId: number, eventId: number) {
  return db.selectFrom('housing_insurance_claims').select(['claim_no', 'status']).where('county_code', '=', county).where('policy_id', '=', policyId)
    .where('household_id', '=', householdId).where('event_id', '=', eventId).where('status', '<>', 'refused').executeTakeFirst();
}

export async function insertClaim(tx: Kysely<DB>, v: { county: string; claimNo: string; policyId: number; eventId: number; entryId: number; householdId: number; areaCode: string; reportedOn: string; reportedBy: string; structure: Structure; note: string }) {
  await tx.insertInto('housing_insurance_claims').values({
    county_code: v.county, claim_no: v.claimNo, policy_id: v.policyId, event_id: v.eventId, damage_entry_id: v.entryId, household_id: v.householdId,
    area_code: v.areaCode, reported_on: v.reportedOn, reported_by: v.reportedBy, structure: v.structure, note: v.note,
  }).execute();
}

type ClaimSet = Partial<{
  status: ClaimStatus; assessed_grade: Grade; assessed_loss_fen: number; payable_fen: number; basis: string; assessed_on: string; assessed_by: string;
  paid_fen: number; paid_on: string; payment_ref: string; refused_on: string; refusal_reason: string;
}>;

/** Moves a claim from one of `from`, at its version; false when it moved meanwhile. */
export async function moveClaim(tx: Kysely<DB>, c: Pick<ClaimRow, 'county_code' | 'id' | 'version'>, from: readonly ClaimStatus[], set: ClaimSet): Promise<boolean> {
  const r = await tx.updateTable('housing_insurance_claims').set({ ...set, version: c.version + 1 })
    .where('county_code', '=', c.county_code).where('id', '=', c.id).where('version', '=', c.version).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every claim of a policy in the caller's subtree (the reconciliation's set), oldest first. */
export async function claimsOfPolicy(db: Kysely<DB>, county: string, policyId: number, visible: Expression<SqlBool>): Promise<ClaimRow[]> {
  const { rows } = await sql<ClaimRow>`${SELECT} where c.county_code = ${county} and c.policy_id = ${policyId} and ${visible} order by c.id`.execute(db);
  return rows.map(normal);
}
