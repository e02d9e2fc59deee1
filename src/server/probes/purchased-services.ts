import type { Probe } from './types.ts';

// Ids 1..3 exist in the matrix only if some test made them; either way a foreign one must read as missing.
/** Scope-matrix probes of the purchased-services routes (政府购买服务, 社会救助协理员). */
export const purchasedServicesProbes: Record<string, Probe> = {
  'POST /api/v1/purchased-services/contracts': (f) => ({ method: 'POST', url: '/api/v1/purchased-services/contracts', payload: { countyCode: f.county, providerId: 1, kind: 'service', title: '越权合同', periodFrom: '2015-01-01', periodTo: '2015-12-31', amountFen: 100, signedOn: '2015-01-01' } }),
  'GET /api/v1/purchased-services/contracts': (f) => ({ method: 'GET', url: `/api/v1/purchased-services/contracts?county=${f.county}` }),
  'GET /api/v1/purchased-services/contracts/:id': () => ({ method: 'GET', url: '/api/v1/purchased-services/contracts/1' }),
  'POST /api/v1/purchased-services/contracts/:id/end': () => ({ method: 'POST', url: '/api/v1/purchased-services/contracts/1/end', payload: { on: '2015-12-31' } }),
  'POST /api/v1/purchased-services/contracts/:id/terminate': () => ({ method: 'POST', url: '/api/v1/purchased-services/contracts/1/terminate', payload: { on: '2015-12-31', reason: '越权' } }),
  'POST /api/v1/purchased-services/evaluations': () => ({ method: 'POST', url: '/api/v1/purchased-services/evaluations', payload: { contractId: 1, year: 2015, score: 80, evaluatedOn: '2015-12-31' } }),
  'GET /api/v1/purchased-services/evaluations': () => ({ method: 'GET', url: '/api/v1/purchased-services/evaluations?contract=1' }),
  'POST /api/v1/purchased-services/tasks': (f) => ({ method: 'POST', url: '/api/v1/purchased-services/tasks', payload: { contractId: 1, kind: 'home_visit', villageCode: f.village, householdNo: f.householdNo, assignedOn: '2015-08-01', dueOn: '2015-08-31', workerName: '越权' } }),
  'GET /api/v1/purchased-services/tasks': (f) => ({ method: 'GET', url: `/api/v1/purchased-services/tasks?area=${f.village}` }),
  'POST /api/v1/purchased-services/tasks/:id/perform': () => ({ method: 'POST', url: '/api/v1/purchased-services/tasks/1/perform', payload: { doneOn: '2015-08-02', minutes: 30, findings: '越权' } }),
  'POST /api/v1/purchased-services/tasks/:id/confirm': () => ({ method: 'POST', url: '/api/v1/purchased-services/tasks/1/confirm', payload: { confirmedOn: '2015-08-03' } }),
  'POST /api/v1/purchased-services/tasks/:id/cancel': () => ({ method: 'POST', url: '/api/v1/purchased-services/tasks/1/cancel', payload: { cancelledOn: '2015-08-03', reason: '越权' } }),
  'POST /api/v1/purchased-services/assistants': (f) => ({ method: 'POST', url: '/api/v1/purchased-services/assistants', payload: { name: '越权', idNumber: f.idNumber, villageCode: f.village, employedFrom: '2015-01-01', funding: 'village' } }),
  'GET /api/v1/purchased-services/assistants': (f) => ({ method: 'GET', url: `/api/v1/purchased-services/assistants?area=${f.village}` }),
  'GET /api/v1/purchased-services/figures': (f) => ({ method: 'GET', url: `/api/v1/purchased-services/figures?area=${f.county}&year=2015` }),
};
