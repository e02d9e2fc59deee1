// Extreme-hardship (特困) eligibility (社会救助暂行办法 art. 14; 特困人员认定办法 art. 4–8): all three
// of no work capacity (aged ≥ 60, a minor under 16 (cn-2012) or 18 (cn-2021), or a disability at the
// grades of the rule set), no means of living (own income below the dibao standard, property within
// limits), and no legal supporter or one unable to support. Ages and grades are parameters.
import { ageOn } from '../dates.ts';
import type { Trace } from '../explain.ts';
import { findMember, type HouseholdFacts, type PersonFacts } from '../facts.ts';
import { dibaoStandardMonthly } from './dibao-standard.ts';
import { personMonthlyIncome } from './per-capita-income.ts';
import { propertyWithinLimits } from './property-limits.ts';

export type HardshipEligibility = { eligible: boolean; age: number; noWorkCapacity: boolean; noMeansOfLiving: boolean; noAbleSupporter: boolean };

function disabilityQualifies(t: Trace, person: PersonFacts): boolean {
  if (person.disability === null) return false;
  const { kind, grade } = person.disability;
  const parameter = kind === 'intellectual' || kind === 'mental' ? 'max_grade_intellectual_mental'
    : kind === 'physical' ? 'max_grade_physical' : kind === 'visual' ? 'max_grade_visual' : null;
  return parameter !== null && grade <= t.number(`hardship.no_work_capacity.${parameter}`);
}

export function hardshipEligibility(t: Trace, household: HouseholdFacts, personId: string): HardshipEligibility {
  const person = findMember(household, personId);
  const age = t.step(`hardship.${personId}.age`, ageOn(person.birthDate, t.date), 'years');
  const noWorkCapacity = t.step(
    `hardship.${personId}.no_work_capacity`,
    age >= t.number('hardship.no_work_capacity.min_age') ||
      age < t.number('hardship.no_work_capacity.minor_age') ||
      disabilityQualifies(t, person),
  );
  const standard = dibaoStandardMonthly(t, person.hukou);
  const income = personMonthlyIncome(t, person, 'hardship.income.excluded_kinds');
  const property = propertyWithinLimits(t, household, standard);
  const noMeansOfLiving = t.step(`hardship.${personId}.no_means_of_living`, income < standard && property.withinLimits);
  const noAbleSupporter = t.step(`hardship.${personId}.no_able_supporter`, !person.hasLegalSupporter || !person.supporterAble);
  const eligible = t.step(`hardship.${personId}.eligible`, noWorkCapacity && noMeansOfLiving && noAbleSupporter);
  return { eligible, age, noWorkCapacity, noMeansOfLiving, noAbleSupporter };
}
