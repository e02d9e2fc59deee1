// The step forms are generated from each action's data schema (JSON Schema, as GET /cases/:caseNo
// gives it in nextActions[].dataSchema): one field spec per property the user fills in.

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: string[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  items?: JsonSchema;
  default?: unknown;
}

export type FieldKind = 'date' | 'text' | 'textarea' | 'integer' | 'boolean' | 'enum' | 'tags' | 'checks' | 'institution';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  options: string[];
  min?: number;
  /** For 'checks': the boolean properties of the nested object. */
  children: string[];
  defaultValue?: unknown;
}

/** Recorded elsewhere (uploads) or fixed by the server. */
const SKIPPED = new Set(['attachments', 'method']);
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function kindOf(name: string, s: JsonSchema): FieldKind | null {
  if (name === 'institutionId') return 'institution';
  if (s.enum) return 'enum';
  switch (s.type) {
    case 'string':
      if (s.pattern === DATE_PATTERN) return 'date';
      return (s.maxLength ?? 0) > 200 ? 'textarea' : 'text';
    case 'integer':
    case 'number':
      return 'integer';
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

/** The fields of a data schema, in the schema's order; properties the form cannot show are left out. */
export function fieldsOf(schema: JsonSchema | null): FieldSpec[] {
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  const out: FieldSpec[] = [];
  for (const [name, s] of Object.entries(schema.properties)) {
    if (SKIPPED.has(name) || s.const !== undefined) continue;
    const kind = kindOf(name, s);
    if (!kind) continue;
    const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
    out.push({
      name,
      kind,
      required: required.has(name),
      options: s.enum ?? [],
      ...(min !== undefined ? { min } : {}),
      children: kind === 'checks' ? Object.keys(s.properties ?? {}) : [],
      ...(s.default !== undefined && s.default !== '' ? { defaultValue: s.default } : {}),
    });
  }
  return out;
}

export function isJsonSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
