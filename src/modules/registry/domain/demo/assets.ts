/** Household property of generated households: mostly a self-built house, small deposits, rarely a vehicle. */
import type { Random } from '../../../../kernel/random.ts';
import type { Asset } from '../types.ts';

const yuanToFen = (yuan: number): number => Math.round(yuan) * 100;
const around = (rng: Random, medianYuan: number, sigma: number): number => yuanToFen(rng.logNormal(Math.log(medianYuan), sigma));

export function randomAssets(rng: Random, urban: boolean, headIdNumber: string): Asset[] {
  const assets: Asset[] = [];
  if (urban ? rng.chance(0.45) : rng.chance(0.88)) {
    const note = urban ? rng.weighted([['商品房', 3], ['房改房', 4], ['自建房', 3]] as const) : rng.weighted([['砖混结构自建房', 6], ['木结构住房', 4]] as const);
    assets.push({ memberIdNumber: null, kind: 'house', valueFen: around(rng, urban ? 180_000 : 60_000, 0.5), note });
  }
  if (rng.chance(0.35)) assets.push({ memberIdNumber: headIdNumber, kind: 'deposit', valueFen: around(rng, 3_000, 1), note: '银行存款' });
  if (rng.chance(0.05)) {
    const [note, median] = rng.weighted([[['摩托车', 4_000], 6], [['农用三轮车', 8_000], 3], [['小型轿车', 50_000], 1]] as const);
    assets.push({ memberIdNumber: headIdNumber, kind: 'vehicle', valueFen: around(rng, median, 0.3), note });
  }
  if (urban && rng.chance(0.02)) assets.push({ memberIdNumber: headIdNumber, kind: 'business', valueFen: around(rng, 20_000, 0.6), note: '个体经营' });
  return assets;
}
