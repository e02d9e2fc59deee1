import { describe, expect, it } from 'vitest';
import { areaChain } from './area.ts';
import { createParameterSet, ParameterLookupError, type ParameterRow } from './parameters.ts';

const row = (over: Partial<ParameterRow>): ParameterRow => ({
  name: 'x.standard',
  description: '测试',
  unit: 'yuan_per_person_month',
  reference: 'doc',
  area: 'CN',
  ruleSet: null,
  effective: '2015-01-01',
  value: 100,
  valueReference: null,
  ...over,
});

describe('areaChain', () => {
  it('walks village → township → county → prefecture → province → CN', () => {
    expect(areaChain('522701001001')).toEqual(['522701001001', '522701001', '522701', '522700', '520000', 'CN']);
    expect(areaChain('522790')).toEqual(['522790', '522700', '520000', 'CN']);
    expect(areaChain('522700')).toEqual(['522700', '520000', 'CN']);
  });
  it('rejects malformed codes', () => {
    expect(() => areaChain('52270')).toThrow(/Malformed area code/);
  });
});

describe('ParameterSet', () => {
  const set = createParameterSet([
    row({ area: 'CN', value: 100 }),
    row({ area: '522700', value: 200 }),
    row({ area: '522701', value: 300, valueReference: 'county doc' }),
    row({ area: '522701', effective: '2016-01-01', value: 310 }),
    row({ area: '522701001', effective: '2015-06-01', value: 400 }),
    row({ area: '522701001', effective: '2016-06-01', value: null }),
    row({ name: 'x.rule', unit: 'working_days', ruleSet: 'cn-2012', value: 10 }),
    row({ name: 'x.rule', unit: 'working_days', ruleSet: 'cn-2021', effective: '2021-07-01', value: 3 }),
    row({ name: 'x.rule', unit: 'working_days', effective: '2021-07-01', value: 7 }),
  ]);

  it('falls back from the most specific area and converts yuan to fen', () => {
    expect(set.get('x.standard', '522702001001', '2015-03-01')).toMatchObject({ value: 20000, area: '522700', unit: 'fen_per_person_month' });
    expect(set.get('x.standard', '522701002001', '2015-03-01')).toMatchObject({ value: 30000, area: '522701', reference: 'county doc' });
    expect(set.get('x.standard', '110101001001', '2015-03-01')).toMatchObject({ value: 10000, area: 'CN' });
  });

  it('picks the latest value in force, never one from the future', () => {
    expect(set.get('x.standard', '522701', '2015-12-31').value).toBe(30000);
    expect(set.get('x.standard', '522701', '2016-01-01')).toMatchObject({ value: 31000, effective: '2016-01-01' });
    expect(set.get('x.standard', '522701001001', '2015-05-31').value).toBe(30000);
    expect(set.get('x.standard', '522701001001', '2015-06-01').value).toBe(40000);
  });

  it('a null value ends an area’s own value and falls back to the enclosing area', () => {
    expect(set.get('x.standard', '522701001001', '2016-07-01')).toMatchObject({ value: 31000, area: '522701' });
  });

  it('prefers the rule set’s own value at equal dates and ignores other rule sets', () => {
    expect(set.get('x.rule', 'CN', '2015-01-01', 'cn-2012').value).toBe(10);
    expect(set.get('x.rule', 'CN', '2022-01-01', 'cn-2021').value).toBe(3);
    expect(set.get('x.rule', 'CN', '2022-01-01', 'cn-2012').value).toBe(7);
  });

  it('throws a clear error naming the parameter', () => {
    expect(() => set.get('x.rule', 'CN', '2015-01-01')).toThrow(ParameterLookupError);
    expect(() => set.get('x.rule', 'CN', '2015-01-01')).toThrow(/Parameter "x.rule": no value in force on 2015-01-01/);
    expect(() => set.get('nope', 'CN', '2015-01-01')).toThrow(/Parameter "nope": no such parameter/);
    expect(() => set.get('x.standard', 'CN', '2014-12-31')).toThrow(/Parameter "x.standard"/);
  });
});
