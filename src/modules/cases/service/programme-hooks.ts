// What a programme's own module adds to the engine, inside the engine's transactions: a claim
// programme keeps records of its own (医疗救助's episodes) that the amount depends on (the year's
// running totals toward the caps) and that must follow the case (the episode reserved when the claim
// is opened, paid when it is approved, void when refused or withdrawn). The module registers them at
// import; the engine calls them without knowing the programme.
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { Phase } from '../../../workflow/definition.ts';

/** The case as a hook sees it (inside the step's transaction, after its row is locked or written). */
export interface HookCase {
  countyCode: string;
  id: number;
  caseNo: string;
  programme: string;
  householdId: number;
  areaCode: string;
  applicantMemberId: number;
  applicantName: string;
  applicantIdNumber: string;
  context: Readonly<Record<string, unknown>>;
}

export interface HookDecision {
  kind: string;
  /** The date of the step. */
  date: string;
  amountFen: number;
  summary: Readonly<Record<string, number>>;
  explanation: unknown;
}

export interface ProgrammeHooks {
  /** The case was opened (after its row): reserve what it claims, or throw an AppError to refuse it. */
  opened?(tx: Kysely<DB>, scope: Scope, c: HookCase): Promise<void>;
  /** Before the benefit decides: what the module knows that the amount depends on (→ `BenefitInput.ledger`). */
  ledger?(tx: Kysely<DB>, c: HookCase, date: string): Promise<Record<string, unknown>>;
  /** After a step: its phase, the data it recorded and, if it decided an amount, the decision. */
  stepped?(tx: Kysely<DB>, scope: Scope, c: HookCase, step: { action: string; phase: Phase; date: string; data: Readonly<Record<string, unknown>>; decision: HookDecision | null }): Promise<void>;
}

const HOOKS = new Map<string, ProgrammeHooks>();

export function registerProgrammeHooks(programme: string, hooks: ProgrammeHooks): void {
  if (HOOKS.has(programme)) throw new Error(`programme hooks for ${programme} registered twice`);
  HOOKS.set(programme, hooks);
}

export function hooksOf(programme: string): ProgrammeHooks {
  return HOOKS.get(programme) ?? {};
}

export function hookCase(c: { county_code: string; id: number; case_no: string; programme: string; household_id: number; area_code: string; applicant_member_id: number; applicant_name: string; applicant_id_number: string }, context: object): HookCase {
  return {
    countyCode: c.county_code, id: c.id, caseNo: c.case_no, programme: c.programme, householdId: c.household_id, areaCode: c.area_code,
    applicantMemberId: c.applicant_member_id, applicantName: c.applicant_name, applicantIdNumber: c.applicant_id_number, context: { ...context },
  };
}
