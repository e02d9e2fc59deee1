/** Inputs of the demo generator and their defaults for 黔南州 2015. */
import type { Hukou } from '../types.ts';
import type { IdAllocator } from './id-allocator.ts';

export interface DemoVillage {
  /** 12-digit village code. */
  code: string;
  name: string;
  /** County-level code, including functional zones such as 522790. */
  countyCode: string;
  townshipName: string;
  /** 社区 / 居委会: urban hukou. */
  urban: boolean;
}

export interface DemoOptions {
  seed: number | string;
  count: number;
  villages: readonly DemoVillage[];
  /** The year the data describes; ages and incomes refer to 30 June of it. Default 2015. */
  year?: number;
  /** Dibao standard in fen per person per month; default: 黔南州 2015 (spec/rules.md §1). */
  standardFenPerMonth?: (countyCode: string, hukou: Hukou) => number;
  /** Area prefix of residents' ID numbers; default: the county code, or for a functional zone the county it was carved from. */
  idAreaPrefix?: (countyCode: string) => string;
  /**
   * The ID numbers handed out so far: generators that feed one load (the demo's prefecture and township parts)
   * share one, so their people never share a number. Default: a fresh one.
   */
  ids?: IdAllocator;
}

// Tier 1 of 2015: 都匀市, 福泉市 and 都匀经济开发区; every other county is tier 2.
const TIER_1 = new Set(['522701', '522702', '522790']);

/** 黔南州 2015 standards: urban 495 / 440 yuan a month, rural 2640 / 2580 yuan a year (÷ 12). */
export function qiannan2015StandardFenPerMonth(countyCode: string, hukou: Hukou): number {
  const tier1 = TIER_1.has(countyCode);
  if (hukou === 'urban') return tier1 ? 49_500 : 44_000;
  return Math.round((tier1 ? 264_000 : 258_000) / 12);
}

// Functional zones are not in GB/T 2260: their residents keep the numbers of the original county.
const FUNCTIONAL_ZONE_ORIGIN: Record<string, string> = { '522790': '522701' };

export function defaultIdAreaPrefix(countyCode: string): string {
  return FUNCTIONAL_ZONE_ORIGIN[countyCode] ?? countyCode;
}

/** Villages whose name ends in 社区 / 居委会 / 居民委员会 are urban. */
export function isUrbanVillageName(name: string): boolean {
  return /(社区|居委会|居民委员会)$/.test(name);
}
