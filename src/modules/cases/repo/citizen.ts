// Cases of a citizen's own households (the portal): by case number, only where the household is theirs.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { CitizenScope } from '../../../kernel/scope.ts';

export async function citizenCaseRows(db: Kysely<DB>, scope: CitizenScope, caseNos: readonly string[]) {
  if (caseNos.length === 0 || scope.households.length === 0) return [];
  return db
    .selectFrom('cases as c')
    .innerJoin('households as h', (j) => j.onRef('h.county_code', '=', 'c.county_code').onRef('h.id', '=', 'c.household_id'))
    .select(['c.case_no', 'c.programme', 'c.rule_set', 'c.state'])
    .where('c.case_no', 'in', [...caseNos])
    .where('h.household_no', 'in', [...scope.households])
    .execute();
}
