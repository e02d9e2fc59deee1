// The funds API (资金保障, 减量计划) as the page calls it.
import type { BudgetList, Execution, PlanList, TransferList } from '../../../../src/modules/funds/contract.ts';
import { api } from '../../api/client.ts';

const base = '/funds';

export const listBudgets = (year: number) => api<BudgetList>(`${base}/budgets?year=${year}`);
export const createBudget = (body: object) => api<BudgetList['items'][number]>(`${base}/budgets`, { method: 'POST', body });
export const listTransfers = (year: number) => api<TransferList>(`${base}/transfers?year=${year}`);
export const createTransfer = (body: object) => api<TransferList['items'][number]>(`${base}/transfers`, { method: 'POST', body });
export const execution = (year: number, asOf: string | undefined) => api<Execution>(`${base}/execution?year=${year}${asOf ? `&asOf=${asOf}` : ''}`);
export const listPlans = () => api<PlanList>(`${base}/reduction-plans`);
export const createPlan = (body: object) => api<PlanList['items'][number]>(`${base}/reduction-plans`, { method: 'POST', body });
