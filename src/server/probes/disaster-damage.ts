import type { Probe } from './types.ts';

const no = (county: string) => `SJ${county}2015000001`;
const damage = { personsAffected: 3, personsHomeless: 0, deaths: 0, missing: 0, injured: 0, houseGrade: 'general', houseStructure: 'brick_wood', roomsDamaged: 1, directLossFen: 100_000, note: '' };

/** Scope-matrix probes of the damage register (受灾户登记), goods issued and the 冬春 needs survey. */
export const disasterDamageProbes: Record<string, Probe> = {
  'POST /api/v1/disaster/events/:eventNo/damage': (f) => ({ method: 'POST', url: `/api/v1/disaster/events/${no(f.county)}/damage`, payload: { householdNo: f.householdNo, recordedOn: '2015-07-02', ...damage } }),
  'GET /api/v1/disaster/events/:eventNo/damage': (f) => ({ method: 'GET', url: `/api/v1/disaster/events/${no(f.county)}/damage?area=${f.township}` }),
  'GET /api/v1/disaster/events/:eventNo/damage/:householdNo': (f) => ({ method: 'GET', url: `/api/v1/disaster/events/${no(f.county)}/damage/${f.householdNo}` }),
  'PATCH /api/v1/disaster/events/:eventNo/damage/:householdNo': (f) => ({ method: 'PATCH', url: `/api/v1/disaster/events/${no(f.county)}/damage/${f.householdNo}`, payload: { version: 0, ...damage } }),
  'POST /api/v1/disaster/events/:eventNo/damage/:householdNo/verify': (f) => ({ method: 'POST', url: `/api/v1/disaster/events/${no(f.county)}/damage/${f.householdNo}/verify`, payload: { verifiedOn: '2015-07-03' } }),
  'POST /api/v1/disaster/events/:eventNo/damage/:householdNo/void': (f) => ({ method: 'POST', url: `/api/v1/disaster/events/${no(f.county)}/damage/${f.householdNo}/void`, payload: { reason: '越权作废' } }),
  'POST /api/v1/disaster/events/:eventNo/goods': (f) => ({ method: 'POST', url: `/api/v1/disaster/events/${no(f.county)}/goods`, payload: { householdNo: f.householdNo, item: 'quilt', quantity: 1, issuedOn: '2015-07-02' } }),
  'GET /api/v1/disaster/events/:eventNo/goods': (f) => ({ method: 'GET', url: `/api/v1/disaster/events/${no(f.county)}/goods?area=${f.township}` }),
  'POST /api/v1/disaster/winter-needs': (f) => ({ method: 'POST', url: '/api/v1/disaster/winter-needs', payload: { season: '2015-2016', householdNo: f.householdNo, personsFirst: 1, surveyedOn: '2015-10-10' } }),
  'POST /api/v1/disaster/winter-needs/import': (f) => ({ method: 'POST', url: '/api/v1/disaster/winter-needs/import?season=2015-2016&format=csv', payload: Buffer.from(`户编号,一类人数,二类人数,三类人数,调查日期,备注\n${f.householdNo},1,0,0,2015-10-10,越权导入\n`) }),
  'POST /api/v1/disaster/winter-needs/import/errors.xlsx': (f) => ({ method: 'POST', url: '/api/v1/disaster/winter-needs/import/errors.xlsx?season=2015-2016&format=csv', payload: Buffer.from(`户编号,一类人数,二类人数,三类人数,调查日期,备注\n${f.householdNo},1,0,0,2015-10-10,越权导入\n`) }),
  'GET /api/v1/disaster/winter-needs': (f) => ({ method: 'GET', url: `/api/v1/disaster/winter-needs?season=2015-2016&area=${f.township}` }),
};
