// The seed's nursing homes (敬老院): 43 in use, 32 registered as public institutions (事业单位法人), 74 posts
// (编制) and 302 staff, star ratings of 2015 (4 five-star, 2 four-star, 3 three-star) and of 2014 (1, 2, 4), and
// the 20 built in 2015 (7 with provincial funds, 13 with the central lottery fund) — through the institutions
// module as a county would record them. Not scaled: they are the prefecture's homes whatever the caseload's scale.
import type { Database } from '../../db/engine.ts';
import { parseOrThrow } from '../../kernel/validate.ts';
import type { Scope } from '../../kernel/scope.ts';
import { addProject, addRating, createInstitution, withdrawDemoHomes, newInstitutionSchema, newProjectSchema, newRatingSchema } from '../../modules/institutions/index.ts';
import type { DemoVillage } from '../../modules/registry/index.ts';
import { apportion, type ScenarioPlan } from './plan.ts';
import { SEED } from './figures.ts';

export interface ScenarioHomes {
  /** The homes of each county by name, in the order residents are shared among them. */
  byCounty: Map<string, string[]>;
}

/** Where the scenario's homes are and what they are called (no database): the caseload rows need the names first. */
export function plannedHomes(plan: ScenarioPlan, villages: readonly DemoVillage[]) {
  const counties = plan.counties.map((c) => c.countyCode);
  const weights = plan.counties.map((c) => c.hardship.stayInstitution + c.hardship.newInstitution + 1);
  // Every county has a home; the rest go where the residents are.
  const perCounty = apportion(SEED.nursingHomes - counties.length, weights).map((n) => n + 1);
  const homes: { countyCode: string; name: string; townshipCode: string; residents: number }[] = [];
  counties.forEach((county, i) => {
    const townships = [...new Map(villages.filter((v) => v.countyCode === county).map((v) => [v.code.slice(0, 9), v.townshipName])).entries()];
    const n = perCounty[i] ?? 0;
    const residents = apportion(plan.counties[i]!.hardship.stayInstitution + plan.counties[i]!.hardship.newInstitution, Array.from({ length: n }, () => 1));
    for (let k = 0; k < n; k++) {
      const [code, name] = townships[k % Math.max(1, townships.length)] ?? [county, county];
      homes.push({ countyCode: county, name: `${name}${k >= townships.length ? `第${Math.floor(k / townships.length) + 1}` : ''}敬老院`, townshipCode: code.length === 9 ? code : '', residents: residents[k] ?? 0 });
    }
  });
  const byCounty = new Map<string, string[]>();
  for (const h of homes) byCounty.set(h.countyCode, [...(byCounty.get(h.countyCode) ?? []), h.name]);
  return { homes, byCounty };
}

/** The n-th 集中供养 person of a county lives in its homes in turn. */
export const homeOf = (byCounty: Map<string, string[]>) => (county: string, n: number): string => {
  const names = byCounty.get(county) ?? [];
  if (names.length === 0) throw new Error(`no nursing home planned in ${county}`);
  return names[n % names.length]!;
};

export async function loadHomes(db: Database, scope: Scope, homes: ReturnType<typeof plannedHomes>['homes']): Promise<number> {
  // The migrations' demo homes are not the seed's.
  await withdrawDemoHomes(db, scope);
  const posts = apportion(SEED.posts, homes.map((_, i) => (i < SEED.registered ? 1 : 0)));
  const staff = apportion(SEED.staff, homes.map((h) => h.residents + 3));
  const stars = (table: Record<number, number>, offset: number) => {
    const out = new Map<number, number>();
    let at = offset;
    for (const s of [5, 4, 3]) for (let k = 0; k < (table[s] ?? 0); k++) out.set(at++, s);
    return out;
  };
  const stars2015 = stars(SEED.stars2015, 0);
  const stars2014 = stars(SEED.stars2014, 2);
  const built = SEED.builtProvincial + SEED.builtCentralLottery;
  for (const [i, h] of homes.entries()) {
    const newlyBuilt = i >= homes.length - built;
    const s = staff[i] ?? 0;
    const care = Math.max(0, s - Math.ceil(s / 4));
    // About three in four beds taken at the end of 2015 (the seed gives no bed count).
    const beds = Math.max(2, Math.ceil(h.residents / 0.75));
    const created = await createInstitution(db, scope, parseOrThrow(newInstitutionSchema, {
      countyCode: h.countyCode, name: h.name, beds, areaCode: h.townshipCode || null,
      legalPersonStatus: i < SEED.registered ? 'registered' : 'not_registered', legalPersonRegisteredOn: i < SEED.registered ? '2015-09-30' : null,
      posts: posts[i] ?? 0, staffManagement: s - care, staffCare: care, bedsSelfCare: beds,
      openedOn: newlyBuilt ? '2015-10-01' : `${2000 + (i % 12)}-06-01`,
    }));
    const id = created.id;
    for (const [year, table] of [[2014, stars2014], [2015, stars2015]] as const) {
      const n = table.get(i);
      if (n !== undefined) await addRating(db, scope, id, parseOrThrow(newRatingSchema, { year, stars: n, assessedOn: `${year}-12-15`, assessor: '黔南州民政局' }));
    }
    if (newlyBuilt) {
      const provincial = i - (homes.length - built) < SEED.builtProvincial;
      await addProject(db, scope, id, parseOrThrow(newProjectSchema, {
        name: `${h.name}新建工程`, fundingSource: provincial ? 'provincial' : 'central_lottery', amountFen: 3_000_000_00, status: 'completed', year: 2015,
        startedOn: '2015-03-01', completedOn: '2015-09-20',
      }));
    }
  }
  return homes.length;
}
