// The server's field errors on a form: each field the form shows gets its message (`rename`: the server's
// field name → the form's); the error's own message is shown above the form either way.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client.ts';

export function showFieldErrors<T>(form: FormInstance<T>, err: unknown, rename: Record<string, string> = {}): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const fields = ((err.details?.fields ?? []) as { field: string; message: string }[]).map((f) => ({ name: rename[f.field] ?? f.field, errors: [f.message] }));
  form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  return err.message;
}
