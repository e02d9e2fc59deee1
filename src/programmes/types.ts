// A programme (救助项目) as a plug-in: its identity and labels, the kind of assistance, whom it pays
// and how, its workflow per rule set, the benefit a decision freezes (facts → formula → entitlement)
// and what it adds to the statistics. The cases module runs it; payroll and stats read what it
// produces (entitlements, metrics) without knowing which programme it is. Adding one: README.md.
import type { z } from 'zod';
import type { HouseholdFacts, ParameterSet, RuleSet, Step } from '../policy/index.ts';
import type { CaseContext, Refusal, WorkflowDefinition } from '../workflow/definition.ts';
import type { ProgrammeStats } from './stats.ts';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface ProgrammeLabels {
  /** 最低生活保障 */
  name: string;
  /** 低保 */
  short: string;
  /** What it pays: 最低生活保障金 */
  benefit: string;
}

/** A monthly benefit while enrolled; a payment per claim; assistance per disaster event. */
export type ProgrammeKind = 'enrolment' | 'claim' | 'event';
export type Recipient = 'household' | 'person';
export type Schedule = 'monthly' | 'one_off';
/** Whom the payroll pays: the recipient's account (bank file) or cash, an insurer (premium subsidy), an institution (集中供养). */
export type Payee = 'recipient' | 'insurer' | 'institution';
export type PaymentMethod = 'transfer' | 'cash';

/** What a benefit decision reads: the registry household as policy facts, the applicant, the case's context, the date and its parameters. */
export interface BenefitInput<Ctx extends CaseContext> {
  household: HouseholdFacts;
  /** The applicant's member id (as text, as in the facts). */
  applicantId: string;
  context: Ctx;
  params: ParameterSet;
  ruleSet: RuleSet;
  /** The decision date. */
  date: string;
  /** The case's area (village). */
  areaCode: string;
  /** What the programme's own module keeps that the amount depends on (医疗救助: the person's group and the year's totals toward the caps); empty for most. */
  ledger: Readonly<Record<string, unknown>>;
}

/** A frozen amount with its explanation and what the statistics count of it. */
export interface BenefitDecision {
  /** Monthly amount (monthly schedule) or the whole payment (one-off). */
  amountFen: number;
  persons: number;
  /** Numbers the programme's statistics keep (its `stats.summaryKeys`). */
  summary: Record<string, number>;
  explanation: { formula: string; ruleSet: RuleSet; period: string; value: unknown; steps: Step[] };
}

/** Whom a decision's entitlement pays when the programme's parameters decide it (集中供养: the institution). */
export interface PayeeChoice {
  payee: Payee;
  /** The institution paid (payee `institution`): its name and credit code become the entitlement's payee name and number. */
  institutionId?: number;
}

export interface Benefit<Ctx extends CaseContext> {
  schedule: Schedule;
  /** The payee, unless `payeeOf` decides it per decision. */
  payee: Payee;
  /** The payee of one decision, from the context and the parameters in force (pure); default `payee`. */
  payeeOf?(input: { context: Ctx; params: ParameterSet; date: string; areaCode: string; ruleSet: RuleSet }): PayeeChoice;
  /** How the payment goes out; default transfer to the household's bank account. */
  method?(context: Ctx): PaymentMethod;
  /** The amount of an approval, review, change or resumption: pure; a refusal when not eligible. */
  decide(input: BenefitInput<Ctx>): BenefitDecision | Refusal;
}

export interface ProgrammeModule<Ctx extends CaseContext = CaseContext> {
  code: string;
  /** Two capitals: case numbers are prefix + county + year + 6 digits. */
  serialPrefix: string;
  labels: Record<Locale, ProgrammeLabels>;
  kind: ProgrammeKind;
  recipient: Recipient;
  openCases: 'one_per_household' | 'one_per_person' | 'many';
  /** The one-window intake may open it as a case. */
  intake: boolean;
  workflows: Record<RuleSet, WorkflowDefinition<Ctx>>;
  /** What the window records when it opens a case (its fields go into the context), if the programme asks anything. */
  opening?: { schema: z.ZodType<Record<string, unknown>>; context(data: Record<string, unknown>): Partial<Ctx> };
  benefit?: Benefit<Ctx>;
  /** The parameter of the review interval (复核周期) after an amount decision, if the programme reviews. */
  reviewInterval?(stability: NonNullable<CaseContext['stability']>, hukou: string): string;
  /** The parameter of the time limit to notify a rejection. */
  rejectionNoticeParameter?: string;
  /** Economic status verification: the household's authorization always; also the legal supporters'. */
  verification?: { supporters: boolean };
  /** What the programme adds to the statistics. */
  stats: ProgrammeStats;
}
