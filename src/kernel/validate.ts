import type { z } from 'zod';
import { AppError, type FieldError } from './errors.ts';

export function issuesToFields(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return issues.flatMap((i) => {
    const base = [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.');
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ field: base ? `${base}.${k}` : k, message: `不允许的字段：${k}` }));
    return [{ field: base || '(input)', message: i.message }];
  });
}

/** Parse with a zod schema or throw the one error type, naming each failing field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const fields = issuesToFields(r.error.issues, prefix);
  const first = fields[0];
  throw new AppError('validation_failed', first ? `${first.field}: ${first.message}` : '输入无效', 400, { fields });
}
