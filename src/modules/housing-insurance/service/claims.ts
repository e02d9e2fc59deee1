// 农房保险理赔: report (报案), assess (查勘定损), record the insurer's payment (赔付) or refuse (拒赔).
// A claim needs the house insured under the policy of the event's year, the event's kind among the
// perils covered, the event's start within the coverage, and the household's live entry in the damage
// register of that event; assessment needs that entry verified. One live claim per policy, household and
// event (the unique index backs the check): no house is paid twice for one event.
import type { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { write } from '../../../db/write.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { AppError } from '../../../kernel/errors.ts';
import { covers, type Scope } from '../../../kernel/scope.ts';
import { nextSerialNo } from '../../../kernel/serials.ts';
import { damagedHouse, insuranceEvent } from '../../disaster/index.ts';
import type { assessSchema, newClaimSchema, paySchema, refuseSchema } from '../contract/claims.ts';
import { PERIL_LABELS, STATUS_LABELS } from '../labels.ts';
import { allow } from '../permissions.ts';
import * as claims from '../repo/claims.ts';
import { insuredOf } from '../repo/insured.ts';
import { policyOf } from '../repo/policies.ts';
import { mayManage } from './access.ts';
import { claimView } from './claim-view.ts';
import { payableOf } from './payable.ts';

/** Claim numbers: BX (保险) + county + policy year + 6 digits. */
const CLAIM_PREFIX = 'BX';
const CLAIM = '农房保险理赔';

const conflict = (code: string, field: string, message: string) => AppError.conflict(code, message, { fields: [{ field, message }] });
const liveTaken = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505'
  && String((e as { constraint?: unknown }).constraint).replace(/_p\d+$/, '') === 'housing_insurance_claims_live_idx'; // _p<r>: a partition's index (src/db/partition.ts)

export async function reportClaim(db: Database, scope: Scope, input: z.output<typeof newClaimSchema>) {
  allow(scope, 'insurance.manage');
  const ev = await insuranceEvent(db, scope, input.eventNo);
  if (!ev || !covers(scope, ev.countyCode)) throw AppError.notFound('灾害事件', input.eventNo);
  const house = await damagedHouse(db, scope, input.eventNo, input.householdNo);
  if (!house) throw AppError.notFound('家庭', input.householdNo);
  if (input.reportedOn < ev.startedOn) throw AppError.field('reportedOn', `报案日期不能早于灾害发生日期 ${ev.startedOn}`);
  const year = Number(ev.startedOn.slice(0, 4));
  const policy = await policyOf(db.kysely, ev.countyCode, year);
  if (!policy) throw conflict('insurance_no_policy', 'eventNo', `${year} 年度没有本县的农房保险保单`);
  const ins = await insuredOf(db.kysely, policy, house.householdId);
  if (!ins) throw conflict('insurance_not_insured', 'householdNo', `户 ${input.householdNo} 不在 ${year} 年度保单 ${policy.policy_no} 的参保名单中`);
  if (!policy.perils.includes(ev.kind)) throw conflict('insurance_peril_not_covered', 'eventNo', `保单的保险责任不包括${PERIL_LABELS[ev.kind]}`);
  if (ev.startedOn < policy.coverage_from || ev.startedOn > policy.coverage_to) {
    throw conflict('insurance_out_of_coverage', 'eventNo', `灾害发生日期 ${ev.startedOn} 不在保险期间 ${policy.coverage_from} 至 ${policy.coverage_to} 内`);
  }
  if (!house.entry) throw conflict('insurance_no_damage_entry', 'householdNo', `受灾户登记中没有户 ${input.householdNo} 在事件 ${input.eventNo} 中的记录`);
  const entry = house.entry;
  const existing = await claims.liveClaim(db.kysely, ev.countyCode, policy.id, house.householdId, ev.eventId);
  if (existing) throw conflict('insurance_claim_exists', 'householdNo', `该户农房在事件 ${input.eventNo} 中已有理赔 ${existing.claim_no}`);
  try {
    const claimNo = await write(db, scope, async (tx) => {
      const no = await nextSerialNo(tx, CLAIM_PREFIX, ev.countyCode, String(year));
      const structure = ins.structure ?? entry.structure;
      await claims.insertClaim(tx, {
        county: ev.countyCode, claimNo: no, policyId: policy.id, eventId: ev.eventId, entryId: entry.id, householdId: house.householdId,
        areaCode: entry.areaCode, reportedOn: input.reportedOn, reportedBy: scope.userName, structure, note: input.note,
      });
      await appendAudit(tx, scope, { action: 'insurance.claim.report', entity: 'housing_insurance_claim', entityId: no, areaCode: entry.areaCode, after: { ...input, structure, policyNo: policy.policy_no } });
      return no;
    });
    return claimDetail(db, scope, claimNo);
  } catch (e) {
    if (liveTaken(e)) throw conflict('insurance_claim_exists', 'householdNo', `该户农房在事件 ${input.eventNo} 中已有理赔`);
    throw e;
  }
}

async function mustSeeClaim(db: Database, scope: Scope, claimNo: string): Promise<claims.ClaimRow> {
  allow(scope, 'insurance.read');
  const c = await claims.claimByNo(db.kysely, claimNo);
  if (!c || !covers(scope, c.area_code)) throw AppError.notFound(CLAIM, claimNo);
  return c;
}

async function mustManageClaim(db: Database, scope: Scope, claimNo: string): Promise<claims.ClaimRow> {
  allow(scope, 'insurance.manage');
  const c = await mustSeeClaim(db, scope, claimNo);
  if (!covers(scope, c.county_code)) throw AppError.notFound(CLAIM, claimNo);
  return c;
}

const wrongStatus = (c: claims.ClaimRow, action: string) =>
  AppError.conflict('insurance_claim_status', `理赔 ${c.claim_no} 当前为「${STATUS_LABELS[c.status]}」，不能${action}`, { claimNo: c.claim_no, status: c.status });

export async function claimDetail(db: Database, scope: Scope, claimNo: string) {
  const c = await mustSeeClaim(db, scope, claimNo);
  return { ...claimView(c), basis: c.basis ?? null, mayManage: mayManage(scope, c.county_code) };
}

export async function assessClaim(db: Database, scope: Scope, claimNo: string, input: z.output<typeof assessSchema>) {
  const c = await mustManageClaim(db, scope, claimNo);
  if (c.status !== 'reported') throw wrongStatus(c, '查勘定损');
  if (c.entry_status !== 'verified') throw conflict('insurance_damage_not_verified', 'grade', '该户的受灾户登记尚未经两人入户核实，不能定损');
  if (input.assessedOn < c.reported_on) throw AppError.field('assessedOn', `定损日期不能早于报案日期 ${c.reported_on}`);
  if (c.sum_fen === null) throw new Error(`policy of claim ${claimNo} has no sum insured for ${c.structure}`);
  const payable = await payableOf(db, c.area_code, c.event_started_on, { grade: input.grade, sumInsuredFen: c.sum_fen, assessedLossFen: input.lossFen });
  await write(db, scope, async (tx) => {
    const moved = await claims.moveClaim(tx, c, ['reported'], {
      status: 'assessed', assessed_grade: input.grade, assessed_loss_fen: input.lossFen, payable_fen: payable.value.payable, basis: JSON.stringify(payable.steps),
      assessed_on: input.assessedOn, assessed_by: scope.userName,
    });
    if (!moved) throw wrongStatus(c, '查勘定损');
    await appendAudit(tx, scope, { action: 'insurance.claim.assess', entity: 'housing_insurance_claim', entityId: claimNo, areaCode: c.area_code, before: { status: c.status }, after: { ...input, payableFen: payable.value.payable } });
  });
  return claimDetail(db, scope, claimNo);
}

export async function payClaim(db: Database, scope: Scope, claimNo: string, input: z.output<typeof paySchema>) {
  const c = await mustManageClaim(db, scope, claimNo);
  if (c.status !== 'assessed') throw wrongStatus(c, '登记赔付');
  if (c.payable_fen !== null && input.paidFen > c.payable_fen) throw AppError.field('paidFen', `赔付金额不能超过核定应赔金额 ${(c.payable_fen / 100).toFixed(2)} 元`);
  if (c.assessed_on !== null && input.paidOn < c.assessed_on) throw AppError.field('paidOn', `赔付日期不能早于定损日期 ${c.assessed_on}`);
  await write(db, scope, async (tx) => {
    if (!(await claims.moveClaim(tx, c, ['assessed'], { status: 'paid', paid_fen: input.paidFen, paid_on: input.paidOn, payment_ref: input.paymentRef }))) throw wrongStatus(c, '登记赔付');
    await appendAudit(tx, scope, { action: 'insurance.claim.pay', entity: 'housing_insurance_claim', entityId: claimNo, areaCode: c.area_code, before: { status: c.status }, after: input });
  });
  return claimDetail(db, scope, claimNo);
}

export async function refuseClaim(db: Database, scope: Scope, claimNo: string, input: z.output<typeof refuseSchema>) {
  const c = await mustManageClaim(db, scope, claimNo);
  if (c.status !== 'reported' && c.status !== 'assessed') throw wrongStatus(c, '拒赔');
  if (input.refusedOn < c.reported_on) throw AppError.field('refusedOn', `拒赔日期不能早于报案日期 ${c.reported_on}`);
  await write(db, scope, async (tx) => {
    if (!(await claims.moveClaim(tx, c, ['reported', 'assessed'], { status: 'refused', refused_on: input.refusedOn, refusal_reason: input.reason }))) throw wrongStatus(c, '拒赔');
    await appendAudit(tx, scope, { action: 'insurance.claim.refuse', entity: 'housing_insurance_claim', entityId: claimNo, areaCode: c.area_code, before: { status: c.status }, after: input });
  });
  return claimDetail(db, scope, claimNo);
}
