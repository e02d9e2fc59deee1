// The explanation of one registry household for a month: dibao benefit, near-dibao and
// single-person dibao, each with its steps and the parameter values (area, reference) they read.
import type { Database } from '../../../db/engine.ts';
import { allow, type Scope } from '../../../db/scope.ts';
import { AppError } from '../../../lib/errors.ts';
import { maskName } from '../../../lib/mask.ts';
import { dibaoBenefit, explain, nearDibao, ParameterLookupError, singlePersonDibao, type Explained, type HouseholdFacts, type ParameterSet } from '../../../policy/index.ts';
import { householdFactsFromRegistry } from '../facts-from-registry.ts';
import { findRegistryHousehold } from '../repo/household.ts';
import { databaseParameterSet } from './parameters.ts';

export type Explanation = {
  householdNo: string;
  month: string;
  members: { id: string; name: string; relation: string; hukou: string }[];
  dibaoBenefit: Explained<unknown>;
  nearDibao: Explained<unknown>;
  singlePersonDibao: Explained<unknown>;
};

export function explainFacts(params: ParameterSet, facts: HouseholdFacts, month: string) {
  const request = { params, period: month };
  try {
    return {
      dibaoBenefit: explain(request, facts.areaCode, (t) => dibaoBenefit(t, facts)),
      nearDibao: explain(request, facts.areaCode, (t) => nearDibao(t, facts)),
      singlePersonDibao: explain(request, facts.areaCode, (t) => singlePersonDibao(t, facts)),
    };
  } catch (e) {
    if (e instanceof ParameterLookupError) throw new AppError('parameter_missing', e.message, 422, { parameter: e.parameter });
    throw e;
  }
}

export async function explainHousehold(db: Database, scope: Scope, householdNo: string, month: string): Promise<Explanation> {
  allow(scope, 'policy.read');
  allow(scope, 'registry.read');
  const record = await findRegistryHousehold(db.kysely, scope, householdNo);
  if (!record) throw AppError.notFound('家庭', householdNo);
  const facts = householdFactsFromRegistry(record);
  return {
    householdNo,
    month,
    members: record.members.map((m) => ({ id: String(m.id), name: maskName(m.name), relation: m.relation, hukou: m.hukou })),
    ...explainFacts(await databaseParameterSet(db), facts, month),
  };
}
