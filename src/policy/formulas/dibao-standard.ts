// The monthly dibao standard by hukou (社会救助暂行办法 art. 10: set by the province or prefecture).
// Urban standards are stated per month; rural ones per year and paid monthly as the yearly standard
// divided by 12, rounded half up to the fen. Each hukou's standard is recorded once per trace.
import type { Trace } from '../explain.ts';
import type { PersonFacts } from '../facts.ts';
import { divideRounded } from '../money.ts';

export type Hukou = PersonFacts['hukou'];

export function dibaoStandardMonthly(t: Trace, hukou: Hukou, areaCode?: string): number {
  if (hukou === 'urban') {
    return t.step('dibao.standard_monthly.urban', t.fen('dibao.standard.urban', areaCode), 'fen_per_person_month');
  }
  const yearly = t.fen('dibao.standard.rural', areaCode);
  return t.step('dibao.standard_monthly.rural', divideRounded(yearly, 12), 'fen_per_person_month');
}

/** Standard of each listed member, by their own hukou (reads each hukou's standard once). */
export function memberStandards(t: Trace, members: readonly PersonFacts[], areaCode?: string): Map<string, number> {
  const byHukou = new Map<Hukou, number>();
  const result = new Map<string, number>();
  for (const m of members) {
    let standard = byHukou.get(m.hukou);
    if (standard === undefined) {
      standard = dibaoStandardMonthly(t, m.hukou, areaCode);
      byHukou.set(m.hukou, standard);
    }
    result.set(m.id, standard);
  }
  return result;
}

/**
 * The household's standard: the mean of its members' standards. For a single-hukou household this is
 * simply the standard; for a mixed-hukou household it weighs urban and rural members by head count.
 */
export function householdStandard(t: Trace, standards: Map<string, number>): number {
  const values = [...standards.values()];
  const sum = values.reduce((a, b) => a + b, 0);
  return t.step('dibao.household_standard_monthly', divideRounded(sum, values.length), 'fen_per_person_month');
}
