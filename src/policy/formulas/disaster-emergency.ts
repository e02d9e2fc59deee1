// Emergency relief (应急救助, 自然灾害救助条例 art. 14; 社会救助暂行办法 art. 22): during the emergency
// period each affected person in need gets a one-off amount for food, water, clothing, shelter and
// medical care; the amount per person is a parameter of the area.
import { z } from 'zod';
import type { Trace } from '../explain.ts';

export const emergencyClaimSchema = z.strictObject({
  persons: z.number().int().nonnegative(),
});
export type EmergencyClaim = z.infer<typeof emergencyClaimSchema>;
export type EmergencyRelief = { perPerson: number; amount: number };

export function emergencyRelief(t: Trace, claim: EmergencyClaim): EmergencyRelief {
  const perPerson = t.step('disaster.emergency.per_person', t.fen('disaster.emergency.per_person'), 'fen');
  return { perPerson, amount: t.step('disaster.emergency.amount', perPerson * claim.persons, 'fen') };
}
