// Registry → policy facts: the policy module's mapping (householdFactsFromRegistry) plus what a
// hardship case records about its applicant, which the registry does not hold: the self-care
// assessment, whether a legal supporter exists and can support, and the chosen form of support.
import type { HouseholdFacts } from '../../../policy/index.ts';
import { householdFactsFromRegistry, type RegistryHousehold } from '../../registry/index.ts';

export type { RegistryHousehold };

export interface ApplicantFacts {
  memberId: number;
  selfCare?: Record<'eating' | 'dressing' | 'bedTransfer' | 'toileting' | 'indoorWalking' | 'bathing', boolean> | null;
  hasLegalSupporter?: boolean;
  supporterAble?: boolean;
  supportMode?: 'institutional' | 'home_based';
}

export function householdFacts(r: RegistryHousehold, applicant?: ApplicantFacts): HouseholdFacts {
  const facts = householdFactsFromRegistry(r);
  if (!applicant) return facts;
  const id = String(applicant.memberId);
  return {
    ...facts,
    members: facts.members.map((m) =>
      m.id !== id ? m : {
        ...m,
        ...(applicant.selfCare ? { selfCare: applicant.selfCare } : {}),
        ...(applicant.hasLegalSupporter !== undefined ? { hasLegalSupporter: applicant.hasLegalSupporter } : {}),
        ...(applicant.supporterAble !== undefined ? { supporterAble: applicant.supporterAble } : {}),
        ...(applicant.supportMode ? { hardshipSupportMode: applicant.supportMode } : {}),
      }),
  };
}
