// What the programme's own formula gives for an imported case, on the registry facts and the parameters
// in force at the approval date: compared with the imported amount, a difference is a warning (the
// previous system's amount is imported as it is). The registry records no self-care assessment: a 特困
// person is assessed as fully self-caring (no care standard) and without an able supporter (the previous
// system found them eligible); the support mode and institution are the file's.
import { addMonths, type HouseholdFacts, type ParameterSet, type RuleSet } from '../../../policy/index.ts';
import type { HardshipOrigin } from '../../../programmes/hardship/origin.ts';
import type { BenefitDecision, ProgrammeModule } from '../../../programmes/types.ts';
import type { CaseContext } from '../../../workflow/definition.ts';
import type { CaseloadProgramme, Stability, SupportMode } from '../columns.ts';

export type FormulaResult = { ok: true; decision: BenefitDecision } | { ok: false; message: string };

const SELF_CARING = { eating: true, dressing: true, bedTransfer: true, toileting: true, indoorWalking: true, bathing: true };

export function caseContext(programme: CaseloadProgramme, stability: Stability | null, mode: SupportMode | null, institutionId: number | undefined, origin: HardshipOrigin | null = null): CaseContext {
  if (programme === 'dibao') return { stability: stability ?? 'stable' } as CaseContext;
  const support = { mode: mode ?? 'home_based', ...(institutionId === undefined ? {} : { institutionId }), hasLegalSupporter: false, supporterAble: false };
  return { stability: 'stable', support, ...(origin ? { origin } : {}) } as CaseContext;
}

export function formulaAmount(p: ProgrammeModule, input: { facts: HouseholdFacts; applicantId: string; context: CaseContext; params: ParameterSet; ruleSet: RuleSet; date: string; areaCode: string }): FormulaResult {
  if (!p.benefit) return { ok: false, message: '该项目没有金额公式' };
  const context = p.code === 'hardship' ? ({ ...input.context, selfCare: SELF_CARING } as CaseContext) : input.context;
  try {
    const out = p.benefit.decide({ household: input.facts, applicantId: input.applicantId, context, params: input.params, ruleSet: input.ruleSet, date: input.date, areaCode: input.areaCode, ledger: {} });
    return 'code' in out ? { ok: false, message: out.message } : { ok: true, decision: out };
  } catch (e) {
    return { ok: false, message: `无法按公式计算：${(e as Error).message}` };
  }
}

/** The first of the month after `date` plus the programme's review interval in force (null when the parameter has no value). */
export function reviewDueOf(p: ProgrammeModule, params: ParameterSet, stability: Stability, hukou: string, areaCode: string, base: string, ruleSet: RuleSet): string | null {
  if (!p.reviewInterval) return null;
  try {
    const months = Number(params.get(p.reviewInterval(stability, hukou), areaCode, base, ruleSet).value);
    return addMonths(`${nextMonth(base)}-01`, months);
  } catch {
    return null;
  }
}

export function nextMonth(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
