// The formula registry: every formula by name, with the schema of its input and the area whose
// parameters it reads. The API, the simulator and the legislation tests call formulas through it:
// `evaluateFormula(name, request, input)` validates the input and returns the value with its steps.
import { z } from 'zod';
import { isIsoDate } from '../dates.ts';
import { explain, type Explained, type PolicyRequest, type Trace } from '../explain.ts';
import { householdFactsSchema } from '../facts.ts';
import { isAreaCode } from '../area.ts';
import { dibaoBenefit } from './dibao-benefit.ts';
import { dibaoEligibility } from './dibao-eligibility.ts';
import { bereavement, bereavementClaimSchema } from './disaster-bereavement.ts';
import { emergencyClaimSchema, emergencyRelief } from './disaster-emergency.ts';
import { disasterHousing, housingClaimSchema } from './disaster-housing.ts';
import { winterSpringClaimSchema, winterSpringRelief } from './disaster-winter-spring.ts';
import { insurancePayable, insurancePayableSchema, insuranceStacking, insuranceStackingSchema } from './housing-insurance.ts';
import { hardshipEligibility } from './hardship-eligibility.ts';
import { hardshipSupport } from './hardship-support.ts';
import { medicalAssistance, medicalClaimSchema } from './medical-assistance.ts';
import { nearDibao } from './near-dibao.ts';
import { procedureDeadline } from './procedure-deadline.ts';
import { selfCareLevel } from './self-care-level.ts';
import { singlePersonDibao } from './single-person-dibao.ts';
import { temporaryAssistance, temporaryClaimSchema } from './temporary-assistance.ts';
import { transitionalClaimSchema, transitionalLiving } from './transitional-living.ts';
import { countedMembers } from './household-members.ts';
import { perCapitaMonthlyIncome } from './per-capita-income.ts';
import { findMember } from '../facts.ts';

export type FormulaDefinition<S extends z.ZodType, R> = {
  description: string;
  input: S;
  area: (input: z.output<S>) => string;
  run: (t: Trace, input: z.output<S>) => R;
};

export type Formula = {
  description: string;
  input: z.ZodType;
  evaluate: (request: PolicyRequest, input: unknown) => Explained<unknown>;
};

function define<S extends z.ZodType, R>(def: FormulaDefinition<S, R>): Formula {
  return {
    description: def.description,
    input: def.input,
    evaluate(request, raw) {
      const input = def.input.parse(raw);
      return explain(request, def.area(input), (t) => def.run(t, input));
    },
  };
}

const household = z.strictObject({ household: householdFactsSchema });
const person = z.strictObject({ household: householdFactsSchema, personId: z.string() });
const areaCode = z.string().refine(isAreaCode, 'must be an area code');
const byHousehold = (i: { household: { areaCode: string } }): string => i.household.areaCode;

export const formulas: Record<string, Formula> = {
  per_capita_income: define({
    description: '家庭人均月收入（分）', input: household, area: byHousehold,
    run: (t, i) => perCapitaMonthlyIncome(t, i.household, countedMembers(t, i.household)),
  }),
  dibao_eligibility: define({ description: '低保资格', input: household, area: byHousehold, run: (t, i) => dibaoEligibility(t, i.household) }),
  dibao_benefit: define({ description: '低保金（补差 + 分类施保）', input: household, area: byHousehold, run: (t, i) => dibaoBenefit(t, i.household) }),
  single_person_dibao: define({ description: '单人保', input: household, area: byHousehold, run: (t, i) => singlePersonDibao(t, i.household) }),
  near_dibao: define({ description: '低保边缘家庭', input: household, area: byHousehold, run: (t, i) => nearDibao(t, i.household) }),
  hardship_eligibility: define({
    description: '特困人员认定条件', input: person, area: byHousehold, run: (t, i) => hardshipEligibility(t, i.household, i.personId),
  }),
  self_care_level: define({
    description: '生活自理能力等级', input: person, area: byHousehold, run: (t, i) => selfCareLevel(t, findMember(i.household, i.personId)),
  }),
  hardship_support: define({
    description: '特困供养金（每月）', input: person, area: byHousehold, run: (t, i) => hardshipSupport(t, i.household, i.personId),
  }),
  temporary_assistance: define({
    description: '临时救助金额', input: z.strictObject({ household: householdFactsSchema, claim: temporaryClaimSchema }),
    area: (i) => i.claim.incidentAreaCode ?? i.household.areaCode, run: (t, i) => temporaryAssistance(t, i.household, i.claim),
  }),
  medical_assistance: define({
    description: '医疗救助应付金额', input: z.strictObject({ areaCode, claim: medicalClaimSchema }),
    area: (i) => i.areaCode, run: (t, i) => medicalAssistance(t, i.claim),
  }),
  transitional_living: define({
    description: '过渡期生活救助金额', input: z.strictObject({ areaCode, claim: transitionalClaimSchema }),
    area: (i) => i.areaCode, run: (t, i) => transitionalLiving(t, i.claim),
  }),
  disaster_emergency: define({
    description: '受灾人员应急救助金额', input: z.strictObject({ areaCode, claim: emergencyClaimSchema }),
    area: (i) => i.areaCode, run: (t, i) => emergencyRelief(t, i.claim),
  }),
  disaster_housing: define({
    description: '倒损住房恢复重建（维修）补助金额', input: z.strictObject({ areaCode, claim: housingClaimSchema }),
    area: (i) => i.areaCode, run: (t, i) => disasterHousing(t, i.claim),
  }),
  disaster_winter_spring: define({
    description: '冬春生活救助金额', input: z.strictObject({ areaCode, claim: winterSpringClaimSchema }),
    area: (i) => i.areaCode, run: (t, i) => winterSpringRelief(t, i.claim),
  }),
  disaster_bereavement: define({
    description: '遇难人员家属抚慰金', input: z.strictObject({ areaCode, claim: bereavementClaimSchema }),
    area: (i) => i.areaCode, run: (t, i) => bereavement(t, i.claim),
  }),
  housing_insurance_payable: define({
    description: '政策性农房保险应赔金额', input: z.strictObject({ areaCode, claim: insurancePayableSchema }),
    area: (i) => i.areaCode, run: (t, i) => insurancePayable(t, i.claim),
  }),
  housing_insurance_stacking: define({
    description: '农房保险赔款与倒损住房补助的叠加', input: z.strictObject({ areaCode, claim: insuranceStackingSchema }),
    area: (i) => i.areaCode, run: (t, i) => insuranceStacking(t, i.claim),
  }),
  procedure_deadline: define({
    description: '办理时限的截止日期',
    input: z.strictObject({ areaCode, parameter: z.string(), start: z.string().refine(isIsoDate, 'must be YYYY-MM-DD') }),
    area: (i) => i.areaCode, run: (t, i) => procedureDeadline(t, i.parameter, i.start),
  }),
};

export function evaluateFormula(name: string, request: PolicyRequest, input: unknown): Explained<unknown> {
  const formula = formulas[name];
  if (!formula) throw new Error(`Unknown formula "${name}" (known: ${Object.keys(formulas).join(', ')})`);
  return formula.evaluate(request, input);
}
