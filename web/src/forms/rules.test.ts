// The rule as antd's form runs it (rc-field-form validates with @rc-component/async-validator).
import Schema from '@rc-component/async-validator';
import { describe, expect, it } from 'vitest';
import type { Translate } from '../i18n/context.ts';
import { zhCN } from '../i18n/zh-CN.ts';
import { nonNegative } from './rules.ts';

const t: Translate = (key) => zhCN[key];

async function errorsOf(value: unknown): Promise<string[]> {
  const schema = new Schema({ amount: nonNegative(t) as never });
  try {
    await schema.validate({ amount: value });
    return [];
  } catch (e) {
    return ((e as { errors: { message: string }[] }).errors ?? []).map((x) => x.message);
  }
}

describe('an amount or count that must not be negative', () => {
  it.each([
    { value: -5, errors: ['不能为负数'] },
    { value: -0.01, errors: ['不能为负数'] },
    { value: 0, errors: [] },
    { value: 12.5, errors: [] },
    // Left empty: whether it is required is another rule's business.
    { value: null, errors: [] },
  ])('$value → $errors', async ({ value, errors }) => {
    expect(await errorsOf(value)).toEqual(errors);
  });
});
