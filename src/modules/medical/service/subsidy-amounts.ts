// What the premium subsidy pays per person and group, from the dated parameters (never literals): the
// individual contribution of the insurance year (looked up on 1 January of that year), 特困 in full
// when `hardship_full` holds, 低保 a fixed amount per person and year — looked up on the list's as-of
// date — never more than the contribution.
import type { Database } from '../../../db/engine.ts';
import { ParameterLookupError } from '../../../policy/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { caseParameters } from '../../cases/index.ts';
import type { SubsidyGroup } from '../contract/subsidy.ts';

export const CONTRIBUTION = 'medical.premium.individual_contribution';
export const HARDSHIP_FULL = 'medical.premium_subsidy.hardship_full';
export const DIBAO_AMOUNT = 'medical.premium_subsidy.dibao';

export interface GroupAmount {
  group: SubsidyGroup;
  contributionFen: number;
  subsidyFen: number;
}

export async function subsidyAmounts(db: Database, countyCode: string, year: number, asOf: string): Promise<GroupAmount[]> {
  const params = await caseParameters(db);
  try {
    const contributionFen = Number(params.get(CONTRIBUTION, countyCode, `${year}-01-01`).value);
    const full = params.get(HARDSHIP_FULL, countyCode, asOf).value === true;
    const dibaoFen = Math.min(Number(params.get(DIBAO_AMOUNT, countyCode, asOf).value), contributionFen);
    return [
      // Without full subsidy a 特困 person is subsidised as a 低保 recipient is (the lesser assistance).
      { group: 'hardship', contributionFen, subsidyFen: full ? contributionFen : dibaoFen },
      { group: 'dibao', contributionFen, subsidyFen: dibaoFen },
    ];
  } catch (e) {
    if (e instanceof ParameterLookupError) throw AppError.conflict('parameter_missing', `${year} 年度的资助参保参数没有适用值（${e.parameter}）`, { fields: [{ field: 'year', message: `${year} 年度没有适用的资助参保参数` }] });
    throw e;
  }
}
