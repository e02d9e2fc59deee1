// Stage `relief-station` — 救助管理 of the seed's year: "各级救助机构排查、甄别求助人员12000人（次），对自愿受助者实施
// 救助7500人（次）". The persons met are scaled and rounded (one screening record each; those who refused help
// are the difference); the stations are not scaled: ASSUMED one 救助管理站 per county (the seed names no count): the
// one the migrations registered, else one registered here through the institutions module (kind relief_station).
//
// Each record is a screening with its decision, checked as the relief-station module checks one and written by
// its bulk import, a county's ledger at a time. A refusal keeps only date, place, sex and approximate age (the module's
// rule); those helped are adults, healthy, identity as stated (ASSUMED: no minors or persons sent to hospital —
// the seed does not split them).
import { createInstitution, newInstitutionSchema } from '../../modules/institutions/index.ts';
import { importRecords } from '../../modules/relief-station/index.ts';
import { parseOrThrow } from '../../kernel/validate.ts';
import { createRandom } from '../../kernel/random.ts';
import type { ScenarioContext, ScenarioExtra } from './extras.ts';
import { apportion } from './plan.ts';

export const RELIEF_STATION_SEED = {
  /** 排查、甄别求助人员12000人（次）. */
  screenings: 12_000,
  /** 对自愿受助者实施救助7500人（次）. */
  assisted: 7_500,
} as const;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林';
const GIVEN = ['建国', '明', '国强', '永福', '志刚', '德芳', '桂英', '秀兰', '小军', '光荣', '金花', '正华', '文学', '海', '玉珍'];
const PLACES = ['火车站广场', '汽车客运站', '人民广场', '滨河公园', '城区主干道天桥下', '农贸市场'];

async function loadReliefStation(ctx: ScenarioContext): Promise<Record<string, number>> {
  const { db, scope, plan } = ctx;
  const rng = createRandom(ctx.seed);
  const counties = plan.counties.map((c) => c.countyCode);
  const names = new Map((await db.kysely.selectFrom('areas').select(['code', 'name']).where('code', 'in', counties).execute()).map((a) => [a.code, a.name]));
  const stations: number[] = [];
  for (const county of counties) {
    // The migrations register some counties' stations already; the others are registered here.
    const existing = await db.kysely.selectFrom('institutions').select('id').where('county_code', '=', county).where('kind', '=', 'relief_station')
      .orderBy('id').executeTakeFirst();
    const id = existing ? Number(existing.id) : (await createInstitution(db, scope, parseOrThrow(newInstitutionSchema, {
      countyCode: county, name: `${names.get(county) ?? county}救助管理站`, kind: 'relief_station', beds: 20, openedOn: '2006-06-01',
    }))).id;
    stations.push(id);
  }
  const screenings = Math.round(RELIEF_STATION_SEED.screenings * plan.scale);
  const assisted = Math.round(RELIEF_STATION_SEED.assisted * plan.scale);
  // Stations meet people in proportion to their counties' persons in the caseload.
  const weights = plan.counties.map((c) => c.dibao.urban.stay + c.dibao.rural.stay + 1);
  const met = apportion(screenings, weights);
  const helped = apportion(assisted, met);
  let records = 0;
  for (const [i, county] of counties.entries()) {
    const ledger: unknown[] = [];
    for (let k = 0; k < (met[i] ?? 0); k++) {
      const metOn = new Date(Date.UTC(2015, 0, 2) + Math.floor(rng.next() * 360) * 86_400_000).toISOString().slice(0, 10);
      const sex = rng.next() < 0.7 ? 'male' : 'female';
      const approxAge = 20 + Math.floor(rng.next() * 55);
      const common = { countyCode: county, stationId: stations[i]!, source: k % 4 === 0 ? 'walk_in' : k % 7 === 0 ? 'police' : 'street_outreach', metOn, decidedOn: metOn,
        place: `${names.get(county) ?? ''}${PLACES[k % PLACES.length]}`, sex, approxAge };
      const input = k < (helped[i] ?? 0)
        ? { ...common, decision: 'accepted', name: `${SURNAMES.charAt(Math.floor(rng.next() * SURNAMES.length))}${GIVEN[Math.floor(rng.next() * GIVEN.length)]}`,
          identityStatus: 'claimed', health: 'healthy', mentalIllness: 'none', infectiousDisease: false, hukouPlace: '贵州省' }
        : { ...common, decision: 'refused' };
      ledger.push(input);
    }
    records += await importRecords(db, scope, county, ledger);
  }
  return { stations: stations.length, records, assisted };
}

export const reliefStationStage: ScenarioExtra = { stage: 'relief-station', load: loadReliefStation };
