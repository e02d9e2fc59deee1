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

/** The LIKE pattern of `s` anywhere, its own % _ and \ taken literally (`prefix`: at the start only). */
const likePattern = (s: string, prefix: boolean) => `${prefix ? '' : '%'}${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The current cases in scope (pending, in payment, suspended) of the person or household a complaint names: by a
 * member's full ID number, or by the applicant's or a member's name (its start) or a part of the household's address.
 */
export async function casesForSubject(db: Kysely<DB>, scope: Scope, q: { idNumber: string } | { text: string }, phases: readonly Phase[], limit: number) {
  let query = db.selectFrom('cases as c')
    .innerJoin('households as h', (j) => j.onRef('h.county_code', '=', 'c.county_code').onRef('h.id', '=', 'c.household_id'))
    .innerJoin('areas as v', 'v.code', 'c.area_code')
    .select(['c.case_no', 'c.programme', 'c.rule_set', 'c.state', 'c.applicant_name', 'c.applicant_id_number', 'h.household_no', 'v.name as village_name', 'h.address'])
    .where('c.phase', 'in', phases)
    .where(rootFilter(scope, { area: 'c.area_code' }));
  if ('idNumber' in q) {
    const id = q.idNumber;
    query = query.where((eb) => eb.or([
      eb('c.applicant_id_number', '=', id),
      eb.exists(eb.selectFrom('members as m').select('m.id').whereRef('m.county_code', '=', 'c.county_code').whereRef('m.household_id', '=', 'c.household_id').where('m.id_number', '=', id)),
    ]));
  } else {
    const name = likePattern(q.text, true);
    query = query.where((eb) => eb.or([
      eb('c.applicant_name', 'like', name),
      eb.exists(eb.selectFrom('members as m').select('m.id').whereRef('m.county_code', '=', 'c.county_code').whereRef('m.household_id', '=', 'c.household_id').where('m.name', 'like', name)),
      eb('h.address', 'like', likePattern(q.text, false)),
    ]));
  }
  return query.orderBy('c.case_no', 'desc').limit(limit).execute();
}
