// The purchased-services module's API shapes for the web (which may import a module's contract.ts only).
import type { z } from 'zod';
import type { assistantList } from './contract/assistants.ts';
import type { contractDetail, contractList, evaluationList } from './contract/contracts.ts';
import type { figures } from './contract/figures.ts';
import type { taskList } from './contract/tasks.ts';

export { CONTRACT_KINDS, CONTRACT_STATUSES, FUNDINGS, RATINGS, TASK_KINDS, TASK_STATUSES } from './codes.ts';
export type { ContractKind, ContractStatus, Funding, Rating, TaskKind, TaskStatus } from './codes.ts';
export type ContractList = z.output<typeof contractList>;
export type ContractDetail = z.output<typeof contractDetail>;
export type EvaluationList = z.output<typeof evaluationList>;
export type TaskList = z.output<typeof taskList>;
export type AssistantList = z.output<typeof assistantList>;
export type PurchaseFigures = z.output<typeof figures>;
