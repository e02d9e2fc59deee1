// The SQL of 农房保险 policies: one per county and year, with its sums insured by structure.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea } from '../../../kernel/scope.ts';
import type { Peril, Structure } from '../codes.ts';

export interface PolicyRow {
  county_code: string; id: number; year: number; policy_no: string; insurer: string; premium_fen: number; government_permille: number;
  perils: Peril[]; coverage_from: string; coverage_to: string; created_by: string; created_on: string; note: string; county_name: string;
  sums: Partial<Record<Structure, number>>;
}

const base = (db: Kysely<DB>) => db.selectFrom('housing_insurance_policies as p').innerJoin('areas as a', 'a.code', 'p.county_code')
  .select(['p.county_code', 'p.id', 'p.year', 'p.policy_no', 'p.insurer', 'p.premium_fen', 'p.government_permille', 'p.perils', 'p.coverage_from', 'p.coverage_to',
    'p.created_by', 'p.created_on', 'p.note', 'a.name as county_name',
    sql<Record<string, number>>`(select coalesce(jsonb_object_agg(s.structure, s.sum_fen), '{}'::jsonb) from housing_insurance_sums s where s.county_code = p.county_code and s.policy_id = p.id)`.as('sums')]);

const normal = (r: Omit<PolicyRow, 'sums'> & { sums: Record<string, number> }): PolicyRow => ({
  ...r, id: Number(r.id), premium_fen: Number(r.premium_fen),
  sums: Object.fromEntries(Object.entries(r.sums).map(([k, v]) => [k, Number(v)])) as PolicyRow['sums'],
});

export async function policyOf(db: Kysely<DB>, county: string, year: number): Promise<PolicyRow | undefined> {
  const r = await base(db).where('p.county_code', '=', county).where('p.year', '=', year).executeTakeFirst();
  return r && normal(r);
}

export async function policyById(db: Kysely<DB>, county: string, id: number): Promise<PolicyRow | undefined> {
  const r = await base(db).where('p.county_code', '=', county).where('p.id', '=', id).executeTakeFirst();
  return r && normal(r);
}

export async function listPolicies(db: Kysely<DB>, counties: Expression<SqlBool>, f: { area?: string | undefined; year?: number | undefined }): Promise<PolicyRow[]> {
  let q = base(db).where(counties);
  if (f.area !== undefined) q = f.area.length > 6 ? q.where('p.county_code', '=', f.area.slice(0, 6)) : q.where(inArea(f.area, 'p.county_code'));
  if (f.year !== undefined) q = q.where('p.year', '=', f.year);
  return (await q.orderBy('p.year', 'desc').orderBy('p.county_code').limit(500).execute()).map(normal);
}

export interface NewPolicy {
  county: string; year: number; policyNo: string; insurer: string; premiumFen: number; governmentPermille: number; perils: readonly Peril[];
  sums: Record<Structure, number>; coverageFrom: string; coverageTo: string; createdBy: string; createdOn: string; note: string;
}

export async function insertPolicy(tx: Kysely<DB>, p: NewPolicy): Promise<number> {
  const r = await tx.insertInto('housing_insurance_policies').values({
    county_code: p.county, year: p.year, policy_no: p.policyNo, insurer: p.insurer, premium_fen: p.premiumFen, government_permille: p.governmentPermille,
    perils: sql<Peril[]>`cast(${`{${p.perils.join(',')}}`} as text[])`, coverage_from: p.coverageFrom, coverage_to: p.coverageTo,
    created_by: p.createdBy, created_on: p.createdOn, note: p.note,
  }).returning('id').executeTakeFirstOrThrow();
  const id = Number(r.id);
  await tx.insertInto('housing_insurance_sums').values(Object.entries(p.sums).map(([structure, sum]) => ({ county_code: p.county, policy_id: id, structure: structure as Structure, sum_fen: sum }))).execute();
  return id;
}

/** Insured households of the policies in an area filter (the caller's subtree), by policy id. */
export async function insuredCounts(db: Kysely<DB>, policies: readonly Pick<PolicyRow, 'county_code' | 'id'>[], visible: Expression<SqlBool>): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (policies.length === 0) return out;
  const rows = await db.selectFrom('housing_insurance_insured as i').select(['i.policy_id', sql<number>`count(*)::int`.as('n')])
    .where((w) => w.or(policies.map((p) => w.and([w('i.county_code', '=', p.county_code), w('i.policy_id', '=', p.id)]))))
    .where(visible).groupBy('i.policy_id').execute();
  for (const r of rows) out.set(Number(r.policy_id), r.n);
  return out;
}

/** Insured households by village of one policy, in the caller's subtree. */
export async function insuredByVillage(db: Kysely<DB>, p: Pick<PolicyRow, 'county_code' | 'id'>, visible: Expression<SqlBool>) {
  return db.selectFrom('housing_insurance_insured as i').innerJoin('areas as v', 'v.code', 'i.area_code').leftJoin('areas as t', 't.code', 'v.parent_code')
    .select(['i.area_code', 'v.name as village_name', 't.name as township_name', sql<number>`count(*)::int`.as('n')])
    .where('i.county_code', '=', p.county_code).where('i.policy_id', '=', p.id).where(visible)
    .groupBy(['i.area_code', 'v.name', 't.name']).orderBy('i.area_code').execute();
}
