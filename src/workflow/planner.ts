// The pure planning step of the workflow: (definition, case, request, clock, parameters) → the
// transition with its new context, deadline and effect, or a refusal. No database: the cases module
// loads the case and applies the plan in one transaction; procedure cases (procedure.ts) run it alone.
import type { z } from 'zod';
import type { Clock } from '../kernel/clock.ts';
import { AppError } from '../kernel/errors.ts';
import { GRANTEE_LABELS, type Grantee } from '../kernel/permissions.ts';
import { parseOrThrow } from '../kernel/validate.ts';
import { ruleSetFor, type ParameterSet, type RuleSet } from '../policy/index.ts';
import './error-codes.ts';
import { deadlineOf, lookup, type Due } from './deadlines.ts';
import { actionsFrom, stateLabel, type ActionDefinition, type CaseContext, type CaseFacts, type CheckContext, type Effect, type Phase, type Refusal, type WorkflowDefinition } from './definition.ts';

/** The case as the planner needs it: its facts, its last step and the deadline running now. */
export interface CaseState<Ctx extends CaseContext = CaseContext> extends CaseFacts<Ctx> {
  lastStep: { seq: number; on: string };
  due: Due | null;
}

export interface StepRequest {
  action: string;
  /** The date the step happened; default: the record's own `data.date`, else today. */
  date?: string | undefined;
  reason?: string | undefined;
  data: Record<string, unknown>;
  role: Grantee | 'system';
}

export interface PlannedStep<Ctx extends CaseContext = CaseContext> {
  action: string;
  label: string;
  seq: number;
  date: string;
  /** The rule set whose parameters the step read. */
  ruleSet: RuleSet;
  from: string;
  to: string;
  phase: Phase;
  data: Record<string, unknown>;
  reason: string | null;
  /** The case's context after the step. */
  context: Ctx;
  /** Deadline of the next step (null: none). */
  due: Due | null;
  /** The end of a public notice the step opens. */
  noticeEnd?: string;
  flags: string[];
  effect?: Effect;
}

export type Plan<Ctx extends CaseContext = CaseContext> = { ok: true; step: PlannedStep<Ctx> } | { ok: false; error: AppError };

export const refusalError = (r: Refusal): AppError => new AppError(r.code, r.message, r.status ?? 409);

export function checkContext<Ctx extends CaseContext>(facts: CaseFacts<Ctx>, act: ActionDefinition<z.ZodType, Ctx>, date: string, params: ParameterSet): CheckContext<Ctx> {
  const ruleSet = act.eventRules ? ruleSetFor(date, params) : facts.ruleSet;
  return { facts, date, ruleSet, params, param: (name) => lookup(params, name, facts.areaCode, date, ruleSet) };
}

function rolesOf(act: { roles: readonly Grantee[] }): string {
  return act.roles.map((r) => GRANTEE_LABELS[r]).join('或');
}

/** Role and state, before anything else is looked at. */
function orderError<Ctx extends CaseContext>(def: WorkflowDefinition<Ctx>, state: string, name: string, role: Grantee | 'system'): AppError | ActionDefinition<z.ZodType, Ctx> {
  const act = def.actions[name];
  if (!act) return AppError.badRequest('unknown_action', `「${def.label}」没有操作 ${name}`, { fields: [{ field: 'action', message: `未知的操作：${name}` }], known: Object.keys(def.actions) });
  if (role !== 'system' && !act.roles.includes(role)) {
    return new AppError('role_not_allowed', `${GRANTEE_LABELS[role]}不能办理「${act.label}」，应由${rolesOf(act)}办理`, 403, { action: name, roles: act.roles });
  }
  if (!act.from.includes(state)) {
    const possible = actionsFrom(def, state).map(([, a]) => a.label).join('、') || '无';
    return AppError.conflict('invalid_transition', `案件当前状态为「${stateLabel(def, state)}」，不能办理「${act.label}」（当前可办理：${possible}）`, { state, action: name });
  }
  return act;
}

function stepDate(req: StepRequest, kase: CaseState<CaseContext>, today: string): string | AppError {
  const own = typeof req.data.date === 'string' ? req.data.date : undefined;
  const date = req.date ?? own ?? today;
  if (date > today) return AppError.field('date', `办理日期 ${date} 不能晚于今天 ${today}`);
  if (date < kase.lastStep.on) return AppError.field('date', `办理日期 ${date} 不能早于上一步的日期 ${kase.lastStep.on}`);
  return date;
}

function nextDue<Ctx extends CaseContext>(def: WorkflowDefinition<Ctx>, act: ActionDefinition<z.ZodType, Ctx>, kase: CaseState<Ctx>, to: string, params: ParameterSet, date: string, ruleSet: RuleSet): Due | null {
  if (act.deadline) return deadlineOf(params, act.deadline, kase.areaCode, date, ruleSet);
  if (act.to === null) return kase.due;
  const spec = def.states[to]?.deadline;
  if (spec === 'keep') return kase.due;
  return spec ? deadlineOf(params, spec, kase.areaCode, date, ruleSet) : null;
}

/** Plans one step: refusal (with the one error type) or the transition. Never touches the database. */
export function plan<Ctx extends CaseContext>(def: WorkflowDefinition<Ctx>, kase: CaseState<Ctx>, req: StepRequest, clock: Clock, params: ParameterSet): Plan<Ctx> {
  try {
    const act = orderError(def, kase.state, req.action, req.role);
    if (act instanceof AppError) return { ok: false, error: act };
    const date = stepDate(req, kase, clock.today());
    if (date instanceof AppError) return { ok: false, error: date };
    const ctx = checkContext(kase, act, date, params);
    for (const check of [...(act.provided ? [act.provided] : []), ...(act.preconditions ?? [])]) {
      const r = check(ctx);
      if (r) return { ok: false, error: refusalError(r) };
    }
    const data = parseOrThrow(act.schema, req.data, 'data') as Record<string, unknown>;
    for (const check of act.checks ?? []) {
      const r = check(ctx, data);
      if (r) return { ok: false, error: refusalError(r) };
    }
    const reason = req.reason && req.reason.trim().length > 0 ? req.reason.trim() : null;
    if (act.reasonRequired && (reason === null || reason.length < 4)) return { ok: false, error: AppError.field('reason', `办理「${act.label}」须书面说明理由（至少4个字）`) };
    const to = act.to ?? kase.state;
    const phase = def.states[to]?.phase;
    if (!phase) throw new Error(`${def.programme} ${def.ruleSet}: state ${to} is not defined`);
    const due = nextDue(def, act, kase, to, params, date, ctx.ruleSet);
    const seq = kase.lastStep.seq + 1;
    const fromPhase = def.states[kase.state]?.phase ?? 'pending';
    const context = { ...kase.context, ...(act.assign?.(data, { seq, on: date, fromState: kase.state, fromPhase, role: req.role }) ?? {}) } as Ctx;
    const flags = act.effect?.kind === 'flag_complaint' ? [...new Set([...kase.flags, 'complaint'])] : [...kase.flags];
    return {
      ok: true,
      step: {
        action: req.action, label: act.label, seq, date, ruleSet: ctx.ruleSet, from: kase.state, to, phase, data, reason, context, due, flags,
        ...(act.effect?.kind === 'notice' && due ? { noticeEnd: due.first ?? due.date } : {}),
        ...(act.effect ? { effect: act.effect } : {}),
      },
    };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e };
    throw e;
  }
}

/** The case's next actions for a role, each allowed or blocked with the first precondition's reason. */
export function nextActions<Ctx extends CaseContext>(def: WorkflowDefinition<Ctx>, kase: CaseFacts<Ctx>, role: Grantee | 'system', today: string, params: ParameterSet) {
  return actionsFrom(def, kase.state)
    .filter(([, a]) => role !== 'auditor' && (role === 'system' || a.roles.includes(role)))
    .filter(([, a]) => !a.provided || a.provided(checkContext(kase, a, today, params)) === null)
    .map(([name, a]) => {
      const ctx = checkContext(kase, a, today, params);
      const blocked = (a.preconditions ?? []).map((p) => p(ctx)).find((r) => r !== null) ?? null;
      return { action: name, act: a, blocked };
    });
}
