import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { rootFilter, type CitizenScope } from '../../../kernel/scope.ts';

/** The lines of approved payrolls paying the citizen's households, newest month first, with the bank's return. */
export async function citizenLines(db: Kysely<DB>, scope: CitizenScope) {
  return db.selectFrom('payroll_lines as l')
    .innerJoin('payrolls as p', (j) => j.onRef('p.county_code', '=', 'l.county_code').onRef('p.id', '=', 'l.payroll_id'))
    .innerJoin('households as h', (j) => j.onRef('h.county_code', '=', 'l.county_code').onRef('h.id', '=', 'l.household_id'))
    .leftJoin('payroll_returns as r', (j) => j.onRef('r.county_code', '=', 'l.county_code').onRef('r.line_id', '=', 'l.id'))
    .select(['l.period', 'l.programme', 'h.household_no', 'l.name', 'l.payee', 'l.method', 'l.regular_fen', 'l.arrears_fen', 'l.one_off_fen', 'l.reissue_fen', 'l.net_fen', 'p.status', 'r.result', 'r.reason'])
    .where('p.status', 'in', ['approved', 'exported'])
    .where(rootFilter(scope, { area: 'l.area_code', householdNo: 'h.household_no' }))
    .orderBy('l.period', 'desc').orderBy('l.id', 'desc')
    .execute();
}
