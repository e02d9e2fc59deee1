// How many persons of each kind each county gets: the seed's prefecture totals (figures.ts) times the scale,
// shared among the counties by their villages (urban persons by the county's urban communities, rural persons
// and 特困 by its rural villages), by largest remainder so that every total is exact.
import type { DemoVillage } from '../../modules/registry/index.ts';
import { HARDSHIP_FLOWS, SEED, URBAN_SHARE_2014, URBAN_SHARE_2015 } from './figures.ts';

export type HardshipFlow = keyof typeof HARDSHIP_FLOWS;
export const HARDSHIP_FLOW_KEYS = Object.keys(HARDSHIP_FLOWS) as HardshipFlow[];

export interface CountyQuota {
  countyCode: string;
  /** 低保 persons paid at the end of 2015 (stay) and those whose case closed at the end of 2014 (exit), by hukou. */
  dibao: { urban: { stay: number; exit: number }; rural: { stay: number; exit: number } };
  hardship: Record<HardshipFlow, number>;
}

export interface ScenarioPlan {
  scale: number;
  counties: CountyQuota[];
  totals: { dibao2015: number; dibao2014: number; urban2015: number; urban2014: number; hardship: Record<HardshipFlow, number> };
}

/** `total` shared in proportion to `weights` (whole numbers summing to it; all to the first when every weight is 0). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

export function scenarioPlan(villages: readonly DemoVillage[], scale: number): ScenarioPlan {
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`scale must be in (0, 1], got ${scale}`);
  const counties = [...new Set(villages.map((v) => v.countyCode))].sort();
  const count = (c: string, urban: boolean) => villages.filter((v) => v.countyCode === c && v.urban === urban).length;
  const urbanW = counties.map((c) => count(c, true));
  const ruralW = counties.map((c) => count(c, false));
  const dibao2015 = Math.round(SEED.dibaoPersons2015 * scale);
  const dibao2014 = Math.round(dibao2015 / (1 - SEED.dibaoReduction));
  const hasUrban = urbanW.some((w) => w > 0);
  const urban2015 = hasUrban ? Math.round(dibao2015 * URBAN_SHARE_2015) : 0;
  const urban2014 = hasUrban ? Math.max(urban2015, Math.round(dibao2014 * URBAN_SHARE_2014)) : 0;
  const share = (total: number, w: readonly number[]) => apportion(total, w);
  const uStay = share(urban2015, urbanW), uExit = share(urban2014 - urban2015, urbanW);
  const rStay = share(dibao2015 - urban2015, ruralW), rExit = share(dibao2014 - urban2014 - (dibao2015 - urban2015), ruralW);
  const hardship = Object.fromEntries(HARDSHIP_FLOW_KEYS.map((k) => [k, Math.round(HARDSHIP_FLOWS[k] * scale)])) as Record<HardshipFlow, number>;
  const hardshipShares = Object.fromEntries(HARDSHIP_FLOW_KEYS.map((k) => [k, share(hardship[k], ruralW)])) as Record<HardshipFlow, number[]>;
  return {
    scale,
    totals: { dibao2015, dibao2014, urban2015, urban2014, hardship },
    counties: counties.map((countyCode, i) => ({
      countyCode,
      dibao: { urban: { stay: uStay[i] ?? 0, exit: uExit[i] ?? 0 }, rural: { stay: rStay[i] ?? 0, exit: rExit[i] ?? 0 } },
      hardship: Object.fromEntries(HARDSHIP_FLOW_KEYS.map((k) => [k, hardshipShares[k][i] ?? 0])) as Record<HardshipFlow, number>,
    })),
  };
}
