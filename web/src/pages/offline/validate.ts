// The server's own zod schemas, run in the browser before an entry is queued: what the server would
// refuse is refused here already, with the same Chinese messages and field paths.
import { householdPatchSchema, newHouseholdSchema } from '../../../../src/modules/registry/contract.ts';
import type { NewHousehold } from '../registry/api.ts';
import type { Fields } from './conflict.ts';

export interface Issue {
  path: (string | number)[];
  message: string;
}

type Checked<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

function checked<T>(result: { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }, value: T): Checked<T> {
  if (result.success) return { ok: true, value };
  return { ok: false, issues: result.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })) };
}

/** The new household as entered, checked as POST /households checks it (the entry keeps what was entered). */
export function checkNewHousehold(input: NewHousehold): Checked<NewHousehold> {
  return checked(newHouseholdSchema.safeParse(input), input);
}

/** A visit's changed household fields, checked as PATCH /households/:no checks them. */
export function checkFields(fields: Fields): Checked<Fields> {
  return checked(householdPatchSchema.safeParse(fields), fields);
}
