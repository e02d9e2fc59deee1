import type { Probe } from './types.ts';

/** Scope-matrix probes of the 待登记立案 steps: another county's request (and its part) reads as missing. */
export const intakePendingProbes: Record<string, Probe> = {
  'POST /api/v1/intake/requests/:requestNo/parts/:partId/open-case': (f) => ({ method: 'POST', url: `/api/v1/intake/requests/SL${f.county}2015000001/parts/1/open-case`, payload: { householdNo: f.householdNo } }),
  'POST /api/v1/intake/requests/:requestNo/parts/:partId/close': (f) => ({ method: 'POST', url: `/api/v1/intake/requests/SL${f.county}2015000001/parts/1/close`, payload: { reason: '越权结束' } }),
};
