// The purchased-services API (政府购买服务, 社会救助协理员) as the pages call it.
import type { AssistantList, ContractDetail, ContractList, EvaluationList, PurchaseFigures, TaskList } from '../../../../src/modules/purchased-services/contract.ts';
import { api } from '../../api/client.ts';

const base = '/purchased-services';
type Task = TaskList['items'][number];

export const listContracts = () => api<ContractList>(`${base}/contracts`);
export const createContract = (body: object) => api<ContractDetail>(`${base}/contracts`, { method: 'POST', body });
export const closeContract = (id: number, how: 'end' | 'terminate', body: object) => api<ContractDetail>(`${base}/contracts/${id}/${how}`, { method: 'POST', body });
export const listEvaluations = () => api<EvaluationList>(`${base}/evaluations`);
export const createEvaluation = (body: object) => api<EvaluationList['items'][number]>(`${base}/evaluations`, { method: 'POST', body });
export function listTasks(f: { status?: string | undefined; overdue?: boolean; mine?: boolean }) {
  const q = new URLSearchParams({ limit: '200' });
  if (f.status) q.set('status', f.status);
  if (f.overdue) q.set('overdue', 'true');
  if (f.mine) q.set('mine', 'true');
  return api<TaskList>(`${base}/tasks?${q.toString()}`);
}
export const createTask = (body: object) => api<Task>(`${base}/tasks`, { method: 'POST', body });
export const taskStep = (id: number, step: 'perform' | 'confirm' | 'cancel', body: object) => api<Task>(`${base}/tasks/${id}/${step}`, { method: 'POST', body });
export const listAssistants = () => api<AssistantList>(`${base}/assistants`);
export const registerAssistant = (body: object) => api<AssistantList['items'][number]>(`${base}/assistants`, { method: 'POST', body });
export const figures = (year: number) => api<PurchaseFigures>(`${base}/figures?year=${year}`);
