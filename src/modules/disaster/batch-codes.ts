// The codes of batch decisions: the kinds of relief (the programme's) and the batch's states.
import type { ReliefKind } from '../../programmes/disaster/context.ts';
export { RELIEF_KINDS as BATCH_KINDS } from '../../programmes/disaster/context.ts';
export type BatchKind = ReliefKind;
export const BATCH_STATUSES = ['draft', 'notice', 'approved', 'decided', 'void'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
