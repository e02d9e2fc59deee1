// The citizen portal's 我的救助金 (issue 21): the payments of the citizen's own households, from approved payrolls only
// (a draft may still change), with whether the bank paid. No account numbers and no internal ids.
import type { Database } from '../../../db/engine.ts';
import type { CitizenScope } from '../../../kernel/scope.ts';
import { citizenLines } from '../repo/citizen.ts';
import { PAYEE_LABELS, programmeName, purposeOf, REASON_LABELS } from './labels.ts';

export type CitizenPaymentStatus = 'paid' | 'failed' | 'sent' | 'approved';

export const PAYMENT_STATUS_LABELS: Record<CitizenPaymentStatus, string> = { paid: '已发放', failed: '发放未成功', sent: '发放中', approved: '待发放' };

export interface CitizenPayment {
  month: string;
  programmeLabel: string;
  /** 用途: month, benefit, and what it includes (补发, 一次性救助, 重发). */
  purpose: string;
  householdNo: string;
  recipientName: string;
  amountFen: number;
  status: CitizenPaymentStatus;
  statusLabel: string;
  /** Why the bank could not pay (failed only). */
  failureReason: string | null;
  /** Whom the money went to when not the recipient (an institution, the medical insurer). */
  paidTo: string | null;
}

export async function citizenPayments(db: Database, scope: CitizenScope): Promise<CitizenPayment[]> {
  const rows = await citizenLines(db.kysely, scope);
  return rows.map((l) => {
    const status: CitizenPaymentStatus = l.result === 'paid' ? 'paid' : l.result === 'failed' ? 'failed' : l.status === 'exported' ? 'sent' : 'approved';
    return {
      month: l.period, programmeLabel: programmeName(l.programme), purpose: purposeOf(l.programme, l.period, l), householdNo: l.household_no, recipientName: l.name,
      amountFen: l.net_fen, status, statusLabel: PAYMENT_STATUS_LABELS[status], failureReason: l.result === 'failed' && l.reason ? REASON_LABELS[l.reason] : null,
      paidTo: l.payee === 'recipient' ? null : PAYEE_LABELS[l.payee],
    };
  });
}
