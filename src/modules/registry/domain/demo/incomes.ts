/**
 * Income items of generated households. Local earnings are log-normal multiples of the local dibao
 * standard (standards follow local living costs), so the share of households below the standard stays
 * near 25% whatever standard is passed; migrant wages, pensions and support from children are added.
 */
import type { Random } from '../../../../kernel/random.ts';
import type { IncomeItem, Relation, WorkCapacity } from '../types.ts';

export interface Earner {
  idNumber: string;
  age: number;
  workCapacity: WorkCapacity;
  student: boolean;
  migrant: boolean;
  relation: Relation;
}

// Calibrated by simulation to put ~25% of households below and ~10% between 1× and 1.5× the standard.
const CALIBRATION = {
  urbanWage: { employed: 0.85, median: 3.6, sigma: 0.6 },
  ruralWage: { employed: 0.6, median: 3.2, sigma: 0.6 },
  farmingPerWorker: { median: 2.6, sigma: 0.5 },
  migrantWage: { median: 11, sigma: 0.35 },
  partialFactor: 0.4,
  retireePensionYuan: { share: 0.5, median: 1_600, sigma: 0.3 },
  basicPensionYuan: [70, 95],
  supportFromChildren: { share: 0.45, median: 0.8, sigma: 0.5 },
} as const;

const fen = (x: number): number => Math.max(100, Math.round(x / 100) * 100);

export function randomIncomes(rng: Random, earners: readonly Earner[], urban: boolean, standardFen: number, threeNos: boolean): IncomeItem[] {
  if (threeNos) return [];
  const c = CALIBRATION;
  const items: IncomeItem[] = [];
  let farmers = 0;
  for (const e of earners) {
    const canWork = e.workCapacity !== 'none' && !e.student && e.age >= 16 && e.age < 65;
    const factor = e.workCapacity === 'partial' ? c.partialFactor : 1;
    if (canWork && e.migrant) {
      const amount = standardFen * rng.logNormal(Math.log(c.migrantWage.median), c.migrantWage.sigma);
      items.push({ memberIdNumber: e.idNumber, kind: 'wage', amountFen: fen(amount), period: 'month', source: '外出务工' });
    } else if (canWork) {
      const w = urban ? c.urbanWage : c.ruralWage;
      if (rng.chance(w.employed * factor + (1 - factor) * 0.2)) {
        const amount = standardFen * factor * rng.logNormal(Math.log(w.median), w.sigma);
        const source = urban ? rng.pick(['灵活就业', '个体帮工', '公益性岗位', '企业务工']) : rng.pick(['本地零工', '建筑务工', '季节性务工']);
        items.push({ memberIdNumber: e.idNumber, kind: 'wage', amountFen: fen(amount), period: 'month', source });
      }
    }
    if (!urban && !e.migrant && e.workCapacity !== 'none' && e.age >= 16 && e.age < 75 && !e.student) farmers += factor;
    if (e.age >= 60) items.push(...pension(rng, e.idNumber, urban));
  }
  if (farmers > 0) {
    const yearly = 12 * standardFen * farmers * rng.logNormal(Math.log(c.farmingPerWorker.median), c.farmingPerWorker.sigma);
    items.push({ memberIdNumber: null, kind: 'agriculture', amountFen: fen(yearly), period: 'year', source: rng.pick(['种植玉米水稻', '种植蔬菜', '养殖生猪', '种植茶叶']) });
  }
  const head = earners[0];
  const noAdultChildHome = !earners.some((e) => e.relation === 'child' && e.age >= 18);
  if (head !== undefined && head.age >= 60 && noAdultChildHome && rng.chance(c.supportFromChildren.share)) {
    const amount = standardFen * rng.logNormal(Math.log(c.supportFromChildren.median), c.supportFromChildren.sigma);
    items.push({ memberIdNumber: head.idNumber, kind: 'transfer', amountFen: fen(amount), period: 'month', source: '子女赡养费' });
  }
  return items;
}

function pension(rng: Random, idNumber: string, urban: boolean): IncomeItem[] {
  const c = CALIBRATION;
  if (urban && rng.chance(c.retireePensionYuan.share)) {
    const amount = 100 * rng.logNormal(Math.log(c.retireePensionYuan.median), c.retireePensionYuan.sigma);
    return [{ memberIdNumber: idNumber, kind: 'pension', amountFen: fen(amount), period: 'month', source: '企业职工基本养老金' }];
  }
  if (!rng.chance(0.95)) return [];
  const amount = 100 * rng.int(c.basicPensionYuan[0], c.basicPensionYuan[1]);
  return [{ memberIdNumber: idNumber, kind: 'pension', amountFen: amount, period: 'month', source: '城乡居民基本养老保险' }];
}
