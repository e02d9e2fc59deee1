// Use cases around the engine: open a case (受理), read it with its timeline and the caller's next
// actions, list the caller's inbox and the overdue cases, record a member's death on every active case.
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber } from '../../../kernel/mask.ts';
import { ruleSetFor } from '../../../policy/index.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import * as registry from '../../registry/index.ts';
import { mustFindHousehold } from '../../registry/index.ts';
import { PROGRAMMES, type Programme } from '../domain/definition.ts';
import { actionsFrom, definitionFor, inboxStates, PROGRAMME_LABELS, stateLabel } from '../domain/programmes.ts';
import * as batches from '../repo/batches.ts';
import * as repo from '../repo/cases.ts';
import { deadlineFrom } from './deadlines.ts';
import { caseFacts, checkContext, mustFindCase, performTransition } from './engine.ts';
import { caseParameters } from './parameters.ts';
import { todayInChina } from '../../../kernel/clock.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const newCaseSchema = z.strictObject({
  programme: z.enum(PROGRAMMES, { message: '救助项目应为 dibao 或 hardship' }),
  householdNo: z.string().regex(/^\d{14}$/, '户编号应为14位数字'),
  applicantIdNumber: z.string().regex(/^\d{17}[\dX]$/, '身份证号码应为18位'),
  appliedOn: isoDate.optional(),
  /** 近亲属备案: the applicant's household includes a relative of civil-affairs staff or of a village cadre. */
  staffRelative: z.boolean().default(false),
  cadreRelative: z.boolean().default(false),
  note: z.string().max(1000).default(''),
});
export type NewCase = z.output<typeof newCaseSchema>;

const TERMINAL = ['rejected', 'withdrawn', 'exited'];

export async function createCase(db: Database, scope: Scope, input: NewCase) {
  allow(scope, 'cases.write');
  if (scope.role !== 'system' && scope.role !== 'township_caseworker') throw new AppError('role_not_allowed', '受理申请应由乡镇（街道）经办员办理', 403);
  const today = todayInChina();
  const appliedOn = input.appliedOn ?? today;
  if (appliedOn > today) throw AppError.field('appliedOn', `申请日期 ${appliedOn} 不能晚于今天`);
  const h = await mustFindHousehold(db, scope, input.householdNo);
  const members = await registry.listMembers(db.kysely, h.county_code, h.id);
  const applicant = members.find((m) => m.id_number === input.applicantIdNumber);
  if (!applicant) throw AppError.field('applicantIdNumber', '申请人不是该家庭登记的成员');
  const params = await caseParameters(db);
  const ruleSet = ruleSetFor(appliedOn, params);
  const def = definitionFor(input.programme, ruleSet);
  const due = (parameter: string | undefined) => (parameter ? deadlineFrom(params, parameter, h.village_code, appliedOn, ruleSet) : null);
  const initial = def.states[def.initial]?.deadline;
  const stepDue = due(initial && initial !== 'keep' ? initial.parameter : undefined);
  const finalDue = due(def.totalDeadline?.parameter);
  const flags = [...(input.staffRelative ? ['staff_relative'] : []), ...(input.cadreRelative ? ['cadre_relative'] : [])];
  return write(db, scope, async (tx) => {
    const open = await repo.openCasesOfHousehold(tx, h.county_code, h.id, input.programme, TERMINAL);
    if (open.length > 0) throw AppError.conflict('case_open', `该家庭已有办理中的${PROGRAMME_LABELS[input.programme]}案件 ${open[0]?.case_no}`, { caseNo: open[0]?.case_no });
    const caseNo = await repo.nextCaseNo(tx, input.programme, h.county_code, appliedOn.slice(0, 4));
    const id = await repo.insertCase(tx, {
      county_code: h.county_code, case_no: caseNo, programme: input.programme, rule_set: ruleSet, household_id: h.id, area_code: h.village_code,
      applicant_member_id: applicant.id, applicant_name: applicant.name, applicant_id_number: applicant.id_number,
      state: def.initial, applied_on: appliedOn, state_since: appliedOn, due_date: stepDue?.date ?? null, due_parameter: stepDue?.parameter ?? null,
      final_due_date: finalDue?.date ?? null, flags,
    });
    await repo.insertTransition(tx, {
      county_code: h.county_code, case_id: id, seq: 1, action: 'accept', from_state: null, to_state: def.initial, on_date: appliedOn,
      actor_id: scope.userId, actor_name: scope.userName, actor_role: scope.role, reason: null,
      data: JSON.stringify({ householdNo: h.household_no, flags, note: input.note }), attachments: '[]', due_date: stepDue?.date ?? null,
    });
    await appendAudit(tx, scope, { action: 'case.accept', entity: 'case', entityId: caseNo, areaCode: h.village_code, after: { programme: input.programme, ruleSet, householdNo: h.household_no, appliedOn, flags } });
    return { caseNo, ruleSet, state: def.initial, dueDate: stepDue?.date ?? null, finalDueDate: finalDue?.date ?? null };
  });
}

const isOverdue = (c: Pick<repo.CaseRow, 'due_date' | 'final_due_date' | 'review_due'>, today: string) =>
  [c.due_date, c.final_due_date, c.review_due].some((d) => d !== null && d < today);

/** ID numbers in recorded data are shown masked. */
function maskData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskData);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, /idnumber/i.test(k) && typeof v === 'string' ? maskIdNumber(v) : maskData(v)]));
  return value;
}

function schemaOf(schema: z.ZodType): unknown {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  } catch {
    return null;
  }
}

export async function getCase(db: Database, scope: Scope, caseNo: string) {
  allow(scope, 'cases.read');
  const c = await mustFindCase(db, scope, caseNo);
  const def = definitionFor(c.programme, c.rule_set);
  const [history, decisions, batch, household] = await Promise.all([
    repo.listTransitions(db.kysely, c.county_code, c.id),
    repo.listDecisions(db.kysely, c.county_code, c.id),
    batches.batchOfCase(db.kysely, c.county_code, c.id),
    db.kysely.selectFrom('households').select(['household_no', 'hukou']).where('county_code', '=', c.county_code).where('id', '=', c.household_id).executeTakeFirstOrThrow(),
  ]);
  const today = todayInChina();
  const params = await caseParameters(db);
  const facts = await caseFacts(db.kysely, c, history);
  const nextActions = actionsFrom(def, c.state)
    .filter(([, a]) => scope.role !== 'auditor' && (scope.role === 'system' || a.roles.includes(scope.role)))
    .map(([name, a]) => {
      const ctx = checkContext(facts, a, today, params);
      const blocked = (a.preconditions ?? []).map((p) => p(ctx)).find((r) => r !== null) ?? null;
      return { action: name, label: a.label, allowed: blocked === null, blockedCode: blocked?.code ?? null, blockedReason: blocked?.message ?? null, reasonRequired: a.reasonRequired === true, dataSchema: schemaOf(a.schema) };
    });
  return {
    caseNo: c.case_no, programme: c.programme, programmeLabel: PROGRAMME_LABELS[c.programme], ruleSet: c.rule_set, definition: def.label,
    state: c.state, stateLabel: stateLabel(def, c.state), householdNo: household.household_no, hukou: household.hukou, areaCode: c.area_code,
    applicantName: c.applicant_name, applicantIdNumber: maskIdNumber(c.applicant_id_number),
    appliedOn: c.applied_on, stateSince: c.state_since, dueDate: c.due_date, dueParameter: c.due_parameter, finalDueDate: c.final_due_date,
    noticeEnd: c.notice_end, reviewDue: c.review_due, flags: c.flags, overdue: isOverdue(c, today),
    batch: batch ? { batchNo: batch.batch_no, sampled: batch.sampled, drawn: batch.sampled_on !== null } : null,
    timeline: history.map((t) => ({
      seq: t.seq, action: t.action, label: t.action === 'accept' ? '受理' : (def.actions[t.action]?.label ?? t.action), fromState: t.from_state, toState: t.to_state,
      date: t.on_date, at: t.at.toISOString(), actorName: t.actor_name, actorRole: t.actor_role, reason: t.reason, data: maskData(t.data), attachments: t.attachments, dueDate: t.due_date,
    })),
    decisions: decisions.map((d) => ({ kind: d.kind, decidedOn: d.decided_on, effectiveMonth: d.effective_month, endMonth: d.end_month, amountFen: d.amount_fen, reason: d.reason, notifyBy: d.notify_by, explanation: d.explanation })),
    nextActions,
  };
}

export const listQuerySchema = z.strictObject({
  area: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为6、9或12位数字').optional(),
  programme: z.enum(PROGRAMMES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().regex(/^\d{4}-\d{2}-\d{2}:\d+$/, '游标格式应为 日期:编号').optional(),
});
export type ListQuery = z.output<typeof listQuerySchema>;

async function list(db: Database, scope: Scope, q: ListQuery, mode: 'inbox' | 'overdue') {
  allow(scope, 'cases.read');
  const today = todayInChina();
  const after = q.after ? { due: q.after.slice(0, 10), id: Number(q.after.slice(11)) } : undefined;
  const role = scope.role === 'system' ? null : scope.role;
  const states = mode === 'inbox' ? (role ? inboxStates(role) : []) : undefined;
  const rows = await repo.listCases(db.kysely, scope, { states, overdueOn: mode === 'overdue' ? today : undefined, today, area: q.area, programme: q.programme as Programme | undefined, limit: q.limit, after });
  const items = rows.map((c) => {
    const def = definitionFor(c.programme, c.rule_set);
    const mine = actionsFrom(def, c.state).filter(([, a]) => role !== null && a.roles.includes(role) && a.inbox !== 'never');
    return {
      caseNo: c.case_no, programme: c.programme, ruleSet: c.rule_set, state: c.state, stateLabel: stateLabel(def, c.state),
      applicantName: c.applicant_name, areaCode: c.area_code, villageName: c.village_name, appliedOn: c.applied_on,
      dueDate: c.due_date, finalDueDate: c.final_due_date, reviewDue: c.review_due, overdue: isOverdue(c, today), flags: c.flags,
      actions: mine.map(([name, a]) => ({ action: name, label: a.label })),
    };
  });
  const last = rows.at(-1);
  return { items, next: rows.length === q.limit && last ? `${last.due_key}:${last.id}` : null };
}

export const inbox = (db: Database, scope: Scope, q: ListQuery) => list(db, scope, q, 'inbox');
export const overdue = (db: Database, scope: Scope, q: ListQuery) => list(db, scope, q, 'overdue');

/** The household page's 救助案件 tab: every case of the household, when the household is in scope. */
export async function householdCases(db: Database, scope: Scope, householdNo: string) {
  allow(scope, 'cases.read');
  const h = await mustFindHousehold(db, scope, householdNo);
  const rows = await repo.casesOfHousehold(db.kysely, h.county_code, h.id);
  return {
    items: rows.map((c) => ({
      caseNo: c.case_no, programme: c.programme, programmeLabel: PROGRAMME_LABELS[c.programme], state: c.state, stateLabel: stateLabel(definitionFor(c.programme, c.rule_set), c.state),
      applicantName: c.applicant_name, appliedOn: c.applied_on, stateSince: c.state_since, reviewDue: c.review_due, flags: c.flags,
      decision: c.decision_kind && c.decided_on ? { kind: c.decision_kind, amountFen: c.amount_fen, effectiveMonth: c.effective_month, decidedOn: c.decided_on } : null,
    })),
  };
}

export const deathSchema = z.strictObject({
  householdNo: z.string().regex(/^\d{14}$/, '户编号应为14位数字'),
  memberIdNumber: z.string().regex(/^\d{17}[\dX]$/, '身份证号码应为18位'),
  dateOfDeath: isoDate,
  date: isoDate.optional(),
});

/** A member's death opens a review on every active case of the household (due within the parameter's months). */
export async function recordDeath(db: Database, scope: Scope, input: z.output<typeof deathSchema>) {
  allow(scope, 'cases.write');
  const h = await mustFindHousehold(db, scope, input.householdNo);
  const active = await repo.activeCasesOfHousehold(db.kysely, scope, h.county_code, h.id, ['approved', 'suspended', 'gradual_exit']);
  if (active.length === 0) throw AppError.conflict('no_active_case', '该家庭没有在保案件，无需登记复核');
  const out = [];
  for (const c of active) {
    out.push(await performTransition(db, scope, c.case_no, { action: 'record_death', date: input.date, data: { memberIdNumber: input.memberIdNumber, dateOfDeath: input.dateOfDeath }, attachments: [] }));
  }
  return out;
}
