import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { rootFilter, type Scope } from '../../../kernel/scope.ts';
import type { Phase } from '../../../workflow/definition.ts';

/** Case numbers of a village's cases in the given phases whose applicant or a household member bears the name. */
export async function casesNamed(db: Kysely<DB>, scope: Scope, villageCode: string, name: string, phases: readonly Phase[]): Promise<string[]> {
  const rows = await db.selectFrom('cases as c').select('c.case_no')
    .where('c.county_code', '=', villageCode.slice(0, 6)).where('c.area_code', '=', villageCode)
    .where('c.phase', 'in', phases)
    .where(rootFilter(scope, { area: 'c.area_code' }))
    .where((eb) => eb.or([
      eb('c.applicant_name', '=', name),
      eb.exists(eb.selectFrom('members as m').select('m.id').whereRef('m.county_code', '=', 'c.county_code').whereRef('m.household_id', '=', 'c.household_id').where('m.name', '=', name)),
    ]))
    .orderBy('c.case_no').execute();
  return rows.map((r) => r.case_no);
}
