import { describe, expect, it } from 'vitest';
import { explain } from './explain.ts';
import { householdFactsSchema } from './facts.ts';
import { evaluateFormula } from './formulas/index.ts';
import { dibaoBenefit } from './formulas/dibao-benefit.ts';
import { defaultParameterSet } from './load-parameters.ts';

const params = defaultParameterSet();
const household = householdFactsSchema.parse({
  areaCode: '522701001001',
  members: [{ id: 'p1', birthDate: '1950-01-01', hukou: 'rural', incomes: [{ kind: 'wages', amount: 5000, period: 'month' }] }],
});

describe('explanations', () => {
  const result = explain({ params, period: '2015-10' }, household.areaCode, (t) => dibaoBenefit(t, household));

  it('opens with the rule set and the parameter that chose it', () => {
    expect(result.steps[0]).toMatchObject({ name: 'rule_set', value: 'cn-2012' });
    expect(result.steps[0]?.parameters[0]).toMatchObject({ name: 'rule_set.cn_2021_effective', area: 'CN' });
  });

  it('attaches each parameter read to the step that used it, with area, date and reference', () => {
    const standard = result.steps.find((s) => s.name === 'dibao.standard_monthly.rural');
    expect(standard).toMatchObject({ value: 22000, unit: 'fen_per_person_month' });
    expect(standard?.parameters).toEqual([
      expect.objectContaining({ name: 'dibao.standard.rural', value: 264000, unit: 'fen_per_person_year', effective: '2015-01-01', area: '522701' }),
    ]);
    expect(standard?.parameters[0]?.reference).toContain('2640');
  });

  it('ends with the total and leaves no parameter unattributed', () => {
    expect(result.steps.at(-1)).toMatchObject({ name: 'dibao_benefit.total', value: result.value.total });
    expect(result.steps.some((s) => s.name === 'unattributed_parameters')).toBe(false);
    // 220 − 50 = 170 yuan gap + elderly rural 0.2 × 220 = 44 → 214 yuan.
    expect(result.value.total).toBe(21400);
  });

  it('is the same through the registry, which validates input', () => {
    const viaRegistry = evaluateFormula('dibao_benefit', { params, period: '2015-10' }, { household });
    expect(viaRegistry).toEqual(result);
    expect(() => evaluateFormula('dibao_benefit', { params, period: '2015-10' }, { household: { areaCode: 'x', members: [] } })).toThrow();
    expect(() => evaluateFormula('nope', { params, period: '2015-10' }, {})).toThrow(/Unknown formula "nope"/);
  });

  it('steps are plain JSON', () => {
    expect(JSON.parse(JSON.stringify(result.steps))).toEqual(result.steps);
  });
});
