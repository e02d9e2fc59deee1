import type { Probe } from './types.ts';

// Ids 1..3 exist in the matrix only if some test made them; either way a foreign one must read as missing.
/** Scope-matrix probes of the volunteers routes (社会力量参与). */
export const volunteerProbes: Record<string, Probe> = {
  'POST /api/v1/volunteers/organisations': (f) => ({ method: 'POST', url: '/api/v1/volunteers/organisations', payload: { countyCode: f.county, kind: 'other', name: '越权组织' } }),
  'GET /api/v1/volunteers/organisations': (f) => ({ method: 'GET', url: `/api/v1/volunteers/organisations?county=${f.county}` }),
  'GET /api/v1/volunteers/organisations/:id': () => ({ method: 'GET', url: '/api/v1/volunteers/organisations/1' }),
  'POST /api/v1/volunteers/teams': (f) => ({ method: 'POST', url: '/api/v1/volunteers/teams', payload: { organisationId: 1, name: '越权队伍', areaCode: f.township, leader: '越权' } }),
  'GET /api/v1/volunteers/teams': (f) => ({ method: 'GET', url: `/api/v1/volunteers/teams?county=${f.county}` }),
  'POST /api/v1/volunteers/teams/:id/members': () => ({ method: 'POST', url: '/api/v1/volunteers/teams/1/members', payload: { volunteerId: 1, joinedOn: '2015-08-01' } }),
  'POST /api/v1/volunteers/people': (f) => ({ method: 'POST', url: '/api/v1/volunteers/people', payload: { name: '越权', idNumber: f.idNumber, areaCode: f.village, registeredOn: '2015-08-01' } }),
  'GET /api/v1/volunteers/people': (f) => ({ method: 'GET', url: `/api/v1/volunteers/people?county=${f.county}` }),
  'GET /api/v1/volunteers/people/:id': () => ({ method: 'GET', url: '/api/v1/volunteers/people/1' }),
  'POST /api/v1/volunteers/service-records': (f) => ({ method: 'POST', url: '/api/v1/volunteers/service-records', payload: { organisationId: 1, volunteerId: 1, activity: '越权服务', servedOn: '2015-08-01', areaCode: f.village, minutes: 60 } }),
  'POST /api/v1/volunteers/service-records/:id/confirm': () => ({ method: 'POST', url: '/api/v1/volunteers/service-records/1/confirm', payload: { confirmedOn: '2015-08-02', organiserName: '越权' } }),
  'GET /api/v1/volunteers/service-records': (f) => ({ method: 'GET', url: `/api/v1/volunteers/service-records?county=${f.county}` }),
  'GET /api/v1/volunteers/figures': (f) => ({ method: 'GET', url: `/api/v1/volunteers/figures?area=${f.county}&year=2015` }),
};
