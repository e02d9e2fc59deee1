// The codes of 政策找人 tasks. Labels: labels.ts.
/** The warning list a task came from (the stats module's lists of the same names). */
export const OUTREACH_KINDS = ['eligible_uncovered', 'near_dibao', 'poverty_uncovered'] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];
export const TASK_STATUSES = ['open', 'closed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const OUTCOMES = ['visited_not_eligible', 'invited', 'applied', 'declined', 'not_found'] as const;
export type Outcome = (typeof OUTCOMES)[number];
