import type { Probe } from './types.ts';

/** Scope-matrix probes of the bulk re-rating routes (批量调标): another county's batch reads as missing. */
export const rerateProbes: Record<string, Probe> = {
  'GET /api/v1/cases/rerate': () => ({ method: 'GET', url: '/api/v1/cases/rerate' }),
  'POST /api/v1/cases/rerate': (f) => ({ method: 'POST', url: '/api/v1/cases/rerate', payload: { programme: 'dibao', effectiveMonth: '2016-01', county: f.county } }),
  'GET /api/v1/cases/rerate/:batchNo': (f) => ({ method: 'GET', url: `/api/v1/cases/rerate/TB${f.county}2026000001` }),
  'POST /api/v1/cases/rerate/:batchNo/approve': (f) => ({ method: 'POST', url: `/api/v1/cases/rerate/TB${f.county}2026000001/approve`, payload: {} }),
  'POST /api/v1/cases/rerate/:batchNo/discard': (f) => ({ method: 'POST', url: `/api/v1/cases/rerate/TB${f.county}2026000001/discard` }),
};
