// Reading wishes: the list (with the unclaimed warning), one wish, the wall (masked), campaigns, figures.
import type { z } from 'zod';
import { sql } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { levelOf, prefixOf } from '../../../kernel/areas.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskName } from '../../../kernel/mask.ts';
import { areaFieldError, covers, inArea, inScope, requireAreaField, visibleCounties, type Scope } from '../../../kernel/scope.ts';
import { namesOf } from '../../areas/index.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import { mustFindHousehold } from '../../registry/index.ts';
import type { figuresQuery, newCampaignSchema, wallQuery, wishListQuery } from '../contract/wishes.ts';
import { CLAIMANT_LABELS, CONFIRMATION_LABELS, KIND_LABELS, STATUS_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { campaignsOf, countyFigures, wallPage, wishPage, type FigureRow, type WishRow } from '../repo/wishes.ts';
import { mayManageWish, mustSeeWish, WARNING_DAYS } from './wishes.ts';

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const minusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** A volunteer claimant is masked as in the volunteers lists; organisations, teams and donors as recorded. */
export const claimantShown = (w: Pick<WishRow, 'claimant_kind' | 'claimant_name'>) => (w.claimant_kind === 'volunteer' ? maskName(w.claimant_name) : w.claimant_name);

function itemView(w: WishRow, warningDays: number, today: string) {
  const unclaimedDays = w.status === 'published' && w.published_on !== null ? daysBetween(w.published_on, today) : null;
  return {
    wishNo: w.wish_no, countyCode: w.county_code, villageCode: w.village_code, villageName: w.village_name, householdNo: w.household_no,
    kind: w.kind, kindLabel: KIND_LABELS[w.kind], description: w.description, valueFen: w.value_fen,
    campaign: w.campaign_id === null ? null : { id: w.campaign_id, name: w.campaign_name ?? '' },
    status: w.status, statusLabel: STATUS_LABELS[w.status], recordedOn: w.recorded_on, publishedOn: w.published_on,
    claimedOn: w.claimed_on, claimantKind: w.claimant_kind, claimantKindLabel: w.claimant_kind && CLAIMANT_LABELS[w.claimant_kind], claimantName: claimantShown(w),
    fulfilledOn: w.fulfilled_on, unclaimedDays, unclaimedWarning: unclaimedDays !== null && unclaimedDays > warningDays,
  };
}

async function warningDays(db: Database, area: string, today: string): Promise<number> {
  return Number((await databaseParameterSet(db)).get(WARNING_DAYS, area, today).value);
}

export async function listWishes(db: Database, scope: Scope, q: z.output<typeof wishListQuery>) {
  allow(scope, 'wishes.read');
  const today = todayInChina();
  const where = [inScope(scope, 'w.village_code')];
  if (q.area !== undefined) { requireAreaField(scope, 'area', q.area); where.push(inArea(q.area, 'w.village_code')); }
  let householdId: number | undefined;
  if (q.householdNo !== undefined) householdId = (await mustFindHousehold(db, scope, q.householdNo)).id;
  const days = await warningDays(db, q.area ?? (scope.kind === 'system' ? 'CN' : scope.areaCode), today);
  const rows = await wishPage(db.kysely, where, { ...q, householdId, publishedBy: q.unclaimed === true ? minusDays(today, days + 1) : undefined });
  const last = rows.at(-1);
  return { items: rows.map((w) => itemView(w, days, today)), next: rows.length === q.limit && last ? last.id : null, warningDays: days };
}

export async function wishDetail(db: Database, scope: Scope, wishNo: string) {
  const w = await mustSeeWish(db, scope, wishNo);
  const today = todayInChina();
  return {
    ...itemView(w, await warningDays(db, w.village_code, today), today),
    consentOn: w.consent_on, consentBy: w.consent_by, claimantRef: w.claimant_ref, claimantId: w.claimant_id,
    confirmationKind: w.confirmation_kind, confirmationKindLabel: w.confirmation_kind && CONFIRMATION_LABELS[w.confirmation_kind], confirmationRef: w.confirmation_ref,
    withdrawnOn: w.withdrawn_on, withdrawnReason: w.withdrawn_reason, createdBy: w.created_by, mayManage: mayManageWish(scope, w),
  };
}

/** The wish wall: published wishes under the area, the household masked (village name only). Staff-only until the citizen portal shows it. */
export async function wishWall(db: Database, scope: Scope, q: z.output<typeof wallQuery>) {
  allow(scope, 'wishes.read');
  const where = [inScope(scope, 'w.village_code')];
  if (q.area !== undefined) { requireAreaField(scope, 'area', q.area); where.push(inArea(q.area, 'w.village_code')); }
  const rows = await wallPage(db.kysely, where, q);
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({
      wishNo: r.wish_no, villageName: r.village_name, kind: r.kind, kindLabel: KIND_LABELS[r.kind], description: r.description, valueFen: r.value_fen,
      campaign: r.campaign_id === null ? null : { id: r.campaign_id, name: r.campaign_name ?? '' }, publishedOn: r.published_on,
    })),
    next: rows.length === q.limit && last ? last.id : null,
  };
}

/** Campaigns the caller's county takes part in: the county's own and the prefecture's (all of them for the prefecture). */
export async function listCampaigns(db: Database, scope: Scope) {
  allow(scope, 'wishes.read');
  const codes = scope.kind === 'citizen' ? [] : scope.prefix.length >= 6 ? [scope.prefix.slice(0, 6), `${scope.prefix.slice(0, 4)}00`] : null;
  const rows = codes === null ? await allCampaigns(db, scope) : await campaignsOf(db.kysely, codes);
  return { items: rows.map((c) => ({ id: c.id, areaCode: c.area_code, areaName: c.area_name, name: c.name, fromOn: c.from_on, toOn: c.to_on })) };
}

async function allCampaigns(db: Database, scope: Scope) {
  const { rows } = await sql<{ id: number; area_code: string; area_name: string; name: string; from_on: string; to_on: string }>`
    select c.id, c.area_code, a.name as area_name, c.name, c.from_on, c.to_on from wish_campaigns c join areas a on a.code = c.area_code
    where ${inScope(scope, 'c.area_code')} order by c.from_on desc, c.id desc`.execute(db.kysely);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function createCampaign(db: Database, scope: Scope, input: z.output<typeof newCampaignSchema>) {
  allow(scope, 'wishes.campaigns');
  const area = input.areaCode ?? (scope.kind === 'staff' ? scope.areaCode.slice(0, 6) : '');
  if (area === '' || !covers(scope, area) || !(await namesOf(db.kysely, [area])).has(area)) throw areaFieldError('areaCode', area);
  if (input.toOn < input.fromOn) throw AppError.field('toOn', '结束日期不能早于开始日期');
  const id = await write(db, scope, async (tx) => {
    const r = await tx.insertInto('wish_campaigns').values({ area_code: area, name: input.name, from_on: input.fromOn, to_on: input.toOn, created_by: scope.userName })
      .onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
    if (!r) throw AppError.field('name', `活动「${input.name}」已存在`);
    await appendAudit(tx, scope, { action: 'wishes.campaign.create', entity: 'wish_campaign', entityId: String(r.id), areaCode: area, after: input });
    return Number(r.id);
  });
  const c = (await listCampaigns(db, scope)).items.find((i) => i.id === id);
  if (!c) throw AppError.notFound('活动', String(id));
  return c;
}

const figuresOf = (r: Omit<FigureRow, 'county_code' | 'county_name'>) => ({
  published: r.published, fulfilled: r.fulfilled, fulfilledFen: r.fulfilled_fen, unclaimed: r.unclaimed, donations: r.donations, donationsFen: r.donations_fen,
});

/** Figures of a year by county (issue 19 must-have 6: wishes published/fulfilled, donations). */
export async function wishFigures(db: Database, scope: Scope, q: z.output<typeof figuresQuery>) {
  allow(scope, 'wishes.read');
  const code = q.area ?? (scope.kind === 'staff' || scope.kind === 'partner' ? scope.areaCode.slice(0, 6) : '');
  if (code === '' || levelOf(code) === 'township' || levelOf(code) === 'village') throw AppError.field('area', '请指定县（市、区）或州（市）');
  const name = (await namesOf(db.kysely, [code])).get(code);
  if (name === undefined || !(covers(scope, code) || (scope.kind !== 'citizen' && scope.prefix.startsWith(prefixOf(code))))) throw areaFieldError('area', code);
  const rows = await countyFigures(db.kysely, visibleCounties(scope, 'a.code'), inArea(code, 'a.code'), q.year);
  const sum = (k: keyof Omit<FigureRow, 'county_code' | 'county_name'>) => rows.reduce((n, r) => n + r[k], 0);
  return {
    area: code, areaName: name, year: q.year,
    items: rows.map((r) => ({ countyCode: r.county_code, countyName: r.county_name, ...figuresOf(r) })),
    total: figuresOf({ published: sum('published'), fulfilled: sum('fulfilled'), fulfilled_fen: sum('fulfilled_fen'), unclaimed: sum('unclaimed'), donations: sum('donations'), donations_fen: sum('donations_fen') }),
  };
}
