// The explanation of one registry household for a month: dibao benefit, near-dibao and
// single-person dibao, each with its steps and the parameter values (area, reference) they read.
import type { Database } from '../../../db/engine.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskName } from '../../../kernel/mask.ts';
import { dibaoBenefit, dibaoWorksheet, explain, nearDibao, ParameterLookupError, singlePersonDibao, type Explained, type HouseholdFacts, type ParameterSet, type WorksheetLine } from '../../../policy/index.ts';
import { householdFactsFromRegistry, registryHousehold } from '../../registry/index.ts';
import { databaseParameterSet } from './parameters.ts';

export type Explanation = {
  householdNo: string;
  month: string;
  members: { id: string; name: string; relation: string; hukou: string }[];
  dibaoBenefit: Explained<unknown>;
  nearDibao: Explained<unknown>;
  singlePersonDibao: Explained<unknown>;
  worksheet: WorksheetLine[];
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
    if (e instanceof ParameterLookupError) throw new AppError('parameter_missing', e.message, 409, { parameter: e.parameter });
    throw e;
  }
}

export async function explainHousehold(db: Database, scope: Scope, householdNo: string, month: string): Promise<Explanation> {
  allow(scope, 'policy.read');
  const record = await registryHousehold(db, scope, householdNo);
  const facts = householdFactsFromRegistry(record);
  const members = record.members.map((m) => ({ id: String(m.id), name: maskName(m.name), relation: m.relation, hukou: m.hukou }));
  const explained = explainFacts(await databaseParameterSet(db), facts, month);
  return { householdNo, month, members, ...explained, worksheet: dibaoWorksheet(explained.dibaoBenefit, members) };
}
