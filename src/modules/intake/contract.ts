// Response shapes of the intake and complaints API: they document the routes in /api/openapi.json.
import { z } from 'zod';

const date = z.string().nullable();
const text = z.string().nullable();

export const part = z.object({
  id: z.number(), requestNo: z.string(), seq: z.number(), kind: z.string(), need: z.string(), needLabel: z.string(), department: z.string(), status: z.string(),
  caseNo: text, caseState: text, referredOn: z.string(), dueDate: date, timeLimitWorkingDays: z.number().nullable(), timeLimitParameter: text,
  acceptedOn: date, acceptedBy: text, closedOn: date, outcome: text, outcomeLabel: text, result: text,
  closed: z.boolean(), closedOnTime: z.boolean(), overdue: z.boolean(), workingDaysOverdue: z.number(), note: z.string(),
});

export const createdRequest = z.object({
  requestNo: z.string(), receivedOn: z.string(),
  parts: z.array(z.object({
    seq: z.number(), kind: z.string(), need: z.string(), department: z.string(), dueDate: date,
    caseNo: z.string().optional(), referralId: z.number().optional(), timeLimitWorkingDays: z.number().optional(), timeLimitParameter: z.string().optional(),
  })),
});

export const requestDetail = z.object({
  requestNo: z.string(), areaCode: z.string(), areaName: z.string(), windowAreaCode: z.string(), windowAreaName: z.string(), channel: z.string(), receivedOn: z.string(),
  householdNo: text, personName: z.string(), personIdNumber: z.string(), personPhone: z.string(), needs: z.array(z.string()), description: z.string(),
  assessment: z.unknown(), createdBy: z.string(), completed: z.boolean(), completedOn: date, parts: z.array(part),
});

export const requestList = z.object({
  items: z.array(z.object({
    requestNo: z.string(), areaCode: z.string(), windowAreaCode: z.string(), channel: z.string(), personName: z.string(), needs: z.array(z.string()),
    receivedOn: z.string(), parts: z.number(), closedParts: z.number(), completed: z.boolean(), completedOn: date,
  })),
  next: z.number().nullable(),
});

const boardItem = part.extend({ personName: z.string(), personIdNumber: z.string(), personPhone: z.string(), areaCode: z.string(), receivedOn: z.string() });
export const referralList = z.object({ items: z.array(boardItem), next: z.number().nullable() });
/** `details`: the facts the referral carries for the partner (an online 医疗救助 application's claim facts, amounts in fen), else null. */
export const referralDetail = boardItem.extend({
  details: z.record(z.string(), z.unknown()).nullable(),
  /** What the window recorded of the request: the situation and the needs assessment (as in the request's detail). */
  description: z.string(), assessment: z.unknown(),
  events: z.array(z.object({ action: z.string(), date: z.string(), at: z.string(), actorName: z.string(), actorDisplayName: z.string().nullable(), note: z.string() })) });
export const pendingStep = z.object({ id: z.number(), requestNo: z.string(), status: z.string(), caseNo: text, householdNo: text });
export const referralStep = z.object({ id: z.number(), requestNo: z.string(), status: z.string(), date: z.string() });
export const overdueList = z.object({ asOf: z.string(), items: z.array(part.extend({ personName: z.string(), areaCode: z.string() })) });

const figure = z.object({ received: z.number(), completed: z.number(), completedOnTime: z.number(), overdue: z.number() });
const keyed = z.array(figure.extend({ key: z.string() }));
export const figures = z.object({ from: z.string(), to: z.string(), asOf: z.string(), total: figure, byTownship: keyed, byDepartment: keyed, byNeed: keyed });

const complaint = z.object({
  complaintNo: z.string(), areaCode: z.string(), channel: z.string(), viaPortal: z.boolean(), anonymous: z.boolean(), complainantName: text, complainantPhone: text,
  subjectKind: z.string(), caseNo: text, subjectName: z.string(), category: z.string(), content: z.string(), receivedOn: z.string(),
  status: z.string(), statusLabel: z.string(), assignee: text, assignedOn: date, conclusion: text, finding: text, concludedOn: date, closedOn: date, caseFlagged: z.boolean(),
});
export const createdComplaint = z.object({ complaintNo: z.string(), status: z.string(), caseNo: text, caseFlagged: z.boolean() });
/** The complaint form's subject search: current cases in scope (ID numbers masked). */
export const complaintSubjects = z.object({
  items: z.array(z.object({
    caseNo: z.string(), programme: z.string(), state: z.string(), programmeLabel: z.string(), stateLabel: z.string(),
    applicantName: z.string(), applicantIdNumber: z.string(), householdNo: z.string(), villageName: z.string(), address: z.string(),
  })),
});
export const complaintList = z.object({ items: z.array(complaint), next: z.number().nullable() });
export const complaintDetail = complaint.extend({
  /** The complaint's area by its names, 州 › 县 › 乡镇 › 村. */
  areaPath: z.array(z.string()),
  feedback: z.array(z.object({ date: z.string(), channel: z.string(), content: z.string(), recordedBy: z.string() })),
  recoveries: z.array(z.object({ id: z.number(), obtainedFen: z.number(), recoveredFen: z.number(), fineMultiple: z.number(), fineFen: z.number(), decidedOn: z.string(), note: z.string() })),
});
export const complaintStep = z.object({ complaintNo: z.string(), status: z.string() });
export const recovery = z.object({ id: z.number(), complaintNo: z.string(), caseNo: text, obtainedFen: z.number(), recoveredFen: z.number(), fineMultiple: z.number(), fineFen: z.number() });

// Request shapes (the routes and the services validate with them; the web builds its forms on them).
export { CHANNELS, NEEDS, OUTCOMES, closePendingSchema, newRequestSchema, openPendingSchema } from './service/schemas.ts';
export type { NewRequest, Need } from './service/schemas.ts';

/** A request's files (申请材料), without their bytes. */
export const requestDocument = z.object({
  seq: z.number(), kind: z.enum(['document', 'signature']), fileName: z.string(), mediaType: z.enum(['image/png', 'image/jpeg', 'application/pdf']),
  sizeBytes: z.number(), sha256: z.string(), addedBy: z.string(), addedOn: z.string(),
});
export const requestDocuments = z.object({ requestNo: z.string(), items: z.array(requestDocument) });
export const documentsAdded = z.object({ requestNo: z.string(), documents: z.array(requestDocument.omit({ addedBy: true, addedOn: true })) });
