// What a step does besides moving the case: open a notice, raise a flag, or write a decision (approval
// with its frozen amount, rejection with its reason and notification limit, review, change, suspension,
// gradual exit, exit). Runs inside the step's transaction; decisions are append-only rows.
import type { Kysely, Updateable } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../kernel/errors.ts';
import { addMonths, addWorkingDays, type ParameterSet, type RuleSet } from '../../../policy/index.ts';
import type { EffectName } from '../domain/definition.ts';
import { PENDING_STATES } from '../domain/steps.ts';
import * as batches from '../repo/batches.ts';
import * as repo from '../repo/cases.ts';
import type { CaseTable } from '../tables.ts';
import { computeAmount, markUsed } from './amounts.ts';
import { lookup, monthStart, nextMonth, type Due } from './deadlines.ts';

export interface EffectEnv {
  tx: Kysely<DB>;
  params: ParameterSet;
  c: repo.CaseRow;
  history: readonly repo.TransitionRow[];
  date: string;
  ruleSet: RuleSet;
  data: Record<string, unknown>;
  reason: string | null;
  transitionId: number;
  due: Due | null;
}

type Patch = Updateable<CaseTable>;
type Effect = (env: EffectEnv) => Promise<Patch>;

const AMOUNT_KINDS = ['approve', 'review', 'change', 'resume', 'gradual_exit'] as const;

async function reviewDue(env: EffectEnv, effectiveMonth: string): Promise<string | null> {
  const { c, params, date, ruleSet } = env;
  let name = 'procedure.hardship.review_interval_months';
  if (c.programme === 'dibao') {
    const stability = (env.data.stability as string | undefined) ?? 'stable';
    if (stability === 'unstable') {
      const h = await env.tx.selectFrom('households').select('hukou').where('county_code', '=', c.county_code).where('id', '=', c.household_id).executeTakeFirstOrThrow();
      name = `procedure.dibao.review_interval.unstable_${h.hukou}`;
    } else name = `procedure.dibao.review_interval.${stability}`;
  }
  const months = lookup(params, name, c.area_code, date, ruleSet);
  return months === null ? null : addMonths(monthStart(effectiveMonth), Number(months.value));
}

function decide(kind: 'approve' | 'review' | 'change' | 'resume'): Effect {
  return async (env) => {
    const amount = await computeAmount(env.tx, env.params, env.c, env.history, env.date, env.ruleSet);
    await markUsed(env.tx, amount);
    const effective = nextMonth(env.date);
    const note = typeof env.data.note === 'string' && env.data.note !== '' ? env.data.note : null;
    await repo.insertDecision(env.tx, {
      county_code: env.c.county_code, case_id: env.c.id, transition_id: env.transitionId, kind, decided_on: env.date,
      effective_month: effective, amount_fen: amount.amountFen, explanation: JSON.stringify(amount.explanation), reason: env.reason ?? note,
    });
    return { review_due: await reviewDue(env, effective), due_date: null, due_parameter: null };
  };
}

/** The amount now in force: the latest decision that set one. */
export async function currentAmount(db: Kysely<DB>, c: repo.CaseRow): Promise<repo.DecisionRow | undefined> {
  const all = await repo.listDecisions(db, c.county_code, c.id);
  return all.reverse().find((d) => (AMOUNT_KINDS as readonly string[]).includes(d.kind));
}

const stop = (kind: 'suspend' | 'exit'): Effect => async (env) => {
  await repo.insertDecision(env.tx, {
    county_code: env.c.county_code, case_id: env.c.id, transition_id: env.transitionId, kind, decided_on: env.date,
    effective_month: nextMonth(env.date), reason: env.reason,
  });
  return { due_date: null, due_parameter: null, review_due: null };
};

const EFFECTS: Record<EffectName, Effect> = {
  start_notice: async (env) => ({ notice_end: env.due?.first ?? env.due?.date ?? null }),
  add_complaint_flag: async (env) => {
    // Only a pending case joins its batch's sample; a granted case keeps its past spot check as drawn.
    const batch = PENDING_STATES.includes(env.c.state) ? await batches.batchOfCase(env.tx, env.c.county_code, env.c.id) : undefined;
    if (batch) await batches.flagMember(env.tx, env.c.county_code, env.c.id, batch.sampled_on !== null);
    return { flags: [...new Set([...env.c.flags, 'complaint'])] };
  },
  decide_approve: decide('approve'),
  decide_review: decide('review'),
  decide_change: decide('change'),
  decide_resume: decide('resume'),
  decide_reject: async (env) => {
    const limit = lookup(env.params, `procedure.${env.c.programme}.rejection_notice_working_days`, env.c.area_code, env.date, env.ruleSet);
    await repo.insertDecision(env.tx, {
      county_code: env.c.county_code, case_id: env.c.id, transition_id: env.transitionId, kind: 'reject', decided_on: env.date,
      reason: env.reason, notify_by: limit === null ? null : addWorkingDays(env.date, Number(limit.value)),
    });
    return { due_date: null, due_parameter: null, review_due: null };
  },
  decide_suspend: stop('suspend'),
  decide_exit: stop('exit'),
  decide_gradual_exit: async (env) => {
    const current = await currentAmount(env.tx, env.c);
    if (!current || current.amount_fen === null) throw AppError.conflict('no_amount', '案件尚无核定的保障金，不能办理渐退');
    const months = Number(env.data.months);
    const effective = nextMonth(env.date);
    const endMonth = addMonths(monthStart(effective), months - 1).slice(0, 7);
    await repo.insertDecision(env.tx, {
      county_code: env.c.county_code, case_id: env.c.id, transition_id: env.transitionId, kind: 'gradual_exit', decided_on: env.date,
      effective_month: effective, end_month: endMonth, amount_fen: current.amount_fen, explanation: JSON.stringify({ continuedFrom: current.id, months }), reason: env.reason,
    });
    // The exit is due when the last month of the gradual exit has begun.
    return { due_date: monthStart(endMonth), due_parameter: 'procedure.dibao.gradual_exit_months', review_due: null };
  },
  death_review: async (env) => {
    const id = String(env.data.memberIdNumber);
    const member = await env.tx.selectFrom('members').select(['id', 'name']).where('county_code', '=', env.c.county_code).where('household_id', '=', env.c.household_id).where('id_number', '=', id).executeTakeFirst();
    if (!member) throw AppError.field('data.memberIdNumber', '该身份证号码不是本家庭登记的成员');
    return { review_due: env.due?.date ?? null };
  },
  scheduled_review: async () => ({}),
};

export function runEffect(name: EffectName, env: EffectEnv): Promise<Patch> {
  return EFFECTS[name](env);
}
