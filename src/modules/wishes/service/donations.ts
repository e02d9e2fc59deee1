// 慈善捐赠: record a donation (cash or goods) to a named household or to a campaign, list them; and a
// household's assistance side by side: government (its entitlements, read through the cases module) and charity
// (fulfilled wishes, donations), each charity item naming the programmes paying in its month (duplicates).
import type { z } from 'zod';
import { sql, type SqlBool } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import { AppError, type FieldError } from '../../../kernel/errors.ts';
import { inScope, visibleCounties, type Scope } from '../../../kernel/scope.ts';
import { householdEntitlements, type HouseholdEntitlement } from '../../cases/index.ts';
import { mustFindHousehold } from '../../registry/index.ts';
import type { assistanceQuery, donationListQuery, newDonationSchema } from '../contract/donations.ts';
import { DONOR_LABELS, FORM_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import { donationPage, insertDonation, type DonationRow } from '../repo/donations.ts';
import { wishPage } from '../repo/wishes.ts';
import { claimantShown } from './read.ts';
import { campaignFor } from './wishes.ts';

const invalid = (fields: FieldError[]) => AppError.fields(fields);

function donationView(d: DonationRow) {
  return {
    id: d.id, countyCode: d.county_code, donorKind: d.donor_kind, donorKindLabel: DONOR_LABELS[d.donor_kind], donorName: d.donor_name, form: d.form, formLabel: FORM_LABELS[d.form],
    valueFen: d.value_fen, goodsDescription: d.goods_description, goodsQuantity: d.goods_quantity, householdNo: d.household_no,
    campaign: d.campaign_id === null ? null : { id: d.campaign_id, name: d.campaign_name ?? '' }, receivedOn: d.received_on, note: d.note, recordedBy: d.recorded_by,
  };
}

export async function createDonation(db: Database, scope: Scope, input: z.output<typeof newDonationSchema>) {
  allow(scope, 'wishes.manage');
  const errors: FieldError[] = [];
  if ((input.householdNo === undefined) === (input.campaignId === undefined)) errors.push({ field: 'householdNo', message: '请指定受赠家庭或心愿活动（二选一）' });
  if (input.form === 'goods' && input.goodsDescription === undefined) errors.push({ field: 'goodsDescription', message: '物资捐赠请填写物资名称' });
  if (input.form === 'goods' && input.goodsQuantity === undefined) errors.push({ field: 'goodsQuantity', message: '物资捐赠请填写数量' });
  if (input.form === 'cash' && (input.goodsDescription !== undefined || input.goodsQuantity !== undefined)) errors.push({ field: 'goodsDescription', message: '现金捐赠不填写物资名称和数量' });
  if (input.receivedOn > todayInChina()) errors.push({ field: 'receivedOn', message: '接收日期不能晚于今天' });
  if (errors.length > 0) throw invalid(errors);
  const h = input.householdNo === undefined ? null : await mustFindHousehold(db, scope, input.householdNo);
  const county = h?.county_code ?? (scope.kind === 'staff' ? scope.areaCode.slice(0, 6) : '');
  if (county.length !== 6 || county.endsWith('00')) throw AppError.field('campaignId', '捐赠给活动的，请由县（市、区）或以下工作人员登记');
  const campaign = await campaignFor(db, county, input.campaignId);
  const id = await write(db, scope, async (tx) => {
    const id = await insertDonation(tx, {
      county_code: county, donor_kind: input.donorKind, donor_name: input.donorName, form: input.form, value_fen: input.valueFen,
      goods_description: input.goodsDescription ?? null, goods_quantity: input.goodsQuantity ?? null, household_id: h?.id ?? null, campaign_id: campaign?.id ?? null,
      received_on: input.receivedOn, note: input.note ?? '', recorded_by: scope.userName,
    });
    await appendAudit(tx, scope, { action: 'wishes.donation.create', entity: 'charity_donation', entityId: `${county}-${id}`, areaCode: h?.village_code ?? county, after: input });
    return id;
  });
  const [row] = await donationPage(db.kysely, [sql<SqlBool>`d.county_code = ${county} and d.id = ${id}`], 1);
  return donationView(row!);
}

export async function listDonations(db: Database, scope: Scope, q: z.output<typeof donationListQuery>) {
  allow(scope, 'wishes.read');
  const where = [visibleCounties(scope, 'd.county_code')];
  if (q.householdNo !== undefined) {
    const h = await mustFindHousehold(db, scope, q.householdNo);
    where.push(sql<SqlBool>`d.county_code = ${h.county_code} and d.household_id = ${h.id}`);
  } else {
    // Donations to households only under the caller's area; campaign donations of the county.
    where.push(sql<SqlBool>`(d.household_id is null or ${inScope(scope, 'h.village_code')})`);
  }
  if (q.campaign !== undefined) where.push(sql<SqlBool>`d.campaign_id = ${q.campaign}`);
  return { items: (await donationPage(db.kysely, where, q.limit)).map(donationView) };
}

/** Months of an entitlement paid in a year (a running monthly one: to this month). */
function monthsIn(e: HouseholdEntitlement, year: number, thisMonth: string): string[] {
  const end = e.toMonth ?? thisMonth;
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const ym = `${year}-${String(m).padStart(2, '0')}`;
    if (ym >= e.fromMonth && ym <= end && ym <= thisMonth) out.push(ym);
  }
  return out;
}

export async function householdAssistance(db: Database, scope: Scope, householdNo: string, q: z.output<typeof assistanceQuery>) {
  allow(scope, 'wishes.read');
  const h = await mustFindHousehold(db, scope, householdNo);
  const today = todayInChina();
  const year = q.year ?? Number(today.slice(0, 4));
  const thisMonth = today.slice(0, 7);
  const ents = await householdEntitlements(db.kysely, { countyCode: h.county_code, householdId: h.id, year });
  const government = ents.map((e) => {
    const months = monthsIn(e, year, thisMonth);
    return { programme: e.programme, programmeName: e.label, schedule: e.schedule, fromMonth: e.fromMonth, toMonth: e.toMonth, amountFen: e.amountFen, months: months.length, yearFen: e.amountFen * months.length, paid: new Set(months) };
  }).filter((g) => g.months > 0);
  const duplicates = (on: string) => [...new Set(government.filter((g) => g.paid.has(on.slice(0, 7))).map((g) => g.programmeName))];
  const inYear = (on: string | null) => on !== null && on.startsWith(`${year}-`);
  const wishes = (await wishPage(db.kysely, [sql<SqlBool>`w.county_code = ${h.county_code}`], { householdId: h.id, status: 'fulfilled', limit: 1000 }))
    .filter((w) => inYear(w.fulfilled_on))
    .map((w) => ({ wishNo: w.wish_no, kind: w.kind, description: w.description, valueFen: w.value_fen, fulfilledOn: w.fulfilled_on!, claimantKind: w.claimant_kind!, claimantName: claimantShown(w) ?? '', duplicates: duplicates(w.fulfilled_on!) }));
  const donations = (await donationPage(db.kysely, [sql<SqlBool>`d.county_code = ${h.county_code} and d.household_id = ${h.id}`], 1000))
    .filter((d) => inYear(d.received_on)).map((d) => ({ ...donationView(d), duplicates: duplicates(d.received_on) }));
  const wishesFen = wishes.reduce((n, w) => n + w.valueFen, 0);
  const donationsFen = donations.reduce((n, d) => n + d.valueFen, 0);
  return {
    householdNo, year,
    government: government.map(({ paid: _paid, ...g }) => g),
    wishes, donations,
    totals: { governmentFen: government.reduce((n, g) => n + g.yearFen, 0), charityFen: wishesFen + donationsFen, wishesFen, donationsFen },
  };
}
