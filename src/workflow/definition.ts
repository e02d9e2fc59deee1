// The workflow language: a programme's procedure as data. States carry a phase tag (the engine writes
// it into cases.phase, so no module keeps its own state lists); actions say who may take them from
// which states, what they check, what they record into the case's context and what they set in motion.
// The planner (planner.ts) reads these objects; the cases module runs them.
import type { z } from 'zod';
import type { Grantee } from '../kernel/permissions.ts';
import type { ParameterSet, ParameterValue, RuleSet } from '../policy/index.ts';

/**
 * A state's phase: `pending` before the decision; `granted` decided and given (a one-off claim);
 * `payable` in payment (an enrolment being paid, also while under review); `suspended` granted but not
 * paid; `terminal` closed without anything running (rejected, withdrawn, exited).
 */
export const PHASES = ['pending', 'granted', 'payable', 'suspended', 'terminal'] as const;
export type Phase = (typeof PHASES)[number];

/** Where and when a step was recorded: its sequence number on the case and its date. */
export interface StepMark {
  seq: number;
  on: string;
}

/** The result of an economic status verification as the case records it. */
export interface VerificationMark extends StepMark {
  method: 'manual' | 'request';
  result: 'pass' | 'fail';
  requestNo?: string;
}

/**
 * What steps record about a case, read by guards, facts and figures (no digging through the history by
 * action name). Programmes extend it with their own keys.
 */
export interface CaseContext {
  /** The application's economic status verification. */
  verification?: VerificationMark;
  /** A review's income re-check. */
  incomeCheck?: VerificationMark;
  homeVisit?: StepMark;
  communityReview?: StepMark;
  /** The last objection to a public notice. */
  objection?: StepMark;
  /** The last county home visit (spot check, or after a complaint). */
  countyVisit?: StepMark;
  /** The last complaint (a sampled pending case needs a county visit after it). */
  complaint?: StepMark;
  /** The last complaint recorded while the case was granted (the next review decision needs a county visit after it). */
  grantedComplaint?: StepMark;
  /** The start of the current review: a scheduled review or a member's death. */
  reviewStart?: StepMark;
  /** Household stability at the last decision (sets the review interval). */
  stability?: 'stable' | 'unstable' | 'chronic';
}

/** The case as guards see it: its record, what its steps recorded, and what other modules know of it. */
export interface CaseFacts<Ctx extends CaseContext = CaseContext> {
  programme: string;
  ruleSet: RuleSet;
  state: string;
  areaCode: string;
  appliedOn: string;
  noticeEnd: string | null;
  flags: readonly string[];
  context: Ctx;
  /** The county batch the case is in, with its spot check (cases module). */
  batch: { sampled: boolean; drawn: boolean; createdOn: string } | null;
  /** Economic status verification requests of the case (verification module), oldest first. */
  verification: readonly VerificationSummary[];
}

/** One verification request as the verification steps see it: findings that break a policy limit, unresolved or confirmed. */
export interface VerificationSummary {
  requestNo: string;
  kind: 'application' | 'rescreen';
  requestedOn: string;
  findings: number;
  unresolvedBreaking: number;
  confirmedBreaking: number;
}

export interface CheckContext<Ctx extends CaseContext = CaseContext> {
  facts: CaseFacts<Ctx>;
  /** The date the step happens (YYYY-MM-DD). */
  date: string;
  /** Rule set whose parameters apply to this step (the case's, or the event date's for dynamic management). */
  ruleSet: RuleSet;
  /** The parameter in force for the case's area on `date`, or null when the rule set has none. */
  param(name: string): ParameterValue | null;
  params: ParameterSet;
}

/** A refusal: a machine code and the reason in Chinese. */
export interface Refusal {
  code: string;
  message: string;
  status?: 400 | 403 | 409;
}

// Guards are declared as methods so a programme's definitions, typed on its own context, count as
// definitions on the common context in the registry (method parameters are compared bivariantly).
/** Checked before the step with what the case already holds (shown as "blocked" in the next actions). */
export type Precondition<Ctx extends CaseContext = CaseContext> = { check(ctx: CheckContext<Ctx>): Refusal | null }['check'];
/** Checked with the step's validated data. */
export type DataCheck<D, Ctx extends CaseContext = CaseContext> = { check(ctx: CheckContext<Ctx>, data: D): Refusal | null }['check'];

/**
 * What a step sets in motion besides moving the case. `notice` opens a public notice (its end is the
 * deadline's first limit); `flag_complaint` flags the case (a pending case joins its batch's sample);
 * `decide` writes a decision (and its entitlement) of the given kind; `death_review` checks the member.
 */
export type Effect =
  | { kind: 'notice' }
  | { kind: 'flag_complaint' }
  | { kind: 'decide'; decision: DecisionKind }
  | { kind: 'death_review' };

/** An effect by name: notice, flag_complaint, death_review, decide/<kind>; null: none. */
export const effectName = (e: Effect | undefined): string | null => (e === undefined ? null : e.kind === 'decide' ? `decide/${e.decision}` : e.kind);

/** Decisions: those that set an amount, and those that stop or refuse. */
export const AMOUNT_DECISIONS = ['approve', 'review', 'change', 'resume', 'gradual_exit'] as const;
/** `migration` (迁移导入): a case brought in from a previous system by the caseload import, with the amount that system decided; no workflow step takes it. */
export const DECISION_KINDS = [...AMOUNT_DECISIONS, 'reject', 'suspend', 'exit', 'migration'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface DeadlineSpec {
  /** A time-limit parameter (working_days, days or months) counted from the step's date. */
  parameter: string;
  /** A second limit counted from the end of the first (a decision due N working days after a notice ends). */
  then?: string;
  /** The rule sets that set this limit; under others the step has none (by declaration, not by a missing value). */
  onlyIn?: readonly RuleSet[];
  /**
   * A limit introduced later than the rule set (e.g. the 2022 notice's death review): where no value is in
   * force yet there is none. Declared, so a missing value of any other deadline stays an error.
   */
  optional?: true;
}

export interface ActionDefinition<S extends z.ZodType = z.ZodType, Ctx extends CaseContext = CaseContext> {
  /** The step's name for staff (Chinese), and in English for the English page. */
  label: string;
  labelEn: string;
  from: readonly string[];
  /** The next state; `null` keeps the case where it is (a record such as an objection). */
  to: string | null;
  roles: readonly Grantee[];
  schema: S;
  /** A reason in words is required (rejections, exits, suspensions). */
  reasonRequired?: boolean;
  preconditions?: readonly Precondition<Ctx>[];
  /**
   * Whether the rule set in force provides the action at all (渐退 under cn-2012: no): where it refuses, the
   * action is not offered among the next actions, and asked for it is refused with that reason.
   */
  provided?: Precondition<Ctx>;
  checks?: readonly DataCheck<z.output<S>, Ctx>[];
  /** What the step records into the case's context (validated data, with the step's mark). */
  assign?(data: z.output<S>, step: StepMark & { fromState: string; fromPhase: Phase; role: Grantee | 'system' }): Partial<Ctx>;
  effect?: Effect;
  /** Deadline of the next step, overriding the target state's. */
  deadline?: DeadlineSpec;
  /** Parameters of the event's date (dynamic management years after the application), not the case's rule set. */
  eventRules?: boolean;
  /** Whether the action puts the case in the inbox of those who may take it. */
  inbox?: 'always' | 'never' | 'review_due';
}

export interface StateDefinition {
  label: string;
  labelEn: string;
  phase: Phase;
  /** Time limit for leaving this state, from the day the case enters it; 'keep' keeps the running one. */
  deadline?: DeadlineSpec | 'keep';
}

export interface WorkflowDefinition<Ctx extends CaseContext = CaseContext> {
  programme: string;
  ruleSet: RuleSet;
  label: string;
  labelEn: string;
  initial: string;
  /** Whole-case time limit from acceptance, where the rule set has one. */
  totalDeadline?: DeadlineSpec;
  /** Spot-check ratio of the county batch, for programmes decided in county batches. */
  spotCheckParameter?: string;
  states: Record<string, StateDefinition>;
  actions: Record<string, ActionDefinition<z.ZodType, Ctx>>;
}

/** Keeps each action's checks and assignment typed against its own schema. */
export function action<S extends z.ZodType, Ctx extends CaseContext = CaseContext>(def: ActionDefinition<S, NoInfer<Ctx>>): ActionDefinition<z.ZodType, Ctx> {
  return def as unknown as ActionDefinition<z.ZodType, Ctx>;
}

/** Actions of the definition that can be taken from `state` (any role). */
export function actionsFrom<Ctx extends CaseContext>(def: WorkflowDefinition<Ctx>, state: string): [string, ActionDefinition<z.ZodType, Ctx>][] {
  return Object.entries(def.actions).filter(([, a]) => a.from.includes(state));
}

export function stateLabel<Ctx extends CaseContext>(def: WorkflowDefinition<Ctx>, state: string): string {
  return def.states[state]?.label ?? state;
}

/** States of the definition in a phase. */
export function statesIn<Ctx extends CaseContext>(def: WorkflowDefinition<Ctx>, ...phases: Phase[]): string[] {
  return Object.entries(def.states).filter(([, s]) => phases.includes(s.phase)).map(([name]) => name);
}
