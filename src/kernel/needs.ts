// The needs a one-window request handles or refers (救助需求), shared like the partner departments: the intake
// opens and refers them; other modules (a 留守 warning's referral) name them. Labels: the intake module.
export const NEEDS = ['dibao', 'hardship', 'temporary', 'medical', 'disaster', 'education', 'housing', 'employment', 'other'] as const;
export type Need = (typeof NEEDS)[number];
