import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';
import type { FieldError } from '../../api/types.ts';

export type NamePath = (string | number)[];

/**
 * Turns an API field path (`members.0.idNumber`) into a form name path (['members', 0, 'idNumber']);
 * `rename` maps the API's leaf names to the form's (e.g. amountFen → amountYuan), `lists` the API's
 * list names to the form's (e.g. items → incomes).
 */
export function toNamePath(field: string, rename: Record<string, string> = {}, lists: Record<string, string> = {}): NamePath {
  return field.split('.').map((part, i) => {
    if (/^\d+$/.test(part)) return Number(part);
    if (i === 0 && lists[part]) return lists[part];
    return rename[part] ?? part;
  });
}

export interface FieldErrorMapping {
  rename?: Record<string, string>;
  lists?: Record<string, string>;
  /** True when the form shows a field at this name path. */
  onForm: (path: NamePath) => boolean;
}

/**
 * Puts the server's field messages on the form's fields; returns the messages that belong to no
 * field on this form (to show above it), or the error's own message when it names no field.
 */
export function showFieldErrors<T>(form: FormInstance<T>, err: unknown, mapping: FieldErrorMapping): string[] {
  if (!(err instanceof ApiError)) return [err instanceof Error ? err.message : String(err)];
  if (err.fields.length === 0) return [err.message];
  const elsewhere: FieldError[] = [];
  const byPath = new Map<string, { name: NamePath; errors: string[] }>();
  for (const f of err.fields) {
    const name = toNamePath(f.field, mapping.rename, mapping.lists);
    if (!mapping.onForm(name)) {
      elsewhere.push(f);
      continue;
    }
    const key = name.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(f.message);
    byPath.set(key, entry);
  }
  // antd types setFields by the form's own paths; these come from the server, checked by onForm.
  form.setFields([...byPath.values()].map((e) => ({ name: e.name as never, errors: e.errors })));
  const first = [...byPath.values()][0];
  if (first) form.scrollToField(first.name as never);
  // The server's messages name the field in words already.
  return elsewhere.map((f) => f.message);
}

/** A predicate for `onForm`: list paths `[list, index, leaf]` and top-level leaves. */
export function knownFields(leaves: readonly string[], lists: Record<string, readonly string[]> = {}): (path: NamePath) => boolean {
  return (path) => {
    const [head, index, leaf] = path;
    if (path.length === 1 && typeof head === 'string') return leaves.includes(head);
    if (path.length === 3 && typeof head === 'string' && typeof index === 'number' && typeof leaf === 'string') {
      return lists[head]?.includes(leaf) ?? false;
    }
    if (path.length === 2 && typeof head === 'string' && typeof index === 'string') {
      return lists[head]?.includes(index) ?? false;
    }
    return false;
  };
}
