// The codes of 留守 (left-behind) persons: kinds, risks, carers, warnings and their follow-ups. Labels: labels.ts.
export const KINDS = ['child', 'elder', 'woman'] as const;
export type Kind = (typeof KINDS)[number];
export const RISKS = ['no_guardian', 'living_alone', 'ill', 'disabled', 'dropout', 'poverty'] as const;
export type Risk = (typeof RISKS)[number];
export const CARER_KINDS = ['village_cadre', 'volunteer', 'purchased_service', 'relative'] as const;
export type CarerKind = (typeof CARER_KINDS)[number];
export const WARNINGS = ['no_visit', 'no_guardian', 'alone_ill', 'visit_risk'] as const;
export type Warning = (typeof WARNINGS)[number];
export const ACTIONS = ['referral', 'temporary_case', 'none'] as const;
export type Action = (typeof ACTIONS)[number];
