/**
 * Who lives in a generated household: relation to the head, sex and age. Sizes 1–7 with a mean of
 * about 2.6, as for assisted households; many single elderly, couples, single parents, three
 * generations in the larger ones.
 */
import type { Random } from '../../../../kernel/random.ts';
import type { Relation, Sex } from '../types.ts';

export interface PersonSketch {
  relation: Relation;
  sex: Sex;
  age: number;
}

const SIZES: readonly (readonly [number, number])[] = [[1, 25], [2, 28], [3, 21], [4, 15], [5, 7], [6, 3], [7, 1]];

const other = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');
const randomSex = (rng: Random): Sex => (rng.chance(0.51) ? 'male' : 'female');

export function sketchHousehold(rng: Random): PersonSketch[] {
  const size = rng.weighted(SIZES);
  const headAge = size === 1
    ? rng.weighted([[rng.int(18, 39), 12], [rng.int(40, 59), 30], [rng.int(60, 74), 33], [rng.int(75, 95), 25]])
    : rng.weighted([[rng.int(22, 39), 25], [rng.int(40, 59), 45], [rng.int(60, 85), 30]]);
  const head: PersonSketch = {
    relation: 'head',
    sex: size === 1 ? (rng.chance(0.5) ? 'male' : 'female') : rng.chance(0.82) ? 'male' : 'female',
    age: headAge,
  };
  const people = [head];
  if (size >= 2 && rng.chance(size === 2 ? 0.6 : 0.82)) {
    const gap = head.sex === 'male' ? -rng.int(-2, 6) : rng.int(-2, 6);
    people.push({ relation: 'spouse', sex: other(head.sex), age: Math.max(18, head.age + gap) });
  }
  if (people.length < size && head.age >= 58 && rng.chance(0.5)) {
    // Three generations under an old head: one adult child, then grandchildren.
    const child: PersonSketch = { relation: 'child', sex: randomSex(rng), age: Math.max(18, head.age - rng.int(22, 34)) };
    people.push(child);
    while (people.length < size) {
      const age = child.age - rng.int(20, 32);
      people.push({ relation: 'grandchild', sex: randomSex(rng), age: age >= 0 ? age : rng.int(0, 3) });
    }
    return people;
  }
  if (people.length < size && head.age <= 55 && rng.chance(size >= 4 ? 0.35 : 0.12)) {
    people.push({ relation: 'parent', sex: randomSex(rng), age: Math.min(95, head.age + rng.int(22, 34)) });
  }
  while (people.length < size) {
    if (head.age < 40 && rng.chance(0.05)) {
      people.push({ relation: 'sibling', sex: randomSex(rng), age: Math.max(0, head.age + rng.int(-8, 8)) });
      continue;
    }
    const age = head.age - rng.int(20, 36);
    people.push({ relation: 'child', sex: randomSex(rng), age: age >= 0 ? age : rng.int(0, Math.max(0, head.age - 18)) });
  }
  return people;
}
