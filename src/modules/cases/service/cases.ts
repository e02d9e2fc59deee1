// Use cases around the engine: open a case (受理), read it with its timeline and the caller's next
// actions, list the caller's inbox and the overdue cases, record a member's death on every active case.
import { z } from 'zod';
import type { Database } from '../../../db/engine.ts';
import { type Scope } from '../../../kernel/scope.ts';
import { allow } from '../permissions.ts';
import { write } from '../../../db/write.ts';
import { AppError } from '../../../kernel/errors.ts';
import { maskIdNumber, maskName } from '../../../kernel/mask.ts';
import { householdNo, idNumber, isoDate } from '../../../kernel/types.ts';
import { ruleSetFor, worksheetOf } from '../../../policy/index.ts';
import { appendAudit } from '../../../kernel/audit/append.ts';
import { programmeOf } from '../../../programmes/registry.ts';
import { deadlineOf } from '../../../workflow/deadlines.ts';
import { effectName, stateLabel } from '../../../workflow/definition.ts';
import { nextActions } from '../../../workflow/planner.ts';
import { parseOrThrow } from '../../../kernel/validate.ts';
import * as registry from '../../registry/index.ts';
import { mustFindHousehold } from '../../registry/index.ts';
import { displayNames } from '../../users/index.ts';
import * as batches from '../repo/batches.ts';
import * as repo from '../repo/cases.ts';
import { decisionRecords, latestRerates, rerateSteps, type LatestRerate, type RerateStep } from '../repo/rerate-record.ts';
import { caseState, definitionOf, mustFindCase, performTransition } from './engine.ts';
import { caseParameters } from './parameters.ts';
import { hookCase, hooksOf } from './programme-hooks.ts';
import { todayInChina } from '../../../kernel/clock.ts';

export const newCaseSchema = z.strictObject({
  /** A programme code of the registry (GET /programmes). */
  programme: z.string().min(1).max(40),
  householdNo,
  applicantIdNumber: idNumber,
  appliedOn: isoDate.optional(),
  /** 近亲属备案: the applicant's household includes a relative of civil-affairs staff or of a village cadre. */
  staffRelative: z.boolean().default(false),
  cadreRelative: z.boolean().default(false),
  note: z.string().max(1000).default(''),
  /** What the programme asks when a case is opened (its `opening` schema), e.g. 临时救助's kind and urgency. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type NewCase = z.output<typeof newCaseSchema>;

export async function createCase(db: Database, scope: Scope, input: NewCase) {
  allow(scope, 'cases.write');
  if (scope.role !== 'system' && scope.role !== 'township_caseworker') throw new AppError('role_not_allowed', '受理申请应由乡镇（街道）经办员办理', 403);
  const programme = programmeOf(input.programme);
  const details = programme.opening ? parseOrThrow(programme.opening.schema, input.details ?? {}, 'details') : {};
  if (!programme.opening && input.details !== undefined) throw AppError.field('details', `${programme.labels['zh-CN'].name}受理时无需填写其他事项`);
  const today = todayInChina();
  const appliedOn = input.appliedOn ?? today;
  if (appliedOn > today) throw AppError.field('appliedOn', `申请日期 ${appliedOn} 不能晚于今天`);
  const h = await mustFindHousehold(db, scope, input.householdNo);
  const members = await registry.listMembers(db.kysely, h.key);
  const applicant = members.find((m) => m.id_number === input.applicantIdNumber);
  if (!applicant) throw AppError.field('applicantIdNumber', '申请人不是该家庭登记的成员');
  const params = await caseParameters(db);
  const ruleSet = ruleSetFor(appliedOn, params);
  const def = programme.workflows[ruleSet];
  const initial = def.states[def.initial];
  if (!initial) throw new Error(`${def.programme} ${ruleSet}: no initial state`);
  const due = (spec: typeof def.totalDeadline) => (spec ? deadlineOf(params, spec, h.village_code, appliedOn, ruleSet) : null);
  const stepDue = initial.deadline && initial.deadline !== 'keep' ? due(initial.deadline) : null;
  const finalDue = due(def.totalDeadline);
  const flags = [...(input.staffRelative ? ['staff_relative'] : []), ...(input.cadreRelative ? ['cadre_relative'] : [])];
  const context = programme.opening?.context(details) ?? {};
  return write(db, scope, async (tx) => {
    if (programme.openCases !== 'many') {
      const open = await repo.openCases(tx, h.county_code, h.id, programme.code, programme.openCases === 'one_per_person' ? applicant.id : undefined);
      const whose = programme.openCases === 'one_per_person' ? `${applicant.name}已有` : '该家庭已有';
      if (open.length > 0) throw AppError.conflict('case_open', `${whose}办理中的${programme.labels['zh-CN'].name}案件 ${open[0]?.case_no}`, { caseNo: open[0]?.case_no });
    }
    const caseNo = await repo.nextCaseNo(tx, programme.serialPrefix, h.county_code, appliedOn.slice(0, 4));
    const id = await repo.insertCase(tx, {
      county_code: h.county_code, case_no: caseNo, programme: programme.code, rule_set: ruleSet, household_id: h.id, area_code: h.village_code,
      applicant_member_id: applicant.id, applicant_name: applicant.name, applicant_id_number: applicant.id_number,
      state: def.initial, phase: initial.phase, context: JSON.stringify(context), applied_on: appliedOn, state_since: appliedOn, due_date: stepDue?.date ?? null, due_parameter: stepDue?.parameter ?? null,
      final_due_date: finalDue?.date ?? null, flags,
    });
    await repo.insertTransition(tx, {
      county_code: h.county_code, case_id: id, seq: 1, action: 'accept', from_state: null, to_state: def.initial, to_phase: initial.phase, on_date: appliedOn,
      actor_id: scope.userId, actor_name: scope.userName, actor_role: scope.role, reason: null,
      data: JSON.stringify({ householdNo: h.household_no, flags, note: input.note, ...(programme.opening ? { details } : {}) }), attachments: '[]', due_date: stepDue?.date ?? null,
    });
    await hooksOf(programme.code).opened?.(tx, scope, hookCase({ county_code: h.county_code, id, case_no: caseNo, programme: programme.code, household_id: h.id, area_code: h.village_code, applicant_member_id: applicant.id, applicant_name: applicant.name, applicant_id_number: applicant.id_number }, context));
    await appendAudit(tx, scope, { action: 'case.accept', entity: 'case', entityId: caseNo, areaCode: h.village_code, after: { programme: programme.code, ruleSet, householdNo: h.household_no, appliedOn, flags, ...(programme.opening ? { details } : {}) } });
    return { caseNo, ruleSet, state: def.initial, dueDate: stepDue?.date ?? null, finalDueDate: finalDue?.date ?? null };
  });
}

export const isOverdue = (c: Pick<repo.CaseRow, 'due_date' | 'final_due_date' | 'review_due'>, today: string) =>
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
  const { programme, def } = definitionOf(c);
  const [history, decisions, rerates, batch, household, members] = await Promise.all([
    repo.listTransitions(db.kysely, c.key),
    decisionRecords(db.kysely, c.key),
    rerateSteps(db.kysely, c.key),
    batches.batchOfCase(db.kysely, c.county_code, c.id),
    db.kysely.selectFrom('households').select(['household_no', 'hukou']).where('county_code', '=', c.county_code).where('id', '=', c.household_id).executeTakeFirstOrThrow(),
    db.kysely.selectFrom('members').select(['id', 'name', 'hukou']).where('county_code', '=', c.county_code).where('household_id', '=', c.household_id).execute(),
  ]);
  // The worksheet names members as the policy explanation does (masked); computed on read, so old decisions have one too.
  const named = members.map((m) => ({ id: String(m.id), name: maskName(m.name), hukou: m.hukou }));
  const today = todayInChina();
  const params = await caseParameters(db);
  const actors = await displayNames(db.kysely, [...history.map((t) => t.actor_name), ...rerates.map((r) => r.decided_by_name)]);
  const kase = await caseState(db.kysely, c);
  const actions = nextActions(def, kase, scope.role, today, params).map(({ action, act, blocked }) => ({
    action, label: act.label, allowed: blocked === null, blockedCode: blocked?.code ?? null, blockedReason: blocked?.message ?? null, reasonRequired: act.reasonRequired === true, dataSchema: schemaOf(act.schema),
    effect: effectName(act.effect),
  }));
  return {
    caseNo: c.case_no, programme: c.programme, programmeLabel: programme.labels['zh-CN'].name, ruleSet: c.rule_set, definition: def.label,
    state: c.state, stateLabel: stateLabel(def, c.state), phase: c.phase, householdNo: household.household_no, hukou: household.hukou, areaCode: c.area_code,
    applicantName: c.applicant_name, applicantIdNumber: maskIdNumber(c.applicant_id_number),
    appliedOn: c.applied_on, stateSince: c.state_since, dueDate: c.due_date, dueParameter: c.due_parameter, finalDueDate: c.final_due_date,
    noticeEnd: c.notice_end, reviewDue: c.review_due, flags: c.flags, overdue: isOverdue(c, today),
    batch: batch ? { batchNo: batch.batch_no, sampled: batch.sampled, drawn: batch.sampled_on !== null } : null,
    timeline: withActorNames(withRerateSteps(history.map((t) => ({
      seq: t.seq, action: t.action, label: t.action === 'accept' ? '受理' : t.action === 'migrate' ? '迁移导入' : (def.actions[t.action]?.label ?? t.action), fromState: t.from_state, toState: t.to_state,
      date: t.on_date, at: t.at.toISOString(), actorName: t.actor_name, actorRole: t.actor_role, reason: t.reason, data: maskData(t.data), attachments: t.attachments, dueDate: t.due_date,
    })), rerates, c.state), actors),
    decisions: decisions.map((d) => ({ kind: d.kind, decidedOn: d.decided_on, effectiveMonth: d.effective_month, endMonth: d.end_month, amountFen: d.amount_fen, reason: d.reason, notifyBy: d.notify_by, explanation: d.explanation,
      worksheet: worksheetOf(d.explanation, named, d.amount_fen),
    })),
    nextActions: actions,
  };
}

/** The household page's 救助案件 tab: every case of the household, when the household is in scope. */
export async function householdCases(db: Database, scope: Scope, householdNo: string) {
  allow(scope, 'cases.read');
  const h = await mustFindHousehold(db, scope, householdNo);
  const rows = await repo.casesOfHousehold(db.kysely, h.county_code, h.id);
  const rerates = await latestRerates(db.kysely, h.county_code, rows.map((c) => c.id));
  return {
    items: rows.map((c) => withRerate(c, rerates.get(c.id))).map((c) => ({
      caseNo: c.case_no, programme: c.programme, programmeLabel: programmeOf(c.programme).labels['zh-CN'].name, state: c.state, stateLabel: stateLabel(definitionOf(c).def, c.state),
      applicantName: c.applicant_name, appliedOn: c.applied_on, stateSince: c.state_since, reviewDue: c.review_due, flags: c.flags,
      decision: c.decision_kind && c.decided_on ? { kind: c.decision_kind, amountFen: c.amount_fen, effectiveMonth: c.effective_month, decidedOn: c.decided_on } : null,
    })),
  };
}

/** Each step with its actor's display name (null when the actor has no account: a job, the demo data). */
function withActorNames(steps: TimelineEntry[], names: ReadonlyMap<string, string>): (TimelineEntry & { actorDisplayName: string | null })[] {
  return steps.map((s) => ({ ...s, actorDisplayName: names.get(s.actorName) ?? null }));
}

type TimelineEntry = { seq: number; action: string; label: string; fromState: string | null; toState: string; date: string; at: string; actorName: string; actorRole: string; reason: string | null; data: unknown; attachments: unknown; dueDate: string | null };

/**
 * The re-ratings as steps of the timeline, where they fall in time (the state unchanged: the case's state
 * now, as a re-rating only reaches a case in payment). A step has no number of its own: it takes the
 * number of the step before it and a half.
 */
function withRerateSteps(steps: TimelineEntry[], rerates: readonly RerateStep[], state: string): TimelineEntry[] {
  if (rerates.length === 0) return steps;
  const all = [...steps];
  for (const r of rerates) {
    const at = new Date(r.decided_at).toISOString();
    const before = all.filter((t) => t.at <= at).at(-1);
    all.push({
      seq: (before ? Math.floor(before.seq) : 0) + 0.5, action: 'rerate', label: '批量调标', fromState: before?.toState ?? state, toState: before?.toState ?? state,
      date: r.decided_on, at, actorName: r.decided_by_name, actorRole: 'county_approver', reason: r.reason,
      data: { rerateBatchNo: r.batch_no, effectiveMonth: r.effective_month, oldAmountFen: r.old_amount_fen, newAmountFen: r.new_amount_fen }, attachments: [], dueDate: null,
    });
    all.sort((a, b) => a.seq - b.seq);
  }
  return all;
}

/** A re-rating taken after the case's own latest decision stands as its latest decision (a `change`). */
export function withRerate<T extends { decision_id: number | null; decision_kind: string | null; amount_fen: number | null; effective_month: string | null; decided_on: string | null }>(c: T, r: LatestRerate | undefined): T {
  if (!r || (c.decision_id !== null && c.decision_id > r.id)) return c;
  return { ...c, decision_kind: 'change', amount_fen: r.amount_fen, effective_month: r.effective_month, decided_on: r.decided_on };
}

export const deathSchema = z.strictObject({
  householdNo,
  memberIdNumber: idNumber,
  dateOfDeath: isoDate,
  date: isoDate.optional(),
});

/** A member's death opens a review on every active case of the household (due within the parameter's months). */
export async function recordDeath(db: Database, scope: Scope, input: z.output<typeof deathSchema>) {
  allow(scope, 'cases.write');
  const h = await mustFindHousehold(db, scope, input.householdNo);
  const active = (await repo.casesOfHouseholdIn(db.kysely, scope, h.county_code, h.id, ['payable', 'suspended']))
    .filter((c) => definitionOf(c).def.actions.record_death?.from.includes(c.state));
  if (active.length === 0) throw AppError.conflict('no_active_case', '该家庭没有在保案件，无需登记复核');
  const out = [];
  for (const c of active) {
    out.push(await performTransition(db, scope, c.case_no, { action: 'record_death', date: input.date, data: { memberIdNumber: input.memberIdNumber, dateOfDeath: input.dateOfDeath }, attachments: [] }));
  }
  return out;
}
