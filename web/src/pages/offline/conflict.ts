// An edit made offline against the values the clerk downloaded (the base), set beside the values on the
// server now: a field changed on both sides to different values is a conflict, for the clerk to resolve.
import { sameFieldValue } from '../../../../src/modules/registry/contract.ts';
import type { HouseholdFields } from '../registry/api.ts';

export type FieldName = keyof HouseholdFields;
export type Fields = Partial<HouseholdFields>;

export interface FieldConflict {
  field: FieldName;
  /** 本机填写 */
  local: unknown;
  /** 服务器现值 */
  server: unknown;
  /** 原值: what the clerk saw when downloading. */
  base: unknown;
}

export interface EditPlan {
  /** Fields to write (changed by the clerk, unchanged on the server or changed the same way). */
  patch: Fields;
  /** The values the write is based on, for the server to refuse it if they moved again. */
  expected: Fields;
  conflicts: FieldConflict[];
}

/** The fields the clerk changed from the base. */
export function changedFields(base: Fields, local: Fields): FieldName[] {
  return (Object.keys(local) as FieldName[]).filter((f) => !sameFieldValue(local[f], base[f]));
}

function put(target: Fields, field: FieldName, value: unknown): void {
  (target as Record<string, unknown>)[field] = value;
}

/** What to write now, and which fields need the clerk's choice first. */
export function planEdit(base: Fields, local: Fields, current: Fields): EditPlan {
  const plan: EditPlan = { patch: {}, expected: {}, conflicts: [] };
  for (const field of changedFields(base, local)) {
    const [mine, theirs, was] = [local[field], current[field], base[field]];
    if (sameFieldValue(theirs, mine)) continue; // the server already holds what the clerk wrote
    if (!sameFieldValue(theirs, was)) {
      plan.conflicts.push({ field, local: mine, server: theirs, base: was });
      continue;
    }
    put(plan.patch, field, mine);
    put(plan.expected, field, theirs);
  }
  return plan;
}

export type Choice = 'local' | 'server';

/**
 * The write after the clerk chose, field by field: every conflict must have a choice; a field kept at the
 * server's value is not written. The expected values are the server's as shown, so a further change there
 * is caught again.
 */
export function resolvePlan(plan: EditPlan, choices: Partial<Record<FieldName, Choice>>): { patch: Fields; expected: Fields } | { missing: FieldName[] } {
  const missing = plan.conflicts.filter((c) => choices[c.field] === undefined).map((c) => c.field);
  if (missing.length > 0) return { missing };
  const patch: Fields = { ...plan.patch };
  const expected: Fields = { ...plan.expected };
  for (const c of plan.conflicts) {
    if (choices[c.field] !== 'local') continue;
    put(patch, c.field, c.local);
    put(expected, c.field, c.server);
  }
  return { patch, expected };
}
