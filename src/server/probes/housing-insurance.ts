import type { Probe } from './types.ts';

const claim = (county: string) => `BX${county}2015000001`;
const list = Buffer.from('户编号,房屋结构\n52270200100100001,砖木\n');
const policy = (county: string) => ({
  countyCode: county, year: 2015, policyNo: '越权保单', insurer: '越权保险', premiumFen: 2000, governmentPermille: 900, perils: ['flood'],
  sums: { reinforced_concrete: 3_000_000, brick_concrete: 2_500_000, brick_wood: 2_000_000, earth_wood: 1_500_000, other: 1_000_000 }, coverageFrom: '2015-01-01', coverageTo: '2015-12-31',
});

/** Scope-matrix probes of the housing-insurance routes (政策性农房保险). */
export const housingInsuranceProbes: Record<string, Probe> = {
  'POST /api/v1/housing-insurance/policies': (f) => ({ method: 'POST', url: '/api/v1/housing-insurance/policies', payload: policy(f.county) }),
  'GET /api/v1/housing-insurance/policies': (f) => ({ method: 'GET', url: `/api/v1/housing-insurance/policies?area=${f.county}` }),
  'GET /api/v1/housing-insurance/policies/:countyCode/:year': (f) => ({ method: 'GET', url: `/api/v1/housing-insurance/policies/${f.county}/2015` }),
  'POST /api/v1/housing-insurance/policies/:countyCode/:year/insured/generate': (f) => ({ method: 'POST', url: `/api/v1/housing-insurance/policies/${f.county}/2015/insured/generate` }),
  'GET /api/v1/housing-insurance/policies/:countyCode/:year/insured': (f) => ({ method: 'GET', url: `/api/v1/housing-insurance/policies/${f.county}/2015/insured?village=${f.village}&unmask=true` }),
  'POST /api/v1/housing-insurance/policies/:countyCode/:year/insured/import': (f) => ({ method: 'POST', url: `/api/v1/housing-insurance/policies/${f.county}/2015/insured/import?format=csv`, payload: list }),
  'POST /api/v1/housing-insurance/policies/:countyCode/:year/insured/import/error-report': (f) => ({ method: 'POST', url: `/api/v1/housing-insurance/policies/${f.county}/2015/insured/import/error-report?format=csv`, payload: list }),
  'POST /api/v1/housing-insurance/claims': (f) => ({ method: 'POST', url: '/api/v1/housing-insurance/claims', payload: { eventNo: `SJ${f.county}2015000001`, householdNo: f.householdNo, reportedOn: '2015-07-20' } }),
  'GET /api/v1/housing-insurance/claims': (f) => ({ method: 'GET', url: `/api/v1/housing-insurance/claims?area=${f.township}` }),
  'GET /api/v1/housing-insurance/claims/:claimNo': (f) => ({ method: 'GET', url: `/api/v1/housing-insurance/claims/${claim(f.county)}` }),
  'POST /api/v1/housing-insurance/claims/:claimNo/assess': (f) => ({ method: 'POST', url: `/api/v1/housing-insurance/claims/${claim(f.county)}/assess`, payload: { grade: 'collapsed', lossFen: 100, assessedOn: '2015-07-21' } }),
  'POST /api/v1/housing-insurance/claims/:claimNo/pay': (f) => ({ method: 'POST', url: `/api/v1/housing-insurance/claims/${claim(f.county)}/pay`, payload: { paidFen: 100, paidOn: '2015-07-22', paymentRef: 'X1' } }),
  'POST /api/v1/housing-insurance/claims/:claimNo/refuse': (f) => ({ method: 'POST', url: `/api/v1/housing-insurance/claims/${claim(f.county)}/refuse`, payload: { reason: '越权拒赔', refusedOn: '2015-07-22' } }),
  'GET /api/v1/housing-insurance/reconciliation': (f) => ({ method: 'GET', url: `/api/v1/housing-insurance/reconciliation?countyCode=${f.county}&year=2015` }),
  'GET /api/v1/housing-insurance/figures': (f) => ({ method: 'GET', url: `/api/v1/housing-insurance/figures?area=${f.township}&year=2015` }),
  'GET /api/v1/housing-insurance/events/:eventNo/figures': (f) => ({ method: 'GET', url: `/api/v1/housing-insurance/events/SJ${f.county}2015000001/figures` }),
};
