// The outreach module's API shapes for the web (which may import a module's contract.ts only).
import type { z } from 'zod';
import type { generated, task, taskList } from './contract/tasks.ts';

export { OUTCOMES, OUTREACH_KINDS, TASK_STATUSES } from './codes.ts';
export type { Outcome, OutreachKind, TaskStatus } from './codes.ts';
export type OutreachTask = z.output<typeof task>;
export type OutreachTaskList = z.output<typeof taskList>;
export type OutreachGenerated = z.output<typeof generated>;
