import type { Foreign, Probe } from './types.ts';

/** The connected system registered for each place of the matrix (its one area: the place's township). */
export const dciClientOf = (f: Pick<Foreign, 'township'>) => `matrix.${f.township}`;

/** Scope-matrix probes of the connected systems' staff API (/api/v1/dci/clients, src/modules/dci/admin-routes.ts). */
export const dciClientProbes: Record<string, Probe> = {
  'GET /api/v1/dci/clients': () => ({ method: 'GET', url: '/api/v1/dci/clients' }),
  'POST /api/v1/dci/clients': (f) => ({ method: 'POST', url: '/api/v1/dci/clients', payload: { clientId: `intruder.${f.township}`, name: '越权接入系统', areaCodes: [f.township], attributes: ['sex'] } }),
  'POST /api/v1/dci/clients/:clientId/revoke': (f) => ({ method: 'POST', url: `/api/v1/dci/clients/${dciClientOf(f)}/revoke` }),
  'GET /api/v1/dci/clients/:clientId/transactions': (f) => ({ method: 'GET', url: `/api/v1/dci/clients/${dciClientOf(f)}/transactions` }),
  'GET /api/v1/dci/clients/:clientId/subscriptions': (f) => ({ method: 'GET', url: `/api/v1/dci/clients/${dciClientOf(f)}/subscriptions` }),
};
