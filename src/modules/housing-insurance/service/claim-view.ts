// A claim as the API shows it: codes with their Chinese labels, money in fen.
import { GRADE_LABELS, STATUS_LABELS, STRUCTURE_LABELS } from '../labels.ts';
import type { ClaimRow } from '../repo/claims.ts';

export function claimView(c: ClaimRow) {
  return {
    id: c.id, claimNo: c.claim_no, countyName: c.county_name, year: c.year, policyNo: c.policy_no, eventNo: c.event_no, eventName: c.event_name,
    householdNo: c.household_no, headName: c.head_name ?? '', villageName: c.village_name, reportedOn: c.reported_on, status: c.status, statusLabel: STATUS_LABELS[c.status],
    structure: c.structure, structureLabel: STRUCTURE_LABELS[c.structure], sumInsuredFen: c.sum_fen ?? 0,
    registeredGrade: c.entry_status === 'void' ? null : c.registered_grade, registeredGradeLabel: c.entry_status === 'void' || !c.registered_grade ? null : GRADE_LABELS[c.registered_grade],
    assessedGrade: c.assessed_grade, assessedGradeLabel: c.assessed_grade ? GRADE_LABELS[c.assessed_grade] : null,
    assessedLossFen: c.assessed_loss_fen, payableFen: c.payable_fen, assessedOn: c.assessed_on,
    paidFen: c.paid_fen, paidOn: c.paid_on, paymentRef: c.payment_ref, refusedOn: c.refused_on, refusalReason: c.refusal_reason, note: c.note,
  };
}
