// 微心愿: record (with the household's consent, the value within wishes.value_cap, the description free
// of the household's names, ID numbers, phone and address, since the wall shows it), publish, claim (once),
// fulfil (with a confirmation reference), withdraw. A wish is its village's: staff whose area covers the
// village see it and (village clerk, township, county) change it; another area answers exactly as missing.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import { mayAct } from '../../../kernel/permissions.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { nextSerialNo } from '../../../kernel/serials.ts';
import { databaseParameterSet } from '../../policy/index.ts';
import { listMembers, mustFindHousehold } from '../../registry/index.ts';
import { registerEntry, registerOptions, type RegisterEntry } from '../../volunteers/index.ts';
import type { WishStatus } from '../codes.ts';
import type { claimantsQuery, claimSchema, fulfilSchema, newWishSchema, publishSchema, withdrawSchema } from '../contract/wishes.ts';
import { allow } from '../permissions.ts';
import { campaignById, insertWish, moveWish, wishByNo, type WishRow, type WishSet } from '../repo/wishes.ts';

/** Wish numbers: WX (微心愿) + county + year recorded + 6 digits. */
const WISH_PREFIX = 'WX';
export const WISH = '心愿';
export const VALUE_CAP = 'wishes.value_cap';
export const WARNING_DAYS = 'wishes.unclaimed_warning_days';

const invalid = (fields: FieldError[]) => AppError.fields(fields);

export async function mustSeeWish(db: Database, scope: Scope, wishNo: string): Promise<WishRow> {
  allow(scope, 'wishes.read');
  const w = await wishByNo(db.kysely, wishNo);
  if (!w || !covers(scope, w.village_code)) throw AppError.notFound(WISH, wishNo);
  return w;
}

async function mustManageWish(db: Database, scope: Scope, wishNo: string): Promise<WishRow> {
  allow(scope, 'wishes.manage');
  const w = await wishByNo(db.kysely, wishNo);
  if (!w || !covers(scope, w.village_code)) throw AppError.notFound(WISH, wishNo);
  return w;
}

/** Whether the caller may change the wish: its area covers the wish's village, its role manages wishes, it is not an auditor. */
export const mayManageWish = (scope: Scope, w: Pick<WishRow, 'village_code'>) => scope.role !== 'auditor' && covers(scope, w.village_code) && mayAct(scope, 'wishes.manage');

/** A campaign a county's wish or donation may join: the county's own or its prefecture's. */
export async function campaignFor(db: Database, county: string, id: number | undefined, field = 'campaignId') {
  if (id === undefined) return null;
  const c = await campaignById(db.kysely, id);
  if (!c || (c.area_code !== county && c.area_code !== `${county.slice(0, 4)}00`)) throw AppError.field(field, `活动 ${id} 不存在或不属于本县（州）`);
  return c;
}

export async function createWish(db: Database, scope: Scope, input: z.output<typeof newWishSchema>): Promise<string> {
  allow(scope, 'wishes.manage');
  const h = await mustFindHousehold(db, scope, input.householdNo);
  const today = todayInChina();
  const errors: FieldError[] = [];
  const params = await databaseParameterSet(db);
  const cap = Number(params.get(VALUE_CAP, h.village_code, today).value);
  if (input.valueFen > cap) {
    throw new AppError('wish_value_cap', `心愿价值 ${input.valueFen / 100} 元超过上限 ${cap / 100} 元`, 400, { fields: [{ field: 'valueFen', message: `心愿价值不能超过 ${cap / 100} 元` }] });
  }
  if (input.consentOn > today) errors.push({ field: 'consentOn', message: `同意日期不能晚于今天 ${today}` });
  // The wall shows the description: it must not carry the household's identity.
  const members = await listMembers(db.kysely, h.key);
  const identity = [...members.flatMap((m) => [m.name, m.id_number]), h.phone, h.address].filter((s) => s.length >= 2);
  const leaked = identity.filter((s) => input.description.includes(s));
  if (leaked.length > 0) errors.push({ field: 'description', message: '心愿内容将公开展示，不得包含家庭成员姓名、身份证号、电话或住址' });
  const campaign = await campaignFor(db, h.county_code, input.campaignId).catch((e: AppError) => { errors.push(...(e.details?.fields ?? [])); return null; });
  if (errors.length > 0) throw invalid(errors);
  return write(db, scope, async (tx) => {
    const wishNo = await nextSerialNo(tx, WISH_PREFIX, h.county_code, today.slice(0, 4));
    await insertWish(tx, {
      county_code: h.county_code, wish_no: wishNo, household_id: h.id, village_code: h.village_code, campaign_id: campaign?.id ?? null, kind: input.kind,
      description: input.description, value_fen: input.valueFen, consent_on: input.consentOn, consent_by: input.consentBy, recorded_on: today, status: 'recorded',
      created_by: scope.userName,
    });
    await appendAudit(tx, scope, { action: 'wishes.wish.create', entity: 'wish', entityId: wishNo, areaCode: h.village_code, after: { ...input, campaignName: campaign?.name } });
    return wishNo;
  });
}

type Step = 'publish' | 'claim' | 'fulfil' | 'withdraw';
const FROM: Record<Step, readonly WishStatus[]> = { publish: ['recorded'], claim: ['published'], fulfil: ['claimed'], withdraw: ['recorded', 'published', 'claimed'] };

async function step(db: Database, scope: Scope, wishNo: string, name: Step, check: (w: WishRow, today: string) => FieldError[], set: WishSet, after: object, read?: WishRow): Promise<void> {
  const w = read ?? await mustManageWish(db, scope, wishNo);
  if (name === 'claim' && w.claimed_on !== null) throw AppError.conflict('wish_already_claimed', `心愿 ${wishNo} 已由「${w.claimant_name}」认领，不能重复认领`);
  if (!FROM[name].includes(w.status)) throw AppError.conflict('wish_status', `心愿 ${wishNo} 当前为「${w.status}」状态，不能执行此操作`, { status: w.status });
  const errors = check(w, todayInChina());
  if (errors.length > 0) throw invalid(errors);
  await write(db, scope, async (tx) => {
    // The claim does not depend on the version read: every claim after the first finds claimed_on set and moves nothing.
    if (!(await moveWish(tx, w, FROM[name], set, { anyVersion: name === 'claim' }))) {
      if (name === 'claim') throw AppError.conflict('wish_already_claimed', `心愿 ${wishNo} 已被认领，不能重复认领`);
      throw AppError.conflict('wish_status', `心愿 ${wishNo} 已被他人修改，请刷新后重试`);
    }
    await appendAudit(tx, scope, { action: `wishes.wish.${name}`, entity: 'wish', entityId: wishNo, areaCode: w.village_code, before: { status: w.status }, after });
  });
}

const dateRule = (field: string, on: string, today: string, min: string | null, minWhat: string): FieldError[] => {
  const e: FieldError[] = [];
  if (on > today) e.push({ field, message: `日期不能晚于今天 ${today}` });
  if (min !== null && on < min) e.push({ field, message: `日期不能早于${minWhat} ${min}` });
  return e;
};

export const publishWish = (db: Database, scope: Scope, wishNo: string, b: z.output<typeof publishSchema>) =>
  step(db, scope, wishNo, 'publish', (w, today) => dateRule('publishedOn', b.publishedOn, today, w.consent_on, '同意日期'), { status: 'published', published_on: b.publishedOn }, b);

/**
 * An organisation, team or volunteer claimant is an entry of the volunteers register of the wish's county
 * (an active organisation, a team of one, a registered volunteer): its id and its name as registered are
 * recorded. Anything else (missing, another county, dissolved) is refused on claimantId. A donor is a name.
 */
export async function claimWish(db: Database, scope: Scope, wishNo: string, b: z.output<typeof claimSchema>): Promise<void> {
  const w = await mustManageWish(db, scope, wishNo);
  const kind = b.claimantKind;
  const entry: RegisterEntry | undefined = kind === 'donor' || b.claimantId === undefined ? undefined : await registerEntry(db.kysely, w.county_code, kind, b.claimantId);
  const name = kind === 'donor' ? b.claimantName : entry?.name;
  const check = (row: WishRow, today: string): FieldError[] => [
    ...dateRule('claimedOn', b.claimedOn, today, row.published_on, '发布日期'),
    ...(name === undefined ? [{ field: 'claimantId', message: '所选组织、队伍或志愿者不在本县社会力量登记中，或已注销' }] : []),
  ];
  const set: WishSet = {
    status: 'claimed', claimed_on: b.claimedOn, claimant_kind: kind, claimant_name: name ?? '', claimant_ref: b.claimantRef ?? null,
    claimant_organisation_id: kind === 'organisation' ? entry?.id ?? null : null,
    claimant_team_id: kind === 'team' ? entry?.id ?? null : null,
    claimant_volunteer_id: kind === 'volunteer' ? entry?.id ?? null : null,
  };
  await step(db, scope, wishNo, 'claim', check, set, { ...b, claimantName: name }, w);
}

/** What the claim dialog offers: the wish's county's register entries of a kind (names only, volunteers masked), up to 50. */
export async function wishClaimants(db: Database, scope: Scope, wishNo: string, q: z.output<typeof claimantsQuery>) {
  const w = await mustManageWish(db, scope, wishNo);
  return { items: await registerOptions(db.kysely, w.county_code, q.kind, q.q, 50) };
}

export const fulfilWish = (db: Database, scope: Scope, wishNo: string, b: z.output<typeof fulfilSchema>) =>
  step(db, scope, wishNo, 'fulfil', (w, today) => dateRule('fulfilledOn', b.fulfilledOn, today, w.claimed_on, '认领日期'),
    { status: 'fulfilled', fulfilled_on: b.fulfilledOn, confirmation_kind: b.confirmationKind, confirmation_ref: b.confirmationRef }, b);

export const withdrawWish = (db: Database, scope: Scope, wishNo: string, b: z.output<typeof withdrawSchema>) =>
  step(db, scope, wishNo, 'withdraw', (w, today) => dateRule('withdrawnOn', b.withdrawnOn, today, w.published_on ?? w.consent_on, '发布（同意）日期'),
    { status: 'withdrawn', withdrawn_on: b.withdrawnOn, withdrawn_reason: b.reason }, b);
