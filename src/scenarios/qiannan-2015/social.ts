// Extra stage `social`: 社会力量参与 and 一门受理 of the seed's year.
// - Organisations (慈善组织117个、志愿服务组织60余个), their teams (队伍1400余支) and the wish campaigns
//   (“点亮微心愿、情暖千万家”“德润黔南·邻里守望”) are counts: NOT scaled, as institutions.ts does with the homes.
// - Registered volunteers (注册人员13万余人) and the one-window requests (求助事项4399件, all 办结 within their time
//   limits) are persons and cases: scaled and rounded. Volunteers are drawn from the registry's demo generator
//   (real names, valid ID numbers, villages of their county) and registered by the volunteers module's bulk
//   loader; requests are made by registered households (a deterministic sample per county) at their township's
//   window, each referred to a partner department, accepted and answered before its due date, imported
//   set-based by the intake module (importHandledRequests).
// - No budgets (资金保障): the seed gives none, and with no payroll run (README) every county would read as 0%
//   executed and behind the months elapsed — a statement the seed's year does not make.
import { SKILLS, type Skill, createOrganisation, importTeams, importVolunteers, newOrganisationSchema, type BulkVolunteer } from '../../modules/volunteers/index.ts';
import { createCampaign, newCampaignSchema } from '../../modules/wishes/index.ts';
import { importHandledRequests, type HandledRequest } from '../../modules/intake/index.ts';
import { generateDemoHouseholds, sampleCountyHouseholds, type DemoVillage } from '../../modules/registry/index.ts';
import { addWorkingDays, isWorkingDay } from '../../policy/index.ts';
import { createRandom, type Random } from '../../kernel/random.ts';
import { parseOrThrow } from '../../kernel/validate.ts';
import type { ScenarioContext, ScenarioExtra } from './extras.ts';
import { apportion } from './plan.ts';

export const SOCIAL = {
  /** 全州有慈善组织117个. */
  charities: 117,
  /** ASSUMED — 志愿服务组织60余个: 62. */
  volunteerOrgs: 62,
  /** ASSUMED — 党员、青年、巾帼等志愿服务队伍1400余支: 1,420. */
  teams: 1_420,
  /** ASSUMED — 注册人员13万余人: 131,000 (scaled). */
  volunteers: 131_000,
  /** 全州共求助事项4399件，已全部办结 (scaled). */
  requests: 4_399,
  /** The seed's volunteer campaigns (“点亮微心愿、情暖千万家”和“德润黔南·邻里守望”等志愿服务活动), the prefecture's, all year. */
  campaigns: ['点亮微心愿、情暖千万家', '德润黔南·邻里守望'],
} as const;

/** ASSUMED — the departments the windows refer to (the seed names none), with their shares and what they answer. */
const REFERRALS = [
  { department: 'medical_security', need: 'medical', share: 0.35, result: '已落实门诊、住院医疗救助' },
  { department: 'education', need: 'education', share: 0.15, result: '已落实教育资助' },
  { department: 'housing', need: 'housing', share: 0.12, result: '已纳入农村危房改造' },
  { department: 'human_resources', need: 'employment', share: 0.13, result: '已推荐就业岗位并开展技能培训' },
  { department: 'emergency_management', need: 'disaster', share: 0.15, result: '已发放受灾群众生活救助' },
  { department: 'disability_federation', need: 'other', share: 0.1, result: '已办理残疾人两项补贴' },
] as const;

const countiesOf = (villages: readonly DemoVillage[]) => [...new Set(villages.map((v) => v.countyCode))].sort();
const villageWeights = (counties: readonly string[], villages: readonly DemoVillage[]) => counties.map((c) => villages.filter((v) => v.countyCode === c).length);

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
const nextWorkingDay = (date: string) => (isWorkingDay(date) ? date : addWorkingDays(date, 1));

/** The townships of a county (code, name), in code order. */
function townshipsOf(county: string, villages: readonly DemoVillage[]): [string, string][] {
  return [...new Map(villages.filter((v) => v.countyCode === county).map((v) => [v.code.slice(0, 9), v.townshipName] as [string, string])).entries()].sort((a, b) => a[0].localeCompare(b[0]));
}

/** The k-th name of a kind in a county: its townships in turn, numbered from the second round. */
const nthName = (townships: readonly [string, string][], k: number, what: string) => {
  const [, name] = townships[k % townships.length] ?? ['', ''];
  const round = Math.floor(k / Math.max(1, townships.length));
  return `${name}${what}${round > 0 ? `第${round + 1}分会` : ''}`;
};

/** Adults (18–70 on 30 June 2015) of the demo generator, one volunteer each, in their village. */
function* volunteerPersons(ctx: ScenarioContext, rng: Random): Generator<BulkVolunteer> {
  for (const h of generateDemoHouseholds({ seed: `${ctx.seed}:volunteers`, count: Number.MAX_SAFE_INTEGER, villages: ctx.villages })) {
    for (const m of h.members) {
      const age = 2015 - Number(m.birthDate.slice(0, 4));
      if (age < 18 || age > 70) continue;
      const skills: Skill[] = rng.chance(0.6) ? [rng.pick(SKILLS)] : [];
      yield { name: m.name, idNumber: m.idNumber, areaCode: h.household.villageCode, registeredOn: addDays('2014-01-01', rng.int(0, 729)), skills, phone: m.phone };
    }
  }
}

async function loadVolunteerRegister(ctx: ScenarioContext, rng: Random) {
  const { db, scope, villages } = ctx;
  const counties = countiesOf(villages);
  const weights = villageWeights(counties, villages);
  const charities = apportion(SOCIAL.charities, weights);
  const volunteerOrgs = apportion(SOCIAL.volunteerOrgs, weights);
  const orgsOf = new Map<string, number[]>();
  for (const [i, county] of counties.entries()) {
    const townships = townshipsOf(county, villages);
    const ids: number[] = [];
    for (let k = 0; k < (volunteerOrgs[i] ?? 0); k++) {
      ids.push(await createOrganisation(db, scope, parseOrThrow(newOrganisationSchema, { countyCode: county, kind: 'volunteer_org', name: nthName(townships, k, '志愿者协会') })));
    }
    for (let k = 0; k < (charities[i] ?? 0); k++) {
      ids.push(await createOrganisation(db, scope, parseOrThrow(newOrganisationSchema, {
        countyCode: county, kind: 'charity', name: nthName(townships, k, '慈善会'), charityRecognisedOn: addDays('2014-01-02', (k * 53) % 700),
      })));
    }
    orgsOf.set(county, ids);
  }

  // Volunteers first in memory: the teams' leaders are volunteers of their county.
  const total = Math.round(SOCIAL.volunteers * ctx.plan.scale);
  const persons: BulkVolunteer[] = [];
  const seen = new Set<string>();
  for (const p of volunteerPersons(ctx, rng)) {
    if (persons.length >= total) break;
    if (seen.has(p.idNumber)) continue;
    seen.add(p.idNumber);
    persons.push(p);
  }
  const byCounty = new Map<string, BulkVolunteer[]>();
  for (const p of persons) {
    const list = byCounty.get(p.areaCode.slice(0, 6));
    if (list) list.push(p);
    else byCounty.set(p.areaCode.slice(0, 6), [p]);
  }

  const KINDS = ['党员', '青年', '巾帼', '邻里守望', '助老助残'];
  const teamCounts = apportion(SOCIAL.teams, weights);
  const teams: { organisationId: number; name: string; areaCode: string; leader: string }[] = [];
  for (const [i, county] of counties.entries()) {
    const orgs = orgsOf.get(county) ?? [];
    const countyVillages = villages.filter((v) => v.countyCode === county);
    const mine = byCounty.get(county) ?? [];
    const names = new Set<string>();
    for (let k = 0; k < (teamCounts[i] ?? 0); k++) {
      const v = countyVillages[(k * 7) % countyVillages.length]!;
      const organisationId = orgs[k % orgs.length]!;
      let name = `${v.townshipName}${v.name}${KINDS[k % KINDS.length]}志愿服务队`;
      for (let n = 2; names.has(`${organisationId}/${name}`); n++) name = `${v.townshipName}${v.name}${KINDS[k % KINDS.length]}志愿服务${n}队`;
      names.add(`${organisationId}/${name}`);
      teams.push({ organisationId, name, areaCode: v.code, leader: mine[k % Math.max(1, mine.length)]?.name ?? '待定' });
    }
  }
  const teamIds = await importTeams(db, scope, teams);
  const teamsOf = new Map<string, number[]>();
  teams.forEach((t, i) => {
    const list = teamsOf.get(t.areaCode.slice(0, 6));
    if (list) list.push(teamIds[i]!);
    else teamsOf.set(t.areaCode.slice(0, 6), [teamIds[i]!]);
  });
  // Most volunteers serve in a team of their county; the rest are registered only.
  const counters = new Map<string, number>();
  const rows = persons.map((p) => {
    const county = p.areaCode.slice(0, 6);
    const n = counters.get(county) ?? 0;
    counters.set(county, n + 1);
    const ids = teamsOf.get(county) ?? [];
    return ids.length > 0 && n % 10 < 8 ? { ...p, teamId: ids[n % ids.length] } : p;
  });
  const registered = await importVolunteers(db, scope, rows);

  // 学雷锋日 (5 March) for the second, so that the report names them in the seed's order.
  for (const [i, name] of SOCIAL.campaigns.entries()) {
    await createCampaign(db, scope, parseOrThrow(newCampaignSchema, { areaCode: '522700', name, fromOn: i === 0 ? '2015-01-01' : '2015-03-05', toOn: '2015-12-31' }));
  }
  return { organisations: SOCIAL.charities + SOCIAL.volunteerOrgs, teams: teamIds.length, volunteers: registered, campaigns: SOCIAL.campaigns.length };
}

async function loadRequests(ctx: ScenarioContext, rng: Random) {
  const { db, scope, villages } = ctx;
  const counties = countiesOf(villages);
  const total = Math.round(SOCIAL.requests * ctx.plan.scale);
  const perCounty = apportion(total, villageWeights(counties, villages));
  const rows: HandledRequest[] = [];
  for (const [i, county] of counties.entries()) {
    const n = perCounty[i] ?? 0;
    const households = await sampleCountyHouseholds(db, county, n);
    if (n > 0 && households.length === 0) throw new Error(`no registered household in ${county} to make its one-window requests`);
    for (let k = 0; k < n; k++) {
      const h = households[k % households.length]!;
      // Spread over the year's working days, received by the end of November so that every one closes in 2015.
      const receivedOn = nextWorkingDay(addDays('2015-01-05', Math.floor((rows.length * 329) / Math.max(1, total))));
      const r = rng.weighted(REFERRALS.map((x) => [x, x.share] as const));
      // Answered within the department's time limit (`intake.time_limit.*`: 3 to 15 working days; 3 the least).
      const closeDays = rng.int(1, 3);
      rows.push({
        windowAreaCode: h.villageCode.slice(0, 9), channel: rng.chance(0.8) ? 'window' : 'village', receivedOn,
        householdNo: h.householdNo, idNumber: h.headIdNumber,
        assessment: { householdSize: Math.max(1, h.size), workCapacity: rng.weighted([['full', 0.3], ['partial', 0.5], ['none', 0.2]] as const), seriousIllness: r.need === 'medical' },
        department: r.department, need: r.need,
        acceptedOn: addWorkingDays(receivedOn, rng.int(0, 1)), closedOn: addWorkingDays(receivedOn, Math.max(closeDays, 1)),
        outcome: rng.chance(0.85) ? 'assisted' : 'partially_assisted', result: r.result,
      });
    }
  }
  return { requests: await importHandledRequests(db, scope, rows) };
}

export const socialExtra: ScenarioExtra = {
  stage: 'social',
  async load(ctx) {
    const rng = createRandom(ctx.seed);
    return { ...(await loadVolunteerRegister(ctx, rng)), ...(await loadRequests(ctx, rng)) };
  },
};
