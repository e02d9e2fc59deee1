// Where a 特困 person comes from, as the report counts them (特困人员（五保、三无、孤儿）): rural five-guarantee
// (农村五保), urban "three nos" (城市三无) or orphan (孤儿). Derived from the registry where it can be — a
// minor with no member of the parents' generation in the household is an orphan, else rural hukou is 五保
// and urban hukou 三无 — and set by the township (its review's `origin`) where it cannot, which wins.
//
// 孤儿 here is a category of the 特困 programme, not a programme of its own: the seed counts orphans among
// the persons in 特困 support (全州供养特困人员（五保、三无、孤儿）10072人), and Jiuzhu pays them the 特困
// support of the hardship formulas. A separate 孤儿基本生活保障 (its own standard, payroll and procedure
// through the civil-affairs child welfare line) is not built; when it is, it is a programme of its own and
// this category stays the count of orphans supported as 特困.
import { ageOn, type HouseholdFacts } from '../../policy/index.ts';

export const HARDSHIP_ORIGINS = ['five_guarantees', 'three_nos', 'orphan'] as const;
export type HardshipOrigin = (typeof HARDSHIP_ORIGINS)[number];

/** The entitlement summary's key of each origin (a count of 1 or 0 per person). */
export const ORIGIN_SUMMARY_KEYS: Record<HardshipOrigin, string> = { five_guarantees: 'fiveGuarantees', three_nos: 'threeNos', orphan: 'orphans' };

type Relation = HouseholdFacts['members'][number]['relation'];
/** Who in the household is of a person's parents' generation, by the person's relation to the head. */
const PARENTS_OF: Record<Relation, readonly Relation[]> = {
  head: ['parent'], spouse: ['parent'], sibling: ['parent'], child: ['head', 'spouse'], grandchild: ['child'],
  parent: ['grandparent'], grandparent: [], other: [],
};

/** The origin of the applicant on `date`: the one given, else derived; null when the applicant is not a member. */
export function hardshipOrigin(facts: HouseholdFacts, applicantId: string, date: string, given?: HardshipOrigin): HardshipOrigin | null {
  const applicant = facts.members.find((m) => m.id === applicantId);
  if (!applicant) return null;
  if (given) return given;
  const parents = PARENTS_OF[applicant.relation];
  const minor = ageOn(applicant.birthDate, date) < 18;
  if (minor && !facts.members.some((m) => m.id !== applicantId && parents.includes(m.relation))) return 'orphan';
  return applicant.hukou === 'rural' ? 'five_guarantees' : 'three_nos';
}

/** The summary counts of an origin: 1 for it, 0 for the others. */
export function originSummary(origin: HardshipOrigin | null): Record<string, number> {
  return Object.fromEntries(HARDSHIP_ORIGINS.map((o) => [ORIGIN_SUMMARY_KEYS[o], o === origin ? 1 : 0]));
}
