// Self-care assessment (生活自理能力评估, 特困人员认定办法 art. 20–21): six items (eating, dressing,
// getting in and out of bed, toileting, walking indoors, bathing). All able → self_care; at most N
// unable (N = 3, a parameter) → partial loss; more → full loss. The level sets the care standard.
import type { Trace } from '../explain.ts';
import { type PersonFacts, SELF_CARE_ITEMS } from '../facts.ts';

export type SelfCareLevel = 'self_care' | 'partial' | 'full';

export function selfCareLevel(t: Trace, person: PersonFacts): SelfCareLevel {
  const assessment = person.selfCare;
  if (assessment === null) throw new Error(`Person "${person.id}" has no self-care assessment`);
  const unable = t.step(`self_care.${person.id}.unable_items`, SELF_CARE_ITEMS.filter((item) => !assessment[item]).length, 'count');
  const partialMax = t.number('hardship.self_care.partial_max_unable');
  const level: SelfCareLevel = unable === 0 ? 'self_care' : unable <= partialMax ? 'partial' : 'full';
  return t.step(`self_care.${person.id}.level`, level);
}
