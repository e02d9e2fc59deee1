/** Categories (分类施保) and left-behind status of generated people and households. */
import type { Random } from '../../../../kernel/random.ts';
import type { HouseholdCategory, LeftBehindKind, PersonCategory } from '../types.ts';
import type { PersonSketch } from './household-shape.ts';
import { isSeriousIllnessOrDisability, type Traits } from './traits.ts';

export function personCategories(age: number, traits: Traits, threeNos: boolean): PersonCategory[] {
  const out: PersonCategory[] = [];
  if (threeNos) out.push('three_nos');
  if (age >= 60) out.push('elderly');
  if (isSeriousIllnessOrDisability(traits)) out.push('serious_illness_disability');
  if (traits.student) out.push('student');
  return out;
}

/** 三无: alone, unable to work; most such people also lack income and a supporter. */
export function isThreeNos(rng: Random, people: readonly PersonSketch[], traits: readonly Traits[]): boolean {
  return people.length === 1 && (people[0]?.age ?? 0) >= 16 && traits[0]?.workCapacity === 'none' && rng.chance(0.6);
}

export function householdCategories(rng: Random, people: readonly PersonSketch[]): HouseholdCategory[] {
  const children = people.filter((p) => p.relation === 'child');
  const out: HouseholdCategory[] = [];
  const onlyChildOrTwoDaughters = children.length === 1 || (children.length === 2 && children.every((c) => c.sex === 'female'));
  if (onlyChildOrTwoDaughters && (people[0]?.age ?? 0) < 60 && rng.chance(0.4)) out.push('family_planning');
  const hasSpouse = people.some((p) => p.relation === 'spouse');
  if (!hasSpouse && children.some((c) => c.age < 18)) out.push('single_parent');
  return out;
}

/**
 * Left-behind (留守) status in rural households: a child under 16 whose parents in the household all
 * work away, a wife staying while her husband works away, an old person whose working-age family is
 * away (or, living alone, whose children are away elsewhere).
 */
export function leftBehind(rng: Random, people: readonly PersonSketch[], migrant: readonly boolean[]): (LeftBehindKind | null)[] {
  const headAway = migrant[0] === true;
  const spouseIndex = people.findIndex((p) => p.relation === 'spouse');
  const spouseAway = spouseIndex >= 0 && migrant[spouseIndex] === true;
  const parentsAway = headAway && (spouseIndex < 0 || spouseAway);
  const adultChildren = people.map((p, i) => ({ p, away: migrant[i] === true })).filter((c) => c.p.relation === 'child' && c.p.age >= 18);
  const childrenAway = adultChildren.length > 0 && adultChildren.every((c) => c.away);
  return people.map((p, i): LeftBehindKind | null => {
    if (migrant[i]) return null;
    if (p.age < 16) {
      if (p.relation === 'child' && parentsAway) return 'child';
      if (p.relation === 'grandchild' && childrenAway) return 'child';
      return null;
    }
    if (p.age >= 60) {
      if (p.relation === 'parent' && parentsAway) return 'elder';
      if ((p.relation === 'head' || p.relation === 'spouse') && childrenAway) return 'elder';
      if (people.length <= 2 && adultChildren.length === 0 && rng.chance(0.01)) return 'elder';
      return null;
    }
    const husbandAway = (p.relation === 'head' && spouseAway) || (p.relation === 'spouse' && headAway);
    return p.sex === 'female' && p.age >= 18 && husbandAway ? 'woman' : null;
  });
}
