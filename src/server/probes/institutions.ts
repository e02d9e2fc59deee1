import type { Probe } from './types.ts';

const home = (county: string) => ({ countyCode: county, name: '越权敬老院', beds: 10, creditCode: '91350100M000100Y43' });

/** Scope-matrix probes of the institution register (供养服务机构) and its figures. */
export const institutionProbes: Record<string, Probe> = {
  'GET /api/v1/institutions': (f) => ({ method: 'GET', url: `/api/v1/institutions?county=${f.county}` }),
  'POST /api/v1/institutions': (f) => ({ method: 'POST', url: '/api/v1/institutions', payload: home(f.county) }),
  'GET /api/v1/institutions/:id': (f) => ({ method: 'GET', url: `/api/v1/institutions/${f.institutionId}` }),
  'PATCH /api/v1/institutions/:id': (f) => ({ method: 'PATCH', url: `/api/v1/institutions/${f.institutionId}`, payload: { version: 1, name: '越权改名' } }),
  'POST /api/v1/institutions/:id/ratings': (f) => ({ method: 'POST', url: `/api/v1/institutions/${f.institutionId}/ratings`, payload: { year: 2015, stars: 5, assessedOn: '2015-12-01', assessor: '越权评定' } }),
  'POST /api/v1/institutions/:id/projects': (f) => ({ method: 'POST', url: `/api/v1/institutions/${f.institutionId}/projects`, payload: { name: '越权项目', fundingSource: 'local', amountFen: 100, status: 'planned', year: 2015 } }),
  'PATCH /api/v1/institutions/:id/projects/:projectId': (f) => ({ method: 'PATCH', url: `/api/v1/institutions/${f.institutionId}/projects/1`, payload: { version: 1, status: 'planned' } }),
  'GET /api/v1/institutions/figures': (f) => ({ method: 'GET', url: `/api/v1/institutions/figures?area=${f.county}&year=2015` }),
};
