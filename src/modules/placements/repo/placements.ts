// Placements: scoped by the person's area (the case's village), like the case they come from; the
// open placement of a person locked for a change; the residents of an institution.
import { sql, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inScope, type Scope } from '../../../kernel/scope.ts';
import type { InstitutionPlacementTable, PlacementStatus } from '../tables.ts';

export interface PlacementRow {
  county_code: string;
  id: number;
  institution_id: number;
  institution_name: string;
  case_id: number;
  case_no: string;
  household_id: number;
  member_id: number;
  name: string;
  id_number: string;
  area_code: string;
  status: PlacementStatus;
  requested_on: string;
  admitted_on: string | null;
  bed_label: string | null;
  self_care_level: InstitutionPlacementTable['self_care_level'];
  care_fee_fen: number | null;
  discharged_on: string | null;
  discharge_kind: InstitutionPlacementTable['discharge_kind'];
  discharge_reason: string;
  transferred_to: number | null;
  transferred_from: number | null;
  version: number;
  case_context: Record<string, unknown>;
}

const base = (db: Kysely<DB>) => db.selectFrom('institution_placements as p')
  .innerJoin('institutions as i', (j) => j.onRef('i.county_code', '=', 'p.county_code').onRef('i.id', '=', 'p.institution_id'))
  .innerJoin('cases as c', (j) => j.onRef('c.county_code', '=', 'p.county_code').onRef('c.id', '=', 'p.case_id'))
  .innerJoin('members as m', (j) => j.onRef('m.county_code', '=', 'p.county_code').onRef('m.id', '=', 'p.member_id'))
  .select([
    'p.county_code', 'p.id', 'p.institution_id', 'i.name as institution_name', 'p.case_id', 'c.case_no', 'p.household_id', 'p.member_id', 'm.name', 'm.id_number',
    'p.area_code', 'p.status', 'p.requested_on', 'p.admitted_on', 'p.bed_label', 'p.self_care_level', 'p.care_fee_fen', 'p.discharged_on', 'p.discharge_kind',
    'p.discharge_reason', 'p.transferred_to', 'p.transferred_from', 'p.version', 'c.context as case_context',
  ]);

const normal = (r: Record<string, unknown>): PlacementRow => ({ ...(r as unknown as PlacementRow), id: Number(r.id), care_fee_fen: r.care_fee_fen === null ? null : Number(r.care_fee_fen) });

/** A placement in the scope (by the person's area), or undefined exactly as a missing one. */
export async function findPlacement(db: Kysely<DB>, scope: Scope, id: number): Promise<PlacementRow | undefined> {
  const r = await base(db).where('p.id', '=', id).where(inScope(scope, 'p.area_code')).executeTakeFirst();
  return r ? normal(r) : undefined;
}

/** The residents (and pending placements) of an institution that the scope sees. */
export async function placementsOf(db: Kysely<DB>, scope: Scope, countyCode: string, institutionId: number, status?: PlacementStatus): Promise<PlacementRow[]> {
  let q = base(db).where('p.county_code', '=', countyCode).where('p.institution_id', '=', institutionId).where(inScope(scope, 'p.area_code'));
  if (status) q = q.where('p.status', '=', status);
  return (await q.orderBy(sql`case p.status when 'admitted' then 0 when 'pending' then 1 else 2 end`).orderBy('p.admitted_on', 'desc').orderBy('p.id', 'desc').limit(1000).execute()).map(normal);
}

/** The person's open (pending or admitted) placement, locked. */
export async function lockOpen(tx: Kysely<DB>, countyCode: string, memberId: number) {
  return tx.selectFrom('institution_placements').selectAll().where('county_code', '=', countyCode).where('member_id', '=', memberId)
    .where('status', 'in', ['pending', 'admitted']).forUpdate().executeTakeFirst();
}

export async function lockPlacement(tx: Kysely<DB>, countyCode: string, id: number) {
  return tx.selectFrom('institution_placements').selectAll().where('county_code', '=', countyCode).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export async function insertPlacement(tx: Kysely<DB>, p: {
  county_code: string; institution_id: number; case_id: number; household_id: number; member_id: number; area_code: string; status: 'pending' | 'admitted';
  requested_on: string; admitted_on?: string | null; bed_label?: string | null; self_care_level?: InstitutionPlacementTable['self_care_level']; care_fee_fen?: number | null; transferred_from?: number | null;
}): Promise<number> {
  const r = await tx.insertInto('institution_placements').values(p).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updatePlacement(tx: Kysely<DB>, countyCode: string, id: number, patch: Updateable<InstitutionPlacementTable>): Promise<void> {
  await tx.updateTable('institution_placements').set({ ...patch, version: sql`version + 1` }).where('county_code', '=', countyCode).where('id', '=', id).execute();
}
