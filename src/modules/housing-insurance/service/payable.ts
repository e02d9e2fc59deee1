// The payable amount of a claim by the policy formula (src/policy/formulas/housing-insurance.ts) with
// the database's parameters, on the event's date in the claim's village; a missing parameter is 409.
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import { explain, insurancePayable, insuranceStacking, ParameterLookupError, type InsurancePayableClaim } from '../../../policy/index.ts';
import { caseParameters } from '../../cases/index.ts';

export async function payableOf(db: Database, areaCode: string, on: string, claim: InsurancePayableClaim) {
  const params = await caseParameters(db);
  try {
    return explain({ params, period: on }, areaCode, (t) => insurancePayable(t, { ...claim }));
  } catch (e) {
    if (e instanceof ParameterLookupError) throw AppError.conflict('parameter_missing', `${on} 没有适用的农房保险赔付比例（${e.parameter}）`, { fields: [{ field: 'grade', message: `${on} 没有适用的赔付比例参数` }] });
    throw e;
  }
}

/** The stacking rule's verdict for a house paid by the insurer and subsidised (null when no rule applies there). */
export async function stackingChecker(db: Database) {
  const params = await caseParameters(db);
  return (areaCode: string, on: string, insurancePaidFen: number, subsidyFen: number) => {
    try {
      return explain({ params, period: on }, areaCode, (t) => insuranceStacking(t, { insurancePaidFen, subsidyFen })).value;
    } catch (e) {
      if (e instanceof ParameterLookupError) return null;
      throw e;
    }
  };
}
