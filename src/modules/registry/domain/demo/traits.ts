/**
 * Health, work capacity, schooling and migration of generated people, at rates plausible for assisted
 * households of 黔南 in 2015 (more disability and illness than the general population).
 */
import type { Random } from '../../../../kernel/random.ts';
import type { DisabilityGrade, DisabilityKind, WorkCapacity } from '../types.ts';
import type { PersonSketch } from './household-shape.ts';

export interface Traits {
  disabilityKind: DisabilityKind | null;
  disabilityGrade: DisabilityGrade | null;
  seriousIllness: boolean;
  student: boolean;
  workCapacity: WorkCapacity;
}

const KINDS: readonly (readonly [DisabilityKind, number])[] = [
  ['physical', 50], ['visual', 11], ['hearing', 10], ['speech', 3], ['intellectual', 10], ['mental', 10], ['multiple', 6],
];
const GRADES: readonly (readonly [DisabilityGrade, number])[] = [[1, 14], [2, 24], [3, 30], [4, 32]];

export function randomTraits(rng: Random, age: number): Traits {
  const disabled = rng.chance(age < 18 ? 0.03 : age < 60 ? 0.08 : 0.12);
  const disabilityKind = disabled ? rng.weighted(KINDS) : null;
  const disabilityGrade = disabled ? rng.weighted(GRADES) : null;
  const seriousIllness = rng.chance(age < 18 ? 0.015 : age < 60 ? 0.05 : 0.09);
  const student = age >= 6 && age <= 22 && rng.chance(age <= 15 ? 0.97 : age <= 18 ? 0.75 : 0.3);
  return { disabilityKind, disabilityGrade, seriousIllness, student, workCapacity: workCapacity(rng, age, disabilityGrade, seriousIllness, student) };
}

function workCapacity(rng: Random, age: number, grade: DisabilityGrade | null, ill: boolean, student: boolean): WorkCapacity {
  if (age < 16 || student || ill || grade === 1 || grade === 2) return 'none';
  if (grade !== null) return rng.chance(0.3) ? 'none' : 'partial';
  if (age < 60) return rng.weighted([['full', 88], ['partial', 8], ['none', 4]] as const);
  if (age < 70) return rng.weighted([['full', 20], ['partial', 50], ['none', 30]] as const);
  return rng.chance(0.15) ? 'partial' : 'none';
}

/** 重病重残: grade 1–2 disability, grade 3 intellectual or mental disability, or a serious illness. */
export function isSeriousIllnessOrDisability(t: Traits): boolean {
  if (t.seriousIllness) return true;
  if (t.disabilityGrade === 1 || t.disabilityGrade === 2) return true;
  return t.disabilityGrade === 3 && (t.disabilityKind === 'intellectual' || t.disabilityKind === 'mental');
}

/**
 * Which members of a rural household work away from home (外出务工): couples of working age go
 * together, the husband alone, or neither; an adult child of an old head goes half of the time.
 */
export function pickMigrants(rng: Random, people: readonly PersonSketch[], traits: readonly Traits[]): boolean[] {
  const able = people.map((p, i) => p.age >= 18 && p.age <= 55 && traits[i]?.workCapacity === 'full');
  const migrant = people.map(() => false);
  const head = 0, spouse = people.findIndex((p) => p.relation === 'spouse');
  if (able[head] && spouse >= 0 && able[spouse]) {
    const who = rng.weighted([['none', 60], ['husband', 15], ['both', 21], ['wife', 4]] as const);
    const husband = people[head]?.sex === 'male' ? head : spouse;
    const wife = husband === head ? spouse : head;
    migrant[husband] = who === 'husband' || who === 'both';
    migrant[wife] = who === 'wife' || who === 'both';
  } else if (able[head] && spouse < 0) {
    migrant[head] = rng.chance(0.35);
  }
  people.forEach((p, i) => {
    if (p.relation === 'child' && able[i] && p.age >= 18) migrant[i] = rng.chance(0.35);
  });
  return migrant;
}
