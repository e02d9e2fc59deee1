// Receiving a complaint, shared by the staff register (service.ts) and the citizen portal (citizen.ts): its
// number, its row, the case's flag through the cases engine and the audit, in one transaction.
import type { Database } from '../../db/engine.ts';
import { appendAudit } from '../../kernel/audit/append.ts';
import type { Scope } from '../../kernel/scope.ts';
import { write } from '../../db/write.ts';
import { canTake, caseState, mustFindCase, performTransition } from '../cases/index.ts';
import { withinTransaction } from '../intake/index.ts';
import * as repo from './repo.ts';
import type { ComplaintRow } from './tables.ts';

/** The case a complaint is about, as the flag needs it. */
export interface ComplaintTarget { caseNo: string; caseId: number; areaCode: string; phase: string; canFlag: boolean; lastStepOn: string }

export async function complaintTarget(db: Database, scope: Scope, caseNo: string): Promise<ComplaintTarget> {
  const c = await mustFindCase(db, scope, caseNo);
  return { caseNo: c.case_no, caseId: c.id, areaCode: c.area_code, phase: c.phase, canFlag: canTake(c, 'record_complaint'), lastStepOn: (await caseState(db.kysely, c)).lastStep.on };
}

export interface ReceivedComplaint {
  areaCode: string;
  target: ComplaintTarget | null;
  channel: ComplaintRow['channel'];
  /** Made by the citizen in the portal (not registered by staff). */
  viaPortal: boolean;
  anonymous: boolean;
  /** Null for an anonymous complaint: nothing identifying is stored. */
  complainant: { name: string; phone: string; idNumber: string | null } | null;
  subjectKind: ComplaintRow['subject_kind'];
  subjectName: string;
  category: ComplaintRow['category'];
  content: string;
  receivedOn: string;
}

const CASE_CHANNEL = { hotline_12349: 'hotline_12349', window: 'visit', online: 'online' } as const;

export async function receiveComplaint(db: Database, scope: Scope, input: ReceivedComplaint) {
  const { target, receivedOn } = input;
  const countyCode = input.areaCode.slice(0, 6);
  const complainant = input.anonymous ? null : input.complainant;
  return write(db, scope, async (tx) => {
    const complaintNo = await repo.nextComplaintNo(tx, countyCode, receivedOn.slice(0, 4));
    // Pending: a complaint about the case or its applicant puts it in the county's 100% visit. Granted (in
    // payment or under review): a complaint about the recipient flags it for a county visit at its next review.
    const flag = target !== null && target.canFlag && (target.phase === 'pending' || (input.subjectKind === 'recipient' && ['payable', 'suspended'].includes(target.phase)));
    const id = await repo.insertComplaint(tx, {
      county_code: countyCode, complaint_no: complaintNo, area_code: input.areaCode, channel: input.channel, anonymous: input.anonymous,
      complainant_name: complainant?.name ?? null, complainant_phone: input.anonymous ? null : (complainant?.phone ?? ''), complainant_id_number: complainant?.idNumber ?? null, via_portal: input.viaPortal,
      subject_kind: input.subjectKind, case_id: target?.caseId ?? null, subject_name: input.subjectName,
      category: input.category, content: input.content, received_on: receivedOn, status: 'received', assignee: null, assigned_on: null,
      conclusion: null, finding: null, concluded_on: null, closed_on: null, case_flagged: flag, created_by: scope.userName,
    });
    // The cases engine's own step: the flag, the timeline entry and the county's 100% visit — on the day the
    // complaint was received (or the case's last step, where the complaint is older than it: a timeline runs forward).
    const flaggedOn = target && target.lastStepOn > receivedOn ? target.lastStepOn : receivedOn;
    if (flag && target) await performTransition(withinTransaction(db, tx), scope, target.caseNo, { action: 'record_complaint', date: flaggedOn, data: { content: `${complaintNo}：${input.content}`.slice(0, 1000), channel: CASE_CHANNEL[input.channel] }, attachments: [] });
    await appendAudit(tx, scope, { action: 'complaint.receive', entity: 'complaint', entityId: complaintNo, areaCode: input.areaCode, after: { id, channel: input.channel, anonymous: input.anonymous, subject: input.subjectKind, caseNo: target?.caseNo ?? null, category: input.category, caseFlagged: flag } });
    return { complaintNo, status: 'received', caseNo: target?.caseNo ?? null, caseFlagged: flag };
  });
}
