// Contract-test helpers: our SPDCI bodies checked against the vendored spec (spec/spdci/social_api_v1.0.0.yaml)
// with ajv. Only tests import this file (ajv and ajv-formats are development dependencies).
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { ROOT } from '../../kernel/paths.ts';

export const SPEC_FILE = path.join(ROOT, 'spec/spdci/social_api_v1.0.0.yaml');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * OpenAPI 3.0 schema objects → JSON Schema for ajv: `nullable: true` becomes a null alternative; `example`
 * is annotation only and dropped — except where the document uses an `example` as a schema (TxnStatusResponse
 * points a `$ref` into `txnstatus_response/example`), which is kept as the schema it is.
 */
export function openApiToJsonSchema(node: Json, refTargets: ReadonlySet<string>, at = '#'): Json {
  if (Array.isArray(node)) return node.map((v, i) => openApiToJsonSchema(v, refTargets, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return node;
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    const here = `${at}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (k === 'example' && !refTargets.has(here)) continue;
    if (k === 'nullable') continue;
    out[k] = openApiToJsonSchema(v, refTargets, here);
  }
  if (node.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  return out;
}

/** Every `$ref` target of the document (`#/...`). */
function refTargetsOf(node: Json, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((v) => refTargetsOf(v, into));
  else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') into.add(v);
      else refTargetsOf(v, into);
    }
  }
  return into;
}

let compiled: { ajv: Ajv; doc: { [k: string]: Json } } | null = null;

function specAjv() {
  if (compiled) return compiled;
  const raw = parse(fs.readFileSync(SPEC_FILE, 'utf8')) as Json;
  const doc = openApiToJsonSchema(raw, refTargetsOf(raw)) as { [k: string]: Json };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  // ajv-formats is CommonJS: its default export arrives as the module object under some loaders.
  const addFormats = addFormatsModule as unknown as { default?: (a: Ajv) => Ajv } & ((a: Ajv) => Ajv);
  (addFormats.default ?? addFormats)(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ ...doc, $id: 'spdci' }, 'spdci');
  compiled = { ajv, doc };
  return compiled;
}

const cache = new Map<string, ValidateFunction>();

/** A validator of a JSON pointer into the spec, e.g. `#/components/schemas/SearchRequest`. */
export function specValidator(pointer: string): ValidateFunction {
  const had = cache.get(pointer);
  if (had) return had;
  const { ajv } = specAjv();
  const v = ajv.compile({ $ref: `spdci${pointer}` });
  cache.set(pointer, v);
  return v;
}

/** The schema of a path's request body (or of its default answer) as the spec declares it. */
export function pathPointer(route: string, part: 'request' | 'response'): string {
  const p = `#/paths/${route.replaceAll('~', '~0').replaceAll('/', '~1')}/post`;
  return part === 'request' ? `${p}/requestBody/content/application~1json/schema` : `${p}/responses/default/content/application~1json/schema`;
}

/** The ACK `Response` every async endpoint answers with. */
export const ACK_POINTER = '#/components/responses/Response/content/application~1json/schema';

/** Errors of `value` against `pointer`, as readable lines (empty: valid). */
export function specErrors(pointer: string, value: unknown): string[] {
  const v = specValidator(pointer);
  if (v(value)) return [];
  return (v.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.keyword}: ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
