// The workflow engine, the same for every programme: checks area (scoped fetch), role, state and
// preconditions of a step against the case's definition, validates its data, records the transition,
// runs its effect and sets the next deadline, all in one audited transaction.
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/engine.ts';
import type { DB } from '../../../db/schema.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import { ruleSetFor, type ParameterSet } from '../../../policy/index.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { requestSummaries } from '../../verification/index.ts';
import type { ActionDefinition, CaseFacts, CheckContext, ProgrammeDefinition, Refusal } from '../domain/definition.ts';
import { actionsFrom, definitionFor, ROLE_LABELS, stateLabel } from '../domain/programmes.ts';
import { attachmentSchema } from '../domain/schemas.ts';
import * as batches from '../repo/batches.ts';
import * as repo from '../repo/cases.ts';
import { chainedDeadline, lookup, type Due } from './deadlines.ts';
import { runEffect } from './effects.ts';
import { requireInstitution } from './institutions.ts';
import { caseParameters } from './parameters.ts';
import { todayInChina } from '../../../kernel/clock.ts';

export const transitionInputSchema = z.strictObject({
  action: z.string().min(1).max(40),
  reason: z.string().trim().max(2000).optional(),
  /** The date the step happened (YYYY-MM-DD); default: the record's own date, else today. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  attachments: z.array(attachmentSchema).max(20).default([]),
});
export type TransitionInput = z.output<typeof transitionInputSchema>;

export async function mustFindCase(db: Database, scope: Scope, caseNo: string): Promise<repo.CaseRow> {
  if (!/^(DB|TK)\d{16}$/.test(caseNo)) throw AppError.field('caseNo', '案件编号格式应为 DB/TK + 16 位数字');
  const c = await repo.findCase(db.kysely, scope, caseNo);
  if (c) return c;
  if (await repo.caseExists(db.kysely, caseNo)) throw AppError.forbidden(`案件 ${caseNo} 不在您的管辖范围内`, { caseNo });
  throw AppError.notFound('案件', caseNo);
}

export async function caseFacts(db: Kysely<DB>, c: repo.CaseRow, history: readonly repo.TransitionRow[]): Promise<CaseFacts> {
  const batch = await batches.batchOfCase(db, c.county_code, c.id);
  return {
    programme: c.programme,
    ruleSet: c.rule_set,
    state: c.state,
    areaCode: c.area_code,
    appliedOn: c.applied_on,
    noticeEnd: c.notice_end,
    flags: c.flags,
    history: history.map((t) => ({ seq: t.seq, action: t.action, fromState: t.from_state, toState: t.to_state, onDate: t.on_date, data: t.data as Record<string, unknown> })),
    batch: batch ? { sampled: batch.sampled, drawn: batch.sampled_on !== null, createdOn: batch.created_on } : null,
    verification: await requestSummaries(db, c.county_code, c.id),
  };
}

export function checkContext(facts: CaseFacts, act: ActionDefinition, date: string, params: ParameterSet): CheckContext {
  const ruleSet = act.eventRules ? ruleSetFor(date, params) : facts.ruleSet;
  return { facts, date, ruleSet, params, param: (name) => lookup(params, name, facts.areaCode, date, ruleSet) };
}

const fail = (r: Refusal): AppError => new AppError(r.code, r.message, r.status ?? 409);

function rolesOf(act: ActionDefinition): string {
  return act.roles.map((r) => ROLE_LABELS[r]).join('或');
}

/** Role and state, before anything else is looked at. */
function refuseOrder(def: ProgrammeDefinition, c: repo.CaseRow, name: string, scope: Scope): ActionDefinition {
  const act = def.actions[name];
  if (!act) throw AppError.badRequest('unknown_action', `「${def.label}」没有操作 ${name}`, { fields: [{ field: 'action', message: `未知的操作：${name}` }], known: Object.keys(def.actions) });
  if (scope.role !== 'system' && !act.roles.includes(scope.role)) {
    const who = ROLE_LABELS[scope.role];
    throw new AppError('role_not_allowed', `${who}不能办理「${act.label}」，应由${rolesOf(act)}办理`, 403, { action: name, roles: act.roles });
  }
  if (!act.from.includes(c.state)) {
    const possible = actionsFrom(def, c.state).map(([, a]) => a.label).join('、') || '无';
    throw AppError.conflict('invalid_transition', `案件当前状态为「${stateLabel(def, c.state)}」，不能办理「${act.label}」（当前可办理：${possible}）`, { state: c.state, action: name });
  }
  return act;
}

function stepDate(input: TransitionInput, c: repo.CaseRow, history: readonly repo.TransitionRow[], today: string): string {
  const own = typeof input.data.date === 'string' ? input.data.date : undefined;
  const date = input.date ?? own ?? today;
  const lastDate = history.at(-1)?.on_date ?? c.applied_on;
  if (date > today) throw AppError.field('date', `办理日期 ${date} 不能晚于今天 ${today}`);
  if (date < lastDate) throw AppError.field('date', `办理日期 ${date} 不能早于上一步的日期 ${lastDate}`);
  return date;
}

function nextDue(def: ProgrammeDefinition, act: ActionDefinition, c: repo.CaseRow, to: string, params: ParameterSet, ctx: CheckContext): Due | null {
  if (act.deadline) return chainedDeadline(params, act.deadline, c.area_code, ctx.date, ctx.ruleSet);
  if (act.to === null) return c.due_date && c.due_parameter ? { date: c.due_date, parameter: c.due_parameter } : null;
  const spec = def.states[to]?.deadline;
  if (spec === 'keep') return c.due_date && c.due_parameter ? { date: c.due_date, parameter: c.due_parameter } : null;
  return spec ? chainedDeadline(params, spec, c.area_code, ctx.date, ctx.ruleSet) : null;
}

export async function performTransition(db: Database, scope: Scope, caseNo: string, input: TransitionInput) {
  allow(scope, 'cases.write');
  const c = await mustFindCase(db, scope, caseNo);
  const def = definitionFor(c.programme, c.rule_set);
  const act = refuseOrder(def, c, input.action, scope);
  const params = await caseParameters(db);
  const history = await repo.listTransitions(db.kysely, c.county_code, c.id);
  const ctx = checkContext(await caseFacts(db.kysely, c, history), act, stepDate(input, c, history, todayInChina()), params);
  for (const check of act.preconditions ?? []) {
    const r = check(ctx);
    if (r) throw fail(r);
  }
  const data = parseOrThrow(act.schema, input.data, 'data') as Record<string, unknown>;
  for (const check of act.checks ?? []) {
    const r = check(ctx, data);
    if (r) throw fail(r);
  }
  // A nursing home named in the data must be one of the case's county.
  if (typeof data.institutionId === 'number') await requireInstitution(db, c.county_code, data.institutionId);
  const reason = input.reason && input.reason.length > 0 ? input.reason : null;
  if (act.reasonRequired && (reason === null || reason.length < 4)) throw AppError.field('reason', `办理「${act.label}」须书面说明理由（至少4个字）`);
  const to = act.to ?? c.state;
  const due = nextDue(def, act, c, to, params, ctx);
  return write(db, scope, async (tx) => {
    const locked = await repo.lockCase(tx, c.county_code, c.id);
    if (locked.version !== c.version) throw AppError.conflict('case_changed', '案件已被他人更新，请刷新后重试');
    const seq = (history.at(-1)?.seq ?? 0) + 1;
    const transitionId = await repo.insertTransition(tx, {
      county_code: c.county_code, case_id: c.id, seq, action: input.action, from_state: c.state, to_state: to, on_date: ctx.date,
      actor_id: scope.userId, actor_name: scope.userName, actor_role: scope.role, reason, data: JSON.stringify(data), attachments: JSON.stringify(input.attachments), due_date: due?.date ?? null,
    });
    const patch = act.effect ? await runEffect(act.effect, { tx, params, c, history, date: ctx.date, ruleSet: ctx.ruleSet, data, reason, transitionId, due }) : {};
    const pending = def.states[to]?.pending === true;
    await repo.updateCase(tx, c, {
      state: to,
      ...(to !== c.state ? { state_since: ctx.date } : {}),
      due_date: due?.date ?? null,
      due_parameter: due?.parameter ?? null,
      ...(pending ? {} : { final_due_date: null }),
      ...(def.states[to]?.terminal ? { review_due: null } : {}),
      ...patch,
    });
    await appendAudit(tx, scope, { action: `case.${input.action}`, entity: 'case', entityId: caseNo, areaCode: c.area_code, before: { state: c.state }, after: { state: to, date: ctx.date, reason, data } });
    return { caseNo, state: to, dueDate: (patch.due_date !== undefined ? patch.due_date : due?.date) ?? null };
  });
}
