// The citizen portal's view of cases (issue 21): only the cases of the citizen's own households, in words a
// citizen reads (programme, state, the next step and its deadline, the decisions). No staff names and no
// internal ids; the portal masks the applicant's name.
import type { Database } from '../../../db/engine.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { CitizenScope } from '../../../kernel/scope.ts';
import { CASE_NO_MESSAGE, CASE_NO_PATTERN } from '../../../programmes/registry.ts';
import { actionsFrom, stateLabel, type CaseContext, type DecisionKind, type Phase, type WorkflowDefinition } from '../../../workflow/definition.ts';
import { findHousehold } from '../../registry/index.ts';
import * as repo from '../repo/cases.ts';
import { decisionRecords, latestRerates } from '../repo/rerate-record.ts';
import { findOwnCase } from '../repo/roots.ts';
import { withRerate } from './cases.ts';
import { definitionOf } from './engine.ts';

export const DECISION_LABELS: Record<DecisionKind, string> = {
  approve: '批准', reject: '不予批准', review: '复核核定', change: '调整金额', suspend: '暂停发放', resume: '恢复发放', gradual_exit: '渐退', exit: '退出', migration: '迁移导入',
};

export interface CitizenNextStep {
  /** What happens next, as the workflow names it (入户调查, 乡镇审核并公示, 定期复核…). */
  label: string;
  /** By when (YYYY-MM-DD), where the case has a running deadline. */
  deadline: string | null;
}

export interface CitizenCase {
  caseNo: string;
  householdNo: string;
  programmeLabel: string;
  stateLabel: string;
  phase: Phase;
  applicantName: string;
  appliedOn: string;
  nextStep: CitizenNextStep | null;
  decision: { label: string; amountFen: number | null; effectiveMonth: string | null; decidedOn: string } | null;
}

interface CaseLike {
  state: string;
  phase: Phase;
  due_date: string | null;
  review_due: string | null;
}

/**
 * The next step of a case: while pending, the first step forward from its state (not a refusal or a
 * withdrawal) with the running deadline; while in payment, the periodic review when one is due.
 */
export function nextStep(def: WorkflowDefinition<CaseContext>, c: CaseLike): CitizenNextStep | null {
  if (c.phase === 'pending') {
    const forward = actionsFrom(def, c.state).find(([, a]) => a.to !== null && def.states[a.to]?.phase !== 'terminal');
    return forward ? { label: forward[1].label, deadline: c.due_date } : null;
  }
  if (c.phase === 'payable' && c.review_due) return { label: '定期复核', deadline: c.review_due };
  return null;
}

const decisionLabel = (kind: string) => DECISION_LABELS[kind as DecisionKind] ?? kind;

/** Every case of the citizen's households, newest first within each household. */
export async function citizenCases(db: Database, scope: CitizenScope): Promise<CitizenCase[]> {
  const out: CitizenCase[] = [];
  for (const householdNo of scope.households) {
    const h = await findHousehold(db.kysely, scope, householdNo);
    if (!h) continue;
    const rows = await repo.casesOfHousehold(db.kysely, h.county_code, h.id);
    const rerates = await latestRerates(db.kysely, h.county_code, rows.map((c) => c.id));
    for (const c of rows.map((r) => withRerate(r, rerates.get(r.id)))) {
      const { programme, def } = definitionOf(c);
      out.push({
        caseNo: c.case_no, householdNo, programmeLabel: programme.labels['zh-CN'].name, stateLabel: stateLabel(def, c.state), phase: c.phase,
        applicantName: c.applicant_name, appliedOn: c.applied_on, nextStep: nextStep(def, c),
        decision: c.decision_kind && c.decided_on ? { label: decisionLabel(c.decision_kind), amountFen: c.amount_fen, effectiveMonth: c.effective_month, decidedOn: c.decided_on } : null,
      });
    }
  }
  return out;
}

/** One case of the citizen's households with its steps and decisions; another household's case is a 404 like a missing one. */
export async function citizenCase(db: Database, scope: CitizenScope, caseNo: string) {
  if (!CASE_NO_PATTERN.test(caseNo)) throw AppError.field('caseNo', CASE_NO_MESSAGE);
  const c = await findOwnCase(db.kysely, scope, caseNo);
  if (!c) throw AppError.notFound('案件', caseNo);
  const { programme, def } = definitionOf(c);
  const [steps, decisions] = await Promise.all([repo.listTransitions(db.kysely, c.key), decisionRecords(db.kysely, c.key)]);
  return {
    caseNo: c.case_no, programmeLabel: programme.labels['zh-CN'].name, stateLabel: stateLabel(def, c.state), phase: c.phase,
    applicantName: c.applicant_name, appliedOn: c.applied_on, nextStep: nextStep(def, c),
    steps: steps.map((t) => ({ date: t.on_date, label: t.action === 'accept' ? '受理' : t.action === 'migrate' ? '迁移导入' : (def.actions[t.action]?.label ?? '办理'), stateLabel: stateLabel(def, t.to_state) })),
    decisions: decisions.map((d) => ({ label: decisionLabel(d.kind), decidedOn: d.decided_on, effectiveMonth: d.effective_month, endMonth: d.end_month, amountFen: d.amount_fen, reason: d.reason })),
  };
}
