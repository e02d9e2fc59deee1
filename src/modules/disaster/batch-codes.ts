// The codes of batch decisions: the kinds of relief (the programme's) and the batch's states.
export { RELIEF_KINDS as BATCH_KINDS } from '../../programmes/disaster/context.ts';
export const BATCH_STATUSES = ['draft', 'notice', 'approved', 'decided', 'void'] as const;
