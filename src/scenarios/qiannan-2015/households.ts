// The scenario's households: drawn from the registry's demo generator (real names, ID numbers with their check
// digits, villages of 黔南州) and shaped into the seed's caseload. Each drawn household fills the first open
// quota of its county and hukou — 低保 paid through 2015, 低保 closed at the end of 2014, then 特困 — and is cut
// to the persons the quota still needs (a 特困 person lives alone). Its income is set so that the 2015 formula
// gives the seed's gap per person (standard − per-capita income = 305.24 / 135.60 yuan a month); the case row
// carries the 2014 amount the previous system paid (the seed's gap a year earlier).
import { createRandom, type Random } from '../../kernel/random.ts';
import { generateDemoHouseholds, type DemoVillage, type HouseholdRecord } from '../../modules/registry/index.ts';
import { CAUSE_SHARES, SEED, SUPPORT_2014, SUPPORT_2015, TIER_1, URBAN_HARDSHIP_SHARE } from './figures.ts';
import type { HardshipFlow, ScenarioPlan } from './plan.ts';

/** One row of the caseload file, the household number filled in once the household is loaded. */
export interface CaseRow {
  programme: '低保' | '特困';
  category: string;
  institution: string;
  idNumber: string;
  approvedOn: string;
  amountFen: number;
  lastReviewOn: string;
  closedOn: string;
  origin: string;
}

export interface ScenarioHousehold {
  record: HouseholdRecord;
  cases: CaseRow[];
}

const monthlyStandardFen = (county: string, urban: boolean) =>
  urban ? (TIER_1.has(county) ? 49_500 : 44_000) : Math.round((TIER_1.has(county) ? 264_000 : 258_000) / 12);
/** A year earlier the gap per person was the seed's 2015 figure ÷ its growth. */
const gap2014Fen = (urban: boolean) => Math.round(urban ? SEED.urbanGap2015Fen / (1 + SEED.urbanGapGrowth) : SEED.ruralGap2015Fen / (1 + SEED.ruralGapGrowth));
const yearFen = (yuan: number) => Math.round((yuan * 100) / 12);

function day(rng: Random, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`), b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(rng.next() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}

function pick<T>(rng: Random, shares: readonly (readonly [T, number])[]): T {
  let x = rng.next();
  for (const [v, p] of shares) if ((x -= p) < 0) return v;
  return shares[shares.length - 1]![0];
}

type Open = { flow: 'stay' | 'exit'; left: number };

/**
 * 分类施保 at the seed's share (9.34万 of 29.7万): the formula gives a top-up to the elderly (60 and over on the
 * day of the 2015 re-rating), students and the seriously ill or severely disabled. The elderly keep theirs; a
 * student's or an ill person's flags are dropped once the running count would pass the share. Declared categories
 * go (the formula derives these), and so do the household ones (计生、单亲: every member would get a top-up).
 */
class TopupShare {
  private persons = 0;
  private topups = 0;
  private readonly share = SEED.topupPersons2015 / SEED.dibaoPersons2015;

  shape(m: HouseholdRecord['members'][number]): HouseholdRecord['members'][number] {
    this.persons++;
    const plain = { ...m, categories: [] };
    if (m.birthDate <= '1955-01-01') return this.topups++, plain;
    const severe = m.disabilityGrade !== null && m.disabilityGrade <= 2;
    if (!m.student && !m.seriousIllness && !severe) return plain;
    if (this.topups + 1 <= Math.round(this.share * this.persons)) return this.topups++, plain;
    return { ...plain, student: false, seriousIllness: false, disabilityGrade: severe ? 3 : m.disabilityGrade };
  }
}

/**
 * The households in drawing order. `institutionOf(county, n)` names the n-th 集中供养 person's home. Stops when
 * every quota is full; throws if the generator runs dry first (a county without villages of a hukou it needs).
 */
export function* scenarioHouseholds(plan: ScenarioPlan, villages: readonly DemoVillage[], institutionOf: (county: string, n: number) => string, seed = 'qiannan-2015'): Generator<ScenarioHousehold> {
  const rng = createRandom(`${seed}:cases`);
  const dibao = new Map<string, Open[]>();
  const hardship = new Map<string, [HardshipFlow, number][]>();
  const placed = new Map<string, number>();
  const urbanHardship = new Map<string, number>();
  const topups = new TopupShare();
  let needed = 0;
  for (const c of plan.counties) {
    for (const urban of [true, false]) {
      const q = urban ? c.dibao.urban : c.dibao.rural;
      dibao.set(`${c.countyCode}|${urban}`, [{ flow: 'stay', left: q.stay }, { flow: 'exit', left: q.exit }]);
      needed += q.stay + q.exit;
    }
    hardship.set(c.countyCode, Object.entries(c.hardship).map(([k, n]) => [k as HardshipFlow, n]));
    urbanHardship.set(c.countyCode, Math.round(Object.values(c.hardship).reduce((a, b) => a + b, 0) * URBAN_HARDSHIP_SHARE));
    needed += Object.values(c.hardship).reduce((a, b) => a + b, 0);
  }
  // Far more than needed: the generator is lazy and stops being read once the quotas are full.
  for (const record of generateDemoHouseholds({ seed, count: needed * 20 + 1000, villages })) {
    if (needed <= 0) return;
    const county = record.household.countyCode;
    const urban = record.household.hukou === 'urban';
    const open = dibao.get(`${county}|${urban}`)?.find((o) => o.left > 0);
    if (open) {
      const members = record.members.slice(0, Math.min(open.left, record.members.length));
      open.left -= members.length;
      needed -= members.length;
      yield dibaoHousehold(rng, record, open.flow === 'stay' ? members.map((m) => topups.shape(m)) : members, open.flow, urban);
      continue;
    }
    // 特困 persons are rural 五保 but for a few urban 三无 (URBAN_HARDSHIP_SHARE of each county's).
    const urbanLeft = urbanHardship.get(county) ?? 0;
    const flow = urban && urbanLeft <= 0 ? undefined : hardship.get(county)?.find((f) => f[1] > 0);
    if (flow) {
      if (urban) urbanHardship.set(county, urbanLeft - 1);
      flow[1] -= 1;
      needed -= 1;
      const institutional = flow[0] === 'stayInstitution' || flow[0] === 'newInstitution';
      const n = placed.get(county) ?? 0;
      if (institutional) placed.set(county, n + 1);
      yield hardshipHousehold(rng, record, flow[0], urban, institutional ? institutionOf(county, n) : '');
    }
  }
  if (needed > 0) throw new Error(`the demo generator ran dry with ${needed} persons of the plan unplaced`);
}

function dibaoHousehold(rng: Random, record: HouseholdRecord, members: HouseholdRecord['members'], flow: 'stay' | 'exit', urban: boolean): ScenarioHousehold {
  const county = record.household.countyCode;
  // Those who stay are below the 2015 standard by the seed's gap; those who left are above it.
  const perCapita = flow === 'stay' ? monthlyStandardFen(county, urban) - (urban ? SEED.urbanGap2015Fen : SEED.ruralGap2015Fen) : monthlyStandardFen(county, urban) + 5_000;
  const cause = pick(rng, CAUSE_SHARES) as NonNullable<HouseholdRecord['household']['mainPovertyCause']>;
  const approvedOn = day(rng, '2010-01-01', '2013-12-31');
  const category = pick(rng, [['A类', 0.4], ['B类', 0.4], ['C类', 0.2]] as const);
  return {
    record: {
      household: { ...record.household, categories: [], povertyCauses: [cause], mainPovertyCause: cause },
      // A 三无 person receives the full standard (cn-2012), not the gap: the seed's gap per person is of the others;
      // the scenario's 三无 persons are in 特困 support.
      members: members.map((m) => ({ ...m, categories: m.categories.filter((c) => c !== 'three_nos') })),
      incomes: [{ memberIdNumber: null, kind: urban ? 'wage' : 'agriculture', amountFen: perCapita * members.length, period: 'month', source: urban ? '务工收入' : '种养殖收入' }],
      assets: [],
    },
    cases: [{
      programme: '低保', category, institution: '', idNumber: '', approvedOn, amountFen: gap2014Fen(urban) * members.length,
      lastReviewOn: rng.chance(0.5) ? day(rng, approvedOn > '2014-01-01' ? approvedOn : '2014-01-01', '2014-11-30') : '',
      closedOn: flow === 'exit' ? day(rng, '2014-12-01', '2014-12-31') : '', origin: '',
    }],
  };
}

function hardshipHousehold(rng: Random, record: HouseholdRecord, flow: HardshipFlow, urban: boolean, institution: string): ScenarioHousehold {
  const head = { ...record.members[0]!, relation: 'head' as const, workCapacity: 'none' as const };
  const isNew = flow === 'newInstitution' || flow === 'newHome';
  const institutional = institution !== '';
  const support = isNew ? SUPPORT_2015 : SUPPORT_2014;
  return {
    record: { household: { ...record.household, povertyCauses: [], mainPovertyCause: null }, members: [head], incomes: [], assets: [] },
    cases: [{
      programme: '特困', category: institutional ? '集中供养' : '分散供养', institution, idNumber: head.idNumber,
      approvedOn: isNew ? day(rng, '2015-01-05', '2015-11-30') : day(rng, '2008-01-01', '2013-12-31'),
      amountFen: yearFen(institutional ? support.institutional : support.homeBased), lastReviewOn: '',
      closedOn: flow === 'leftHome' ? day(rng, '2015-01-10', '2015-10-31') : '',
      origin: urban ? '三无' : '五保',
    }],
  };
}
