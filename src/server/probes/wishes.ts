import type { Probe } from './types.ts';

const wish = (county: string) => `/api/v1/wishes/WX${county}2015000001`;

/** Scope-matrix probes of the wishes routes (微心愿, 慈善捐赠). */
export const wishesProbes: Record<string, Probe> = {
  'POST /api/v1/wishes': (f) => ({ method: 'POST', url: '/api/v1/wishes', payload: { householdNo: f.householdNo, kind: 'item', description: '越权心愿', valueFen: 100, consentOn: '2015-08-01', consentBy: '越权' } }),
  'GET /api/v1/wishes': (f) => ({ method: 'GET', url: `/api/v1/wishes?area=${f.township}` }),
  'GET /api/v1/wishes/wall': (f) => ({ method: 'GET', url: `/api/v1/wishes/wall?area=${f.township}` }),
  'GET /api/v1/wishes/figures': (f) => ({ method: 'GET', url: `/api/v1/wishes/figures?area=${f.county}&year=2015` }),
  'GET /api/v1/wishes/campaigns': () => ({ method: 'GET', url: '/api/v1/wishes/campaigns' }),
  'POST /api/v1/wishes/campaigns': (f) => ({ method: 'POST', url: '/api/v1/wishes/campaigns', payload: { areaCode: f.county, name: '越权活动', fromOn: '2015-01-01', toOn: '2015-12-31' } }),
  'GET /api/v1/wishes/donations': (f) => ({ method: 'GET', url: `/api/v1/wishes/donations?householdNo=${f.householdNo}` }),
  'POST /api/v1/wishes/donations': (f) => ({ method: 'POST', url: '/api/v1/wishes/donations', payload: { donorKind: 'person', donorName: '越权', form: 'cash', valueFen: 100, householdNo: f.householdNo, receivedOn: '2015-08-01' } }),
  'GET /api/v1/wishes/households/:householdNo/assistance': (f) => ({ method: 'GET', url: `/api/v1/wishes/households/${f.householdNo}/assistance` }),
  'GET /api/v1/wishes/:wishNo': (f) => ({ method: 'GET', url: wish(f.county) }),
  'POST /api/v1/wishes/:wishNo/publish': (f) => ({ method: 'POST', url: `${wish(f.county)}/publish`, payload: { publishedOn: '2015-08-01' } }),
  'GET /api/v1/wishes/:wishNo/claimants': (f) => ({ method: 'GET', url: `${wish(f.county)}/claimants?kind=team` }),
  'POST /api/v1/wishes/:wishNo/claim': (f) => ({ method: 'POST', url: `${wish(f.county)}/claim`, payload: { claimedOn: '2015-08-02', claimantKind: 'team', claimantId: 1 } }),
  'POST /api/v1/wishes/:wishNo/fulfil': (f) => ({ method: 'POST', url: `${wish(f.county)}/fulfil`, payload: { fulfilledOn: '2015-08-03', confirmationKind: 'photo', confirmationRef: '越权凭证' } }),
  'POST /api/v1/wishes/:wishNo/withdraw': (f) => ({ method: 'POST', url: `${wish(f.county)}/withdraw`, payload: { withdrawnOn: '2015-08-03', reason: '越权撤回' } }),
};
