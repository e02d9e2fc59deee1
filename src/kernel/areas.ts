export const AREA_LEVELS = ['prefecture', 'county', 'township', 'village'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/**
 * Area codes are hierarchical by prefix (GB/T 2260 + statistical codes): prefecture
 * `522700` → prefix `5227`, county 6 digits, township 9, village 12. Functional zones are
 * re-coded under their own county-level code so the rule holds for them too.
 */
export function levelOf(code: string): AreaLevel {
  if (code.length === 12) return 'village';
  if (code.length === 9) return 'township';
  if (code.length === 6) return code.endsWith('00') ? 'prefecture' : 'county';
  throw new Error(`not an area code: ${code}`);
}

export function prefixOf(code: string): string {
  return levelOf(code) === 'prefecture' ? code.slice(0, 4) : code;
}

export function isAreaCode(code: string): boolean {
  return /^(\d{6}|\d{9}|\d{12})$/.test(code);
}

/** County code of any area below county level (or the county itself); null for a prefecture. */
export function countyOf(code: string): string | null {
  return levelOf(code) === 'prefecture' ? null : code.slice(0, 6);
}

export function prefectureOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}
