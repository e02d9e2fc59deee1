// Stage `medical` — 医疗救助 of the seed's year: "支出1040万元，通过全额资助、部分资助方式，资助36.7万人参加了2015年度
// 新型农村合作医疗保险和城镇基本医疗保险。支出2743.5万元，对困难群众8600余人次实施门诊救助、住院救助". Persons, 人次 and
// amounts are scaled (rounded); nothing here is an organisation.
//
// 资助参保: one premium-subsidy list of the 2015 insurance year per county (the medical module's generation, one
// INSERT … SELECT each), reviewed and approved. A list takes the county's recipients in payment in the month of
// its as-of date, and 2014's caseload (42.9万 before the 减量) is more than the seed's 36.7万 while 2015's (30.7万)
// is less: ASSUMED — some counties drew their list at the end of 2014, before the 减量, the others in January
// 2015, after it; which ones is chosen so that the fewest entries need excluding, and the rest are excluded
// (已通过其他渠道参保) one by one as a county would. Amounts: 特困 in full (the parameter files), the contribution
// of the files (120元), and ASSUMED a 低保 subsidy of 26元 a person (the files' 60元 is a demo default; the seed
// gives only the total): with these the seed's 1040万 for 36.7万 persons fixes how many are 特困.
//
// 门诊 / 住院救助: the hospitals' one-stop settlements of 2015, one file per county imported by the medical
// module's settlement import (set-based); persons are 低保 members paid all through 2015, the 人次 shared among
// the counties by their recipients, the amount among the episodes (an inpatient stay ASSUMED eight times an
// outpatient treatment; 35% of the episodes outpatient).
import { sql } from 'kysely';
import type { Database } from '../../db/engine.ts';
import { csvLine } from '../../kernel/files/csv.ts';
import { caseParameters } from '../../modules/cases/index.ts';
import {
  generateSubsidyList, importSettlements, listSubsidyEntries, moveSubsidyList, recipientsQuery, setEntryExcluded, SETTLEMENT_COLUMNS, type RecipientRow,
} from '../../modules/medical/index.ts';
import { addValue } from '../../modules/policy/index.ts';
import { createRandom } from '../../kernel/random.ts';
import type { ScenarioContext, ScenarioExtra } from './extras.ts';
import { apportion } from './plan.ts';

const SEED_REF = '黔南州民政局2015年工作总结（seed/000_8c45956aed6900ef.txt）';

export const MEDICAL_SEED = {
  /** 支出1040万元…资助36.7万人参加2015年度新农合和城镇基本医疗保险. */
  subsidisedPersons: 367_000,
  subsidyFen: 1_040_000_000,
  /** 支出2743.5万元，对困难群众8600余人次实施门诊救助、住院救助. */
  settledTimes: 8_600,
  settledFen: 2_743_500_000,
} as const;

/** ASSUMED — the 低保 premium subsidy (yuan a person) in 2015; 特困 are subsidised in full. */
export const DIBAO_SUBSIDY_YUAN = 26;
const INSURANCE_YEAR = 2015;
/** The two dates a county may have drawn its list on: before the 减量 (end of 2014) or after it. */
const AS_OF = { before: '2014-12-31', after: '2015-01-31' } as const;
const EXCLUDE_REASON = '已通过其他渠道参加基本医疗保险';

type Counts = { hardship: number; dibao: number };

async function recipientCounts(db: Database, county: string, month: string): Promise<Counts> {
  const { rows } = await sql<{ group: string; n: number }>`select r."group", count(*)::int as n from (${recipientsQuery(county, month)}) r group by 1`.execute(db.kysely);
  return { hardship: rows.find((r) => r.group === 'hardship')?.n ?? 0, dibao: rows.find((r) => r.group === 'dibao')?.n ?? 0 };
}

const countsOf = (rows: readonly RecipientRow[]): Counts => ({ hardship: rows.filter((r) => r.group === 'hardship').length, dibao: rows.filter((r) => r.group === 'dibao').length });

/**
 * Which counties draw before the 减量 (bit set) so that both groups hold at least what is wanted with the fewest
 * left over; null when no choice holds enough.
 */
export function chooseAsOf(counts: readonly { before: Counts; after: Counts }[], want: Counts): boolean[] | null {
  let best: { mask: number; extra: number } | null = null;
  for (let mask = 0; mask < 1 << counts.length; mask++) {
    let h = 0, d = 0;
    counts.forEach((c, i) => {
      const x = mask & (1 << i) ? c.before : c.after;
      h += x.hardship;
      d += x.dibao;
    });
    if (h < want.hardship || d < want.dibao) continue;
    const extra = h - want.hardship + d - want.dibao;
    if (!best || extra < best.extra) best = { mask, extra };
  }
  return best ? counts.map((_, i) => (best.mask & (1 << i)) !== 0) : null;
}

/** `n` of `ids` spread evenly (deterministic). */
const spread = (ids: readonly number[], n: number) => Array.from({ length: n }, (_, k) => ids[Math.floor((k * ids.length) / n)]!);

/** `after`: each county's recipients in January 2015 (read once: the settlements take their persons from them). */
async function subsidyLists(ctx: ScenarioContext, counties: readonly string[], after: readonly RecipientRow[][]) {
  const { db, scope, plan } = ctx;
  for (const county of counties) {
    await addValue(db, scope, 'medical.premium_subsidy.dibao', {
      area: county, effective: '2014-10-01', value: DIBAO_SUBSIDY_YUAN,
      reference: `${SEED_REF}：支出1040万元资助36.7万人参保（特困人员全额资助，低保对象定额资助为情景推算）`,
    });
  }
  const params = await caseParameters(db);
  const contributionFen = Number(params.get('medical.premium.individual_contribution', counties[0]!, `${INSURANCE_YEAR}-01-01`).value);
  const dibaoFen = DIBAO_SUBSIDY_YUAN * 100;
  const persons = Math.round(MEDICAL_SEED.subsidisedPersons * plan.scale);
  const amount = Math.round(MEDICAL_SEED.subsidyFen * plan.scale);
  // persons × 低保 subsidy + 特困 × (contribution − 低保 subsidy) = amount.
  const hardship = Math.round((amount - persons * dibaoFen) / (contributionFen - dibaoFen));
  const want = { hardship, dibao: persons - hardship };
  const counts = [];
  for (const [i, c] of counties.entries()) counts.push({ before: await recipientCounts(db, c, AS_OF.before.slice(0, 7)), after: countsOf(after[i] ?? []) });
  const before = chooseAsOf(counts, want);
  if (!before) throw new Error(`the recipients cannot give ${want.hardship} 特困 and ${want.dibao} 低保 persons to subsidise`);
  const drawn = counts.map((c, i) => (before[i] ? c.before : c.after));
  const cut = {
    hardship: apportion(drawn.reduce((n, c) => n + c.hardship, 0) - want.hardship, drawn.map((c) => c.hardship)),
    dibao: apportion(drawn.reduce((n, c) => n + c.dibao, 0) - want.dibao, drawn.map((c) => c.dibao)),
  };
  let lists = 0, excluded = 0, subsidised = 0, amountFen = 0;
  for (const [i, county] of counties.entries()) {
    const g = await generateSubsidyList(db, scope, { countyCode: county, year: INSURANCE_YEAR, asOf: before[i] ? AS_OF.before : AS_OF.after });
    lists++;
    for (const group of ['hardship', 'dibao'] as const) {
      const n = cut[group][i] ?? 0;
      if (n === 0) continue;
      const page = await listSubsidyEntries(db, scope, g.listNo, { group, excluded: false, unmask: false, limit: 1_000_000 });
      for (const id of spread(page.items.map((e) => e.id), n)) {
        await setEntryExcluded(db, scope, g.listNo, id, EXCLUDE_REASON);
        excluded++;
      }
    }
    const reviewed = await moveSubsidyList(db, scope, g.listNo, 'review');
    await moveSubsidyList(db, scope, g.listNo, 'approve');
    subsidised += reviewed.persons;
    amountFen += reviewed.amountFen;
  }
  if (subsidised !== persons) throw new Error(`subsidy lists hold ${subsidised} persons, the seed's scaled figure is ${persons}`);
  return { lists, excluded, subsidised, amountFen };
}

const GROUP_LABEL: Record<string, string> = { hardship: '特困人员', dibao: '低保对象' };
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const dayOf = (base: string, plus: number) => new Date(Date.parse(`${base}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

/** The settlement file of a county: `times` episodes (at most one per person) of persons paid all through 2015, sharing `amountFen`. */
export function settlementFile(county: string, countyName: string, people: readonly (RecipientRow & { township: string })[], times: number, amountFen: number, seed: string): Buffer {
  const rng = createRandom(`${seed}:${county}`);
  const inpatient = Array.from({ length: times }, (_, i) => i % 20 >= 7);
  const amounts = apportion(amountFen, inpatient.map((x) => (x ? 8 : 1)));
  const lines = [csvLine(SETTLEMENT_COLUMNS.map((c) => c.header))];
  for (let i = 0; i < times; i++) {
    // A person once: no two episodes of one person can clash.
    const p = people[Math.floor((i * people.length) / times)]!;
    const inp = inpatient[i]!;
    const admitted = dayOf('2015-01-05', Math.floor(rng.next() * 330) + (i % 7));
    const discharged = inp ? dayOf(admitted, 3 + Math.floor(rng.next() * 10)) : admitted;
    const assistance = amounts[i] ?? 0;
    const selfPay = Math.ceil((assistance * 10) / 7);
    const basic = selfPay * 2;
    const critical = inp ? Math.floor(selfPay / 5) : 0;
    const total = basic + critical + selfPay + Math.floor(selfPay / 10);
    const hospital = inp ? `${countyName}人民医院` : `${p.township}卫生院`;
    lines.push(csvLine([`JS${county}2015${String(i + 1).padStart(6, '0')}`, p.name, p.id_number, GROUP_LABEL[p.group] ?? '低保对象', hospital, inp ? '住院' : '门诊', '否',
      admitted, inp ? discharged : '', discharged, yuan(total), yuan(basic), yuan(critical), yuan(selfPay), yuan(assistance), '0']));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

async function settlements(ctx: ScenarioContext, counties: readonly string[], after: readonly RecipientRow[][]) {
  const { db, scope, plan, villages } = ctx;
  const townships = new Map(villages.map((v) => [v.code.slice(0, 9), v.townshipName]));
  const names = new Map((await db.kysely.selectFrom('areas').select(['code', 'name']).where('code', 'in', [...counties]).execute()).map((a) => [a.code, a.name]));
  // 低保 members paid in January 2015 are paid all year (those reduced left at the end of 2014); 特困 persons
  // come and go during 2015, so they are left out rather than checked month by month.
  const people = after.map((rows) => rows.filter((r) => r.group === 'dibao').map((r) => ({ ...r, township: townships.get(r.area_code.slice(0, 9)) ?? '' })));
  const times = apportion(Math.round(MEDICAL_SEED.settledTimes * plan.scale), people.map((p) => p.length));
  const amounts = apportion(Math.round(MEDICAL_SEED.settledFen * plan.scale), times);
  let imports = 0, rows = 0;
  for (const [i, county] of counties.entries()) {
    const n = times[i] ?? 0;
    if (n === 0) continue;
    const file = settlementFile(county, names.get(county) ?? county, people[i]!, n, amounts[i] ?? 0, ctx.seed);
    const done = await importSettlements(db, scope, file, { countyCode: county, format: 'csv', fileName: `${names.get(county) ?? county}2015年一站式结算.csv` });
    imports++;
    rows += done.rows;
  }
  return { imports, rows };
}

async function loadMedical(ctx: ScenarioContext): Promise<Record<string, number>> {
  const counties = ctx.plan.counties.map((c) => c.countyCode);
  const after: RecipientRow[][] = [];
  for (const c of counties) after.push((await sql<RecipientRow>`select * from (${recipientsQuery(c, AS_OF.after.slice(0, 7))}) r order by r.member_id`.execute(ctx.db.kysely)).rows);
  const lists = await subsidyLists(ctx, counties, after);
  const settled = await settlements(ctx, counties, after);
  return {
    subsidyLists: lists.lists, subsidised: lists.subsidised, subsidyExcluded: lists.excluded, subsidyFen: lists.amountFen,
    settlementImports: settled.imports, settledEpisodes: settled.rows,
  };
}

export const medicalStage: ScenarioExtra = { stage: 'medical', load: loadMedical };
