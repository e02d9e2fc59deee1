// Requests, findings and authorizations: the module's reads and writes of case-bound rows.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import type { Resolution } from '../tables.ts';

export function listAuthorizations(db: Kysely<DB>, countyCode: string, householdId: number) {
  return db.selectFrom('verification_authorizations').selectAll().where('county_code', '=', countyCode).where('household_id', '=', householdId).orderBy('id').execute();
}

export async function insertRequest(tx: Kysely<DB>, r: { county: string; caseId: number; householdId: number; areaCode: string; on: string; by: string; persons: number; snapshots: number[] }) {
  const row = await sql<{ id: number; request_no: string }>`
    insert into verification_requests (county_code, request_no, kind, case_id, household_id, area_code, requested_on, requested_by, persons, snapshots)
    values (${r.county}, 'HD' || ${r.county} || ${r.on.slice(0, 4)} || lpad(nextval('verification_request_no_seq')::text, 8, '0'), 'application', ${r.caseId}, ${r.householdId},
      ${r.areaCode}, ${r.on}::date, ${r.by}, ${r.persons}, cast(${JSON.stringify(r.snapshots)} as jsonb))
    returning id, request_no`.execute(tx);
  const first = row.rows[0]!;
  return { id: Number(first.id), requestNo: first.request_no };
}

/** The case's own requests and the rescreen requests (one per county and run) that found something on it. */
export function requestsOfCase(db: Kysely<DB>, countyCode: string, caseId: number) {
  return db.selectFrom('verification_requests as r').selectAll('r').where('r.county_code', '=', countyCode)
    .where((eb) => eb.or([
      eb('r.case_id', '=', caseId),
      eb('r.id', 'in', eb.selectFrom('verification_findings as f').select('f.request_id').where('f.county_code', '=', countyCode).where('f.case_id', '=', caseId)),
    ]))
    .orderBy('r.id').execute();
}

export function findingsOfCase(db: Kysely<DB>, countyCode: string, caseId: number) {
  return db.selectFrom('verification_findings').selectAll().where('county_code', '=', countyCode).where('case_id', '=', caseId).orderBy('request_id').orderBy('id').execute();
}

/** Per request of the case: findings, unresolved and confirmed ones that break a limit. */
export async function requestSummaries(db: Kysely<DB>, countyCode: string, caseId: number) {
  const { rows } = await sql<{ request_no: string; kind: 'application' | 'rescreen'; requested_on: string; findings: string; unresolved: string; confirmed: string }>`
    select r.request_no, r.kind, r.requested_on,
      count(f.id) as findings,
      count(f.id) filter (where f.breaks_limit and f.resolution is null) as unresolved,
      count(f.id) filter (where f.breaks_limit and f.resolution = 'confirmed') as confirmed
    from verification_requests r left join verification_findings f on f.county_code = r.county_code and f.request_id = r.id and f.case_id = ${caseId}
    where r.county_code = ${countyCode} and (r.case_id = ${caseId}
      or r.id in (select request_id from verification_findings x where x.county_code = ${countyCode} and x.case_id = ${caseId}))
    group by r.id, r.request_no, r.kind, r.requested_on order by r.id`.execute(db);
  return rows.map((r) => ({ requestNo: r.request_no, kind: r.kind, requestedOn: r.requested_on, findings: Number(r.findings), unresolvedBreaking: Number(r.unresolved), confirmedBreaking: Number(r.confirmed) }));
}

export function findFinding(db: Kysely<DB>, scope: Scope, id: number) {
  return db.selectFrom('verification_findings as f')
    .innerJoin('cases as c', (j) => j.onRef('c.county_code', '=', 'f.county_code').onRef('c.id', '=', 'f.case_id'))
    .selectAll('f').select(['c.case_no', 'c.state'])
    .where('f.id', '=', id).where(inScope(scope, 'f.area_code')).executeTakeFirst();
}

export async function resolveFinding(tx: Kysely<DB>, countyCode: string, id: number, r: { resolution: Resolution; note: string; by: string; on: string }) {
  await tx.updateTable('verification_findings').set({ resolution: r.resolution, note: r.note, resolved_by: r.by, resolved_on: r.on }).where('county_code', '=', countyCode).where('id', '=', id).execute();
}
