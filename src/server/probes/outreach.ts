import { todayInChina } from '../../kernel/clock.ts';
import type { Probe } from './types.ts';

/** Scope-matrix probes of the 政策找人 routes (the foreign task: generated for the place's household by its own caseworker). */
export const outreachProbes: Record<string, Probe> = {
  'POST /api/v1/outreach/tasks/generate': (f) => ({ method: 'POST', url: '/api/v1/outreach/tasks/generate', payload: { area: f.township } }),
  'GET /api/v1/outreach/tasks': (f) => ({ method: 'GET', url: `/api/v1/outreach/tasks?village=${f.village}` }),
  'POST /api/v1/outreach/tasks/:id/outcome': (f) => ({ method: 'POST', url: `/api/v1/outreach/tasks/${f.outreachTaskId ?? 1}/outcome`, payload: { outcome: 'invited', date: todayInChina() } }),
};
