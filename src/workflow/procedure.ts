// Procedure cases: YAML worked examples of a programme's procedure, run without a database like the
// legislation cases. Each case opens an application as the cases module does (rule set by the
// application date, the initial state's deadline, the whole-case deadline), then plans its dated steps
// with the pure planner on a fixed clock and the shipped parameters, applies each accepted plan as the
// engine does, and compares what the YAML expects: state, phase, deadlines, notice end, context, flags,
// the effect, or a refusal (after which the case stays as it was). The format: README.md beside this file.
// The runner knows no programme: the caller passes the workflow lookup (the registry's `workflowOf`).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { fixedClock } from '../kernel/clock.ts';
import { AppError } from '../kernel/errors.ts';
import { ROLES, type Role } from '../kernel/permissions.ts';
import { createParameterSet, isIsoDate, RULE_SETS, ruleSetFor, type ParameterRow, type ParameterSet, type RuleSet } from '../policy/index.ts';
import { deadlineOf, type Due } from './deadlines.ts';
import { actionsFrom, PHASES, type CaseContext, type Effect, type VerificationSummary, type WorkflowDefinition } from './definition.ts';
import { nextActions, plan, type CaseState, type PlannedStep } from './planner.ts';

// ---- The format ----

const date = z.string().refine(isIsoDate, '应为有效日期 YYYY-MM-DD');
const role = z.enum([...ROLES, 'system']);

const refusalSchema = z.strictObject({
  code: z.string().min(1),
  status: z.union([z.literal(400), z.literal(403), z.literal(409)]).optional(),
  /** A field the error names (a 400): `date`, `reason`, `data.staff`… */
  field: z.string().min(1).optional(),
  /** Words the message contains. */
  message: z.string().min(1).optional(),
});

/** Where the case stands in the county batch: not in one, in one not yet drawn, drawn without or with the case in the sample. */
const BATCH = ['none', 'joined', 'not_sampled', 'sampled'] as const;

const requestSchema = z
  .strictObject({
    requestNo: z.string().regex(/^HD\d{18}$/, '核对请求编号应为 HD + 18 位数字'),
    kind: z.enum(['application', 'rescreen']).default('application'),
    requestedOn: date,
    findings: z.number().int().min(0).default(0),
    unresolvedBreaking: z.number().int().min(0).default(0),
    confirmedBreaking: z.number().int().min(0).default(0),
  })
  .refine((r) => r.unresolvedBreaking + r.confirmedBreaking <= r.findings, { message: 'findings 应不少于 unresolvedBreaking + confirmedBreaking', path: ['findings'] });

const dueSchema = z.union([z.null(), date, z.strictObject({ date, parameter: z.string().min(1).optional(), first: date.optional() })]);

const expectSchema = z.strictObject({
  state: z.string().min(1).optional(),
  phase: z.enum(PHASES).optional(),
  /** The deadline of the next step: a date, null for none, or {date, parameter, first}. */
  due: dueSchema.optional(),
  /** The whole-case deadline (cleared once the case leaves the pending phase). */
  finalDue: z.union([z.null(), date]).optional(),
  noticeEnd: z.union([z.null(), date]).optional(),
  /** Keys of the context (a subset; null: absent). */
  context: z.record(z.string(), z.unknown()).optional(),
  flags: z.array(z.string()).optional(),
  /** The rule set whose parameters the step read (the event's date for dynamic management). */
  ruleSet: z.enum(RULE_SETS).optional(),
  /** The effect the step carries: notice, flag_complaint, death_review, decide/<kind>; null: none. */
  effect: z.union([z.null(), z.string().min(1)]).optional(),
  /** A role's next actions: those allowed and those blocked with the precondition's code. */
  next: z.strictObject({ role, allowed: z.array(z.string()).default([]), blocked: z.record(z.string(), z.string()).default({}) }).optional(),
  /** The actions that put the case in a role's inbox ([]: not in it). */
  inbox: z.strictObject({ role, actions: z.array(z.string()) }).optional(),
});
type Expect = z.output<typeof expectSchema>;

/** External facts (other modules' records) as of a step; a step's value replaces the case's from then on. */
const factsShape = {
  batch: z.enum(BATCH).optional(),
  verification: z.array(requestSchema).optional(),
  /** The review date the last decision set (cases module), for the inbox. */
  reviewDue: z.union([z.null(), date]).optional(),
};

const stepSchema = z.strictObject({
  /** The step; without one, the entry only looks at the case on `today` (and may change the facts). */
  action: z.string().min(1).optional(),
  /** Default: the first role the action names. */
  role: role.optional(),
  date: date.optional(),
  /** The clock; default the case's `today`, else the step's date. */
  today: date.optional(),
  reason: z.string().optional(),
  data: z.record(z.string(), z.unknown()).default({}),
  ...factsShape,
  expect: expectSchema.optional(),
  refusal: refusalSchema.optional(),
});

const overlaySchema = z.strictObject({
  name: z.string().min(1),
  area: z.string().default('CN'),
  rule_set: z.enum(RULE_SETS).optional(),
  effective: date,
  /** null ends the value from `effective` (no value in force at that area). */
  value: z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()]),
});

export const procedureCaseSchema = z.strictObject({
  name: z.string().min(1),
  programme: z.string().min(1),
  applied: date,
  /** The household's village (12 digits). */
  area: z.string().regex(/^\d{12}$/, '应为12位村（社区）区划代码'),
  today: date.optional(),
  flags: z.array(z.string()).default([]),
  context: z.record(z.string(), z.unknown()).default({}),
  ...factsShape,
  parameters: z.array(overlaySchema).default([]),
  /** What the opened case holds. */
  start: expectSchema.optional(),
  /** The application is refused at acceptance (e.g. a deadline parameter without a value). */
  refusal: refusalSchema.optional(),
  /** The steps in order; an entry may be a list of steps (a YAML alias of a walk written once in the file). */
  steps: z.array(z.union([stepSchema, z.array(stepSchema)])).default([]).transform((xs) => xs.flat()),
}).refine((c) => c.refusal === undefined || (c.steps.length === 0 && c.start === undefined), { message: '受理被拒绝的案件没有 start 和 steps', path: ['refusal'] });
export type ProcedureCase = z.output<typeof procedureCaseSchema> & { file: string };
type Step = ProcedureCase['steps'][number];

/** The cases of one YAML text (a list); a malformed case fails naming the file, the case and the field. */
export function parseProcedureCases(text: string, file: string): ProcedureCase[] {
  const raw: unknown = parse(text);
  if (!Array.isArray(raw)) throw new Error(`${file}: a procedure case file is a list of cases`);
  return raw.map((entry: unknown, i) => {
    const parsed = procedureCaseSchema.safeParse(entry);
    const name = entry !== null && typeof entry === 'object' && 'name' in entry ? `"${String(entry.name)}"` : '(no name)';
    if (!parsed.success) throw new Error(`${file} case #${i + 1} ${name}:\n${z.prettifyError(parsed.error)}`);
    return { ...parsed.data, file };
  });
}

export function loadProcedureFile(path: string, file = path): ProcedureCase[] {
  return parseProcedureCases(readFileSync(path, 'utf8'), file);
}

// ---- The run ----

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

const effectName = (e: Effect | undefined): string | null => (e === undefined ? null : e.kind === 'decide' ? `decide/${e.decision}` : e.kind);
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

function dueProblems(expected: z.output<typeof dueSchema>, actual: Due | null): string[] {
  if (expected === null || typeof expected === 'string') return subset(expected, actual?.date ?? null, 'due');
  return subset(expected, actual, 'due');
}

const sorted = (xs: readonly string[]): string[] => [...xs].sort();

/** The actions that put the case in `role`'s inbox: those the role may take that do not say `never`; review-only ones once the review is due. */
function inboxOf(r: Running, role: Role | 'system', today: string): string[] {
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

function refusalProblems(expected: z.output<typeof refusalSchema>, error: AppError): string[] {
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
