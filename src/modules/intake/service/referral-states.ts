// Where the referrals of some requests stand, for the citizen portal's 我的申请 (an online 医疗救助 application is a referral to 医保).
import type { Database } from '../../../db/engine.ts';
import * as repo from '../repo.ts';
import { OUTCOME_LABELS } from './schemas.ts';

export type ReferralState =
  | { state: 'referred' }
  | { state: 'accepted'; caseNo: string | null }
  | { state: 'closed'; outcomeLabel: string | null };

/** Request number → its referral's state; requests of one county. */
export async function referralStates(db: Database, countyCode: string, requestNos: readonly string[]): Promise<Map<string, ReferralState>> {
  const rows = await repo.referralStates(db.kysely, countyCode, requestNos);
  return new Map(rows.map((x): [string, ReferralState] => [x.request_no,
    x.status === 'closed' ? { state: 'closed', outcomeLabel: x.outcome ? OUTCOME_LABELS[x.outcome as keyof typeof OUTCOME_LABELS] : null }
      : x.status === 'accepted' ? { state: 'accepted', caseNo: x.case_no } : { state: 'referred' }]));
}
