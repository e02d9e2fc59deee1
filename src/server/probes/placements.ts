import type { Probe } from './types.ts';

/** Scope-matrix probes of the placements routes (集中供养): institution and placement ids of the demo data. */
export const placementProbes: Record<string, Probe> = {
  'GET /api/v1/placements': () => ({ method: 'GET', url: '/api/v1/placements?institution=1' }),
  'GET /api/v1/placements/occupancy': () => ({ method: 'GET', url: '/api/v1/placements/occupancy?institution=1&from=2015-01-01&to=2015-01-31' }),
  'GET /api/v1/placements/institutions': (f) => ({ method: 'GET', url: `/api/v1/placements/institutions?area=${f.county}` }),
  'GET /api/v1/placements/figures': (f) => ({ method: 'GET', url: `/api/v1/placements/figures?area=${f.county}&year=2015` }),
  'GET /api/v1/placements/:id': () => ({ method: 'GET', url: '/api/v1/placements/1' }),
  'POST /api/v1/placements/:id/admit': () => ({ method: 'POST', url: '/api/v1/placements/1/admit', payload: { date: '2015-10-01' } }),
  'POST /api/v1/placements/:id/transfer': () => ({ method: 'POST', url: '/api/v1/placements/1/transfer', payload: { date: '2015-10-01', institutionId: 2, reason: '越权转院' } }),
  'POST /api/v1/placements/:id/discharge': () => ({ method: 'POST', url: '/api/v1/placements/1/discharge', payload: { date: '2015-10-01', reason: '越权离院' } }),
  'POST /api/v1/placements/:id/death': () => ({ method: 'POST', url: '/api/v1/placements/1/death', payload: { date: '2015-10-01' } }),
};
