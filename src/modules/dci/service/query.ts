// Reading a search's query into one condition tree: `idtype-value` (UIN = 公民身份号码, HOUSEHOLD_ID = household
// number), `predicate` (the spec's list of expression1 [condition expression2], joined with and, in seq_num
// order) and `expression` (a Mongo-like {collection, query: {$and|$or|$not, attribute: {$op: value}}}), over the
// attributes of attributes.ts. A fault names the part of the query.
import { ID_TYPES, isQueryAttribute, QUERY_ATTRIBUTES, type Attribute, type IdType, type QueryAttribute } from '../attributes.ts';

export type Operator = 'eq' | 'lt' | 'gt' | 'le' | 'ge' | 'in';
export type Scalar = string | number | boolean;
export type Condition =
  | { kind: 'id'; idType: IdType; value: string }
  | { kind: 'attr'; attribute: QueryAttribute; op: Operator; value: Scalar | Scalar[] }
  | { kind: 'and'; of: Condition[] }
  | { kind: 'or'; of: Condition[] }
  | { kind: 'not'; of: Condition };

export class QueryError extends Error {}

const OPERATORS: ReadonlySet<string> = new Set(['eq', 'lt', 'gt', 'le', 'ge', 'in']);
const MONGO_OPS: Record<string, Operator> = { $eq: 'eq', $lt: 'lt', $gt: 'gt', $le: 'le', $lte: 'le', $ge: 'ge', $gte: 'ge', $in: 'in' };
const MAX_DEPTH = 8;
const MAX_TERMS = 50;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The spec types attribute_value as oneOf string/integer/number/boolean/object, so an integer (both integer and
 * number) fails it: numbers may come as strings ("60"), and `in` lists as an array or a comma-separated string. */
function term(attribute: string, op: string, value: unknown, at: string): Condition {
  if (!isQueryAttribute(attribute)) throw new QueryError(`${at}: 不能按 ${attribute} 查询（可用：${Object.keys(QUERY_ATTRIBUTES).join('、')}）`);
  if (!OPERATORS.has(op)) throw new QueryError(`${at}: 不支持的运算 ${op}`);
  const number = (v: Scalar): number => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,3}$/.test(v.trim()) ? Number(v) : Number.NaN;
    if (!Number.isInteger(n) || n < 0 || n > 150) throw new QueryError(`${at}: age 的值应为 0–150 的整数（周岁）`);
    return n;
  };
  if (op === 'in') {
    const values = typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter((v) => v.length > 0) : value;
    if (!Array.isArray(values) || values.length === 0 || values.length > 100 || !values.every(isScalar)) throw new QueryError(`${at}: in 的值应为 1–100 个值（数组或以逗号分隔）`);
    return { kind: 'attr', attribute, op: 'in', value: attribute === 'age' ? values.map(number) : values.map(String) };
  }
  if (!isScalar(value)) throw new QueryError(`${at}: 值应为字符串、数字或布尔值`);
  if (attribute === 'age') return { kind: 'attr', attribute, op: op as Operator, value: number(value) };
  if (op !== 'eq') throw new QueryError(`${at}: ${attribute} 只能用 eq 或 in`);
  return { kind: 'attr', attribute, op: 'eq', value: String(value) };
}

function idValue(query: unknown): Condition {
  if (!isObject(query)) throw new QueryError('query: idtype-value 查询应为 {type, value}');
  const type = query.type;
  if (typeof type !== 'string' || !(type in ID_TYPES)) throw new QueryError(`query.type: 应为 ${Object.keys(ID_TYPES).join(' 或 ')}`);
  const value = query.value;
  if (typeof value !== 'string' || value.length === 0 || value.length > 40) throw new QueryError('query.value: 应为 1–40 个字符的字符串');
  return { kind: 'id', idType: type as IdType, value: value.trim().toUpperCase() };
}

function predicate(query: unknown): Condition {
  if (!Array.isArray(query) || query.length === 0 || query.length > MAX_TERMS) throw new QueryError(`query: predicate 查询应为 1–${MAX_TERMS} 项的数组`);
  const items = query.map((item, i) => {
    if (!isObject(item)) throw new QueryError(`query.${i}: 应为对象`);
    const expr = (e: unknown, where: string) => {
      if (!isObject(e)) throw new QueryError(`${where}: 应为 {attribute_name, operator, attribute_value}`);
      return term(String(e.attribute_name), String(e.operator), e.attribute_value, where);
    };
    const first = expr(item.expression1, `query.${i}.expression1`);
    const seq = typeof item.seq_num === 'number' ? item.seq_num : i;
    if (item.condition === undefined && item.expression2 === undefined) return { seq, c: first };
    const second = expr(item.expression2, `query.${i}.expression2`);
    const c: Condition = item.condition === 'or' ? { kind: 'or', of: [first, second] } : item.condition === 'not' ? { kind: 'and', of: [first, { kind: 'not', of: second }] } : item.condition === 'and' ? { kind: 'and', of: [first, second] } : (() => { throw new QueryError(`query.${i}.condition: 应为 and、or 或 not`); })();
    return { seq, c };
  });
  items.sort((a, b) => a.seq - b.seq);
  return items.length === 1 ? items[0]!.c : { kind: 'and', of: items.map((x) => x.c) };
}

function mongo(node: unknown, at: string, depth: number, count: { n: number }): Condition {
  if (depth > MAX_DEPTH) throw new QueryError(`${at}: 嵌套过深`);
  if (!isObject(node)) throw new QueryError(`${at}: 应为对象`);
  const parts: Condition[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (++count.n > MAX_TERMS) throw new QueryError(`${at}: 条件过多（至多 ${MAX_TERMS} 个）`);
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) throw new QueryError(`${at}.${key}: 应为非空数组`);
      const of = value.map((v, i) => mongo(v, `${at}.${key}.${i}`, depth + 1, count));
      parts.push({ kind: key === '$and' ? 'and' : 'or', of });
    } else if (key === '$not') {
      parts.push({ kind: 'not', of: mongo(value, `${at}.$not`, depth + 1, count) });
    } else if (isObject(value)) {
      for (const [op, v] of Object.entries(value)) {
        const mapped = MONGO_OPS[op];
        if (!mapped) throw new QueryError(`${at}.${key}: 不支持的运算 ${op}`);
        parts.push(term(key, mapped, v, `${at}.${key}`));
      }
    } else {
      parts.push(term(key, 'eq', value, `${at}.${key}`));
    }
  }
  if (parts.length === 0) throw new QueryError(`${at}: 空条件`);
  return parts.length === 1 ? parts[0]! : { kind: 'and', of: parts };
}

function expression(query: unknown): Condition {
  // {type?, value: {expression: {collection, query}}} as in the spec's example, or {expression: …} or the bare {collection, query}.
  const value = isObject(query) && isObject(query.value) ? query.value : query;
  const expr = isObject(value) && isObject(value.expression) ? value.expression : value;
  if (!isObject(expr) || !isObject(expr.query)) throw new QueryError('query: expression 查询应为 {value: {expression: {collection, query}}}');
  return mongo(expr.query, 'query.value.expression.query', 0, { n: 0 });
}

export function parseQuery(queryType: string, query: unknown): Condition {
  if (queryType === 'idtype-value') return idValue(query);
  if (queryType === 'predicate') return predicate(query);
  if (queryType === 'expression') return expression(query);
  throw new QueryError(`query_type: 应为 idtype-value、expression 或 predicate（收到 ${queryType}）`);
}

/** Record attributes a condition needs the client to hold (querying by an attribute reveals it). */
export function attributesUsed(c: Condition, into = new Set<Attribute>()): Set<Attribute> {
  if (c.kind === 'id') {
    const a = ID_TYPES[c.idType];
    if (a) into.add(a);
  } else if (c.kind === 'attr') {
    const a = QUERY_ATTRIBUTES[c.attribute];
    if (a) into.add(a);
  } else if (c.kind === 'not') attributesUsed(c.of, into);
  else c.of.forEach((x) => attributesUsed(x, into));
  return into;
}
