// 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-character set
// (digits and capitals without I, O, S, V, Z); characters 3–8 are the registering authority's area code;
// the 18th is a check character, 31 − (Σ value × weight mod 31), the weights being 3^(i−1) mod 31.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character of the first 17 characters, or null if one is outside the character set. */
export function creditCodeCheck(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return CHARSET[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeResult = { ok: true; code: string } | { ok: false; message: string };

/** Checks a code as written (upper case, no spaces): length, character set, area digits, check character. */
export function parseCreditCode(code: string): CreditCodeResult {
  if (code.length !== 18) return { ok: false, message: `统一社会信用代码应为18位（收到${code.length}位）` };
  if (!SHAPE.test(code)) return { ok: false, message: '统一社会信用代码只含数字和大写字母（不用 I、O、S、V、Z），第3—8位为行政区划代码' };
  const check = creditCodeCheck(code.slice(0, 17));
  if (check !== code[17]) return { ok: false, message: `统一社会信用代码校验位有误（第18位应为 ${check}）` };
  return { ok: true, code };
}
