import type { Probe } from './types.ts';

/** Scope-matrix probes of the funds routes (资金保障, 减量 plans): every one names the foreign county. */
export const fundsProbes: Record<string, Probe> = {
  'POST /api/v1/funds/budgets': (f) => ({ method: 'POST', url: '/api/v1/funds/budgets', payload: { countyCode: f.county, year: 2015, programme: 'dibao', source: 'central', amountFen: 100, document: '越权文件' } }),
  'GET /api/v1/funds/budgets': (f) => ({ method: 'GET', url: `/api/v1/funds/budgets?area=${f.county}&year=2015` }),
  'POST /api/v1/funds/transfers': (f) => ({ method: 'POST', url: '/api/v1/funds/transfers', payload: { countyCode: f.county, receivedOn: '2015-03-01', programme: 'dibao', source: 'central', amountFen: 100, document: '越权文件' } }),
  'GET /api/v1/funds/transfers': (f) => ({ method: 'GET', url: `/api/v1/funds/transfers?area=${f.county}&year=2015` }),
  'GET /api/v1/funds/execution': (f) => ({ method: 'GET', url: `/api/v1/funds/execution?area=${f.county}&year=2015` }),
  'GET /api/v1/funds/warnings': (f) => ({ method: 'GET', url: `/api/v1/funds/warnings?area=${f.county}&year=2015` }),
  'POST /api/v1/funds/reduction-plans': (f) => ({ method: 'POST', url: '/api/v1/funds/reduction-plans', payload: { countyCode: f.county, programme: 'dibao', document: '越权文件', startYear: 2015, targets: [10] } }),
  'GET /api/v1/funds/reduction-plans': (f) => ({ method: 'GET', url: `/api/v1/funds/reduction-plans?area=${f.county}` }),
};
