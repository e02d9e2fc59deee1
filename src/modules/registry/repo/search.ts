import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { countUpTo, type CappedTotal } from '../../../db/count.ts';
import { inArea, inScope, type Scope } from '../../../kernel/scope.ts';

export interface SearchFilters {
  name?: string | undefined;
  idNumber?: string | undefined;
  area?: string | undefined;
  category?: string | undefined;
  page: number;
  pageSize: number;
}

export interface SearchRow {
  household_no: string;
  village_code: string;
  village_name: string;
  hukou: 'urban' | 'rural';
  poverty_file: boolean;
  household_categories: string[];
  head_name: string | null;
  head_id_number: string | null;
  size: number;
  member_categories: string[] | null;
}

const LEFT_BEHIND = { left_behind_child: 'child', left_behind_elder: 'elder', left_behind_woman: 'woman' } as const;
const HOUSEHOLD_CATEGORIES = new Set(['family_planning', 'single_parent']);

export type HouseholdFilters = Omit<SearchFilters, 'page' | 'pageSize'>;

/** The households in scope that match the filters (search and export share it). */
function filteredHouseholds(db: Kysely<DB>, scope: Scope, f: HouseholdFilters) {
  let q = db.selectFrom('households as h').where(inScope(scope, 'h.village_code'));
  if (f.area) q = q.where(inArea(f.area, 'h.village_code'));
  if (f.idNumber) {
    const id = f.idNumber;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('person_index as p').select('p.household_id').where('p.id_number', '=', id).whereRef('p.household_id', '=', 'h.id').whereRef('p.county_code', '=', 'h.county_code')));
  }
  if (f.name) {
    const pattern = `${f.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('members as m').select('m.id').where('m.name', 'like', pattern).whereRef('m.county_code', '=', 'h.county_code').whereRef('m.household_id', '=', 'h.id')));
  }
  if (f.category) {
    const c = f.category;
    if (c === 'poverty_file') q = q.where('h.poverty_file', '=', true);
    else if (HOUSEHOLD_CATEGORIES.has(c)) q = q.where(sql<boolean>`h.categories @> array[${c}]::text[]`);
    else if (c in LEFT_BEHIND) {
      const kind = LEFT_BEHIND[c as keyof typeof LEFT_BEHIND];
      q = q.where(({ exists, selectFrom }) => exists(selectFrom('members as m').select('m.id').where('m.left_behind', '=', kind).whereRef('m.county_code', '=', 'h.county_code').whereRef('m.household_id', '=', 'h.id')));
    } else {
      q = q.where(({ exists, selectFrom }) => exists(selectFrom('members as m').select('m.id').where(sql<boolean>`m.categories @> array[${c}]::text[]`).whereRef('m.county_code', '=', 'h.county_code').whereRef('m.household_id', '=', 'h.id')));
    }
  }
  return q;
}

/** Household search: exact ID, name prefix, area, category; one page plus the total, exact up to `countCap`. */
export async function searchHouseholds(db: Kysely<DB>, scope: Scope, f: SearchFilters, countCap: number): Promise<{ rows: SearchRow[] } & CappedTotal> {
  const q = filteredHouseholds(db, scope, f);
  const [rows, total] = await Promise.all([
    q
      .innerJoin('areas as v', 'v.code', 'h.village_code')
      .select([
        'h.household_no',
        'h.village_code',
        'v.name as village_name',
        'h.hukou',
        'h.poverty_file',
        'h.categories as household_categories',
        sql<string | null>`(select m.name from members m where m.county_code = h.county_code and m.household_id = h.id and m.relation = 'head' limit 1)`.as('head_name'),
        sql<string | null>`(select m.id_number from members m where m.county_code = h.county_code and m.household_id = h.id and m.relation = 'head' limit 1)`.as('head_id_number'),
        sql<number>`(select count(*) from members m where m.county_code = h.county_code and m.household_id = h.id)`.as('size'),
        sql<string[] | null>`(select array_agg(distinct c) from members m, unnest(m.categories) c where m.county_code = h.county_code and m.household_id = h.id)`.as('member_categories'),
      ])
      .orderBy('h.household_no')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    countUpTo(db, q, countCap),
  ]);
  return { rows, ...total };
}

export async function countHouseholds(db: Kysely<DB>, scope: Scope, f: HouseholdFilters): Promise<number> {
  const r = await filteredHouseholds(db, scope, f).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One keyset page of whole household rows for an export, in household-number order. */
export async function exportPage(db: Kysely<DB>, scope: Scope, f: HouseholdFilters, afterNo: string, limit: number) {
  return filteredHouseholds(db, scope, f).selectAll('h').where('h.household_no', '>', afterNo).orderBy('h.household_no').limit(limit).execute();
}

type Key = { county_code: string; id: number };
/**
 * The keys as two array parameters: PGlite fails a row-value list `(a, b) in ((…), …)` of more than
 * 275 rows over the extended protocol ("cannot drop portal "" while it is being set up").
 */
const keySet = (keys: readonly Key[]) =>
  sql`select * from unnest(${`{${keys.map((k) => k.county_code).join(',')}}`}::text[], ${`{${keys.map((k) => k.id).join(',')}}`}::bigint[])`;

/** Members, incomes and assets of these households, in one query each. */
export async function contentsOf(db: Kysely<DB>, keys: readonly Key[]) {
  if (keys.length === 0) return { members: [], incomes: [], assets: [] };
  const inKeys = sql<boolean>`(county_code, household_id) in (${keySet(keys)})`;
  const [members, incomes, assets] = await Promise.all([
    db.selectFrom('members').selectAll().where(inKeys).orderBy('id').execute(),
    db.selectFrom('income_items').selectAll().where(inKeys).orderBy('id').execute(),
    db.selectFrom('assets').selectAll().where(inKeys).orderBy('id').execute(),
  ]);
  return { members, incomes, assets };
}
