// Register entries for other modules (微心愿 claimants): an active organisation, a team of an active
// organisation, or a registered volunteer of one county. One entry by id (its full name, to be recorded),
// and a county's entries for a picker (names only, volunteers masked as in the volunteers lists). The
// callers check their own scope (the county of their row); this reads the county given.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { maskName } from '../../../kernel/mask.ts';
import { ORG_KIND_LABELS } from '../labels.ts';
import type { OrgKind } from '../codes.ts';

export const REGISTER_KINDS = ['organisation', 'team', 'volunteer'] as const;
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/** An entry as recorded elsewhere: the id and the full name. */
export interface RegisterEntry { kind: RegisterKind; id: number; name: string }
/** An entry as a picker shows it: the name (a volunteer's masked) and what tells entries apart (kind, organisation, area). */
export interface RegisterOption { id: number; label: string; detail: string }

interface Row { id: number; name: string; org_kind: OrgKind | null; detail: string }

function query(county: string, kind: RegisterKind) {
  switch (kind) {
    case 'organisation':
      return sql<Row>`select o.id::int as id, o.name, o.kind as org_kind, '' as detail from social_organisations o
        where o.county_code = ${county} and o.status = 'active'`;
    case 'team':
      return sql<Row>`select t.id::int as id, t.name, null as org_kind, o.name || ' · ' || a.name as detail
        from volunteer_teams t join social_organisations o on o.county_code = t.county_code and o.id = t.organisation_id join areas a on a.code = t.area_code
        where t.county_code = ${county} and o.status = 'active'`;
    case 'volunteer':
      return sql<Row>`select v.id::int as id, v.name, null as org_kind, a.name as detail from volunteers v join areas a on a.code = v.area_code
        where v.county_code = ${county}`;
  }
}

const ID_COLUMN: Record<RegisterKind, string> = { organisation: 'o.id', team: 't.id', volunteer: 'v.id' };
const NAME_COLUMN: Record<RegisterKind, string> = { organisation: 'o.name', team: 't.name', volunteer: 'v.name' };

/** The county's active entry of that kind and id; undefined when missing, of another county or dissolved. */
export async function registerEntry(db: Kysely<DB>, county: string, kind: RegisterKind, id: number): Promise<RegisterEntry | undefined> {
  const { rows } = await sql<Row>`${query(county, kind)} and ${sql.ref(ID_COLUMN[kind])} = ${id}`.execute(db);
  const r = rows[0];
  return r && { kind, id: r.id, name: r.name };
}

/** The county's active entries of a kind whose name contains `search` (all when empty), by name, at most `limit`. */
export async function registerOptions(db: Kysely<DB>, county: string, kind: RegisterKind, search: string, limit: number): Promise<RegisterOption[]> {
  const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await sql<Row>`${query(county, kind)} and ${sql.ref(NAME_COLUMN[kind])} like ${like}
    order by ${sql.ref(NAME_COLUMN[kind])}, ${sql.ref(ID_COLUMN[kind])} limit ${limit}`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    label: kind === 'volunteer' ? maskName(r.name) : r.name,
    detail: r.org_kind !== null ? ORG_KIND_LABELS[r.org_kind] : r.detail,
  }));
}
