// Stage `disaster`: the seed's 受灾人员救助 and 政策性农房保险 of 2015 — "全州共投入自然灾害救助、冬春救助资金9000余万元
// …共救助受灾困难群众39.22万人；全州政策性农房保险79万户…己理赔农房609户，兑付保险金215万元" — through the disaster and
// housing-insurance modules, as the counties would record the year:
//
// 1. the summer floods: each county they hit records its event (the townships hit), registers
//    the damaged households of the registry (受灾户登记) and has each verified by two staff (入户核查); then the
//    county's batches — 应急救助, 过渡期生活救助 (those without a home), 倒损住房恢复重建 — drafted from the verified
//    register, sampled, confirmed, published where the kind needs it, approved and decided;
// 2. 政策性农房保险: each county's 2015 policy, every rural household of the registry insured (按户籍统保), and the
//    seed's 609 claims — damaged houses of the floods' register — reported, assessed and paid;
// 3. the 2015-2016 冬春 needs survey of the rest of the persons, imported as one file per county, and each county's
//    冬春 batch (paid in December 2015), its classes chosen so that the year's total is the seed's amount.
//
// Scaled (rounded): the persons (39.22万人次), the amounts (9000万元, 215万元), the claims (609) and the flood's
// damaged households (ASSUMED 700). Not scaled: the counties the floods hit (five), one event per such county,
// one policy and one 冬春 batch per county.
// 79万户 insured is more than the registry holds (it has only the caseload's households): the policies cover
// the registry's rural households (see README.md).
import crypto from 'node:crypto';
import type { Database } from '../../db/engine.ts';
import { userScope, type Scope } from '../../kernel/scope.ts';
import { addDays, ruleSetFor } from '../../policy/index.ts';
import { caseParameters } from '../../modules/cases/index.ts';
import { approveBatch, confirmSample, createBatch, createEvent, decideBatch, drawSample, importWinterNeeds, registerDamage, startNotice, verifyDamage } from '../../modules/disaster/index.ts';
import { assessClaim, createPolicy, insureFromRegistry, payClaim, reportClaim } from '../../modules/housing-insurance/index.ts';
import { countyHouseholds, type CountyHousehold } from '../../modules/registry/index.ts';
import type { ScenarioContext, ScenarioExtra } from './extras.ts';
import { apportion } from './plan.ts';

export const DISASTER_SEED = {
  /** 全州共投入自然灾害救助、冬春救助资金9000余万元 (fen). */
  reliefFen: 90_000_000_00,
  /** 共救助受灾困难群众39.22万人 (the report counts 人次: a household relieved twice counts twice). */
  reliefPersons: 392_200,
  /** 己理赔农房609户，兑付保险金215万元. */
  claimsPaid: 609,
  insurancePaidFen: 2_150_000_00,
} as const;

/**
 * ASSUMED — the seed gives no damage figures nor places: the summer floods hit the five southern counties
 * (荔波、独山、平塘、罗甸、三都) and damaged 700 households of the registry there (5% of the houses collapsed — at
 * least one —, 15% seriously and the rest generally damaged); the 609 claims are seriously or generally damaged
 * houses (a collapsed one would be paid its whole sum insured: 215万元 for 609 houses is 3,530 yuan each). The
 * floods' relief is small beside the 冬春 relief, which takes the rest of the persons and funds. Every damage
 * entry is three service calls and every claim three more: the register is kept near the claims' size.
 */
export const FLOOD = {
  counties: ['522722', '522726', '522727', '522728', '522732'], households: 700, collapsed: 0.05, serious: 0.15,
  name: '2015年6月洪涝灾害', startedOn: '2015-06-16', endedOn: '2015-06-20',
} as const;
/** ASSUMED — the policy's terms (the seed gives none): sum insured per house of any structure, premium per house. */
const POLICY = { sumFen: 30_000_00, premiumFen: 20_00, governmentPermille: 900, insurer: '中国人民财产保险股份有限公司黔南州分公司' } as const;
const SEASON = '2015-2016';
const STRUCTURES = ['brick_wood', 'earth_wood', 'brick_concrete'] as const;

type Grade = 'collapsed' | 'serious' | 'general';
interface Damaged { county: string; h: CountyHousehold; grade: Grade; persons: number; claimFen: number | null }

/** The county's approver and a second staff member (verifications need two people). */
const staff = (county: string, who: 'a' | 'b'): Scope => userScope({ id: 0, username: `scenario.${county}.${who}`, role: 'county_approver', areaCode: county, department: null });

/** A deterministic order of the households (not by number, so that every village has its share). */
const shuffled = (seed: string, list: readonly CountyHousehold[]) => list
  .map((h) => ({ h, k: crypto.createHash('md5').update(`${seed}:${h.householdNo}`).digest('hex') }))
  .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.h);

/** `counts[g]` items of each kind spread evenly over `n` positions (each position takes the kind furthest behind its share). */
function spread<K extends string>(n: number, counts: Record<K, number>): K[] {
  const keys = Object.keys(counts) as K[];
  const given = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const out: K[] = [];
  for (let i = 0; i < n; i++) {
    let best = keys[0]!, lag = -Infinity;
    for (const k of keys) {
      const l = (counts[k] * (i + 1)) / n - given[k];
      if (given[k] < counts[k] && l > lag) [best, lag] = [k, l];
    }
    given[best]++;
    out.push(best);
  }
  return out;
}

/** Samples, confirms, publishes where the kind needs it, approves and decides a drafted batch; its persons and amount. */
async function pass(db: Database, scope: Scope, batchNo: string, on: string, seed: string) {
  await drawSample(db, scope, batchNo, { seed, date: on });
  const checked = await confirmSample(db, scope, batchNo, { date: on });
  let approveOn = on;
  if (checked.needsNotice) {
    const notice = await startNotice(db, scope, batchNo, { from: addDays(on, 1) });
    approveOn = addDays(notice.noticeTo ?? on, 1);
  }
  await approveBatch(db, scope, batchNo, { date: approveOn });
  const d = await decideBatch(db, scope, batchNo, { date: approveOn });
  return { persons: d.persons, amountFen: d.amountFen };
}

export async function loadDisaster(ctx: ScenarioContext): Promise<Record<string, number>> {
  const { db, plan, seed } = ctx;
  const scale = plan.scale;
  const counties = plan.counties.map((c) => c.countyCode);
  const registry = new Map<string, CountyHousehold[]>();
  for (const c of counties) registry.set(c, shuffled(seed, await countyHouseholds(db, c)));
  const rural = (c: string) => (registry.get(c) ?? []).filter((h) => h.hukou === 'rural');

  // --- the summer floods: who, how badly, which houses claim
  const claims = Math.round(DISASTER_SEED.claimsPaid * scale);
  const claimsFen = claims === 0 ? 0 : Math.round((DISASTER_SEED.insurancePaidFen * scale) / 100) * 100;
  const households = Math.max(Math.round(FLOOD.households * scale), Math.ceil(claims / (1 - FLOOD.collapsed)) + 1);
  const collapsed = households === 0 ? 0 : Math.max(1, Math.round(households * FLOOD.collapsed));
  const serious = Math.round(households * FLOOD.serious);
  const grades = spread(households, { collapsed, serious, general: households - collapsed - serious });
  const houses = households - collapsed;
  const claiming = spread(houses, { claim: claims, none: houses - claims });
  const claimAmounts = apportion(claimsFen / 100, claiming.map((c) => (c === 'claim' ? 1 : 0))).map((y) => y * 100);
  const hitCounties = counties.filter((c) => (FLOOD.counties as readonly string[]).includes(c));
  const perCounty = apportion(households, counties.map((c) => (hitCounties.includes(c) ? rural(c).length : 0)));
  const damaged: Damaged[] = [];
  counties.forEach((county, i) => {
    for (const h of rural(county).slice(0, perCounty[i] ?? 0)) damaged.push({ county, h, grade: 'general', persons: h.persons, claimFen: null });
  });
  if (damaged.length < households) throw new Error(`the registry has ${damaged.length} rural households, the floods need ${households}`);
  let g = 0;
  for (const [i, d] of damaged.entries()) {
    d.grade = grades[i]!;
    if (d.grade !== 'collapsed') {
      const amount = claimAmounts[g] ?? 0;
      if (claiming[g++] === 'claim') d.claimFen = amount;
    }
  }
  // 应急救助 is paid per person at a rate of 300 yuan: an odd number of persons would leave the year's total
  // 100 yuan off the seed's, which the 冬春 classes (200 yuan apart) cannot make up — one person of a larger
  // household then was away from home.
  if (damaged.reduce((n, d) => n + d.persons, 0) % 2 === 1) {
    const d = damaged.find((x) => x.persons > 1);
    if (d) d.persons -= 1;
  }

  // --- policies (before the claims), every rural household of the registry insured
  let insured = 0;
  for (const county of counties) {
    const scope = staff(county, 'a');
    await createPolicy(db, scope, {
      countyCode: county, year: 2015, policyNo: `QNNF-${county}-2015`, insurer: POLICY.insurer, premiumFen: POLICY.premiumFen, governmentPermille: POLICY.governmentPermille,
      perils: ['flood', 'landslide', 'hail', 'storm', 'freeze', 'earthquake', 'fire'],
      sums: { reinforced_concrete: POLICY.sumFen, brick_concrete: POLICY.sumFen, brick_wood: POLICY.sumFen, earth_wood: POLICY.sumFen, other: POLICY.sumFen },
      coverageFrom: '2015-01-01', coverageTo: '2015-12-31', note: '政策性农房保险，按户籍统保',
    });
    insured += (await insureFromRegistry(db, scope, county, 2015)).total;
  }

  // --- events, the damage register (two verifications each), the claims, the floods' batches
  let floodPersons = 0, floodFen = 0, batches = 0, paid = 0, paidFen = 0;
  for (const county of counties) {
    const hit = damaged.filter((d) => d.county === county);
    if (hit.length === 0) continue;
    const a = staff(county, 'a'), b = staff(county, 'b');
    const event = await createEvent(db, a, {
      countyCode: county, kind: 'flood', name: FLOOD.name, startedOn: FLOOD.startedOn, endedOn: FLOOD.endedOn,
      areas: [...new Set(hit.map((d) => d.h.villageCode.slice(0, 9)))].sort(), note: '',
    });
    for (const [i, d] of hit.entries()) {
      const lossFen = d.claimFen ?? { collapsed: 50_000_00, serious: 15_000_00, general: 3_000_00 }[d.grade];
      await registerDamage(db, a, event.eventNo, {
        householdNo: d.h.householdNo, recordedOn: FLOOD.startedOn, personsAffected: d.persons, personsHomeless: d.grade === 'collapsed' ? d.persons : 0,
        deaths: 0, missing: 0, injured: 0, houseGrade: d.grade, houseStructure: STRUCTURES[i % STRUCTURES.length]!,
        roomsDamaged: { collapsed: 3, serious: 2, general: 1 }[d.grade], directLossFen: lossFen, note: '',
      });
      await verifyDamage(db, a, event.eventNo, d.h.householdNo, { verifiedOn: FLOOD.startedOn });
      await verifyDamage(db, b, event.eventNo, d.h.householdNo, { verifiedOn: FLOOD.startedOn });
    }
    for (const d of hit) {
      if (d.claimFen === null) continue;
      const c = await reportClaim(db, a, { eventNo: event.eventNo, householdNo: d.h.householdNo, reportedOn: '2015-06-18', note: '' });
      await assessClaim(db, a, c.claimNo, { grade: d.grade, lossFen: d.claimFen, assessedOn: '2015-06-28' });
      const p = await payClaim(db, a, c.claimNo, { paidFen: d.claimFen, paidOn: '2015-07-15', paymentRef: `PAY-${c.claimNo}` });
      paid++;
      paidFen += p.paidFen ?? 0;
    }
    const kinds = [
      { kind: 'emergency', date: '2015-06-17', payMonth: '2015-06' },
      { kind: 'transitional', date: '2015-06-20', payMonth: '2015-07', startDate: '2015-06-21', endDate: '2015-09-18' },
      { kind: 'housing', date: '2015-07-10', payMonth: '2015-08' },
    ] as const;
    for (const k of kinds) {
      if (k.kind === 'transitional' && !hit.some((d) => d.grade === 'collapsed')) continue;
      const draft = await createBatch(db, a, { ...k, eventNo: event.eventNo, areas: [] });
      const r = await pass(db, a, draft.batchNo, k.date, `${seed}:${draft.batchNo}`);
      floodPersons += r.persons;
      floodFen += r.amountFen;
      batches++;
    }
  }

  // --- 冬春: the rest of the persons and of the funds, by class
  const personsTarget = Math.round(DISASTER_SEED.reliefPersons * scale);
  const fenTarget = Math.round((DISASTER_SEED.reliefFen * scale) / 100) * 100;
  const survey = '2015-10-20', drafted = '2015-11-02';
  const params = await caseParameters(db);
  const rate = (cls: string) => {
    const p = params.get(`disaster.winter_spring.per_person.${cls}`, counties[0] ?? '522700', drafted, ruleSetFor(drafted, params));
    if (!p.unit.startsWith('fen') || typeof p.value !== 'number') throw new Error(`${p.name} is not an amount (unit ${p.unit})`);
    return p.value;
  };
  const [r1, r2, r3] = [rate('first'), rate('second'), rate('third')];
  const winter = personsTarget - floodPersons;
  const extra = fenTarget - floodFen - r3 * winter;
  if (winter < 0 || extra < 0) throw new Error(`the floods' relief (${floodPersons} persons, ${floodFen} fen) exceeds the seed's year at scale ${scale}`);
  const n1 = Math.floor(extra / (r1 - r3 + r2 - r3));
  const n2 = n1 + Math.floor((extra - n1 * (r1 - r3 + r2 - r3)) / (r2 - r3));
  const members = counties.map((c) => (registry.get(c) ?? []).reduce((n, h) => n + h.persons, 0));
  const wc = apportion(winter, members);
  const c1 = apportion(n1, wc), c2 = apportion(n2, wc);
  let surveyed = 0;
  for (const [i, county] of counties.entries()) {
    const want = wc[i] ?? 0;
    if (want === 0) continue;
    if (want > (members[i] ?? 0) || (c1[i] ?? 0) + (c2[i] ?? 0) > want) throw new Error(`county ${county}: ${want} 冬春 persons of ${members[i]} registered`);
    // Persons in order, the first ones of class one, then two, then three; households whole but the last.
    let left = want, first = c1[i] ?? 0, second = c2[i] ?? 0;
    const lines = ['户编号,一类人数,二类人数,三类人数,调查日期,备注'];
    for (const h of registry.get(county) ?? []) {
      if (left === 0) break;
      let n = Math.min(h.persons, left);
      left -= n;
      const p1 = Math.min(first, n); first -= p1; n -= p1;
      const p2 = Math.min(second, n); second -= p2; n -= p2;
      lines.push(`${h.householdNo},${p1},${p2},${n},${survey},`);
    }
    const scope = staff(county, 'a');
    surveyed += (await importWinterNeeds(db, scope, Buffer.from(lines.join('\n')), { season: SEASON, format: 'csv' })).households;
    const draft = await createBatch(db, scope, { kind: 'winter_spring', season: SEASON, date: drafted, payMonth: '2015-12', areas: [] });
    await pass(db, scope, draft.batchNo, drafted, `${seed}:${draft.batchNo}`);
    batches++;
  }
  return { damaged: damaged.length, batches, winterHouseholds: surveyed, winterPersons: winter, insured, claimsPaid: paid, insurancePaidFen: paidFen };
}

export const disasterStage: ScenarioExtra = { stage: 'disaster', load: loadDisaster };
