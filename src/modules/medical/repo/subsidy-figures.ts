// The SQL of the premium-subsidy figures: persons subsidised (entries not excluded of approved or
// exported lists), amounts and the insurer's results of a year, by the child areas of an area.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../../db/schema.ts';

export interface FigureRow { code: string; lists: number; persons: number; amount_fen: number; enrolled: number; refused: number }

/** Figures per child of `area` whose code is `childLength` long; `visible` filters e.area_code by scope. */
export async function figures(db: Kysely<DB>, area: Expression<SqlBool>, visible: Expression<SqlBool>, childLength: number, year: number): Promise<{ rows: FigureRow[]; total: FigureRow }> {
  const { rows } = await sql<{ code: string | null; lists: number; persons: number; amount_fen: string; enrolled: number; refused: number }>`
    select left(e.area_code, ${sql.lit(childLength)}) as code, count(distinct l.id)::int as lists, count(*)::int as persons,
      coalesce(sum(e.subsidy_fen), 0)::bigint as amount_fen,
      count(*) filter (where e.result = 'enrolled')::int as enrolled, count(*) filter (where e.result = 'refused')::int as refused
    from medical_subsidy_lists l
    join medical_subsidy_entries e on e.county_code = l.county_code and e.list_id = l.id
    where l.year = ${year} and l.status in ('approved', 'exported') and not e.excluded and ${area} and ${visible}
    group by grouping sets ((left(e.area_code, ${sql.lit(childLength)})), ())`.execute(db);
  const norm = (r: (typeof rows)[number]): FigureRow => ({ code: r.code ?? '', lists: r.lists, persons: r.persons, amount_fen: Number(r.amount_fen), enrolled: r.enrolled, refused: r.refused });
  const total = rows.find((r) => r.code === null);
  return {
    rows: rows.filter((r) => r.code !== null).map(norm),
    total: total ? norm(total) : { code: '', lists: 0, persons: 0, amount_fen: 0, enrolled: 0, refused: 0 },
  };
}

export async function childAreas(db: Kysely<DB>, area: string) {
  return db.selectFrom('areas').select(['code', 'name']).where('parent_code', '=', area).orderBy('code').execute();
}
