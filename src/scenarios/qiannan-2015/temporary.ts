// Stage `temporary` — 临时救助 of the seed's year: "开展“救急难”。共支出800余万元，实施临时救助5000余人次". Persons
// (人次) and the amount are scaled and rounded; the seed's "余" is read as the round figure.
//
// Each county's 2015 临时救助 ledger (台账) as decided cases, set-based: one `temporary` case per claim, granted
// with its decision and a one-off entitlement of its month (the cases module's `decideInBulk`, as disaster
// batches and the caseload import use it), recorded as migrated from the ledger. Households are the registry's
// (any hukou, whether in 低保 or not), picked in registration order until the persons add up; ASSUMED half the
// persons urban (the seed's 1600 yuan a person-time is above six months of the rural standard, the formula's
// cap). Every amount is the policy formula's (`temporary_assistance`: the monthly standards of the counted
// members × months, 急难型), with its explanation; the months (1–6, a case within the one-case-one-decision
// amount) are chosen so that the amounts add up to the seed's total.
import { sql } from 'kysely';
import { bulkWrite } from '../../db/write.ts';
import { caseParameters, decideInBulk } from '../../modules/cases/index.ts';
import { countyHouseholds, householdFactsFromRegistry, registryHouseholdById, type CountyHousehold } from '../../modules/registry/index.ts';
import { explain, ruleSetFor, temporaryAssistance, type ParameterSet } from '../../policy/index.ts';
import type { ScenarioContext, ScenarioExtra } from './extras.ts';
import { apportion } from './plan.ts';

export const TEMPORARY_SEED = {
  /** 实施临时救助5000余人次. */
  persons: 5_000,
  /** 共支出800余万元. */
  amountFen: 800_000_000,
} as const;
/** ASSUMED — the urban share of the persons assisted. */
const URBAN_SHARE = 0.5;
const HARDSHIPS = ['家庭成员突发重病住院，医疗费用支出较大，基本生活暂时出现严重困难', '住房遭遇火灾，生活用品损毁，基本生活暂时出现严重困难',
  '家庭主要劳动力因交通事故受伤，收入中断，基本生活暂时出现严重困难', '遭遇意外事件，家庭财产损失较大，基本生活暂时出现严重困难'];

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Months per claim (1 … cap) so that Σ monthly × months = target: greedily up to the target, then the last
 * claims (at most 40) exactly, by a table of the sums they can reach. Null when the target is out of reach.
 */
export function fitMonths(monthly: readonly number[], caps: readonly number[], target: number): number[] | null {
  const m = monthly.map(() => 1);
  let sum = monthly.reduce((a, b) => a + b, 0);
  if (sum > target) return null;
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < m.length; i++) {
      if (m[i]! < caps[i]! && sum + monthly[i]! <= target) {
        m[i]!++;
        sum += monthly[i]!;
        changed = true;
      }
    }
  }
  if (sum === target) return m;
  const free = Array.from({ length: Math.min(40, m.length) }, (_, k) => m.length - 1 - k);
  const fixed = sum - free.reduce((n, i) => n + monthly[i]! * m[i]!, 0);
  const unit = free.reduce((g, i) => gcd(g, monthly[i]!), 0);
  const left = target - fixed;
  if (unit === 0 || left % unit !== 0) return null;
  const size = left / unit;
  // choice[k][v]: the months of free claim k that reach v (in units) with the claims before it; 0 = unreachable.
  const choice = free.map(() => new Uint8Array(size + 1));
  let reach = new Uint8Array(size + 1);
  reach[0] = 1;
  for (const [k, i] of free.entries()) {
    const next = new Uint8Array(size + 1);
    const step = monthly[i]! / unit;
    for (let v = 0; v <= size; v++) {
      if (!reach[v]) continue;
      for (let months = 1; months <= caps[i]!; months++) {
        const w = v + step * months;
        if (w > size) break;
        if (!next[w]) { next[w] = 1; choice[k]![w] = months; }
      }
    }
    reach = next;
  }
  if (!reach[size]) return null;
  for (let k = free.length - 1, v = size; k >= 0; k--) {
    const i = free[k]!;
    m[i] = choice[k]![v]!;
    v -= (monthly[i]! / unit) * m[i]!;
  }
  return m;
}

/** Households of each county in registration order, taking those that fit until each county's persons are placed. */
function pickHouseholds(byCounty: readonly CountyHousehold[][], urban: number, rural: number): CountyHousehold[] {
  const picked: CountyHousehold[] = [];
  for (const [hukou, total] of [['urban', urban], ['rural', rural]] as const) {
    const pools = byCounty.map((hs) => hs.filter((h) => h.hukou === hukou && h.persons > 0));
    const quotas = apportion(total, pools.map((p) => p.length));
    let carry = 0;
    for (const [c, pool] of pools.entries()) {
      let left = (quotas[c] ?? 0) + carry;
      // Spread over the county's households rather than its first ones.
      const stride = Math.max(1, Math.floor(pool.length / Math.max(1, left)));
      for (let k = 0; k < pool.length && left > 0; k++) {
        const h = pool[(k * stride + Math.floor(k * stride / pool.length)) % pool.length]!;
        if (h.persons <= left && !picked.includes(h)) { picked.push(h); left -= h.persons; }
      }
      carry = left;
    }
    if (carry > 0) throw new Error(`the registry holds too few ${hukou} households for ${total} persons of 临时救助`);
  }
  return picked;
}

interface Claim { household: CountyHousehold; county: string; head: { id: number; name: string; idNumber: string }; monthly: number; cap: number; date: string; facts: ReturnType<typeof householdFactsFromRegistry> }

function assess(params: ParameterSet, c: Pick<Claim, 'facts' | 'date' | 'household'>, months: number) {
  const ruleSet = ruleSetFor(c.date, params);
  const out = explain({ params, period: c.date, ruleSet }, c.household.villageCode, (t) => temporaryAssistance(t, c.facts, { kind: 'emergency', months }));
  return { ruleSet, value: out.value, steps: out.steps };
}

async function loadTemporary(ctx: ScenarioContext): Promise<Record<string, number>> {
  const { db, scope, plan } = ctx;
  const persons = Math.round(TEMPORARY_SEED.persons * plan.scale);
  const amount = Math.round(TEMPORARY_SEED.amountFen * plan.scale);
  const counties = plan.counties.map((c) => c.countyCode);
  const byCounty: CountyHousehold[][] = [];
  for (const c of counties) byCounty.push(await countyHouseholds(db, c));
  const urban = Math.round(persons * URBAN_SHARE);
  const picked = pickHouseholds(byCounty, urban, persons - urban);
  const params = await caseParameters(db);
  const claims: Claim[] = [];
  for (const [n, h] of picked.entries()) {
    const county = h.villageCode.slice(0, 6);
    const record = await registryHouseholdById(db.kysely, county, h.id);
    const head = record.members.find((m) => m.relation === 'head') ?? record.members[0]!;
    // Spread over the year: the n-th claim in month n mod 12, on a working-day-ish date.
    const date = `2015-${String((n % 12) + 1).padStart(2, '0')}-${String(5 + (n % 20)).padStart(2, '0')}`;
    const facts = householdFactsFromRegistry(record);
    const one = assess(params, { facts, date, household: h }, 1).value;
    const ceiling = params.get('temporary.one_case_one_decision_threshold', h.villageCode, date).value;
    const cap = Math.max(1, Math.min(Number(params.get('temporary.months_cap', h.villageCode, date).value), Math.floor(Number(ceiling) / Math.max(1, one.amount))));
    claims.push({ household: h, county, head: { id: Number(head.id), name: head.name, idNumber: head.id_number }, monthly: one.amount, cap, date, facts });
  }
  const months = fitMonths(claims.map((c) => c.monthly), claims.map((c) => c.cap), amount);
  if (!months) throw new Error(`the formula cannot give ${amount} fen of 临时救助 to ${persons} persons within its caps`);
  const rows = claims.map((c, i) => {
    const a = assess(params, c, months[i]!);
    return {
      county_code: c.county, household_id: c.household.id, area_code: c.household.villageCode, amount_fen: a.value.amount, persons: a.value.persons,
      member_id: c.head.id, name: c.head.name, id_number: c.head.idNumber, payee: 'recipient', payee_name: c.head.name, payee_id_number: c.head.idNumber,
      decided_on: c.date, effective_month: c.date.slice(0, 7), from_month: c.date.slice(0, 7), review_due: null, ord: i,
      source_key: `temporary:ledger-2015:${c.household.householdNo}:${i}`,
      summary: {},
      context: {
        claim: { kind: 'emergency', urgent: false, months: months[i]!, method: 'transfer', source: i % 3 === 0 ? 'village_report' : 'application', hardship: HARDSHIPS[i % HARDSHIPS.length]! },
        approval: a.value.approvalLevel === 'township' ? 'township' : 'county',
      },
      explanation: { formula: 'temporary_assistance', ruleSet: a.ruleSet, period: c.date, value: a.value, steps: a.steps },
    };
  });
  const granted = rows.reduce((n, r) => n + r.persons, 0);
  const paid = rows.reduce((n, r) => n + r.amount_fen, 0);
  if (granted !== persons || paid !== amount) throw new Error(`临时救助 came to ${granted} persons and ${paid} fen, the seed's scaled figures are ${persons} and ${amount}`);
  const picks = sql`select r.county_code, r.household_id, r.area_code, r.amount_fen, r.persons, r.member_id, r.name, r.id_number, r.payee, r.payee_name, r.payee_id_number,
      r.decided_on::date as decided_on, r.effective_month, r.from_month, r.review_due::date as review_due, r.ord, r.source_key, r.summary, r.context, r.explanation
    from jsonb_to_recordset(cast(${JSON.stringify(rows)} as jsonb)) as r (county_code text, household_id bigint, area_code text, amount_fen bigint, persons int,
      member_id bigint, name text, id_number text, payee text, payee_name text, payee_id_number text, decided_on text, effective_month text, from_month text,
      review_due text, ord int, source_key text, summary jsonb, context jsonb, explanation jsonb)`;
  const cases = await bulkWrite(db, scope, (tx) => decideInBulk(tx, {
    programme: 'temporary', picked: picks, applicant: 'picked', ruleSet: ruleSetFor('2015-06-30', params), decidedOn: '2015-12-31',
    action: 'migrate', fromState: null, state: 'granted', phase: 'granted', actor: { id: scope.userId, name: scope.userName, role: scope.role },
    transitionData: { source: '2015年临时救助台账' }, reason: '2015年临时救助台账录入', fromMonth: '2015-01', schedule: 'one_off',
    decisionKind: 'migration', perRow: true,
  }));
  return { cases, persons: granted, amountFen: paid };
}

export const temporaryStage: ScenarioExtra = { stage: 'temporary', load: loadTemporary };
