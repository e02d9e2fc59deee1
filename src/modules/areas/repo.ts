import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { AreaRow, NewArea } from './tables.ts';
import { inArea, inScope, type Scope } from '../../kernel/scope.ts';
import { AREA_LEVELS, levelOf } from '../../kernel/areas.ts';

export interface AreaWithCount extends AreaRow {
  child_count: number;
}

const childCount = sql<number>`(select count(*) from areas c where c.parent_code = areas.code)`.as('child_count');

export async function upsertAreas(tx: Kysely<DB>, rows: NewArea[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto('areas')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          parent_code: eb.ref('excluded.parent_code'),
          kind: eb.ref('excluded.kind'),
          stat_code: eb.ref('excluded.stat_code'),
          // A class set by hand survives reloading.
          urban: sql<boolean | null>`case when areas.urban_source = 'manual' then areas.urban else excluded.urban end`,
          county_code: eb.ref('excluded.county_code'),
        })),
      )
      .execute();
  }
}

/** Sets a village's 城镇/农村 by hand; returns the class it had. */
export async function setUrban(tx: Kysely<DB>, code: string, urban: boolean): Promise<{ urban: boolean | null; urban_source: 'derived' | 'manual' } | undefined> {
  const before = await tx.selectFrom('areas').select(['urban', 'urban_source']).where('code', '=', code).forUpdate().executeTakeFirst();
  if (!before) return undefined;
  await tx.updateTable('areas').set({ urban, urban_source: 'manual' }).where('code', '=', code).execute();
  return before;
}

export async function findArea(db: Kysely<DB>, scope: Scope, code: string): Promise<AreaWithCount | undefined> {
  return db.selectFrom('areas').selectAll().select(childCount).where('code', '=', code).where(inScope(scope, 'areas.code')).executeTakeFirst();
}

/** Any area by code, in scope or not: only for naming the ancestors of an area in scope. */
export async function findAncestors(db: Kysely<DB>, code: string): Promise<AreaWithCount[]> {
  const codes: string[] = [];
  if (code.length >= 9) codes.push(code.slice(0, 6));
  if (code.length === 12) codes.push(code.slice(0, 9));
  codes.unshift(`${code.slice(0, 4)}00`);
  const own = codes.filter((c) => c !== code);
  if (own.length === 0) return [];
  return db.selectFrom('areas').selectAll().select(childCount).where('code', 'in', own).orderBy(sql`length(code)`).orderBy('code').execute();
}

export async function listChildren(db: Kysely<DB>, scope: Scope, code: string): Promise<AreaWithCount[]> {
  return db.selectFrom('areas').selectAll().select(childCount).where('parent_code', '=', code).where(inScope(scope, 'areas.code')).orderBy('code').execute();
}

/** The subtree under `code` down to `depth` levels, in one query. */
export async function listSubtree(db: Kysely<DB>, scope: Scope, code: string, depth: number): Promise<AreaWithCount[]> {
  const LEN = [6, 6, 9, 12];
  const maxLen = LEN[Math.min(3, AREA_LEVELS.indexOf(levelOf(code)) + depth)] ?? 12;
  return db
    .selectFrom('areas')
    .selectAll()
    .select(childCount)
    .where(inScope(scope, 'areas.code'))
    .where(inArea(code, 'areas.code'))
    .where(sql<boolean>`length(code) <= ${maxLen}`)
    .orderBy('code')
    .execute();
}

export async function countDescendants(db: Kysely<DB>, scope: Scope, code: string) {
  const rows = await db
    .selectFrom('areas')
    .select(['level', sql<number>`count(*)`.as('n')])
    .where(inScope(scope, 'areas.code'))
    .where(inArea(code, 'areas.code'))
    .where('code', '<>', code)
    .groupBy('level')
    .execute();
  const get = (l: string) => rows.find((r) => r.level === l)?.n ?? 0;
  return { county: get('county'), township: get('township'), village: get('village') };
}

export async function searchAreas(db: Kysely<DB>, scope: Scope, q: string, limit: number): Promise<AreaWithCount[]> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('areas')
    .selectAll()
    .select(childCount)
    .where(inScope(scope, 'areas.code'))
    .where('name', 'like', pattern)
    .orderBy(sql`length(code)`)
    .orderBy('code')
    .limit(limit)
    .execute();
}

export async function namesOf(db: Kysely<DB>, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The children of an area (the top areas when `parent` is null), for the citizen portal's pickers: area names are public. */
export async function publicChildren(db: Kysely<DB>, parent: string | null) {
  const q = db.selectFrom('areas').select(['code', 'name', 'level']).orderBy('code');
  return (parent === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parent)).execute();
}

/** The codes from the prefecture down to `code` (州, 县, 乡镇, 村), as far as its level goes. */
export function pathCodes(code: string): string[] {
  const out = [`${code.slice(0, 4)}00`];
  if (code.length >= 6 && code.slice(0, 6) !== out[0]) out.push(code.slice(0, 6));
  if (code.length >= 9) out.push(code.slice(0, 9));
  if (code.length === 12) out.push(code);
  return out;
}

/** Each area's full path of names (州 › 县 › 乡镇 › 村), read in one query for all the codes. Area names are not scoped (only codes already in scope are asked). */
export async function areaPaths(db: Kysely<DB>, codes: readonly string[]): Promise<Map<string, string[]>> {
  const wanted = [...new Set(codes)];
  const names = await namesOf(db, [...new Set(wanted.flatMap(pathCodes))]);
  return new Map(wanted.map((c) => [c, pathCodes(c).flatMap((p) => names.get(p) ?? [])]));
}
