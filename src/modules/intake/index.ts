// Public surface of the intake module: what other modules, the server and the CLI may use.
import './error-codes.ts';
export { complaintDetail, complaintList, complaintSubjects, complaintStep, createdComplaint, recovery } from './contract.ts';
export { areaExists } from './repo.ts';
export { intakeRoutes } from './routes.ts';
export { withinTransaction } from './service/in-transaction.ts';
export { createRequest } from './service/requests.ts';
export { attachRequestDocuments, type RequestDocumentKind } from './service/documents.ts';
export { pendingStates, type PendingState } from './service/pending-cases.ts';
export { referralStates, type ReferralState } from './service/referral-states.ts';
export { NEED_LABELS, type NewRequest } from './service/schemas.ts';
export { closeReferralsOfCase, linkReferralToCase, requireAnswerableReferral } from './service/claim-referrals.ts';
export { importHandledRequests, type HandledRequest } from './service/import-handled.ts';
export { intakeTodo } from './service/todo.ts';
