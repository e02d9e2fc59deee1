import type { Probe } from './types.ts';

const no = (county: string) => `SJ${county}2015000001`;
const figures = { affectedPersons: 10, relocatedPersons: 2, deaths: 0, missing: 0, housesCollapsed: 1, housesSeriouslyDamaged: 0, housesGenerallyDamaged: 3, cropAffectedHa100: 500, cropFailedHa100: 100, directLossFen: 1_000_000 };

/** Scope-matrix probes of the disaster routes (灾害事件, 灾情报送). */
export const disasterProbes: Record<string, Probe> = {
  'POST /api/v1/disaster/events': (f) => ({ method: 'POST', url: '/api/v1/disaster/events', payload: { countyCode: f.county, kind: 'flood', name: '越权洪涝', startedOn: '2015-07-01', areas: [f.township, f.village] } }),
  'GET /api/v1/disaster/events': (f) => ({ method: 'GET', url: `/api/v1/disaster/events?area=${f.township}` }),
  'GET /api/v1/disaster/events/:eventNo': (f) => ({ method: 'GET', url: `/api/v1/disaster/events/${no(f.county)}` }),
  'GET /api/v1/disaster/events/:eventNo/figures': (f) => ({ method: 'GET', url: `/api/v1/disaster/events/${no(f.county)}/figures` }),
  'POST /api/v1/disaster/events/:eventNo/end': (f) => ({ method: 'POST', url: `/api/v1/disaster/events/${no(f.county)}/end`, payload: { endedOn: '2015-07-10' } }),
  'POST /api/v1/disaster/events/:eventNo/reports': (f) => ({ method: 'POST', url: `/api/v1/disaster/events/${no(f.county)}/reports`, payload: { areaCode: f.village, asOf: '2015-07-02', ...figures } }),
  'GET /api/v1/disaster/events/:eventNo/reports': (f) => ({ method: 'GET', url: `/api/v1/disaster/events/${no(f.county)}/reports?area=${f.township}` }),
};
