import { describe, expect, it } from 'vitest';
import { householdFactsFromRegistry, policyIncomeKind, vehicleKind, type RegistryHousehold } from './facts.ts';

const member = (id: number, over: Partial<RegistryHousehold['members'][number]> = {}): RegistryHousehold['members'][number] => ({
  county_code: '522701', id, household_id: 1, id_number: `X${id}`, name: '测试', sex: 'male', birth_date: '1950-01-01', relation: id === 10 ? 'head' : 'spouse',
  hukou: 'rural', work_capacity: 'full', disability_kind: null, disability_grade: null, serious_illness: false, student: false, categories: [], left_behind: null, phone: '', ...over,
});
const item = { county_code: '522701', household_id: 1, source: '' };

describe('registry household → HouseholdFacts', () => {
  it('maps members, incomes and assets', () => {
    const facts = householdFactsFromRegistry({
      household: { household_no: '52270100000001', village_code: '522701001001', categories: ['family_planning'] },
      members: [member(10, { categories: ['three_nos'] }), member(11, { work_capacity: 'none', disability_kind: 'mental', disability_grade: 3, student: true })],
      incomes: [
        { ...item, id: 1, member_id: 10, kind: 'pension', amount_fen: 8000, period: 'month', source: '城乡居民基本养老保险' },
        { ...item, id: 2, member_id: 11, kind: 'pension', amount_fen: 150000, period: 'month', source: '企业职工基本养老金' },
        { ...item, id: 3, member_id: null, kind: 'agriculture', amount_fen: 600000, period: 'year' },
        { ...item, id: 4, member_id: 10, kind: 'assistance', amount_fen: 30000, period: 'month' },
      ],
      assets: [
        { ...item, id: 5, member_id: null, kind: 'house', value_fen: 1, note: '' },
        { ...item, id: 6, member_id: 10, kind: 'deposit', value_fen: 100000, note: '' },
        { ...item, id: 7, member_id: 10, kind: 'securities', value_fen: 5000, note: '' },
        { ...item, id: 8, member_id: 10, kind: 'vehicle', value_fen: 400000, note: '摩托车' },
        { ...item, id: 9, member_id: 10, kind: 'vehicle', value_fen: 400000, note: '残疾人代步车' },
      ],
    });
    expect(facts.areaCode).toBe('522701001001');
    expect(facts.categories).toEqual(['family_planning']);
    expect(facts.members.map((m) => m.id)).toEqual(['10', '11']);
    expect(facts.members[0]?.incomes.map((i) => i.kind)).toEqual(['pension_basic', 'social_assistance']);
    expect(facts.members[1]).toMatchObject({ workCapacity: 'none', disability: { kind: 'mental', grade: 3 }, student: true, hasLegalSupporter: true, excluded: null });
    expect(facts.incomes).toEqual([{ kind: 'business', amount: 600000, period: 'year', source: '' }]);
    expect(facts.assets).toEqual({ deposits: 105000, vehicles: ['motorcycle', 'disability_mobility'], businessRegistered: false, houses: 1 });
  });

  it('reads kinds the way the simulator SQL does', () => {
    expect(policyIncomeKind('wage', '')).toBe('wages');
    expect(policyIncomeKind('pension', '城乡居民基本养老保险')).toBe('pension_basic');
    expect(policyIncomeKind('pension', '企业职工基本养老金')).toBe('pension_other');
    expect(vehicleKind('农用三轮车')).toBe('farm_machine');
    expect(vehicleKind('小型轿车')).toBe('car');
  });
});
