import type { Probe } from './types.ts';

/** Scope-matrix probes of the inbox export and the county batch approval: another area reads as missing. */
export const casesInboxProbes: Record<string, Probe> = {
  'GET /api/v1/cases/inbox.xlsx': (f) => ({ method: 'GET', url: `/api/v1/cases/inbox.xlsx?village=${f.village}` }),
  'GET /api/v1/cases/batches/:batchNo/approvable': (f) => ({ method: 'GET', url: `/api/v1/cases/batches/PC${f.county}2015000001/approvable` }),
  'POST /api/v1/cases/batches/:batchNo/approve-all': (f) => ({ method: 'POST', url: `/api/v1/cases/batches/PC${f.county}2015000001/approve-all`, payload: { expectedCount: 1 } }),
};
