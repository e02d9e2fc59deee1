// The national benchmark's registry, generated set-based in SQL (`insert … select … from
// generate_series`) straight into households, members and person_index with their keys and triggers,
// in batches with progress. Household g (0-based) lies in county ⌊g·C/N⌋ (counties in code order, each
// a contiguous block), in one of its villages by a hash. 1–5 members (mean ≈ 2.63): the head, a spouse,
// children. ID numbers are valid (the county's code, the birth date, a sequence whose parity is the sex,
// the MOD 11-2 check character) and unique nationally: within a county, the household's local index
// gives each adult slot and child slot a distinct (birth date, sequence) pair — a bijection over blocks
// of 2 × the days in the birth range — and the adults' and children's birth ranges do not overlap.
// Single elderly persons are marked 三无 in 12.6% of cases (about 1% of households: the 特困 recipients).
import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../../src/db/engine.ts';
import { parseIdNumber } from '../../src/kernel/id-number.ts';
import { seconds } from './engines.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '玉兰', '志强', '红梅', '海燕', '国庆', '春花', '德明', '文斌'];
/** Members per household by a hash 0–99: < 22 one, < 50 two, < 74 three, < 91 four, else five. */
const SIZE = (h: RawBuilder<unknown>) => sql`(case when ${h} < 22 then 1 when ${h} < 50 then 2 when ${h} < 74 then 3 when ${h} < 91 then 4 else 5 end)`;
/** A hash of a bigint expression and a salt, 0 … n−1. */
const hx = (e: RawBuilder<unknown>, salt: number, n: number | RawBuilder<unknown>) => sql`((hashint8extended(${e}, ${salt}) % ${n}) + ${n}) % ${n}`;
const chars = (s: string) => `{${[...s].join(',')}}`;
const BATCH = 250_000;

/** The check character of a 17-digit expression, in SQL (src/kernel/id-number.ts's checkCharacter). */
const checkChar = (f: string) => sql.raw(`substr('10X98765432', (${WEIGHTS.map((w, i) => `substr(${f}, ${i + 1}, 1)::int * ${w}`).join(' + ')}) % 11 + 1, 1)`);

/**
 * One batch of households g = from … to in one statement: the households, their members (slots of five ids after
 * the households' ids; adults 2·l + p, children 3·l + p − 2 for the household's index l in its county) and
 * person_index.
 */
export function batch(N: number, C: number, from: number, to: number): RawBuilder<unknown> {
  const local = (g: string) => sql.raw(`${g} - ((${g} * ${C}::bigint / ${N}) * ${N} + ${C} - 1) / ${C}`);
  return sql`
    with h as (
      insert into households (county_code, id, household_no, village_code, hukou, address, phone, bank_name, bank_account, poverty_file, agricultural, categories)
      select c.code, x.g + 1, c.code || lpad((x.l + 1)::text, 8, '0'), v.code, case when v.urban then 'urban' else 'rural' end,
      v.name || (x.l % 300 + 1) || '号', '13' || lpad((x.g % 1000000000)::text, 9, '0'), '农村信用社', '6217' || lpad(x.g::text, 15, '0'),
      ${hx(sql`x.g`, 2, 100)} < 10, not v.urban, '{}'
      from (select g, (g * ${C}::bigint / ${N}) as ci, ${local('g')} as l from generate_series(${from}::bigint, ${to}::bigint) g) x
      join bench_n_counties c on c.idx = x.ci
      join bench_n_villages v on v.county_idx = c.idx and v.v = ${hx(sql`x.g`, 1, sql`c.villages`)}
      returning county_code, id, hukou
    ), z as (
      select h.county_code, h.id as household_id, ${N + 1}::bigint + h.id * 5 + p as id, p, s.size, h.hukou,
      (${chars(SURNAMES)}::text[])[1 + ${hx(sql`h.id * 2 + (p = 1)::int`, 4, SURNAMES.length)}]
      || (${`{${GIVEN.join(',')}}`}::text[])[1 + ${hx(sql`h.id * 5 + p`, 6, GIVEN.length)}] as name,
      case when p < 2 then date '1935-01-01' + ((2 * s.l + p) * 7919 % 40176 / 2)::int
      else date '1990-01-01' + ((3 * s.l + p - 2) * 7919 % 18262 / 2)::int end as birth,
      case when p < 2 then 2 * ((2 * s.l + p) / 40176) + (2 * s.l + p) * 7919 % 40176 % 2
      else 2 * ((3 * s.l + p - 2) / 18262) + (3 * s.l + p - 2) * 7919 % 18262 % 2 end as seq
      from h
      cross join lateral (select ${SIZE(hx(sql`(h.id - 1)`, 3, 100))} as size, ${local('(h.id - 1)')} as l) s
      cross join lateral generate_series(0, 4) p
      where p < s.size
    ), y as (
      select z.*, z.county_code || to_char(z.birth, 'YYYYMMDD') || lpad(z.seq::text, 3, '0') as f from z
    ), m as (
      insert into members (county_code, id, household_id, id_number, name, sex, birth_date, relation, hukou, work_capacity, serious_illness, student, categories)
      select y.county_code, y.id, y.household_id, y.f || ${checkChar('y.f')}, y.name, case when y.seq % 2 = 1 then 'male' else 'female' end, y.birth,
      case y.p when 0 then 'head' when 1 then 'spouse' else 'child' end, y.hukou,
      case when y.birth < date '1955-01-01' or y.birth > date '1997-12-31' then 'none' else 'full' end,
      ${hx(sql`y.id`, 5, 100)} < 3, y.birth between date '1997-01-01' and date '2010-12-31',
      case when y.size = 1 and y.birth < date '1955-01-01' and ${hx(sql`y.id`, 7, 1000)} < 126 then '{three_nos}'::text[] else '{}' end
      from y
      returning id_number, county_code, id, household_id
    )
    insert into person_index (id_number, county_code, member_id, household_id) select id_number, county_code, id, household_id from m`;
}

export interface RegistryCounts { households: number; members: number }

export async function generateNationalRegistry(db: Database, households: number): Promise<RegistryCounts> {
  const k = db.kysely;
  await sql`create table bench_n_counties as select (row_number() over (order by code) - 1)::int as idx, code,
    (select count(*) from areas v where v.level = 'village' and v.county_code = c.code)::int as villages
    from areas c where level = 'county'`.execute(k);
  await sql`create table bench_n_villages as select c.idx as county_idx, (row_number() over (partition by c.idx order by v.code) - 1)::int as v, v.code, v.name, coalesce(v.urban, false) as urban
    from areas v join bench_n_counties c on c.code = v.county_code where v.level = 'village'`.execute(k);
  await sql`create unique index on bench_n_villages (county_idx, v)`.execute(k);
  await sql`analyze bench_n_counties, bench_n_villages`.execute(k);
  const counties = Number((await sql<{ n: number }>`select count(*)::int as n from bench_n_counties`.execute(k)).rows[0]!.n);
  const N = households;
  const C = counties;
  const t0 = performance.now();
  for (let from = 0; from < N; from += BATCH) {
    const to = Math.min(N, from + BATCH) - 1;
    // JIT would compile this statement for longer than it runs at small batches (15 s of 18 for 20,000 households).
    await k.transaction().execute(async (tx) => {
      await sql`set local jit = off`.execute(tx);
      await batch(N, C, from, to).execute(tx);
    });
    const done = to + 1;
    const el = performance.now() - t0;
    console.log(`  registry: ${done} of ${N} households (${seconds(el)} s, about ${seconds((el / done) * (N - done))} s left)`);
  }
  await sql`select setval('registry_id_seq', ${N + 1 + (N + 1) * 5})`.execute(k);
  await sql`drop table bench_n_villages, bench_n_counties`.execute(k);
  await sql`analyze households, members, person_index`.execute(k);
  // A sample of the generated ID numbers through the registry's own parser (the check character, the date).
  const sample = await sql<{ id_number: string }>`select id_number from members tablesample system (1) limit 2000`.execute(k);
  const bad = sample.rows.map((r) => r.id_number).filter((n) => !parseIdNumber(n, { today: '2026-12-31' }).ok);
  if (bad.length > 0) throw new Error(`generated ID numbers invalid: ${bad.slice(0, 5).join(', ')}`);
  const members = Number((await sql<{ n: string }>`select count(*) as n from members`.execute(k)).rows[0]!.n);
  return { households: N, members };
}
