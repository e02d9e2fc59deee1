// The step forms are generated from each action's data schema (JSON Schema, as GET /cases/:caseNo
// gives it in nextActions[].dataSchema), and the opening questions of a programme from its `opening`
// schema (GET /programmes): one field spec per property the user fills in. A property's `title` (zod
// `.meta({ title })`) names it, and an enum written as `anyOf` of `{ const, title }` names its choices:
// a programme added later brings its own words; the dictionary (cases.field.*, cases.enum.*) names the rest.

import { yuanToFen } from '../registry/money.ts';

export interface JsonSchema {
  type?: string;
  title?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  items?: JsonSchema;
  default?: unknown;
}

/** `money`: an amount in fen (a property named …Fen), entered in yuan. */
export type FieldKind = 'date' | 'text' | 'textarea' | 'integer' | 'money' | 'boolean' | 'enum' | 'tags' | 'checks' | 'institution';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  options: string[];
  /** The schema's own name of the field, if it gives one. */
  label?: string;
  /** The schema's own names of the options, where it gives them. */
  optionLabels: Record<string, string>;
  min?: number;
  max?: number;
  /** For 'checks': the boolean properties of the nested object. */
  children: string[];
  defaultValue?: unknown;
}

/** Recorded elsewhere (uploads) or fixed by the server. */
const SKIPPED = new Set(['attachments', 'method']);
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** An enum written as alternatives of string constants (each may carry its title). */
function labelledOptions(s: JsonSchema): { value: string; title?: string }[] | null {
  const alternatives = s.anyOf ?? s.oneOf;
  if (!alternatives?.length) return null;
  const out: { value: string; title?: string }[] = [];
  for (const a of alternatives) {
    if (typeof a.const !== 'string') return null;
    out.push({ value: a.const, ...(a.title ? { title: a.title } : {}) });
  }
  return out;
}

function kindOf(name: string, s: JsonSchema): FieldKind | null {
  if (name === 'institutionId') return 'institution';
  if (s.enum || labelledOptions(s)) return 'enum';
  switch (s.type) {
    case 'string':
      if (s.pattern === DATE_PATTERN) return 'date';
      return (s.maxLength ?? 0) > 200 ? 'textarea' : 'text';
    case 'integer':
    case 'number':
      return name.endsWith('Fen') ? 'money' : 'integer';
    case 'boolean':
      return 'boolean';
    case 'array':
      return s.items?.type === 'string' ? 'tags' : null;
    case 'object':
      return Object.values(s.properties ?? {}).every((p) => p.type === 'boolean') ? 'checks' : null;
    default:
      return null;
  }
}

/**
 * The fields of a data schema, in the schema's order; properties the form cannot show are left out.
 * `skip`: property names recorded elsewhere (a step's uploads and method; nothing for opening questions).
 */
export function fieldsOf(schema: JsonSchema | null, skip: ReadonlySet<string> = SKIPPED): FieldSpec[] {
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  const out: FieldSpec[] = [];
  for (const [name, s] of Object.entries(schema.properties)) {
    if (skip.has(name) || s.const !== undefined) continue;
    const kind = kindOf(name, s);
    if (!kind) continue;
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
    const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : undefined);
    const labelled = labelledOptions(s);
    out.push({
      name,
      kind,
      required: required.has(name),
      options: s.enum ?? labelled?.map((o) => o.value) ?? [],
      ...(s.title ? { label: s.title } : {}),
      optionLabels: Object.fromEntries((labelled ?? []).flatMap((o) => (o.title ? [[o.value, o.title]] : []))),
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      children: kind === 'checks' ? Object.keys(s.properties ?? {}) : [],
      ...(s.default !== undefined && s.default !== '' ? { defaultValue: s.default } : {}),
    });
  }
  return out;
}

export function isJsonSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the form holds, as the API takes it: empty optional texts left out, texts trimmed. */
export function dataOf(fields: readonly FieldSpec[], values: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values?.[f.name];
    if (v === undefined || v === null || (v === '' && !f.required)) continue;
    out[f.name] = typeof v === 'string' ? v.trim() : f.kind === 'money' && typeof v === 'number' ? yuanToFen(v) : v;
  }
  return out;
}
