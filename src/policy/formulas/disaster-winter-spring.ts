// Winter-spring living relief (冬春生活救助, 自然灾害救助条例 art. 21; 受灾人员冬春生活救助工作规程):
// for hardship in the winter of the disaster year and the following spring. Persons are classed by
// how far they can support themselves — first (一类: cannot, needs full relief), second (二类: partly),
// third (三类: mostly, needs a little) — and each class has its amount per person for the season.
// A household may have persons of several classes; its relief is the sum over the classes.
import { z } from 'zod';
import type { Trace } from '../explain.ts';

export const WINTER_SPRING_GROUPS = ['first', 'second', 'third'] as const;
export type WinterSpringGroup = (typeof WINTER_SPRING_GROUPS)[number];

const count = z.number().int().nonnegative().default(0);
export const winterSpringClaimSchema = z.strictObject({
  persons: z.strictObject({ first: count, second: count, third: count }),
});
export type WinterSpringClaim = z.input<typeof winterSpringClaimSchema>;
export type WinterSpringRelief = { byGroup: Record<WinterSpringGroup, number>; persons: number; amount: number };

export function winterSpringRelief(t: Trace, claim: z.output<typeof winterSpringClaimSchema>): WinterSpringRelief {
  const byGroup: Record<WinterSpringGroup, number> = { first: 0, second: 0, third: 0 };
  for (const group of WINTER_SPRING_GROUPS) {
    const persons = claim.persons[group];
    // A class without persons reads no amount, so a household needs only the classes it has.
    if (persons === 0) continue;
    const perPerson = t.fen(`disaster.winter_spring.per_person.${group}`);
    byGroup[group] = t.step(`disaster.winter_spring.${group}`, perPerson * persons, 'fen');
  }
  const persons = WINTER_SPRING_GROUPS.reduce((sum, g) => sum + claim.persons[g], 0);
  const amount = WINTER_SPRING_GROUPS.reduce((sum, g) => sum + byGroup[g], 0);
  return { byGroup, persons, amount: t.step('disaster.winter_spring.amount', amount, 'fen') };
}
