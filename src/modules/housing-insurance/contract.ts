// The housing-insurance module's API shapes for the web (which may import a module's contract.ts only),
// inferred from the routes' zod schemas, and the codes the web offers as choices.
import type { z } from 'zod';
import type { claimDetail, claimList } from './contract/claims.ts';
import type { insuredPage, policyDetail, policyList } from './contract/policies.ts';
import type { eventFigures, figures, reconciliation } from './contract/reports.ts';

export { CLAIM_STATUSES, FINDING_KINDS, GRADES, PERILS, STRUCTURES } from './codes.ts';
export type { ClaimStatus, FindingKind, Grade, Peril, Structure } from './codes.ts';
export type PolicyList = z.output<typeof policyList>;
export type PolicyDetail = z.output<typeof policyDetail>;
export type InsuredPage = z.output<typeof insuredPage>;
export type ClaimList = z.output<typeof claimList>;
export type ClaimItem = ClaimList['items'][number];
export type ClaimDetail = z.output<typeof claimDetail>;
export type Reconciliation = z.output<typeof reconciliation>;
export type Finding = Reconciliation['findings'][number];
export type InsuranceFigures = z.output<typeof figures>;
export type EventInsuranceFigures = z.output<typeof eventFigures>;
