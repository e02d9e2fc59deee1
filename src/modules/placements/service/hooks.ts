// 特困 steps as the placements module hears them (the cases module's programme hooks, inside the step's
// transaction): the township's review that chooses a full institution is refused; a decision granting
// institutional support opens (or moves) the person's pending placement; a death recorded on the case
// closes the placement; a case that ends cancels a placement that never took a bed.
import { registerProgrammeHooks, type HookCase } from '../../cases/index.ts';
import { cancelPending, checkChoice, closeByDeath, followDecision, type Person } from './lifecycle.ts';

interface Support { mode?: string; institutionId?: number }

const supportOf = (c: HookCase): Support => (c.context.support ?? {}) as Support;
const personOf = (c: HookCase): Person => ({ countyCode: c.countyCode, caseId: c.id, householdId: c.householdId, memberId: c.applicantMemberId, areaCode: c.areaCode });

registerProgrammeHooks('hardship', {
  async stepped(tx, scope, c, step) {
    const support = supportOf(c);
    const institutional = support.mode === 'institutional' && typeof support.institutionId === 'number';
    if (step.action === 'township_review') {
      if (institutional) await checkChoice(tx, c.countyCode, support.institutionId!);
      return;
    }
    if (step.action === 'record_death') {
      if (step.data.memberIdNumber === c.applicantIdNumber && typeof step.data.dateOfDeath === 'string') await closeByDeath(tx, scope, c.countyCode, c.applicantMemberId, step.data.dateOfDeath);
      return;
    }
    if (step.decision) {
      if (institutional) await followDecision(tx, scope, personOf(c), support.institutionId!, step.date);
      else await cancelPending(tx, scope, personOf(c), step.date, '改为分散供养');
      return;
    }
    if (step.phase === 'terminal') await cancelPending(tx, scope, personOf(c), step.date, '案件已终结');
  },
});
