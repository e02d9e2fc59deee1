// What the fund paid per county, programme and month: the benefit account of the ledger (approved payrolls,
// net of deductions and bank returns), for other modules (funds: execution of the budget). A township or
// village scope sees none of it (the ledger is the county's), as `GET /payroll/fund`.
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';

export interface ProgrammeSpending {
  countyCode: string;
  programme: string;
  period: string;
  amountFen: number;
}

export async function spendingByProgramme(db: Database, scope: Scope, q: { area: string; from: string; to: string }): Promise<ProgrammeSpending[]> {
  const rows = await db.kysely.selectFrom('payroll_ledger as g')
    .select(['g.county_code', 'g.programme', 'g.period', sql<string>`sum(g.amount_fen)::bigint`.as('amount_fen')])
    .where(scope.prefix.length > 6 ? sql<boolean>`false` : inScope(scope, 'g.county_code'))
    .where(inArea(q.area, 'g.county_code'))
    .where('g.account', '=', 'benefit').where('g.programme', 'is not', null)
    .where('g.period', '>=', q.from).where('g.period', '<=', q.to)
    .groupBy(['g.county_code', 'g.programme', 'g.period']).orderBy('g.county_code').orderBy('g.programme').orderBy('g.period').execute();
  return rows.map((r) => ({ countyCode: r.county_code, programme: r.programme ?? '', period: r.period, amountFen: Number(r.amount_fen) }));
}
