// Area codes (GB/T 2260 plus statistical codes): 6-digit county, 9-digit township, 12-digit village,
// prefecture = first 4 digits + "00", province = first 2 digits + "0000", "CN" = national.
// A parameter value set for an area applies to every area below it, so lookups walk up this chain.

export const NATIONAL = 'CN';
export const AREA_CODE_PATTERN = /^(CN|\d{6}|\d{9}|\d{12})$/;

export function isAreaCode(code: string): boolean {
  return AREA_CODE_PATTERN.test(code) && !/^0+$/.test(code);
}

/** The area itself, then each enclosing area up to CN: village → township → county → prefecture → province → CN. */
export function areaChain(code: string): string[] {
  if (!isAreaCode(code)) throw new Error(`Malformed area code "${code}"`);
  if (code === NATIONAL) return [NATIONAL];
  const chain: string[] = [];
  const add = (c: string): void => {
    if (!chain.includes(c)) chain.push(c);
  };
  for (const length of [12, 9, 6]) if (code.length >= length) add(code.slice(0, length));
  add(`${code.slice(0, 4)}00`);
  add(`${code.slice(0, 2)}0000`);
  add(NATIONAL);
  return chain;
}
