import type { Probe } from './types.ts';

/** Scope-matrix probes of the verification routes. */
export const verificationProbes: Record<string, Probe> = {
  'GET /api/v1/verification/sources': () => ({ method: 'GET', url: '/api/v1/verification/sources' }),
  'GET /api/v1/verification/sources/:source/template': () => ({ method: 'GET', url: '/api/v1/verification/sources/bank_deposits/template?format=csv' }),
  'GET /api/v1/verification/snapshots': () => ({ method: 'GET', url: '/api/v1/verification/snapshots' }),
  // A snapshot is prefecture-wide partner data, not an area's: the probe sends a bad row (refused, nothing written).
  'POST /api/v1/verification/sources/:source/records': (f) => ({ method: 'POST', url: '/api/v1/verification/sources/village_cadres/records', payload: { snapshotDate: '2015-09-01', records: [{ officialIdNumber: f.idNumber, officialName: f.names[0], areaCode: f.village, relation: 'nephew', name: f.names[0] }] } }),
  'POST /api/v1/verification/sources/:source/snapshots': () => ({ method: 'POST', url: '/api/v1/verification/sources/bank_deposits/snapshots?format=csv&snapshotDate=2015-09-01', payload: {} }),
  'GET /api/v1/verification/households/:householdNo/authorizations': (f) => ({ method: 'GET', url: `/api/v1/verification/households/${f.householdNo}/authorizations` }),
  'POST /api/v1/verification/authorizations': (f) => ({ method: 'POST', url: '/api/v1/verification/authorizations', payload: { householdNo: f.householdNo, signerRole: 'household', signerName: '越权签署', signerIdNumber: f.idNumber, signedOn: '2015-09-01' } }),
  'GET /api/v1/verification/cases/:caseNo': (f) => ({ method: 'GET', url: `/api/v1/verification/cases/${f.caseNo}` }),
  'POST /api/v1/verification/cases/:caseNo/requests': (f) => ({ method: 'POST', url: `/api/v1/verification/cases/${f.caseNo}/requests`, payload: {} }),
  'POST /api/v1/verification/findings/:id/resolution': () => ({ method: 'POST', url: '/api/v1/verification/findings/1/resolution', payload: { resolution: 'false_match', note: '越权处理核对发现' } }),
  // Rescreen of the caller's own scope only; a township caseworker is refused, a county approver rescreens their own county (no foreign data).
  'POST /api/v1/verification/rescreens': () => ({ method: 'POST', url: '/api/v1/verification/rescreens', payload: { asOf: '2099-01-01' } }),
  'GET /api/v1/verification/rescreens': () => ({ method: 'GET', url: '/api/v1/verification/rescreens' }),
  'GET /api/v1/verification/rescreen-findings': (f) => ({ method: 'GET', url: `/api/v1/verification/rescreen-findings?area=${f.township}` }),
  'GET /api/v1/verification/favouritism': (f) => ({ method: 'GET', url: `/api/v1/verification/favouritism?area=${f.township}` }),
  'GET /api/v1/verification/cross-checks': (f) => ({ method: 'GET', url: `/api/v1/verification/cross-checks?area=${f.village}` }),
};
