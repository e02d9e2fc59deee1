// Procedure cases: YAML worked examples of a programme's procedure, run without a database like the
// legislation cases. Each case opens an application as the cases module does (rule set by the
// application date, the initial state's deadline, the whole-case deadline), then plans its dated steps
// with the pure planner on a fixed clock and the shipped parameters, applies each accepted plan as the
// engine does, and compares what the YAML expects: state, phase, deadlines, notice end, context, flags,
// the effect, or a refusal (after which the case stays as it was). The format: README.md beside this file.
// The runner knows no programme: the caller passes the workflow lookup (the registry's `workflowOf`).
import { fixedClock } from '../kernel/clock.ts';
import { AppError } from '../kernel/errors.ts';
import type { Grantee } from '../kernel/permissions.ts';
import { createParameterSet, ruleSetFor, type ParameterRow, type ParameterSet, type RuleSet } from '../policy/index.ts';
import { deadlineOf, type Due } from './deadlines.ts';
import { actionsFrom, effectName, type CaseContext, type VerificationSummary, type WorkflowDefinition } from './definition.ts';
import { nextActions, plan, type CaseState, type PlannedStep } from './planner.ts';
import { BATCH, type DueExpectation, type Expect, type ProcedureCase, type RefusalExpectation, type Step } from './procedure-format.ts';

export { loadProcedureFile, parseProcedureCases, procedureCaseSchema, type ProcedureCase } from './procedure-format.ts';


export interface ProcedureEnv {
  /** The programme's workflow under a rule set (the registry's `workflowOf`). */
  workflowFor(programme: string, ruleSet: RuleSet): WorkflowDefinition<CaseContext>;
  /** The parameter rows (the shipped `defaultParameterRows()`); a case's overlay is added to them. */
  rows: readonly ParameterRow[];
}

/** The case as the engine keeps it between steps, plus what the cases module stores beside it. */
interface Running {
  def: WorkflowDefinition<CaseContext>;
  kase: CaseState;
  finalDue: string | null;
  reviewDue: string | null;
}

function parametersOf(rows: readonly ParameterRow[], c: ProcedureCase): ParameterSet {
  const overlay = c.parameters.map((o): ParameterRow => {
    const template = rows.find((r) => r.name === o.name);
    if (!template) throw new Error(`${c.file} › ${c.name}: parameters names unknown parameter "${o.name}"`);
    return { ...template, area: o.area, ruleSet: o.rule_set ?? null, effective: o.effective, value: o.value, valueReference: 'procedure case value' };
  });
  return createParameterSet([...rows, ...overlay]);
}

function batchFacts(b: (typeof BATCH)[number], createdOn: string): CaseState['batch'] {
  return b === 'none' ? null : { drawn: b !== 'joined', sampled: b === 'sampled', createdOn };
}

const stripFirst = (due: Due | null): Due | null => (due ? { date: due.date, parameter: due.parameter } : null);

/** Opens the case as `createCase` does; an AppError where acceptance is refused. */
function open(c: ProcedureCase, env: ProcedureEnv, params: ParameterSet): Running | AppError {
  try {
    if (c.today !== undefined && c.applied > c.today) return AppError.field('appliedOn', `申请日期 ${c.applied} 不能晚于今天`);
    const ruleSet = ruleSetFor(c.applied, params);
    const def = env.workflowFor(c.programme, ruleSet);
    const initial = def.states[def.initial];
    if (!initial) throw new Error(`${def.programme} ${ruleSet}: no initial state`);
    const stepDue = initial.deadline && initial.deadline !== 'keep' ? deadlineOf(params, initial.deadline, c.area, c.applied, ruleSet) : null;
    const finalDue = def.totalDeadline ? deadlineOf(params, def.totalDeadline, c.area, c.applied, ruleSet) : null;
    const kase: CaseState = {
      programme: def.programme, ruleSet, state: def.initial, areaCode: c.area, appliedOn: c.applied, noticeEnd: null,
      flags: c.flags, context: c.context as CaseContext,
      batch: batchFacts(c.batch ?? 'none', c.applied), verification: (c.verification ?? []) satisfies VerificationSummary[],
      lastStep: { seq: 1, on: c.applied }, due: stripFirst(stepDue),
    };
    return { def, kase, finalDue: finalDue?.date ?? null, reviewDue: c.reviewDue ?? null };
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

/** The engine's update of the case with an accepted plan (cases/service/engine.ts performTransition). */
function apply(r: Running, step: PlannedStep): void {
  r.kase = {
    ...r.kase, state: step.to, context: step.context, flags: step.flags, due: stripFirst(step.due),
    noticeEnd: step.noticeEnd ?? r.kase.noticeEnd, lastStep: { seq: step.seq, on: step.date },
  };
  if (step.phase !== 'pending') r.finalDue = null;
  if (step.phase === 'terminal' || step.phase === 'granted') r.reviewDue = null;
}

const show = (v: unknown): string => JSON.stringify(v) ?? 'undefined';

/** `expected` (a subset, null meaning absent) against `actual`, as "path: expected X, got Y" lines. */
function subset(expected: unknown, actual: unknown, path: string): string[] {
  if (expected === null) return actual === null || actual === undefined ? [] : [`${path}: expected none, got ${show(actual)}`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: expected ${show(expected)}, got ${show(actual)}`];
    return expected.flatMap((e, i) => subset(e, actual[i], `${path}[${i}]`));
  }
  if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return [`${path}: expected ${show(expected)}, got ${show(actual)}`];
    return Object.entries(expected).flatMap(([k, e]) => subset(e, (actual as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return expected === actual ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

function dueProblems(expected: DueExpectation, actual: Due | null): string[] {
  if (expected === null || typeof expected === 'string') return subset(expected, actual?.date ?? null, 'due');
  return subset(expected, actual, 'due');
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

/** The actions that put the case in `role`'s inbox: those the role may take that do not say `never`; review-only ones once the review is due. */
function inboxOf(r: Running, role: Grantee | 'system', today: string): string[] {
  const mine = actionsFrom(r.def, r.kase.state).filter(([, a]) => (role === 'system' || a.roles.includes(role)) && a.inbox !== 'never');
  const onlyWhenDue = mine.length > 0 && mine.every(([, a]) => a.inbox === 'review_due');
  if (onlyWhenDue && (r.reviewDue === null || r.reviewDue > today)) return [];
  return sorted(mine.map(([name]) => name));
}

/** A role's next actions (as the case page shows them) against the expected allowed and blocked ones, both exactly. */
function nextProblems(expected: NonNullable<Expect['next']>, r: Running, params: ParameterSet, today: string): string[] {
  const next = nextActions(r.def, r.kase, expected.role, today, params);
  const allowed = sorted(next.filter((n) => n.blocked === null).map((n) => n.action));
  const blocked = Object.fromEntries(next.flatMap((n) => (n.blocked ? [[n.action, n.blocked.code]] : [])));
  const extra = Object.keys(blocked).filter((a) => !(a in expected.blocked));
  return [
    ...subset(sorted(expected.allowed), allowed, `next(${expected.role}).allowed`),
    ...subset(expected.blocked, blocked, `next(${expected.role}).blocked`),
    ...(extra.length > 0 ? [`next(${expected.role}).blocked: not expected ${show(extra)}`] : []),
  ];
}

/** What the case holds (and, for an accepted step, what the step carried) against the expectation. */
function check(e: Expect, r: Running, params: ParameterSet, today: string, step: PlannedStep | null, due: Due | null): string[] {
  const k = r.kase;
  const out: string[] = [];
  if (e.state !== undefined) out.push(...subset(e.state, k.state, 'state'));
  if (e.phase !== undefined) out.push(...subset(e.phase, r.def.states[k.state]?.phase, 'phase'));
  if (e.due !== undefined) out.push(...dueProblems(e.due, due));
  if (e.finalDue !== undefined) out.push(...subset(e.finalDue, r.finalDue, 'finalDue'));
  if (e.noticeEnd !== undefined) out.push(...subset(e.noticeEnd, k.noticeEnd, 'noticeEnd'));
  if (e.context !== undefined) out.push(...subset(e.context, k.context, 'context'));
  if (e.flags !== undefined) out.push(...subset(sorted(e.flags), sorted(k.flags), 'flags'));
  if (e.ruleSet !== undefined) out.push(...subset(e.ruleSet, step?.ruleSet ?? k.ruleSet, 'ruleSet'));
  if (e.effect !== undefined) out.push(...(step ? subset(e.effect, effectName(step.effect), 'effect') : ['effect: expected, but no step was taken']));
  if (e.next) out.push(...nextProblems(e.next, r, params, today));
  if (e.inbox) out.push(...subset(sorted(e.inbox.actions), inboxOf(r, e.inbox.role, today), `inbox(${e.inbox.role})`));
  return out;
}

function refusalProblems(expected: RefusalExpectation, error: AppError): string[] {
  const out = subset(expected.code, error.code, 'refusal.code');
  if (expected.status !== undefined) out.push(...subset(expected.status, error.status, 'refusal.status'));
  const fields = error.details?.fields?.map((f) => f.field) ?? [];
  if (expected.field !== undefined && !fields.includes(expected.field)) out.push(`refusal.field: expected ${expected.field}, got ${show(fields)}`);
  if (expected.message !== undefined && !error.message.includes(expected.message)) out.push(`refusal.message: expected to contain "${expected.message}", got "${error.message}"`);
  return out.length > 0 ? [...out, `  (refused: ${error.code} ${error.message})`] : [];
}

function runStep(r: Running, s: Step, c: ProcedureCase, params: ParameterSet): string[] {
  if (s.batch !== undefined) r.kase = { ...r.kase, batch: batchFacts(s.batch, s.date ?? r.kase.lastStep.on) };
  if (s.verification !== undefined) r.kase = { ...r.kase, verification: s.verification };
  if (s.reviewDue !== undefined) r.reviewDue = s.reviewDue;
  const own = typeof s.data.date === 'string' ? s.data.date : undefined;
  const today = s.today ?? c.today ?? s.date ?? own;
  if (today === undefined) return ['no clock: give the step a date, or the step or the case a `today`'];
  if (s.action === undefined) {
    if (s.refusal) return ['a refusal needs an action'];
    return s.expect ? check(s.expect, r, params, today, null, r.kase.due) : [];
  }
  const role = s.role ?? r.def.actions[s.action]?.roles[0] ?? 'system';
  const planned = plan(r.def, r.kase, { action: s.action, date: s.date, reason: s.reason, data: s.data, role }, fixedClock(today), params);
  if (!planned.ok) {
    if (!s.refusal) return [`refused unexpectedly: ${planned.error.code} (${planned.error.status}) ${planned.error.message}`];
    return [...refusalProblems(s.refusal, planned.error), ...(s.expect ? check(s.expect, r, params, today, null, r.kase.due) : [])];
  }
  if (s.refusal) return [`expected refusal ${s.refusal.code}, but the step was taken: ${planned.step.from} → ${planned.step.to}`];
  apply(r, planned.step);
  return s.expect ? check(s.expect, r, params, today, planned.step, planned.step.due) : [];
}

/** Runs one case; the problems found (empty when it passes). Stops at the first step that goes wrong. */
export function runProcedureCase(c: ProcedureCase, env: ProcedureEnv): string[] {
  const params = parametersOf(env.rows, c);
  const opened = open(c, env, params);
  if (opened instanceof AppError) {
    if (!c.refusal) return [`acceptance refused unexpectedly: ${opened.code} ${opened.message}`];
    return refusalProblems(c.refusal, opened);
  }
  if (c.refusal) return [`expected acceptance to be refused with ${c.refusal.code}, but the case opened in ${opened.kase.state}`];
  const startProblems = c.start ? check(c.start, opened, params, c.today ?? c.applied, null, opened.kase.due) : [];
  if (startProblems.length > 0) return startProblems.map((p) => `start: ${p}`);
  for (const [i, s] of c.steps.entries()) {
    const problems = runStep(opened, s, c, params);
    const on = s.date ?? s.today;
    if (problems.length > 0) return problems.map((p) => `step ${i + 1} (${s.action ?? 'look'}${on ? ` ${on}` : ''}): ${p}`);
  }
  return [];
}
