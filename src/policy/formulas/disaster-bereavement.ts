// Condolence payment to the families of persons killed by a disaster (遇难人员家属抚慰,
// 自然灾害救助条例 art. 14; 中央自然灾害救灾资金管理暂行办法): an amount per deceased person.
import { z } from 'zod';
import type { Trace } from '../explain.ts';

export const bereavementClaimSchema = z.strictObject({
  deceased: z.number().int().nonnegative(),
});
export type BereavementClaim = z.infer<typeof bereavementClaimSchema>;
export type Bereavement = { perDeceased: number; amount: number };

export function bereavement(t: Trace, claim: BereavementClaim): Bereavement {
  const perDeceased = t.step('disaster.bereavement.per_person', t.fen('disaster.bereavement.per_person'), 'fen');
  return { perDeceased, amount: t.step('disaster.bereavement.amount', perDeceased * claim.deceased, 'fen') };
}
