// The codes of 政府购买服务: contract kinds and statuses, task kinds and statuses, evaluation ratings, how a
// 社会救助协理员 is funded. Labels: labels.ts.
export const CONTRACT_KINDS = ['administrative', 'service'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const CONTRACT_STATUSES = ['active', 'ended', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const TASK_KINDS = ['home_visit', 'dispersed_care', 'left_behind_visit', 'case_work', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATUSES = ['assigned', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const RATINGS = ['excellent', 'pass', 'fail'] as const;
export type Rating = (typeof RATINGS)[number];
export const FUNDINGS = ['contract', 'village'] as const;
export type Funding = (typeof FUNDINGS)[number];
