// Hostile requests for every operation of the OpenAPI document, derived from its schemas: a plausible
// request (values that match each schema, real ones where a list gave them), then one change at a time —
// malformed JSON, wrong types, missing required fields, NUL bytes, huge strings, bad ids, garbage bytes.
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

interface Parameter { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema: JsonSchema }
interface Operation { parameters?: Parameter[]; requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> } }
export interface OpenApi { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, JsonSchema> } }

export interface FuzzCase {
  label: string;
  method: string;
  url: string;
  body?: string | Buffer;
  contentType?: string;
  /** Certainly invalid: a 2xx is a failure. */
  mustFail: boolean;
}

const SEED = 15;
const SAMPLE_DATE = '2015-12-01';
const isDate = (s: JsonSchema) => s.format === 'date' || s.pattern === '^\\d{4}-\\d{2}-\\d{2}$';
export const HUGE = 'x'.repeat(100_000);
export const BAD_IDS = ['0', '-1', '99999999999999999999', '2147483648', '..%2F..%2Fetc%2Fpasswd', '%00', encodeURIComponent("'; drop table households;--"), '%C0%AF', '%FF', 'a%00b'];

export class Fuzzer {
  constructor(private readonly doc: OpenApi, private readonly known: ReadonlyMap<string, unknown[]>) {}

  private resolve(s: JsonSchema): JsonSchema {
    if (s.$ref) return this.resolve(this.doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')] ?? {});
    if (s.allOf) return s.allOf.map((x) => this.resolve(x)).reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties }, required: [...(a.required ?? []), ...(b.required ?? [])] }), {});
    const variants = s.anyOf ?? s.oneOf;
    if (variants) return this.resolve(variants.find((v) => v.type !== 'null') ?? variants[0] ?? {});
    return s;
  }

  typeOf(s: JsonSchema): string | undefined {
    const r = this.resolve(s);
    return Array.isArray(r.type) ? r.type.find((t) => t !== 'null') : r.type;
  }

  private fits(s: JsonSchema, v: unknown): boolean {
    const type = this.typeOf(s);
    if (typeof v === 'number') return (type === 'integer' && Number.isInteger(v)) || type === 'number';
    if (typeof v !== 'string' || type !== 'string') return false;
    return (!s.enum || s.enum.includes(v)) && (!s.pattern || new RegExp(s.pattern).test(v)) && v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
  }

  /** A value that matches the schema (a real one where the name is known); `full`: every optional property, one item per array. */
  sample(raw: JsonSchema, name = '', full = false): unknown {
    const s = this.resolve(raw);
    const real = this.known.get(name)?.find((v) => this.fits(s, v));
    if (real !== undefined) return real;
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    switch (this.typeOf(s)) {
      case 'string':
        if (isDate(s)) return SAMPLE_DATE;
        if (s.pattern) {
          try {
            return fc.sample(fc.stringMatching(new RegExp(s.pattern)), { seed: SEED, numRuns: 1 })[0];
          } catch { /* a pattern fast-check cannot generate from */ }
        }
        return '测试'.padEnd(Math.max(2, s.minLength ?? 0), '试');
      case 'integer':
      case 'number':
        return (s.minimum ?? 1) + (s.exclusiveMinimum === true ? 1 : 0);
      case 'boolean':
        return false;
      case 'array':
        return Array.from({ length: Math.max(s.minItems ?? 0, full ? 1 : 0) }, () => this.sample(s.items ?? {}, '', full));
      case 'object':
        return Object.fromEntries((full ? Object.keys(s.properties ?? {}) : s.required ?? []).map((k) => [k, this.sample(s.properties?.[k] ?? {}, k, full)]));
      default:
        return null;
    }
  }

  /** Values of another JSON type than the schema's. */
  wrongTypes(raw: JsonSchema): unknown[] {
    const s = this.resolve(raw);
    const nullable = s.nullable === true || (Array.isArray(s.type) && s.type.includes('null'));
    const others: Record<string, unknown[]> = {
      string: [12345, { a: 1 }, ['x'], true], integer: ['abc', { a: 1 }, [1], true, 1.5], number: ['abc', { a: 1 }, [1], true],
      boolean: ['yes', 1, {}], object: ['x', 1, [1]], array: ['x', 1, { a: 1 }],
    };
    return [...(others[this.typeOf(s) ?? ''] ?? []), ...(nullable || s.type === undefined ? [] : [null])];
  }

  /** Every hostile request of one operation. */
  cases(method: string, template: string, op: Operation): FuzzCase[] {
    const params = op.parameters ?? [];
    const pathValues = new Map(params.filter((p) => p.in === 'path').map((p) => [p.name, encodeURIComponent(String(this.sample(p.schema, p.name)))]));
    const query = new Map(params.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, String(this.sample(p.schema, p.name))]));
    const bodySchema = op.requestBody?.content['application/json']?.schema;
    const body = bodySchema ? this.sample(bodySchema) : undefined;
    const M = method.toUpperCase();
    const url = (path: Map<string, string> = pathValues, q: Map<string, string> | string = query) => {
      const p = template.replace(/\{(\w+)\}/g, (_m, n: string) => path.get(n) ?? '');
      const qs = typeof q === 'string' ? q : [...q].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
      return qs ? `${p}?${qs}` : p;
    };
    const out: FuzzCase[] = [];
    const json = (label: string, value: unknown, mustFail: boolean) => out.push({ label, method: M, url: url(), body: JSON.stringify(value), contentType: 'application/json', mustFail });
    const withBody = (value: unknown) => (bodySchema ? { body: JSON.stringify(value), contentType: 'application/json' } : {});
    // Plausible requests first (they may well succeed): the required fields only, then every field.
    out.push({ label: 'as documented', method: M, url: url(), mustFail: false, ...withBody(body) });
    const everyQuery = new Map(params.filter((p) => p.in === 'query').map((p) => [p.name, String(this.sample(p.schema, p.name, true))]));
    out.push({ label: 'every field', method: M, url: url(pathValues, everyQuery), mustFail: false, ...withBody(bodySchema ? this.sample(bodySchema, '', true) : undefined) });

    for (const p of params.filter((x) => x.in === 'path')) {
      for (const bad of [...BAD_IDS, HUGE]) out.push({ label: `path ${p.name}=${bad.slice(0, 30)}`, method: M, url: url(new Map([...pathValues, [p.name, bad]])), mustFail: true, ...withBody(body) });
    }
    const rawQuery = (extra: string) => [...query].filter(([k]) => !extra.startsWith(`${encodeURIComponent(k)}=`)).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).concat(extra).join('&');
    for (const p of params.filter((x) => x.in === 'query')) {
      const type = this.typeOf(p.schema);
      const bads: [string, boolean][] = [[`${p.name}=%00`, true], [`${p.name}=a%00b`, true], [`${p.name}=${HUGE}`, false], [`${p.name}=%C0%AF`, true], [`${p.name}=%FF`, true], [`${p.name}=1&${p.name}=2`, type !== 'array'], [`${p.name}[a]=1`, false]];
      if (type === 'integer' || type === 'number') for (const v of ['abc', '0x10', '1e3', 'Infinity', '%2012%20', '']) bads.push([`${p.name}=${v}`, true]);
      if (type === 'boolean' || this.resolve(p.schema).enum) bads.push([`${p.name}=not-a-choice`, true]);
      if (isDate(this.resolve(p.schema))) bads.push([`${p.name}=2015-02-30`, true]);
      for (const [q, mustFail] of bads) out.push({ label: `query ${q.slice(0, 40)}`, method: M, url: url(pathValues, rawQuery(q)), mustFail, ...withBody(body) });
    }
    if (M === 'POST' || M === 'PUT' || M === 'PATCH') out.push({ label: 'garbage bytes', method: M, url: url(), body: Buffer.from([0xff, 0xfe, 0x00, 0x50, 0x4b, 0x03, 0x04, 0xc0, 0xaf, 0x00]), contentType: 'application/octet-stream', mustFail: true });
    if (!bodySchema) return out;

    out.push({ label: 'malformed JSON', method: M, url: url(), body: '{"a": [1, 2', contentType: 'application/json', mustFail: true });
    out.push({ label: 'JSON not UTF-8', method: M, url: url(), body: Buffer.from('{"name": "\xff\xfe"}', 'latin1'), contentType: 'application/json', mustFail: true });
    out.push({ label: 'body of wrong type', method: M, url: url(), body: '[]', contentType: 'application/json', mustFail: this.typeOf(bodySchema) === 'object' });
    const root = this.resolve(bodySchema);
    for (const [k, prop] of Object.entries(root.properties ?? {})) {
      const required = root.required?.includes(k) ?? false;
      for (const w of this.wrongTypes(prop)) json(`body.${k} = ${JSON.stringify(w)}`, { ...(body as object), [k]: w }, required);
      if (required) {
        const { [k]: _gone, ...rest } = body as Record<string, unknown>;
        json(`body.${k} missing`, rest, true);
      }
    }
    const full = this.sample(bodySchema, '', true);
    for (const [path, replace] of stringSlots(full)) {
      json(`NUL in body.${path}`, replace('a\u0000b'), true);
      json(`lone surrogate in body.${path}`, replace('a\ud800b'), true);
      json(`100 kB in body.${path}`, replace(HUGE), false);
      if (JSON.stringify(replace(SAMPLE_DATE)) === JSON.stringify(full)) json(`no such date in body.${path}`, replace('2015-02-30'), true);
    }
    return out;
  }
}

/** Every string in a value, with a function giving a copy of the value where that string is replaced. */
export function stringSlots(value: unknown, path = ''): [string, (s: string) => unknown][] {
  if (typeof value === 'string') return [[path, (s) => s]];
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => stringSlots(v, `${path ? `${path}.` : ''}${i}`).map(([p, f]): [string, (s: string) => unknown] => [p, (s) => value.map((x, j) => (j === i ? f(s) : x))]));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => stringSlots(v, `${path ? `${path}.` : ''}${k}`).map(([p, f]): [string, (s: string) => unknown] => [p, (s) => ({ ...value, [k]: f(s) })]));
  }
  return [];
}

/** Values found under each key in answers (householdNo, caseNo, …), to give parameters real ids. */
export function harvest(value: unknown, into: Map<string, unknown[]>): void {
  if (Array.isArray(value)) for (const v of value) harvest(v, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string' || typeof v === 'number') {
        const seen = into.get(k) ?? [];
        if (seen.length < 50 && !seen.includes(v)) into.set(k, [...seen, v]);
      } else harvest(v, into);
    }
  }
}
