import type { Probe } from './types.ts';

const person = (county: string) => `/api/v1/left-behind/persons/${county}-1`;

/** Scope-matrix probes of the left-behind routes (留守人员). */
export const leftBehindProbes: Record<string, Probe> = {
  'POST /api/v1/left-behind/surveys': (f) => ({ method: 'POST', url: '/api/v1/left-behind/surveys', payload: { householdNo: f.householdNo, idNumber: f.idNumber, year: 2015, kind: 'woman', awayPlace: '越权地点', surveyedOn: '2015-08-01', surveyedBy: '越权' } }),
  'GET /api/v1/left-behind/surveys': (f) => ({ method: 'GET', url: `/api/v1/left-behind/surveys?area=${f.village}` }),
  'GET /api/v1/left-behind/persons/:personId': (f) => ({ method: 'GET', url: person(f.county) }),
  'POST /api/v1/left-behind/persons/:personId/care-plans': (f) => ({ method: 'POST', url: `${person(f.county)}/care-plans`, payload: { carerKind: 'volunteer', carerName: '越权', from: '2015-08-01' } }),
  'POST /api/v1/left-behind/persons/:personId/visits': (f) => ({ method: 'POST', url: `${person(f.county)}/visits`, payload: { visitedOn: '2015-08-01', visitedBy: '越权', findings: '越权走访' } }),
  'POST /api/v1/left-behind/persons/:personId/follow-ups': (f) => ({ method: 'POST', url: `${person(f.county)}/follow-ups`, payload: { warning: 'no_visit', action: 'none', note: '越权处置', followedOn: '2015-08-01' } }),
  'GET /api/v1/left-behind/warnings': (f) => ({ method: 'GET', url: `/api/v1/left-behind/warnings?area=${f.village}` }),
  'GET /api/v1/left-behind/figures': (f) => ({ method: 'GET', url: `/api/v1/left-behind/figures?area=${f.village}&year=2015` }),
};
