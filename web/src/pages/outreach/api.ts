// The outreach API (政策找人) as the page calls it.
import type { OutreachGenerated, OutreachTask, OutreachTaskList } from '../../../../src/modules/outreach/contract.ts';
import { api } from '../../api/client.ts';

const base = '/outreach/tasks';

export interface TaskFilter { status?: string | undefined; kind?: string | undefined; village?: string | undefined; offset: number; limit: number }
export function listTasks(f: TaskFilter) {
  const q = new URLSearchParams({ offset: String(f.offset), limit: String(f.limit) });
  if (f.status) q.set('status', f.status);
  if (f.kind) q.set('kind', f.kind);
  if (f.village) q.set('village', f.village);
  return api<OutreachTaskList>(`${base}?${q.toString()}`);
}
export const generateTasks = (body: { area: string; kinds?: string[] }) => api<OutreachGenerated>(`${base}/generate`, { method: 'POST', body });
export const recordOutcome = (id: number, body: object) => api<OutreachTask>(`${base}/${id}/outcome`, { method: 'POST', body });
