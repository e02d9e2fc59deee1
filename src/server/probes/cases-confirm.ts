import type { Probe } from './types.ts';

/** Scope-matrix probes of the previews behind the batch confirmations (编组, 抽样): another area's batch reads as missing. */
export const casesConfirmProbes: Record<string, Probe> = {
  'GET /api/v1/cases/batches/candidates': () => ({ method: 'GET', url: '/api/v1/cases/batches/candidates?programme=dibao' }),
  'GET /api/v1/cases/batches/:batchNo/sample-preview': (f) => ({ method: 'GET', url: `/api/v1/cases/batches/PC${f.county}2015000001/sample-preview` }),
};
