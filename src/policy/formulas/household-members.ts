// Who counts as a member of the household for dibao (最低生活保障审核确认办法 art. 7; 审核审批办法
// （试行）art. 5): everyone living together except persons serving a sentence or in compulsory drug
// rehabilitation, persons declared missing, and clergy living in a religious venue for ≥ N years.
import { ageOn } from '../dates.ts';
import type { Trace } from '../explain.ts';
import type { HouseholdFacts, PersonFacts } from '../facts.ts';

export function isCountedMember(t: Trace, person: PersonFacts): boolean {
  if (person.excluded !== null) return false;
  if (person.clergyAwaySince === null) return true;
  return ageOn(person.clergyAwaySince, t.date) < t.number('dibao.household.clergy_away_years');
}

/** The counted members; throws when none is left (nothing to assess). */
export function countedMembers(t: Trace, household: HouseholdFacts): PersonFacts[] {
  const members = household.members.filter((m) => isCountedMember(t, m));
  t.step('household.counted_members', members.map((m) => m.id));
  if (members.length === 0) throw new Error('Household has no counted member');
  return members;
}
