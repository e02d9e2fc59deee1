// Benchmark registries: N generated demo households (generateDemoHouseholds) written by COPY straight
// into the registry tables, over every village of 黔南州 (load the areas first).
import { sql } from 'kysely';
import type { Database } from '../../src/db/engine.ts';
import { generateDemoHouseholds, isUrbanVillageName, type DemoVillage } from '../../src/modules/registry/domain/demo/index.ts';

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const arr = (xs: readonly string[]) => q(`{${xs.join(',')}}`);
const bool = (b: boolean) => (b ? 't' : 'f');

export async function loadRegistry(db: Database, households: number, seed = 'bench-simulate'): Promise<{ members: number }> {
  const villages: DemoVillage[] = (await db.kysely
    .selectFrom('areas as v').innerJoin('areas as t', 't.code', 'v.parent_code')
    .select(['v.code', 'v.name', 'v.county_code', 'v.urban', 't.name as township_name'])
    .where('v.level', '=', 'village').orderBy('v.code').execute())
    .map((v) => ({ code: v.code, name: v.name, countyCode: v.county_code ?? v.code.slice(0, 6), townshipName: v.township_name, urban: v.urban ?? isUrbanVillageName(v.name) }));
  let id = 1;
  let members = 0;
  const batch = { households: [] as string[], members: [] as string[], incomes: [] as string[], assets: [] as string[] };
  const flush = async () => {
    await db.copyCsv('households', ['county_code', 'id', 'household_no', 'village_code', 'hukou', 'address', 'phone', 'bank_name', 'bank_account', 'poverty_file', 'agricultural', 'categories'], batch.households.join(''));
    await db.copyCsv('members', ['county_code', 'id', 'household_id', 'id_number', 'name', 'sex', 'birth_date', 'relation', 'hukou', 'work_capacity', 'disability_kind', 'disability_grade', 'serious_illness', 'student', 'categories', 'left_behind', 'phone'], batch.members.join(''));
    if (batch.incomes.length) await db.copyCsv('income_items', ['county_code', 'id', 'household_id', 'member_id', 'kind', 'amount_fen', 'period', 'source'], batch.incomes.join(''));
    if (batch.assets.length) await db.copyCsv('assets', ['county_code', 'id', 'household_id', 'member_id', 'kind', 'value_fen', 'note'], batch.assets.join(''));
    for (const k of Object.keys(batch) as (keyof typeof batch)[]) batch[k] = [];
  };
  let n = 0;
  for (const r of generateDemoHouseholds({ seed, count: households, villages })) {
    const h = r.household;
    const county = h.villageCode.slice(0, 6);
    const hid = id++;
    n++;
    batch.households.push(`${county},${hid},${county}${String(n).padStart(8, '0')},${h.villageCode},${h.hukou},${q(h.address)},${q(h.phone)},${q(h.bankName)},${q(h.bankAccount)},${bool(h.povertyFile)},${bool(h.agricultural)},${arr(h.categories)}\n`);
    const ids = new Map<string, number>();
    for (const m of r.members) {
      const mid = id++;
      ids.set(m.idNumber, mid);
      members++;
      batch.members.push(`${county},${mid},${hid},${m.idNumber},${q(m.name)},${m.sex},${m.birthDate},${m.relation},${m.hukou},${m.workCapacity},${m.disabilityKind ?? ''},${m.disabilityGrade ?? ''},${bool(m.seriousIllness)},${bool(m.student)},${arr(m.categories)},${m.leftBehind ?? ''},${q(m.phone ?? '')}\n`);
    }
    for (const i of r.incomes) batch.incomes.push(`${county},${id++},${hid},${i.memberIdNumber ? ids.get(i.memberIdNumber) : ''},${i.kind},${i.amountFen},${i.period},${q(i.source)}\n`);
    for (const a of r.assets) batch.assets.push(`${county},${id++},${hid},${a.memberIdNumber ? ids.get(a.memberIdNumber) : ''},${a.kind},${a.valueFen},${q(a.note)}\n`);
    if (batch.households.length >= 10_000) await flush();
  }
  await flush();
  await sql`select setval('registry_id_seq', ${id})`.execute(db.kysely);
  await sql`analyze`.execute(db.kysely);
  return { members };
}

