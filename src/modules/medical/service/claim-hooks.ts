// A 医疗救助 claim's life in the ledger, as the cases engine runs it: opening the claim reserves its
// episode (refused if the hospital already settled it or another claim holds it); the decision reads
// the person's group and what the year has paid toward the caps, with the person's year locked so two
// claims decided at once cannot both use the same room under a cap; the approval records the amounts
// paid, a refusal or withdrawal voids the episode; a referral the claim answered is closed.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../kernel/errors.ts';
import { yuan } from '../../../kernel/money.ts';
import { claimSchema, type ClaimLedger, type MedicalClaimDetails } from '../../../programmes/medical/context.ts';
import { registerProgrammeHooks, type HookCase } from '../../cases/index.ts';
import { closeReferralsOfCase } from '../../intake/index.ts';
import { recipientsQuery } from '../repo/groups.ts';
import * as episodes from '../repo/episodes.ts';

const claimOf = (c: HookCase): MedicalClaimDetails => {
  const parsed = claimSchema.safeParse(c.context.claim);
  if (!parsed.success) throw new Error(`case ${c.caseNo}: the claim recorded at opening does not parse`);
  return parsed.data;
};
const keyOf = (c: HookCase, claim: MedicalClaimDetails): episodes.EpisodeKey => ({ idNumber: c.applicantIdNumber, hospital: claim.hospital, admittedOn: claim.admittedOn, kind: claim.kind });
const yearOf = (claim: MedicalClaimDetails) => Number((claim.dischargedOn ?? claim.admittedOn).slice(0, 4));

async function groupOf(tx: Kysely<DB>, c: HookCase, claim: MedicalClaimDetails): Promise<'hardship' | 'dibao' | null> {
  const { rows } = await recipientsQuery(c.countyCode, claim.admittedOn.slice(0, 7), [c.applicantIdNumber]).execute(tx);
  const g = rows[0]?.group;
  return g === 'hardship' || g === 'dibao' ? g : null;
}

async function opened(tx: Kysely<DB>, _scope: unknown, c: HookCase): Promise<void> {
  const claim = claimOf(c);
  const held = await episodes.sameEpisode(tx, keyOf(c, claim));
  if (held) throw AppError.conflict(held.source === 'settlement' ? 'episode_settled' : 'episode_claimed', episodes.heldMessage(held));
  const group = (await groupOf(tx, c, claim)) ?? (claim.nearDibao ? 'near_dibao' : 'none');
  await tx.insertInto('medical_episodes').values({
    county_code: c.countyCode, source: 'claim', case_id: c.id, settlement_no: claim.settlementNo ?? null, area_code: c.areaCode, household_id: c.householdId,
    member_id: c.applicantMemberId, name: c.applicantName, id_number: c.applicantIdNumber, group, kind: claim.kind, critical: claim.critical,
    hospital: claim.hospital, admitted_on: claim.admittedOn, discharged_on: claim.dischargedOn ?? claim.admittedOn, year: yearOf(claim),
    total_cost_fen: claim.totalCostFen, basic_insurance_fen: claim.basicInsuranceFen, critical_insurance_fen: claim.criticalInsuranceFen,
    eligible_self_pay_fen: claim.eligibleSelfPayFen, status: 'pending',
  }).execute();
}

async function ledger(tx: Kysely<DB>, c: HookCase): Promise<ClaimLedger> {
  const claim = claimOf(c);
  await episodes.lockPerson(tx, c.applicantIdNumber);
  const own = { countyCode: c.countyCode, id: c.id };
  const held = await episodes.sameEpisode(tx, keyOf(c, claim), own);
  const totals = await episodes.yearTotals(tx, c.applicantIdNumber, yearOf(claim), own);
  return {
    group: await groupOf(tx, c, claim),
    paidThisYear: claim.critical ? totals.critical : totals[claim.kind],
    tiltPaidThisYear: totals.tilt,
    deductibleUsedThisYear: claim.kind === 'outpatient' ? totals.deductibleOutpatient : totals.deductibleInpatient,
    settledElsewhere: held ? episodes.heldMessage(held) : null,
  };
}

registerProgrammeHooks('medical', {
  opened,
  ledger,
  async stepped(tx, scope, c, step) {
    if (step.decision && step.decision.kind === 'approve') {
      const s = step.decision.summary;
      const value = (step.decision.explanation as { value?: { group?: unknown } } | null)?.value;
      await tx.updateTable('medical_episodes').set({
        status: 'paid', settled_on: step.decision.date, assistance_fen: s.ordinary_fen ?? 0, tilt_fen: s.tilt_fen ?? 0, deductible_used_fen: s.deductible_used_fen ?? 0,
        ...(typeof value?.group === 'string' ? { group: value.group } : {}),
      }).where('county_code', '=', c.countyCode).where('case_id', '=', c.id).execute();
      await closeReferralsOfCase(tx, scope, c, 'assisted', `已给予医疗救助 ${yuan(step.decision.amountFen)} 元（案件 ${c.caseNo}）`, step.decision.date);
    } else if (step.phase === 'terminal') {
      await tx.updateTable('medical_episodes').set({ status: 'void' }).where('county_code', '=', c.countyCode).where('case_id', '=', c.id).execute();
      await closeReferralsOfCase(tx, scope, c, step.action === 'withdraw' ? 'declined' : 'not_eligible', step.action === 'withdraw' ? `申请人撤回医疗救助申请（案件 ${c.caseNo}）` : `不予医疗救助（案件 ${c.caseNo}）`, step.date);
    }
  },
});
