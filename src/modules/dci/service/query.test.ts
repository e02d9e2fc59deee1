// Reading queries: the three query types into one tree; anything else is a QueryError naming the part (never another exception).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributesUsed, parseQuery, QueryError } from './query.ts';

describe('queries', () => {
  it.each([
    ['idtype-value UIN', 'idtype-value', { type: 'UIN', value: '52270119500101001x' }, { kind: 'id', idType: 'UIN', value: '52270119500101001X' }],
    ['predicate with not', 'predicate', [{ seq_num: 2, expression1: { attribute_name: 'age', operator: 'ge', attribute_value: '60' } }, { seq_num: 1, expression1: { attribute_name: 'area', operator: 'eq', attribute_value: '522701' }, condition: 'not', expression2: { attribute_name: 'hukou', operator: 'eq', attribute_value: 'urban' } }],
      { kind: 'and', of: [{ kind: 'and', of: [{ kind: 'attr', attribute: 'area', op: 'eq', value: '522701' }, { kind: 'not', of: { kind: 'attr', attribute: 'hukou', op: 'eq', value: 'urban' } }] }, { kind: 'attr', attribute: 'age', op: 'ge', value: 60 }] }],
    ['expression with $or and $in', 'expression', { value: { expression: { collection: 'Group', query: { $or: [{ programme: { $in: 'dibao,hardship' } }, { category: 'three_nos' }] } } } },
      { kind: 'or', of: [{ kind: 'attr', attribute: 'programme', op: 'in', value: ['dibao', 'hardship'] }, { kind: 'attr', attribute: 'category', op: 'eq', value: 'three_nos' }] }],
  ])('%s', (_what, type, query, tree) => {
    expect(parseQuery(type, query)).toEqual(tree);
  });

  it.each([
    ['graphql', {}, 'query_type'],
    ['idtype-value', { type: 'MOBILE', value: '1' }, 'query.type'],
    ['idtype-value', { type: 'UIN', value: '' }, 'query.value'],
    ['predicate', [], 'query'],
    ['predicate', [{ expression1: { attribute_name: 'name', operator: 'eq', attribute_value: '韦' } }], 'name'],
    ['predicate', [{ expression1: { attribute_name: 'age', operator: 'like', attribute_value: '1' } }], 'like'],
    ['predicate', [{ expression1: { attribute_name: 'age', operator: 'gt', attribute_value: '200' } }], 'age'],
    ['predicate', [{ expression1: { attribute_name: 'hukou', operator: 'gt', attribute_value: 'urban' } }], 'eq 或 in'],
    ['predicate', [{ expression1: { attribute_name: 'area', operator: 'eq', attribute_value: '1' }, condition: 'xor', expression2: { attribute_name: 'area', operator: 'eq', attribute_value: '1' } }], 'condition'],
    ['expression', { value: { expression: { query: { $where: 'x' } } } }, '$where'],
    ['expression', { value: { expression: { query: {} } } }, '空条件'],
  ])('refuses %s %j naming %s', (type, query, said) => {
    expect(() => parseQuery(type, query)).toThrow(QueryError);
    expect(() => parseQuery(type, query)).toThrow(said);
  });

  it('refuses deep nesting and too many terms', () => {
    let deep: object = { age: { $gt: '1' } };
    for (let i = 0; i < 12; i++) deep = { $and: [deep] };
    expect(() => parseQuery('expression', { value: { expression: { query: deep } } })).toThrow('嵌套过深');
    const many = { $and: Array.from({ length: 60 }, () => ({ age: { $gt: '1' } })) };
    expect(() => parseQuery('expression', { value: { expression: { query: many } } })).toThrow('条件过多');
  });

  it('names the record attributes a query reveals', () => {
    expect([...attributesUsed(parseQuery('predicate', [{ expression1: { attribute_name: 'age', operator: 'lt', attribute_value: '18' }, condition: 'and', expression2: { attribute_name: 'area', operator: 'eq', attribute_value: '522701' } }]))]).toEqual(['age']);
    expect([...attributesUsed(parseQuery('idtype-value', { type: 'UIN', value: '1' }))]).toEqual(['id_number']);
    expect([...attributesUsed(parseQuery('idtype-value', { type: 'HOUSEHOLD_ID', value: '1' }))]).toEqual([]);
  });

  it('answers any JSON with a tree or a QueryError, never another exception', () => {
    fc.assert(fc.property(fc.constantFrom('idtype-value', 'predicate', 'expression', 'x'), fc.jsonValue({ maxDepth: 6 }), (type, query) => {
      try {
        parseQuery(type, query);
      } catch (e) {
        expect(e).toBeInstanceOf(QueryError);
      }
    }), { numRuns: 500 });
  });
});
