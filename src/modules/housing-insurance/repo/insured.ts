// The SQL of insured households (参保农户): generation from the registry (one INSERT … SELECT of the
// county's rural-hukou households), the insurer's accepted list (one INSERT … ON CONFLICT from the
// file's rows), a page by village, and the insured row of one household.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { InsuredSource, Structure } from '../codes.ts';

export interface PolicyKey { county_code: string; id: number }

/** Every rural-hukou household of the county not yet insured under the policy; returns how many were added. */
export async function insureFromRegistry(tx: Kysely<DB>, p: PolicyKey, on: string): Promise<number> {
  const r = await sql`
    insert into housing_insurance_insured (county_code, policy_id, household_id, area_code, structure, source, added_on)
    select h.county_code, ${p.id}, h.id, h.village_code, null, 'registry', ${on}::date
    from households h where h.county_code = ${p.county_code} and h.hukou = 'rural'
    on conflict (county_code, policy_id, household_id) do nothing`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

export async function insuredTotal(db: Kysely<DB>, p: PolicyKey): Promise<number> {
  const r = await db.selectFrom('housing_insurance_insured').select(sql<number>`count(*)::int`.as('n')).where('county_code', '=', p.county_code).where('policy_id', '=', p.id).executeTakeFirst();
  return r?.n ?? 0;
}

/** The county's households by number and by the head's ID number (the import's keys), for the keys given. */
export async function householdsByKeys(db: Kysely<DB>, county: string, householdNos: readonly string[], headIds: readonly string[]) {
  if (householdNos.length === 0 && headIds.length === 0) return [];
  const { rows } = await sql<{ id: number; household_no: string; village_code: string; hukou: string; head_id: string | null }>`
    select h.id, h.household_no, h.village_code, h.hukou,
      (select m.id_number from members m where m.county_code = h.county_code and m.household_id = h.id and m.relation = 'head' order by m.id limit 1) as head_id
    from households h
    where h.county_code = ${county} and (h.household_no = any (${sql`cast(${`{${householdNos.join(',')}}`} as text[])`})
      or exists (select 1 from members m where m.county_code = h.county_code and m.household_id = h.id and m.relation = 'head'
                 and m.id_number = any (${sql`cast(${`{${headIds.join(',')}}`} as text[])`})))`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Writes the accepted list's rows (insert, or the structure and source of a household already insured). */
export async function upsertInsured(tx: Kysely<DB>, p: PolicyKey, rows: readonly { householdId: number; areaCode: string; structure: Structure }[], on: string): Promise<{ added: number; updated: number }> {
  if (rows.length === 0) return { added: 0, updated: 0 };
  const data = JSON.stringify(rows.map((r) => ({ household_id: r.householdId, area_code: r.areaCode, structure: r.structure })));
  // Counted against the rows there before the statement, not by `xmax = 0`: PostgreSQL refuses a system column in
  // the RETURNING of an upsert into a partitioned table (src/db/partition.ts).
  const { rows: out } = await sql<{ written: number; existed: number }>`
    with d as (select * from jsonb_to_recordset(cast(${data} as jsonb)) as d (household_id bigint, area_code text, structure text)),
    existed as (
      select i.household_id from housing_insurance_insured i join d on d.household_id = i.household_id
      where i.county_code = ${p.county_code} and i.policy_id = ${p.id}),
    w as (
      insert into housing_insurance_insured (county_code, policy_id, household_id, area_code, structure, source, added_on)
      select ${p.county_code}, ${p.id}, d.household_id, d.area_code, d.structure, 'insurer', ${on}::date from d
      on conflict (county_code, policy_id, household_id) do update set structure = excluded.structure, source = 'insurer'
      returning household_id)
    select (select count(*) from w)::int as written, (select count(*) from existed)::int as existed`.execute(tx);
  const written = out[0]?.written ?? 0;
  const updated = out[0]?.existed ?? 0;
  return { added: written - updated, updated };
}

export interface InsuredRow {
  household_id: number; household_no: string; area_code: string; village_name: string; structure: Structure | null; source: InsuredSource; added_on: string;
  head_name: string | null; head_id: string | null;
}

export async function insuredPage(db: Kysely<DB>, p: PolicyKey, visible: Expression<SqlBool>, f: { village?: string | undefined; limit: number; after?: number | undefined }): Promise<InsuredRow[]> {
  let q = db.selectFrom('housing_insurance_insured as i')
    .innerJoin('households as h', (j) => j.onRef('h.county_code', '=', 'i.county_code').onRef('h.id', '=', 'i.household_id'))
    .innerJoin('areas as v', 'v.code', 'i.area_code')
    .select(['i.household_id', 'h.household_no', 'i.area_code', 'v.name as village_name', 'i.structure', 'i.source', 'i.added_on',
      sql<string | null>`(select m.name from members m where m.county_code = h.county_code and m.household_id = h.id and m.relation = 'head' order by m.id limit 1)`.as('head_name'),
      sql<string | null>`(select m.id_number from members m where m.county_code = h.county_code and m.household_id = h.id and m.relation = 'head' order by m.id limit 1)`.as('head_id')])
    .where('i.county_code', '=', p.county_code).where('i.policy_id', '=', p.id).where(visible);
  if (f.village !== undefined) q = q.where('i.area_code', '=', f.village);
  if (f.after !== undefined) q = q.where('i.household_id', '>', f.after);
  const rows = await q.orderBy('i.household_id').limit(f.limit).execute();
  return rows.map((r) => ({ ...r, household_id: Number(r.household_id) }));
}

/** The insured row of a household under a policy, if any. */
export async function insuredOf(db: Kysely<DB>, p: PolicyKey, householdId: number) {
  return db.selectFrom('housing_insurance_insured').select(['household_id', 'area_code', 'structure', 'source'])
    .where('county_code', '=', p.county_code).where('policy_id', '=', p.id).where('household_id', '=', householdId).executeTakeFirst();
}
