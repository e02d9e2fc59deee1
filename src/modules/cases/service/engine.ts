// The workflow engine, the same for every programme: loads the case (scoped), asks the pure planner
// (src/workflow/planner.ts) for the step against the programme's definition, and applies the plan —
// the transition, its effect (notice, flag, decision with its entitlement), the new state, phase,
// context and deadline — in one audited transaction.
import { findCase, type ScopedCase } from '../repo/roots.ts';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { clock } from '../../../kernel/clock.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { isoDate } from '../../../kernel/types.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { CASE_NO_MESSAGE, CASE_NO_PATTERN, programmeOf } from '../../../programmes/registry.ts';
import type { ProgrammeModule } from '../../../programmes/types.ts';
import type { CaseContext, WorkflowDefinition } from '../../../workflow/definition.ts';
import { plan, type CaseState, type PlannedStep } from '../../../workflow/planner.ts';
import type { ParameterSet } from '../../../policy/index.ts';
import { attachmentSchema } from '../../../workflow/schemas.ts';
import { requestSummaries } from '../../verification/index.ts';
import { allow } from '../permissions.ts';
import * as batches from '../repo/batches.ts';
import * as repo from '../repo/cases.ts';
import { runEffect, type EffectEnv } from './effects.ts';
import { hookCase, hooksOf } from './programme-hooks.ts';
import { checkStepData } from './step-checks.ts';
import { caseParameters } from './parameters.ts';
import { lastRerateOn } from '../repo/rerate-record.ts';

export const transitionInputSchema = z.strictObject({
  action: z.string().min(1).max(40),
  reason: z.string().trim().max(2000).optional(),
  /** The date the step happened (YYYY-MM-DD); default: the record's own date, else today. */
  date: isoDate.optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  attachments: z.array(attachmentSchema).max(20).default([]),
});
export type TransitionInput = z.output<typeof transitionInputSchema>;

export const caseNoSchema = z.string().regex(CASE_NO_PATTERN, CASE_NO_MESSAGE);

export async function mustFindCase(db: Database, scope: Scope, caseNo: string): Promise<ScopedCase> {
  if (!CASE_NO_PATTERN.test(caseNo)) throw AppError.field('caseNo', CASE_NO_MESSAGE);
  const c = await findCase(db.kysely, scope, caseNo);
  if (c) return c;
  throw AppError.notFound('案件', caseNo);
}

export function definitionOf(c: Pick<repo.CaseRow, 'programme' | 'rule_set'>): { programme: ProgrammeModule; def: WorkflowDefinition<CaseContext> } {
  const programme = programmeOf(c.programme);
  return { programme, def: programme.workflows[c.rule_set] };
}

/** Whether the case's workflow has `action` from its current state (any role). */
export function canTake(c: Pick<repo.CaseRow, 'programme' | 'rule_set' | 'state'>, action: string): boolean {
  return definitionOf(c).def.actions[action]?.from.includes(c.state) === true;
}

/** The case as the planner sees it: record, context, last step, running deadline, batch and verification requests. */
export async function caseState(db: Kysely<DB>, c: repo.CaseRow): Promise<CaseState> {
  const [batch, verification, last, rerated] = await Promise.all([
    batches.batchOfCase(db, c.county_code, c.id),
    requestSummaries(db, c.county_code, c.id),
    db.selectFrom('case_transitions').select(['seq', 'on_date']).where('county_code', '=', c.county_code).where('case_id', '=', c.id).orderBy('seq', 'desc').limit(1).executeTakeFirst(),
    lastRerateOn(db, c.county_code, c.id),
  ]);
  const lastOn = last?.on_date ?? c.applied_on;
  return {
    programme: c.programme,
    ruleSet: c.rule_set,
    state: c.state,
    areaCode: c.area_code,
    appliedOn: c.applied_on,
    noticeEnd: c.notice_end,
    flags: c.flags,
    context: c.context,
    batch: batch ? { sampled: batch.sampled, drawn: batch.sampled_on !== null, createdOn: batch.created_on } : null,
    verification,
    // A re-rating is a step of the case without a transition of its own (the batch's list is its record).
    lastStep: { seq: last?.seq ?? 0, on: rerated !== null && rerated > lastOn ? rerated : lastOn },
    due: c.due_date && c.due_parameter ? { date: c.due_date, parameter: c.due_parameter } : null,
  };
}

export async function performTransition(db: Database, scope: Scope, caseNo: string, input: TransitionInput) {
  allow(scope, 'cases.write');
  const c = await mustFindCase(db, scope, caseNo);
  const params = await caseParameters(db);
  const step = await planStep(db.kysely, scope, c, input, params);
  // What the data names of other modules' records (an institution for 集中供养) is checked by them.
  await checkStepData(db, c.county_code, step.data);
  return write(db, scope, (tx) => applyStep(tx, scope, c, step, input.attachments, params));
}

/** The step the planner makes of the request on the case as it stands (or its refusal, thrown). */
export async function planStep(db: Kysely<DB>, scope: Scope, c: repo.CaseRow, input: Omit<TransitionInput, 'attachments'>, params: ParameterSet): Promise<PlannedStep> {
  const { def } = definitionOf(c);
  const kase = await caseState(db, c);
  const planned = plan(def, kase, { action: input.action, date: input.date, reason: input.reason, data: input.data, role: scope.role }, clock(), params);
  if (!planned.ok) throw planned.error;
  return planned.step;
}

/**
 * Writes a planned step inside the caller's transaction: the transition, its effect, the case's new
 * state and one audit entry. Refused when the case changed since it was read (`c.version`).
 */
export async function applyStep(tx: Kysely<DB>, scope: Scope, c: repo.CaseRow, step: PlannedStep, attachments: TransitionInput['attachments'], params: ParameterSet) {
  const { programme } = definitionOf(c);
  const caseNo = c.case_no;
  const locked = await repo.lockCase(tx, c.county_code, c.id);
  if (locked.version !== c.version) throw AppError.conflict('case_changed', '案件已被他人更新，请刷新后重试');
  const transitionId = await repo.insertTransition(tx, {
    county_code: c.county_code, case_id: c.id, seq: step.seq, action: step.action, from_state: step.from, to_state: step.to, to_phase: step.phase, on_date: step.date,
    actor_id: scope.userId, actor_name: scope.userName, actor_role: scope.role, reason: step.reason, data: JSON.stringify(step.data), attachments: JSON.stringify(attachments), due_date: step.due?.date ?? null,
  });
  const env: EffectEnv = { tx, params, programme, c, step, transitionId };
  const patch = step.effect ? await runEffect(step.effect, env) : {};
  await hooksOf(programme.code).stepped?.(tx, scope, hookCase(c, step.context), { action: step.action, phase: step.phase, date: step.date, data: step.data, decision: env.decided ?? null });
  await repo.updateCase(tx, c, {
    state: step.to,
    phase: step.phase,
    context: JSON.stringify(step.context),
    flags: step.flags,
    ...(step.to !== c.state ? { state_since: step.date } : {}),
    due_date: step.due?.date ?? null,
    due_parameter: step.due?.parameter ?? null,
    ...(step.noticeEnd !== undefined ? { notice_end: step.noticeEnd } : {}),
    ...(step.phase === 'pending' ? {} : { final_due_date: null }),
    ...(step.phase === 'terminal' || step.phase === 'granted' ? { review_due: null } : {}),
    ...patch,
  });
  await appendAudit(tx, scope, { action: `case.${step.action}`, entity: 'case', entityId: caseNo, areaCode: c.area_code, before: { state: c.state }, after: { state: step.to, date: step.date, reason: step.reason, data: step.data } });
  return { caseNo, state: step.to, dueDate: (patch.due_date !== undefined ? patch.due_date : step.due?.date) ?? null };
}
