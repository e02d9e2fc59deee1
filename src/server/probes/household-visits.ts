import { todayInChina } from '../../kernel/clock.ts';
import type { Probe } from './types.ts';

/** Scope-matrix probes of the home visits (入户调查) of another area's household. */
export const householdVisitProbes: Record<string, Probe> = {
  'POST /api/v1/households/:householdNo/visits': (f) => ({ method: 'POST', url: `/api/v1/households/${f.householdNo}/visits`, payload: { visitedOn: todayInChina(), visitors: '越权', findings: '越权入户调查', photos: [] } }),
  'GET /api/v1/households/:householdNo/visits': (f) => ({ method: 'GET', url: `/api/v1/households/${f.householdNo}/visits` }),
  'GET /api/v1/households/:householdNo/visits/:visitId/files/:seq': (f) => ({ method: 'GET', url: `/api/v1/households/${f.householdNo}/visits/1/files/1` }),
};
