// A programme's opening questions (its `opening` JSON Schema from GET /programmes): what the window
// records when it opens a case of it, e.g. 临时救助's kind, urgency, months and payment method.
import type { ProgrammeItem } from '../../api/programmes.ts';
import type { Translate } from '../../i18n/context.ts';
import { codeLabel, valueText } from './format.ts';
import { dataOf, fieldsOf, isJsonSchema, type FieldSpec } from './schema.ts';

const NOTHING_SKIPPED: ReadonlySet<string> = new Set();

/** The fields of the programme's opening questions; none when it asks nothing. */
export function openingFields(p: ProgrammeItem | undefined): FieldSpec[] {
  return fieldsOf(p && isJsonSchema(p.opening) ? p.opening : null, NOTHING_SKIPPED);
}

/** `details` of a new case as the API takes them; left out for a programme that asks nothing (the server refuses them there). */
export function openingDetails(p: ProgrammeItem | undefined, values: Record<string, unknown> | undefined): { details?: Record<string, unknown> } {
  return p && isJsonSchema(p.opening) ? { details: dataOf(openingFields(p), values) } : {};
}


/** The opening answers recorded with the acceptance as "label: value" lines, named by the programme's own titles, in its order. */
export function openingLines(t: Translate, details: Record<string, unknown>, fields: readonly FieldSpec[]): { key: string; text: string }[] {
  const rank = (k: string) => {
    const i = fields.findIndex((f) => f.name === k);
    return i < 0 ? fields.length : i;
  };
  return Object.entries(details)
    .filter(([, v]) => v !== '' && v !== null && v !== undefined)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, v]) => {
      const f = fields.find((x) => x.name === k);
      const value = (typeof v === 'string' ? f?.optionLabels[v] : undefined) ?? valueText(t, k, v);
      return { key: `details.${k}`, text: t('cases.labelled', { label: f?.label ?? codeLabel(t, 'field', k), value }) };
    });
}
