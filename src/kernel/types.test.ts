// Numbers from the query and the path are decimal only; dates must exist.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decimalInt, isoDate } from './types.ts';

const limit = z.object({ limit: decimalInt(1, 200).default(50) });
const messages = (v: unknown) => {
  const r = limit.safeParse({ limit: v });
  return r.success ? r.data.limit : r.error.issues.map((i) => i.message);
};

describe('decimalInt', () => {
  it.each([
    ['12', 12], ['+12', 12], ['007', 7], ['200', 200], [12, 12], [undefined, 50],
  ])('takes %j as %j', (input, output) => expect(messages(input)).toBe(output));

  it.each([
    ['0x10', '应为十进制整数'], ['1e3', '应为十进制整数'], ['Infinity', '应为十进制整数'], [' 12 ', '应为十进制整数'],
    ['0b1', '应为十进制整数'], ['', '应为十进制整数'], ['1.5', '应为十进制整数'], ['１２', '应为十进制整数'], ['12abc', '应为十进制整数'],
    [null, '应为十进制整数'], [['1'], '应为十进制整数'], [{}, '应为十进制整数'], [true, '应为十进制整数'],
    ['0', '应不小于 1'], ['-1', '应不小于 1'], ['201', '应不大于 200'], [12.5, '应为整数'], [Infinity, '应为十进制整数'],
  ])('refuses %j: %s', (input, message) => expect(messages(input)).toContain(message));

  it('refuses a number beyond the safe integers', () => {
    expect(decimalInt(1).safeParse('99999999999999999999').success).toBe(false);
    expect(decimalInt(1).parse('9007199254740991')).toBe(9007199254740991);
  });
});

describe('isoDate', () => {
  it.each(['2015-12-31', '2016-02-29', '2000-01-01'])('takes %s', (d) => expect(isoDate.parse(d)).toBe(d));
  it.each([['2015-02-29', '日期不存在'], ['2015-13-01', '日期不存在'], ['2948-24-18', '日期不存在'], ['2015-04-31', '日期不存在'], ['2015-1-1', '日期格式应为 YYYY-MM-DD']])('refuses %s: %s', (d, message) => {
    const r = isoDate.safeParse(d);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([message]);
  });
});
