// Response shapes of the cases API: they document the routes in /api/openapi.json for the web pages.
import { z } from 'zod';
import { worksheetLineSchema } from '../../policy/index.ts';
import { PHASES } from '../../workflow/definition.ts';

const date = z.string().nullable();

export const createdCase = z.object({ caseNo: z.string(), ruleSet: z.string(), state: z.string(), dueDate: date, finalDueDate: date });
export const stepResult = z.object({ caseNo: z.string(), state: z.string(), dueDate: date });

const listItem = z.object({
  caseNo: z.string(), programme: z.string(), ruleSet: z.string(), state: z.string(), stateLabel: z.string(),
  applicantName: z.string(), areaCode: z.string(), villageName: z.string(), appliedOn: z.string(),
  dueDate: date, finalDueDate: date, reviewDue: date, overdue: z.boolean(), flags: z.array(z.string()),
  actions: z.array(z.object({ action: z.string(), label: z.string() })),
});
/** `total`: the matching cases, exact up to 10,000 (`totalCapped`: more than that). */
export const caseList = z.object({ items: z.array(listItem), next: z.string().nullable(), total: z.number(), totalCapped: z.boolean() });

export const caseDetail = z.object({
  caseNo: z.string(), programme: z.string(), programmeLabel: z.string(), ruleSet: z.string(), definition: z.string(),
  state: z.string(), stateLabel: z.string(), phase: z.enum(PHASES), householdNo: z.string(), hukou: z.string(), areaCode: z.string(),
  applicantName: z.string(), applicantIdNumber: z.string(), appliedOn: z.string(), stateSince: z.string(),
  dueDate: date, dueParameter: z.string().nullable(), finalDueDate: date, noticeEnd: date, reviewDue: date,
  flags: z.array(z.string()), overdue: z.boolean(),
  batch: z.object({ batchNo: z.string(), sampled: z.boolean(), drawn: z.boolean() }).nullable(),
  timeline: z.array(z.object({
    seq: z.number(), action: z.string(), label: z.string(), fromState: z.string().nullable(), toState: z.string(), date: z.string(), at: z.string(),
    actorName: z.string(), actorDisplayName: z.string().nullable(), actorRole: z.string(), reason: z.string().nullable(), data: z.unknown(), attachments: z.unknown(), dueDate: date,
  })),
  decisions: z.array(z.object({
    kind: z.string(), decidedOn: z.string(), effectiveMonth: z.string().nullable(), endMonth: z.string().nullable(), amountFen: z.number().nullable(),
    reason: z.string().nullable(), notifyBy: date, explanation: z.unknown(),
    /** 计算过程 as a caseworker's worksheet (Chinese lines; the amounts in fen add up to the decision's). */
    worksheet: z.array(worksheetLineSchema),
  })),
  nextActions: z.array(z.object({
    action: z.string(), label: z.string(), allowed: z.boolean(), blockedCode: z.string().nullable(), blockedReason: z.string().nullable(),
    reasonRequired: z.boolean(), dataSchema: z.unknown(),
    /** What the step sets in motion: notice, flag_complaint, death_review, decide/<kind> (decide/suspend, decide/exit stop the payment); null: nothing. */
    effect: z.string().nullable(),
  })),
});

export const batchSummary = z.object({
  batchNo: z.string(), programme: z.string(), createdOn: z.string(), createdBy: z.string(), ratio: z.number().nullable(), seed: z.string().nullable(), sampledOn: date,
});
export const batchList = z.object({ items: z.array(batchSummary.extend({ size: z.number(), sampled: z.number() })) });
export const batchDetail = batchSummary.extend({
  cases: z.array(z.object({ caseNo: z.string(), applicantName: z.string(), areaCode: z.string(), state: z.string(), flagged: z.boolean(), sampled: z.boolean() })),
});
/** 编组's preview: how many cases the batch would group now. */
export const batchCandidates = z.object({ programme: z.string(), count: z.number() });
/** 抽取样本's preview: of `size` cases at `ratio`, `count` are drawn (the `flagged` always among them). */
export const samplePreview = z.object({ batchNo: z.string(), date: z.string(), size: z.number(), flagged: z.number(), ratio: z.number(), count: z.number(), drawn: z.boolean() });
const batchCase = z.object({ caseNo: z.string(), applicantName: z.string(), villageName: z.string(), sampled: z.boolean() });
/** 批量审批's preview: the cases the engine approves now, and the others with the reason in Chinese. */
export const batchApprovable = z.object({
  batchNo: z.string(), programme: z.string(), date: z.string(), effectiveMonth: z.string(), count: z.number(),
  /** The monthly total of the amounts the approvals would decide (fen). */
  totalFen: z.number(),
  approvable: z.array(batchCase.extend({ amountFen: z.number().nullable() })),
  blocked: z.array(batchCase.extend({ state: z.string(), stateLabel: z.string(), code: z.string(), reason: z.string() })),
});
export const batchApproved = z.object({
  batchNo: z.string(), approved: z.number(), date: z.string(), effectiveMonth: z.string(), totalFen: z.number(),
  items: z.array(z.object({ caseNo: z.string(), applicantName: z.string(), amountFen: z.number().nullable(), effectiveMonth: z.string().nullable() })),
});
export const publicNotice = z.object({
  batchNo: z.string(), programme: z.string(), area: z.string().nullable(),
  items: z.array(z.object({ villageCode: z.string(), villageName: z.string(), name: z.string(), householdSize: z.number(), amountFen: z.number().nullable(), amountStatus: z.enum(['decided', 'proposed', 'none']) })),
});

export const householdCaseList = z.object({
  items: z.array(z.object({
    caseNo: z.string(), programme: z.string(), programmeLabel: z.string(), state: z.string(), stateLabel: z.string(),
    applicantName: z.string(), appliedOn: z.string(), stateSince: z.string(), reviewDue: date, flags: z.array(z.string()),
    decision: z.object({ kind: z.string(), amountFen: z.number().nullable(), effectiveMonth: date, decidedOn: z.string() }).nullable(),
  })),
});

/** GET /programmes: the registry as the web reads it (it keeps no programme list of its own). */
const labels = z.object({ name: z.string(), short: z.string(), benefit: z.string() });
export const programmeList = z.object({
  caseNoPattern: z.string(),
  phases: z.array(z.object({ code: z.enum(PHASES), label: z.string(), labelEn: z.string() })),
  items: z.array(z.object({
    code: z.string(), serialPrefix: z.string(), kind: z.enum(['enrolment', 'claim', 'event']), recipient: z.enum(['household', 'person']),
    openCases: z.string(), intake: z.boolean(), schedule: z.enum(['monthly', 'one_off']).nullable(), payee: z.string().nullable(),
    labels: z.object({ 'zh-CN': labels, en: labels }),
    ruleSets: z.array(z.object({ ruleSet: z.string(), label: z.string(), labelEn: z.string() })),
    states: z.array(z.object({ code: z.string(), label: z.string(), labelEn: z.string(), phase: z.enum(PHASES) })),
    actions: z.array(z.object({ code: z.string(), label: z.string(), labelEn: z.string() })),
    /** Economic status verification needs the legal supporters' authorization too (特困). */
    verification: z.object({ supporters: z.boolean() }),
    /** JSON Schema of what the window records when it opens a case (null: nothing beyond the applicant). */
    opening: z.unknown(),
  })),
});
export type ProgrammeList = z.output<typeof programmeList>;
