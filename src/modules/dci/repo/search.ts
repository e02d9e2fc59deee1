// The registry reads of a search: households (Group) or members (Member) matching a condition, inside the
// client's areas, one page at a time, with what their records show. The only SQL of the search.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea } from '../../../kernel/scope.ts';
import type { Condition, Scalar } from '../service/query.ts';

export type Entity = 'Group' | 'Member';
export type SortKey = 'household_no' | 'area' | 'age';

export interface SearchSpec {
  entity: Entity;
  condition: Condition;
  areaCodes: readonly string[];
  /** A 核对 query: only households with a recorded household authorisation (授权书). */
  needsAuthorisation: boolean;
  today: string;
  sort: { key: SortKey; desc: boolean }[];
  limit: number;
  offset: number;
}

const list = (v: Scalar | Scalar[]) => (Array.isArray(v) ? v : [v]).map(String);
const FALSE = sql<SqlBool>`false`;
const CMP = { eq: '=', lt: '<', gt: '>', le: '<=', ge: '>=' } as const;

/** The member-level test of `c` on member alias `m`. */
function memberTerm(c: Extract<Condition, { kind: 'attr' }>, m: string, today: string): RawBuilder<SqlBool> {
  if (c.attribute === 'age') {
    const age = sql`extract(year from age(cast(${today} as date), ${sql.ref(`${m}.birth_date`)}))`;
    if (c.op === 'in') return sql<SqlBool>`${age} in (${sql.join(list(c.value).map(Number))})`;
    return sql<SqlBool>`${age} ${sql.raw(CMP[c.op])} ${Number(c.value)}`;
  }
  if (c.attribute === 'category') return sql<SqlBool>`${sql.ref(`${m}.categories`)} && cast(${list(c.value)} as text[])`;
  return sql<SqlBool>`${sql.ref(`${m}.hukou`)} in (${sql.join(list(c.value).map(hukouOf))})`;
}

const hukouOf = (v: string) => (v === '城镇' ? 'urban' : v === '农村' ? 'rural' : v);

function householdTerm(c: Extract<Condition, { kind: 'attr' }>, entity: Entity, today: string): RawBuilder<SqlBool> {
  switch (c.attribute) {
    case 'area': {
      const codes = list(c.value).filter((v) => /^\d{6}(\d{3}(\d{3})?)?$/.test(v));
      return codes.length === 0 ? FALSE : sql<SqlBool>`(${sql.join(codes.map((code) => inArea(code, 'h.village_code')), sql` or `)})`;
    }
    case 'programme':
      return sql<SqlBool>`exists (select 1 from cases c where c.county_code = h.county_code and c.household_id = h.id and c.state = 'granted' and c.programme in (${sql.join(list(c.value))}))`;
    case 'hukou':
      return entity === 'Member' ? memberTerm(c, 'm', today) : sql<SqlBool>`h.hukou in (${sql.join(list(c.value).map(hukouOf))})`;
    case 'category':
      if (entity === 'Member') return memberTerm(c, 'm', today);
      return sql<SqlBool>`(h.categories && cast(${list(c.value)} as text[]) or exists (select 1 from members m2 where m2.county_code = h.county_code and m2.household_id = h.id and ${memberTerm(c, 'm2', today)}))`;
    case 'age':
      if (entity === 'Member') return memberTerm(c, 'm', today);
      return sql<SqlBool>`exists (select 1 from members m2 where m2.county_code = h.county_code and m2.household_id = h.id and ${memberTerm(c, 'm2', today)})`;
  }
}

/** The condition as SQL over `h` (households) and, for Member, `m` (members). */
export function conditionSql(c: Condition, entity: Entity, today: string): RawBuilder<SqlBool> {
  return compile(c, entity, today);
}

function compile(c: Condition, entity: Entity, today: string): RawBuilder<SqlBool> {
  switch (c.kind) {
    case 'id':
      if (c.idType === 'HOUSEHOLD_ID') return sql<SqlBool>`h.household_no = ${c.value}`;
      return entity === 'Member'
        ? sql<SqlBool>`m.id_number = ${c.value}`
        : sql<SqlBool>`exists (select 1 from members m2 where m2.county_code = h.county_code and m2.household_id = h.id and m2.id_number = ${c.value})`;
    case 'attr':
      return householdTerm(c, entity, today);
    case 'and':
      return sql<SqlBool>`(${sql.join(c.of.map((x) => compile(x, entity, today)), sql` and `)})`;
    case 'or':
      return sql<SqlBool>`(${sql.join(c.of.map((x) => compile(x, entity, today)), sql` or `)})`;
    case 'not':
      return sql<SqlBool>`not (${compile(c.of, entity, today)})`;
  }
}

function where(s: SearchSpec): RawBuilder<SqlBool> {
  const scope = s.areaCodes.length === 0 ? FALSE : sql<SqlBool>`(${sql.join(s.areaCodes.map((a) => inArea(a, 'h.village_code')), sql` or `)})`;
  const authorised = s.needsAuthorisation
    ? sql<SqlBool>` and exists (select 1 from verification_authorizations va where va.county_code = h.county_code and va.household_id = h.id and va.signer_role = 'household')`
    : sql<SqlBool>``;
  return sql<SqlBool>`${scope} and ${compile(s.condition, s.entity, s.today)}${authorised}`;
}

function orderBy(s: SearchSpec): RawBuilder<unknown> {
  const keys = s.sort.map(({ key, desc }) => {
    const dir = sql.raw(desc ? 'desc' : 'asc');
    if (key === 'area') return sql`h.village_code ${dir}`;
    if (key === 'age' && s.entity === 'Member') return sql`m.birth_date ${sql.raw(desc ? 'asc' : 'desc')}`;
    return sql`h.household_no ${dir}`;
  });
  const tie = s.entity === 'Member' ? sql`m.county_code, m.id` : sql`h.county_code, h.id`;
  return keys.length > 0 ? sql`${sql.join(keys)}, ${tie}` : tie;
}

export interface KeyRow {
  county_code: string;
  household_id: number;
  member_id: number | null;
}

/** The matching total and one page of keys. */
export async function searchKeys(db: Kysely<DB>, s: SearchSpec): Promise<{ total: number; keys: KeyRow[] }> {
  const from = s.entity === 'Member' ? sql`members m join households h on h.county_code = m.county_code and h.id = m.household_id` : sql`households h`;
  const member = s.entity === 'Member' ? sql`m.id` : sql`null`;
  const count = await sql<{ n: number }>`select count(*)::int as n from ${from} where ${where(s)}`.execute(db);
  const page = await sql<KeyRow>`select h.county_code, h.id as household_id, ${member} as member_id from ${from} where ${where(s)} order by ${orderBy(s)} limit ${s.limit} offset ${s.offset}`.execute(db);
  return { total: Number(count.rows[0]?.n ?? 0), keys: page.rows.map((r) => ({ county_code: r.county_code, household_id: Number(r.household_id), member_id: r.member_id === null ? null : Number(r.member_id) })) };
}

/** The households of the keys with their members, village names and granted programmes. */
export async function householdsOf(db: Kysely<DB>, keys: readonly { county_code: string; household_id: number }[]) {
  if (keys.length === 0) return [];
  const pairs = sql.join(keys.map((k) => sql`(${k.county_code}, ${k.household_id}::bigint)`));
  const households = await sql<{ county_code: string; id: number; household_no: string; village_code: string; village_name: string; hukou: string; address: string; phone: string; categories: string[]; updated_at: Date; created_at: Date }>`
    select h.county_code, h.id, h.household_no, h.village_code, a.name as village_name, h.hukou, h.address, h.phone, h.categories, h.updated_at, h.created_at
    from households h join areas a on a.code = h.village_code where (h.county_code, h.id) in (${pairs})`.execute(db);
  const members = await sql<{ county_code: string; id: number; household_id: number; id_number: string; name: string; sex: string; birth_date: string; relation: string; hukou: string; categories: string[]; disability_kind: string | null; disability_grade: number | null; phone: string }>`
    select m.county_code, m.id, m.household_id, m.id_number, m.name, m.sex, m.birth_date, m.relation, m.hukou, m.categories, m.disability_kind, m.disability_grade, m.phone
    from members m where (m.county_code, m.household_id) in (${pairs}) order by m.county_code, m.household_id, m.id`.execute(db);
  const programmes = await sql<{ county_code: string; household_id: number; programme: string }>`
    select distinct c.county_code, c.household_id, c.programme from cases c where c.state = 'granted' and (c.county_code, c.household_id) in (${pairs})`.execute(db);
  return households.rows.map((h) => ({
    ...h,
    id: Number(h.id),
    members: members.rows.filter((m) => m.county_code === h.county_code && Number(m.household_id) === Number(h.id)).map((m) => ({ ...m, id: Number(m.id) })),
    programmes: programmes.rows.filter((p) => p.county_code === h.county_code && Number(p.household_id) === Number(h.id)).map((p) => p.programme).sort(),
  }));
}
export type HouseholdRow = Awaited<ReturnType<typeof householdsOf>>[number];
