// The verification steps (verify_economic_status, review_income_check) against the verification
// module's requests (CaseFacts.verification): no unresolved finding that breaks a policy limit, and the
// recorded result refers to the case's latest request; a manual check only where the current stage has none.
import { refuse } from './conditions.ts';
import type { DataCheck, Precondition, VerificationMark } from './definition.ts';
import type { Verification } from './schemas.ts';

export const verificationResolved: Precondition = ({ facts }) => {
  const open = facts.verification.filter((r) => r.unresolvedBreaking > 0);
  if (open.length === 0) return null;
  const n = open.reduce((s, r) => s + r.unresolvedBreaking, 0);
  return refuse('verification_unresolved', `核对请求 ${open.map((r) => r.requestNo).join('、')} 有 ${n} 项超出政策限额的发现尚未处理，逐项处理（属实、已作说明或误匹配）后才能记录核对结果`);
};

export const verificationReference: DataCheck<Verification> = ({ facts }, data) => {
  // The stage: the current review (or a member's death), else the application.
  const start = facts.context.reviewStart?.on ?? facts.appliedOn;
  const current = facts.verification.filter((r) => r.requestedOn >= start);
  const latest = current.at(-1);
  if (data.method === 'manual') {
    return latest ? refuse('verification_request_exists', `本案已发起核对请求 ${latest.requestNo}，须按该请求记录核对结果（method 为 request）`, 400) : null;
  }
  const r = facts.verification.find((x) => x.requestNo === data.requestNo);
  if (!r) return refuse('verification_request_unknown', `核对请求 ${data.requestNo ?? ''} 不是本案的核对请求`, 400);
  if (latest && r.requestNo !== latest.requestNo) return refuse('verification_request_outdated', `核对请求 ${r.requestNo} 不是本案最新的核对请求（${latest.requestNo}）`, 400);
  if (!latest) return refuse('verification_request_outdated', `核对请求 ${r.requestNo} 早于本次复核，请重新发起核对`, 400);
  if (r.confirmedBreaking > 0 && data.result === 'pass') {
    return refuse('verification_result_mismatch', `核对请求 ${r.requestNo} 有 ${r.confirmedBreaking} 项经核实超出政策限额，核对结果应为 fail`, 400);
  }
  return null;
};

/** What a verification step records into the context. */
export function verificationMark(data: Verification, step: { seq: number; on: string }): VerificationMark {
  return { seq: step.seq, on: step.on, method: data.method, result: data.result, ...(data.requestNo ? { requestNo: data.requestNo } : {}) };
}
