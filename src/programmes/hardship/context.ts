// What a 特困 case records about its applicant, which the registry does not hold: the six-item
// self-care assessment, whether a legal supporter exists and can support, and the form of support.
import type { CaseContext } from '../../workflow/definition.ts';
import type { HardshipOrigin } from './origin.ts';

export type SelfCareItems = Record<'eating' | 'dressing' | 'bedTransfer' | 'toileting' | 'indoorWalking' | 'bathing', boolean>;

export interface HardshipContext extends CaseContext {
  selfCare?: SelfCareItems;
  support?: {
    mode: 'institutional' | 'home_based';
    institutionId?: number;
    hasLegalSupporter: boolean;
    supporterAble: boolean;
  };
  /** 五保 / 三无 / 孤儿 as the township set it; unset: derived from the registry (origin.ts). */
  origin?: HardshipOrigin;
}
