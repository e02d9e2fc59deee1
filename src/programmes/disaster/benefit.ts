// The relief of a household, by kind: the policy formulas of 应急救助, 过渡期生活救助, 倒房重建 / 损房维修,
// 冬春生活救助 and 遇难人员家属抚慰 on the claim the batch recorded, frozen with the explanation. A one-off
// payment by transfer to the household's head. The batch computes the same amounts set-based (its SQL
// twin, src/modules/disaster/repo/amounts.ts); a property test holds the two equal.
import { disasterHousing, bereavement, emergencyRelief, explain, transitionalLiving, winterSpringRelief, type Explained, type Trace } from '../../policy/index.ts';
import type { Benefit } from '../types.ts';
import type { DisasterContext, ReliefClaim } from './context.ts';

export type RunFormula = <T extends { amount: number }>(body: (t: Trace) => T) => Explained<T>;

/** The amount of a claim and the persons it is for, with the formula's name and trace. */
export function reliefAmount(claim: ReliefClaim, run: RunFormula) {
  switch (claim.kind) {
    case 'emergency': return { formula: 'disaster_emergency', persons: claim.persons, ...run((t) => emergencyRelief(t, { persons: claim.persons })) };
    case 'transitional': return { formula: 'transitional_living', persons: claim.persons, ...run((t) => transitionalLiving(t, claim)) };
    case 'housing': return { formula: 'disaster_housing', persons: claim.persons, ...run((t) => disasterHousing(t, { grade: claim.grade, householdType: claim.householdType })) };
    case 'winter_spring': {
      const persons = { first: claim.first, second: claim.second, third: claim.third };
      return { formula: 'disaster_winter_spring', persons: claim.first + claim.second + claim.third, ...run((t) => winterSpringRelief(t, { persons })) };
    }
    case 'bereavement': return { formula: 'disaster_bereavement', persons: claim.deceased, ...run((t) => bereavement(t, claim)) };
  }
}

/** What the statistics keep of a relief: times, persons and amount by kind, houses rebuilt and repaired. */
export function reliefSummary(claim: ReliefClaim, persons: number, amount: number): Record<string, number> {
  const s: Record<string, number> = { [`${claim.kind}_times`]: 1, [`${claim.kind}_persons`]: persons, [`${claim.kind}_fen`]: amount };
  if (claim.kind === 'housing') {
    if (claim.grade === 'collapsed') s.rebuilt = 1;
    if (claim.grade === 'serious' || claim.grade === 'general') s.repaired = 1;
  }
  return s;
}

export const disasterBenefit: Benefit<DisasterContext> = {
  schedule: 'one_off',
  payee: 'recipient',
  decide({ context, params, ruleSet, date, areaCode }) {
    const relief = context.relief;
    if (!relief) return { code: 'claim_missing', status: 409, message: '未登记救助类别和受灾情况，不能核定救助金' };
    const r = reliefAmount(relief.claim, (f) => explain({ params, period: date, ruleSet }, areaCode, f));
    return {
      amountFen: r.value.amount,
      persons: r.persons,
      summary: reliefSummary(relief.claim, r.persons, r.value.amount),
      explanation: { formula: r.formula, ruleSet, period: date, value: r.value, steps: r.steps },
    };
  },
};
