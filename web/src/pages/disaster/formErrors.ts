// The server's field errors on a disaster form: each API field the form shows (renamed where the form
// calls it otherwise) gets its message; the error's own message is shown above the form either way.
import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';

export function applyFieldErrors<T>(form: FormInstance<T>, err: unknown, shown: readonly string[], rename: Record<string, string> = {}): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const fields = err.fields.map((f) => ({ name: rename[f.field] ?? f.field, errors: [f.message] })).filter((f) => shown.includes(f.name));
  form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  return err.message;
}
