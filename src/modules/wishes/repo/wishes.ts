// The SQL of wishes: one wish with its village, household number and campaign; pages of wishes under an
// area; the wall (published wishes, no household column selected at all); moving a wish at its version; the
// claim as a conditional update (claimed once); campaigns; figures by county.
import { sql, type Expression, type Kysely, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { inArea } from '../../../kernel/scope.ts';
import type { WishStatus } from '../codes.ts';
import type { WishTable } from '../tables.ts';

export type WishRow = Omit<Selectable<WishTable>, 'created_at' | 'updated_at' | 'claimant_organisation_id' | 'claimant_team_id' | 'claimant_volunteer_id'> & {
  village_name: string; household_no: string; campaign_name: string | null;
  /** The claimant's volunteers register entry (whichever of the three columns is set). */
  claimant_id: number | null;
};

const SELECT = sql`
  select w.county_code, w.id, w.wish_no, w.household_id, w.village_code, w.campaign_id, w.kind, w.description, w.value_fen, w.consent_on, w.consent_by,
    w.recorded_on, w.status, w.published_on, w.claimant_kind, w.claimant_name, w.claimant_ref,
    coalesce(w.claimant_organisation_id, w.claimant_team_id, w.claimant_volunteer_id)::int as claimant_id, w.claimed_on, w.fulfilled_on, w.confirmation_kind,
    w.confirmation_ref, w.withdrawn_on, w.withdrawn_reason, w.created_by, w.version, v.name as village_name, h.household_no, c.name as campaign_name
  from wishes w
  join areas v on v.code = w.village_code
  join households h on h.county_code = w.county_code and h.id = w.household_id
  left join wish_campaigns c on c.id = w.campaign_id`;

const num = (r: WishRow): WishRow => ({ ...r, id: Number(r.id), household_id: Number(r.household_id), value_fen: Number(r.value_fen), campaign_id: r.campaign_id === null ? null : Number(r.campaign_id) });

export async function wishByNo(db: Kysely<DB>, wishNo: string): Promise<WishRow | undefined> {
  const { rows } = await sql<WishRow>`${SELECT} where w.wish_no = ${wishNo}`.execute(db);
  return rows[0] && num(rows[0]);
}

export interface WishFilter {
  status?: WishStatus | undefined; campaign?: number | undefined; householdId?: number | undefined; after?: number | undefined; limit: number;
  /** Published on or before this date and unclaimed. */
  publishedBy?: string | undefined;
}

export async function wishPage(db: Kysely<DB>, where0: Expression<SqlBool>[], f: WishFilter): Promise<WishRow[]> {
  const where = [...where0];
  if (f.status !== undefined) where.push(sql<SqlBool>`w.status = ${f.status}`);
  if (f.campaign !== undefined) where.push(sql<SqlBool>`w.campaign_id = ${f.campaign}`);
  if (f.householdId !== undefined) where.push(sql<SqlBool>`w.household_id = ${f.householdId}`);
  if (f.publishedBy !== undefined) where.push(sql<SqlBool>`w.status = 'published' and w.published_on <= ${f.publishedBy}`);
  if (f.after !== undefined) where.push(sql<SqlBool>`w.id < ${f.after}`);
  const { rows } = await sql<WishRow>`${SELECT} where ${sql.join(where, sql` and `)} order by w.id desc limit ${f.limit}`.execute(db);
  return rows.map(num);
}

export interface WallRow { id: number; wish_no: string; village_name: string; kind: WishRow['kind']; description: string; value_fen: number; campaign_id: number | null; campaign_name: string | null; published_on: string }

/** The wall selects no household column: only the village's name, the wish and its campaign. */
export async function wallPage(db: Kysely<DB>, where0: Expression<SqlBool>[], f: { campaign?: number | undefined; after?: number | undefined; limit: number }): Promise<WallRow[]> {
  const where = [...where0, sql<SqlBool>`w.status = 'published'`];
  if (f.campaign !== undefined) where.push(sql<SqlBool>`w.campaign_id = ${f.campaign}`);
  if (f.after !== undefined) where.push(sql<SqlBool>`w.id < ${f.after}`);
  const { rows } = await sql<WallRow>`
    select w.id, w.wish_no, v.name as village_name, w.kind, w.description, w.value_fen, w.campaign_id, c.name as campaign_name, w.published_on
    from wishes w join areas v on v.code = w.village_code left join wish_campaigns c on c.id = w.campaign_id
    where ${sql.join(where, sql` and `)} order by w.id desc limit ${f.limit}`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id), value_fen: Number(r.value_fen), campaign_id: r.campaign_id === null ? null : Number(r.campaign_id) }));
}

export type NewWish = Pick<Selectable<WishTable>, 'county_code' | 'wish_no' | 'household_id' | 'village_code' | 'campaign_id' | 'kind' | 'description' | 'value_fen' | 'consent_on' | 'consent_by' | 'recorded_on' | 'status' | 'created_by'>;

export async function insertWish(tx: Kysely<DB>, w: NewWish): Promise<void> {
  await tx.insertInto('wishes').values(w).execute();
}

export type WishSet = Pick<Updateable<WishTable>, 'status' | 'published_on' | 'claimant_kind' | 'claimant_name' | 'claimant_ref' | 'claimant_organisation_id' | 'claimant_team_id' | 'claimant_volunteer_id' | 'claimed_on' | 'fulfilled_on' | 'confirmation_kind' | 'confirmation_ref' | 'withdrawn_on' | 'withdrawn_reason'>;

/**
 * Moves a wish from one of `from` (at its version, unless `anyVersion`); false when nothing moved. The claim
 * passes `from = ['published']` and the condition `claimed_on is null`: of two claims, sequential or
 * concurrent, the second updates no row.
 */
export async function moveWish(tx: Kysely<DB>, w: Pick<WishRow, 'county_code' | 'id' | 'version'>, from: readonly WishStatus[], set: WishSet, opts: { anyVersion?: boolean } = {}): Promise<boolean> {
  let q = tx.updateTable('wishes').set({ ...set, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('county_code', '=', w.county_code).where('id', '=', w.id).where('status', 'in', from);
  if (set.claimed_on !== undefined) q = q.where('claimed_on', 'is', null);
  if (!opts.anyVersion) q = q.where('version', '=', w.version);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function campaignById(db: Kysely<DB>, id: number) {
  const { rows } = await sql<{ id: number; area_code: string; area_name: string; name: string; from_on: string; to_on: string }>`
    select c.id, c.area_code, a.name as area_name, c.name, c.from_on, c.to_on from wish_campaigns c join areas a on a.code = c.area_code where c.id = ${id}`.execute(db);
  return rows[0] && { ...rows[0], id: Number(rows[0].id) };
}

/** Campaigns of the given 6-digit areas (a county and its prefecture). */
export async function campaignsOf(db: Kysely<DB>, areas: string[]) {
  if (areas.length === 0) return [];
  const { rows } = await sql<{ id: number; area_code: string; area_name: string; name: string; from_on: string; to_on: string }>`
    select c.id, c.area_code, a.name as area_name, c.name, c.from_on, c.to_on from wish_campaigns c join areas a on a.code = c.area_code
    where c.area_code in (${sql.join(areas)}) order by c.from_on desc, c.id desc`.execute(db);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** Names of the campaigns running in the year under the area (a county's: its own and its prefecture's), first started first. */
export async function yearCampaignNames(db: Kysely<DB>, area: string, year: number): Promise<string[]> {
  const prefecture = `${area.slice(0, 4)}00`;
  const { rows } = await sql<{ name: string }>`
    select c.name from wish_campaigns c
    where (${inArea(area, 'c.area_code')} or c.area_code = ${prefecture}) and c.from_on <= ${`${year}-12-31`} and c.to_on >= ${`${year}-01-01`}
    group by c.name order by min(c.from_on), c.name`.execute(db);
  return rows.map((r) => r.name);
}

export interface FigureRow { county_code: string; county_name: string; published: number; fulfilled: number; fulfilled_fen: number; unclaimed: number; donations: number; donations_fen: number }

/** Per county of the area: wishes published and fulfilled in the year (and value), unclaimed now, donations received in the year. */
export async function countyFigures(db: Kysely<DB>, visible: Expression<SqlBool>, area: Expression<SqlBool>, year: number): Promise<FigureRow[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { rows } = await sql<FigureRow>`
    with w as (
      select county_code,
        count(*) filter (where published_on between ${from} and ${to})::int as published,
        count(*) filter (where fulfilled_on between ${from} and ${to})::int as fulfilled,
        coalesce(sum(value_fen) filter (where fulfilled_on between ${from} and ${to}), 0)::bigint as fulfilled_fen,
        count(*) filter (where status = 'published')::int as unclaimed
      from wishes group by county_code),
    d as (
      select county_code, count(*)::int as donations, sum(value_fen)::bigint as donations_fen
      from charity_donations where received_on between ${from} and ${to} group by county_code)
    select a.code as county_code, a.name as county_name, coalesce(w.published, 0) as published, coalesce(w.fulfilled, 0) as fulfilled,
      coalesce(w.fulfilled_fen, 0) as fulfilled_fen, coalesce(w.unclaimed, 0) as unclaimed, coalesce(d.donations, 0) as donations, coalesce(d.donations_fen, 0) as donations_fen
    from areas a left join w on w.county_code = a.code left join d on d.county_code = a.code
    where ${visible} and ${area} and (w.county_code is not null or d.county_code is not null)
    order by a.code`.execute(db);
  return rows.map((r) => ({ ...r, fulfilled_fen: Number(r.fulfilled_fen), donations_fen: Number(r.donations_fen) }));
}
