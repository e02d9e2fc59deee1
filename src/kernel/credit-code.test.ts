// GB 32100-2015 check characters on published codes, hand-worked sums, and the ways a code is wrong.
import { describe, expect, it } from 'vitest';
import { creditCodeCheck, parseCreditCode } from './credit-code.ts';
import { creditCode } from './types.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    // The standard's worked example: Σ = 1640, 1640 mod 31 = 28, 31 − 28 = 3.
    ['91350100M000100Y43', 'GB 32100-2015 附录 worked example'],
    ['91310110666007217T', 'an enterprise in 上海市杨浦区 (hutool test)'],
    ['91310115591693856A', 'an enterprise in 上海市浦东新区 (hutool test)'],
    ['91230184MA1BUFLT44', 'an enterprise in 黑龙江 五常市'],
    ['92371000MA3MXH0E3W', 'an individual business in 山东 威海市'],
    // Σ = 1 + 6 + 45 + 54 + 38 + 182 + 17 + 420 (M=21) + 319 (B=11) + 252 = 1334 = 43 × 31 + 1 → 30 → Y.
    ['12522701MB0000009Y', 'a check value of 30 is written Y'],
    // Σ = 1082 + 30 × 28 = 1922 = 62 × 31 → 31 − 0 = 31 → 0.
    ['12522701MB000000Y0', 'a check value of 31 is written 0'],
  ])('accepts %s (%s)', (code) => {
    expect(parseCreditCode(code)).toEqual({ ok: true, code });
    expect(creditCodeCheck(code.slice(0, 17))).toBe(code[17]);
  });

  it.each([
    ['91350100M000100Y44', '校验位有误（第18位应为 3）'],
    ['91350100M000100Y4Z', '只含数字和大写字母'], // the standard's own wrong example: Z is not in the set
    ['91350211M00013FA1N', '校验位有误（第18位应为 3）'], // an early pilot code that does not follow the standard
    ['91310115MA1G4L1WXK', '校验位有误（第18位应为 7）'],
    ['91310110666007217U', '校验位有误（第18位应为 T）'],
    ['91310110666007217', '应为18位（收到17位）'],
    ['91310110666007217TT', '应为18位（收到19位）'],
    ['91310110666OO7217T', '只含数字和大写字母'],
    ['91310110666007217t', '只含数字和大写字母'],
    ['913101I0666007217T', '只含数字和大写字母'], // area digits 3–8 are digits only
    ['9131011066600721ZT', '只含数字和大写字母'],
  ])('refuses %s', (code, message) => {
    const r = parseCreditCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('has a zod type with the message in Chinese (trimmed and upper-cased first)', () => {
    expect(creditCode.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    const bad = creditCode.safeParse('91350100M000100Y44');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('校验位有误');
  });

  it('returns no check character for a bad prefix', () => {
    expect(creditCodeCheck('9135010')).toBeNull();
    expect(creditCodeCheck('91350100M000100YI')).toBeNull();
  });
});
