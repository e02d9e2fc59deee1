// A referral answered with a claim: the window (or the county) records a claim of a programme for the
// person a referral names (医疗救助 for a referral to 医保) — the referral is linked to the claim's case
// and taken in hand; when the claim is decided, the referral is closed with the decision as its result.
// Both run inside the claim's own transaction.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Scope } from '../../../kernel/scope.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { todayInChina } from '../../../kernel/clock.ts';
import * as repo from '../repo.ts';

/** The open referral a claim answers: in scope, of the need and department given, for this person; else a 400 naming `referralId`. */
export async function requireAnswerableReferral(db: Kysely<DB>, scope: Scope, id: number, want: { need: string; department: string; idNumber: string }): Promise<repo.PartView> {
  const p = await repo.findPart(db, scope, id);
  if (!p || p.kind !== 'referral') throw AppError.field('referralId', `转办事项 ${id} 不存在或不在您的管辖范围内`);
  if (p.need !== want.need || p.department !== want.department) throw AppError.field('referralId', '该转办事项不是转给医保部门的医疗救助事项');
  if (p.status === 'closed') throw AppError.field('referralId', '该转办事项已办结');
  if (p.case_no) throw AppError.field('referralId', `该转办事项已由案件 ${p.case_no} 办理`);
  if (p.person_id_number !== want.idNumber) throw AppError.field('referralId', '转办事项的当事人与申请人不是同一人');
  return p;
}

/** Links the referral to the claim's case (taken in hand, if it was not yet). */
export async function linkReferralToCase(tx: Kysely<DB>, scope: Scope, p: repo.PartView, c: { id: number; caseNo: string }): Promise<void> {
  const locked = await repo.lockPart(tx, p.county_code, p.id);
  if (locked.version !== p.version) throw AppError.conflict('referral_changed', '转办事项已被他人更新，请刷新后重试');
  const today = todayInChina();
  await tx.updateTable('intake_parts').set({
    answer_case_id: c.id, version: locked.version + 1,
    ...(locked.status === 'referred' ? { status: 'accepted', accepted_on: today, accepted_by: scope.userName } : {}),
  }).where('county_code', '=', p.county_code).where('id', '=', p.id).execute();
  await repo.insertEvent(tx, scope, { countyCode: p.county_code, partId: p.id, action: locked.status === 'referred' ? 'accept' : 'act', onDate: today, note: `已受理救助申请，案件 ${c.caseNo}` });
  await appendAudit(tx, scope, { action: 'intake.referral.claim', entity: 'intake_part', entityId: String(p.id), areaCode: p.area_code, after: { caseNo: c.caseNo } });
}

/** Closes the referrals a decided claim answered, with the decision as their result. */
export async function closeReferralsOfCase(tx: Kysely<DB>, scope: Scope, c: { countyCode: string; id: number }, outcome: 'assisted' | 'not_eligible' | 'declined', result: string, date: string): Promise<void> {
  const open = await tx.selectFrom('intake_parts').selectAll().where('county_code', '=', c.countyCode).where('answer_case_id', '=', c.id).where('kind', '=', 'referral').where('status', '<>', 'closed').forUpdate().execute();
  for (const p of open) {
    await repo.updatePart(tx, p, { status: 'closed', closed_on: date, outcome, result });
    await repo.insertEvent(tx, scope, { countyCode: p.county_code, partId: p.id, action: 'close', onDate: date, note: result });
  }
}
