// The codes of 社会力量参与: kinds of social organisation, their status, volunteers' skills. Labels: labels.ts.
export const ORG_KINDS = ['charity', 'volunteer_org', 'social_work', 'other'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_STATUSES = ['active', 'dissolved'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];
export const SKILLS = ['medical', 'education', 'care_elderly', 'psychological', 'legal', 'other'] as const;
export type Skill = (typeof SKILLS)[number];
