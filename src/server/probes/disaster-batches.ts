import type { Probe } from './types.ts';

const no = (county: string) => `ZP${county}2015000001`;
const event = (county: string) => `SJ${county}2015000001`;

/** Scope-matrix probes of the batch decisions (救助批次): another area's batch answers like a missing one. */
export const disasterBatchProbes: Record<string, Probe> = {
  'POST /api/v1/disaster/batches': (f) => ({ method: 'POST', url: '/api/v1/disaster/batches', payload: { kind: 'emergency', eventNo: event(f.county), areas: [f.township] } }),
  'GET /api/v1/disaster/batches': (f) => ({ method: 'GET', url: `/api/v1/disaster/batches?eventNo=${event(f.county)}` }),
  'GET /api/v1/disaster/batches/:batchNo': (f) => ({ method: 'GET', url: `/api/v1/disaster/batches/${no(f.county)}` }),
  'GET /api/v1/disaster/batches/:batchNo/households': (f) => ({ method: 'GET', url: `/api/v1/disaster/batches/${no(f.county)}/households?area=${f.township}` }),
  'POST /api/v1/disaster/batches/:batchNo/sample': (f) => ({ method: 'POST', url: `/api/v1/disaster/batches/${no(f.county)}/sample`, payload: { seed: 'x' } }),
  'POST /api/v1/disaster/batches/:batchNo/checks': (f) => ({ method: 'POST', url: `/api/v1/disaster/batches/${no(f.county)}/checks`, payload: { householdNo: f.householdNo, result: 'confirmed' } }),
  'POST /api/v1/disaster/batches/:batchNo/notice': (f) => ({ method: 'POST', url: `/api/v1/disaster/batches/${no(f.county)}/notice`, payload: { from: '2015-07-10' } }),
  'POST /api/v1/disaster/batches/:batchNo/exclude': (f) => ({ method: 'POST', url: `/api/v1/disaster/batches/${no(f.county)}/exclude`, payload: { householdNo: f.householdNo, reason: '越权剔除' } }),
  'POST /api/v1/disaster/batches/:batchNo/approve': (f) => ({ method: 'POST', url: `/api/v1/disaster/batches/${no(f.county)}/approve`, payload: {} }),
  'POST /api/v1/disaster/batches/:batchNo/decide': (f) => ({ method: 'POST', url: `/api/v1/disaster/batches/${no(f.county)}/decide`, payload: {} }),
  'POST /api/v1/disaster/batches/:batchNo/void': (f) => ({ method: 'POST', url: `/api/v1/disaster/batches/${no(f.county)}/void`, payload: { reason: '越权作废' } }),
};
