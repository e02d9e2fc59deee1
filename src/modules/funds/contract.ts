// The funds module's API shapes for the web (which may import a module's contract.ts only).
import type { z } from 'zod';
import type { budgetList, executionResult, fundWarnings, transferList } from './contract/funds.ts';
import type { planList } from './contract/plans.ts';

export { FUND_SOURCES, type FundSource } from './codes.ts';
export type BudgetList = z.output<typeof budgetList>;
export type TransferList = z.output<typeof transferList>;
export type Execution = z.output<typeof executionResult>;
export type FundWarnings = z.output<typeof fundWarnings>;
export type PlanList = z.output<typeof planList>;
