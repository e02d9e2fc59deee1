// The 2014 values the seed implies but the parameter files (which start in 2015) lack: the 低保 standards per
// county (figures.ts, STANDARDS_2014) and the 特困 support standards — added as a prefecture would add dated
// values, each with its reference.
import type { Database } from '../../db/engine.ts';
import type { Scope } from '../../kernel/scope.ts';
import { addValue } from '../../modules/policy/index.ts';
import { STANDARDS_2014, SUPPORT_2014, TIER_1 } from './figures.ts';

const SEED_REF = '黔南州民政局2015年工作总结（seed/000_8c45956aed6900ef.txt）';

export async function load2014Parameters(db: Database, scope: Scope, counties: readonly string[]): Promise<number> {
  let n = 0;
  const add = async (name: string, area: string, value: number, reference: string) => {
    await addValue(db, scope, name, { area, effective: '2014-01-01', value, reference });
    n++;
  };
  for (const c of counties) {
    const tier1 = TIER_1.has(c);
    await add('dibao.standard.urban', c, tier1 ? STANDARDS_2014.urbanTier1 : STANDARDS_2014.urbanTier2,
      `${SEED_REF}：2015年城市平均标准453元/月，增长17.35%；2014年分档值为情景推算（一档425元、二档374元，平均385.77元）`);
    await add('dibao.standard.rural', c, tier1 ? STANDARDS_2014.ruralTier1 : STANDARDS_2014.ruralTier2,
      `${SEED_REF}：2015年农村平均标准2594元/年，增长30.47%；2014年分档值为情景推算（一档2045元、二档1971元，平均1988.08元）`);
  }
  const prefecture = counties[0]!.slice(0, 4) + '00';
  await add('hardship.support.institutional', prefecture, SUPPORT_2014.institutional, `${SEED_REF}：集中供养提高到3500元/年，是上年的159.1%（上年2200元）`);
  await add('hardship.support.home_based', prefecture, SUPPORT_2014.homeBased, `${SEED_REF}：分散供养提高到2200元/人，是上年的122.2%（上年1800元）`);
  return n;
}
