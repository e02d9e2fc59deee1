// Dibao eligibility (社会救助暂行办法 art. 9; 审核确认办法 art. 3; 审核审批办法（试行）art. 3):
// per-capita monthly income of the counted members strictly below the household's monthly standard,
// and property within limits. Income equal to the standard is not eligible.
import type { Trace } from '../explain.ts';
import type { HouseholdFacts, PersonFacts } from '../facts.ts';
import { householdStandard, memberStandards } from './dibao-standard.ts';
import { countedMembers } from './household-members.ts';
import { perCapitaMonthlyIncome } from './per-capita-income.ts';
import { type PropertyFailure, propertyWithinLimits } from './property-limits.ts';

export type DibaoAssessment = {
  eligible: boolean;
  perCapitaIncome: number;
  standard: number;
  incomeBelowStandard: boolean;
  propertyWithinLimits: boolean;
  propertyFailures: PropertyFailure[];
  members: string[];
};

/** The assessment plus what benefit formulas reuse: counted members and each one's standard. */
export type DibaoContext = { assessment: DibaoAssessment; members: PersonFacts[]; standards: Map<string, number> };

export function assessDibao(t: Trace, household: HouseholdFacts): DibaoContext {
  const members = countedMembers(t, household);
  const standards = memberStandards(t, members);
  const standard = householdStandard(t, standards);
  const perCapitaIncome = perCapitaMonthlyIncome(t, household, members);
  const incomeBelowStandard = t.step('dibao.income_below_standard', perCapitaIncome < standard);
  const standardSum = [...standards.values()].reduce((a, b) => a + b, 0);
  const property = propertyWithinLimits(t, household, standardSum);
  const eligible = t.step('dibao.eligible', incomeBelowStandard && property.withinLimits);
  return {
    assessment: {
      eligible,
      perCapitaIncome,
      standard,
      incomeBelowStandard,
      propertyWithinLimits: property.withinLimits,
      propertyFailures: property.failures,
      members: members.map((m) => m.id),
    },
    members,
    standards,
  };
}

export function dibaoEligibility(t: Trace, household: HouseholdFacts): DibaoAssessment {
  return assessDibao(t, household).assessment;
}
