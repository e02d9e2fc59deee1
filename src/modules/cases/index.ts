// Public surface of the cases module: what other modules, the server and the CLI may use.
import './error-codes.ts';
export { ensureDemoRecipients, loadDemoRecipients } from './demo/recipients.ts';
export { caseRoutes } from './routes.ts';
export { createCase } from './service/cases.ts';
export { canTake, caseState, mustFindCase, performTransition } from './service/engine.ts';
export { programmeLabel, syncProgrammes } from './service/programmes.ts';
export { caseParameters } from './service/parameters.ts';
export { registerStepDataCheck, type StepDataCheck } from './service/step-checks.ts';
export { registerProgrammeHooks, type HookCase, type HookDecision, type ProgrammeHooks } from './service/programme-hooks.ts';
export { householdEntitlements, householdProgrammes, type HouseholdEntitlement, type HouseholdProgrammes } from './service/household-programmes.ts';
export { decideInBulk, type BulkDecision } from './service/bulk-decide.ts';
export { sampleSize } from './domain/spot-check.ts';
export { registerInstitutionPayee, type InstitutionPayee } from './service/payees.ts';
export { approveRerate, discardRerate, draftRerate, getRerate, newRerateSchema, rerateBatchNo } from './service/rerate.ts';
export { citizenCase, citizenCases, type CitizenCase } from './service/citizen.ts';
export { citizenDecisionNotice, citizenNotices, citizenObjection, citizenPublicNotices, objectionInputSchema, type CitizenNotice, type CitizenPublicNotice, type ObjectionInput } from './service/citizen-notices.ts';
export { currentCasesNamed, findSubjectCases } from './service/by-name.ts';
export { caseTodo } from './service/todo.ts';
