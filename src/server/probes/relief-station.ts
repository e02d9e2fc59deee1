import type { Probe } from './types.ts';

const record = (county: string) => `/api/v1/relief-station/records/LQ${county}2015000001`;
const screening = (county: string) => ({
  countyCode: county, stationId: 1, source: 'walk_in', metOn: '2015-08-01', place: '越权地点', sex: 'male', name: '越权', approxAge: 40,
  identityStatus: 'claimed', health: 'healthy', mentalIllness: 'none', infectiousDisease: false, decision: 'accepted', decidedOn: '2015-08-01',
});

/** Scope-matrix probes of the relief-station routes (救助管理站). */
export const reliefStationProbes: Record<string, Probe> = {
  'POST /api/v1/relief-station/records': (f) => ({ method: 'POST', url: '/api/v1/relief-station/records', payload: screening(f.county) }),
  'GET /api/v1/relief-station/records': (f) => ({ method: 'GET', url: `/api/v1/relief-station/records?county=${f.county}` }),
  'GET /api/v1/relief-station/records/:recordNo': (f) => ({ method: 'GET', url: record(f.county) }),
  'POST /api/v1/relief-station/records/:recordNo/entry': (f) => ({ method: 'POST', url: `${record(f.county)}/entry`, payload: { enteredOn: '2015-08-01' } }),
  'POST /api/v1/relief-station/records/:recordNo/services': (f) => ({ method: 'POST', url: `${record(f.county)}/services`, payload: { service: 'food', providedOn: '2015-08-01' } }),
  'POST /api/v1/relief-station/records/:recordNo/family-searches': (f) => ({ method: 'POST', url: `${record(f.county)}/family-searches`, payload: { method: 'dna', searchedOn: '2015-08-01', result: '越权寻亲', found: false } }),
  'POST /api/v1/relief-station/records/:recordNo/long-stay': (f) => ({ method: 'POST', url: `${record(f.county)}/long-stay`, payload: { kind: 'approval', reason: '越权延长', on: '2015-08-12' } }),
  'POST /api/v1/relief-station/records/:recordNo/return': (f) => ({ method: 'POST', url: `${record(f.county)}/return`, payload: { returnedOn: '2015-08-02', destination: '越权目的地', transport: 'bus', ticketFen: 100, escort: false, handedOverTo: 'family', receiver: '越权' } }),
  'POST /api/v1/relief-station/records/:recordNo/referral': (f) => ({ method: 'POST', url: `${record(f.county)}/referral`, payload: { institutionCountyCode: f.county, institutionId: 1, referredOn: '2015-08-02', receiver: '越权' } }),
  'POST /api/v1/relief-station/records/:recordNo/exit': (f) => ({ method: 'POST', url: `${record(f.county)}/exit`, payload: { kind: 'died', exitedOn: '2015-08-02' } }),
  'GET /api/v1/relief-station/stations': (f) => ({ method: 'GET', url: `/api/v1/relief-station/stations?county=${f.county}` }),
  'GET /api/v1/relief-station/figures': (f) => ({ method: 'GET', url: `/api/v1/relief-station/figures?area=${f.county}&year=2015` }),
};
