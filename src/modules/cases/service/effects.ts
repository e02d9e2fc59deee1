// What a step sets in motion besides moving the case (the planner decided which): a pending case
// flagged by a complaint joins its batch's sample; a decision is written with its frozen amount and the
// entitlement it grants (approval, review, change, resumption, gradual exit) or stops (suspension,
// exit), or a rejection with its notification limit; a member's death is checked against the registry.
// Runs inside the step's transaction; decisions and entitlements are append-only rows.
import type { Kysely, Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../kernel/errors.ts';
import { addMonths, type ParameterSet } from '../../../policy/index.ts';
import type { Payee, ProgrammeModule } from '../../../programmes/types.ts';
import { deadlineFrom, lookup } from '../../../workflow/deadlines.ts';
import type { DecisionKind, Effect } from '../../../workflow/definition.ts';
import type { PlannedStep } from '../../../workflow/planner.ts';
import * as batches from '../repo/batches.ts';
import * as repo from '../repo/cases.ts';
import { institutionPayee } from './payees.ts';
import type { CaseTable } from '../tables.ts';
import { computeAmount } from './amounts.ts';
import { monthOf, monthStart, nextMonth } from './months.ts';
import type { HookDecision } from './programme-hooks.ts';

export interface EffectEnv {
  tx: Kysely<DB>;
  params: ParameterSet;
  programme: ProgrammeModule;
  c: repo.CaseRow;
  step: PlannedStep;
  transitionId: number;
  /** Set by a decision with an amount (the programme's hooks hear of it). */
  decided?: HookDecision;
}

type Patch = Updateable<CaseTable>;

async function reviewDue(env: EffectEnv, effectiveMonth: string): Promise<string | null> {
  const { c, params, step, programme } = env;
  if (!programme.reviewInterval) return null;
  const h = await env.tx.selectFrom('households').select('hukou').where('county_code', '=', c.county_code).where('id', '=', c.household_id).executeTakeFirstOrThrow();
  const name = programme.reviewInterval(step.context.stability ?? 'stable', h.hukou);
  const months = lookup(params, name, c.area_code, step.date, step.ruleSet);
  return months === null ? null : addMonths(monthStart(effectiveMonth), Number(months.value));
}

/**
 * Whom the entitlement pays: the programme's payee, or the one its `payeeOf` chooses from the context and
 * the parameters (集中供养: the institution, named by the institutions module, with its 统一社会信用代码 as the
 * payee's number — empty where the register has none).
 */
async function payeeOf(env: EffectEnv): Promise<{ payee: Payee; name: string; idNumber: string }> {
  const { c, programme, step } = env;
  const benefit = programme.benefit!;
  const choice = benefit.payeeOf?.({ context: step.context, params: env.params, date: step.date, areaCode: c.area_code, ruleSet: step.ruleSet }) ?? { payee: benefit.payee };
  if (choice.payee !== 'institution' || choice.institutionId === undefined) return { payee: choice.payee, name: c.applicant_name, idNumber: c.applicant_id_number };
  const home = await institutionPayee(env.tx, c.county_code, choice.institutionId);
  if (!home) throw AppError.field('data.institutionId', '供养机构不存在或不属于本县');
  return { payee: 'institution', name: home.name, idNumber: home.idNumber };
}

/** The entitlement of a decision: the recipient, the schedule of the programme, its payee and the payee's name (the case's applicant, or the institution). */
async function entitle(env: EffectEnv, decisionId: number, e: { from: string; to: string | null; amountFen: number; persons: number; summary: Record<string, number> }): Promise<void> {
  const { c, programme, step } = env;
  const benefit = programme.benefit;
  if (!benefit) return;
  const payee = await payeeOf(env);
  await repo.insertEntitlement(env.tx, {
    county_code: c.county_code, programme: c.programme, case_id: c.id, decision_id: decisionId, household_id: c.household_id, area_code: c.area_code,
    recipient_kind: programme.recipient, recipient_id: programme.recipient === 'household' ? c.household_id : c.applicant_member_id,
    schedule: benefit.schedule, from_month: e.from, to_month: benefit.schedule === 'one_off' ? e.from : e.to,
    amount_fen: e.amountFen, persons: e.persons, summary: JSON.stringify(e.summary),
    payee: payee.payee, method: benefit.method?.(step.context) ?? 'transfer', payee_name: payee.name, payee_id_number: payee.idNumber,
  });
}

const noteOf = (step: PlannedStep) => (typeof step.data.note === 'string' && step.data.note !== '' ? step.data.note : null);

/** A monthly benefit starts (and stops) the month after the decision; a one-off payment is of the decision's month. */
function effectiveMonth(env: EffectEnv): string {
  return env.programme.benefit?.schedule === 'one_off' ? monthOf(env.step.date) : nextMonth(env.step.date);
}

async function decideAmount(env: EffectEnv, kind: DecisionKind): Promise<Patch> {
  const { c, step } = env;
  const amount = await computeAmount(env.tx, env.params, env.programme, c, step.context, step.date, step.ruleSet);
  const effective = effectiveMonth(env);
  const decisionId = await repo.insertDecision(env.tx, {
    county_code: c.county_code, case_id: c.id, transition_id: env.transitionId, kind, decided_on: step.date,
    effective_month: effective, amount_fen: amount.amountFen, explanation: JSON.stringify(amount.explanation), reason: step.reason ?? noteOf(step),
  });
  await entitle(env, decisionId, { from: effective, to: null, amountFen: amount.amountFen, persons: amount.persons, summary: amount.summary });
  env.decided = { kind, date: step.date, amountFen: amount.amountFen, summary: amount.summary, explanation: amount.explanation };
  return { review_due: env.programme.benefit?.schedule === 'one_off' ? null : await reviewDue(env, effective) };
}

async function stop(env: EffectEnv, kind: 'suspend' | 'exit'): Promise<Patch> {
  const { c, step } = env;
  const effective = nextMonth(step.date);
  const decisionId = await repo.insertDecision(env.tx, {
    county_code: c.county_code, case_id: c.id, transition_id: env.transitionId, kind, decided_on: step.date, effective_month: effective, reason: step.reason,
  });
  await entitle(env, decisionId, { from: effective, to: null, amountFen: 0, persons: 0, summary: {} });
  return { review_due: null };
}

async function reject(env: EffectEnv): Promise<Patch> {
  const { c, step, programme } = env;
  const limit = programme.rejectionNoticeParameter;
  await repo.insertDecision(env.tx, {
    county_code: c.county_code, case_id: c.id, transition_id: env.transitionId, kind: 'reject', decided_on: step.date, reason: step.reason,
    notify_by: limit ? deadlineFrom(env.params, limit, c.area_code, step.date, step.ruleSet).date : null,
  });
  return { review_due: null };
}

/** 渐退: the amount in force continues for N months, then the exit is due. */
async function gradualExit(env: EffectEnv): Promise<Patch> {
  const { c, step } = env;
  const current = await repo.latestEntitlement(env.tx, c.county_code, c.id);
  if (!current || current.amount_fen === 0) throw AppError.conflict('no_amount', '案件尚无核定的保障金，不能办理渐退');
  const months = Number(step.data.months);
  const effective = nextMonth(step.date);
  const endMonth = addMonths(monthStart(effective), months - 1).slice(0, 7);
  const decisionId = await repo.insertDecision(env.tx, {
    county_code: c.county_code, case_id: c.id, transition_id: env.transitionId, kind: 'gradual_exit', decided_on: step.date,
    effective_month: effective, end_month: endMonth, amount_fen: current.amount_fen, explanation: JSON.stringify({ continuedFrom: current.decision_id, months }), reason: step.reason,
  });
  await entitle(env, decisionId, { from: effective, to: endMonth, amountFen: current.amount_fen, persons: current.persons, summary: current.summary });
  // The exit is due when the last month of the gradual exit has begun.
  return { due_date: monthStart(endMonth), due_parameter: 'procedure.dibao.gradual_exit_months', review_due: null };
}

export async function runEffect(effect: Effect, env: EffectEnv): Promise<Patch> {
  switch (effect.kind) {
    case 'notice':
      return {};
    case 'flag_complaint': {
      // Only a pending case joins its batch's sample; a granted case keeps its past spot check as drawn.
      const batch = env.c.phase === 'pending' ? await batches.batchOfCase(env.tx, env.c.county_code, env.c.id) : undefined;
      if (batch) await batches.flagMember(env.tx, env.c.county_code, env.c.id, batch.sampled_on !== null);
      return {};
    }
    case 'death_review': {
      const id = String(env.step.data.memberIdNumber);
      const member = await env.tx.selectFrom('members').select(['id']).where('county_code', '=', env.c.county_code).where('household_id', '=', env.c.household_id).where('id_number', '=', id).executeTakeFirst();
      if (!member) throw AppError.field('data.memberIdNumber', '该身份证号码不是本家庭登记的成员');
      return { review_due: env.step.due?.date ?? null };
    }
    case 'decide':
      switch (effect.decision) {
        case 'reject': return reject(env);
        case 'suspend':
        case 'exit': return stop(env, effect.decision);
        case 'gradual_exit': return gradualExit(env);
        default: return decideAmount(env, effect.decision);
      }
  }
}
