// The shape of a programme's workflow: a declarative definition per programme and rule set (states,
// transitions with allowed roles, preconditions, deadline parameters, data schemas). The engine
// (service/engine.ts) is the same for every programme; programmes differ only by these objects.
import type { z } from 'zod';
import type { ParameterSet, ParameterValue, RuleSet } from '../../../policy/index.ts';
import type { Role } from '../../../kernel/permissions.ts';

export const PROGRAMMES = ['dibao', 'hardship'] as const;
export type Programme = (typeof PROGRAMMES)[number];

/** A transition recorded on the case, as preconditions see it. */
export interface PastTransition {
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  onDate: string;
  data: Record<string, unknown>;
}

/** What a precondition reads: the case as it is, its history, the date of the step and the parameters. */
export interface CaseFacts {
  programme: Programme;
  ruleSet: RuleSet;
  state: string;
  areaCode: string;
  appliedOn: string;
  noticeEnd: string | null;
  flags: readonly string[];
  history: readonly PastTransition[];
  /** Spot check of the county batch the case is in, if any. */
  batch: { sampled: boolean; drawn: boolean; createdOn: string } | null;
  /** Economic status verification requests of the case (the verification module), oldest first. */
  verification?: readonly VerificationSummary[];
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

export interface CheckContext {
  facts: CaseFacts;
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

/** Checked before the step with what the case already holds (shown as "blocked" in the next actions). */
export type Precondition = (ctx: CheckContext) => Refusal | null;
/** Checked with the step's validated data. */
export type DataCheck<D> = (ctx: CheckContext, data: D) => Refusal | null;

/** Side effects the engine runs inside the step's transaction (service/effects.ts). */
export type EffectName =
  | 'start_notice'
  | 'add_complaint_flag'
  | 'decide_approve'
  | 'decide_reject'
  | 'decide_review'
  | 'decide_change'
  | 'decide_suspend'
  | 'decide_resume'
  | 'decide_gradual_exit'
  | 'decide_exit'
  | 'death_review'
  | 'scheduled_review';

export interface DeadlineSpec {
  /** A time-limit parameter (working_days, days or months) counted from the step's date. */
  parameter: string;
  /** A second limit counted from the end of the first (a decision due N working days after a notice ends). */
  then?: string;
}

export interface ActionDefinition<S extends z.ZodType = z.ZodType> {
  label: string;
  from: readonly string[];
  /** The next state; `null` keeps the case where it is (a record such as an objection). */
  to: string | null;
  roles: readonly Role[];
  schema: S;
  /** A reason in words is required (rejections, exits, suspensions). */
  reasonRequired?: boolean;
  preconditions?: readonly Precondition[];
  checks?: readonly DataCheck<z.output<S>>[];
  effect?: EffectName;
  /** Deadline of the next step, overriding the target state's. */
  deadline?: DeadlineSpec;
  /** Parameters of the event's date (dynamic management years after the application), not the case's rule set. */
  eventRules?: boolean;
  /** Whether the action puts the case in the inbox of those who may take it. */
  inbox?: 'always' | 'never' | 'review_due';
}

export interface StateDefinition {
  label: string;
  /** Time limit for leaving this state, from the day the case enters it; 'keep' keeps the running one. */
  deadline?: DeadlineSpec | 'keep';
  /** No further step (rejected, exited). */
  terminal?: boolean;
  /** Before the decision: counts against the whole-case time limit. */
  pending?: boolean;
}

export interface ProgrammeDefinition {
  programme: Programme;
  ruleSet: RuleSet;
  label: string;
  initial: string;
  /** Whole-case time limit from acceptance, where the rule set has one. */
  totalDeadline?: DeadlineSpec;
  /** Spot-check ratio of the county batch. */
  spotCheckParameter: string;
  states: Record<string, StateDefinition>;
  actions: Record<string, ActionDefinition>;
}

/** Helper that keeps each action's checks typed against its own schema. */
export function action<S extends z.ZodType>(def: ActionDefinition<S>): ActionDefinition {
  return def as unknown as ActionDefinition;
}
