// The amount of a decision: the programme's benefit (facts → formula) on the household's registry facts
// at the decision date and the case's context, frozen with its explanation on the decision row (it never
// changes afterwards: a later change is a new decision). The parameter values it read are marked used.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { ParameterSet, RuleSet } from '../../../policy/index.ts';
import type { BenefitDecision, ProgrammeModule } from '../../../programmes/types.ts';
import type { CaseContext } from '../../../workflow/definition.ts';
import { markParametersUsed } from '../../policy/index.ts';
import { householdFactsFromRegistry, registryHouseholdById } from '../../registry/index.ts';
import type { CaseRow } from '../repo/cases.ts';
import { hookCase, hooksOf } from './programme-hooks.ts';

/** The programme's benefit on the registry facts now, without marking anything: the decision or the refusal. */
export async function benefitOf(db: Kysely<DB>, params: ParameterSet, programme: ProgrammeModule, c: CaseRow, context: CaseContext, date: string, ruleSet: RuleSet): Promise<BenefitDecision | AppError> {
  if (!programme.benefit) throw new Error(`programme ${programme.code} decides no amount`);
  const household = householdFactsFromRegistry(await registryHouseholdById(db, c.county_code, c.household_id));
  const ledger = (await hooksOf(programme.code).ledger?.(db, hookCase(c, context), date)) ?? {};
  const out = programme.benefit.decide({ household, applicantId: String(c.applicant_member_id), context, params, ruleSet, date, areaCode: c.area_code, ledger });
  return 'code' in out ? new AppError(out.code, out.message, out.status ?? 409) : out;
}

export async function computeAmount(tx: Kysely<DB>, params: ParameterSet, programme: ProgrammeModule, c: CaseRow, context: CaseContext, date: string, ruleSet: RuleSet): Promise<BenefitDecision> {
  const out = await benefitOf(tx, params, programme, c, context, date, ruleSet);
  if (out instanceof AppError) throw out;
  await markParametersUsed(tx, out.explanation.steps.flatMap((s) => s.parameters));
  return out;
}
